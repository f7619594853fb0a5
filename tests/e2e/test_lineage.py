from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, OrganisationFactory, territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory


def test_an_agent_declares_a_replication_inspired_by_another(visit, db):
    territory_tree()
    innovation = InnovationFactory(title="Navette solidaire du plateau")
    ReplicationFactory(innovation=innovation, organisation=OrganisationFactory(name="CCAS de Roubaix"),
                       territory=territory_tree("Roubaix", "59512"))
    UserFactory(email="lille@exemple.gouv.fr", organisation=OrganisationFactory(name="Mairie de Lille"))

    login(visit, "lille@exemple.gouv.fr", PASSWORD)
    page = visit.goto(reverse("innovations:replicate", args=[innovation.slug]))
    page.get_by_label("Territoire où", exact=False).fill("Lille (59350)")
    page.locator("label[for=id_scaling_mode_0]").click()
    page.get_by_label("Vous êtes-vous inspiré", exact=False).select_option(label="CCAS de Roubaix – Roubaix")
    page.get_by_role("button", name="Déclarer l’essaimage").click()
    visit.check()
    expect(page.get_by_text("inspiré de l’essaimage de CCAS de Roubaix (Roubaix)")).to_be_visible()
