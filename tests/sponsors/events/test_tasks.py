"""The background work of events: an offer's expiry is deferred to its deadline on the real
queue (never run in the request), the daily sweep passes expired offers on, the reminders."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sponsors.events import services, tasks
from sponsors.events.enums import RegistrationAction, RegistrationStatus
from sponsors.events.models import Registration
from tests.factories.events import EventFactory, RegistrationFactory


def test_the_daily_tasks_are_scheduled():
    assert "sponsors.events.tasks.sweep_expired_offers" in settings.SCHEDULED_TASKS
    assert "sponsors.events.tasks.send_event_reminders" in settings.SCHEDULED_TASKS


@pytest.mark.django_db(transaction=True)
def test_an_offer_queues_its_expiry_at_the_deadline_then_the_sweep_passes_it_on(task_queue):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=1)
    second = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=2)
    services.registration_transition(registration=seated, action=RegistrationAction.CANCEL, by=seated.user)
    offered = Registration.objects.get(pk=first.pk)
    queued = DBTaskResult.objects.get(task_path="sponsors.events.tasks.expire_offers")
    assert queued.run_after == offered.offer_deadline
    task_queue.run()  # not due yet: the seat stays offered
    assert Registration.objects.get(pk=first.pk).status == RegistrationStatus.PLACE_PROPOSEE
    Registration.objects.filter(pk=first.pk).update(offer_deadline=timezone.now() - timedelta(seconds=1))
    tasks.sweep_expired_offers.enqueue()
    task_queue.run()
    assert Registration.objects.get(pk=first.pk).status == RegistrationStatus.ANNULE
    assert Registration.objects.get(pk=second.pk).status == RegistrationStatus.PLACE_PROPOSEE
