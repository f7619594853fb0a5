"""Rankings computed in PostgreSQL, one query per ranking.

The app passes the SQL of its score rows (submitted sheets only), with the columns
`item_id, evaluator_id, panel, criterion_id, weight, scale_max, value`; `ranking()` wraps it in a
CTE and computes, per item:

- each evaluator's sheet total on 0–20: Σ(weight × value / scale_max) / Σ weight × 20;
- with `normalise=True`, each total turned into a z-score over that evaluator's own sheets in the
  panel (z = (total − evaluator's mean) / evaluator's stddev_samp; z = 0 when the evaluator has a
  single sheet or gives every item the same total), then mapped back to 0–20 around the panel's
  mean and stddev_samp of all raw totals (score = panel mean + z × panel stddev, kept within
  0..20). An evaluator who gives everyone the maximum no longer pulls their items up;
- `mean` (of the sheets' scores), `median` (`percentile_cont(0.5)`), `spread` (stddev_samp, None
  under two sheets), `evaluators` (number of sheets), `raw_mean` (before normalisation);
- per panel: mean and count; `final` = Σ(panel weight × panel mean) / Σ panel weight over the
  panels the item has (without `panel_weights`, every panel weighs the same); panels weighted but
  without any score for the item are left out of `final` and listed in `missing_panels`;
  panels absent from `panel_weights` count for nothing in `final`;
- `rank` = RANK() over `final` rounded to 2 places, highest first (equal finals share a rank and
  are `tied`); an item with no `final` has rank None and comes last.

Items without any score row are not in the result (the app lists them as « non évalué »).
`scores_sql` is pasted as is: pass values through `params` (`%s`), double any literal `%`."""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class PanelScore:
    mean: Decimal
    count: int


@dataclass(frozen=True)
class RankedItem:
    item_id: object
    rank: int | None
    final: Decimal | None
    mean: Decimal
    median: Decimal
    spread: Decimal | None
    evaluators: int
    panels: dict[str, PanelScore] = field(default_factory=dict)
    missing_panels: tuple[str, ...] = ()
    tied: bool = False
    raw_mean: Decimal | None = None

    @property
    def is_complete(self) -> bool:
        return not self.missing_panels


SHEETS = """
sheets AS (
    SELECT item_id, evaluator_id, panel::text AS panel,
           SUM(weight::numeric * value::numeric / scale_max::numeric) / NULLIF(SUM(weight::numeric), 0) * 20 AS total
    FROM scores
    GROUP BY item_id, evaluator_id, panel
)"""

RAW = """
adjusted AS (
    SELECT item_id, evaluator_id, panel, total AS score, total AS raw FROM sheets
)"""

NORMALISED = """
normalised AS (
    SELECT item_id, evaluator_id, panel, total,
           CASE WHEN COALESCE(stddev_samp(total) OVER evaluator, 0) = 0 THEN 0
                ELSE (total - avg(total) OVER evaluator) / stddev_samp(total) OVER evaluator END AS z,
           avg(total) OVER panel AS panel_mean,
           COALESCE(stddev_samp(total) OVER panel, 0) AS panel_sd
    FROM sheets
    WINDOW evaluator AS (PARTITION BY panel, evaluator_id), panel AS (PARTITION BY panel)
),
adjusted AS (
    SELECT item_id, evaluator_id, panel, LEAST(20, GREATEST(0, panel_mean + z * panel_sd)) AS score, total AS raw
    FROM normalised
)"""

EQUAL_WEIGHTS = """
panel_weights AS (SELECT DISTINCT panel, 1::numeric AS weight FROM adjusted)"""

REST = """
per_panel AS (
    SELECT item_id, panel, avg(score) AS mean, count(*) AS n FROM adjusted GROUP BY item_id, panel
),
finals AS (
    SELECT p.item_id,
           SUM(w.weight * p.mean) / NULLIF(SUM(w.weight), 0) AS final,
           jsonb_object_agg(p.panel, jsonb_build_array(round(p.mean, 2)::text, p.n)) AS panels
    FROM per_panel p LEFT JOIN panel_weights w ON w.panel = p.panel
    GROUP BY p.item_id
),
stats AS (
    SELECT item_id, avg(score) AS mean, avg(raw) AS raw_mean,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY score::float8) AS median,
           stddev_samp(score) AS spread, count(*) AS evaluators
    FROM adjusted GROUP BY item_id
),
rounded AS (
    SELECT s.item_id, round(s.mean, 2) AS mean, round(s.raw_mean, 2) AS raw_mean,
           round(s.median::numeric, 2) AS median, round(s.spread, 2) AS spread, s.evaluators,
           f.panels, round(f.final, 2) AS final
    FROM stats s JOIN finals f ON f.item_id = s.item_id
)
SELECT item_id,
       CASE WHEN final IS NULL THEN NULL ELSE RANK() OVER (ORDER BY final DESC NULLS LAST) END AS rank,
       final, mean, median, spread, evaluators, panels,
       final IS NOT NULL AND count(*) OVER (PARTITION BY final) > 1 AS tied, raw_mean
FROM rounded
ORDER BY final DESC NULLS LAST, mean DESC, item_id"""


SCORE_COLUMNS = ("item_id", "evaluator_id", "panel", "criterion_id", "weight", "scale_max", "value")


def scores_query(queryset) -> tuple[str, list]:
    """`(scores_sql, params)` from a `.values()` queryset of the app's scores that names the seven
    columns, plain fields as they are and the others as annotations, e.g.

        Score.objects.filter(sheet__status=SheetStatus.SUBMITTED, sheet__assignment__removed_at=None,
                             criterion__call=call)
             .values("criterion_id", "value", item_id=F("sheet__assignment__file_id"),
                     evaluator_id=F("sheet__assignment__evaluator_id"), panel=Value("review"),
                     weight=F("criterion__weight"), scale_max=F("criterion__scale_max"))

    then `ranking(*scores_query(queryset))`."""
    query = queryset.query
    names = [*query.values_select, *query.annotation_select]
    missing = [column for column in SCORE_COLUMNS if column not in names]
    if missing or not query.values_select and not query.annotation_select:
        raise ValueError(f"scores_query: the .values() queryset must name {', '.join(SCORE_COLUMNS)}; "
                         f"missing: {', '.join(missing)}")
    sql, params = query.sql_with_params()
    return sql, list(params)


def ranking_sql(scores_sql: str, *, normalise: bool = False, panel_weights: dict | None = None) -> tuple[str, list]:
    """The query and the extra parameters (panel weights) that follow those of `scores_sql`."""
    parts = [f"scores AS (\n{scores_sql}\n)", SHEETS, NORMALISED if normalise else RAW]
    extra: list = []
    if panel_weights is None:
        parts.append(EQUAL_WEIGHTS)
    else:
        if not panel_weights:
            raise ValueError("panel_weights: give at least one panel, or None for equal weights")
        if any(Decimal(str(weight)) < 0 for weight in panel_weights.values()):
            raise ValueError("panel_weights: weights must be >= 0")
        rows = ", ".join(["(%s::text, %s::numeric)"] * len(panel_weights))
        parts.append(f"\npanel_weights(panel, weight) AS (VALUES {rows})")
        for panel, weight in panel_weights.items():
            extra += [str(panel), Decimal(str(weight))]  # a float 0.6 is 0.6, not 0.59999…
    return "WITH " + ",".join(parts) + "," + REST, extra


def ranking(scores_sql: str, params: list, *, normalise: bool = False,
            panel_weights: dict[str, Decimal] | None = None, using: str = "default") -> list[RankedItem]:
    """The items ranked, best first (see the module's docstring for the arithmetic)."""
    sql, extra = ranking_sql(scores_sql, normalise=normalise, panel_weights=panel_weights)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, *extra])
        rows = cursor.fetchall()
    results = []
    panels_seen: dict[str, None] = {}
    parsed = []
    for item_id, rank, final, mean, median, spread, evaluators, panels, tied, raw_mean in rows:
        if isinstance(panels, str):  # Django leaves jsonb undecoded
            panels = json.loads(panels)
        panel_scores = {name: PanelScore(Decimal(values[0]), int(values[1])) for name, values in sorted(panels.items())}
        panels_seen.update(dict.fromkeys(panel_scores))
        parsed.append((item_id, rank, final, mean, median, spread, evaluators, panel_scores, tied, raw_mean))
    if panel_weights is None:
        expected = sorted(panels_seen)
    else:  # panels weighted above 0, as plain strings
        expected = [str(panel) for panel, weight in panel_weights.items() if Decimal(str(weight)) > 0]
    for item_id, rank, final, mean, median, spread, evaluators, panel_scores, tied, raw_mean in parsed:
        missing = tuple(panel for panel in expected if panel not in panel_scores)
        results.append(RankedItem(item_id=item_id, rank=rank, final=final, mean=mean, median=median, spread=spread,
                                  evaluators=evaluators, panels=panel_scores, missing_panels=missing, tied=tied,
                                  raw_mean=raw_mean))
    return results
