"""Who may do what in the scoring of a prize campaign (peers, jurors, the organiser's deliberation).

Predicates on an `Assignment` (the evaluator's page), a `Campaign` (jury management, deliberation,
exports) or an `Entry` (the team's explanation page). Registered with django-rules when this module
is imported (by `evaluations.scoring_services`, which every scoring view and test imports).

- A juror sees an assignment of theirs that is still active; a peer team member sees the
  assignments of their team (`peer_entry`'s innovation team). A removed assignment (a declared
  conflict, a withdrawal) is no longer theirs: 404.
- The entry itself is shown only after « aucun conflit » (`can_see_file`).
- Scores are written during the panel's phase only (peers: évaluation par les pairs; jury: jury),
  until the sheet is sent.
- The organiser (one of `campaign.organisers`) manages the jury, deliberates and exports once the
  evaluation has started; the entry's team reads its explanation once the results are published."""

import rules

from evaluations.enums import CampaignPhase, EntryStatus, Panel
from evaluations.rules import is_organiser, organiser_ids  # noqa: F401
from innovations.rules import team_ids
from reviewing.enums import ConflictAnswer, SheetStatus

# Phases in which the ranking may be read by the organiser (never by evaluators).
DELIBERATION_PHASES = frozenset({CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DELIBERATION,
                                 CampaignPhase.RESULTS})
PANEL_PHASE = {Panel.PEER: CampaignPhase.PEER_REVIEW, Panel.JURY: CampaignPhase.JURY}


def juror_ids(campaign) -> set[int]:
    cache = getattr(campaign, "_juror_ids", None)
    if cache is None:
        cache = set(campaign.jurors.values_list("pk", flat=True))
        campaign._juror_ids = cache
    return cache


@rules.predicate
def campaign_deliberable(user, campaign):
    return campaign is not None and CampaignPhase(campaign.phase) in DELIBERATION_PHASES


@rules.predicate
def campaign_results_published(user, campaign):
    return campaign is not None and CampaignPhase(campaign.phase).results_published


@rules.predicate
def jury_open_to_invitations(user, campaign):
    """Jurors may be invited until the deliberation starts."""
    return campaign is not None and CampaignPhase(campaign.phase).order < CampaignPhase.DELIBERATION.order


@rules.predicate
def holds_assignment(user, assignment):
    """The juror of an active jury assignment, or a member of the evaluating team of an active peer
    one, while the entries concerned compete."""
    if not user.is_authenticated or assignment is None or assignment.removed_at is not None:
        return False
    # An entry withdrawn or ruled ineligible after the assignment is no longer evaluated (nor evaluates).
    if not EntryStatus(assignment.entry.status).is_competing:
        return False
    if assignment.panel == Panel.PEER and not EntryStatus(assignment.peer_entry.status).is_competing:
        return False
    if assignment.panel == Panel.JURY:
        return assignment.evaluator_id == user.pk
    return user.pk in team_ids(assignment.peer_entry.innovation)


@rules.predicate
def conflict_answered_none(user, assignment):
    return assignment is not None and assignment.conflict == ConflictAnswer.NONE


@rules.predicate
def conflict_may_change(user, assignment):
    """Pending, or « aucun conflit » on a sheet not sent yet (a conflict found while reading)."""
    if assignment is None or assignment.conflict == ConflictAnswer.DECLARED:
        return False
    return not _sheet_sent(assignment)


@rules.predicate
def panel_phase_open(user, assignment):
    return assignment is not None and assignment.campaign.phase == PANEL_PHASE[Panel(assignment.panel)]


@rules.predicate
def sheet_editable(user, assignment):
    return assignment is not None and not _sheet_sent(assignment)


def _sheet_sent(assignment) -> bool:
    sheet = getattr(assignment, "sheet", None)
    return sheet is not None and SheetStatus(sheet.status).is_locked


@rules.predicate
def entry_team_member(user, entry):
    return bool(user.is_authenticated and entry is not None and user.pk in team_ids(entry.innovation))


@rules.predicate
def entry_results_explained(user, entry):
    return (entry is not None and CampaignPhase(entry.campaign.phase).results_published
            and EntryStatus(entry.status).is_competing)


@rules.predicate
def entry_in_peer_review(user, entry):
    """The entry's team evaluates others (or did) once the peer phase is open."""
    return (entry is not None and EntryStatus(entry.status).is_competing
            and CampaignPhase(entry.campaign.phase).order >= CampaignPhase.PEER_REVIEW.order)


@rules.predicate
def is_campaign_juror(user, campaign):
    return bool(user.is_authenticated and campaign is not None and user.pk in juror_ids(campaign))


@rules.predicate
def enters_with_a_team(user, campaign):
    """On the team of an eligible entry of the campaign, once the peer phase has opened."""
    from evaluations.models import Entry

    if not user.is_authenticated or campaign is None:
        return False
    if CampaignPhase(campaign.phase).order < CampaignPhase.PEER_REVIEW.order:
        return False
    return Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE,
                                innovation__members__user=user).exists()


rules.add_perm("evaluations.evaluate_in_campaign", is_campaign_juror | enters_with_a_team)
rules.add_perm("evaluations.view_assignment", holds_assignment)
rules.add_perm("evaluations.declare_conflict", holds_assignment & conflict_may_change & panel_phase_open)
rules.add_perm("evaluations.read_assigned_entry", holds_assignment & conflict_answered_none)
rules.add_perm("evaluations.score_assignment",
               holds_assignment & conflict_answered_none & panel_phase_open & sheet_editable)
rules.add_perm("evaluations.manage_jury", is_organiser & jury_open_to_invitations)
rules.add_perm("evaluations.view_jury", is_organiser)
rules.add_perm("evaluations.deliberate", is_organiser & campaign_deliberable)
rules.add_perm("evaluations.export_scores", is_organiser & campaign_deliberable)
rules.add_perm("evaluations.view_explanation", entry_team_member & entry_results_explained)
rules.add_perm("evaluations.view_peer_tasks", entry_team_member & entry_in_peer_review)
