"""Background tasks of the sponsors: the daily reminder of silent sponsors (settings.SCHEDULED_TASKS)."""

from django.tasks import task

from sponsors import services


@task
def remind_silent_sponsors() -> int:
    return services.remind_silent_sponsors()
