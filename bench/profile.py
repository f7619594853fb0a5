"""`python -m bench.profile`: where the time of each kind of page goes, in process, on the
benchmark database: total server time, SQL time and query count, French typography
(the middleware), per kind of page of the mixed traffic. `--cprofile KIND` prints the functions
that take the most time for one kind of page.
"""

import argparse
import cProfile
import pstats
import random
import statistics
import time

from bench.django_setup import setup


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100, help="requêtes par type de page")
    parser.add_argument("--cprofile", metavar="KIND", help="profil cProfile d’un type de page (accueil, recherche…)")
    parser.add_argument("--sort", default="cumulative", help="ordre du profil : cumulative, tottime…")
    parser.add_argument("--mixed", type=int, metavar="N",
                        help="rejouer N requêtes du trafic mixte dans un processus neuf, comme un processus "
                             "gunicorn pendant un test de charge (caches froids), temps par type de page")
    args = parser.parse_args(argv)
    setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from bench import traffic
    from essaimage import typography

    settings.DEBUG = False
    pools = traffic.url_pools()
    pools = {"mise_en_page": [traffic.LAYOUT_PATH], **pools}
    client = Client()
    sql = {"time": 0.0, "count": 0}

    def timed_sql(execute, query, params, many, context):
        began = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql["time"] += time.perf_counter() - began
            sql["count"] += 1

    typeset = {"time": 0.0}
    original = typography.typeset_html

    def timed_typeset(html):
        began = time.perf_counter()
        try:
            return original(html)
        finally:
            typeset["time"] += time.perf_counter() - began

    typography.typeset_html = timed_typeset
    if args.mixed:
        replay_mixed(client, pools, args.mixed, sql, timed_sql, cprofile=args.cprofile == "mixte", sort=args.sort)
        return
    rng = random.Random(5)
    for path in [rng.choice(urls) for urls in pools.values() for _ in range(5)]:  # warm-up
        client.get(path)
    if args.cprofile:
        profiler = cProfile.Profile()
        paths = [rng.choice(pools[args.cprofile]) for _ in range(args.requests)]
        profiler.enable()
        for path in paths:
            client.get(path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(45)
        return
    print(f"{'page':<13} {'médiane':>8} {'moyenne':>8} {'SQL':>7} {'requêtes':>9} {'typo':>6} {'octets':>8}")
    for kind, urls in pools.items():
        totals, sqls, counts, typos, sizes = [], [], [], [], []
        for _ in range(args.requests):
            path = rng.choice(urls)
            sql.update(time=0.0, count=0)
            typeset["time"] = 0.0
            with connection.execute_wrapper(timed_sql):
                began = time.perf_counter()
                response = client.get(path)
                totals.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            sqls.append(sql["time"] * 1000)
            counts.append(sql["count"])
            typos.append(typeset["time"] * 1000)
            sizes.append(len(response.content))
        print(f"{kind:<13} {statistics.median(totals):>6.1f}ms {statistics.mean(totals):>6.1f}ms "
              f"{statistics.mean(sqls):>5.1f}ms {statistics.mean(counts):>9.1f} {statistics.mean(typos):>4.1f}ms "
              f"{statistics.mean(sizes):>8.0f}")


def replay_mixed(client, pools, count, sql, timed_sql, *, cprofile=False, sort="cumulative") -> None:
    """The first `count` requests one connection of the load test would send, in this fresh
    process: most URLs are new to it, as they are to a gunicorn worker during `make loadtest`
    (5,000 distinct URLs, a few thousand requests per worker). Time per kind of page, first and
    second half apart (what warms up, what does not)."""
    from django.db import connection

    from bench import traffic

    kind_of = {path: kind for kind, urls in pools.items() for path in urls}
    rng = random.Random(1000)
    mixed = traffic.mixed({kind: urls for kind, urls in pools.items() if kind != "mise_en_page"})
    paths = [rng.choice(mixed) for _ in range(count)]
    times = {}
    profiler = cProfile.Profile() if cprofile else None
    began_all = time.perf_counter()
    for n, path in enumerate(paths):
        sql.update(time=0.0, count=0)
        if profiler:
            profiler.enable()
        with connection.execute_wrapper(timed_sql):
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            elapsed = (time.perf_counter() - began) * 1000
            cpu = (time.process_time() - began_cpu) * 1000
        if profiler:
            profiler.disable()
        assert response.status_code == 200, (path, response.status_code)
        half = "1" if n < count // 2 else "2"
        times.setdefault(kind_of[path], []).append((half, elapsed, sql["time"] * 1000, sql["count"], cpu))
    total = (time.perf_counter() - began_all) * 1000
    if profiler:
        pstats.Stats(profiler).sort_stats(sort).print_stats(60)
    cpu_total = sum(row[4] for rows in times.values() for row in rows)
    print(f"{count} requêtes du trafic mixte en {total / 1000:.1f} s : {total / count:.1f} ms en moyenne, dont "
          f"{cpu_total / count:.1f} ms de processeur pour ce processus (le temps processeur dépend peu de la "
          f"charge de la machine ; le reste attend PostgreSQL ou le processeur)")
    print(f"{'page':<11} {'n':>5} {'moy. 1re moitié':>16} {'moy. 2e moitié':>15} {'processeur':>11} {'SQL':>7} "
          f"{'requêtes':>9} {'part du temps':>14}")
    for kind, rows in times.items():
        first = [row[1] for row in rows if row[0] == "1"] or [0]
        second = [row[1] for row in rows if row[0] == "2"] or [0]
        spent = sum(row[1] for row in rows)
        print(f"{kind:<11} {len(rows):>5} {statistics.mean(first):>14.1f}ms {statistics.mean(second):>13.1f}ms "
              f"{statistics.mean(row[4] for row in rows):>9.1f}ms {statistics.mean(row[2] for row in rows):>5.1f}ms "
              f"{statistics.mean(row[3] for row in rows):>9.1f} {spent / total:>13.0%}")


if __name__ == "__main__":
    main()
