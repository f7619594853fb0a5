"""Decisions (envelope, motivation, one per application), grants and their transitions, and what
the team is told (grants/decision_services.py)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from grants import decision_services, followup_services
from grants.enums import ApplicationStatus, DecisionOutcome, GrantAction, GrantStatus, HearingPurpose
from grants.models import Decision, Grant
from notifications.models import Notice
from tests.grants import review_helpers as h
from tests.text import plain

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    boss = h.instructeur()
    call = h.call(h.programme(instructeurs=[boss]), envelope=Decimal("100000.00"))
    return boss, call


def test_accept_within_the_request_and_the_envelope(world, django_capture_on_commit_callbacks):
    boss, call = world
    application = h.application(call, amount=Decimal("20000.00"))
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                            amount=Decimal("15000"))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED and application.decided_at
    assert decision.amount == Decimal("15000.00")
    grant = Grant.objects.get(application=application)
    assert grant.status == GrantStatus.ACTIVE and not grant.convention_required
    assert grant.initial_amount == grant.amount_granted == Decimal("15000.00")
    assert grant.financial_report_due.month == 6 and grant.financial_report_due.day == 30
    assert decision_services.remaining(call) == Decimal("85000.00")
    # The team is told, with the voies et délais de recours.
    sent = [m for m in mail.outbox if application.innovation.created_by.email in m.to]
    assert len(sent) == 1
    body = plain(sent[0].body)
    assert "15 000,00 €" in body and "Voies et délais de recours" in body and "Télérecours citoyens" in body
    assert "deux mois" in body
    html = plain(sent[0].alternatives[0][0])
    assert "Voies et délais de recours" in html
    assert Notice.objects.filter(recipient=application.innovation.created_by, kind="grant_decision").exists()


def test_amount_checks(world):
    boss, call = world
    application = h.application(call, amount=Decimal("20000.00"))
    with pytest.raises(ValidationError) as error:
        decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                 amount=Decimal("20000.01"))
    assert "dépasse le montant demandé" in plain(error.value.messages[0])
    with pytest.raises(ValidationError):
        decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=None)
    big = h.application(call, amount=Decimal("90000.00"))
    decision_services.decide(application=big, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=Decimal("90000"))
    with pytest.raises(ValidationError) as error:
        decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                                 amount=Decimal("10000.01"))
    assert error.value.code == "envelope"
    assert "il reste 10 000,00 €" in plain(error.value.messages[0])
    assert not Decision.objects.filter(application=application).exists()


def test_refusal_and_dismissal_need_a_motivation_and_tell_it(world, django_capture_on_commit_callbacks):
    boss, call = world
    application = h.application(call)
    with pytest.raises(ValidationError):
        decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=boss, motivation=" ")
    with django_capture_on_commit_callbacks(execute=True):
        decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=boss,
                                 motivation="Le kit de transfert reste à écrire.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert not Grant.objects.filter(application=application).exists()
    body = plain(mail.outbox[-1].body)
    assert "Le kit de transfert reste à écrire." in body and "Voies et délais de recours" in body
    with pytest.raises(ValidationError) as error:
        decision_services.decide(application=application, outcome=DecisionOutcome.DISMISSED, by=boss,
                                 motivation="Doublon.")
    assert error.value.code == "stale"


def test_only_the_programme_instructeurs_decide(world):
    _boss, call = world
    application = h.application(call)
    for someone in (h.instructeur(programme=h.programme()), h.team_member(application), h.evaluator()):
        with pytest.raises(PermissionDenied):
            decision_services.decide(application=application, outcome=DecisionOutcome.REFUSED, by=someone,
                                     motivation="Non.")


def test_above_23000_a_convention_must_be_signed_before_the_grant_starts(world):
    boss, call = world
    application = h.application(call, amount=Decimal("23000.01"))
    decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=Decimal("23000.01"))
    grant = Grant.objects.get(application=application)
    assert grant.convention_required and grant.status == GrantStatus.AWAITING_CONVENTION
    assert not grant.state.is_running
    with pytest.raises(PermissionDenied):
        decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION,
                                           by=h.team_member(application))
    decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE and grant.convention_signed_at and grant.convention_signed_by == boss
    with pytest.raises(ValidationError):
        decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=boss)

    exactly = h.application(call, amount=Decimal("23000.00"))
    decision_services.decide(application=exactly, outcome=DecisionOutcome.ACCEPTED, by=boss, amount=Decimal("23000"))
    assert Grant.objects.get(application=exactly).status == GrantStatus.ACTIVE


def test_reduction_and_withdrawal_only_after_a_hearing_and_with_a_motivation(world,
                                                                            django_capture_on_commit_callbacks):
    boss, call = world
    application = h.application(call, amount=Decimal("20000.00"))
    decision_services.decide(application=application, outcome=DecisionOutcome.ACCEPTED, by=boss,
                             amount=Decimal("20000"))
    grant = Grant.objects.get(application=application)
    with pytest.raises(ValidationError) as error:
        decision_services.grant_transition(grant=grant, action=GrantAction.REDUCE, by=boss, message="Retard.",
                                           amount=Decimal("10000"))
    assert error.value.code == "hearing"
    today = timezone.localdate()
    with pytest.raises(ValidationError):  # less than 15 days to answer
        followup_services.hearing_open(grant=grant, by=boss, purpose=HearingPurpose.REDUCTION, reason="Retard.",
                                       deadline=today + datetime.timedelta(days=3))
    hearing = followup_services.hearing_open(grant=grant, by=boss, purpose=HearingPurpose.REDUCTION,
                                             reason="Deux jalons en retard.",
                                             deadline=today + datetime.timedelta(days=20))
    with pytest.raises(ValidationError):  # the deadline runs
        followup_services.hearing_close(hearing=hearing, by=boss)
    followup_services.hearing_answer(hearing=hearing, by=h.team_member(application),
                                     answer="Le partenaire de Lens a changé.")
    with pytest.raises(ValidationError):
        decision_services.grant_transition(grant=grant, action=GrantAction.REDUCE, by=boss, message="",
                                           amount=Decimal("10000"))
    with pytest.raises(ValidationError):  # a withdrawal needs its own hearing
        decision_services.grant_transition(grant=grant, action=GrantAction.WITHDRAW, by=boss, message="Abandon.")
    with django_capture_on_commit_callbacks(execute=True):
        decision_services.grant_transition(grant=grant, action=GrantAction.REDUCE, by=boss,
                                           message="Un territoire sur deux.", amount=Decimal("10000"))
    grant.refresh_from_db()
    assert grant.status == GrantStatus.REDUCED and grant.amount_granted == Decimal("10000.00")
    assert grant.initial_amount == Decimal("20000.00") and grant.motivation == "Un territoire sur deux."
    assert decision_services.remaining(call) == Decimal("90000.00")
    body = plain(mail.outbox[-1].body)
    assert "10 000,00 €" in body and "Voies et délais de recours" in body
