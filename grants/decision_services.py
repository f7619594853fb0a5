"""Decisions on grant applications and the life of the grant they open.

`decide` is the one entry point of a decision: it locks the call's row (every decision of the
call queues behind it, so two instructeurs accepting at the same instant never go beyond the
envelope), sums what is already committed, writes the immutable Decision, moves the application
through part 1's `application_transition`, opens the Grant, and tells the team (e-mail + notice)
with the motivation and the voies et délais de recours (R421-5 CJA).

`grant_transition` is the one way a grant changes status (convention signed, settled, reduced,
withdrawn)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from grants import review_notices
from grants.enums import (
    CONVENTION_THRESHOLD, GRANT_TRANSITIONS, DecisionOutcome, GrantAction, GrantStatus, HearingPurpose,
)
from grants import notices as application_notices
from grants.models import Application, Call, Decision, Grant, Hearing, TrancheRelease
from grants.services import application_transition
from notifications import services as notifications

CENTS = Decimal("0.01")

def euros(value: Decimal) -> str:
    """« 12 500,00 € » (no-break spaces)."""
    whole, cents = f"{Decimal(value).quantize(CENTS):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return "\u202f".join(groups) + f",{cents}\u00a0€"


def committed(call: Call) -> Decimal:
    """What the call's accepted decisions commit (granted amounts, reductions and withdrawals
    taken into account through the grants)."""
    from_grants = Grant.objects.filter(application__call=call).aggregate(total=Sum("amount_granted"))["total"]
    return from_grants or Decimal("0.00")


def remaining(call: Call) -> Decimal:
    return call.envelope - committed(call)


def released_total(grant: Grant) -> Decimal:
    return TrancheRelease.objects.filter(grant=grant).aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def followup_dates(application: Application):
    """(end of the financial year, compte rendu financier due date): the year of the last
    milestone (or of the project's end) closes on 31 December; the report is due six months
    later, on 30 June (Cerfa 15059, within six months after the end of the financial year)."""
    dates = list(application.milestones.values_list("due_date", flat=True))
    if application.project_end:
        dates.append(application.project_end)
    if not dates:
        return None, None
    end = max(dates)
    return datetime.date(end.year, 12, 31), datetime.date(end.year + 1, 6, 30)


def _team(application: Application):
    return User.objects.filter(innovation_memberships__innovation_id=application.innovation_id, is_active=True)


@transaction.atomic
def decide(*, application: Application, outcome, by: User, amount: Decimal | None = None,
           motivation: str = "") -> Decision:
    """Accept (with an amount ≤ the request and ≤ what remains of the envelope), refuse or
    classer sans suite (with a motivation). One decision per application (a second one at the
    same instant is refused), never beyond the envelope."""
    outcome = DecisionOutcome(outcome)
    call = Call.objects.select_for_update().get(pk=application.call_id)  # serialises the call's decisions
    locked = Application.objects.select_for_update().select_related(
        "call__programme__funder", "innovation", "organisation").get(pk=application.pk)
    require_perm(by, "grants.decide_application", locked)
    if Decision.objects.filter(application=locked).exists():
        raise ValidationError(_("Ce dossier a déjà fait l’objet d’une décision."), code="stale")
    motivation = motivation.strip()
    if outcome != DecisionOutcome.ACCEPTED and not motivation:
        raise ValidationError(_("La motivation est obligatoire pour un refus ou un classement sans suite."),
                              code="motivation")
    if outcome == DecisionOutcome.ACCEPTED:
        if amount is None or amount <= 0:
            raise ValidationError(_("Indiquez le montant accordé."), code="amount")
        amount = Decimal(amount).quantize(CENTS)
        if amount > locked.amount_requested:
            raise ValidationError(_("Le montant accordé (%(amount)s) dépasse le montant demandé (%(requested)s)."),
                                  code="amount", params={"amount": euros(amount),
                                                         "requested": euros(locked.amount_requested)})
        left = remaining(call)
        if amount > left:
            raise ValidationError(
                _("L’enveloppe de l’appel ne permet plus d’accorder %(amount)s : il reste %(left)s à engager. "
                  "Un autre dossier vient peut-être d’être accepté ; réduisez le montant ou refusez le dossier."),
                code="envelope", params={"amount": euros(amount), "left": euros(left)})
    else:
        amount = None
    now = timezone.now()
    decision = Decision.objects.create(application=locked, outcome=outcome, amount=amount, motivation=motivation,
                                       decided_by=by, decided_at=now)
    application_transition(application=locked, action=outcome.action, by=by, message=motivation,
                           decision=decision, notify=False)
    grant = None
    if outcome == DecisionOutcome.ACCEPTED:
        required = amount > CONVENTION_THRESHOLD
        year_end, report_due = followup_dates(locked)
        grant = Grant.objects.create(
            application=locked, initial_amount=amount, amount_granted=amount, convention_required=required,
            financial_year_end=year_end, financial_report_due=report_due,
            status=GrantStatus.AWAITING_CONVENTION if required else GrantStatus.ACTIVE,
            started_at=None if required else now)
        audit_record(obj=grant, action="open", actor=by, to_state=grant.status)
    team = list(_team(locked))
    if outcome == DecisionOutcome.ACCEPTED:  # the call's followers hear of the grant awarded
        notifications.notify_followers(
            call, application_notices.FOLLOWED_CALL, exclude=[by, *team], url=call.get_absolute_url(),
            text=locked.innovation.title,
            context={"call": call.title, "title": locked.innovation.title, "url": call.get_absolute_url()})
    notifications.notify(
        team, review_notices.DECISION, locked, url=review_notices.decision_url(locked),
        context={"title": locked.innovation.title, "reference": locked.reference, "call": call.title,
                 "accepted": "1" if outcome == DecisionOutcome.ACCEPTED else "",
                 "refused": "1" if outcome == DecisionOutcome.REFUSED else "",
                 "outcome_label": str(outcome.label), "motivation": motivation,
                 "amount": euros(amount) if amount is not None else "",
                 "convention": str(bool(grant and grant.convention_required)),
                 "funder_name": locked.call.programme.funder.name})
    return decision


GRANT_PERMISSIONS = dict.fromkeys(GrantAction, "grants.manage_grant")


@transaction.atomic
def grant_transition(*, grant: Grant, action, by: User | None, message: str = "",
                     amount: Decimal | None = None) -> Grant:
    """The only way a grant changes status.

    - SIGN_CONVENTION: the instructeur records the convention as signed; the grant starts.
    - SETTLE: every tranche released (called by the milestone service; `by` may be the validator).
    - REDUCE (new `amount`, lower than granted, not below what is released) and WITHDRAW: only
      after a hearing of the team that is closed, and with a motivation."""
    action = GrantAction(action)
    locked = Grant.objects.select_for_update().select_related(
        "application__call__programme__funder", "application__innovation").get(pk=grant.pk)
    require_perm(by, GRANT_PERMISSIONS[action], locked)
    step = GRANT_TRANSITIONS[action]
    if locked.status not in step.sources:
        raise ValidationError(_("Cette action n’est plus possible sur cette subvention."), code="stale")
    message = message.strip()
    now = timezone.now()
    source = locked.status
    fields = ["status"]
    if action == GrantAction.SIGN_CONVENTION:
        locked.convention_signed_at, locked.convention_signed_by, locked.started_at = timezone.localdate(), by, now
        fields += ["convention_signed_at", "convention_signed_by", "started_at"]
    elif action in (GrantAction.REDUCE, GrantAction.WITHDRAW):
        if not message:
            raise ValidationError(_("La motivation est obligatoire pour réduire ou retirer une subvention."),
                                  code="motivation")
        purpose = HearingPurpose.REDUCTION if action == GrantAction.REDUCE else HearingPurpose.WITHDRAWAL
        hearing = Hearing.objects.filter(grant=locked, purpose=purpose, closed_at__isnull=False).first()
        if hearing is None:
            raise ValidationError(
                _("L’équipe doit d’abord être entendue : ouvrez une procédure contradictoire (%(purpose)s) et "
                  "attendez sa réponse ou la fin du délai.") % {"purpose": purpose.label.lower()}, code="hearing")
        released = released_total(locked)
        if action == GrantAction.REDUCE:
            if amount is None or not released <= Decimal(amount) < locked.amount_granted:
                raise ValidationError(
                    _("Le nouveau montant doit être inférieur au montant accordé (%(granted)s) et au moins égal à "
                      "ce qui est déjà versé (%(released)s)."),
                    code="amount", params={"granted": euros(locked.amount_granted), "released": euros(released)})
            locked.amount_granted = Decimal(amount).quantize(CENTS)
        else:
            locked.amount_granted = released
            locked.closed_at = now
            fields.append("closed_at")
        locked.motivation = message
        fields += ["amount_granted", "motivation"]
    elif action == GrantAction.SETTLE:
        locked.closed_at = now
        fields.append("closed_at")
    locked.status = step.target
    locked.save(update_fields=fields)
    audit_record(obj=locked, action=action, actor=by, from_state=source, to_state=step.target, message=message)
    if action != GrantAction.SETTLE:
        application = locked.application
        notifications.notify(
            _team(application), review_notices.GRANT_UPDATED, locked, url=review_notices.grant_url(locked),
            exclude=[by] if by else (),
            context={"title": application.innovation.title, "reference": application.reference,
                     "action": action.value, "action_label": str(action.label), "message": message,
                     "amount": euros(locked.amount_granted), "funder_name": application.call.programme.funder.name})
    return locked
