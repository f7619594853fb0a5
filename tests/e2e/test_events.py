"""Rencontres in the browser (axe on every page): register to an event that then fills up,
join its waiting list, accept the seat offered when the other registrant cancels; the
organiser's pages (create form, attendee list)."""

from django.urls import reverse
from playwright.sync_api import expect

from essaimage.enums import Role
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD
from tests.factories.events import EventFactory
from tests.factories.innovations import InnovationFactory


def test_waiting_list_story(new_visit, db):
    organiser = UserFactory(email="orga@exemple.gouv.fr", roles=[Role.AGENT, Role.ORGANISATEUR])
    event = EventFactory(organiser=organiser, title="Atelier des cantines partagées", capacity=1)
    event.innovations.add(InnovationFactory(title="Cantine partagée"))
    UserFactory(email="premiere@exemple.gouv.fr", first_name="Anne", last_name="Premier")
    UserFactory(email="second@exemple.gouv.fr", first_name="Bruno", last_name="Second")

    first = new_visit()
    page = first.goto(reverse("sponsors:events:list"))
    expect(page.get_by_role("link", name="Atelier des cantines partagées")).to_be_visible()
    login(first, "premiere@exemple.gouv.fr", PASSWORD)
    page = first.goto(event.get_absolute_url())
    page.get_by_role("link", name="S’inscrire").click()
    first.check()
    page.locator("label[for=id_public_listing]").click()
    page.get_by_role("button", name="Confirmer mon inscription").click()
    first.check()
    expect(page.get_by_text("Vous êtes inscrit : un rappel")).to_be_visible()

    second = new_visit()
    login(second, "second@exemple.gouv.fr", PASSWORD)
    other = second.goto(event.get_absolute_url())
    expect(other.get_by_text("Anne Premier")).to_be_visible()  # listed: she agreed
    other.get_by_role("link", name="Rejoindre la liste d’attente").click()
    second.check()
    other.get_by_role("button", name="Rejoindre la liste d’attente").focus()
    with other.expect_navigation():
        other.keyboard.press("Enter")  # keyboard works
    second.check()
    expect(other.get_by_text("vous êtes en liste d’attente (rang 1)")).to_be_visible()

    page.get_by_role("button", name="Se désinscrire").click()
    first.check()
    expect(page.get_by_text("Votre inscription est annulée.")).to_be_visible()

    other.reload()
    second.check()
    expect(other.get_by_role("complementary").get_by_text("Une place s’est libérée pour vous")).to_be_visible()
    other.get_by_role("button", name="Accepter la place").click()
    second.check()
    expect(other.get_by_text("Place acceptée : vous êtes inscrit.")).to_be_visible()

    organiser_visit = new_visit()
    login(organiser_visit, "orga@exemple.gouv.fr", PASSWORD)
    attendees = organiser_visit.goto(reverse("sponsors:events:attendees", args=[event.slug]))
    expect(attendees.get_by_role("cell", name="Bruno Second")).to_be_visible()
    form = organiser_visit.goto(reverse("sponsors:events:create"))
    form.get_by_role("button", name="Enregistrer").click()
    organiser_visit.check()
    expect(form.get_by_text("Ce champ est obligatoire.").first).to_be_visible()
    organiser_visit.goto(reverse("sponsors:events:mine"))
