"""Every e-mail the site sends goes through `send()`: rendered here, in the request, from its
templates (`<name>_subject.txt`, `<name>.txt`, and `<name>.html` when there is one: an HTML part
in the sober layout of `templates/emails/layout.html`) and given French typography; then handed,
fully rendered, to the `essaimage.tasks.deliver_email` task once the current transaction
commits. The request never talks to the mail server: the worker does, and retries with a
back-off while the server is down (essaimage.retries), so no e-mail is lost and no action waits
or fails because of SMTP."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

from essaimage.tasks import deliver_email
from essaimage.typography import typeset_html, typeset_text


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
    """Render one e-mail to `recipients` (who see each other: callers send one per person when
    that matters; `headers`: extra headers such as List-Unsubscribe) and queue its delivery once
    the current transaction commits (at once outside a transaction; nothing if it rolls back).
    Returns how many recipients it was queued for."""
    if not recipients:
        return 0
    rendered = render_message(template, context)
    message = {"subject": rendered.subject, "body": rendered.text, "html": rendered.html,
               "recipients": list(recipients), "reply_to": list(reply_to or []), "headers": dict(headers or {})}
    transaction.on_commit(lambda: deliver_email.enqueue(**message))
    return len(message["recipients"])
