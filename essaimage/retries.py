"""Retries with a back-off for Django tasks (django.tasks has none of its own).

A task that may fail for a while (a mail server down) takes the task context and an `attempt`
keyword argument; when it fails it calls `retry_later(context, attempt=attempt)` and raises. The
failed run stays in the database as failed (the administrators see it, with its traceback), and
a copy of the task, with the same arguments and `attempt + 1`, is queued to run after the next
delay of settings.TASK_RETRY_DELAYS_MINUTES (1, 5, 15 min, 1, 3, 6, 12, 24 h: the last attempt
comes about two days after the first). After the last delay nothing is queued: the task is left
failed.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import TaskContext
from django.utils import timezone


def retry_delay(attempt: int) -> timedelta | None:
    """How long to wait after failed attempt number `attempt` (from 1); None: give up."""
    delays = settings.TASK_RETRY_DELAYS_MINUTES
    if attempt < 1 or attempt > len(delays):
        return None
    return timedelta(minutes=delays[attempt - 1])


def retry_later(context: TaskContext, *, attempt: int) -> datetime | None:
    """Queue the running task again, same arguments, `attempt + 1`, after the back-off delay.
    Returns when it will run, or None when it is given up (or the backend runs tasks at once,
    without a queue: the immediate backend of the tests has no later)."""
    delay = retry_delay(attempt)
    result = context.task_result
    task = result.task
    if delay is None or not task.get_backend().supports_defer:
        return None
    when = timezone.now() + delay
    task.using(run_after=when).enqueue(*result.args, **{**result.kwargs, "attempt": attempt + 1})
    return when
