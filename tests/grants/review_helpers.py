"""Plain helpers of the review / decision / follow-up tests: a programme with its instructeur,
a call with the default scaling criteria, deposited applications with milestones and budget
lines, evaluators. Statuses are set directly (test setup), the way the innovations factories do."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from essaimage.enums import Role
from grants.enums import ApplicationStatus
from grants.models import Application, BudgetLine, Call, CallCriterion, Milestone, Programme
from reviewing.criteria import SCALING_CRITERIA
from grants import review_services
from grants.enums import AssignmentAction
from reviewing.criteria import score_field_name
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.innovations import InnovationFactory

_numbers = itertools.count(1)


def instructeur(programme=None, **kwargs):
    user = UserFactory(roles=[Role.AGENT, Role.INSTRUCTEUR], **kwargs)
    if programme is not None:
        programme.instructeurs.add(user)
    return user


def evaluator(**kwargs):
    return UserFactory(roles=[Role.AGENT, Role.EVALUATEUR], **kwargs)


def programme(*, instructeurs=(), envelope=Decimal("1000000.00"), funder=None):
    n = next(_numbers)
    made = Programme.objects.create(
        funder=funder or OrganisationFactory(name=f"Agence nationale {n}", siret=""), title=f"Programme {n}",
        slug=f"programme-{n}", total_envelope=envelope)
    made.instructeurs.add(*instructeurs)
    return made


def call(programme_obj=None, *, envelope=Decimal("100000.00"), k=2, closed=True, max_amount=None):
    programme_obj = programme_obj or programme()
    n = next(_numbers)
    now = timezone.now()
    opens, closes = (now - datetime.timedelta(days=60), now - datetime.timedelta(days=1)) if closed else (
        now - datetime.timedelta(days=5), now + datetime.timedelta(days=30))
    made = Call.objects.create(
        programme=programme_obj, title=f"Appel à projets {n}", slug=f"appel-{n}", opens_at=opens, closes_at=closes,
        envelope=envelope, max_amount=max_amount or envelope, reviewers_per_application=k)
    CallCriterion.objects.bulk_create([CallCriterion(call=made, **c.as_fields(i))
                                       for i, c in enumerate(SCALING_CRITERIA)])
    return made


def application(call_obj, *, status=ApplicationStatus.IN_REVIEW, amount=Decimal("40000.00"), team=(),
                organisation=None, owner=None, tranches=None, budget=None, milestone_kinds=None):
    """A deposited application; tranches default to two halves of the amount."""
    n = next(_numbers)
    owner = owner or UserFactory()
    innovation = InnovationFactory(created_by=owner, team=list(team))
    now = timezone.now()
    made = Application.objects.create(
        call=call_obj, innovation=innovation, organisation=organisation or OrganisationFactory(
            name=f"Porteur {n}", siret=""),
        created_by=owner, reference=f"ESS-2026-{n:06d}", status=status, amount_requested=amount,
        total_budget=budget or amount * 2, summary="Essaimer dans trois départements.",
        submitted_at=now - datetime.timedelta(days=20), complete_since=now - datetime.timedelta(days=20),
        decided_at=now if ApplicationStatus(status).is_decided else None)
    tranches = tranches or [amount / 2, amount - amount / 2]
    kinds = milestone_kinds or ["step"] * len(tranches)
    today = timezone.localdate()
    Milestone.objects.bulk_create([
        Milestone(application=made, title=f"Jalon {i + 1}", kind=kinds[i], tranche_amount=tranche, order=i,
                  due_date=today + datetime.timedelta(days=90 * (i + 1)), deliverable=f"Livrable {i + 1}")
        for i, tranche in enumerate(tranches)])
    BudgetLine.objects.bulk_create([
        BudgetLine(application=made, label="Personnel", planned_amount=made.total_budget * Decimal("0.6"), order=0),
        BudgetLine(application=made, label="Déplacements", planned_amount=made.total_budget * Decimal("0.4"), order=1),
    ])
    return made


def team_member(application_obj):
    return application_obj.innovation.created_by


def reviewed(call, boss, reviewers, *, value=4, comment="Bien.", opinion="favorable", **kwargs):
    application_obj = application(call, **kwargs)
    for reviewer in reviewers:
        assignment = review_services.assign_by_hand(application=application_obj, evaluator=reviewer, by=boss)
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                              by=reviewer)
        data = {score_field_name(c): value for c in call.criteria.all()}
        data.update({"opinion": opinion, "comment": comment})
        data.update({f"{score_field_name(c)}_comment": comment for c in call.criteria.all()})
        review_services.sheet_save(assignment=assignment, by=reviewer, data=data, submit=True)
    return application_obj
