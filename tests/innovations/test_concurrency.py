"""Two moderators acting at once on the same innovation give one decision (real connections)."""

import threading
import time

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


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_build_the_facet_index_once(settings, monkeypatch):
    from innovations import facet_index

    settings.CATALOGUE_INDEX_SECONDS = 600
    InnovationFactory()
    builds = []
    real_build = facet_index.build

    def slow_build(version, alias="default"):
        builds.append(version)
        time.sleep(0.3)  # the other request arrives while this one builds
        return real_build(version, alias)

    monkeypatch.setattr(facet_index, "build", slow_build)
    indexes = []

    def request():
        try:
            indexes.append(facet_index.get())
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and indexes[0] is indexes[1]
    assert indexes[0].everything.bit_count() == 1
