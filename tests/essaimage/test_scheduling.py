"""essaimage.scheduling: daily tasks at a local time in Europe/Paris, across the changes of
time, queued once and only once, run by the worker, which queues the next day's run."""

import io
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaimage.scheduling import RUNNER_PATH, ensure_scheduled, next_run
from tests.essaimage import scheduled_dummy

PING = "tests.essaimage.scheduled_dummy.ping"


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def pending():
    return list(DBTaskResult.objects.filter(task_path=RUNNER_PATH, status=TaskResultStatus.READY))


@pytest.mark.parametrize(("after", "expected"), [
    (utc(2026, 1, 15, 6, 59), utc(2026, 1, 15, 7, 0)),      # winter: 8:00 is 7:00 UTC
    (utc(2026, 1, 15, 7, 0), utc(2026, 1, 16, 7, 0)),       # strictly after: tomorrow
    (utc(2026, 7, 15, 12, 0), utc(2026, 7, 16, 6, 0)),      # summer: 8:00 is 6:00 UTC
    (utc(2026, 3, 28, 12, 0), utc(2026, 3, 29, 6, 0)),      # the night clocks go forward
    (utc(2026, 10, 24, 12, 0), utc(2026, 10, 25, 7, 0)),    # the night clocks go back
    (utc(2026, 3, 28, 23, 30), utc(2026, 3, 29, 6, 0)),     # 0:30 local, the day of the change
])
def test_next_run_is_the_local_time_in_paris_whatever_the_offset(after, expected):
    assert next_run(time(8, 0), after=after) == expected


def test_a_local_time_missing_or_repeated_on_the_day_clocks_change():
    # 2:30 does not exist on 29 March 2026 (2:00 -> 3:00): it runs an hour later, at 3:30 local.
    assert next_run(time(2, 30), after=utc(2026, 3, 28, 12, 0)) == utc(2026, 3, 29, 1, 30)
    # 2:30 happens twice on 25 October 2026: the first time only (0:30 UTC, not 1:30).
    assert next_run(time(2, 30), after=utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 0, 30)
    assert next_run(time(2, 30), after=utc(2026, 10, 25, 0, 30)) == utc(2026, 10, 26, 1, 30)


@pytest.mark.django_db
def test_ensure_scheduled_queues_one_run_and_never_two(task_queue, settings):
    settings.SCHEDULED_TASKS = {PING: "08:00"}
    now = utc(2026, 3, 28, 12, 0)
    assert ensure_scheduled(now=now) == {PING: utc(2026, 3, 29, 6, 0)}
    assert ensure_scheduled(now=now + timedelta(hours=1)) == {PING: utc(2026, 3, 29, 6, 0)}
    output = io.StringIO()
    call_command("ensure_scheduled_tasks", stdout=output)
    assert f"{PING} : prochaine exécution le 29/03/2026 à 08:00" in output.getvalue()
    [run] = pending()
    assert run.run_after == utc(2026, 3, 29, 6, 0)
    assert run.args_kwargs["kwargs"] == {"path": PING, "at": "08:00"}


@pytest.mark.django_db
def test_ensure_scheduled_follows_the_settings(task_queue, settings):
    now = utc(2026, 1, 15, 12, 0)
    settings.SCHEDULED_TASKS = {PING: "08:00"}
    ensure_scheduled(now=now)
    settings.SCHEDULED_TASKS = {PING: "09:30"}  # time changed: the pending run moves
    assert ensure_scheduled(now=now) == {PING: utc(2026, 1, 16, 8, 30)}
    assert [run.run_after for run in pending()] == [utc(2026, 1, 16, 8, 30)]
    settings.SCHEDULED_TASKS = {}  # no longer scheduled: the pending run goes
    assert ensure_scheduled(now=now) == {}
    assert pending() == []


@pytest.mark.django_db
def test_an_overdue_run_is_kept_to_run_once_at_start(task_queue, settings):
    settings.SCHEDULED_TASKS = {PING: "08:00"}
    ensure_scheduled(now=utc(2026, 1, 15, 12, 0))
    # The worker was stopped over 8:00 on the 16th and starts again at 10:00: the run is kept.
    assert ensure_scheduled(now=utc(2026, 1, 16, 9, 0)) == {PING: utc(2026, 1, 16, 7, 0)}
    assert len(pending()) == 1


def test_without_a_task_queue_nothing_is_scheduled(settings, db):
    settings.SCHEDULED_TASKS = {PING: "08:00"}  # the tests' immediate backend cannot defer
    assert ensure_scheduled() == {}


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_task_at_its_time_and_queues_the_next_run_once(task_queue, settings, monkeypatch):
    settings.SCHEDULED_TASKS = {PING: "08:00"}
    scheduled_dummy.calls.clear()
    ensure_scheduled(now=utc(2026, 3, 28, 12, 0))

    def at(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    at(utc(2026, 3, 29, 5, 59))  # 7:59 summer time: not yet
    assert task_queue.run() == 0 and scheduled_dummy.calls == []
    at(utc(2026, 3, 29, 6, 0, 5))  # 8:00 summer time, the day clocks went forward
    assert task_queue.run() == 2  # the scheduler's run, then the task it queued
    assert scheduled_dummy.calls == ["ping"]
    assert DBTaskResult.objects.get(task_path=PING).status == TaskResultStatus.SUCCESSFUL
    [next_one] = pending()
    assert next_one.run_after == utc(2026, 3, 30, 6, 0)
    ensure_scheduled()  # a worker (re)starting now adds nothing
    assert len(pending()) == 1
    assert task_queue.run() == 0 and scheduled_dummy.calls == ["ping"]


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_path_that_is_not_a_task_fails_visibly_and_keeps_its_schedule(task_queue, settings, monkeypatch):
    path = "tests.essaimage.scheduled_dummy.not_a_task"
    settings.SCHEDULED_TASKS = {path: "08:00"}
    ensure_scheduled(now=utc(2026, 1, 15, 12, 0))
    monkeypatch.setattr(timezone, "now", lambda: utc(2026, 1, 16, 7, 1))
    assert task_queue.run() == 1
    failed = DBTaskResult.objects.get(task_path=RUNNER_PATH, status=TaskResultStatus.FAILED)
    assert "ImproperlyConfigured" in failed.exception_class_path
    assert [run.run_after for run in pending()] == [utc(2026, 1, 17, 7, 0)]
