"""E-mail notifications, sent as Django tasks once the transaction that caused them commits
(essaimage.mail renders, typesets and sends them; a mail server down never fails the action)."""

from django.tasks import task

from essaimage import mail


@task
def send_notification(*, template: str, recipients: list[str], context: dict, reply_to: list[str] | None = None) -> int:
    # `reply_to`: the person who wrote a message in the notice (never the recipients' addresses).
    return mail.send(template=f"innovations/emails/{template}", context=context, recipients=recipients,
                     reply_to=reply_to)
