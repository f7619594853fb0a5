"""Account e-mails (sign-up, password reset), sent as Django tasks once the transaction commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string

from essaimage.typography import typeset_text


@task
def send_account_email(*, template: str, recipient: str, context: dict) -> int:
    context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
    subject = typeset_text(" ".join(render_to_string(f"essaimage/emails/{template}_subject.txt", context).split()))
    body = typeset_text(render_to_string(f"essaimage/emails/{template}.txt", context))
    return send_mail(subject, body, None, [recipient])
