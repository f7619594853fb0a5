"""Real threads on PostgreSQL: a double-posted application gives one application; two deposits
of the same draft at once give one deposit."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from essaimage.models import AuditEntry
from grants import services
from grants.enums import ApplicationAction, ApplicationStatus
from grants.models import Application
from tests.factories import UserFactory
from tests.factories.grants import ApplicationFactory, CallFactory
from tests.factories.innovations import InnovationFactory


def run_at_once(count, target):
    barrier = threading.Barrier(count)
    outcomes = []

    def run(index):
        try:
            barrier.wait()
            outcomes.append(("ok", target(index)))
        except services.AlreadyApplied as error:
            outcomes.append(("already", error.application.pk))
        except ValidationError as error:
            outcomes.append(("refused", error.code))
        except Exception as error:  # noqa: BLE001 - any other failure is what the test looks for
            outcomes.append(("error", repr(error)))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_a_double_posted_application_gives_one_application():
    owner, coauthor = UserFactory(), UserFactory()
    innovation = InnovationFactory(created_by=owner, team=[coauthor])
    call = CallFactory()
    people = [owner, coauthor, owner, coauthor]
    outcomes = run_at_once(4, lambda i: services.application_create(call=call, innovation=innovation,
                                                                    by=people[i]).pk)
    assert [o for o in outcomes if o[0] == "error"] == []
    created = [value for result, value in outcomes if result == "ok"]
    assert len(created) == 1
    assert Application.objects.filter(call=call, innovation=innovation).count() == 1
    # The others were shown the one application made.
    assert {value for result, value in outcomes if result == "already"} <= set(created)


@pytest.mark.django_db(transaction=True)
def test_a_draft_deposited_twice_at_once_is_deposited_once():
    owner = UserFactory()
    application = ApplicationFactory(innovation=InnovationFactory(created_by=owner))
    outcomes = run_at_once(2, lambda i: services.application_transition(
        application=application, action=ApplicationAction.SUBMIT, by=owner).reference)
    assert sorted(result for result, _value in outcomes) == ["ok", "refused"]
    assert ("refused", "stale") in outcomes
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert AuditEntry.objects.filter(object_id=application.pk, action="submit").count() == 1
