"""Who may do what with notices (django-rules; views and services ask `has_perm`)."""

import rules


@rules.predicate
def is_recipient(user, notice) -> bool:
    return notice is not None and user.is_authenticated and notice.recipient_id == user.pk


rules.add_perm("notifications.read_notice", is_recipient)
