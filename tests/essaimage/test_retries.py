"""essaimage.retries: a failed delivery is retried after growing delays for about two days,
then left failed."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from essaimage.retries import retry_delay
from essaimage.tasks import deliver_email
from tests.smtp import TinySmtpServer


def test_the_delays_grow_up_to_a_day_and_end_about_two_days_after_the_first_attempt():
    delays = [retry_delay(attempt) for attempt in range(1, len(settings.TASK_RETRY_DELAYS_MINUTES) + 1)]
    assert delays[:4] == [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1)]
    assert delays == sorted(delays) and max(delays) == timedelta(days=1)
    assert timedelta(days=1.5) < sum(delays, timedelta()) < timedelta(days=2.5)
    assert retry_delay(len(delays) + 1) is None and retry_delay(0) is None


@pytest.mark.django_db(transaction=True)
def test_after_the_last_attempt_the_delivery_is_left_failed(task_queue, settings, caplog):
    server = TinySmtpServer()  # never started: refuses
    settings.MAILERS = server.mailer()
    last = len(settings.TASK_RETRY_DELAYS_MINUTES) + 1
    deliver_email.enqueue(subject="Sujet", body="Texte", recipients=["lea@exemple.fr"], attempt=last)
    assert task_queue.run() == 1
    [run] = DBTaskResult.objects.all()
    assert run.status == TaskResultStatus.FAILED  # no retry queued
    assert any(f"attempt {last}" in record.getMessage() and "given up" in record.getMessage()
               for record in caplog.records)


@pytest.mark.django_db(transaction=True)
def test_a_retry_keeps_the_queue_and_priority_of_the_failed_task(task_queue, settings):
    settings.MAILERS = TinySmtpServer().mailer()
    deliver_email.using(priority=10).enqueue(subject="Sujet", body="Texte", recipients=["lea@exemple.fr"])
    task_queue.run()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert (retry.priority, retry.queue_name, retry.args_kwargs["kwargs"]["attempt"]) == (10, "default", 2)
