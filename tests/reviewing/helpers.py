"""Plain helpers of the reviewing tests."""

from decimal import Decimal


def values_sql(rows) -> tuple[str, list]:
    """`scores_sql` and its params for reviewing.aggregation.ranking from plain tuples
    (item_id, evaluator_id, panel, criterion_id, weight, scale_max, value)."""
    placeholders = ", ".join(["(%s::int, %s::int, %s::text, %s::int, %s::numeric, %s::int, %s::int)"] * len(rows))
    sql = ("SELECT * FROM (VALUES " + placeholders + ") "
           "AS scores(item_id, evaluator_id, panel, criterion_id, weight, scale_max, value)")
    params = []
    for item, evaluator, panel, criterion, weight, scale_max, value in rows:
        params += [item, evaluator, panel, criterion, Decimal(weight), scale_max, value]
    return sql, params


def single(item, evaluator, total, panel="review"):
    """One sheet with a single criterion scored on 20 (its total is the value)."""
    return (item, evaluator, panel, 1, "1", 20, total)
