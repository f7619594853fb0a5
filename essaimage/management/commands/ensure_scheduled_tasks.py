"""Queue the next run of every task of settings.SCHEDULED_TASKS that has none (idempotent; the
worker does it when it starts)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from essaimage.scheduling import ensure_scheduled


class Command(BaseCommand):
    help = "Planifie la prochaine exécution de chaque tâche de SCHEDULED_TASKS (sans doublon)."

    def handle(self, *args, **options):
        planned = ensure_scheduled()
        for path, when in planned.items():
            self.stdout.write(f"{path} : prochaine exécution le {timezone.localtime(when):%d/%m/%Y à %H:%M}")
        if not planned:
            self.stdout.write("Aucune tâche planifiée.")
