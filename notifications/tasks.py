"""Scheduled by the core's scheduler (settings.SCHEDULED_TASKS: every day at 8:00, Paris time)."""

from django.tasks import task

from notifications import services


@task
def send_daily_digests() -> int:
    return services.digests_send()
