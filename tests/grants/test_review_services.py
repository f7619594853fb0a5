"""Assigning evaluators, the conflict question, score sheets (grants/review_services.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from essaimage.models import AuditEntry
from grants import review_services
from grants.enums import ApplicationStatus, AssignmentAction
from grants.models import ConflictRecord, ReviewAssignment, ReviewSheet
from reviewing.criteria import score_field_name
from reviewing.enums import ConflictAnswer, ConflictKind, SheetStatus
from tests.factories import OrganisationFactory, UserFactory
from tests.grants import review_helpers as h

pytestmark = pytest.mark.django_db


def full_sheet(call, value=4, opinion="favorable"):
    data = {score_field_name(c): value for c in call.criteria.all()}
    data.update({f"{score_field_name(c)}_comment": "" for c in call.criteria.all()})
    data.update({"opinion": opinion, "comment": "Dossier solide."})
    return data


@pytest.fixture
def world():
    boss = h.instructeur()
    programme = h.programme(instructeurs=[boss])
    call = h.call(programme, k=2)
    return boss, call


def test_automatic_assignment_gives_k_balanced_evaluators_without_hard_conflicts(world):
    boss, call = world
    shared_org = OrganisationFactory(name="Commune de Tourcoing")
    member = h.evaluator()  # on the team of the first application
    colleague = h.evaluator(organisation=shared_org)  # same organisation as the second
    others = [h.evaluator() for _ in range(3)]
    first = h.application(call, team=[member])
    second = h.application(call, organisation=shared_org)
    third = h.application(call)
    draft = h.application(call, status=ApplicationStatus.DRAFT)

    plan = review_services.assign_automatically(call=call, by=boss)

    assert not plan.short
    pairs = set(ReviewAssignment.objects.values_list("application_id", "evaluator_id"))
    for application in (first, second, third):
        assert sum(1 for a, _e in pairs if a == application.pk) == 2
    assert not any(a == draft.pk for a, _e in pairs)
    assert (first.pk, member.pk) not in pairs
    assert (second.pk, colleague.pk) not in pairs
    loads = [sum(1 for _a, e in pairs if e == user.pk) for user in [member, colleague, *others]]
    assert max(loads) - min(loads) <= 1
    assert set(ConflictRecord.objects.values_list("application_id", "evaluator_id", "kind")) >= {
        (first.pk, member.pk, ConflictKind.TEAM_MEMBER), (second.pk, colleague.pk, ConflictKind.SAME_ORGANISATION)}
    # Run again: existing assignments kept, nothing added.
    again = review_services.assign_automatically(call=call, by=boss)
    assert again.new_pairs == [] and ReviewAssignment.objects.count() == 6


def test_only_the_programme_instructeur_assigns(world):
    _boss, call = world
    other_instructeur = h.instructeur(programme=h.programme())
    with pytest.raises(PermissionDenied):
        review_services.assign_automatically(call=call, by=other_instructeur)
    with pytest.raises(PermissionDenied):
        review_services.assign_automatically(call=call, by=h.evaluator())


def test_assignment_by_hand_refuses_a_hard_conflict_and_a_non_evaluator(world):
    boss, call = world
    member = h.evaluator()
    application = h.application(call, team=[member])
    with pytest.raises(ValidationError) as error:
        review_services.assign_by_hand(application=application, evaluator=member, by=boss)
    assert "Membre de l’équipe" in error.value.messages[0]
    with pytest.raises(ValidationError):
        review_services.assign_by_hand(application=application, evaluator=UserFactory(), by=boss)
    reviewer = h.evaluator()
    review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)
    with pytest.raises(ValidationError):
        review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)


def test_declaring_a_conflict_removes_the_assignment_for_good(world, django_capture_on_commit_callbacks):
    from django.core import mail

    boss, call = world
    reviewer, spare = h.evaluator(), h.evaluator()
    application = h.application(call)
    assignment = review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)
    assert not reviewer.has_perm("grants.review_application", assignment)  # not answered yet
    assert reviewer.has_perm("grants.open_assignment", assignment)

    with django_capture_on_commit_callbacks(execute=True):
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_CONFLICT,
                                              by=reviewer, reason="Ancienne collègue du porteur.")
    told = [m for m in mail.outbox if boss.email in m.to]
    assert told and "conflit d’intérêts déclaré, dossier à réattribuer" in told[-1].subject
    assert "Ancienne collègue" not in told[-1].body  # the reason stays on the instruction page

    assignment.refresh_from_db()
    assert assignment.conflict == ConflictAnswer.DECLARED and assignment.removed_at is not None
    assert not reviewer.has_perm("grants.open_assignment", assignment)
    assert ConflictRecord.objects.filter(application=application, evaluator=reviewer,
                                         kind=ConflictKind.DECLARED).exists()
    assert AuditEntry.objects.filter(object_id=assignment.pk, action="declare_conflict",
                                     to_state=ConflictAnswer.DECLARED).exists()
    # Never assigned again, automatically nor by hand.
    review_services.assign_automatically(call=call, by=boss)
    assert not ReviewAssignment.objects.filter(application=application, evaluator=reviewer,
                                               removed_at__isnull=True).exists()
    assert ReviewAssignment.objects.filter(application=application, evaluator=spare).exists()
    with pytest.raises(ValidationError):
        review_services.assign_by_hand(application=application, evaluator=reviewer, by=boss)


def test_a_conflict_needs_a_reason_and_someone_else_cannot_answer(world):
    boss, call = world
    reviewer = h.evaluator()
    assignment = review_services.assign_by_hand(application=h.application(call), evaluator=reviewer, by=boss)
    with pytest.raises(ValidationError):
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_CONFLICT,
                                              by=reviewer, reason="  ")
    with pytest.raises(PermissionDenied):
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                              by=h.evaluator())


def test_sheet_draft_then_submit_then_locked(world):
    boss, call = world
    reviewer = h.evaluator()
    assignment = review_services.assign_by_hand(application=h.application(call), evaluator=reviewer, by=boss)
    review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                          by=reviewer)
    assignment.refresh_from_db()
    partial = {score_field_name(call.criteria.first()): 3, "opinion": "", "comment": "À compléter"}
    sheet = review_services.sheet_save(assignment=assignment, by=reviewer, data=partial)
    assert sheet.status == SheetStatus.DRAFT and sheet.scores.count() == 1
    with pytest.raises(ValidationError) as error:
        review_services.sheet_save(assignment=assignment, by=reviewer, data=partial, submit=True)
    assert "il manque" in error.value.messages[0]

    sheet = review_services.sheet_save(assignment=assignment, by=reviewer, data=full_sheet(call), submit=True)
    assert sheet.status == SheetStatus.SUBMITTED and sheet.submitted_at and sheet.scores.count() == 5
    with pytest.raises(ValidationError):
        review_services.sheet_save(assignment=assignment, by=reviewer, data=full_sheet(call, value=1))
    assert {s.value for s in ReviewSheet.objects.get(pk=sheet.pk).scores.all()} == {4}


def test_removal_by_the_instructeur_needs_a_reason(world):
    boss, call = world
    reviewer = h.evaluator()
    assignment = review_services.assign_by_hand(application=h.application(call), evaluator=reviewer, by=boss)
    with pytest.raises(ValidationError):
        review_services.assignment_transition(assignment=assignment, action=review_services.REMOVE, by=boss)
    review_services.assignment_transition(assignment=assignment, action=review_services.REMOVE, by=boss,
                                          reason="Indisponible en mars.")
    assignment.refresh_from_db()
    assert assignment.removed_at and assignment.removed_reason == "Indisponible en mars."
    assert not reviewer.has_perm("grants.open_assignment", assignment)
