"""The deliberation ranking with a campaign's own settings, end to end (tables → scores_sql →
reviewing.aggregation.ranking → per-category ranks), against hand-computed examples.

The default grid (reviewing.criteria.SCALING_CRITERIA) has five criteria of weights 3, 2, 2, 2, 1
(Σ = 10), each scored 0–5. A sheet's total on 20 is Σ(weight × value / 5) / 10 × 20, so a sheet
scoring every criterion v totals 4 × v (5 → 20, 4 → 16, 3 → 12, 2 → 8, 1 → 4, 0 → 0)."""

from decimal import Decimal

import pytest

from evaluations import scoring_selectors
from evaluations.enums import Aggregation, CampaignPhase, EntryStatus
from evaluations.models import Entry
from tests.evaluations.scoring_helpers import assign_jury, assign_peer, campaign_with_entries, fill

pytestmark = pytest.mark.django_db


def rows_by_entry(campaign):
    (ranking,) = scoring_selectors.campaign_ranking(campaign)
    return ranking, {row.entry.pk: row for row in ranking.rows}


def test_weights_panels_median_spread_and_missing_scores(django_assert_num_queries):
    """Campaign: weighted mean, no normalisation, peers weigh 0.30 and the jury 0.70.

    Entry A — juror 1: 5 5 5 5 5 → 20.00; juror 2: 5 4 3 2 1 → (3×5 + 2×4 + 2×3 + 2×2 + 1×1) / 5
    = 34 / 5 = 6.8, / 10 × 20 = 13.60; jury mean (20 + 13.60) / 2 = 16.80. Peer team B: 4 4 4 4 4
    → 16.00. Final = 0.70 × 16.80 + 0.30 × 16.00 = 11.76 + 4.80 = 16.56. Median of (20, 13.60, 16)
    = 16.00; spread = stddev_samp(20, 13.6, 16): mean 16.5333, squares 12.0178 + 8.6044 + 0.2844
    = 20.9067, / 2 = 10.4533, √ = 3.23.
    Entry B — jurors 3 3 3 3 3 → 12 and 4 4 4 4 4 → 16: jury 14.00; peer team A: all 5 → 20.
    Final = 0.70 × 14 + 0.30 × 20 = 9.80 + 6.00 = 15.80.
    Entry C — juror 1: all 4 → 16; juror 2's sheet is still a draft (not counted: one missing);
    no peer sheet: the peer panel is missing, the final is the jury's 16.00.
    Ranks: A 16.56 (1), C 16.00 (2), B 15.80 (3). Entry D has no score at all: last, no rank."""
    campaign, (a, b, c, d), (j1, j2) = campaign_with_entries(4, jurors=2, peers_per_entry=1,
                                                            peer_weight=Decimal("0.30"))
    sheets = dict(zip([(a, j1), (a, j2), (b, j1), (b, j2), (c, j1), (c, j2), (d, j1)],
                      assign_jury(campaign, [(a, j1), (a, j2), (b, j1), (b, j2), (c, j1), (c, j2), (d, j1)]),
                      strict=True))
    fill(sheets[(a, j1)], [5, 5, 5, 5, 5])
    fill(sheets[(a, j2)], [5, 4, 3, 2, 1])
    fill(sheets[(b, j1)], [3, 3, 3, 3, 3])
    fill(sheets[(b, j2)], [4, 4, 4, 4, 4])
    fill(sheets[(c, j1)], [4, 4, 4, 4, 4])
    fill(sheets[(c, j2)], [1, 1, 1, 1, 1], submit=False)
    peer_a, peer_b = assign_peer(campaign, [(a, b), (b, a)])
    fill(peer_a, [4, 4, 4, 4, 4])
    fill(peer_b, [5, 5, 5, 5, 5])

    with django_assert_num_queries(4):  # ranking, assignment counts, entries, categories
        ranking, rows = rows_by_entry(campaign)
    assert [row.entry.pk for row in ranking.rows] == [a.pk, c.pk, b.pk, d.pk]
    row_a, row_b, row_c, row_d = rows[a.pk], rows[b.pk], rows[c.pk], rows[d.pk]
    assert (row_a.rank, row_a.score, row_a.jury.mean, row_a.peer.mean) == (1, Decimal("16.56"), Decimal("16.80"),
                                                                           Decimal("16.00"))
    assert (row_a.item.median, row_a.item.spread, row_a.item.evaluators) == (Decimal("16.00"), Decimal("3.23"), 3)
    assert (row_b.rank, row_b.score, row_b.jury.mean, row_b.peer.mean) == (3, Decimal("15.80"), Decimal("14.00"),
                                                                           Decimal("20.00"))
    assert (row_c.rank, row_c.score, row_c.peer) == (2, Decimal("16.00"), None)
    assert row_c.missing_panels == ["Pairs"] and row_c.missing == 1
    assert (row_d.rank, row_d.item, row_d.missing) == (None, None, 1)
    assert not any(row.tied for row in ranking.rows)


def test_zscore_the_generous_juror_no_longer_pulls_entries_up():
    """Normalised, jury only. Juror G gives A and B every maximum (20, 20); juror S scores C
    2 2 2 2 2 → 8 and D 1 1 1 1 1 → 4. Raw: A = B = 20 ahead of C = 8 and D = 4.
    z-scores: G has no spread → z = 0 for A and B. S: mean 6, stddev_samp √((2² + 2²) / 1) = 2.828,
    z(C) = +0.7071, z(D) = −0.7071. Panel: mean (20 + 20 + 8 + 4) / 4 = 13, stddev_samp
    √((49 + 49 + 25 + 81) / 3) = √68 = 8.2462. Scores: A = B = 13 + 0 = 13.00;
    C = 13 + 0.7071 × 8.2462 = 18.83; D = 13 − 5.8310 = 7.17.
    Ranking: C (1), A and B tied (2), D (4). Raw medians beside: A 20 (gap 7 ≥ 2: flagged), C 8 (flagged)."""
    campaign, (a, b, c, d), (g, s) = campaign_with_entries(4, jurors=2, peers_per_entry=0, normalise=True)
    sa, sb, sc, sd = assign_jury(campaign, [(a, g), (b, g), (c, s), (d, s)])
    fill(sa, [5] * 5)
    fill(sb, [5] * 5)
    fill(sc, [2] * 5)
    fill(sd, [1] * 5)
    ranking, rows = rows_by_entry(campaign)
    assert [(rows[e.pk].rank, rows[e.pk].score) for e in (c, a, b, d)] == [
        (1, Decimal("18.83")), (2, Decimal("13.00")), (2, Decimal("13.00")), (4, Decimal("7.17"))]
    assert rows[a.pk].tied and rows[b.pk].tied and not rows[c.pk].tied
    assert rows[a.pk].raw_median == Decimal("20.00") and rows[a.pk].large_gap
    assert rows[c.pk].raw_median == Decimal("8.00") and rows[c.pk].large_gap
    assert rows[a.pk].item.raw_mean == Decimal("20.00")


def test_ties_share_a_rank_and_the_next_rank_skips():
    """Three entries, one juror each: 3 3 3 3 3 → 12, 3 3 3 3 3 → 12, 2 2 2 2 2 → 8.
    RANK(): 1, 1 (tied), 3."""
    campaign, (a, b, c), (j1, j2, j3) = campaign_with_entries(3, jurors=3, peers_per_entry=0)
    for sheet, value in zip(assign_jury(campaign, [(a, j1), (b, j2), (c, j3)]), [3, 3, 2], strict=True):
        fill(sheet, [value] * 5)
    ranking, rows = rows_by_entry(campaign)
    assert [(rows[e.pk].rank, rows[e.pk].tied) for e in (a, b, c)] == [(1, True), (1, True), (3, False)]


def test_median_mode_ranks_by_the_median():
    """Aggregation « médiane », jury only. A: 5s → 20, 3s → 12, 3s → 12: mean 14.67, median 12.
    B: 4s → 16, 4s → 16, 0s → 0: mean 10.67, median 16. The weighted mean would put A first;
    the median puts B first (16 > 12)."""
    campaign, (a, b), jurors = campaign_with_entries(2, jurors=3, peers_per_entry=0, jurors_per_entry=3,
                                                     aggregation=Aggregation.MEDIAN)
    sheets = assign_jury(campaign, [(a, jurors[0]), (a, jurors[1]), (a, jurors[2]),
                                    (b, jurors[0]), (b, jurors[1]), (b, jurors[2])])
    for sheet, value in zip(sheets, [5, 3, 3, 4, 4, 0], strict=True):
        fill(sheet, [value] * 5)
    ranking, rows = rows_by_entry(campaign)
    assert [row.entry.pk for row in ranking.rows] == [b.pk, a.pk]
    assert (rows[b.pk].score, rows[a.pk].score) == (Decimal("16.00"), Decimal("12.00"))
    assert rows[a.pk].item.mean == Decimal("14.67")


def test_withdrawn_entries_and_withdrawn_assignments_do_not_count():
    """A sheet of a withdrawn assignment (a conflict found after scoring) and an entry no
    longer eligible are left out: A keeps only juror 2's 8.00."""
    campaign, (a, b), (j1, j2) = campaign_with_entries(2, jurors=2, peers_per_entry=0)
    s1, s2, s3 = assign_jury(campaign, [(a, j1), (a, j2), (b, j1)])
    fill(s1, [5] * 5)
    fill(s2, [2] * 5)
    fill(s3, [5] * 5)
    type(s1).objects.filter(pk=s1.pk).update(removed_at=s1.created_at, removed_reason="Conflit d’intérêts déclaré")
    Entry.objects.filter(pk=b.pk).update(status=EntryStatus.WITHDRAWN)
    ranking, rows = rows_by_entry(campaign)
    assert list(rows) == [a.pk]
    assert (rows[a.pk].score, rows[a.pk].item.evaluators) == (Decimal("8.00"), 1)


def test_ranking_query_count_is_the_same_for_many_entries(django_assert_num_queries):
    campaign, entries, jurors = campaign_with_entries(12, jurors=2, peers_per_entry=0, phase=CampaignPhase.JURY)
    for sheet in assign_jury(campaign, [(entry, jurors[i % 2]) for i, entry in enumerate(entries)]):
        fill(sheet, [3] * 5)
    with django_assert_num_queries(4):
        ranking, rows = rows_by_entry(campaign)
    assert len(rows) == 12


def test_raw_medians_come_from_reviewing_once_it_gives_them(monkeypatch, django_assert_num_queries):
    """When reviewing's RankedItem carries `raw_median`, no second query is made for them."""
    from dataclasses import dataclass

    from reviewing import aggregation
    from reviewing.aggregation import RankedItem

    @dataclass(frozen=True)
    class WithRawMedian(RankedItem):
        raw_median: Decimal | None = None

    real = aggregation.ranking

    def ranking(*args, **kwargs):
        return [WithRawMedian(**{**item.__dict__, "raw_median": Decimal("7.77")}) for item in real(*args, **kwargs)]

    monkeypatch.setattr(aggregation, "ranking", ranking)
    campaign, (a,), (g,) = campaign_with_entries(1, jurors=1, peers_per_entry=0, normalise=True)
    (sheet,) = assign_jury(campaign, [(a, g)])
    fill(sheet, [5] * 5)
    with django_assert_num_queries(4):
        ranking_, rows = rows_by_entry(campaign)
    assert rows[a.pk].raw_median == Decimal("7.77")
