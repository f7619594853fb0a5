"""E-mail notifications, sent as Django tasks once the transaction that caused them commits.

The default task backend runs them in the request (ImmediateBackend), so a mail server that is
slow or down must cost the person little and never fail what they did: every SMTP call gives up
after EMAIL_TIMEOUT seconds (settings.MAIL_TIMEOUT_SECONDS), and a failure is logged, not raised.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


@task
def send_notification(*, template: str, recipients: list[str], context: dict) -> int:
    if not recipients:
        return 0
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    subject = " ".join(render_to_string(f"innovations/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"innovations/emails/{template}.txt", context)
    try:
        return send_mail(subject, body, None, recipients)
    except (OSError, TimeoutError) as error:  # smtplib.SMTPException is an OSError
        logger.error("Notification « %s » not sent to %d recipient(s): %r", template, len(recipients), error)
        return 0
