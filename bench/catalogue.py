"""`python -m bench.catalogue` (`make bench`): generates N published innovations if the database
has fewer, then times the catalogue and innovation pages in process (see bench.inprocess)."""

import argparse
import json
import os
import platform
from pathlib import Path

from bench.django_setup import setup


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="innovations publiées visées")
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par page (0 : aucune mesure)")
    parser.add_argument("--output", default="bench-results/catalogue.json")
    args = parser.parse_args(argv)
    setup()
    from django.conf import settings
    from django.db import connection

    from bench import data, inprocess
    from innovations.enums import Status
    from innovations.models import Innovation

    name = settings.DATABASES["default"]["NAME"]
    if "bench" not in name:
        raise SystemExit(f"Base « {name} » : le banc d’essai n’écrit que dans une base dont le nom contient "
                         "« bench » (make bench, ou ESSAIMAGE_DB_NAME=essaimage_bench).")
    existing = Innovation.objects.filter(status=Status.PUBLISHED).count()
    if existing < args.count:
        print(f"Génération de {args.count - existing} innovations publiées…", flush=True)
        data.generate(args.count - existing, log=lambda line: print(line, flush=True))
    if not args.requests:
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    total = Innovation.objects.filter(status=Status.PUBLISHED).count()
    print(f"Mesure sur {total} innovations publiées (PostgreSQL {version}, {os.cpu_count()} cœurs, "
          f"{platform.processor() or platform.machine()}), {args.requests} requêtes par page :")
    settings.DEBUG = False
    settings.CATALOGUE_INDEX_SECONDS = 600
    build = inprocess.measure_index_build()
    runs = {"pages": inprocess.measure(args.requests), "index_build": build}
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"published": total, "postgresql": version, "cpus": os.cpu_count(),
                                "runs": runs}, indent=2, ensure_ascii=False))
    print(f"Résultats écrits dans {path}")


if __name__ == "__main__":
    main()
