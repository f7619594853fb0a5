"""Follow-up pages: the grant page, the printable letter and convention, the financial report,
the dashboards (bounded queries), hostile input inert."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from grants import decision_services, followup_services
from grants.enums import DecisionOutcome, GrantAction, HearingPurpose, MilestoneAction
from grants.models import Grant
from tests.grants import review_helpers as h
from tests.text import page_text

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script>'
DASHBOARD_QUERIES = 12
PROGRAMME_DASHBOARD_QUERIES = 13
GRANT_PAGE_QUERIES = {True: 12, False: 10}  # instructeur, team


@pytest.fixture
def world():
    boss = h.instructeur()
    programme = h.programme(instructeurs=[boss])
    return boss, programme, h.call(programme, envelope=Decimal("500000.00"))


def accept(call, boss, amount=Decimal("30000.00"), **kwargs):
    application = h.application(call, amount=amount, **kwargs)
    decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=amount)
    grant = Grant.objects.get(application=application)
    if grant.convention_required:
        decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
    return application, grant


@pytest.mark.parametrize("count", [1, 4])
def test_dashboards_run_a_fixed_number_of_queries(world, client_for, django_assert_num_queries, count):
    boss, programme, call = world
    reviewers = [h.evaluator(), h.evaluator()]
    for _ in range(count):
        h.reviewed(call, boss, reviewers)
        application, _grant = accept(call, boss)
        milestone = application.milestones.first()
        followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT,
                                               by=h.team_member(application), message="Fait.")
        followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.VALIDATE, by=boss)
    client = client_for(boss)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("grants:call_dashboard", args=[call.pk]))
    text = page_text(response)
    assert f"{15000 * count:,}".replace(",", " ") + ",00 €" in text  # released: one tranche of 15,000 € each
    assert "Délai médian entre le dépôt et la décision : 20" in text
    with django_assert_num_queries(PROGRAMME_DASHBOARD_QUERIES):
        response = client.get(reverse("grants:programme_dashboard", args=[programme.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 5])
def test_grant_page_runs_a_fixed_number_of_queries(world, client_for, django_assert_num_queries, count):
    boss, _programme, call = world
    application, _grant = accept(call, boss, amount=Decimal("50000.00"),
                                 tranches=[Decimal("50000") / count] * count, milestone_kinds=["replication"] * count)
    for milestone in application.milestones.all():  # each waits for its check, with the replication picker
        followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT,
                                               by=h.team_member(application), message="Reprise à Lens.")
    for person in (boss, h.team_member(application)):
        client = client_for(person)
        with django_assert_num_queries(GRANT_PAGE_QUERIES[person == boss]):
            response = client.get(reverse("grants:grant_detail", args=[application.pk]))
        assert response.status_code == 200


def test_tranche_shows_as_released(world, client_for):
    boss, _programme, call = world
    application, _grant = accept(call, boss)
    milestone = application.milestones.order_by("due_date").first()
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT,
                                           by=h.team_member(application), message="Fait.")
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.VALIDATE, by=boss)
    text = page_text(client_for(h.team_member(application)).get(
        reverse("grants:grant_detail", args=[application.pk])))
    assert "Tranche versée : 15 000,00 €" in text
    assert 'id="released-amount">15 000,00 €</strong><br>versés' in text
    assert '15 000,00 €</strong><br>restant à verser' in text


def test_letter_and_convention_are_printable_documents(world, client_for):
    boss, _programme, call = world
    application, grant = accept(call, boss, amount=Decimal("45000.00"))
    client = client_for(h.team_member(application))
    letter = page_text(client.get(reverse("grants:decision_letter", args=[application.pk])))
    assert "est acceptée, pour un montant de 45 000,00 €" in letter
    assert "Voies et délais de recours" in letter and "Télérecours citoyens" in letter
    assert "grants/documents" in letter and "data-print" in letter
    # A DSFR group of buttons with icons needs its own modifier, or a phone shows the icon alone.
    assert "fr-btns-group--sm fr-btns-group--icon-left grants-no-print" in letter
    convention = page_text(client.get(reverse("grants:convention", args=[application.pk])))
    for expected in ("Convention de subvention n° " + application.reference, "décret n° 2001-495",
                     "45 000,00 €", "Jalon 1", "Livrable 1", "22 500,00 €", "Cerfa n° 15059",
                     grant.financial_report_due.strftime("%Y")):
        assert expected in convention
    assert "fr-btns-group--icon-left" in convention
    small, _ = accept(call, boss, amount=Decimal("1000.00"))
    assert client_for(boss).get(reverse("grants:convention", args=[small.pk])).status_code == 404


def test_hostile_input_in_follow_up_is_inert(world, client_for):
    boss, _programme, call = world
    application, grant = accept(call, boss)
    team = h.team_member(application)
    milestone = application.milestones.first()
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT, by=team, message=XSS)
    hearing = followup_services.hearing_open(grant=grant, by=boss, purpose=HearingPurpose.REDUCTION, reason=XSS,
                                             deadline=timezone.localdate() + datetime.timedelta(days=30))
    followup_services.hearing_answer(hearing=hearing, by=team, answer=XSS)
    for person in (boss, team):
        html = client_for(person).get(reverse("grants:grant_detail", args=[application.pk])).content.decode()
        assert "<script>alert" not in html and html.count("&lt;script&gt;alert") >= 3


def test_financial_report_page(world, client_for):
    boss, _programme, call = world
    application, grant = accept(call, boss)
    lines = list(application.budget_lines.all())
    url = reverse("grants:financial_report", args=[application.pk])
    team = client_for(h.team_member(application))
    response = team.post(url, {f"spent_{lines[0].pk}": "abc", f"spent_{lines[1].pk}": "1 000", "action": "draft"})
    assert response.status_code == 400
    assert "Saisissez un montant en euros" in page_text(response) and 'value="1 000"' in response.content.decode()
    response = team.post(url, {f"spent_{lines[0].pk}": "30 000", f"spent_{lines[1].pk}": "28 000,50",
                               "comment": "Conforme.", "action": "submit"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.financial_report_submitted_at
    text = page_text(client_for(boss).get(url))
    assert "58 000,50 €" in text  # spent total
    assert client_for(boss).post(url, {"action": "submit"}).status_code == 404


def test_private_annotations_never_reach_the_team_pages_nor_e_mails(world, client_for,
                                                                     django_capture_on_commit_callbacks):
    from django.core import mail

    from grants import services

    boss, _programme, call = world
    application = h.application(call, amount=Decimal("30000.00"))
    secret = "Annotation confidentielle : dossier à surveiller de près."
    services.annotation_add(application=application, by=boss, body=secret)
    with django_capture_on_commit_callbacks(execute=True):
        decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                 amount=Decimal("30000"))
        grant = Grant.objects.get(application=application)
        decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
    team = client_for(h.team_member(application))
    for name in ("decision_letter", "convention", "grant_detail", "financial_report"):
        response = team.get(reverse(f"grants:{name}", args=[application.pk]))
        assert response.status_code == 200 and secret not in page_text(response)
    assert mail.outbox and all(secret not in m.body for m in mail.outbox)
