"""In-process timings of the catalogue and innovation pages: server time through the whole Django
stack (django.test.Client), with their SQL query counts, and the facet index build time."""

import random
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory
from innovations import catalogue_version, facet_index
from innovations.enums import Stage, Status
from innovations.models import Innovation, Theme

SEARCHES = ["sante", "covoiturage", "epiceries solidaires", "tiers-lieux", "cantines circuit court",
            "insertion jeunes", "mobilité rurale", "numerique", "jardins partages", "maisons de sante rurales",
            "covoiturrage", "aines isoles", "budget participatif", "ressourcerie", "mediation"]


def _url_sets(rng):
    regions = list(Territory.objects.filter(level=TerritoryLevel.REGION).values_list("code", flat=True))
    themes = list(Theme.objects.values_list("slug", flat=True))
    slugs = list(Innovation.objects.filter(status=Status.PUBLISHED, replication_count__gt=0)
                 .order_by("?").values_list("slug", flat=True)[:500])
    return {
        "catalogue, sans filtre": lambda: f"/innovations/?page={rng.randint(1, 50)}",
        "catalogue, un filtre": lambda: rng.choice([f"/innovations/?theme={rng.choice(themes)}",
                                                    f"/innovations/?region={rng.choice(regions)}",
                                                    f"/innovations/?stage={rng.choice(Stage.values)}"]),
        "recherche": lambda: f"/innovations/?q={rng.choice(SEARCHES)}",
        "recherche + filtres": lambda: (f"/innovations/?q={rng.choice(SEARCHES)}&theme={rng.choice(themes)}"
                                        f"&region={rng.choice(regions)}&tri=essaimees"),
        "page d'une innovation": lambda: f"/innovations/{rng.choice(slugs)}/",
    }


def measure_index_build(times: int = 5, *, log=print) -> dict:
    """Time to build the facet index (once per process after each change of the catalogue)."""
    version = catalogue_version.current_version()
    timings = []
    for _ in range(times):
        began = time.perf_counter()
        facet_index.build(version)
        timings.append((time.perf_counter() - began) * 1000)
    result = {"builds": times, "median_ms": round(statistics.median(timings), 1), "max_ms": round(max(timings), 1)}
    log(f"  construction de l'index des facettes : médiane {result['median_ms']} ms, max {result['max_ms']} ms")
    return result


def measure(requests: int = 200, *, seed: int = 7, log=print) -> list[dict]:
    rng = random.Random(seed)
    client = Client()
    results = []
    for name, make_url in _url_sets(rng).items():
        for _ in range(10):  # warm-up
            client.get(make_url())
        timings, query_counts = [], set()
        for _ in range(requests):
            url = make_url()
            with CaptureQueriesContext(connection) as ctx:
                began = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - began) * 1000
            assert response.status_code == 200, (url, response.status_code)
            timings.append(elapsed)
            query_counts.add(len(ctx.captured_queries))
        timings.sort()
        results.append({
            "page": name, "requests": requests, "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 1), "max_ms": round(timings[-1], 1),
            "queries": sorted(query_counts),
        })
        log(f"  {name}: médiane {results[-1]['median_ms']} ms, p95 {results[-1]['p95_ms']} ms, "
            f"requêtes SQL {results[-1]['queries']}")
    return results
