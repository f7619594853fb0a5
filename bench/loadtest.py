"""`python -m bench.loadtest` (`make loadtest`): serves the benchmark database as production does
(gunicorn, DEBUG off, collected static files) and measures, one after the other in one run, with
the same number of concurrent connections:

- the layout page (legal notice: the layout and a little text, no query), the reference;
- the home page;
- mixed traffic (see bench.traffic): home, innovation, catalogue, filter and search pages.

The three take turns in `--rounds` slices (a change in the machine's other load then weighs on
each alike). For each: requests per second, median, 95th and 99th percentile, errors, the throughput as a
share of the layout page's, and the CPU time per request of the gunicorn workers, PostgreSQL and
the load client (Linux), which the other load of a shared machine changes less than throughput.
Results in bench-results/loadtest.json.
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


def _cpu_by_process(pids) -> dict[int, float]:
    """{pid: user + system CPU seconds so far} of these processes (Linux /proc; empty elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    spent = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        spent[pid] = (int(fields[11]) + int(fields[12])) / tick
    return spent


def _processes(server_pid: int) -> dict[str, list[int]]:
    """The gunicorn master and workers, and the PostgreSQL processes of the machine, now."""
    def pgrep(*args):
        found = subprocess.run(["pgrep", *args], capture_output=True, text=True).stdout.split()
        return [int(pid) for pid in found]

    return {"gunicorn": [server_pid, *pgrep("-P", str(server_pid))], "postgresql": pgrep("-x", "postgres")}


class CpuMeter:
    """The CPU time spent by the server's processes, PostgreSQL's and this client while a measure
    runs (per request in the report): less sensitive than throughput to the other load of a
    shared machine. Processes are listed again after the measure: one that started during it
    (a new connection's backend) counts whole, one that ended counts for nothing."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.spent: dict[str, dict[str, float]] = {}

    def measure(self, label: str, run):
        before = {name: _cpu_by_process(pids) for name, pids in _processes(self.server_pid).items()}
        began = time.process_time()
        result = run()
        spent = self.spent.setdefault(label, {})
        for name, pids in _processes(self.server_pid).items():
            after = _cpu_by_process(pids)
            spent[name] = spent.get(name, 0.0) + sum(
                seconds - before[name].get(pid, 0.0) for pid, seconds in after.items())
        spent["client"] = spent.get("client", 0.0) + time.process_time() - began
        return result


def merge(results: list[client.Result]) -> client.Result:
    """The rounds of one measure as one result."""
    merged = client.Result(name=results[0].name, seconds=sum(result.seconds for result in results))
    for result in results:
        merged.timings_ms.extend(result.timings_ms)
        merged.errors.extend(result.errors)
    return merged


def report(results: list[client.Result], cpu: dict | None = None) -> list[dict]:
    rows = [result.summary() for result in results]
    layout = rows[0]["requests_per_second"] or 1
    for row in rows:
        row["ratio_to_layout"] = round(row["requests_per_second"] / layout, 3)
        spent = (cpu or {}).get(row["name"])
        if spent and row["requests"]:
            row["cpu_ms_per_request"] = {name: round(seconds * 1000 / row["requests"], 2)
                                         for name, seconds in spent.items()}
    print()
    print(f"{'page':<10} {'req/s':>8} {'médiane':>9} {'p95':>8} {'p99':>8} {'erreurs':>8} {'/ mise en page':>15}")
    for row in rows:
        print(f"{row['name']:<10} {row['requests_per_second']:>8.1f} {row['median_ms']:>7.1f}ms "
              f"{row['p95_ms']:>6.1f}ms {row['p99_ms']:>6.1f}ms {row['errors']:>8} {row['ratio_to_layout']:>14.1%}")
    if all("cpu_ms_per_request" in row for row in rows):
        print()
        print("Temps processeur par requête (ms) : gunicorn, PostgreSQL, client de charge ; et le rapport du "
              "total à celui de la mise en page")
        layout_cpu = sum(rows[0]["cpu_ms_per_request"].values()) or 1
        for row in rows:
            spent = row["cpu_ms_per_request"]
            total = sum(spent.values())
            row["cpu_ratio_to_layout"] = round(layout_cpu / total, 3) if total else None
            print(f"{row['name']:<10} {spent['gunicorn']:>8.2f} {spent['postgresql']:>8.2f} {spent['client']:>8.2f}"
                  f"   total {total:>6.2f}   mise en page / page {row['cpu_ratio_to_layout']:>6.1%}")
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
    parser.add_argument("--rounds", type=int, default=4,
                        help="tours : chaque mesure est faite en autant de tranches, les pages à tour de rôle")
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
              f"{args.connections} connexions simultanées, {args.seconds:g} s par mesure en {args.rounds} tours.",
              flush=True)
        # Warm-up: every worker builds its facet index, fills its caches and connections.
        client.run("mise en route", mixed, host="127.0.0.1", port=port, connections=args.connections,
                   seconds=args.warmup, seed=99)
        # The measures take turns (`--rounds`), so that a change in the machine's other load
        # weighs on each of them alike rather than on one.
        meter = CpuMeter(server.pid)
        measures = (("mise_en_page", [traffic.LAYOUT_PATH]), ("accueil", [traffic.HOME_PATH]), ("mixte", mixed))
        rounds: dict[str, list[client.Result]] = {label: [] for label, _paths in measures}
        for number in range(args.rounds):
            for label, paths in measures:
                print(f"  {label} ({number + 1}/{args.rounds})…", flush=True)
                rounds[label].append(meter.measure(label, lambda paths=paths, label=label, number=number: client.run(
                    label, paths, host="127.0.0.1", port=port, connections=args.connections,
                    seconds=args.seconds / args.rounds, seed=number + 1)))
        results = [merge(rounds[label]) for label, _paths in measures]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    rows = report(results, meter.spent)
    missed = verdict(rows)
    print()
    print("Objectifs atteints." if not missed else "Objectifs manqués :\n  " + "\n  ".join(missed))
    load = os.getloadavg()
    path = ROOT / args.output
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "published": published, "postgresql": pg_version, "cpus": os.cpu_count(),
        "machine": platform.processor() or platform.machine(), "load_average": [round(x, 2) for x in load],
        "workers": args.workers, "connections": args.connections, "seconds": args.seconds, "rounds": args.rounds,
        "distinct_urls": sum(len(urls) for urls in pools.values()), "results": rows, "missed": missed,
    }, indent=2, ensure_ascii=False))
    print(f"Résultats écrits dans {path} (charge de la machine : {load[0]:.2f}).")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
