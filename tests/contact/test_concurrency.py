"""Parallel sends cannot slip under the relay's limits (real connections, atomic counters)."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from contact import services
from contact.models import ContactMessage
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory


@pytest.mark.django_db(transaction=True)
def test_eight_parallel_messages_from_one_sender_send_exactly_the_limit(settings):
    settings.CONTACT_SENDER_LIMIT_PER_HOUR = 3
    sender = UserFactory()
    innovations = [InnovationFactory() for _ in range(8)]
    barrier = threading.Barrier(len(innovations))
    outcomes = []

    def write(innovation):
        try:
            barrier.wait()
            services.contact_team(innovation=innovation, sender=services.Sender.from_user(sender),
                                  subject="Bonjour", body="Une question sur votre dispositif.")
            outcomes.append("sent")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(innovation,)) for innovation in innovations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["sender_throttled"] * 5 + ["sent"] * 3
    assert ContactMessage.objects.filter(sender=sender).count() == 3
    assert len(mail.outbox) == 3
