"""Concrete tables built on reviewing's abstract models, the way grants and evaluations build
theirs, for the tests only. Their app label is not installed: they stay out of the app registry's
models (checks, migrations, admin) and their tables are created by the `review_tables` fixture."""

from django.db import models

from reviewing.models import AssignmentBase, ConflictRecordBase, CriterionBase, ScoreBase, ScoreSheetBase

APP_LABEL = "reviewing_tests"


class Call(models.Model):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = APP_LABEL

    def __str__(self):
        return self.title


class Criterion(CriterionBase):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")

    class Meta(CriterionBase.Meta):
        app_label = APP_LABEL


class File(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(max_length=200)

    class Meta:
        app_label = APP_LABEL

    def __str__(self):
        return self.title


class Assignment(AssignmentBase):
    file = models.ForeignKey(File, on_delete=models.CASCADE, related_name="assignments")

    class Meta(AssignmentBase.Meta):
        app_label = APP_LABEL
        constraints = [*AssignmentBase.Meta.constraints,
                       models.UniqueConstraint(fields=["file", "evaluator"], name="%(app_label)s_%(class)s_once")]


class Sheet(ScoreSheetBase):
    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="sheet")

    class Meta(ScoreSheetBase.Meta):
        app_label = APP_LABEL


class Score(ScoreBase):
    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")

    class Meta(ScoreBase.Meta):
        app_label = APP_LABEL
        constraints = [*ScoreBase.Meta.constraints,
                       models.UniqueConstraint(fields=["sheet", "criterion"], name="%(app_label)s_%(class)s_once")]


class ConflictRecord(ConflictRecordBase):
    file = models.ForeignKey(File, on_delete=models.CASCADE, related_name="conflicts")

    class Meta(ConflictRecordBase.Meta):
        app_label = APP_LABEL


MODELS = [Call, Criterion, File, Assignment, Sheet, Score, ConflictRecord]
