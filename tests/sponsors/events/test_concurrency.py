"""Seats on PostgreSQL with real threads: simultaneous registrations never exceed the capacity,
and simultaneous cancellations offer each freed seat to exactly one person."""

import threading
import time

import pytest
from django.db import connection

from essaimage.enums import Role
from sponsors.events import services
from sponsors.events.enums import SEAT_STATES, RegistrationAction, RegistrationStatus
from sponsors.events.models import Registration
from tests.factories import UserFactory
from tests.factories.events import EventFactory, RegistrationFactory


def _run_at_once(functions):
    barrier = threading.Barrier(len(functions))
    errors = []

    def run(function):
        try:
            barrier.wait()
            function()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_exceed_the_capacity(monkeypatch):
    _slow_seat_count(monkeypatch)
    event = EventFactory(capacity=3)
    people = [UserFactory(roles=[Role.AGENT]) for _ in range(8)]
    errors = _run_at_once([lambda user=user: services.registration_create(event=event, by=user) for user in people])
    assert errors == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status__in=SEAT_STATES).count() == 3
    waiting = registrations.filter(status=RegistrationStatus.ATTENTE)
    assert waiting.count() == 5
    assert sorted(waiting.values_list("position", flat=True)) == [1, 2, 3, 4, 5]


def _slow_seat_count(monkeypatch):
    """Widen the window between reading the seats and writing the offer (a lost update shows)."""
    real = services.seats_taken

    def slow(event):
        taken = real(event)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "seats_taken", slow)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_cancellations_offer_each_seat_to_exactly_one_person(monkeypatch):
    _slow_seat_count(monkeypatch)
    event = EventFactory(capacity=2)
    seated = [RegistrationFactory(event=event) for _ in range(2)]
    waiting = [RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=n) for n in (1, 2, 3)]
    late = UserFactory(roles=[Role.AGENT])
    calls = [lambda r=r: services.registration_transition(registration=r, action=RegistrationAction.CANCEL,
                                                          by=r.user) for r in seated]
    calls.append(lambda: services.registration_create(event=event, by=late))
    errors = _run_at_once(calls)
    assert errors == []
    states = dict(Registration.objects.filter(pk__in=[r.pk for r in waiting]).values_list("position", "status"))
    offered = Registration.objects.filter(event=event, status=RegistrationStatus.PLACE_PROPOSEE)
    assert sorted(offered.values_list("user_id", flat=True)) == sorted([waiting[0].user_id, waiting[1].user_id])
    assert Registration.objects.get(pk=waiting[2].pk).status == RegistrationStatus.ATTENTE
    assert Registration.objects.get(event=event, user=late).status == RegistrationStatus.ATTENTE  # never jumps the line
    assert Registration.objects.filter(event=event, status__in=SEAT_STATES).count() == 2
    assert states  # the waiting rows are still there


@pytest.mark.django_db(transaction=True)
def test_one_cancellation_and_a_racing_expiry_give_one_offer():
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=1)
    second = RegistrationFactory(event=event, status=RegistrationStatus.ATTENTE, position=2)
    errors = _run_at_once([
        lambda: services.registration_transition(registration=seated, action=RegistrationAction.CANCEL,
                                                 by=seated.user),
        lambda: services.offers_expire(),
    ])
    assert errors == []
    assert Registration.objects.filter(event=event, status=RegistrationStatus.PLACE_PROPOSEE).count() == 1
    assert Registration.objects.get(pk=first.pk).status == RegistrationStatus.PLACE_PROPOSEE
    assert Registration.objects.get(pk=second.pk).status == RegistrationStatus.ATTENTE
