"""Demo scores: every entry gets its peers and jurors, sheets are sent, two of the demo juror's
are left to do; the ranking has every entry."""

import pytest

from evaluations import scoring_selectors
from evaluations.enums import CampaignPhase
from evaluations.models import Assignment, ScoreSheet
from tests.evaluations.scoring_helpers import campaign_with_entries

pytestmark = pytest.mark.django_db


def test_fill_scores_a_campaign_in_its_jury_phase(monkeypatch):
    pytest.importorskip("evaluations.demo")
    from evaluations import demo_scores
    from evaluations.demo import JUROR_EMAIL

    campaign, entries, (juror,) = campaign_with_entries(5, phase=CampaignPhase.JURY, jurors=1, peers_per_entry=2,
                                                        jurors_per_entry=2)
    juror.email = JUROR_EMAIL
    juror.save()
    sent = demo_scores.fill(campaign)
    active = Assignment.objects.filter(campaign=campaign, removed_at__isnull=True)
    assert active.filter(panel="peer").count() == 10 and active.filter(panel="jury").count() == 10
    drafts = ScoreSheet.objects.filter(assignment__in=active, status="draft")
    assert sent == 18 and drafts.count() == 2
    assert set(drafts.values_list("assignment__evaluator__email", flat=True)) == {JUROR_EMAIL}
    (ranking,) = scoring_selectors.campaign_ranking(campaign)
    assert all(row.rank for row in ranking.rows)
    assert demo_scores.fill(campaign) == 0  # idempotent
