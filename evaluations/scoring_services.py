"""Every write of the scoring of a prize campaign: peer and jury assignments (through
`reviewing.assignment.assign`), jurors' invitations, conflicts of interest, score sheets.

- `peer_assignments_create(campaign)`: called when the peer phase opens (and again by the
  organiser after late withdrawals): each eligible entry's team evaluates `peers_per_entry`
  other entries, never its own, one of its organisation or one sharing a team member; loads
  balanced; existing assignments and their scores kept.
- `jury_assignments_create(campaign)`: called when the jury phase opens, by the organiser, after
  an invitation is accepted during the jury phase, and after a declared conflict (the
  replacement): every eligible entry gets `jurors_per_entry` jurors when there are enough,
  hard conflicts (same organisation, team member, declared) excluded, soft ones recorded.
- `sheet_transition(...)`: the one way a score sheet changes status (draft → sent), locked,
  permission checked, audited. `sheet_save(...)` writes the scores and, when asked, sends.

Nothing here names an entry's team in what it sends to an evaluator (see `anonymity`)."""

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from essaimage import mail
from essaimage.addresses import normalize_email_address
from essaimage.enums import Role
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record, user_set_roles
from evaluations import scoring_notices as notices
from evaluations import scoring_rules
from evaluations.enums import CampaignPhase, EntryStatus, Panel, ScoringAction
from evaluations.models import Assignment, Campaign, ConflictRecord, Entry, JurorInvitation, Score, ScoreSheet
from innovations.models import TeamMember
from notifications import services as notifications
from reviewing import services as reviewing
from reviewing.assignment import Plan, assign
from reviewing.enums import SHEET_TRANSITIONS, ConflictAnswer, ConflictKind, SheetAction

WITHDRAWN_REASON = "Candidature retirée ou déclarée irrecevable"
JUROR_LEFT_REASON = "Juré retiré du jury"
CONFLICT_REASON = "Conflit d’intérêts déclaré"


@dataclass(frozen=True)
class AssignmentReport:
    """What an assignment run did: pairs created, withdrawn, entries still short of evaluators."""

    created: int
    removed: int
    short: dict  # entry id -> evaluators missing
    loads: dict  # evaluator key -> load

    @property
    def is_complete(self) -> bool:
        return not self.short


def _competing(campaign) -> list[Entry]:
    return list(Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE)
                .select_related("innovation").order_by("pk"))


def _team_members(entries) -> dict[int, set[int]]:
    """entry id -> ids of its innovation's team (one query)."""
    by_innovation = defaultdict(set)
    for innovation_id, user_id in TeamMember.objects.filter(
            innovation_id__in=[entry.innovation_id for entry in entries]).values_list("innovation_id", "user_id"):
        by_innovation[innovation_id].add(user_id)
    return {entry.pk: by_innovation[entry.innovation_id] for entry in entries}


def _entry_organisations(entry) -> set[int]:
    return {pk for pk in (entry.organisation_id, entry.innovation.organisation_id) if pk}


def _withdraw_stale(campaign, panel, *, keep_entries: set[int], keep_evaluators: set | None = None) -> int:
    """Withdraws the active assignments whose entry (or, for peers, evaluating entry; for the jury,
    juror) left the competition; their sheets stay on record but no longer count."""
    now = timezone.now()
    active = Assignment.objects.filter(campaign=campaign, panel=panel, removed_at__isnull=True)
    stale = active.exclude(entry_id__in=keep_entries)
    if panel == Panel.PEER:
        stale = stale | active.exclude(peer_entry_id__in=keep_entries)
        removed = stale.update(removed_at=now, removed_reason=WITHDRAWN_REASON)
    else:
        removed = stale.update(removed_at=now, removed_reason=WITHDRAWN_REASON)
        if keep_evaluators is not None:
            removed += active.exclude(evaluator_id__in=keep_evaluators).update(
                removed_at=now, removed_reason=JUROR_LEFT_REASON)
    return removed


def _create(campaign, panel, rows: list[tuple[int, int, int | None]]) -> list[Assignment]:
    """Creates the assignments (entry id, evaluator id, peer entry id) and their empty sheets."""
    now = timezone.now()
    created = Assignment.objects.bulk_create([
        Assignment(campaign=campaign, entry_id=entry_id, evaluator_id=evaluator_id, panel=panel,
                   peer_entry_id=peer_entry_id, created_at=now)
        for entry_id, evaluator_id, peer_entry_id in rows])
    ScoreSheet.objects.bulk_create([ScoreSheet(assignment=assignment, created_at=now) for assignment in created])
    return created


@transaction.atomic
def peer_assignments_create(campaign: Campaign, *, by: User | None = None) -> AssignmentReport:
    """Each competing entry's team evaluates `peers_per_entry` others (see the module's docstring).
    Idempotent: a second run creates only what is missing."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not campaign.has_peer_review:
        return AssignmentReport(0, 0, {}, {})
    entries = _competing(campaign)
    ids = [entry.pk for entry in entries]
    removed = _withdraw_stale(campaign, Panel.PEER, keep_entries=set(ids))
    teams = _team_members(entries)
    member_orgs = dict(User.objects.filter(pk__in={u for team in teams.values() for u in team})
                       .values_list("pk", "organisation_id"))
    # Exclusions: same organisation (the entry's, or a member's), a shared team member.
    by_org, by_member = defaultdict(list), defaultdict(list)
    team_orgs = {}
    for entry in entries:
        for org in _entry_organisations(entry):
            by_org[org].append(entry.pk)
        team_orgs[entry.pk] = {member_orgs.get(u) for u in teams[entry.pk]} - {None}
        for user_id in teams[entry.pk]:
            by_member[user_id].append(entry.pk)
    excluded = set()
    for group in by_member.values():
        excluded.update((a, b) for a in group for b in group)
    entry_orgs = {entry.pk: _entry_organisations(entry) for entry in entries}
    for evaluator in ids:
        for org in entry_orgs[evaluator] | team_orgs[evaluator]:
            for item in by_org.get(org, ()):
                excluded.add((item, evaluator))
    existing_rows = list(Assignment.objects.filter(campaign=campaign, panel=Panel.PEER)
                         .values_list("entry_id", "peer_entry_id", "evaluator_id", "removed_at"))
    existing = [(item, peer) for item, peer, _user, removed_at in existing_rows if removed_at is None]
    # A pair withdrawn before (a declared conflict) is never proposed again.
    excluded.update((item, peer) for item, peer, _user, removed_at in existing_rows if removed_at is not None)
    plan = assign(ids, ids, campaign.peers_per_entry, excluded=frozenset(excluded), existing=existing,
                  seed=campaign.pk)
    taken = defaultdict(set)  # entry -> users already evaluating it for a peer team
    for item, _peer, user_id, _removed in existing_rows:
        taken[item].add(user_id)
    creators = {entry.pk: entry.created_by_id for entry in entries}
    rows = []
    for item, peer in plan.new_pairs:
        candidates = [creators[peer], *sorted(teams[peer])]
        user_id = next((u for u in candidates if u not in taken[item]), None)
        if user_id is None:  # every member already evaluates it for another team: leave it short
            plan.short[item] = plan.short.get(item, 0) + 1
            continue
        taken[item].add(user_id)
        rows.append((item, user_id, peer))
    _create(campaign, Panel.PEER, rows)
    _report(campaign, Panel.PEER, by, created=len(rows), removed=removed, plan=plan)
    if rows:
        _notify_teams(campaign, {peer for _item, _user, peer in rows}, teams)
    return AssignmentReport(len(rows), removed, dict(plan.short), dict(plan.loads))


def _jury_conflicts(campaign, entries, jurors: list[User]) -> tuple[set, list[tuple[int, int, str]]]:
    """(excluded pairs, conflicts found as (entry, juror, kind)) between the entries and the jurors."""
    teams = _team_members(entries)
    declared = set(ConflictRecord.objects.filter(campaign=campaign, kind=ConflictKind.DECLARED)
                   .values_list("entry_id", "evaluator_id"))
    found = []
    for entry in entries:
        orgs = _entry_organisations(entry)
        for juror in jurors:
            if juror.pk in teams[entry.pk]:
                found.append((entry.pk, juror.pk, ConflictKind.TEAM_MEMBER))
            if juror.organisation_id and juror.organisation_id in orgs:
                found.append((entry.pk, juror.pk, ConflictKind.SAME_ORGANISATION))
            if juror.territory_id and juror.territory_id in {entry.innovation.territory_id,
                                                             entry.innovation.departement_id}:
                found.append((entry.pk, juror.pk, ConflictKind.SAME_TERRITORY))
    excluded = set(reviewing.hard_exclusions(found)) | declared
    return excluded, found


@transaction.atomic
def jury_assignments_create(campaign: Campaign, *, by: User | None = None) -> AssignmentReport:
    """Every competing entry gets `jurors_per_entry` jurors (see the module's docstring). Idempotent."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    entries = _competing(campaign)
    ids = [entry.pk for entry in entries]
    jurors = list(campaign.jurors.filter(is_active=True).order_by("pk"))
    juror_ids = [juror.pk for juror in jurors]
    removed = _withdraw_stale(campaign, Panel.JURY, keep_entries=set(ids), keep_evaluators=set(juror_ids))
    excluded, found = _jury_conflicts(campaign, entries, jurors)
    recorded = set(ConflictRecord.objects.filter(campaign=campaign).values_list("entry_id", "evaluator_id", "kind"))
    now = timezone.now()
    ConflictRecord.objects.bulk_create([
        ConflictRecord(campaign=campaign, entry_id=entry_id,
                       **reviewing.conflict_record_fields(evaluator=User(pk=juror_id), kind=kind,
                                                          reason=_("Relevé à l’attribution des dossiers."), now=now))
        for entry_id, juror_id, kind in found if (entry_id, juror_id, kind) not in recorded])
    rows = list(Assignment.objects.filter(campaign=campaign, panel=Panel.JURY)
                .values_list("entry_id", "evaluator_id", "removed_at"))
    existing = [(item, juror) for item, juror, removed_at in rows if removed_at is None]
    excluded.update((item, juror) for item, juror, removed_at in rows if removed_at is not None)
    plan = assign(ids, juror_ids, campaign.jurors_per_entry, excluded=frozenset(excluded), existing=existing,
                  seed=campaign.pk)
    created = _create(campaign, Panel.JURY, [(item, juror, None) for item, juror in plan.new_pairs])
    _report(campaign, Panel.JURY, by, created=len(created), removed=removed, plan=plan)
    if created:
        counts = defaultdict(int)
        for assignment in created:
            counts[assignment.evaluator_id] += 1
        for juror in jurors:
            if counts.get(juror.pk):
                notifications.notify([juror], notices.ASSIGNED, campaign, url=reverse(
                    "evaluations:scoring_tasks", kwargs={"slug": campaign.slug}),
                    context={"campaign": campaign.title, "count": counts[juror.pk], "is_peer": False,
                             "url": reverse("evaluations:scoring_tasks", kwargs={"slug": campaign.slug})})
    return AssignmentReport(len(created), removed, dict(plan.short), dict(plan.loads))


def _report(campaign, panel, by, *, created: int, removed: int, plan: Plan) -> None:
    if created or removed:
        message = _("%(panel)s : %(created)s attribution(s) créée(s), %(removed)s retirée(s), "
                    "%(short)s candidature(s) sans assez d’évaluateurs.") % {
            "panel": Panel(panel).label, "created": created, "removed": removed, "short": len(plan.short)}
        action = ScoringAction.ASSIGN_PEER if panel == Panel.PEER else ScoringAction.ASSIGN_JURY
        audit_record(obj=campaign, action=action, actor=by, message=message)


def _notify_teams(campaign, peer_entry_ids, teams) -> None:
    users = User.objects.filter(pk__in={u for peer in peer_entry_ids for u in teams.get(peer, ())})
    url = reverse("evaluations:scoring_tasks", kwargs={"slug": campaign.slug})
    notifications.notify(users, notices.ASSIGNED, campaign, url=url,
                         context={"campaign": campaign.title, "count": campaign.peers_per_entry, "is_peer": True,
                                  "url": url})


def phase_entered(*, campaign: Campaign, phase, by: User | None = None) -> AssignmentReport | None:
    """Called by the campaign's phase transition service (`services.campaign_transition`) when a
    phase opens, in its transaction: the peer phase assigns the peers, the jury phase the jurors."""
    phase = CampaignPhase(phase)
    if phase == CampaignPhase.PEER_REVIEW:
        return peer_assignments_create(campaign, by=by)
    if phase == CampaignPhase.JURY:
        return jury_assignments_create(campaign, by=by)
    return None


def entry_left(*, entry: Entry, by: User | None = None) -> None:
    """An eligible entry is withdrawn or ruled ineligible (part 1's `entry_transition`, in its
    transaction): its assignments, as the entry evaluated and as the evaluating team, are
    withdrawn (their sheets stay on record, no longer counted); during its panel's phase the
    assignment is completed at once (the entries its team evaluated get another team)."""
    campaign = entry.campaign
    phase = CampaignPhase(campaign.phase)
    if phase == CampaignPhase.PEER_REVIEW:
        peer_assignments_create(campaign, by=by)
    elif phase == CampaignPhase.JURY:
        jury_assignments_create(campaign, by=by)
    Assignment.objects.filter(campaign=campaign, removed_at__isnull=True).filter(
        Q(entry=entry) | Q(peer_entry=entry)).update(removed_at=timezone.now(), removed_reason=WITHDRAWN_REASON)


# --- Jurors' invitations ---------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def juror_invite(*, campaign: Campaign, email: str, by: User) -> JurorInvitation:
    """Invites `email` to the campaign's jury: an e-mail with a link that only works once (the
    address may belong to no account yet: the person signs up, then accepts). Inviting the same
    address again sends a new link (the old one stops working)."""
    require_perm(by, "evaluations.manage_jury", campaign)
    email = normalize_email_address(email)
    token = secrets.token_urlsafe(32)
    invitation = JurorInvitation.objects.select_for_update().filter(campaign=campaign, email=email).first()
    if invitation is not None and invitation.accepted_at is not None:
        raise ValidationError(_("Cette personne a déjà rejoint le jury."), code="already_juror")
    if invitation is None:
        invitation = JurorInvitation(campaign=campaign, email=email, invited_by=by)
    invitation.token = _token_hash(token)
    invitation.invited_by = by
    invitation.created_at = timezone.now()
    invitation.save()
    audit_record(obj=campaign, action=ScoringAction.JUROR_INVITED, actor=by, message=email)
    url = reverse("evaluations:juror_invitation", kwargs={"token": token})
    mail.send(template="evaluations/emails/juror_invitation", recipients=[email], context={
        "campaign": campaign.title, "organiser": by.full_name or by.email, "url": url,
        "action_url": settings.SITE_URL + url, "action_label": _("Accepter l’invitation")})
    return invitation


def invitation_for_token(token: str) -> JurorInvitation | None:
    return (JurorInvitation.objects.select_related("campaign").filter(token=_token_hash(token or "")).first()
            if token else None)


@transaction.atomic
def juror_invitation_accept(*, token: str, user: User) -> JurorInvitation:
    """The invited person (signed in) joins the jury: the `jure` role, the campaign's jurors, and
    their share of the entries when the jury is already at work."""
    found = invitation_for_token(token)
    if found is None:
        raise ValidationError(_("Ce lien d’invitation n’est pas valable : demandez-en un nouveau à l’organisateur."),
                              code="invalid")
    invitation = JurorInvitation.objects.select_for_update().select_related("campaign").get(pk=found.pk)
    campaign = invitation.campaign
    if invitation.accepted_at is not None:
        if invitation.accepted_by_id == user.pk:
            return invitation
        raise ValidationError(_("Cette invitation a déjà été acceptée."), code="used")
    if not user.is_authenticated or not user.is_active:
        raise ValidationError(_("Connectez-vous pour accepter l’invitation."), code="anonymous")
    if user.pk in scoring_rules.organiser_ids(campaign):
        raise ValidationError(_("Vous organisez cette campagne : vous ne pouvez pas en être juré."),
                              code="organiser")
    if CampaignPhase(campaign.phase).order >= CampaignPhase.DELIBERATION.order:
        raise ValidationError(_("Le jury de cette campagne a terminé ses travaux."), code="closed")
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    user_set_roles(user=user, roles=[Role.JURE])
    campaign.jurors.add(user)
    audit_record(obj=campaign, action=ScoringAction.JUROR_JOINED, actor=user, message=invitation.email)
    if campaign.phase == CampaignPhase.JURY:
        jury_assignments_create(campaign)
    return invitation


# --- Conflicts of interest --------------------------------------------------------------------

def _locked_assignment(assignment) -> Assignment:
    return (Assignment.objects.select_for_update(of=("self",))
            .select_related("campaign", "peer_entry__innovation", "entry").get(pk=assignment.pk))


@transaction.atomic
def conflict_answer(*, assignment: Assignment, by: User, answer, reason: str = "") -> Assignment:
    """The evaluator's answer before reading the entry. « Aucun conflit » opens the entry; a
    declared conflict is recorded, withdraws the assignment, tells the organisers and finds
    another evaluator if one is free."""
    locked = _locked_assignment(assignment)
    locked.sheet = ScoreSheet.objects.select_for_update().get(assignment=locked)
    require_perm(by, "evaluations.declare_conflict", locked)
    previous = locked.conflict
    fields = reviewing.conflict_answer_apply(locked, answer=answer, reason=reason)
    if locked.conflict == ConflictAnswer.DECLARED:
        ConflictRecord.objects.create(campaign=locked.campaign, entry=locked.entry, **reviewing.conflict_record_fields(
            evaluator=by if locked.panel == Panel.JURY else locked.evaluator, kind=ConflictKind.DECLARED,
            reason=locked.conflict_reason))
        fields += reviewing.assignment_remove(locked, reason=CONFLICT_REASON)
    locked.save(update_fields=fields)
    audit_record(obj=locked, action=ScoringAction.CONFLICT, actor=by, from_state=previous, to_state=locked.conflict,
                 message=locked.conflict_reason)
    if locked.conflict == ConflictAnswer.DECLARED:
        url = reverse("evaluations:jury_manage", kwargs={"slug": locked.campaign.slug})
        notifications.notify(locked.campaign.organisers.all(), notices.CONFLICT_DECLARED, locked.campaign, url=url,
                             context={"campaign": locked.campaign.title, "panel": Panel(locked.panel).label,
                                      "url": url})
        if locked.panel == Panel.JURY:
            jury_assignments_create(locked.campaign, by=by)
        else:
            peer_assignments_create(locked.campaign, by=by)
    return locked


# --- Score sheets -------------------------------------------------------------------------------

class SheetLocked(ValidationError):
    pass


@transaction.atomic
def sheet_transition(*, sheet: ScoreSheet, action=SheetAction.SUBMIT, by: User) -> ScoreSheet:
    """The one way a score sheet changes status (SHEET_TRANSITIONS: draft → sent). Locks the
    assignment and the sheet, checks the permission and that every criterion is scored, dates
    the sheet, writes the audit entry. A sent sheet is final."""
    action = SheetAction(action)
    assignment = _locked_assignment(sheet.assignment)
    locked = ScoreSheet.objects.select_for_update().get(pk=sheet.pk)
    assignment.sheet = locked
    if locked.state.is_locked:
        raise SheetLocked(_("Cette fiche a déjà été envoyée : elle ne peut plus être modifiée."), code="locked")
    require_perm(by, "evaluations.score_assignment", assignment)
    if locked.status not in SHEET_TRANSITIONS[action].sources:
        raise ValidationError(_("Cette action n’est plus possible."), code="stale")
    criteria = list(assignment.campaign.criteria.all())
    missing = reviewing.sheet_missing(locked, Score.objects.filter(sheet=locked).values_list("criterion_id", flat=True),
                                      criteria, with_opinion=False)
    if missing:
        raise ValidationError(_("Pour envoyer la fiche, notez : %(missing)s.") % {"missing": ", ".join(missing)},
                              code="incomplete")
    step = reviewing.sheet_step(locked, action)
    locked.submitted_by = by
    locked.save(update_fields=[*step.fields, "submitted_by"])
    audit_record(obj=locked, action=action.value, actor=by, from_state=step.previous, to_state=step.target)
    return locked


@transaction.atomic
def sheet_save(*, assignment: Assignment, by: User, cleaned_data: dict, submit: bool = False) -> ScoreSheet:
    """Writes the scores typed (a draft: nothing required) and, with `submit`, sends the sheet.
    Two posts at once are serialised on the sheet's row: the second one finds it sent and is
    refused (`SheetLocked`), no score is written twice or lost."""
    locked_assignment = _locked_assignment(assignment)
    sheet = ScoreSheet.objects.select_for_update().get(assignment=locked_assignment)
    locked_assignment.sheet = sheet
    if sheet.state.is_locked:
        raise SheetLocked(_("Cette fiche a déjà été envoyée : elle ne peut plus être modifiée."), code="locked")
    require_perm(by, "evaluations.score_assignment", locked_assignment)
    criteria = list(locked_assignment.campaign.criteria.all())
    reviewing.sheet_values_save(sheet, {key: value for key, value in cleaned_data.items() if key != "opinion"},
                                criteria, Score)
    if submit:
        sheet.assignment = locked_assignment
        return sheet_transition(sheet=sheet, by=by)
    return sheet
