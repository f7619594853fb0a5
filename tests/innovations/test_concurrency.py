"""Two moderators acting at once on the same innovation give one decision (real connections)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from essaimage.enums import Role
from essaimage.models import AuditEntry
from innovations import services
from innovations.enums import Status
from innovations.models import Innovation
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory


@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_once_give_one_decision():
    first = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    second = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    innovation = InnovationFactory(status=Status.SUBMITTED)
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user, action, message):
        try:
            barrier.wait()
            services.innovation_transition(innovation=innovation, action=action, by=user, message=message)
            outcomes.append(("ok", action))
        except ValidationError as error:
            outcomes.append(("refused", error.code))
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(first, "publish", "")),
               threading.Thread(target=act, args=(second, "request_changes", "À revoir."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert ("refused", "stale") in outcomes
    assert AuditEntry.objects.filter(object_id=innovation.pk).count() == 1
    winner = next(action for result, action in outcomes if result == "ok")
    expected = Status.PUBLISHED if winner == "publish" else Status.CHANGES_REQUESTED
    assert Innovation.objects.get(pk=innovation.pk).status == expected
