"""Pages that hold together (issue 7, point 2): nothing of the main content or the sidebar is
drawn over the footer, at 1280 and 375 px, and the main action is within the first screen."""

import pytest
from playwright.sync_api import expect

from essaimage.enums import Role
from innovations import services
from innovations.enums import ReplicationStatus, Status
from innovations.models import Revision
from tests.e2e.conftest import login
from tests.e2e.layout import assert_in_first_screen, assert_nothing_overlaps_footer, assert_receives_clicks
from tests.factories import UserFactory
from tests.factories.core import PASSWORD
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG = ("Un texte assez long pour remplir la colonne principale, comme sur une vraie fiche. " * 12).strip()


@pytest.fixture
def sheet(db):
    """A full published sheet with its history, versions and declarations, and its cast."""
    owner = UserFactory(email="porteuse@exemple.gouv.fr")
    moderator = UserFactory(email="moderation@exemple.gouv.fr", roles=[Role.AGENT, Role.MODERATEUR])
    declarer = UserFactory(email="declarant@exemple.gouv.fr")
    innovation = InnovationFactory(title="Épicerie solidaire itinérante", status=Status.SUBMITTED,
                                   created_by=owner, problem=LONG, solution=LONG, public_concerned=LONG,
                                   results=LONG, costs=LONG)
    services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    for _ in range(6):
        Revision.objects.create(innovation=innovation, author=owner, status=Status.PUBLISHED,
                                data={}, changed_fields=["summary", "problem"])
    ReplicationFactory(innovation=innovation, declared_by=declarer, status=ReplicationStatus.EN_COURS)
    for status in (ReplicationStatus.INTERESSE, ReplicationStatus.REALISE):
        ReplicationFactory(innovation=innovation, status=status)
    return {"innovation": innovation, "anonymous": None, "team": owner, "moderator": moderator,
            "declarer": declarer}


MAIN_ACTION = {
    "anonymous": "Se connecter pour essaimer cette innovation",
    "team": "Je souhaite essaimer cette innovation",
    "moderator": "Je souhaite essaimer cette innovation",
    "declarer": "Mettre à jour ma déclaration",
}


@pytest.mark.parametrize("role", ["anonymous", "team", "moderator", "declarer"])
def test_innovation_page_holds_together(new_visit, sheet, role):
    visit = new_visit()
    if sheet[role] is not None:
        login(visit, sheet[role].email, PASSWORD)
    page = visit.goto(sheet["innovation"].get_absolute_url())

    # 1280 px: the main action, in the sidebar, is on the first screen; nothing runs over the footer.
    action = page.locator("aside").get_by_role("link", name=MAIN_ACTION[role], exact=True)
    expect(action).to_be_visible()
    assert_in_first_screen(page, action)
    assert_nothing_overlaps_footer(page)
    if role in ("team", "moderator"):
        assert_receives_clicks(page, page.locator("aside ol li a").last)  # the oldest version
    if role == "moderator":
        heading = page.get_by_role("heading", name="Modération", exact=True).bounding_box()
        button = page.get_by_role("button", name="Archiver").bounding_box()
        assert heading["y"] + heading["height"] <= button["y"]

    # 375 px: the columns stack; the main action moves under the summary.
    page.set_viewport_size({"width": 375, "height": 812})
    visit.check()
    assert_nothing_overlaps_footer(page)
    expect(page.locator("main .fr-hidden-lg").get_by_role("link", name=MAIN_ACTION[role], exact=True)).to_be_visible()
    expect(action).to_be_hidden()


def test_print_button_appears_with_javascript_and_the_printed_sheet_is_clean(new_visit, sheet):
    visit = new_visit()
    page = visit.goto(sheet["innovation"].get_absolute_url())
    button = page.locator("aside").get_by_role("button", name="Imprimer / PDF")
    expect(button).to_be_visible()
    page.emulate_media(media="print")
    for hidden in ("header .fr-header__tools", "footer.fr-footer", "aside .fr-btn", ".fr-breadcrumb"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.get_by_text("Fiche de la plateforme Essaimage, en ligne")).to_be_visible()
    expect(page.get_by_role("heading", name="En bref")).to_be_visible()
    page.emulate_media(media="screen")


def test_update_form_and_moderation_error_page_hold_together(new_visit, sheet):
    declarer = new_visit()
    login(declarer, sheet["declarer"].email, PASSWORD)
    page = declarer.goto(sheet["innovation"].get_absolute_url())
    page.locator("aside").get_by_role("link", name="Mettre à jour ma déclaration").click()
    declarer.check()
    expect(page.get_by_text("sans engagement formel avec l’équipe d’origine")).to_be_visible()
    assert_nothing_overlaps_footer(page)

    submitted = InnovationFactory(title="Navette solidaire", status=Status.SUBMITTED)
    moderator = new_visit()
    login(moderator, sheet["moderator"].email, PASSWORD)
    page = moderator.goto(submitted.get_absolute_url())
    page.get_by_role("button", name="Demander des modifications").click()  # no message: refused
    moderator.check()
    expect(page.get_by_text("Expliquez à l'équipe les modifications attendues.")).to_be_visible()
    assert_nothing_overlaps_footer(page)
