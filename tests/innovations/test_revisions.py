"""Comparing a version of a sheet with the one before it: who may, and what it shows."""

import pytest
from django.urls import reverse

from innovations import services
from innovations.revisions import word_diff
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.innovations.helpers import form_data

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


def test_the_comparison_includes_the_grid_and_the_funding_mix(client_for, agent, edited, themes):
    client_for(agent).post(reverse("innovations:update", args=[edited.slug]), form_data(
        summary="Des lieux ouverts le samedi pour les démarches <script>alert(1)</script>.", stage="eprouvee",
        themes=[themes["numerique"].pk], **{"grid-key_partners": "La CAF et le département.",
                                            "funding-0-share": "60", "funding-1-share": "40"}))
    latest = edited.revisions.order_by("-created_at", "-id").first()
    assert set(latest.changed_fields) == {"key_partners", "funding"}
    response = client_for(agent).get(url_of(edited, latest))
    changes = {change.name: change for change in response.context["changes"]}
    assert set(changes) == {"key_partners", "funding"}
    assert changes["key_partners"].segments == [("insert", "La CAF et le département.")]
    html = response.content.decode()
    assert "Partenaires clés" in html and "Financement" in html
    assert changes["funding"].after == "Commune\u00a0: 60\u00a0%, État\u00a0: 40\u00a0%"


def test_versions_recorded_before_the_grid_was_recorded_show_no_false_change(agent, themes):
    from innovations.models import Revision
    from innovations.revisions import comparison

    innovation = services.innovation_save(innovation=None, by=agent, data={"title": "Ancienne fiche"}, themes=[],
                                          grid={"key_partners": "La CAF."}, funding=[], coauthors=[])
    old = innovation.revisions.get()
    old.data = {key: value for key, value in old.data.items() if key in services.REVISION_FIELDS}
    Revision.objects.filter(pk=old.pk).update(data=old.data)
    services.innovation_save(innovation=innovation, by=agent, data={"title": "Ancienne fiche", "problem": "Un."},
                             themes=[], grid={"key_partners": "La CAF."}, funding=[], coauthors=[])
    latest = innovation.revisions.order_by("-created_at", "-id").first()
    assert latest.changed_fields == ["problem"]
    assert [change.name for change in comparison(innovation, latest.pk)[2]] == ["problem"]


def _prose(seed: int, size: int, punctuated: bool = True) -> str:
    import random

    rng = random.Random(seed)
    words = "de la le les des une pour avec dans agents publics territoire service habitants commune".split()
    out, length = [], 0
    while length < size:
        word = rng.choice(words) + ("." if punctuated and rng.random() < 0.08 else "")
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


@pytest.mark.parametrize("before, after", [
    pytest.param(_prose(1, 20_000), _prose(2, 20_000), id="two-different-texts"),
    pytest.param(_prose(1, 20_000, False), _prose(2, 20_000, False), id="no-punctuation"),
    pytest.param("Oui. " * 4_000, "Oui. " * 1_999 + "Non. " + "Oui. " * 2_000, id="one-sentence-repeated"),
    pytest.param(" ".join(["de"] * 6_600), " ".join(["de"] * 3_000 + ["la"] + ["de"] * 3_600), id="one-word-repeated"),
    pytest.param("".join(f"Phrase {i % 97}. " for i in range(2_000))[:20_000],
                 "".join(f"Phrase {i % 89}. " for i in range(2_000))[:20_000], id="many-tiny-sentences"),
])
def test_the_word_diff_is_bounded_at_the_largest_accepted_text(before, after):
    """20,000 characters per text: the matching work is capped (the old word diff took 6.8 s at
    1,500 words); the segments still rebuild both texts exactly."""
    from innovations.revisions import BLOCK_CAP, SENTENCE_CAP, TEXT_BUDGET, DiffWork

    work = DiffWork()
    segments = word_diff(before, after, work)
    assert work.word_pairs <= TEXT_BUDGET and work.sentence_pairs <= SENTENCE_CAP
    assert BLOCK_CAP <= TEXT_BUDGET
    assert "".join(text for op, text in segments if op != "insert") == before
    assert "".join(text for op, text in segments if op != "delete") == after


def test_a_small_edit_in_a_long_text_is_shown_word_by_word():
    text = _prose(3, 20_000, punctuated=False)
    cut = text.index(" ", 8_000)
    edited = text[:cut] + " nouveau" + text[cut:]
    segments = word_diff(text, edited)
    assert [op for op, _ in segments] == ["equal", "insert", "equal"]
    assert "nouveau" in segments[1][1] and len(segments[1][1]) < 20


def test_a_whole_comparison_shares_one_budget():
    """Twenty fields of 20,000 characters all rewritten: the work for the page stays capped."""
    from innovations.revisions import SENTENCE_BUDGET, TEXT_BUDGET, DiffWork

    work = DiffWork()
    for field in range(20):
        word_diff(_prose(10 + field, 20_000), _prose(50 + field, 20_000), work)
    assert work.sentence_pairs <= SENTENCE_BUDGET and work.word_pairs <= TEXT_BUDGET
    assert work.blocks_too_large > 0  # past the budget, rewritten texts show as removed then added
