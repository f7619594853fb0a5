"""Who may write to whom through the relay (the platform contact page is open to everyone)."""

import rules

from innovations.enums import Status
from innovations.rules import is_published, is_team_member


@rules.predicate
def is_declarer(user, replication):
    return user.is_authenticated and replication is not None and replication.declared_by_id == user.pk


@rules.predicate
def declaration_is_reachable(user, replication):
    """A declaration on a published innovation, by an account still active."""
    return (replication is not None and Status(replication.innovation.status).is_public
            and replication.declared_by.is_active)


rules.add_perm("contact.message_team", rules.is_authenticated & is_published & ~is_team_member)
rules.add_perm("contact.message_declarer", rules.is_authenticated & declaration_is_reachable & ~is_declarer)
