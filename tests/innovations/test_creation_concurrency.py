"""Creations at the same instant (issue 8, points 8 and 9), with real connections."""

import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from innovations import services
from innovations.models import Innovation
from tests.factories import UserFactory


def create(user, title, token):
    return services.innovation_save(innovation=None, by=user, data={"title": title}, themes=[], grid={},
                                    funding=[], coauthors=[], creation_token=token)


def run_at_once(count, target):
    barrier = threading.Barrier(count)
    outcomes = []

    def run(index):
        try:
            barrier.wait()
            outcomes.append(("ok", target(index)))
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
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_creations_of_one_title_all_succeed_with_distinct_slugs():
    users = [UserFactory() for _ in range(10)]
    outcomes = run_at_once(10, lambda i: create(users[i], "Maison de santé itinérante", uuid.uuid4()).slug)
    assert [o for o in outcomes if o[0] != "ok"] == []
    slugs = sorted(slug for _, slug in outcomes)
    assert len(set(slugs)) == 10
    assert "maison-de-sante-itinerante" in slugs
    assert Innovation.objects.filter(title="Maison de santé itinérante").count() == 10


@pytest.mark.django_db(transaction=True)
def test_one_token_posted_at_once_by_its_owner_and_by_others_gives_one_innovation_and_no_500():
    owner = UserFactory()
    others = [UserFactory() for _ in range(5)]
    token = uuid.uuid4()
    outcomes = run_at_once(6, lambda i: create(owner if i == 0 else others[i - 1], "Navette solidaire", token).pk)
    assert [o for o in outcomes if o[0] == "error"] == []
    assert Innovation.objects.filter(creation_token=token).count() == 1
    made = Innovation.objects.get(creation_token=token)
    # Whoever's insert won, only its author's requests succeed; everybody else is refused.
    winners = [value for result, value in outcomes if result == "ok"]
    assert winners == [made.pk]
    assert sorted(code for result, code in outcomes if result == "refused") == ["foreign_token"] * 5
