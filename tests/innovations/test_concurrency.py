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


@pytest.mark.django_db(transaction=True)
def test_two_team_members_saving_from_the_same_version_lose_nothing():
    """The owner and a co-author opened the form on the same version and save at once: one
    save lands, the other is refused as stale (nothing silently reverted)."""
    from innovations.enums import TeamRole
    from innovations.models import TeamMember

    owner, coauthor = UserFactory(), UserFactory()
    innovation = services.innovation_save(innovation=None, by=owner, data={"title": "Fiche partagée"}, themes=[],
                                          grid={}, funding=[], coauthors=[])
    TeamMember.objects.create(innovation=innovation, user=coauthor, role=TeamRole.COAUTHOR)
    base = services.latest_revision_id(innovation)
    barrier = threading.Barrier(2)
    outcomes = []

    def save(user, field, text):
        try:
            barrier.wait()
            services.innovation_save(innovation=innovation, by=user, data={"title": "Fiche partagée", field: text},
                                     themes=[], grid={}, funding=[], coauthors=[coauthor], base_revision=base)
            outcomes.append(("ok", field))
        except services.StaleEdit as error:
            outcomes.append(("stale", [r.author_id for r in error.since]))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(owner, "problem", "Le problème, par la porteuse.")),
               threading.Thread(target=save, args=(coauthor, "solution", "La solution, par le co-auteur."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o[0] for o in outcomes) == ["ok", "stale"]
    winner = next(field for result, field in outcomes if result == "ok")
    loser_saw = next(since for result, since in outcomes if result == "stale")
    saved = Innovation.objects.get(pk=innovation.pk)
    if winner == "problem":
        assert (saved.problem, saved.solution) == ("Le problème, par la porteuse.", "")
        assert loser_saw == [owner.pk]
    else:
        assert (saved.problem, saved.solution) == ("", "La solution, par le co-auteur.")
        assert loser_saw == [coauthor.pk]
    assert saved.revisions.count() == 2
