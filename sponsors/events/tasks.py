"""Background work of events, never in a request: an offered seat passes to the next person at
its deadline (`expire_offers`, deferred to the deadline), a daily sweep catches any offer left
(`sweep_expired_offers`), and the reminders of the day before (`send_event_reminders`); the two
daily ones are in settings.SCHEDULED_TASKS."""

from django.tasks import task

from sponsors.events import services


@task
def expire_offers(*, event_id: int) -> int:
    return services.offers_expire(event_id=event_id)


@task
def sweep_expired_offers() -> int:
    return services.offers_expire()


@task
def send_event_reminders() -> int:
    return services.reminders_send()
