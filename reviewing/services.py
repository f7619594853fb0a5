"""Helpers that the apps' own services call inside their transactions. The apps own their
transition services (row locked, `require_perm`, `audit_record`, notices): these helpers only do
the part every app does the same way, on rows the caller has already locked."""

from collections.abc import Iterable
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from reviewing.enums import SHEET_TRANSITIONS, ConflictAnswer, ConflictKind, SheetAction, SheetStatus
from reviewing.criteria import comment_field_name, score_field_name


class SheetLocked(ValidationError):
    """The sheet was sent: its scores may no longer change."""


class StepResult(NamedTuple):
    previous: str
    target: str
    fields: list[str]  # for save(update_fields=…)


def _require_editable(sheet) -> None:
    if SheetStatus(sheet.status).is_locked:
        raise SheetLocked(_("Cette fiche a déjà été envoyée : elle ne peut plus être modifiée."), code="locked")


def sheet_values_save(sheet, cleaned_data: dict, criteria: Iterable, score_model, *, sheet_field: str = "sheet",
                      criterion_field: str = "criterion") -> list:
    """Writes the form's scores of `sheet` in one upsert on (sheet, criterion) (the score model
    needs that unique constraint), deletes the scores left blank, and writes the sheet's opinion and
    general comment when the form has them. Refuses a sent sheet (`SheetLocked`). Returns the
    score objects written. Call it inside the app's transaction, the sheet row locked."""
    _require_editable(sheet)
    criteria = list(criteria)
    rows, blank = [], []
    for criterion in criteria:
        value = cleaned_data.get(score_field_name(criterion))
        if value in (None, ""):
            blank.append(criterion.pk)
            continue
        score = score_model(**{sheet_field: sheet, criterion_field: criterion}, value=int(value),
                            comment=(cleaned_data.get(comment_field_name(criterion)) or "").strip())
        score.clean_value(criterion.scale_max)
        rows.append(score)
    if blank:
        score_model.objects.filter(**{sheet_field: sheet, f"{criterion_field}__in": blank}).delete()
    if rows:
        score_model.objects.bulk_create(rows, update_conflicts=True, unique_fields=[sheet_field, criterion_field],
                                        update_fields=["value", "comment"])
    fields = ["updated_at"]
    if "opinion" in cleaned_data:
        sheet.opinion = cleaned_data["opinion"] or ""
        fields.append("opinion")
    if "comment" in cleaned_data:
        sheet.comment = (cleaned_data["comment"] or "").strip()
        fields.append("comment")
    sheet.save(update_fields=fields)
    return rows


def sheet_missing(sheet, scored_criteria_ids: Iterable, criteria: Iterable, *, with_opinion: bool) -> list[str]:
    """What is still missing before the sheet may be sent: the labels of the criteria without a
    score, and « l’avis » when the app asks for one."""
    scored = set(scored_criteria_ids)
    missing = [str(criterion.label) for criterion in criteria if criterion.pk not in scored]
    if with_opinion and not sheet.opinion:
        missing.append(_("l’avis"))
    return missing


def sheet_step(sheet, action=SheetAction.SUBMIT, *, now=None) -> StepResult:
    """Applies `SHEET_TRANSITIONS[action]` to a sheet the caller has locked (and whose permission
    it has checked): refuses a stale state, sets the status and `submitted_at`. The caller saves
    with `update_fields=result.fields` and writes the audit entry (`result.previous` → `result.target`)."""
    action = SheetAction(action)
    sources, target = SHEET_TRANSITIONS[action]
    if sheet.status not in sources:
        raise ValidationError(_("Cette action n’est plus possible : la fiche est « %(status)s ».")
                              % {"status": SheetStatus(sheet.status).label}, code="stale")
    previous = sheet.status
    sheet.status = target
    if target == SheetStatus.SUBMITTED:
        sheet.submitted_at = now or timezone.now()
    return StepResult(previous, target, ["status", "submitted_at", "updated_at"])


def conflict_answer_apply(assignment, *, answer, reason: str = "", now=None) -> list[str]:
    """Records the evaluator's answer on an assignment the caller has locked. « Aucun conflit »
    may become « conflit déclaré » later (a conflict found while reading); a declared conflict is
    final. Returns the fields to save. The caller records a `ConflictKind.DECLARED` conflict record
    when a conflict is declared (see `conflict_record_fields`), and tells the organisers."""
    answer = ConflictAnswer(answer)
    reason = (reason or "").strip()
    if answer == ConflictAnswer.PENDING:
        raise ValidationError(_("Indiquez si vous avez un conflit d’intérêts avec ce dossier."), code="required")
    if assignment.removed_at is not None:
        raise ValidationError(_("Ce dossier ne vous est plus attribué."), code="removed")
    if assignment.conflict == ConflictAnswer.DECLARED:
        raise ValidationError(_("Vous avez déjà déclaré un conflit d’intérêts avec ce dossier."), code="final")
    if answer == ConflictAnswer.DECLARED and not reason:
        raise ValidationError(_("Précisez la nature du conflit."), code="reason_required")
    assignment.conflict = answer
    assignment.conflict_reason = reason if answer == ConflictAnswer.DECLARED else ""
    assignment.conflict_declared_at = now or timezone.now()
    return ["conflict", "conflict_reason", "conflict_declared_at"]


def assignment_remove(assignment, *, reason: str, now=None) -> list[str]:
    """Withdraws an assignment (a declared conflict, a late withdrawal): kept for the record,
    no longer counted. Returns the fields to save."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Indiquez le motif du retrait."), code="reason_required")
    assignment.removed_at = now or timezone.now()
    assignment.removed_reason = reason[:500]
    return ["removed_at", "removed_reason"]


def hard_exclusions(records: Iterable) -> frozenset:
    """The (item, evaluator) pairs that `assignment.assign` must not create, from conflict facts
    given as (item, evaluator, kind) triples: same organisation, team member, declared conflict.
    Soft kinds (same territory, past collaboration) are left out: recorded, not excluding.

    An app builds the triples from its tables, e.g. evaluators whose organisation is the file's
    (`SAME_ORGANISATION`), the innovation's team members (`TEAM_MEMBER`), its conflict records
    and the assignments answered « conflit déclaré » (`DECLARED`)."""
    return frozenset((item, evaluator) for item, evaluator, kind in records if ConflictKind(kind).is_hard)


def conflict_record_fields(*, evaluator, kind, reason: str = "", now=None) -> dict:
    """Keyword arguments of a `ConflictRecordBase` subclass row (the app adds its file)."""
    return {"evaluator": evaluator, "kind": ConflictKind(kind), "reason": (reason or "").strip()[:1000],
            "recorded_at": now or timezone.now()}
