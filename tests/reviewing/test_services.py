"""reviewing.services: scores upserted per (sheet, criterion), the sheet's one transition,
conflict answers, withdrawals, hard exclusions."""

import threading
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction

from reviewing.criteria import comment_field_name, score_field_name
from reviewing.enums import ConflictAnswer, ConflictKind, Opinion, SheetAction, SheetStatus
from reviewing.services import (
    SheetLocked,
    assignment_remove,
    conflict_answer_apply,
    conflict_record_fields,
    hard_exclusions,
    sheet_missing,
    sheet_step,
    sheet_values_save,
)
from tests.factories.reviewing import AssignmentFactory, SheetFactory
from tests.reviewing.fake_models import Assignment, ConflictRecord, Score, Sheet

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def data_for(grid, values, **extra):
    data = {}
    for criterion, value in zip(grid, values, strict=True):
        data[score_field_name(criterion)] = value
        data[comment_field_name(criterion)] = f"  note {value}  " if value is not None else ""
    return data | extra


def stored(sheet):
    return {score.criterion_id: (score.value, score.comment) for score in Score.objects.filter(sheet=sheet)}


def test_scores_are_written_then_updated_in_place(scaling_grid, django_assert_num_queries):
    sheet = SheetFactory()
    with django_assert_num_queries(3):  # delete the blanks, one upsert, the sheet
        sheet_values_save(sheet, data_for(scaling_grid, [5, 4, 3, None, None], opinion=Opinion.FAVORABLE,
                                          comment="  Bon dossier. "), scaling_grid, Score)
    first_ids = dict(Score.objects.values_list("criterion_id", "pk"))
    assert stored(sheet) == {scaling_grid[0].pk: (5, "note 5"), scaling_grid[1].pk: (4, "note 4"),
                             scaling_grid[2].pk: (3, "note 3")}
    sheet.refresh_from_db()
    assert (sheet.opinion, sheet.comment, sheet.status) == (Opinion.FAVORABLE, "Bon dossier.", SheetStatus.DRAFT)

    sheet_values_save(sheet, data_for(scaling_grid, [2, None, 3, 1, 0]), scaling_grid, Score)
    assert stored(sheet) == {scaling_grid[0].pk: (2, "note 2"), scaling_grid[2].pk: (3, "note 3"),
                             scaling_grid[3].pk: (1, "note 1"), scaling_grid[4].pk: (0, "note 0")}
    # Updated in place: the rows kept their primary keys.
    now_ids = dict(Score.objects.values_list("criterion_id", "pk"))
    assert now_ids[scaling_grid[0].pk] == first_ids[scaling_grid[0].pk]
    assert now_ids[scaling_grid[2].pk] == first_ids[scaling_grid[2].pk]


def test_a_value_above_the_criterion_scale_is_refused(scaling_grid):
    sheet = SheetFactory()
    with pytest.raises(ValidationError) as error:
        sheet_values_save(sheet, data_for(scaling_grid, [6, 1, 1, 1, 1]), scaling_grid, Score)
    assert "entre 0 et 5" in str(error.value)
    assert stored(sheet) == {}


def test_a_sent_sheet_is_locked(scaling_grid):
    sheet = SheetFactory(status=SheetStatus.SUBMITTED, submitted_at=NOW)
    with pytest.raises(SheetLocked):
        sheet_values_save(sheet, data_for(scaling_grid, [1, 1, 1, 1, 1]), scaling_grid, Score)
    assert stored(sheet) == {}


def test_sheet_step_submits_once(review_tables):
    sheet = SheetFactory()
    result = sheet_step(sheet, SheetAction.SUBMIT, now=NOW)
    assert (result.previous, result.target) == (SheetStatus.DRAFT, SheetStatus.SUBMITTED)
    sheet.save(update_fields=result.fields)
    sheet.refresh_from_db()
    assert sheet.state == SheetStatus.SUBMITTED and sheet.state.is_locked and sheet.submitted_at == NOW
    with pytest.raises(ValidationError) as error:
        sheet_step(sheet)
    assert error.value.code == "stale" and "Envoyée" in error.value.messages[0]


def test_sheet_missing_lists_unscored_criteria_and_the_opinion(scaling_grid):
    sheet = SheetFactory()
    missing = sheet_missing(sheet, [scaling_grid[0].pk, scaling_grid[1].pk], scaling_grid, with_opinion=True)
    assert missing == [str(c.label) for c in scaling_grid[2:]] + ["l’avis"]
    sheet.opinion = Opinion.RESERVE
    assert sheet_missing(sheet, [c.pk for c in scaling_grid], scaling_grid, with_opinion=True) == []
    assert sheet_missing(SheetFactory(), [c.pk for c in scaling_grid], scaling_grid, with_opinion=False) == []


def test_conflict_answers(review_tables):
    assignment = AssignmentFactory()
    assert assignment.needs_conflict_answer and not assignment.can_see_file
    with pytest.raises(ValidationError):
        conflict_answer_apply(assignment, answer=ConflictAnswer.PENDING)
    with pytest.raises(ValidationError) as error:
        conflict_answer_apply(assignment, answer=ConflictAnswer.DECLARED, reason="   ")
    assert error.value.code == "reason_required"

    fields = conflict_answer_apply(assignment, answer=ConflictAnswer.NONE, reason="ignoré", now=NOW)
    assignment.save(update_fields=fields)
    assignment.refresh_from_db()
    assert assignment.can_see_file and assignment.conflict_reason == "" and assignment.conflict_declared_at == NOW

    # A conflict found while reading: « aucun conflit » becomes « conflit déclaré », and is final.
    assignment.save(update_fields=conflict_answer_apply(assignment, answer="declared", reason=" Ancien collègue "))
    assignment.refresh_from_db()
    assert assignment.conflict_state == ConflictAnswer.DECLARED and assignment.conflict_reason == "Ancien collègue"
    assert not assignment.can_see_file
    with pytest.raises(ValidationError) as error:
        conflict_answer_apply(assignment, answer=ConflictAnswer.NONE)
    assert error.value.code == "final"


def test_a_removed_assignment_hides_the_file_and_takes_no_answer(review_tables):
    assignment = AssignmentFactory(conflict=ConflictAnswer.NONE, conflict_declared_at=NOW)
    assert assignment.can_see_file
    with pytest.raises(ValidationError):
        assignment_remove(assignment, reason=" ")
    assignment.save(update_fields=assignment_remove(assignment, reason="Retrait tardif", now=NOW))
    assignment.refresh_from_db()
    assert not assignment.can_see_file and not assignment.is_active and assignment.removed_reason == "Retrait tardif"
    with pytest.raises(ValidationError) as error:
        conflict_answer_apply(assignment, answer=ConflictAnswer.DECLARED, reason="x")
    assert error.value.code == "removed"


def test_hard_exclusions_keep_only_hard_kinds():
    records = [(1, "a", ConflictKind.SAME_ORGANISATION), (1, "b", ConflictKind.SAME_TERRITORY),
               (2, "a", "team_member"), (2, "c", ConflictKind.PAST_COLLABORATION), (3, "c", ConflictKind.DECLARED)]
    assert hard_exclusions(records) == frozenset({(1, "a"), (2, "a"), (3, "c")})
    with pytest.raises(ValueError, match="unknown"):
        hard_exclusions([(1, "a", "unknown")])


def test_conflict_records(review_tables):
    assignment = AssignmentFactory()
    record = ConflictRecord.objects.create(file=assignment.file, **conflict_record_fields(
        evaluator=assignment.evaluator, kind=ConflictKind.SAME_TERRITORY, reason=" Même commune ", now=NOW))
    assert record.reason == "Même commune" and not record.is_hard and record.kind_state.label == "Même territoire"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_of_one_sheet_leave_one_score_per_criterion(committed_review_tables):
    """Two tabs save the same draft at once: the upsert on (sheet, criterion) never raises a
    duplicate and never leaves two rows; the sheet row lock serialises them."""
    from tests.factories.reviewing import CriterionFactory

    grid = [CriterionFactory(), CriterionFactory(), CriterionFactory()]
    sheet = SheetFactory()
    barrier = threading.Barrier(2)
    errors = []

    def save(values):
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                locked = Sheet.objects.select_for_update().get(pk=sheet.pk)
                sheet_values_save(locked, data_for(grid, values), grid, Score)
        except Exception as error:  # noqa: BLE001 - the test reports any error of a thread
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=save, args=(values,)) for values in ([1, 2, 3], [4, 5, 0])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    values = sorted(Score.objects.filter(sheet=sheet).values_list("criterion_id", "value"))
    assert len(values) == 3
    assert [v for _c, v in values] in ([1, 2, 3], [4, 5, 0])


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submissions_one_wins(committed_review_tables):
    sheet = SheetFactory()
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                locked = Sheet.objects.select_for_update().get(pk=sheet.pk)
                result = sheet_step(locked)
                locked.save(update_fields=result.fields)
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["ok", "stale"]
    assert Sheet.objects.get(pk=sheet.pk).state == SheetStatus.SUBMITTED
    assert Assignment.objects.count() == 1
