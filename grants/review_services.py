"""Reviews of grant applications: assigning evaluators (by hand or with
`reviewing.assignment.assign`), the conflict-of-interest question, score sheets.

One transition service per stateful model: `assignment_transition` (the evaluator answers « aucun
conflit » or declares one; an instructeur removes an assignment) and `sheet_transition` (the
evaluator sends their sheet). Every change is audited; rows are locked."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage.enums import Role
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from grants import review_notices
from grants.enums import ASSIGNMENT_TRANSITIONS, PENDING_APPLICATION_STATES, AssignmentAction
from grants.models import Application, Call, ConflictRecord, ReviewAssignment, ReviewScore, ReviewSheet
from innovations.models import TeamMember
from notifications import services as notifications
from reviewing import assignment as planner
from reviewing import services as reviewing_services
from reviewing.enums import ConflictAnswer, ConflictKind, SheetAction


def evaluators():
    """Everyone who may review: the active holders of the « évaluateur » role, any organisation."""
    return User.objects.filter(is_active=True, groups__name=Role.EVALUATEUR).distinct()


def reviewable_applications(call: Call):
    return Application.objects.filter(call=call, status__in=PENDING_APPLICATION_STATES)


def hard_exclusions(applications, evaluator_rows) -> dict[tuple[int, int], tuple[str, str]]:
    """(application id, evaluator id) -> (kind, reason) of every pair that may not be assigned:
    the evaluator belongs to the applicant organisation, is on the innovation's team, or has
    declared a conflict on this file. Three queries whatever the sizes."""
    apps = {a.pk: a for a in applications}
    people = {u.pk: u for u in evaluator_rows}
    found: dict[tuple[int, int], tuple[str, str]] = {}
    by_org: dict[int, list[int]] = {}
    for user in people.values():
        if user.organisation_id:
            by_org.setdefault(user.organisation_id, []).append(user.pk)
    for application in apps.values():
        for user_id in by_org.get(application.organisation_id, ()):
            found[(application.pk, user_id)] = (ConflictKind.SAME_ORGANISATION,
                                               _("Membre de l’organisation qui dépose le dossier."))
    by_innovation: dict[int, list[int]] = {}
    for application in apps.values():
        by_innovation.setdefault(application.innovation_id, []).append(application.pk)
    for innovation_id, user_id in TeamMember.objects.filter(
            innovation_id__in=by_innovation, user_id__in=people).values_list("innovation_id", "user_id"):
        for application_id in by_innovation[innovation_id]:
            found[(application_id, user_id)] = (ConflictKind.TEAM_MEMBER,
                                               _("Membre de l’équipe de l’innovation présentée."))
    for application_id, user_id in ConflictRecord.objects.filter(
            application_id__in=apps, evaluator_id__in=people, kind=ConflictKind.DECLARED).values_list(
            "application_id", "evaluator_id"):
        found[(application_id, user_id)] = (ConflictKind.DECLARED, _("Conflit déclaré par l’évaluateur."))
    return found


def _record_exclusions(exclusions: dict) -> None:
    """Keep the trail of the hard conflicts found (each pair and kind once)."""
    known = set(ConflictRecord.objects.filter(
        application_id__in={a for a, _e in exclusions}).values_list("application_id", "evaluator_id", "kind"))
    ConflictRecord.objects.bulk_create([
        ConflictRecord(application_id=a, evaluator_id=e, kind=kind, reason=reason)
        for (a, e), (kind, reason) in exclusions.items() if (a, e, kind) not in known
    ])


def _lock_call(call: Call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


def _notify_assigned(by_evaluator: dict[int, list[int]], call: Call) -> None:
    for evaluator in User.objects.filter(pk__in=by_evaluator):
        count = len(by_evaluator[evaluator.pk])
        notifications.notify([evaluator], review_notices.ASSIGNED, call, url=review_notices.queue_url(),
                             context={"call": call.title, "count": str(count)})


@transaction.atomic
def assign_by_hand(*, application: Application, evaluator: User, by: User) -> ReviewAssignment:
    """Give one file to one evaluator; refused (in French) for a hard conflict, a non-evaluator,
    or an evaluator already on the file."""
    require_perm(by, "grants.assign_reviewers", application.call)
    _lock_call(application.call)
    if not evaluators().filter(pk=evaluator.pk).exists():
        raise ValidationError(_("Cette personne n’a pas le rôle d’évaluateur."), code="not_evaluator")
    exclusions = hard_exclusions([application], [evaluator])
    if exclusions:
        _record_exclusions(exclusions)
        kind, reason = exclusions[(application.pk, evaluator.pk)]
        raise ValidationError(_("%(name)s ne peut pas évaluer ce dossier : %(reason)s"), code="conflict",
                              params={"name": evaluator.full_name, "reason": reason})
    existing = ReviewAssignment.objects.filter(application=application, evaluator=evaluator).first()
    if existing is not None:
        raise ValidationError(_("%(name)s est déjà chargé(e) de ce dossier."), code="duplicate",
                              params={"name": evaluator.full_name})
    assignment = ReviewAssignment.objects.create(application=application, evaluator=evaluator)
    audit_record(obj=assignment, action="assign", actor=by, to_state=ConflictAnswer.PENDING)
    _notify_assigned({evaluator.pk: [application.pk]}, application.call)
    return assignment


@transaction.atomic
def assign_automatically(*, call: Call, by: User, seed: int = 0) -> planner.Plan:
    """k evaluators per reviewable file of the call (the call's setting), loads balanced,
    never a hard conflict (recorded as ConflictRecord); existing assignments are kept."""
    require_perm(by, "grants.assign_reviewers", call)
    call = _lock_call(call)
    applications = list(reviewable_applications(call).only("pk", "organisation_id", "innovation_id"))
    people = list(evaluators().only("pk", "organisation_id"))
    exclusions = hard_exclusions(applications, people)
    _record_exclusions(exclusions)
    existing = list(ReviewAssignment.objects.filter(application__call=call, removed_at__isnull=True)
                    .values_list("application_id", "evaluator_id"))
    ever = set(ReviewAssignment.objects.filter(application__call=call).values_list("application_id", "evaluator_id"))
    # A pair once assigned then removed (conflict declared, removal) is not assigned again.
    excluded = set(exclusions) | (ever - set(existing))
    plan = planner.assign([a.pk for a in applications], [u.pk for u in people], call.reviewers_per_application,
                          excluded=excluded, existing=existing, seed=seed)
    now = timezone.now()
    ReviewAssignment.objects.bulk_create([ReviewAssignment(application_id=a, evaluator_id=e, created_at=now)
                                          for a, e in plan.new_pairs])
    by_evaluator: dict[int, list[int]] = {}
    for a, e in plan.new_pairs:
        by_evaluator.setdefault(e, []).append(a)
    audit_record(obj=call, action="assign_reviewers", actor=by,
                 message=_("%(count)s attribution(s) créée(s).") % {"count": len(plan.new_pairs)})
    _notify_assigned(by_evaluator, call)
    return plan


REMOVE = "remove"  # an instructeur ends an assignment (kept for the record, no longer counted)
REMOVED = "removed"
ASSIGNMENT_PERMISSIONS = {
    AssignmentAction.DECLARE_NO_CONFLICT: "grants.open_assignment",
    AssignmentAction.DECLARE_CONFLICT: "grants.open_assignment",
    REMOVE: "grants.remove_assignment",
}


@transaction.atomic
def assignment_transition(*, assignment: ReviewAssignment, action, by: User, reason: str = "") -> ReviewAssignment:
    """The only way an assignment changes: « aucun conflit » (the evaluator sees the file),
    « conflit déclaré » (the assignment ends at once, the conflict is recorded, the file is never
    shown again to this evaluator), or removal by an instructeur (with a reason)."""
    action = REMOVE if action == REMOVE else AssignmentAction(action)
    locked = ReviewAssignment.objects.select_for_update().select_related(
        "application__call__programme", "application__innovation").get(pk=assignment.pk)
    perm_target = locked.application if action == REMOVE else locked
    require_perm(by, ASSIGNMENT_PERMISSIONS[action], perm_target)
    source = locked.conflict
    if locked.removed_at is not None:
        raise ValidationError(_("Cette attribution a déjà pris fin."), code="stale")
    if action == REMOVE:
        target = REMOVED
    else:
        step = ASSIGNMENT_TRANSITIONS[action]
        if source not in step.sources:
            raise ValidationError(_("Cette réponse a déjà été donnée."), code="stale")
        target = step.target
    now = timezone.now()
    if action == AssignmentAction.DECLARE_NO_CONFLICT:
        fields = reviewing_services.conflict_answer_apply(locked, answer=ConflictAnswer.NONE, now=now)
    elif action == AssignmentAction.DECLARE_CONFLICT:
        fields = reviewing_services.conflict_answer_apply(locked, answer=ConflictAnswer.DECLARED, reason=reason,
                                                          now=now)
        fields += reviewing_services.assignment_remove(
            locked, reason=str(_("Conflit d’intérêts déclaré par l’évaluateur.")), now=now)
        ConflictRecord.objects.create(application=locked.application, **reviewing_services.conflict_record_fields(
            evaluator=locked.evaluator, kind=ConflictKind.DECLARED, reason=reason, now=now))
        application = locked.application
        notifications.notify(
            application.call.programme.instructeurs.filter(is_active=True), review_notices.INSTRUCTION_UPDATE,
            application, url=review_notices.reviews_url(application), exclude=[by],
            context={"event": "conflict", "reference": application.reference, "title": application.innovation.title,
                     "name": by.full_name})
    else:
        fields = reviewing_services.assignment_remove(locked, reason=reason, now=now)
    locked.save(update_fields=fields)
    audit_record(obj=locked, action=str(action), actor=by, from_state=source, to_state=target,
                 message=" ".join(reason.split()) if action == REMOVE else "")
    return locked


@transaction.atomic
def sheet_save(*, assignment: ReviewAssignment, by: User, data: dict, criteria=None,
               submit: bool = False) -> ReviewSheet:
    """Save the evaluator's scores and comments (a draft); with `submit`, send it (locked from
    then on) through `sheet_transition`. `data` is the ScoreSheetForm's cleaned data."""
    locked = ReviewAssignment.objects.select_for_update().select_related(
        "application__call__programme").get(pk=assignment.pk)
    require_perm(by, "grants.review_application", locked)
    ReviewSheet.objects.get_or_create(assignment=locked)
    sheet = ReviewSheet.objects.select_for_update().get(assignment=locked)
    if criteria is None:
        criteria = list(locked.application.call.criteria.all())
    reviewing_services.sheet_values_save(sheet, data, criteria, ReviewScore)
    if submit:
        sheet = sheet_transition(sheet=sheet, action=SheetAction.SUBMIT, by=by, criteria=criteria)
    return sheet


@transaction.atomic
def sheet_transition(*, sheet: ReviewSheet, action, by: User, criteria=None) -> ReviewSheet:
    """The only way a sheet changes status: sent (every criterion scored, an opinion), then locked."""
    locked = ReviewSheet.objects.select_for_update().select_related(
        "assignment__application__call").get(pk=sheet.pk)
    require_perm(by, "grants.review_application", locked.assignment)
    if criteria is None:
        criteria = list(locked.assignment.application.call.criteria.all())
    missing = reviewing_services.sheet_missing(locked, locked.scores.values_list("criterion_id", flat=True),
                                               criteria, with_opinion=True)
    if missing:
        raise ValidationError(_("Pour envoyer la fiche, il manque : %(missing)s.") % {"missing": ", ".join(missing)},
                              code="incomplete")
    step = reviewing_services.sheet_step(locked, action)
    locked.save(update_fields=step.fields)
    audit_record(obj=locked, action=SheetAction(action), actor=by, from_state=step.previous, to_state=step.target)
    return locked


def pending_conflict_questions(user: User):
    return ReviewAssignment.objects.filter(evaluator=user, removed_at__isnull=True, conflict=ConflictAnswer.PENDING)


def active_assignments_q() -> Q:
    return Q(removed_at__isnull=True) & ~Q(conflict=ConflictAnswer.DECLARED)
