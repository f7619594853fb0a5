"""essaimage.tasks.prune_finished_tasks: finished tasks (an e-mail's text among them) are not
kept forever; tasks still to run are never touched. (deliver_email: see test_mail.py.)"""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaimage.tasks import deliver_email, prune_finished_tasks

pytestmark = pytest.mark.django_db


def queued(subject: str) -> DBTaskResult:
    result = deliver_email.enqueue(subject=subject, body="Texte", recipients=["lea@exemple.fr"])
    return DBTaskResult.objects.get(pk=result.id)


def finished(subject: str, *, days_ago: int, failed: bool = False) -> DBTaskResult:
    run = queued(subject)
    if failed:
        run.set_failed(ConnectionRefusedError(111, "Connection refused"))
    else:
        run.set_successful(1)
    DBTaskResult.objects.filter(pk=run.pk).update(finished_at=timezone.now() - timedelta(days=days_ago))
    return run


def test_finished_tasks_are_pruned_after_their_retention_and_waiting_ones_never(task_queue, settings):
    assert settings.SCHEDULED_TASKS["essaimage.tasks.prune_finished_tasks"] == "04:00"
    finished("envoyé il y a 15 jours", days_ago=15)
    finished("envoyé il y a 13 jours", days_ago=13)
    finished("échoué il y a 15 jours", days_ago=15, failed=True)
    finished("échoué il y a 31 jours", days_ago=31, failed=True)
    waiting = queued("en attente depuis longtemps")
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - timedelta(days=60))

    prune_finished_tasks.call()

    kept = {run.args_kwargs["kwargs"]["subject"]: run.status for run in DBTaskResult.objects.all()}
    assert kept == {"envoyé il y a 13 jours": TaskResultStatus.SUCCESSFUL,
                    "échoué il y a 15 jours": TaskResultStatus.FAILED,
                    "en attente depuis longtemps": TaskResultStatus.READY}
