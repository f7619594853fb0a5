"""The edit form in Chromium: unsaved changes warn before leaving, saving does not; the
confirmation is in view after saving; a stale form comes back with the user's text (axe-scanned)."""

from playwright.sync_api import expect

from innovations import services
from innovations.enums import TeamRole
from innovations.models import Innovation, TeamMember
from innovations.reference_data import themes_ensure
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree


def test_unsaved_changes_warn_and_stale_edits_keep_the_text(new_visit, db):
    themes_ensure()
    territory_tree()
    owner = UserFactory(email="porteuse@exemple.gouv.fr")
    coauthor = UserFactory(email="coauteur@exemple.gouv.fr")
    innovation = services.innovation_save(
        innovation=None, by=owner, data={"title": "Conciergerie solidaire", "problem": "Version d’origine."},
        themes=[], grid={}, funding=[("Commune", 60)], coauthors=[coauthor])
    assert TeamMember.objects.get(user=coauthor).role == TeamRole.COAUTHOR
    url = f"/innovations/{innovation.slug}/modifier/"

    # The co-author opens the form and types, then tries to leave: the browser asks first.
    visit = new_visit()
    login(visit, "coauteur@exemple.gouv.fr", PASSWORD)
    page = visit.goto(url)
    page.locator("#id_solution").fill("La solution du co-auteur.")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Voir la fiche").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    expect(page).to_have_url(visit.base_url + url)

    # Meanwhile the owner saves; the co-author's save is refused, their text kept, no warning.
    services.innovation_save(innovation=innovation, by=owner, data={"title": "Conciergerie solidaire",
                                                                     "problem": "Version de la porteuse."},
                             themes=[], grid={}, funding=[("Commune", 60)], coauthors=[coauthor],
                             base_revision=services.latest_revision_id(innovation))
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    visit.check()
    assert dialogs == ["beforeunload"]
    expect(page.locator("#stale-edit")).to_contain_text(owner.full_name)
    expect(page.locator("#stale-edit")).to_be_focused()
    expect(page.locator("#id_solution")).to_have_value("La solution du co-auteur.")
    expect(page.locator("#id_problem")).to_have_value("Version de la porteuse.")
    page.screenshot(path="/tmp/editform_stale.png", full_page=True)

    # Saving again, knowingly: both changes are kept; the confirmation is in view and focused.
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    visit.check()
    confirmation = page.locator("main .fr-alert--success")
    expect(confirmation).to_contain_text("Vos modifications sont enregistrées.")
    expect(confirmation).to_be_focused()
    saved = Innovation.objects.get()
    assert (saved.problem, saved.solution) == ("Version de la porteuse.", "La solution du co-auteur.")
    # The draft was saved with an unbalanced funding mix; what is left is linked.
    expect(page.locator("#a-completer")).to_contain_text("total actuel\u00a0: 60\u00a0%")
