"""The e-mails of the events: the right wording for each step, a text and an HTML part."""

import pytest
from django.core import mail

from sponsors.events import services
from sponsors.events.enums import RegistrationAction
from tests.factories import UserFactory
from tests.factories.events import EventFactory
from tests.text import plain

pytestmark = pytest.mark.django_db


def test_each_step_sends_its_own_e_mail(django_capture_on_commit_callbacks):
    event = EventFactory(title="Atelier <des> cantines", capacity=1)
    first, second = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        seat = services.registration_create(event=event, by=first)
        services.registration_create(event=event, by=second)
        services.registration_transition(registration=seat, action=RegistrationAction.CANCEL, by=first)
    subjects = [(message.to[0], plain(message.subject)) for message in mail.outbox]
    assert subjects == [
        (first.email, "[Essaimage] Inscription confirmée : « Atelier <des> cantines »"),
        (second.email, "[Essaimage] Liste d’attente : « Atelier <des> cantines »"),
        (second.email, "[Essaimage] Une place s’est libérée : « Atelier <des> cantines »"),
    ]
    offer = mail.outbox[-1]
    html = offer.alternatives[0][0]
    assert "Acceptez-la avant le" in plain(offer.body) and "Accepter la place" in html
    assert "&lt;des&gt;" in html and "<des>" not in html
