"""Predicates shared by every app: roles are groups (see essaimage.enums.Role)."""

import rules

from essaimage.enums import Role


def has_role(role: Role):
    @rules.predicate(name=f"has_role_{role.value}")
    def predicate(user):
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_agent = has_role(Role.AGENT)
is_moderator = has_role(Role.MODERATEUR)
is_instructor = has_role(Role.INSTRUCTEUR)
is_administrator = has_role(Role.ADMINISTRATEUR)
is_authenticated = rules.is_authenticated


@rules.predicate
def is_self(user, other):
    return bool(user.is_authenticated and other is not None and other.pk == user.pk)


rules.add_perm("essaimage.change_profile", is_self)
rules.add_perm("essaimage.view_profile", is_self | is_administrator)
