"""Every e-mail the site sends goes through here: rendered from its templates
(`<name>_subject.txt`, `<name>.txt`, and `<name>.html` when there is one: an HTML part in the
sober layout of `templates/emails/layout.html`), given French typography, and sent so that a mail
server that is slow or down never fails what the person did: each SMTP call gives up after
settings.MAIL_TIMEOUT_SECONDS, and a failure is logged, not raised."""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

from essaimage.typography import typeset_html, typeset_text

logger = logging.getLogger(__name__)


def render(template: str, context: dict) -> tuple[str, str]:
    """(subject, body) of `template` (a path without `.txt`), typeset; the subject on one line,
    keeping its no-break spaces (str.split() would drop them)."""
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    body = render_to_string(f"{template}.txt", context)
    return render_subject(template, context), typeset_text(body)


def render_subject(template: str, context: dict) -> str:
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    lines = render_to_string(f"{template}_subject.txt", context).splitlines()
    return typeset_text(" ".join(re.sub(r"[ \t\r]+", " ", line).strip() for line in lines if line.strip()))


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str | None  # None: a plain-text e-mail (the account e-mails)


def render_message(template: str, context: dict) -> Rendered:
    """The subject, text and (if `<template>.html` exists) HTML of an e-mail, typeset; the HTML
    template autoescapes everything it is given (user texts included)."""
    subject, text = render(template, context)
    try:
        html_template = get_template(f"{template}.html")
    except TemplateDoesNotExist:
        return Rendered(subject, text, None)
    html = html_template.render({**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME,
                                 "subject": subject})
    return Rendered(subject, text, typeset_html(html))


def send(*, template: str, context: dict, recipients: list[str], reply_to: list[str] | None = None,
         headers: dict[str, str] | None = None) -> int:
    """Render and send one e-mail to `recipients` (who see each other: callers send one per
    person when that matters); `headers`: extra headers (List-Unsubscribe...). Returns how many
    were sent, 0 when the server failed."""
    if not recipients:
        return 0
    rendered = render_message(template, context)
    message = EmailMultiAlternatives(rendered.subject, rendered.text, None, recipients, reply_to=reply_to or None,
                                     headers=headers or None)
    if rendered.html is not None:
        message.attach_alternative(rendered.html, "text/html")
    try:
        return message.send()
    except (OSError, TimeoutError) as error:  # smtplib.SMTPException is an OSError
        logger.error("E-mail « %s » not sent to %d recipient(s): %r", template, len(recipients), error)
        return 0
