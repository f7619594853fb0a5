"""Relayed messages, sent as a Django task once the transaction that logged them commits."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string


@task
def send_relayed_message(*, recipients: list[str], reply_to: str, context: dict) -> int:
    """One plain-text e-mail to `recipients`; answering it writes to the sender (`reply_to`)."""
    if not recipients:
        return 0
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    subject = " ".join(render_to_string("contact/emails/relayed_subject.txt", context).split())
    body = render_to_string("contact/emails/relayed.txt", context)
    return EmailMessage(subject, body, None, recipients, reply_to=[reply_to]).send()
