"""Two digest runs at once (two workers) e-mail each person's waiting notices once."""

import threading

import pytest
from django.core import mail
from django.db import connection

from innovations import notices as kinds
from notifications import services
from notifications.enums import Frequency
from notifications.models import Notice
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory


@pytest.mark.django_db(transaction=True)
def test_two_digest_runs_at_once_send_each_digest_once():
    innovation = InnovationFactory()
    people = [UserFactory() for _ in range(4)]
    for person in people:
        services.preferences_set(user=person, frequencies={kinds.FOLLOWED_NEW_VERSION: Frequency.DIGEST})
    for _ in range(3):
        services.notify(people, kinds.FOLLOWED_NEW_VERSION, innovation, context={"title": "x", "url": "/"})
    barrier = threading.Barrier(2)
    counts = []

    def run():
        try:
            barrier.wait()
            counts.append(services.digests_send())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == len(people)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in people)
    assert all(message.body.count("Nouvelle version de") == 3 for message in mail.outbox)
    assert not Notice.objects.filter(in_digest=True).exists()
