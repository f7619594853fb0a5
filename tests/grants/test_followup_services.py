"""Follow-up of a grant: milestones reported, validated (their tranche released) or sent back,
replication milestones, settlement, the financial report and its reminder
(grants/followup_services.py)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from essaimage import uploads
from grants import decision_services, followup_services
from grants.enums import DecisionOutcome, GrantStatus, MilestoneAction, MilestoneStatus
from grants.models import Grant, TrancheRelease
from tests.factories.innovations import ReplicationFactory
from tests.grants import review_helpers as h
from tests.text import plain

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def accepted(call, boss, amount=Decimal("20000.00"), granted=None, **kwargs):
    application = h.application(call, amount=amount, **kwargs)
    decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=granted or amount)
    return application, Grant.objects.get(application=application)


@pytest.fixture
def world():
    boss = h.instructeur()
    return boss, h.call(h.programme(instructeurs=[boss]))


def test_report_validate_release_and_settle(world):
    boss, call = world
    application, grant = accepted(call, boss)
    team = h.team_member(application)
    first, second = application.milestones.order_by("due_date")
    with pytest.raises(PermissionDenied):
        followup_services.milestone_transition(milestone=first, action=MilestoneAction.VALIDATE, by=team)
    with pytest.raises(ValidationError):  # not reported yet
        followup_services.milestone_transition(milestone=first, action=MilestoneAction.VALIDATE, by=boss)
    evidence = SimpleUploadedFile("bilan.pdf", PDF, content_type="application/pdf")
    kind = uploads.GRANT_DOCUMENTS.check(evidence)
    followup_services.milestone_transition(milestone=first, action=MilestoneAction.REPORT, by=team,
                                           message="Deux communes ont repris le dispositif.", evidence=evidence,
                                           evidence_type=kind)
    first.refresh_from_db()
    assert first.status == MilestoneStatus.REPORTED and first.evidence_name == "bilan.pdf"
    with pytest.raises(ValidationError):  # a reason to send it back
        followup_services.milestone_transition(milestone=first, action=MilestoneAction.RETURN, by=boss)
    followup_services.milestone_transition(milestone=first, action=MilestoneAction.RETURN, by=boss,
                                           message="Joignez la délibération.")
    first.refresh_from_db()
    assert first.status == MilestoneStatus.RETURNED and first.return_reason == "Joignez la délibération."
    followup_services.milestone_transition(milestone=first, action=MilestoneAction.REPORT, by=team,
                                           message="Délibération jointe.")
    followup_services.milestone_transition(milestone=first, action=MilestoneAction.VALIDATE, by=boss)
    first.refresh_from_db()
    assert first.status == MilestoneStatus.VALIDATED and first.released_at and first.validated_by == boss
    assert TrancheRelease.objects.get(milestone=first).amount == Decimal("10000.00")
    assert decision_services.released_total(grant) == Decimal("10000.00")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE
    followup_services.milestone_transition(milestone=second, action=MilestoneAction.REPORT, by=team, message="Fini.")
    followup_services.milestone_transition(milestone=second, action=MilestoneAction.VALIDATE, by=boss)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.SETTLED and decision_services.released_total(grant) == grant.amount_granted


def test_tranches_follow_a_lower_granted_amount_to_the_cent(world):
    boss, call = world
    application, grant = accepted(call, boss, amount=Decimal("30000.00"), granted=Decimal("20000.00"),
                                  tranches=[Decimal("10000"), Decimal("10000"), Decimal("10000")])
    milestones = list(application.milestones.order_by("due_date"))
    amounts = [followup_services.tranche_amount(m, grant, milestones) for m in milestones]
    assert amounts == [Decimal("6666.67"), Decimal("6666.67"), Decimal("6666.66")]
    assert sum(amounts) == Decimal("20000.00")


def test_no_milestone_moves_before_the_convention_is_signed(world):
    boss, call = world
    application, grant = accepted(call, boss, amount=Decimal("30000.00"))
    assert grant.status == GrantStatus.AWAITING_CONVENTION
    with pytest.raises(ValidationError) as error:
        followup_services.milestone_transition(milestone=application.milestones.first(),
                                               action=MilestoneAction.REPORT, by=h.team_member(application),
                                               message="Fait.")
    assert error.value.code == "grant_state"


def test_a_replication_milestone_links_to_the_declaration_it_produced(world):
    boss, call = world
    application, _grant = accepted(call, boss, milestone_kinds=["replication", "step"])
    milestone = application.milestones.order_by("due_date").first()
    team = h.team_member(application)
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.REPORT, by=team,
                                           message="Reprise à Lens.")
    with pytest.raises(ValidationError):
        followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.VALIDATE, by=boss)
    foreign = ReplicationFactory()
    with pytest.raises(ValidationError):
        followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.VALIDATE, by=boss,
                                               replication=foreign)
    replication = ReplicationFactory(innovation=application.innovation)
    followup_services.milestone_transition(milestone=milestone, action=MilestoneAction.VALIDATE, by=boss,
                                           replication=replication)
    milestone.refresh_from_db()
    assert milestone.replication == replication


def test_financial_report_planned_versus_spent(world):
    boss, call = world
    application, grant = accepted(call, boss)
    team = h.team_member(application)
    lines = list(application.budget_lines.all())
    with pytest.raises(PermissionDenied):
        followup_services.financial_report_save(grant=grant, by=boss, spent={})
    followup_services.financial_report_save(grant=grant, by=team, spent={lines[0].pk: Decimal("20000")})
    with pytest.raises(ValidationError) as error:
        followup_services.financial_report_save(grant=grant, by=team, spent={}, submit=True)
    assert "Déplacements" in error.value.messages[0]
    followup_services.financial_report_save(grant=grant, by=team, comment="Moins de déplacements que prévu.",
                                            spent={lines[1].pk: Decimal("9000.5")}, submit=True)
    grant.refresh_from_db()
    assert grant.financial_report_submitted_at is not None
    assert [line.spent_amount for line in application.budget_lines.all()] == [Decimal("20000.00"),
                                                                                Decimal("9000.50")]
    with pytest.raises(ValidationError):
        followup_services.financial_report_save(grant=grant, by=team, spent={}, submit=True)


def test_reminders_before_the_deadline_and_while_late(world, django_capture_on_commit_callbacks):
    boss, call = world
    application, grant = accepted(call, boss)
    due = grant.financial_report_due
    with django_capture_on_commit_callbacks(execute=True):
        assert followup_services.send_report_reminders(due - datetime.timedelta(days=30)) == 1
        assert followup_services.send_report_reminders(due - datetime.timedelta(days=29)) == 0
        assert followup_services.send_report_reminders(due + datetime.timedelta(days=14)) == 1
    grant.refresh_from_db()
    assert grant.financial_report_reminded_at is not None
    subjects = [plain(m.subject) for m in mail.outbox if h.team_member(application).email in m.to]
    assert any(s.startswith("[Essaimage] Compte rendu financier") for s in subjects)
    assert any("En retard" in s for s in subjects)
