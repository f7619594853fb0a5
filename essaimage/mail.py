"""Every e-mail the site sends goes through here: rendered from a pair of templates
(`<name>_subject.txt`, `<name>.txt`), given French typography, and sent so that a mail server
that is slow or down never fails what the person did: each SMTP call gives up after
settings.MAIL_TIMEOUT_SECONDS, and a failure is logged, not raised."""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from essaimage.typography import typeset_text

logger = logging.getLogger(__name__)


def render(template: str, context: dict) -> tuple[str, str]:
    """(subject, body) of `template` (a path without `.txt`), typeset; the subject on one line,
    keeping its no-break spaces (str.split() would drop them)."""
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    lines = render_to_string(f"{template}_subject.txt", context).splitlines()
    subject = " ".join(re.sub(r"[ \t\r]+", " ", line).strip() for line in lines if line.strip())
    body = render_to_string(f"{template}.txt", context)
    return typeset_text(subject), typeset_text(body)


def send(*, template: str, context: dict, recipients: list[str], reply_to: list[str] | None = None) -> int:
    """Render and send one e-mail to `recipients` (who see each other: callers send one per
    person when that matters); returns how many were sent, 0 when the server failed."""
    if not recipients:
        return 0
    subject, body = render(template, context)
    try:
        return EmailMessage(subject, body, None, recipients, reply_to=reply_to or None).send()
    except (OSError, TimeoutError) as error:  # smtplib.SMTPException is an OSError
        logger.error("E-mail « %s » not sent to %d recipient(s): %r", template, len(recipients), error)
        return 0
