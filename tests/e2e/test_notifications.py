"""An agent follows an innovation, hears of its new version through the header bell, chooses the
daily digest, and unsubscribes from an e-mail link (no log-in); axe scans every page."""

from django.core import mail
from playwright.sync_api import expect

from innovations import notices as kinds
from innovations import services as innovation_services
from notifications.enums import Frequency
from notifications.models import NoticePreference
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD
from tests.factories.innovations import InnovationFactory


def test_follow_bell_digest_preference_and_unsubscribe(new_visit, db, settings, live_server):
    settings.SITE_URL = live_server.url
    owner = UserFactory(email="porteuse@exemple.gouv.fr")
    UserFactory(email="curieux@exemple.gouv.fr")
    innovation = InnovationFactory(created_by=owner, title="Maison France services itinérante")

    visit = new_visit()
    login(visit, "curieux@exemple.gouv.fr", PASSWORD)
    page = visit.goto(innovation.get_absolute_url())
    page.get_by_role("button", name="Suivre cette innovation").click()
    visit.check()
    expect(page.get_by_role("status").first).to_contain_text("Vous suivez")
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()

    # The team publishes a new version of the sheet.
    innovation_services.innovation_save(innovation=innovation, by=owner, data={"summary": "Un bus qui va partout."},
                                        themes=[], grid={}, funding=[], coauthors=[])

    page = visit.goto("/")
    bell = page.get_by_role("link", name="Notifications, 1 non lue")
    expect(bell).to_be_visible()
    bell.click()
    visit.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes notifications")
    expect(page.locator(".essaimage-notice--unread")).to_have_count(1)
    page.get_by_role("link", name="Nouvelle version de « Maison France services itinérante »").click()
    visit.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maison France services itinérante")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()  # read now

    page = visit.goto("/notifications/")
    page.get_by_role("link", name="Choisir les e-mails que je reçois").click()
    visit.check()
    page.locator(f"#preference-{kinds.FOLLOWED_NEW_VERSION}").get_by_text("Dans un récapitulatif quotidien").click()
    page.get_by_role("button", name="Enregistrer mes préférences").click()
    visit.check()
    expect(page.get_by_role("status").first).to_contain_text("Vos préférences de notification sont enregistrées.")
    follower = UserFactory._meta.model.objects.get(email="curieux@exemple.gouv.fr")
    assert NoticePreference.objects.get(user=follower, kind=kinds.FOLLOWED_NEW_VERSION).frequency == Frequency.DIGEST

    # The e-mail of the new version carries a one-click link: opened by someone not logged in.
    sent = next(m for m in mail.outbox if m.to == ["curieux@exemple.gouv.fr"])
    link = sent.extra_headers["List-Unsubscribe"].strip("<>")
    assert link.startswith(live_server.url)
    anonymous = new_visit()
    page = anonymous.goto(link.removeprefix(live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désabonner")
    page.get_by_role("button", name="Confirmer le désabonnement").click()
    anonymous.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
    assert NoticePreference.objects.get(user=follower, kind=kinds.FOLLOWED_NEW_VERSION).frequency == Frequency.NEVER
