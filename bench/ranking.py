"""`python -m bench.ranking`: times `reviewing.aggregation.ranking` on a national-size prize:
2,000 entries, 60 jurors scoring ~170 entries each and 2,000 peer evaluators scoring 5 entries
each, 5 criteria (≈ 100,000 score rows), built as a temporary table (nothing is written to the
database's own tables; any database will do: DATABASE_URL). Options: --repeat, --items."""

import argparse
import statistics
import time

from bench.django_setup import setup

BUILD = """
CREATE TEMPORARY TABLE bench_scores (
    item_id int, evaluator_id int, panel text, criterion_id int, weight numeric(5, 2), scale_max int, value int
);
-- Each entry has a quality (0..5), each evaluator a bias (−1..+1: a few give everyone 5/5), plus noise.
INSERT INTO bench_scores
SELECT item, juror, 'jury', c, (ARRAY[3, 2, 2, 2, 1])[c], 5,
       LEAST(5, GREATEST(0, round((item * 37 %% 100) / 20.0 + (juror %% 5 - 2) / 2.0 + random() - 0.5)))::int
FROM generate_series(1, %(jurors)s) AS juror,
     generate_series(0, %(per_juror)s - 1) AS n,
     generate_series(1, 5) AS c,
     LATERAL (SELECT ((juror - 1) * %(per_juror)s + n) %% %(items)s + 1 AS item) AS i;
INSERT INTO bench_scores
SELECT item, 100000 + peer, 'peer', c, (ARRAY[3, 2, 2, 2, 1])[c], 5,
       LEAST(5, GREATEST(0, round((item * 37 %% 100) / 20.0 + (peer %% 7 - 3) / 3.0 + random() - 0.5)))::int
FROM generate_series(1, %(peers)s) AS peer,
     generate_series(0, 4) AS n,
     generate_series(1, 5) AS c,
     LATERAL (SELECT (peer * 7 + n * 401) %% %(items)s + 1 AS item) AS i;
ANALYZE bench_scores;
"""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--jurors", type=int, default=60)
    parser.add_argument("--per-juror", type=int, default=170)
    parser.add_argument("--peers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    setup()
    from django.db import connection, transaction

    from reviewing.aggregation import ranking

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(0.42)")
            cursor.execute(BUILD % {"items": args.items, "jurors": args.jurors, "per_juror": args.per_juror,
                                    "peers": args.peers})
            cursor.execute("SELECT count(*), count(DISTINCT (item_id, evaluator_id)) FROM bench_scores")
            rows, sheets = cursor.fetchone()
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0].split(" on ")[0]
        print(f"{rows} lignes de notes, {sheets} fiches, {args.items} dossiers ({version})")
        for label, options in (("brut", {}), ("brut, jury 60 % / pairs 40 %", {"panel_weights": {"jury": 0.6,
                                                                                                   "peer": 0.4}}),
                               ("z-scores, jury 60 % / pairs 40 %", {"normalise": True,
                                                                     "panel_weights": {"jury": 0.6, "peer": 0.4}})):
            times = []
            for _run in range(args.repeat):
                start = time.perf_counter()
                results = ranking("SELECT * FROM bench_scores", [], **options)
                times.append(time.perf_counter() - start)
            print(f"  ranking ({label}) : médiane {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms sur {args.repeat} ; {len(results)} dossiers classés, "
                  f"1er {results[0].final}, ex aequo {sum(r.tied for r in results)}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
