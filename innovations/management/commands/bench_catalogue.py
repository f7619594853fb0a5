import json
import os
import platform
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from innovations import benchmark
from innovations.enums import Status
from innovations.models import Innovation


class Command(BaseCommand):
    help = "Génère N innovations publiées (si besoin) puis mesure le catalogue et la page d'une innovation."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000, help="innovations publiées visées")
        parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par page")
        parser.add_argument("--output", default="bench-results/catalogue.json")

    def handle(self, *args, count, requests, output, **options):
        if not settings.DATABASES["default"]["NAME"].endswith("bench") and not options.get("force"):
            self.stdout.write(self.style.WARNING(
                f"Base « {settings.DATABASES['default']['NAME']} » : "
                "lancez plutôt `make bench` (base dédiée essaimage_bench)."))
        existing = Innovation.objects.filter(status=Status.PUBLISHED).count()
        if existing < count:
            self.stdout.write(f"Génération de {count - existing} innovations publiées...")
            benchmark.generate(count - existing, log=self.stdout.write)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        total = Innovation.objects.filter(status=Status.PUBLISHED).count()
        self.stdout.write(f"Mesure sur {total} innovations publiées (PostgreSQL {version}, {os.cpu_count()} cœurs, "
                          f"{platform.processor() or platform.machine()}), {requests} requêtes par page :")
        settings.DEBUG = False
        settings.CATALOGUE_INDEX_SECONDS = 600
        build = benchmark.measure_index_build(log=self.stdout.write)
        runs = {"pages": benchmark.measure(requests, log=self.stdout.write), "index_build": build}
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"published": total, "postgresql": version, "cpus": os.cpu_count(),
                                    "runs": runs}, indent=2, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"Résultats écrits dans {path}"))
