"""Reviews to the first released tranche, in the browser (axe on every page): the instructeur
assigns the reviewers; one reviewer declares no conflict and scores with the keyboard alone;
another declares a conflict and loses the file; the instructeur accepts with a convention,
records it signed; the team reports a milestone; the instructeur validates it and the tranche
shows as released."""

from decimal import Decimal

from playwright.sync_api import expect

from grants.models import Grant, ReviewAssignment
from reviewing.enums import ConflictAnswer, SheetStatus
from tests.e2e.conftest import login
from tests.factories.core import PASSWORD
from tests.grants import review_helpers as h


def test_review_decision_convention_and_first_tranche(new_visit, db, settings, live_server):
    settings.SITE_URL = live_server.url
    boss = h.instructeur(email="instructrice@exemple.gouv.fr")
    call = h.call(h.programme(instructeurs=[boss]), envelope=Decimal("200000.00"), k=2)
    application = h.application(call, amount=Decimal("40000.00"))
    owner = h.team_member(application)
    owner.email = "porteuse@exemple.gouv.fr"
    owner.save(update_fields=["email"])
    h.evaluator(email="evaluatrice@exemple.gouv.fr")
    h.evaluator(email="evaluateur@exemple.gouv.fr")
    pk = application.pk

    # The instructeur assigns the reviewers automatically.
    instructeur = new_visit()
    login(instructeur, boss.email, PASSWORD)
    page = instructeur.goto(f"/subventions/instruction/appels/{call.pk}/evaluations/")
    page.get_by_role("button", name="Attribuer automatiquement").click()
    instructeur.check()
    expect(page.get_by_role("status").first).to_contain_text("2 attributions créées.")

    # A reviewer declares no conflict, then scores with the keyboard alone.
    reviewer = new_visit()
    login(reviewer, "evaluatrice@exemple.gouv.fr", PASSWORD)
    page = reviewer.goto("/subventions/evaluations/")
    page.get_by_role("link", name=application.innovation.title).click()
    reviewer.check()
    page.get_by_label("Je n’ai aucun conflit d’intérêts avec ce dossier").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the reason (left empty)
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    reviewer.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Évaluer")
    page.locator("input[type=radio][name^=score_]").first.focus()
    for _criterion in range(5):
        for _step in range(4):
            page.keyboard.press("ArrowRight")  # 0 → 4
        page.keyboard.press("Tab")  # the criterion's comment
        page.keyboard.type("Solide.")
        page.keyboard.press("Tab")  # next criterion (or the opinion)
    page.keyboard.press("Space")  # « Favorable »
    page.keyboard.press("Tab")
    page.keyboard.type("Un dossier prêt à essaimer.")
    page.keyboard.press("Tab")  # « Enregistrer le brouillon »
    page.keyboard.press("Tab")  # « Envoyer (définitif) »
    with page.expect_navigation():
        page.keyboard.press("Enter")
    reviewer.check()
    expect(page.get_by_role("status").first).to_contain_text("Votre évaluation est envoyée")
    sheet = ReviewAssignment.objects.get(evaluator__email="evaluatrice@exemple.gouv.fr").sheet
    assert sheet.status == SheetStatus.SUBMITTED and {s.value for s in sheet.scores.all()} == {4}

    # Another declares a conflict and loses the file.
    other = new_visit()
    login(other, "evaluateur@exemple.gouv.fr", PASSWORD)
    page = other.goto("/subventions/evaluations/")
    page.get_by_role("link", name=application.innovation.title).click()
    other.check()
    url = page.url
    page.locator("label", has_text="Je déclare un conflit d’intérêts").click()
    page.get_by_label("Nature du conflit").fill("J’ai travaillé avec la porteuse.")
    page.get_by_role("button", name="Enregistrer ma réponse").click()
    other.check()
    expect(page.get_by_role("status").first).to_contain_text("ce dossier vous est retiré")
    expect(page.get_by_text("Aucun dossier ne vous est confié")).to_be_visible()
    assert other.page.request.get(url).status == 404
    assert ReviewAssignment.objects.get(evaluator__email="evaluateur@exemple.gouv.fr").conflict == (
        ConflictAnswer.DECLARED)

    # The instructeur reads the score and accepts with a convention, then records it signed.
    page = instructeur.goto(f"/subventions/demandes/{pk}/evaluations/")
    expect(page.get_by_text("16,00")).to_be_visible()
    page.locator("label[for^=id_outcome]", has_text="Accepté").click()
    page.get_by_label("Montant accordé (en euros)").fill("40 000")
    page.get_by_role("button", name="Enregistrer la décision").click()
    instructeur.check()
    expect(page.get_by_role("status").first).to_contain_text("La décision est enregistrée")
    page.get_by_role("link", name="Convention").click()
    instructeur.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Convention de subvention")
    page.get_by_role("link", name="Suivi de la subvention").click()
    instructeur.check()
    page.locator("label", has_text="Je confirme que la convention a été signée").click()
    page.get_by_role("button", name="Enregistrer la convention comme signée").click()
    instructeur.check()
    expect(page.get_by_role("status").first).to_contain_text("la subvention commence")

    # The team reads the letter and reports its first milestone.
    team = new_visit()
    login(team, owner.email, PASSWORD)
    page = team.goto(f"/subventions/demandes/{pk}/decision/lettre/")
    expect(page.get_by_role("heading", name="Voies et délais de recours")).to_be_visible()
    page = team.goto(f"/subventions/demandes/{pk}/subvention/")
    page.get_by_label("Ce qui a été réalisé").first.fill("Deux communes du Nord ont repris le dispositif.")
    page.get_by_role("button", name="Rendre compte du jalon « Jalon 1 »").click()
    team.check()
    expect(page.get_by_role("status").first).to_contain_text("est transmis à l’instruction")

    # The instructeur validates it: the tranche shows as released.
    page = instructeur.goto(f"/subventions/demandes/{pk}/subvention/")
    page.locator("label", has_text="Valider le jalon et verser sa tranche").click()
    page.get_by_role("button", name="Enregistrer la vérification du jalon « Jalon 1 »").click()
    instructeur.check()
    expect(page.get_by_role("status").first).to_contain_text("sa tranche est versée")
    expect(page.get_by_text("Tranche versée : 20 000,00 €")).to_be_visible()
    expect(page.locator("#released-amount")).to_have_text("20 000,00 €")
    assert Grant.objects.get(application=application).releases.count() == 1


def test_every_other_page_of_part_2_passes_axe(new_visit, db, settings, live_server):
    """Dashboards, exports page links, open data, financial report, hearing, letter of a refusal,
    the evaluator's queue and conflict question: scanned by axe, at 1280 px (new_visit) and read
    through with the keyboard-usable DSFR forms."""
    import datetime

    from django.utils import timezone

    from grants import decision_services, followup_services, review_services
    from grants.enums import DecisionOutcome, GrantAction, HearingPurpose, MilestoneAction

    settings.SITE_URL = live_server.url
    boss = h.instructeur(email="instructrice@exemple.gouv.fr")
    programme = h.programme(instructeurs=[boss])
    call = h.call(programme, envelope=Decimal("200000.00"))
    reviewer = h.evaluator(email="evaluatrice@exemple.gouv.fr")
    reviewed = h.reviewed(call, boss, [reviewer, h.evaluator()], amount=Decimal("30000.00"))
    refused = h.application(call)
    decision_services.decide(application=refused, outcome=DecisionOutcome.REFUSED, by=boss,
                             motivation="Le plan d’essaimage reste à préciser.")
    decision_services.decide(application=reviewed, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=Decimal("30000"))
    grant = Grant.objects.get(application=reviewed)
    decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
    team_user = h.team_member(reviewed)
    milestone = reviewed.milestones.first()
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT, by=team_user,
                                           message="Fait.")
    followup_services.hearing_open(grant=grant, by=boss, purpose=HearingPurpose.REDUCTION, reason="Retard.",
                                   deadline=timezone.localdate() + datetime.timedelta(days=20))
    pending = h.application(call)
    review_services.assign_by_hand(application=pending, evaluator=reviewer, by=boss)

    instructeur = new_visit()
    login(instructeur, boss.email, PASSWORD)
    for path in (f"/subventions/instruction/appels/{call.pk}/tableau-de-bord/",
                 f"/subventions/instruction/programmes/{programme.pk}/tableau-de-bord/",
                 f"/subventions/demandes/{reviewed.pk}/evaluations/",
                 f"/subventions/demandes/{reviewed.pk}/subvention/",
                 f"/subventions/demandes/{reviewed.pk}/subvention/compte-rendu-financier/",
                 f"/subventions/demandes/{refused.pk}/decision/lettre/",
                 "/subventions/donnees-ouvertes/"):
        instructeur.goto(path)
    evaluator = new_visit()
    login(evaluator, reviewer.email, PASSWORD)
    page = evaluator.goto("/subventions/evaluations/")
    page.get_by_role("link", name=pending.innovation.title).click()
    evaluator.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avant d’ouvrir le dossier")
    team = new_visit()
    login(team, team_user.email, PASSWORD)
    page = team.goto(f"/subventions/demandes/{reviewed.pk}/subvention/")
    page.get_by_label("Vos observations").fill("Le partenaire de Lens a changé d’équipe.")
    page.get_by_role("button", name="Transmettre mes observations").click()
    team.check()
    expect(page.get_by_role("status").first).to_contain_text("Vos observations sont transmises")
    page = team.goto(f"/subventions/demandes/{reviewed.pk}/subvention/compte-rendu-financier/")
    page.get_by_label("Dépense réalisée : Personnel").fill("abc")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    team.check()
    expect(page.get_by_text("Saisissez un montant en euros")).to_be_visible()
