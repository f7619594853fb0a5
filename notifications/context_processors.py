from django.utils.functional import cached_property

from notifications import selectors


class Bell:
    """The header bell: its unread count is read (one query) only when a page shows it, and
    never for an anonymous visitor."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self) -> int:
        return selectors.unread_count(self.user)


def bell(request):
    user = getattr(request, "user", None)
    return {"bell": Bell(user) if user is not None and user.is_authenticated else None}
