"""reviewing.models: the abstract bases give each concrete table its fields, properties and
check constraints (named per table), as tests/reviewing/fake_models.py builds them."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reviewing.enums import ConflictAnswer, ConflictKind, Opinion, SheetStatus
from tests.factories.reviewing import AssignmentFactory, CriterionFactory, SheetFactory
from tests.reviewing.fake_models import Assignment, ConflictRecord, Criterion, Score, Sheet

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_constraint_names_are_per_table():
    names = {constraint.name for model in (Criterion, Assignment, Sheet, Score, ConflictRecord)
             for constraint in model._meta.constraints}
    assert {"reviewing_tests_criterion_weight_range", "reviewing_tests_assignment_conflict_reason_given",
            "reviewing_tests_sheet_submitted_dated", "reviewing_tests_score_value_range",
            "reviewing_tests_conflictrecord_kind_valid", "reviewing_tests_score_once"} <= names


def test_criterion_checks(review_tables):
    refused(lambda: CriterionFactory(weight=Decimal("0")))
    refused(lambda: CriterionFactory(scale_max=1))
    refused(lambda: CriterionFactory(scale_max=21))
    refused(lambda: CriterionFactory(is_scaling=True, code=""))
    scaling = CriterionFactory(is_scaling=True, code="transferabilite")
    assert not scaling.is_removable and CriterionFactory().is_removable
    assert str(scaling) == scaling.label


def test_assignment_checks(review_tables):
    refused(lambda: AssignmentFactory(conflict="maybe", conflict_declared_at=NOW))
    refused(lambda: AssignmentFactory(conflict=ConflictAnswer.NONE))  # an answer is dated
    refused(lambda: AssignmentFactory(conflict=ConflictAnswer.DECLARED, conflict_declared_at=NOW))  # no reason
    refused(lambda: AssignmentFactory(removed_at=NOW))  # a removal says why
    assignment = AssignmentFactory()
    refused(lambda: AssignmentFactory(file=assignment.file, evaluator=assignment.evaluator))  # the app's unique one
    assert assignment.conflict_state == ConflictAnswer.PENDING and assignment.is_active


def test_sheet_checks(review_tables):
    refused(lambda: SheetFactory(status="archived"))
    refused(lambda: SheetFactory(opinion="bof"))
    refused(lambda: SheetFactory(status=SheetStatus.SUBMITTED))  # no date
    refused(lambda: SheetFactory(submitted_at=NOW))  # a draft is not dated
    sheet = SheetFactory(opinion=Opinion.DEFAVORABLE)
    assert sheet.state == SheetStatus.DRAFT and sheet.opinion_state.badge_class == "fr-badge--error"
    assert SheetFactory().opinion_state is None


def test_score_checks(review_tables):
    sheet, criterion = SheetFactory(), CriterionFactory(scale_max=5)
    refused(lambda: Score.objects.create(sheet=sheet, criterion=criterion, value=21))
    Score.objects.create(sheet=sheet, criterion=criterion, value=5)
    refused(lambda: Score.objects.create(sheet=sheet, criterion=criterion, value=3))
    with pytest.raises(ValidationError, match="entre 0 et 5"):
        Score(value=6).clean_value(5)
    Score(value=0).clean_value(5)


def test_conflict_record_checks(review_tables):
    assignment = AssignmentFactory()
    refused(lambda: ConflictRecord.objects.create(file=assignment.file, evaluator=assignment.evaluator, kind="x"))
    record = ConflictRecord.objects.create(file=assignment.file, evaluator=assignment.evaluator,
                                           kind=ConflictKind.TEAM_MEMBER)
    assert record.is_hard and record.kind_state == ConflictKind.TEAM_MEMBER
