"""The core's background tasks: the delivery of every e-mail (essaimage.mail renders it in the
request and queues it here) and the daily pruning of finished tasks. The scheduler of daily
tasks lives in essaimage.scheduling."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.tasks import TaskContext, task

from essaimage import retries

logger = logging.getLogger("essaimage.mail")


@task(takes_context=True)
def deliver_email(context: TaskContext, *, subject: str, body: str, recipients: list[str],
                  html: str | None = None, reply_to: list[str] | None = None,
                  headers: dict[str, str] | None = None, attempt: int = 1) -> int:
    """Send one fully rendered e-mail (plain text `body`, optional `html` alternative, extra
    `headers` such as List-Unsubscribe). A mail server that refuses, fails or stays silent
    past EMAIL_TIMEOUT raises: this run is recorded as failed and a retry is queued with a
    back-off (essaimage.retries), until the last attempt, about two days later."""
    message = EmailMultiAlternatives(subject, body, None, recipients, reply_to=reply_to or None,
                                     headers=headers or None)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        return message.send()
    except (OSError, TimeoutError) as error:  # smtplib.SMTPException is an OSError
        retry_at = retries.retry_later(context, attempt=attempt)
        logger.error(
            "E-mail « %s » not sent to %d recipient(s), attempt %d: %r; %s", subject, len(recipients), attempt,
            error, f"next attempt at {retry_at.isoformat()}" if retry_at else "given up",
        )
        raise


@task
def prune_finished_tasks() -> None:
    """Delete finished tasks after TASK_RESULTS_KEEP_DAYS (failed ones after
    TASK_FAILED_RESULTS_KEEP_DAYS): a delivered e-mail's text, with its links, is kept no longer
    than needed. Tasks still to run are never touched. Scheduled daily (SCHEDULED_TASKS)."""
    call_command("prune_db_task_results", min_age_days=settings.TASK_RESULTS_KEEP_DAYS,
                 failed_min_age_days=settings.TASK_FAILED_RESULTS_KEEP_DAYS, verbosity=0)
