from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Charge les données de référence (rôles, territoires INSEE, thèmes...) ; idempotent."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            loader = getattr(config, "load_reference_data", None)
            if loader:
                for line in loader():
                    self.stdout.write(f"[{config.label}] {line}")
