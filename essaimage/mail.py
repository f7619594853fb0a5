"""Every e-mail the site sends goes through `send()`: rendered here, in the request, from a pair
of templates (`<name>_subject.txt`, `<name>.txt`) and given French typography; then handed,
fully rendered, to the `essaimage.tasks.deliver_email` task once the current transaction
commits. The request never talks to the mail server: the worker does, and retries with a
back-off while the server is down (essaimage.retries), so no e-mail is lost and no action waits
or fails because of SMTP."""

import re

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from essaimage.tasks import deliver_email
from essaimage.typography import typeset_text


def render(template: str, context: dict) -> tuple[str, str]:
    """(subject, body) of `template` (a path without `.txt`), typeset; the subject on one line,
    keeping its no-break spaces (str.split() would drop them)."""
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    lines = render_to_string(f"{template}_subject.txt", context).splitlines()
    subject = " ".join(re.sub(r"[ \t\r]+", " ", line).strip() for line in lines if line.strip())
    body = render_to_string(f"{template}.txt", context)
    return typeset_text(subject), typeset_text(body)


def render_message(*, template: str, context: dict, recipients: list[str],
                   reply_to: list[str] | None = None) -> dict:
    """The fully rendered message, as the keyword arguments of `deliver_email` (JSON only):
    subject, body, recipients, reply_to, and `html` / `headers` when the rendering has them."""
    subject, body = render(template, context)
    return {"subject": subject, "body": body, "recipients": list(recipients), "reply_to": list(reply_to or [])}


def send(*, template: str, context: dict, recipients: list[str], reply_to: list[str] | None = None) -> int:
    """Render one e-mail to `recipients` (who see each other: callers send one per person when
    that matters) and queue its delivery once the current transaction commits (at once outside
    a transaction; nothing if it rolls back). Returns how many recipients it was queued for."""
    if not recipients:
        return 0
    message = render_message(template=template, context=context, recipients=recipients, reply_to=reply_to)
    transaction.on_commit(lambda: deliver_email.enqueue(**message))
    return len(message["recipients"])
