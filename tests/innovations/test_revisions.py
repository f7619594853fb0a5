"""Comparing a version of a sheet with the one before it: who may, and what it shows."""

import pytest
from django.urls import reverse

from innovations import services
from innovations.revisions import word_diff
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.innovations.test_views import form_data

pytestmark = pytest.mark.django_db


def test_word_diff_keeps_runs_of_words_and_spaces():
    assert word_diff("Des soignants itinérants.", "Des soignants salariés itinérants.") == [
        ("equal", "Des soignants "), ("insert", "salariés "), ("equal", "itinérants.")]
    assert word_diff("Une idée", "") == [("delete", "Une idée")]
    assert word_diff("", "") == []


@pytest.fixture
def edited(client_for, agent, themes):
    """A sheet created, then edited by its team: two versions."""
    territory_tree()
    client = client_for(agent)
    client.post(reverse("innovations:create"), form_data(summary="Des lieux ouverts pour les démarches.",
                                                             themes=[themes["numerique"].pk]))
    from innovations.models import Innovation

    innovation = Innovation.objects.get()
    client.post(reverse("innovations:update", args=[innovation.slug]),
                form_data(summary="Des lieux ouverts le samedi pour les démarches <script>alert(1)</script>.",
                          stage="eprouvee", themes=[themes["numerique"].pk]))
    return innovation


def url_of(innovation, revision):
    return reverse("innovations:revision", args=[innovation.slug, revision.pk])


def test_the_team_sees_what_changed_word_by_word(client_for, agent, edited):
    first, latest = list(edited.revisions.order_by("created_at", "id"))
    response = client_for(agent).get(url_of(edited, latest))
    assert response.status_code == 200
    changes = {change.name: change for change in response.context["changes"]}
    assert set(changes) == {"summary", "stage"}
    assert ("insert", "le samedi ") in changes["summary"].segments
    assert (changes["stage"].before, changes["stage"].after) == ("Expérimentation", "Éprouvée")
    html = response.content.decode()
    assert "<ins>" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert response.context["previous"] == first
    creation = client_for(agent).get(url_of(edited, first))
    assert creation.context["previous"] is None
    assert {c.name for c in creation.context["changes"]} >= {"title", "summary", "problem", "solution"}


def test_the_versions_are_linked_from_the_sheet(client_for, agent, edited):
    latest = edited.revisions.order_by("-created_at", "-id").first()
    response = client_for(agent).get(reverse("innovations:detail", args=[edited.slug]))
    assert url_of(edited, latest) in response.content.decode()


def test_moderators_see_versions_others_get_404(client_for, moderator, other_agent, edited):
    services.innovation_transition(innovation=edited, action="submit", by=edited.created_by)
    revision = edited.revisions.first()
    assert client_for(moderator).get(url_of(edited, revision)).status_code == 200
    assert client_for(other_agent).get(url_of(edited, revision)).status_code == 404
    anonymous = client_for(None).get(url_of(edited, revision))
    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous["Location"]


def test_a_version_of_another_sheet_answers_404(client_for, agent, other_agent, edited):
    territory_tree()
    client_for(other_agent).post(reverse("innovations:create"), form_data(title="Une autre fiche"))
    from innovations.models import Revision

    foreign = Revision.objects.exclude(innovation=edited).get()
    assert client_for(agent).get(reverse("innovations:revision", args=[edited.slug, foreign.pk])).status_code == 404
    # Published, the sheet is public, but its versions stay with its team and the moderators.
    services.innovation_transition(innovation=edited, action="submit", by=agent)
    services.innovation_transition(innovation=edited, action="publish", by=UserFactory(roles=["agent", "moderateur"]))
    assert client_for(other_agent).get(url_of(edited, edited.revisions.first())).status_code == 404
