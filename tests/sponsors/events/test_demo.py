"""The demo events: upcoming and past, one full with a waiting list, one past with minutes and
attendance; loading twice changes nothing."""

import pytest

from sponsors.events import demo
from sponsors.events.enums import EventStatus, RegistrationStatus
from sponsors.events.models import Event, Registration
from tests.factories.innovations import InnovationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_demo_events_cover_every_case_and_load_once():
    ThemeFactory.create_batch(4)
    InnovationFactory.create_batch(6)
    accounts = demo.load()
    assert ("organisateur@demo.essaimage.fr", "Organisateur") in accounts
    full = Event.objects.get(title__startswith="Atelier essaimage")
    assert full.registrations.filter(status=RegistrationStatus.INSCRIT).count() == full.capacity
    assert full.registrations.filter(status=RegistrationStatus.ATTENTE).count() == 2
    past = Event.objects.get(title__startswith="Matinée")
    assert past.has_ended and past.minutes and past.innovations.exists()
    assert past.registrations.filter(status=RegistrationStatus.PRESENT).exists()
    assert Event.objects.filter(status=EventStatus.ANNULE).count() == 1
    counts = (Event.objects.count(), Registration.objects.count())
    demo.load()
    assert (Event.objects.count(), Registration.objects.count()) == counts
