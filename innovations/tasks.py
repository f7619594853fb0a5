"""E-mail notifications, sent as Django tasks once the transaction that caused them commits."""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string


@task
def send_notification(*, template: str, recipients: list[str], context: dict, reply_to: list[str] | None = None) -> int:
    if not recipients:
        return 0
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    # One line, keeping the non-breaking spaces of French typography (str.split() would drop them).
    lines = render_to_string(f"innovations/emails/{template}_subject.txt", context).splitlines()
    subject = " ".join(re.sub(r"[ \t]+", " ", line).strip() for line in lines if line.strip())
    body = render_to_string(f"innovations/emails/{template}.txt", context)
    # `reply_to`: the person who wrote a message in the notice (never the recipients' addresses).
    return EmailMessage(subject, body, None, recipients, reply_to=reply_to or None).send()
