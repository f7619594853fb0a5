"""The explanation each entrant team reads after the results (CRPA L311-3-1): weights,
normalisation, number of evaluators, position, comments without names, the computation with its
own numbers (the hand-computed examples of test_aggregation.py)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluations import scoring_selectors
from evaluations.enums import CampaignPhase
from evaluations.models import Campaign
from tests.evaluations.scoring_helpers import assign_jury, assign_peer, campaign_with_entries, fill
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_the_team_reads_its_own_numbers_without_names(client_for):
    """Entry A: juror 1 all 5 → 20,00; juror 2 5 4 3 2 1 → 13,60; peer team B all 4 → 16,00.
    Jury 16,80, peers 16,00, final 70 % × 16,80 + 30 % × 16,00 = 16,56: first of three."""
    campaign, (a, b, c), (j1, j2) = campaign_with_entries(3, jurors=2, peers_per_entry=1,
                                                          phase=CampaignPhase.RESULTS, peer_weight=Decimal("0.30"))
    s1, s2, s3, s4 = assign_jury(campaign, [(a, j1), (a, j2), (b, j1), (c, j2)])
    fill(s1, [5] * 5, comment="Très convaincant")
    fill(s2, [5, 4, 3, 2, 1], comment="Kit à compléter")
    fill(s3, [3] * 5)
    fill(s4, [2] * 5)
    (peer,) = assign_peer(campaign, [(a, b)])
    fill(peer, [4] * 5, comment="Nous voulons la reprendre")
    page = page_text(client_for(a.created_by).get(reverse("evaluations:explanation", args=[a.pk])))
    assert "classée 1re sur 3 candidatures classées" in page
    assert "Note retenue : 16,56 sur 20." in page
    assert "70\u00a0% × 16,80 + 30\u00a0% × 16,00 = 16,56".replace("\u00a0", " ") in page
    assert "(3 × 5 / 5 + 2 × 5 / 5 + 2 × 5 / 5 + 2 × 5 / 5 + 1 × 5 / 5) / 10 × 20 = 20,00" in page
    assert "Note de la fiche : 13,60 sur 20" in page
    assert "2 membres du jury ont noté votre candidature" in page and "1 équipe candidate" in page
    for comment in ("Très convaincant", "Kit à compléter", "Nous voulons la reprendre"):
        assert comment in page
    for name in (j1.full_name, j2.full_name, b.innovation.title, b.created_by.full_name):
        assert name not in page
    assert "30,0 %" in page  # the weight share of « Transférabilité » (3 of 10)


def test_normalised_sheets_are_explained_with_the_rankings_values(client_for):
    """The z-score example of test_aggregation.py: juror S's sheet on C (raw 8,00) is 18,83 once
    normalised, juror G's 20,00 on A becomes 13,00 — the values the ranking used."""
    campaign, (a, b, c, d), (g, s) = campaign_with_entries(4, jurors=2, peers_per_entry=0, normalise=True,
                                                          phase=CampaignPhase.RESULTS)
    for sheet, value in zip(assign_jury(campaign, [(a, g), (b, g), (c, s), (d, s)]), [5, 5, 2, 1], strict=True):
        fill(sheet, [value] * 5)
    explained = scoring_selectors.explanation(c)
    (sheet,) = explained["sheets"]
    assert (sheet.total, sheet.normalised) == (Decimal("8.00"), Decimal("18.83"))
    assert explained["row"].rank == 1
    page = page_text(client_for(a.created_by).get(reverse("evaluations:explanation", args=[a.pk])))
    assert "après normalisation : 13,00 sur 20" in page and "score z" in page


def test_explanation_only_after_the_results():
    campaign, (a,), _ = campaign_with_entries(1, phase=CampaignPhase.DELIBERATION)
    assert not a.created_by.has_perm("evaluations.view_explanation", a)
    Campaign.objects.filter(pk=campaign.pk).update(phase=CampaignPhase.RESULTS)
    a.campaign.refresh_from_db()
    assert a.created_by.has_perm("evaluations.view_explanation", a)
