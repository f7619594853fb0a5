"""The worker: `manage.py run_worker` (django-tasks-db's `db_worker`, same options) after
making sure every daily task of settings.SCHEDULED_TASKS has its next run queued, once."""

from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from essaimage.scheduling import ensure_scheduled


class Command(db_worker.Command):
    help = "Exécute les tâches de fond (e-mails, tâches quotidiennes) ; Ctrl+C l’arrête."

    def handle(self, *args, **options):
        for path, when in ensure_scheduled().items():
            self.stdout.write(f"Tâche planifiée {path} : prochaine exécution le "
                              f"{timezone.localtime(when):%d/%m/%Y à %H:%M}")
        return super().handle(*args, **options)
