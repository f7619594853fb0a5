"""Account e-mails (sign-up, password reset), sent as Django tasks once the transaction commits."""

from django.tasks import task

from essaimage import mail


@task
def send_account_email(*, template: str, recipient: str, context: dict) -> int:
    return mail.send(template=f"essaimage/emails/{template}", context=context, recipients=[recipient])
