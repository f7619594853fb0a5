"""The scoring story in Chromium, every page scanned by axe-core: a peer team evaluates an
entry; a juror declares no conflict and scores with the keyboard alone; the organiser reads the
deliberation ranking; the team reads how its score was computed. Screenshots at 1280 and 375 px
go to /tmp/prizes-*.png."""

import pytest
from playwright.sync_api import expect

from essaimage.enums import Role
from evaluations import scoring_services
from evaluations.enums import CampaignPhase, Panel
from evaluations.models import Assignment, Campaign, ScoreSheet
from tests.e2e.conftest import login
from tests.evaluations.scoring_helpers import campaign_with_entries, fill
from tests.factories import UserFactory
from tests.factories.core import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def tab_until(page, test: str, limit: int = 150):
    """Press Tab until `test` (JS on document.activeElement, named `el`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({test}); }})()"):
            return
    raise AssertionError(f"Tab never reached: {test}")


def shots(page, name):
    page.screenshot(path=f"/tmp/prizes-{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=f"/tmp/prizes-{name}-375.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def set_phase(campaign, phase):
    Campaign.objects.filter(pk=campaign.pk).update(phase=phase)


def test_peer_juror_deliberation_explanation(new_visit):
    campaign, entries, (juror,) = campaign_with_entries(3, phase=CampaignPhase.PEER_REVIEW, jurors=1,
                                                        peers_per_entry=1, jurors_per_entry=1)
    for entry in entries:
        entry.created_by.email = f"equipe{entry.pk}@exemple.gouv.fr"
        entry.created_by.save()
    juror.email = "jure.e2e@exemple.gouv.fr"
    juror.save()
    scoring_services.peer_assignments_create(campaign)
    target = entries[0]
    peer_assignment = Assignment.objects.get(entry=target, panel=Panel.PEER)
    peer = peer_assignment.evaluator

    # A peer team: its list, the conflict question, the sheet, sent.
    visit = new_visit()
    login(visit, peer.email, PASSWORD)
    page = visit.goto(f"/prix/{campaign.slug}/evaluer/")
    expect(page.get_by_role("heading", name="Mes évaluations")).to_be_visible()
    shots(page, "tasks")
    page.get_by_role("link", name="Candidature n° 1").click()
    visit.check()
    page.locator("label[for='id_answer_0']").click()
    page.get_by_role("button", name="Enregistrer ma réponse et continuer").click()
    visit.check()
    for group in page.locator("fieldset.fr-fieldset").all():
        radios = group.get_by_role("radio")
        if radios.count() > 3:
            page.locator(f"label[for='{radios.nth(4).get_attribute('id')}']").click()
    shots(page, "sheet")
    page.get_by_role("button", name="Envoyer (définitif)").click()
    visit.check()
    expect(page.get_by_text("Votre fiche est envoyée. Merci !")).to_be_visible()
    assert ScoreSheet.objects.get(assignment=peer_assignment).state.is_locked

    # The jury: the juror answers the conflict question and scores with the keyboard alone.
    set_phase(campaign, CampaignPhase.JURY)
    scoring_services.jury_assignments_create(Campaign.objects.get(pk=campaign.pk))
    jury_assignment = Assignment.objects.get(entry=target, panel=Panel.JURY)
    visit = new_visit()
    login(visit, juror.email, PASSWORD)
    page = visit.goto(f"/prix/evaluation/{jury_assignment.pk}/")
    expect(page.get_by_role("heading", name="avez-vous un conflit d’intérêts ?")).to_be_visible()
    shots(page, "conflict")
    tab_until(page, "el.name === 'answer'")
    page.keyboard.press("Space")  # the first choice: « Je n’ai aucun conflit d’intérêts »
    expect(page.get_by_label("Je n’ai aucun conflit d’intérêts avec ce dossier")).to_be_checked()
    tab_until(page, "el.tagName === 'BUTTON' && el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.check()
    criteria = list(campaign.criteria.all())
    for index, criterion in enumerate(criteria):
        tab_until(page, f"el.name === 'score_{criterion.pk}'")
        page.keyboard.press("Space")
        for _ in range(index % 3 + 2):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
        page.keyboard.type(f"Commentaire au clavier {index}")
    tab_until(page, "el.tagName === 'BUTTON' && el.value === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.check()
    sheet = ScoreSheet.objects.get(assignment=jury_assignment)
    assert sheet.state.is_locked
    assert [s.value for s in sheet.scores.order_by("criterion__order")] == [2, 3, 4, 2, 3]

    # Deliberation: the organiser's ranking, then the exports' links.
    for entry in entries[1:]:
        for assignment in Assignment.objects.filter(entry=entry, removed_at__isnull=True, sheet__status="draft"):
            fill(assignment, [3, 3, 3, 3, 3])
    set_phase(campaign, CampaignPhase.DELIBERATION)
    organiser = campaign.organisers.get()
    organiser.email = "organisatrice.e2e@exemple.gouv.fr"
    organiser.save()
    visit = new_visit()
    login(visit, organiser.email, PASSWORD)
    page = visit.goto(f"/prix/{campaign.slug}/organisation/deliberation/")
    expect(page.get_by_role("heading", name="Délibération", exact=True)).to_be_visible()
    expect(page.locator(f"#candidature-{target.pk}")).to_contain_text(target.innovation.title)
    shots(page, "deliberation")
    visit.goto(f"/prix/{campaign.slug}/organisation/jury/")
    shots(page, "jury")

    # Results: the team reads the explanation of its score.
    set_phase(campaign, CampaignPhase.RESULTS)
    Campaign.objects.filter(pk=campaign.pk).update(results_published_at=campaign.created_at)
    visit = new_visit()
    login(visit, target.created_by.email, PASSWORD)
    page = visit.goto(f"/prix/candidatures/{target.pk}/explication/")
    expect(page.get_by_role("heading", name="Comment votre note a été calculée")).to_be_visible()
    expect(page.get_by_text("Commentaire au clavier 0")).to_be_visible()
    shots(page, "explanation")


def test_invitation_page_for_a_visitor(new_visit):
    campaign, _entries, _jurors = campaign_with_entries(1, phase=CampaignPhase.JURY)
    organiser = UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])
    campaign.organisers.add(organiser)
    from evaluations.models import JurorInvitation
    from evaluations.scoring_services import _token_hash

    JurorInvitation.objects.create(campaign=campaign, email="x@exemple.gouv.fr", token=_token_hash("e2e-jeton"),
                                   invited_by=organiser)
    visit = new_visit()
    page = visit.goto("/prix/jury/invitation/e2e-jeton/")
    expect(page.locator("#content").get_by_role("link", name="Se connecter")).to_be_visible()


def test_organiser_invites_a_juror_and_completes_the_jury(new_visit):
    campaign, _entries, _jurors = campaign_with_entries(3, phase=CampaignPhase.JURY, jurors=2, jurors_per_entry=1)
    organiser = campaign.organisers.get()
    organiser.email = "organisateur.jury@exemple.gouv.fr"
    organiser.save()
    visit = new_visit()
    login(visit, organiser.email, PASSWORD)
    page = visit.goto(f"/prix/{campaign.slug}/organisation/jury/")
    page.get_by_label("Adresse e-mail du juré").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer l’invitation").click()
    visit.check()
    expect(page.locator("#error-summary")).to_contain_text("Saisissez une adresse e-mail valide")
    page.get_by_label("Adresse e-mail du juré").fill("nouvelle.jure@exemple.gouv.fr")
    page.get_by_role("button", name="Envoyer l’invitation").click()
    visit.check()
    expect(page.get_by_text("L’invitation est envoyée à nouvelle.jure@exemple.gouv.fr.")).to_be_visible()
    page.get_by_role("button", name="Compléter l’attribution du jury").click()
    visit.check()
    expect(page.get_by_text("3 attribution(s) créée(s), 0 retirée(s).")).to_be_visible()
    shots(page, "jury-open")
