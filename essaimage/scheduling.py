"""Daily tasks at a local time: settings.SCHEDULED_TASKS maps the dotted path of a task to
"HH:MM" in settings.TIME_ZONE (Europe/Paris), e.g.
`{"notifications.tasks.send_daily_digests": "08:00"}`. The core imports no feature app: a task
is found by its dotted path when it is due.

Each scheduled task has exactly one pending run in the task queue: a `run_scheduled` task
deferred to its next local time. When it runs it first queues the next day's run, then enqueues
the task itself (which runs, fails and is seen like any other task). `ensure_scheduled()`,
called when the worker starts (`manage.py run_worker`, or `manage.py ensure_scheduled_tasks`),
creates what is missing, moves a run whose time was changed, drops runs no longer configured,
and keeps a run that is overdue (the worker was stopped at 8:00: it runs once, at start). Both
take a PostgreSQL advisory lock and look for the pending run first: two workers starting
together never schedule a task twice.

Local times are computed in the time zone, not as a fixed offset: 8:00 is 7:00 UTC in winter
and 6:00 UTC in summer. A time that does not exist on the day clocks go forward (02:30) runs an
hour later; one that happens twice on the day they go back runs the first time.
"""

import zlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.tasks import Task, TaskResultStatus, task
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

RUNNER_PATH = "essaimage.scheduling.run_scheduled"
_LOCK_KEY = zlib.crc32(RUNNER_PATH.encode())  # one advisory lock for the whole schedule


def parse_time(value: str) -> time:
    try:
        hours, minutes = value.split(":")
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise ImproperlyConfigured(f"SCHEDULED_TASKS : heure « {value} » invalide (attendu HH:MM).") from error


def _at_local_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`day` at `at`, local time in `zone`, as an aware UTC datetime (see the module's note on
    the days clocks change: zoneinfo reads a missing time with the offset before the change)."""
    return datetime.combine(day, at).replace(tzinfo=zone).astimezone(UTC)


def next_run(at: time, *, after: datetime, zone: ZoneInfo | None = None) -> datetime:
    """The first moment strictly after `after` when the local time in `zone` is `at`."""
    zone = zone or ZoneInfo(settings.TIME_ZONE)
    day = after.astimezone(zone).date()
    for offset in range(3):
        candidate = _at_local_time(day + timedelta(days=offset), at, zone)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a local time comes back within two days")


def _schedule() -> dict[str, time]:
    return {path: parse_time(at) for path, at in settings.SCHEDULED_TASKS.items()}


def _uses_task_queue() -> bool:
    """Scheduling needs a queue that keeps deferred tasks (not the tests' immediate backend)."""
    return isinstance(run_scheduled.get_backend(), DatabaseBackend)


def _pending_runs():
    return DBTaskResult.objects.filter(task_path=RUNNER_PATH, status=TaskResultStatus.READY).order_by("run_after")


def _lock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


def _queue(path: str, at: time, when: datetime) -> None:
    run_scheduled.using(run_after=when).enqueue(path=path, at=at.strftime("%H:%M"))


@transaction.atomic
def ensure_scheduled(*, now: datetime | None = None) -> dict[str, datetime]:
    """One pending run per scheduled task, no more; returns each task's next run."""
    if not _uses_task_queue():
        return {}
    now = now or timezone.now()
    schedule = _schedule()
    _lock()
    pending: dict[str, list[DBTaskResult]] = {}
    for run in _pending_runs().select_for_update():
        pending.setdefault(run.args_kwargs["kwargs"]["path"], []).append(run)
    planned = {}
    for path, at in schedule.items():
        runs = pending.pop(path, [])
        for extra in runs[1:]:  # never two (one written by hand, or by an older version)
            extra.delete()
        if runs and runs[0].args_kwargs["kwargs"]["at"] == at.strftime("%H:%M"):
            planned[path] = runs[0].run_after  # kept, even overdue: it runs once, now
            continue
        if runs:  # the time was changed in the settings
            runs[0].delete()
        planned[path] = next_run(at, after=now)
        _queue(path, at, planned[path])
    for runs in pending.values():  # no longer in SCHEDULED_TASKS
        for run in runs:
            run.delete()
    return planned


@transaction.atomic
def _queue_next_run(path: str, at: time) -> datetime | None:
    _lock()
    if _pending_runs().filter(args_kwargs__kwargs__path=path).exists():
        return None
    when = next_run(at, after=timezone.now())
    _queue(path, at, when)
    return when


@task
def run_scheduled(*, path: str, at: str) -> str:
    """Queue tomorrow's run of `path`, then enqueue the task `path` itself."""
    schedule = _schedule()
    if path not in schedule:
        return "no longer scheduled"
    _queue_next_run(path, schedule[path])
    target = import_string(path)
    if not isinstance(target, Task):
        raise ImproperlyConfigured(f"SCHEDULED_TASKS : {path} n’est pas une tâche (@task).")
    return str(target.enqueue().id)
