"""The notices' e-mails, sent by the task worker: each notice's e-mails (enqueued once the
transaction that created the notice commits) the daily digest and the purge of old notices (scheduled by the core's
scheduler: settings.SCHEDULED_TASKS, every day at 8:00, Paris time)."""

from django.tasks import task

from notifications import services


@task
def send_daily_digests() -> int:
    return services.digests_send()


@task
def purge_old_notices() -> int:
    return services.notices_purge()


@task
def send_notice_emails(*, kind: str, user_ids: list[int], context: dict, url: str, reply_to: list[str]) -> int:
    return services.notice_emails_send(kind=kind, user_ids=user_ids, context=context, url=url, reply_to=reply_to)
