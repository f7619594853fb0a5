"""Relayed messages, sent as a Django task once the transaction that logged them commits."""

from django.tasks import task

from essaimage import mail


@task
def send_relayed_message(*, recipients: list[str], reply_to: str, context: dict) -> int:
    """One plain-text e-mail to `recipients`; answering it writes to the sender (`reply_to`)."""
    return mail.send(template="contact/emails/relayed", context=context, recipients=recipients, reply_to=[reply_to])
