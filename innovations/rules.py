"""Who may do what on the catalogue: role predicates (team, author, moderator) combined with
state predicates (published, editable...), which read the state groups of `innovations.enums`.
Services, views and templates ask `user.has_perm(...)`; nothing else re-checks a role or a
membership by hand."""

import rules

from essaimage.rules import is_moderator
from essaimage.transitions import actions_from
from innovations.enums import MODERATOR_ACTIONS, TRANSITIONS, ModerationAction, Status


def team_ids(innovation) -> set[int]:
    """The ids of the innovation's team members: from the prefetched `members` if the selector
    fetched them (no query per row in a list), else one query, remembered on the instance."""
    cache = getattr(innovation, "_team_ids", None)
    if cache is None:
        prefetched = getattr(innovation, "_prefetched_objects_cache", {}).get("members")
        if prefetched is not None:
            cache = {member.user_id for member in prefetched}
        else:
            cache = set(innovation.members.values_list("user_id", flat=True))
        innovation._team_ids = cache
    return cache


@rules.predicate
def is_team_member(user, innovation):
    if not user.is_authenticated or innovation is None:
        return False
    return user.pk in team_ids(innovation)


@rules.predicate
def is_published(user, innovation):
    return innovation is not None and Status(innovation.status).is_public


@rules.predicate
def is_editable(user, innovation):
    return innovation is not None and Status(innovation.status).is_editable


@rules.predicate
def is_replication_author(user, replication):
    return user.is_authenticated and replication is not None and replication.declared_by_id == user.pk


@rules.predicate
def replicates_a_published_innovation(user, replication):
    return replication is not None and Status(replication.innovation.status).is_public


can_view = is_published | is_team_member | is_moderator

rules.add_perm("innovations.view_innovation", can_view)
rules.add_perm("innovations.add_innovation", rules.is_authenticated)
rules.add_perm("innovations.team_innovation", is_team_member)  # on the team, whatever the state
rules.add_perm("innovations.change_innovation", is_team_member & is_editable)
# Who may submit; from which states is TRANSITIONS' business (a late click is told « no longer
# possible », not « not found »).
rules.add_perm("innovations.submit_innovation", is_team_member)
rules.add_perm("innovations.moderate_innovation", is_moderator)  # with no object: the moderation queue
rules.add_perm("innovations.view_moderation_history", is_team_member | is_moderator)
rules.add_perm("innovations.change_attachments", is_team_member)  # on the innovation: add or remove files
rules.add_perm("innovations.add_replication", rules.is_authenticated & is_published)
rules.add_perm("innovations.own_replication", is_replication_author)  # whatever the innovation's state
rules.add_perm("innovations.change_replication", is_replication_author & replicates_a_published_innovation)

# The permission each action of TRANSITIONS asks for.
ACTION_PERMISSIONS = {
    action: "innovations.moderate_innovation" if action in MODERATOR_ACTIONS else "innovations.submit_innovation"
    for action in ModerationAction
}


def allowed_actions(user, innovation) -> list[ModerationAction]:
    """The transitions this user may take on this innovation now (the table and the rules)."""
    return [action for action in actions_from(TRANSITIONS, innovation.status)
            if user.has_perm(ACTION_PERMISSIONS[action], innovation)]
