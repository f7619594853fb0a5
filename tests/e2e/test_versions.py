from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from innovations.models import Innovation
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.innovations.helpers import form_data


def test_the_team_compares_two_versions_of_its_sheet(visit, db):
    territory_tree()
    agent = UserFactory(email="equipe@exemple.gouv.fr")
    client = Client()
    client.force_login(agent)
    client.post(reverse("innovations:create"), form_data(summary="Des lieux ouverts pour les démarches."))
    innovation = Innovation.objects.get()
    client.post(reverse("innovations:update", args=[innovation.slug]),
                form_data(summary="Des lieux ouverts le samedi pour les démarches.", stage="eprouvee"))

    login(visit, "equipe@exemple.gouv.fr", PASSWORD)
    page = visit.goto(reverse("innovations:detail", args=[innovation.slug]))
    page.locator("a[href*='/versions/']").first.click()
    visit.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Version du")
    expect(page.locator("ins").first).to_contain_text("samedi")
    expect(page.get_by_role("heading", name="Stade")).to_be_visible()
