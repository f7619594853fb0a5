import rules

from essaimage.rules import is_moderator
from innovations.enums import Status


@rules.predicate
def is_team_member(user, innovation):
    if not user.is_authenticated or innovation is None:
        return False
    cache = getattr(innovation, "_team_ids", None)
    if cache is None:
        cache = innovation._team_ids = set(innovation.members.values_list("user_id", flat=True))
    return user.pk in cache


@rules.predicate
def is_published(user, innovation):
    return innovation is not None and innovation.status == Status.PUBLISHED


@rules.predicate
def is_archived(user, innovation):
    return innovation is not None and innovation.status == Status.ARCHIVED


@rules.predicate
def is_replication_author(user, replication):
    return user.is_authenticated and replication is not None and replication.declared_by_id == user.pk


@rules.predicate
def replicates_a_published_innovation(user, replication):
    return replication is not None and replication.innovation.status == Status.PUBLISHED


can_view = is_published | is_team_member | is_moderator

rules.add_perm("innovations.view_innovation", can_view)
rules.add_perm("innovations.add_innovation", rules.is_authenticated)
rules.add_perm("innovations.change_innovation", is_team_member & ~is_archived)
rules.add_perm("innovations.submit_innovation", is_team_member)
rules.add_perm("innovations.moderate_innovation", is_moderator)
rules.add_perm("innovations.view_moderation_history", is_team_member | is_moderator)
rules.add_perm("innovations.add_replication", rules.is_authenticated & is_published)
rules.add_perm("innovations.change_replication", is_replication_author & replicates_a_published_innovation)
