"""Who may do what with sponsors: the profile's owner, moderators, the innovation's team, the
sponsor of a request or sponsorship. Services, views and templates ask `user.has_perm(...)`;
`selectors` writes the same rules as SQL for lists."""

import rules

import sponsors.events.rules  # noqa: F401  (rencontres: sponsors/events/rules.py)
from essaimage.rules import is_agent, is_moderator
from essaimage.transitions import actions_from
from innovations.rules import is_published, team_ids
from sponsors.enums import (
    PROFILE_MODERATOR_ACTIONS, PROFILE_TRANSITIONS, REQUEST_TRANSITIONS, SPONSORSHIP_TRANSITIONS, ProfileAction,
    ProfileStatus, RequestAction, SponsorshipStatus,
)


@rules.predicate
def is_profile_owner(user, profile):
    return bool(user.is_authenticated and profile is not None and profile.user_id == user.pk)


@rules.predicate
def is_profile_public(user, profile):
    return profile is not None and ProfileStatus(profile.status).is_public


@rules.predicate
def is_profile_editable(user, profile):
    return profile is not None and ProfileStatus(profile.status).is_editable


@rules.predicate
def has_no_profile(user):
    from sponsors.selectors import profile_of

    return user.is_authenticated and profile_of(user) is None


def _sponsor_user_id(obj) -> int | None:
    return obj.sponsor.user_id if obj is not None else None


@rules.predicate
def is_the_sponsor(user, obj):
    """`obj`: a request or a sponsorship; the user is its sponsor."""
    return bool(user.is_authenticated and obj is not None and _sponsor_user_id(obj) == user.pk)


@rules.predicate
def is_the_team(user, obj):
    """`obj`: a request or a sponsorship; the user is on its innovation's team."""
    return bool(user.is_authenticated and obj is not None and user.pk in team_ids(obj.innovation))


@rules.predicate
def is_team_of_published_innovation(user, innovation):
    return bool(user.is_authenticated and innovation is not None and user.pk in team_ids(innovation)
                and is_published(user, innovation))


@rules.predicate
def is_active_sponsorship(user, sponsorship):
    return sponsorship is not None and SponsorshipStatus(sponsorship.status).is_active


rules.add_perm("sponsors.view_sponsorprofile", is_profile_public | is_profile_owner | is_moderator)
rules.add_perm("sponsors.volunteer", is_agent & has_no_profile)  # no object: « Devenir parrain »
rules.add_perm("sponsors.change_sponsorprofile", is_profile_owner & is_profile_editable)
rules.add_perm("sponsors.submit_sponsorprofile", is_profile_owner)
rules.add_perm("sponsors.moderate_sponsorprofile", is_moderator)  # no object: the queue
# On an innovation: its team asks a sponsor (a published innovation: the sponsor must be able to read it).
rules.add_perm("sponsors.request_sponsor", is_team_of_published_innovation)
rules.add_perm("sponsors.see_suggestions", is_team_of_published_innovation)
rules.add_perm("sponsors.view_sponsorshiprequest", is_the_team | is_the_sponsor)
rules.add_perm("sponsors.answer_sponsorshiprequest", is_the_sponsor)
rules.add_perm("sponsors.withdraw_sponsorshiprequest", is_the_team)
# The sponsorship's page holds the private check-in notes: the team and the sponsor only.
rules.add_perm("sponsors.view_sponsorship", is_the_team | is_the_sponsor)
rules.add_perm("sponsors.add_checkin", (is_the_team | is_the_sponsor) & is_active_sponsorship)
rules.add_perm("sponsors.end_sponsorship", is_the_team | is_the_sponsor)

PROFILE_ACTION_PERMISSIONS = {
    action: "sponsors.moderate_sponsorprofile" if action in PROFILE_MODERATOR_ACTIONS
    else "sponsors.submit_sponsorprofile"
    for action in ProfileAction
}
REQUEST_ACTION_PERMISSIONS = {
    RequestAction.ACCEPT: "sponsors.answer_sponsorshiprequest",
    RequestAction.DECLINE: "sponsors.answer_sponsorshiprequest",
    RequestAction.WITHDRAW: "sponsors.withdraw_sponsorshiprequest",
}
SPONSORSHIP_ACTION_PERMISSIONS = dict.fromkeys(SPONSORSHIP_TRANSITIONS, "sponsors.end_sponsorship")


def allowed_profile_actions(user, profile) -> list[ProfileAction]:
    return [action for action in actions_from(PROFILE_TRANSITIONS, profile.status)
            if user.has_perm(PROFILE_ACTION_PERMISSIONS[action], profile)]


def allowed_request_actions(user, request_obj) -> list[RequestAction]:
    return [action for action in actions_from(REQUEST_TRANSITIONS, request_obj.status)
            if user.has_perm(REQUEST_ACTION_PERMISSIONS[action], request_obj)]


def allowed_sponsorship_actions(user, sponsorship) -> list:
    return [action for action in actions_from(SPONSORSHIP_TRANSITIONS, sponsorship.status)
            if user.has_perm(SPONSORSHIP_ACTION_PERMISSIONS[action], sponsorship)]
