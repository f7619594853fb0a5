"""Who may do what on prize campaigns: role predicates (organiser of the campaign, member of the
entering team) combined with phase and status predicates, which read the state groups of
`evaluations.enums`. Services, views and templates ask `user.has_perm(...)`; nothing else
re-checks a role or a membership by hand. Part 2 (scoring) adds its own permissions for jurors
and peers in `evaluations/scoring_rules.py`."""

import rules

from essaimage.enums import Role
from essaimage.rules import has_role
from essaimage.transitions import actions_from
from evaluations.enums import (
    ENTRY_TRANSITIONS, PHASE_TRANSITIONS, CampaignPhase, EntryAction, EntryStatus, PhaseAction,
)
from innovations.rules import is_team_member as is_innovation_team_member

is_organiser_role = has_role(Role.ORGANISATEUR)


def organiser_ids(campaign) -> set[int]:
    """The ids of the campaign's organisers: from the prefetched `organisers` if the selector
    fetched them, else one query, remembered on the instance."""
    cache = getattr(campaign, "_organiser_ids", None)
    if cache is None:
        prefetched = getattr(campaign, "_prefetched_objects_cache", {}).get("organisers")
        if prefetched is not None:
            cache = {user.pk for user in prefetched}
        else:
            cache = set(campaign.organisers.values_list("pk", flat=True))
        campaign._organiser_ids = cache
    return cache


def _phase(campaign) -> CampaignPhase:
    return CampaignPhase(campaign.phase)


# --- Campaign predicates -------------------------------------------------------------------

@rules.predicate
def is_organiser(user, campaign):
    return bool(user.is_authenticated and campaign is not None and user.pk in organiser_ids(campaign))


@rules.predicate
def campaign_is_public(user, campaign):
    return campaign is not None and _phase(campaign).is_public


@rules.predicate
def campaign_settings_editable(user, campaign):
    return campaign is not None and _phase(campaign).is_settings_editable


@rules.predicate
def campaign_accepts_entries(user, campaign):
    return campaign is not None and _phase(campaign).accepts_entries


@rules.predicate
def campaign_in_deliberation(user, campaign):
    return campaign is not None and _phase(campaign) == CampaignPhase.DELIBERATION


@rules.predicate
def campaign_results_published(user, campaign):
    return campaign is not None and _phase(campaign).results_published


@rules.predicate
def campaign_phase_extendable(user, campaign):
    return campaign is not None and _phase(campaign).is_dated


@rules.predicate
def public_vote_open(user, campaign):
    return campaign is not None and campaign.public_vote_open()


@rules.predicate
def campaign_rulings_open(user, campaign):
    """Eligibility may be ruled (and a ruling corrected) until the deliberation starts."""
    return campaign is not None and _phase(campaign) in RULING_PHASES


RULING_PHASES = frozenset({CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW, CampaignPhase.JURY})
WITHDRAWAL_PHASES = RULING_PHASES


# --- Entry predicates (the object is an Entry) ---------------------------------------------

@rules.predicate
def is_entry_team_member(user, entry):
    return entry is not None and is_innovation_team_member(user, entry.innovation)


@rules.predicate
def is_entry_organiser(user, entry):
    return entry is not None and is_organiser(user, entry.campaign)


@rules.predicate
def entry_is_editable(user, entry):
    return entry is not None and EntryStatus(entry.status).is_editable


@rules.predicate
def entry_campaign_accepts_entries(user, entry):
    return entry is not None and _phase(entry.campaign).accepts_entries


@rules.predicate
def entry_campaign_rulings_open(user, entry):
    return entry is not None and _phase(entry.campaign) in RULING_PHASES


@rules.predicate
def entry_campaign_withdrawals_open(user, entry):
    return entry is not None and _phase(entry.campaign) in WITHDRAWAL_PHASES


# --- Permissions ---------------------------------------------------------------------------

# Campaigns: an organiser (role) creates one and becomes its organiser; the campaign's organisers run it.
rules.add_perm("evaluations.add_campaign", is_organiser_role)
rules.add_perm("evaluations.view_campaign", campaign_is_public | is_organiser)
rules.add_perm("evaluations.manage_campaign", is_organiser)  # its dashboard, its entries, whatever the phase
rules.add_perm("evaluations.change_campaign", is_organiser & campaign_settings_editable)
rules.add_perm("evaluations.change_campaign_texts", is_organiser)  # title, description: always
rules.add_perm("evaluations.run_campaign", is_organiser)  # the phase's actions (PHASE_TRANSITIONS)
rules.add_perm("evaluations.extend_phase", is_organiser & campaign_phase_extendable)
rules.add_perm("evaluations.award_prizes", is_organiser & campaign_in_deliberation)
rules.add_perm("evaluations.view_results", campaign_results_published | is_organiser)
rules.add_perm("evaluations.enter_campaign", rules.is_authenticated & campaign_accepts_entries)
rules.add_perm("evaluations.vote", rules.is_authenticated & public_vote_open)

# Entries: the team of the entered innovation, the campaign's organisers.
rules.add_perm("evaluations.view_entry", is_entry_team_member | is_entry_organiser)
rules.add_perm("evaluations.change_entry", is_entry_team_member & entry_is_editable & entry_campaign_accepts_entries)
# From which states is ENTRY_TRANSITIONS' business (a late click is told « no longer possible »).
rules.add_perm("evaluations.submit_entry", is_entry_team_member & entry_campaign_accepts_entries)
rules.add_perm("evaluations.withdraw_entry", is_entry_team_member & entry_campaign_withdrawals_open)
rules.add_perm("evaluations.rule_entry", is_entry_organiser & entry_campaign_rulings_open)

# The permission each action of the transition tables asks for.
PHASE_ACTION_PERMISSIONS = dict.fromkeys(PhaseAction, "evaluations.run_campaign")
ENTRY_ACTION_PERMISSIONS = {
    EntryAction.SUBMIT: "evaluations.submit_entry",
    EntryAction.WITHDRAW: "evaluations.withdraw_entry",
    EntryAction.ACCEPT: "evaluations.rule_entry",
    EntryAction.REJECT: "evaluations.rule_entry",
}
ACTION_PERMISSIONS = {**PHASE_ACTION_PERMISSIONS, **ENTRY_ACTION_PERMISSIONS}

# Phase actions an organiser takes by hand; the others follow the dates (services.campaign_phase_advance).
MANUAL_PHASE_ACTIONS = frozenset({PhaseAction.PUBLISH, PhaseAction.PUBLISH_RESULTS})


def allowed_phase_actions(user, campaign) -> list[PhaseAction]:
    """The phase actions this user may take by hand on this campaign now."""
    return [action for action in actions_from(PHASE_TRANSITIONS, campaign.phase)
            if action in MANUAL_PHASE_ACTIONS and user.has_perm(PHASE_ACTION_PERMISSIONS[action], campaign)]


def allowed_entry_actions(user, entry) -> list[EntryAction]:
    """The transitions this user may take on this entry now (the table and the rules)."""
    return [action for action in actions_from(ENTRY_TRANSITIONS, entry.status)
            if user.has_perm(ENTRY_ACTION_PERMISSIONS[action], entry)]
