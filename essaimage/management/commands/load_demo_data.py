from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from essaimage.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Crée les comptes et données de démonstration (jamais en production) ; idempotent."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Les données de démonstration sont refusées en mode production.")
        accounts = []
        with transaction.atomic():
            for config in apps.get_app_configs():
                loader = getattr(config, "load_demo_data", None)
                if loader:
                    accounts += loader()
        self.stdout.write(self.style.SUCCESS(
            f"Données de démonstration prêtes. Comptes (mot de passe « {DEMO_PASSWORD} ») :"))
        listed = {}
        for email, role in accounts:  # an account two apps use is listed once, with its last roles
            listed.pop(email, None)
            listed[email] = role
        for email, role in listed.items():
            self.stdout.write(f"  {email:<36} {role}")
