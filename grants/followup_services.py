"""Follow-up of a grant: milestones reported by the team and validated (releasing their tranche)
or sent back by an instructeur, the final financial report (compte rendu financier, Cerfa 15059)
and its reminder, the hearing that must come before a reduction or a withdrawal.

`milestone_transition` is the one way a milestone changes status."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage import uploads
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from grants import review_notices
from grants.decision_services import CENTS, euros, grant_transition, released_total
from grants.enums import (
    MILESTONE_TRANSITIONS, RUNNING_GRANT_STATES, GrantAction, GrantStatus, HearingPurpose, MilestoneAction,
    MilestoneKind, MilestoneStatus,
)
from grants.models import BudgetLine, Grant, Hearing, Milestone, TrancheRelease
from notifications import services as notifications

REPORT_MONTHS_AFTER_YEAR_END = 6  # compte rendu financier: within six months after the financial year


def _team(application):
    return User.objects.filter(innovation_memberships__innovation_id=application.innovation_id, is_active=True)


def _instructors(application):
    return application.call.programme.instructeurs.filter(is_active=True)


def tranche_amount(milestone: Milestone, grant: Grant, milestones: list[Milestone]) -> Decimal:
    """The tranche released by this milestone: its planned tranche scaled by granted / requested
    (an amount lower than the request lowers every tranche); the last tranche takes the rounding
    so that the tranches add up to the grant exactly."""
    requested = grant.application.amount_requested
    if not requested or grant.initial_amount == requested:
        return milestone.tranche_amount
    ordered = sorted(milestones, key=lambda m: (m.due_date, m.pk))
    scaled = {m.pk: (m.tranche_amount * grant.initial_amount / requested).quantize(CENTS) for m in ordered}
    scaled[ordered[-1].pk] = grant.initial_amount - sum(scaled[m.pk] for m in ordered[:-1])
    return scaled[milestone.pk]


MILESTONE_PERMISSIONS = {
    MilestoneAction.REPORT: "grants.report_milestone",
    MilestoneAction.VALIDATE: "grants.check_milestone",
    MilestoneAction.RETURN: "grants.check_milestone",
    MilestoneAction.CANCEL: "grants.check_milestone",
}


@transaction.atomic
def milestone_transition(*, milestone: Milestone, action, by: User, message: str = "", evidence=None,
                         evidence_type: str = "", replication=None) -> Milestone:
    """The only way a milestone changes status.

    - REPORT (team): what was done (`message`) and, optionally, evidence (a GRANT_DOCUMENTS file);
    - VALIDATE (instructeur): releases the tranche (a TrancheRelease row); a replication milestone
      links to the replication declaration it produced; the last tranche settles the grant;
    - SEND_BACK (instructeur): with the reason, the team reports again."""
    action = MilestoneAction(action)
    locked = Milestone.objects.select_for_update().select_related(
        "application__call__programme", "application__innovation").get(pk=milestone.pk)
    require_perm(by, MILESTONE_PERMISSIONS[action], locked)
    grant = Grant.objects.select_for_update().get(application_id=locked.application_id)
    if not GrantStatus(grant.status).is_running:
        raise ValidationError(_("La subvention n’est pas en cours : ses jalons ne peuvent pas avancer."),
                              code="grant_state")
    step = MILESTONE_TRANSITIONS[action]
    if locked.status not in step.sources:
        raise ValidationError(_("Ce jalon a déjà changé d’état : rechargez la page."), code="stale")
    message = message.strip()
    now = timezone.now()
    source = locked.status
    application = locked.application
    if action == MilestoneAction.REPORT:
        if not message:
            raise ValidationError(_("Décrivez ce qui a été réalisé pour ce jalon."), code="report")
        locked.report = message
        locked.reported_at = now
        if evidence is not None:
            locked.evidence_name = uploads.safe_filename(evidence.name, evidence_type)
            locked.evidence_size = evidence.size
            evidence.name = uploads.stored_name(evidence_type)
            locked.evidence = evidence
            locked.evidence_type = evidence_type
        locked.return_reason = ""
    elif action in (MilestoneAction.RETURN, MilestoneAction.CANCEL):
        if not message:
            raise ValidationError(_("Dites à l’équipe ce qui manque pour valider ce jalon."), code="reason")
        if action == MilestoneAction.RETURN:
            locked.return_reason = message
    else:
        if MilestoneKind(locked.kind).is_replication:
            if replication is None or replication.innovation_id != application.innovation_id:
                raise ValidationError(
                    _("Choisissez la déclaration d’essaimage que ce jalon a permise "
                      "(une reprise de cette innovation)."),
                    code="replication")
            locked.replication = replication
        milestones = list(Milestone.objects.filter(application_id=application.pk))
        amount = min(tranche_amount(locked, grant, milestones), grant.amount_granted - released_total(grant))
        if amount > 0:
            release = TrancheRelease.objects.create(grant=grant, milestone=locked, amount=amount, released_at=now,
                                                    released_by=by)
            locked.released_at = now
            message = message or _("Tranche de %(amount)s versée.") % {"amount": euros(release.amount)}
        locked.validated_at, locked.validated_by = now, by
    locked.status = step.target
    locked.save()
    audit_record(obj=locked, action=action, actor=by, from_state=source, to_state=step.target, message=message)
    context = {"title": application.innovation.title, "reference": application.reference,
               "milestone": locked.title, "action": action.value, "message": message}
    if action == MilestoneAction.REPORT:
        notifications.notify(_instructors(application), review_notices.MILESTONE_REPORTED, locked,
                             url=review_notices.grant_url(grant), context=context, exclude=[by])
    else:
        notifications.notify(_team(application), review_notices.MILESTONE_CHECKED, locked,
                             url=review_notices.grant_url(grant), context=context, exclude=[by])
    if action == MilestoneAction.VALIDATE and not Milestone.objects.filter(
            application_id=application.pk).exclude(status__in=[MilestoneStatus.VALIDATED, MilestoneStatus.CANCELLED]
    ).exists():
        grant_transition(grant=grant, action=GrantAction.SETTLE, by=by)
    return locked


@transaction.atomic
def financial_report_save(*, grant: Grant, by: User, spent: dict[int, Decimal], comment: str = "",
                          submit: bool = False) -> Grant:
    """The compte rendu financier: spent per budget line (planned vs spent, Cerfa 15059) and a
    comment; `submit` sends it (then it is read-only)."""
    locked = Grant.objects.select_for_update().select_related("application").get(pk=grant.pk)
    require_perm(by, "grants.report_financial", locked)
    if locked.financial_report_submitted_at is not None:
        raise ValidationError(_("Le compte rendu financier est déjà transmis."), code="stale")
    lines = {line.pk: line for line in BudgetLine.objects.select_for_update().filter(application=locked.application)}
    for pk, value in spent.items():
        if pk not in lines:
            continue
        if value is not None and value < 0:
            raise ValidationError(_("Une dépense ne peut pas être négative."), code="spent")
        lines[pk].spent_amount = None if value is None else Decimal(value).quantize(CENTS)
    BudgetLine.objects.bulk_update(lines.values(), ["spent_amount"])
    locked.financial_report_comment = comment.strip()
    fields = ["financial_report_comment"]
    if submit:
        missing = [line.label for line in lines.values() if line.spent_amount is None]
        if missing:
            raise ValidationError(_("Indiquez la dépense réalisée de chaque ligne : %(lines)s.") % {
                "lines": ", ".join(missing)}, code="incomplete")
        locked.financial_report_submitted_at = timezone.now()
        fields.append("financial_report_submitted_at")
        audit_record(obj=locked, action="financial_report", actor=by)
        notifications.notify(_instructors(locked.application), review_notices.MILESTONE_REPORTED, locked,
                             url=review_notices.grant_url(locked), exclude=[by],
                             context={"title": locked.application.innovation.title,
                                      "reference": locked.application.reference,
                                      "milestone": _("Compte rendu financier"), "action": "financial_report",
                                      "message": locked.financial_report_comment})
    locked.save(update_fields=fields)
    return locked


@transaction.atomic
def hearing_open(*, grant: Grant, by: User, purpose, reason: str, deadline: datetime.date,
                 proposed_amount: Decimal | None = None) -> Hearing:
    """The contradictory procedure before a reduction or a withdrawal: the team is told why and
    until when it may answer."""
    locked = Grant.objects.select_for_update().select_related("application__innovation").get(pk=grant.pk)
    require_perm(by, "grants.manage_grant", locked)
    if not GrantStatus(locked.status).is_running:
        raise ValidationError(_("Cette subvention n’est plus en cours."), code="stale")
    if Hearing.objects.filter(grant=locked, closed_at__isnull=True).exists():
        raise ValidationError(_("Une procédure contradictoire est déjà ouverte."), code="open")
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Exposez à l’équipe les motifs envisagés."), code="reason")
    if deadline < timezone.localdate() + datetime.timedelta(days=15):
        raise ValidationError(_("Laissez à l’équipe au moins quinze jours pour répondre."), code="deadline")
    purpose = HearingPurpose(purpose)
    hearing = Hearing.objects.create(grant=locked, purpose=purpose, reason=reason, deadline=deadline, opened_by=by,
                                     proposed_amount=proposed_amount)
    audit_record(obj=locked, action="hearing_open", actor=by, message=reason)
    application = locked.application
    notifications.notify(_team(application), review_notices.GRANT_UPDATED, locked,
                         url=review_notices.grant_url(locked),
                         context={"title": application.innovation.title, "reference": application.reference,
                                  "action": "hearing", "message": reason,
                                  "deadline": deadline.strftime("%d/%m/%Y"),
                                  "funder_name": application.call.programme.funder.name})
    return hearing


@transaction.atomic
def hearing_answer(*, hearing: Hearing, by: User, answer: str) -> Hearing:
    locked = Hearing.objects.select_for_update().select_related(
        "grant__application__call__programme", "grant__application__innovation").get(pk=hearing.pk)
    require_perm(by, "grants.answer_hearing", locked.grant)
    if locked.closed_at is not None:
        raise ValidationError(_("Cette procédure est close."), code="stale")
    if not answer.strip():
        raise ValidationError(_("Écrivez votre réponse."), code="answer")
    locked.answer, locked.answered_at, locked.answered_by = answer.strip(), timezone.now(), by
    locked.closed_at = locked.answered_at
    locked.save()
    audit_record(obj=locked.grant, action="hearing_answer", actor=by)
    application = locked.grant.application
    notifications.notify(_instructors(application), review_notices.INSTRUCTION_UPDATE, locked.grant,
                         url=review_notices.grant_url(locked.grant), exclude=[by],
                         context={"event": "hearing", "reference": application.reference,
                                  "title": application.innovation.title, "name": by.full_name})
    return locked


@transaction.atomic
def hearing_close(*, hearing: Hearing, by: User) -> Hearing:
    """Close a hearing the team did not answer, once its deadline has passed."""
    locked = Hearing.objects.select_for_update().select_related("grant__application").get(pk=hearing.pk)
    require_perm(by, "grants.manage_grant", locked.grant)
    if locked.closed_at is not None:
        raise ValidationError(_("Cette procédure est close."), code="stale")
    if timezone.localdate() <= locked.deadline:
        raise ValidationError(_("Le délai de réponse de l’équipe court encore jusqu’au %(date)s.") % {
            "date": locked.deadline.strftime("%d/%m/%Y")}, code="deadline")
    locked.closed_at, locked.closed_by = timezone.now(), by
    locked.save(update_fields=["closed_at", "closed_by"])
    audit_record(obj=locked.grant, action="hearing_close", actor=by)
    return locked


REMINDER_DAYS = (60, 30, 7, 0)  # days before the deadline; then every 14 days once late


def reports_to_remind(today: datetime.date):
    due = Grant.objects.filter(
        financial_report_submitted_at__isnull=True, financial_report_due__isnull=False,
        status__in=[*RUNNING_GRANT_STATES, GrantStatus.SETTLED]).select_related("application__innovation")
    for grant in due:
        days = (grant.financial_report_due - today).days
        if days in REMINDER_DAYS or (days < 0 and (-days) % 14 == 0):
            yield grant, days


def send_report_reminders(today: datetime.date | None = None) -> int:
    """The daily reminder of the compte rendu financier (tasks.remind_financial_reports)."""
    today = today or timezone.localdate()
    sent = 0
    for grant, days in reports_to_remind(today):
        application = grant.application
        with transaction.atomic():
            notifications.notify(_team(application), review_notices.REPORT_DUE, grant,
                                 url=review_notices.grant_url(grant),
                                 context={"title": application.innovation.title, "reference": application.reference,
                                          "due": grant.financial_report_due.strftime("%d/%m/%Y"),
                                          "late": str(days < 0), "days": str(abs(days))})
            Grant.objects.filter(pk=grant.pk).update(financial_report_reminded_at=timezone.now())
        sent += 1
    return sent


