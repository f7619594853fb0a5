"""The ranking of suggested sponsors (sponsors/matching.py): hand-built cases, order and reasons."""

from datetime import timedelta

import pytest
from django.utils import timezone

from essaimage.enums import Role, TerritoryLevel
from innovations.enums import ReplicationStatus
from sponsors import matching
from sponsors.enums import Outcome, ProfileStatus, SponsorshipStatus
from tests.factories import UserFactory
from tests.factories.core import TerritoryFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.factories.sponsors import SponsorProfileFactory, SponsorshipFactory
from tests.text import plain

SUGGESTION_QUERIES = 5  # replicated territories, ranking, the suggested sponsors' themes, places, open requests


def named(last_name, **kwargs):
    return SponsorProfileFactory(user=UserFactory(last_name=last_name, first_name="Test",
                                                  roles=[Role.AGENT, Role.PARRAIN]), **kwargs)


@pytest.fixture
def case(themes, places, innovation, team_member):
    """The innovation (Lille; health and mobility) is being replicated in Brest (Bretagne)."""
    ReplicationFactory(innovation=innovation, territory=places["brest"], status=ReplicationStatus.EN_COURS)
    occitanie = TerritoryFactory(level=TerritoryLevel.REGION, code="76", name="Occitanie")
    sante, mobilite = themes["sante"], themes["mobilite"]
    sponsors = {
        # 3×2 themes + 4 (département) + 2 places = 12
        "both_themes_nord": named("Anquetil", themes=[sante, mobilite], territories=[places["nord"]], capacity=2),
        # 3 + 2 (région) + min(5, 3) places + 2×1 success = 10
        "region_success": named("Blanc", themes=[sante], territories=[places["hdf"]], capacity=5),
        # 3 + 2 (a replicated territory) + 1 place = 6
        "target": named("Carpentier", themes=[mobilite], territories=[places["bretagne"]], capacity=1),
        # 0 + 2 (a département of the région) + 2 places = 4, tie: by name
        "somme": named("Dupont", themes=[themes["culture"]], territories=[places["somme"]]),
        # 0 + 2 (replicated département) + 2 places = 4
        "finistere": named("Evrard", themes=[themes["culture"]], territories=[places["finistere"]]),
        # Left out: no theme nor territory in common; full; not approved; the team's own; not available yet;
        # already sponsoring.
        "unrelated": named("Fabre", themes=[themes["culture"]], territories=[occitanie]),
        "full": named("Garnier", themes=[sante], territories=[places["nord"]], capacity=1),
        "submitted": named("Hamon", themes=[sante], territories=[places["nord"]], status=ProfileStatus.SOUMIS),
        "own_team": SponsorProfileFactory(user=team_member, themes=[sante], territories=[places["nord"]]),
        "later": named("Imbert", themes=[sante], territories=[places["nord"]],
                       available_from=timezone.localdate() + timedelta(days=10)),
        "already": named("Joly", themes=[sante], territories=[places["nord"]]),
    }
    SponsorshipFactory(sponsor=sponsors["region_success"], status=SponsorshipStatus.TERMINE,
                       outcome=Outcome.ESSAIMAGES)
    SponsorshipFactory(sponsor=sponsors["full"])
    SponsorshipFactory(sponsor=sponsors["already"], innovation=innovation)
    return sponsors


def test_order_and_scores(case, innovation):
    found = matching.suggestions(innovation, limit=20)
    names = {profile.pk: key for key, profile in case.items()}
    assert [(names[s.profile.pk], s.score) for s in found] == [
        ("both_themes_nord", 12), ("region_success", 10), ("target", 6), ("somme", 4), ("finistere", 4)]


def test_reasons_in_words(case, innovation):
    reasons = {s.profile.pk: [plain(r) for r in s.reasons] for s in matching.suggestions(innovation, limit=20)}
    assert reasons[case["both_themes_nord"].pk] == [
        "Thèmes en commun : Mobilité, Santé", "Couvre le département de l’innovation (Nord)", "2 places libres"]
    assert reasons[case["region_success"].pk] == [
        "Thème en commun : Santé", "Couvre la région de l’innovation (Hauts-de-France)", "5 places libres",
        "1 parrainage passé a facilité des essaimages"]
    assert reasons[case["target"].pk] == [
        "Thème en commun : Mobilité", "Couvre un territoire où l’innovation est en cours d’essaimage",
        "1 place libre"]
    assert reasons[case["somme"].pk] == ["Couvre la région de l’innovation (Hauts-de-France)", "2 places libres"]


def test_abandoned_replications_are_not_targets(themes, places, innovation):
    ReplicationFactory(innovation=innovation, territory=places["brest"], status=ReplicationStatus.ABANDONNE)
    named("Carpentier", themes=[themes["culture"]], territories=[places["bretagne"]])
    assert matching.suggestions(innovation) == []


def test_limit_keeps_the_best(case, innovation):
    assert [s.score for s in matching.suggestions(innovation, limit=2)] == [12, 10]


def test_open_request_is_flagged(case, innovation, team_member):
    from sponsors import services

    services.request_create(innovation=innovation, sponsor=case["target"], by=team_member, message="Bonjour")
    flagged = [s.profile.pk for s in matching.suggestions(innovation, limit=20) if s.pending_request]
    assert flagged == [case["target"].pk]


def test_suggestions_query_count_is_constant(themes, places, innovation, django_assert_num_queries):
    for count, expected in ((1, 1), (6, 5)):
        for _ in range(count):
            SponsorProfileFactory(themes=[themes["sante"]], territories=[places["nord"]])
        with django_assert_num_queries(SUGGESTION_QUERIES):
            assert len(matching.suggestions(innovation)) == expected


def test_team_sees_suggestions_on_the_innovation_page(client_for, case, innovation, team_member, agent):
    from tests.text import page_text

    text = page_text(client_for(team_member).get(innovation.get_absolute_url()))
    assert "Parrains et marraines suggérés" in text
    assert "Comment ce classement est calculé" in text
    assert "Couvre le département de l’innovation (Nord)" in text
    assert "Parrains et marraines suggérés" not in page_text(client_for(agent).get(innovation.get_absolute_url()))
    assert "Parrains et marraines suggérés" not in page_text(client_for(None).get(innovation.get_absolute_url()))


def test_draft_innovation_gets_no_suggestion_section(client_for, themes, team_member, sponsor):
    draft = InnovationFactory(created_by=team_member, status="draft", themes=[themes["sante"]])
    text = client_for(team_member).get(draft.get_absolute_url()).content.decode()
    assert "Parrains et marraines suggérés" not in text


# The team's view of the innovation page: 5 for the suggestions, 1 for the events, 2 for the grants
# (received; to the team, the open calls), 1 for the prizes (each app's set of innovations with
# something to show, kept per catalogue version in production), 1 for the catalogue version.
INNOVATION_PAGE_QUERIES = 23


def test_innovation_page_query_count_does_not_grow_with_sponsors(client_for, themes, places, innovation,
                                                                  team_member, django_assert_num_queries):
    client = client_for(team_member)
    client.get(innovation.get_absolute_url())  # warms the process-wide content-type cache (« Suivre »)
    for count in (1, 6):
        for _ in range(count):
            SponsorProfileFactory(themes=[themes["sante"]], territories=[places["nord"]])
        with django_assert_num_queries(INNOVATION_PAGE_QUERIES):
            response = client.get(innovation.get_absolute_url())
        assert "Parrains et marraines suggérés" in response.content.decode()
