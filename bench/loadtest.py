"""`python -m bench.loadtest` (`make loadtest`): serves the benchmark database as production does
(gunicorn, DEBUG off, collected static files) and measures, one after the other in one run, with
the same number of concurrent connections:

- the layout page (legal notice: the layout and a little text, no query), the reference;
- the home page;
- mixed traffic (see bench.traffic): home, innovation, catalogue, filter and search pages.

For each: requests per second, median, 95th and 99th percentile, errors, and the throughput as a
share of the layout page's. Results in bench-results/loadtest.json.
"""

import argparse
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import client
from bench.django_setup import setup

ROOT = Path(__file__).resolve().parent.parent

# What the issue asks of the mixed traffic and of the home page, as shares of the layout page.
TARGETS = {"mixte": {"ratio": 0.25, "p99_ms": 150}, "accueil": {"ratio": 0.50}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(port: int) -> dict:
    env = dict(os.environ)
    env.update({
        "DJANGO_DEBUG": "false", "ESSAIMAGE_LOCAL_PRODUCTION": "true",
        "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "SITE_URL": f"http://127.0.0.1:{port}",
    })
    return env


def wait_until_up(port: int, process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn s’est arrêté au démarrage.")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/mentions-legales/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn ne répond pas.")


def check_urls(port: int, pools: dict[str, list[str]], per_kind: int = 20) -> None:
    """A few URLs of each kind answer 200 before anything is timed (a broken URL list would
    otherwise be measured as errors)."""
    for urls in pools.values():
        for path in urls[:per_kind]:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                if response.status != 200:
                    raise SystemExit(f"{path} : {response.status}")


def report(results: list[client.Result]) -> list[dict]:
    rows = [result.summary() for result in results]
    layout = rows[0]["requests_per_second"] or 1
    for row in rows:
        row["ratio_to_layout"] = round(row["requests_per_second"] / layout, 3)
    print()
    print(f"{'page':<10} {'req/s':>8} {'médiane':>9} {'p95':>8} {'p99':>8} {'erreurs':>8} {'/ mise en page':>15}")
    for row in rows:
        print(f"{row['name']:<10} {row['requests_per_second']:>8.1f} {row['median_ms']:>7.1f}ms "
              f"{row['p95_ms']:>6.1f}ms {row['p99_ms']:>6.1f}ms {row['errors']:>8} {row['ratio_to_layout']:>14.1%}")
    return rows


def verdict(rows: list[dict]) -> list[str]:
    by_name = {row["name"]: row for row in rows}
    missed = []
    for name, target in TARGETS.items():
        row = by_name.get(name)
        if row is None:
            continue
        if row["ratio_to_layout"] < target["ratio"]:
            missed.append(f"{name} : {row['ratio_to_layout']:.1%} du débit de la mise en page "
                          f"(objectif {target['ratio']:.0%})")
        if "p99_ms" in target and row["p99_ms"] > target["p99_ms"]:
            missed.append(f"{name} : p99 {row['p99_ms']} ms (objectif {target['p99_ms']} ms)")
        if row["errors"]:
            missed.append(f"{name} : {row['errors']} erreurs")
    return missed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="durée de chaque mesure")
    parser.add_argument("--warmup", type=float, default=8, help="durée du trafic mixte de mise en route, non mesuré")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="processus gunicorn")
    parser.add_argument("--output", default="bench-results/loadtest.json")
    parser.add_argument("--check", action="store_true", help="code de sortie 1 si un objectif n’est pas atteint")
    parser.add_argument("--no-collectstatic", action="store_true",
                        help="garder les fichiers statiques déjà rassemblés (mesures répétées)")
    args = parser.parse_args(argv)

    setup()
    from django.conf import settings
    from django.db import connection

    from bench import traffic
    from innovations.enums import Status
    from innovations.models import Innovation

    name = settings.DATABASES["default"]["NAME"]
    if "bench" not in name:
        raise SystemExit(f"Base « {name} » : le test de charge sert une base de banc d’essai (make loadtest).")
    published = Innovation.objects.filter(status=Status.PUBLISHED).count()
    pools = traffic.url_pools()
    mixed = traffic.mixed(pools)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    connection.close()

    port = free_port()
    env = production_env(port)
    print(f"{published} innovations publiées ({name}, PostgreSQL {pg_version}) ; "
          f"{sum(len(urls) for urls in pools.values())} adresses distinctes dans le trafic mixte.")
    if not (args.no_collectstatic and (Path(settings.STATIC_ROOT) / "staticfiles.json").exists()):
        print("collectstatic…", flush=True)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
                       cwd=ROOT, env=env, check=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "essaimage.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_until_up(port, server)
        check_urls(port, pools)
        print(f"gunicorn, {args.workers} processus, DEBUG désactivé, sur le port {port} ; "
              f"{args.connections} connexions simultanées, {args.seconds:g} s par mesure.", flush=True)
        # Warm-up: every worker builds its facet index, fills its caches and connections.
        client.run("mise en route", mixed, host="127.0.0.1", port=port, connections=args.connections,
                   seconds=args.warmup, seed=99)
        results = []
        for label, paths in (("mise_en_page", [traffic.LAYOUT_PATH]), ("accueil", [traffic.HOME_PATH]),
                             ("mixte", mixed)):
            print(f"  {label}…", flush=True)
            results.append(client.run(label, paths, host="127.0.0.1", port=port, connections=args.connections,
                                      seconds=args.seconds))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    rows = report(results)
    missed = verdict(rows)
    print()
    print("Objectifs atteints." if not missed else "Objectifs manqués :\n  " + "\n  ".join(missed))
    load = os.getloadavg()
    path = ROOT / args.output
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "published": published, "postgresql": pg_version, "cpus": os.cpu_count(),
        "machine": platform.processor() or platform.machine(), "load_average": [round(x, 2) for x in load],
        "workers": args.workers, "connections": args.connections, "seconds": args.seconds,
        "distinct_urls": sum(len(urls) for urls in pools.values()), "results": rows, "missed": missed,
    }, indent=2, ensure_ascii=False))
    print(f"Résultats écrits dans {path} (charge de la machine : {load[0]:.2f}).")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
