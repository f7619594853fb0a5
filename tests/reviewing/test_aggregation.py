"""reviewing.aggregation.ranking against hand-computed examples (the arithmetic is in each
docstring), on PostgreSQL with a VALUES list as the scores."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F, Value
from django.utils import timezone

from reviewing.aggregation import PanelScore, ranking, ranking_sql, scores_query
from reviewing.enums import SheetStatus
from tests.factories.core import UserFactory
from tests.factories.reviewing import AssignmentFactory, FileFactory, SheetFactory
from tests.reviewing.fake_models import Score
from tests.reviewing.helpers import single, values_sql

pytestmark = pytest.mark.django_db

D = Decimal


def by_item(results):
    return {result.item_id: result for result in results}


def test_weighted_mean_on_twenty_then_averaged_over_evaluators():
    """Criterion 1: weight 3, scored on 5; criterion 2: weight 1, scored on 10.
    Item 1, evaluator 10: (3 × 4/5 + 1 × 5/10) / 4 × 20 = 2.9 / 4 × 20 = 14.5
            evaluator 11: (3 × 5/5 + 1 × 10/10) / 4 × 20 = 20
            mean = median = 17.25; spread = stddev_samp(14.5, 20) = 5.5 / √2 = 3.889 → 3.89
    Item 2, evaluator 10: (3 × 5/5 + 1 × 0/10) / 4 × 20 = 15; one sheet: no spread."""
    sql, params = values_sql([
        (1, 10, "review", 1, "3", 5, 4), (1, 10, "review", 2, "1", 10, 5),
        (1, 11, "review", 1, "3", 5, 5), (1, 11, "review", 2, "1", 10, 10),
        (2, 10, "review", 1, "3", 5, 5), (2, 10, "review", 2, "1", 10, 0),
    ])
    results = ranking(sql, params)
    assert [r.item_id for r in results] == [1, 2]
    first, second = results
    assert (first.rank, first.final, first.mean, first.median, first.spread, first.evaluators) == (
        1, D("17.25"), D("17.25"), D("17.25"), D("3.89"), 2)
    assert first.panels == {"review": PanelScore(D("17.25"), 2)}
    assert (second.rank, second.final, second.mean, second.spread, second.evaluators) == (2, D("15.00"), D("15.00"),
                                                                                          None, 1)
    assert not first.tied and not second.tied and first.missing_panels == ()


def test_median_of_evaluator_totals():
    """Totals 10, 12, 20: median 12, mean 14. Totals 10, 12, 14, 20: median (12 + 14) / 2 = 13, mean 14."""
    sql, params = values_sql([single(1, 1, 10), single(1, 2, 12), single(1, 3, 20),
                              single(2, 1, 10), single(2, 2, 12), single(2, 3, 14), single(2, 4, 20)])
    results = by_item(ranking(sql, params))
    assert (results[1].median, results[1].mean) == (D("12.00"), D("14.00"))
    assert (results[2].median, results[2].mean) == (D("13.00"), D("14.00"))
    assert results[1].tied and results[2].tied and results[1].rank == results[2].rank == 1


GENEROUS = [
    # G (evaluator 1) gives every item the maximum; H (evaluator 2) separates them.
    single("X", 1, 20), single("Y", 1, 20), single("Z", 1, 20), single("W", 1, 20),
    single("X", 2, 20), single("Y", 2, 12), single("Z", 2, 4),
]


def generous_sql():
    rows = [("XYZW".index(item) + 1, evaluator, panel, criterion, weight, scale, value)
            for item, evaluator, panel, criterion, weight, scale, value in GENEROUS]
    return values_sql(rows)  # X = 1, Y = 2, Z = 3, W = 4


def test_raw_ranking_lets_the_generous_evaluator_pull_up():
    """Raw: X = (20 + 20) / 2 = 20, W = 20 (G alone), Y = (20 + 12) / 2 = 16, Z = (20 + 4) / 2 = 12.
    X and W tie at rank 1; Y is 3rd (RANK() leaves a gap), Z 4th."""
    results = by_item(ranking(*generous_sql()))
    assert {item: (r.rank, r.final, r.tied) for item, r in results.items()} == {
        1: (1, D("20.00"), True), 4: (1, D("20.00"), True), 2: (3, D("16.00"), False), 3: (4, D("12.00"), False)}


def test_z_scores_neutralise_the_evaluator_who_gives_everyone_the_maximum():
    """Normalised. The 7 totals: 20 × 5, 12, 4: mean m = 116 / 7 = 16.5714, stddev_samp
    s = √(Σ(t − m)² / 6) = √(237.714 / 6) = 6.2944.
    G: all totals 20, zero spread → z = 0 → each of G's sheets scores m = 16.5714.
    H: totals 20, 12, 4 → mean 12, stddev_samp 8 → z = 1, 0, −1 → m + z·s = 22.87 (kept at 20),
    16.5714, 10.2771.
    X = (16.5714 + 20) / 2 = 18.2857 → 18.29 (spread (20 − 16.5714) / √2 = 2.42);
    W = 16.5714 → 16.57 (G alone); Y = (16.5714 + 16.5714) / 2 = 16.57, tied with W at rank 2;
    Z = (16.5714 + 10.2771) / 2 = 13.4242 → 13.42 (spread 4.45).
    Raw means stay as they were (X 20, W 20, Y 16, Z 12)."""
    results = by_item(ranking(*generous_sql(), normalise=True))
    assert {item: (r.rank, r.final, r.tied) for item, r in results.items()} == {
        1: (1, D("18.29"), False), 4: (2, D("16.57"), True), 2: (2, D("16.57"), True), 3: (4, D("13.42"), False)}
    assert results[1].spread == D("2.42") and results[3].spread == D("4.45")
    assert [results[i].raw_mean for i in (1, 2, 3, 4)] == [D("20.00"), D("16.00"), D("12.00"), D("20.00")]
    assert results[4].spread is None


def test_an_evaluator_with_a_single_item_gets_z_zero():
    """Evaluator 1 scores only item 1 (14), evaluator 2 scores items 1 (10) and 2 (20).
    Totals 14, 10, 20: m = 44/3 = 14.6667, s = √((0.4444 + 21.7778 + 28.4444) / 2) = √25.3333 = 5.0332.
    Evaluator 1: one item → z = 0 → 14.6667. Evaluator 2: mean 15, stddev_samp 7.0711 → z = −0.7071, +0.7071
    → 14.6667 ∓ 3.5590 = 11.1077 and 18.2257.
    Item 1 = (14.6667 + 11.1077) / 2 = 12.8872 → 12.89; item 2 = 18.2257 → 18.23."""
    sql, params = values_sql([single(1, 1, 14), single(1, 2, 10), single(2, 2, 20)])
    results = by_item(ranking(sql, params, normalise=True))
    assert (results[1].final, results[2].final) == (D("12.89"), D("18.23"))
    assert [results[2].rank, results[1].rank] == [1, 2]


def test_z_scores_are_computed_within_each_panel():
    """Jury: J1 gives items 1 and 2 totals 20 and 10, J2 gives both 16. Jury totals 20, 10, 16, 16:
    mean 15.5, stddev_samp √(51 / 3) = 4.1231. J1: mean 15, stddev_samp 7.0711 → z = ±0.7071 →
    15.5 ± 2.9155 = 18.4155 and 12.5845; J2: zero spread → 15.5 for both.
    Jury means: item 1 (18.4155 + 15.5) / 2 = 16.9577, item 2 (12.5845 + 15.5) / 2 = 14.0423.
    Peers (their own mean and spread): P1 gives 8 and 12 → mean 10, stddev 2.8284, z = ∓0.7071 → 8 and 12.
    Jury weighs 3, peers 1: item 1 (3 × 16.9577 + 8) / 4 = 14.7183 → 14.72; item 2 (3 × 14.0423 + 12) / 4
    = 13.5317 → 13.53."""
    sql, params = values_sql([single(1, 1, 20, "jury"), single(2, 1, 10, "jury"), single(1, 2, 16, "jury"),
                              single(2, 2, 16, "jury"), single(1, 3, 8, "peer"), single(2, 3, 12, "peer")])
    results = by_item(ranking(sql, params, normalise=True, panel_weights={"jury": 3, "peer": 1}))
    assert results[1].panels == {"jury": PanelScore(D("16.96"), 2), "peer": PanelScore(D("8.00"), 1)}
    assert results[2].panels == {"jury": PanelScore(D("14.04"), 2), "peer": PanelScore(D("12.00"), 1)}
    assert (results[1].final, results[2].final) == (D("14.72"), D("13.53"))


def test_panel_weighting_and_missing_panels():
    """Jury weighs 0.7, peers 0.3 (one criterion on 20: a sheet's total is its value).
    Item 1: jury 16 and 12 → 14; peers 10 → final 0.7 × 14 + 0.3 × 10 = 12.8; mean of the three
            sheets (16 + 12 + 10) / 3 = 12.67.
    Item 2: jury 10, no peer → final = jury alone = 10, « peer » missing.
    Item 3: peers 20 and 18 → 19, no jury → final 19, « jury » missing.
    Ranking: 3 (19), 1 (12.8), 2 (10)."""
    sql, params = values_sql([
        single(1, 1, 16, "jury"), single(1, 2, 12, "jury"), single(1, 100, 10, "peer"),
        single(2, 1, 10, "jury"),
        single(3, 101, 20, "peer"), single(3, 102, 18, "peer"),
    ])
    results = ranking(sql, params, panel_weights={"jury": D("0.7"), "peer": D("0.3")})
    assert [(r.item_id, r.rank, r.final) for r in results] == [(3, 1, D("19.00")), (1, 2, D("12.80")),
                                                                (2, 3, D("10.00"))]
    first = by_item(results)[1]
    assert first.panels == {"jury": PanelScore(D("14.00"), 2), "peer": PanelScore(D("10.00"), 1)}
    assert first.mean == D("12.67") and first.evaluators == 3 and first.is_complete
    assert by_item(results)[2].missing_panels == ("peer",)
    assert by_item(results)[3].missing_panels == ("jury",)


def test_without_panel_weights_each_panel_weighs_the_same():
    """Item 1: jury 14, peer 10 → (14 + 10) / 2 = 12 (not the sheets' mean 12.67). Item 2: jury only → 10,
    « peer » missing (a panel seen in the data)."""
    sql, params = values_sql([single(1, 1, 16, "jury"), single(1, 2, 12, "jury"), single(1, 100, 10, "peer"),
                              single(2, 1, 10, "jury")])
    results = by_item(ranking(sql, params))
    assert results[1].final == D("12.00") and results[1].missing_panels == ()
    assert results[2].final == D("10.00") and results[2].missing_panels == ("peer",)


def test_a_panel_with_no_weight_is_left_out_of_the_final():
    """Peers weigh 0: item 1’s final is its jury score 14; item 2, peers only, has no final, no rank, comes last
    (and lacks the jury)."""
    sql, params = values_sql([single(1, 1, 16, "jury"), single(1, 2, 12, "jury"), single(1, 100, 10, "peer"),
                              single(2, 100, 20, "peer")])
    results = ranking(sql, params, panel_weights={"jury": D("1"), "peer": D("0")})
    assert [(r.item_id, r.rank, r.final, r.missing_panels) for r in results] == [
        (1, 1, D("14.00"), ()), (2, None, None, ("jury",))]


def test_ties_share_a_rank_and_the_next_rank_skips():
    """Items 1 and 2 both 15; item 3 12 → ranks 1, 1, 3."""
    sql, params = values_sql([single(1, 1, 15), single(2, 1, 15), single(3, 1, 12)])
    results = ranking(sql, params)
    assert [(r.rank, r.tied) for r in results] == [(1, True), (1, True), (3, False)]


def test_items_without_scores_are_absent_and_an_empty_ranking_is_empty():
    sql, params = values_sql([single(1, 1, 15)])
    assert [r.item_id for r in ranking(sql + " WHERE item_id = %s", [*params, 2])] == []


def test_one_query_per_ranking(django_assert_num_queries):
    sql, params = values_sql([single(i, e, (i * e) % 21, "jury" if e < 3 else "peer")
                              for i in range(1, 30) for e in range(1, 6)])
    with django_assert_num_queries(1):
        ranking(sql, params, normalise=True, panel_weights={"jury": 2, "peer": 1})


def test_bad_panel_weights_are_refused():
    with pytest.raises(ValueError, match="at least one panel"):
        ranking_sql("SELECT 1", panel_weights={})
    with pytest.raises(ValueError, match=">= 0"):
        ranking_sql("SELECT 1", panel_weights={"jury": -1})


def test_scores_from_a_temporary_table():
    """The way an app or the benchmark passes its rows: a table rather than VALUES."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE t_scores (item_id int, evaluator_id int, panel text, "
                       "criterion_id int, weight numeric, scale_max int, value int) ON COMMIT DROP")
        cursor.execute("INSERT INTO t_scores VALUES (1, 1, 'review', 1, 2, 5, 5), (1, 1, 'review', 2, 1, 5, 2), "
                       "(2, 1, 'review', 1, 2, 5, 3), (2, 1, 'review', 2, 1, 5, 5)")
    results = ranking("SELECT * FROM t_scores WHERE panel = %s", ["review"])
    # 1: (2 × 5/5 + 1 × 2/5) / 3 × 20 = 2.4 / 3 × 20 = 16; 2: (2 × 3/5 + 1 × 5/5) / 3 × 20 = 2.2 / 3 × 20 = 14.67
    assert [(r.item_id, r.final) for r in results] == [(1, D("16.00")), (2, D("14.67"))]


def test_ranking_from_a_queryset_of_the_apps_tables(scaling_grid):
    """The way an app ranks its files: a .values() queryset of its scores, submitted sheets only.
    Grid weights 3, 2, 2, 2, 1 (total 10), every criterion on 5.
    File A: evaluator 1 gives 5 everywhere → 20; evaluator 2 gives 4, 4, 4, 4, 0
    → (3·4 + 2·4 + 2·4 + 2·4) / 5 / 10 × 20 = 7.2 / 10 × 20 = 14.4 → mean 17.2.
    File B: evaluator 1 gives 3 everywhere → 12. A draft sheet giving B 5s is ignored."""
    call = scaling_grid[0].call
    file_a, file_b = FileFactory(call=call), FileFactory(call=call)
    one, two, three = UserFactory(), UserFactory(), UserFactory()

    def sheet(file, evaluator, values, status=SheetStatus.SUBMITTED):
        made = SheetFactory(assignment=AssignmentFactory(file=file, evaluator=evaluator), status=status,
                            submitted_at=timezone.now() if status == SheetStatus.SUBMITTED else None)
        Score.objects.bulk_create(Score(sheet=made, criterion=c, value=v) for c, v in zip(scaling_grid, values,
                                                                                         strict=True))

    sheet(file_a, one, [5] * 5)
    sheet(file_a, two, [4, 4, 4, 4, 0])
    sheet(file_b, one, [3] * 5)
    sheet(file_b, three, [5] * 5, status=SheetStatus.DRAFT)
    queryset = (Score.objects.filter(sheet__status=SheetStatus.SUBMITTED, criterion__call=call)
                .values("criterion_id", "value", item_id=F("sheet__assignment__file_id"),
                        evaluator_id=F("sheet__assignment__evaluator_id"), panel=Value("review"),
                        weight=F("criterion__weight"), scale_max=F("criterion__scale_max")))
    results = ranking(*scores_query(queryset))
    assert [(r.item_id, r.final, r.evaluators) for r in results] == [(file_a.pk, D("17.20"), 2),
                                                                     (file_b.pk, D("12.00"), 1)]
    with pytest.raises(ValueError, match="missing: panel"):
        scores_query(Score.objects.values("criterion_id", "value", item_id=F("sheet_id"), evaluator_id=F("sheet_id"),
                                          weight=F("criterion__weight"), scale_max=F("criterion__scale_max")))


def test_float_panel_weights_are_read_as_written():
    """0.6 × 14 + 0.4 × 10 = 8.4 + 4 = 12.4 exactly (a float 0.6 read as 0.59999… would still round to 12.40;
    the weights reach SQL as the decimals written)."""
    sql, params = values_sql([single(1, 1, 14, "jury"), single(1, 2, 10, "peer")])
    query, extra = ranking_sql(sql, panel_weights={"jury": 0.6, "peer": 0.4})
    assert extra == ["jury", D("0.6"), "peer", D("0.4")]
    assert ranking(sql, params, panel_weights={"jury": 0.6, "peer": 0.4})[0].final == D("12.40")
