"""Rate limits shared by every app server: one counter row per (scope, key, time window),
incremented atomically in PostgreSQL, so parallel requests can never all slip under a limit.

Keys are hashed before they are stored (an e-mail address or an IP is never kept in clear).
Windows are fixed: a counter covers [start, start + window_seconds). Counters of windows long
gone are purged now and then by `hit` itself (about one call in PURGE_EVERY), so the table stays
small without a scheduled job.
"""

import hashlib
import random
import time
from datetime import datetime, timedelta, UTC

from django.db import connection
from django.db.models import F

from essaimage.models import RateCounter

PURGE_EVERY = 500


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _window_start(window_seconds: int, now: float | None = None) -> datetime:
    now = time.time() if now is None else now
    return datetime.fromtimestamp(now - now % window_seconds, tz=UTC)


def hit(*, scope: str, key: str, window_seconds: int) -> int:
    """Count one event for (scope, key) in the current window; return the count including it."""
    table = RateCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {table} (scope, key_digest, window_start, count)
                VALUES (%s, %s, %s, 1)
                ON CONFLICT (scope, key_digest, window_start)
                DO UPDATE SET count = {table}.count + 1
                RETURNING count""",
            [scope, _digest(key), _window_start(window_seconds)],
        )
        count = cursor.fetchone()[0]
    if PURGE_EVERY and random.randrange(PURGE_EVERY) == 0:  # (0: never; the tests' setting)
        purge()
    return count


def allow(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one event and say whether it is within `limit` for the current window."""
    return hit(scope=scope, key=key, window_seconds=window_seconds) <= limit


def current(*, scope: str, key: str, window_seconds: int) -> int:
    """How many events (scope, key) has in the current window, without counting one."""
    row = RateCounter.objects.filter(scope=scope, key_digest=_digest(key),
                                     window_start=_window_start(window_seconds)).values_list("count", flat=True)
    return next(iter(row), 0)


def reset(*, scope: str, key: str) -> None:
    RateCounter.objects.filter(scope=scope, key_digest=_digest(key)).delete()


def purge(*, older_than: timedelta = timedelta(days=2)) -> int:
    """Drop counters of windows long gone; returns how many rows went."""
    cutoff = datetime.now(tz=UTC) - older_than
    return RateCounter.objects.filter(window_start__lt=cutoff).delete()[0]


def release(*, scope: str, key: str, window_seconds: int) -> None:
    """Take back one event counted by `hit` in the current window (e.g. an attempt that succeeded)."""
    RateCounter.objects.filter(scope=scope, key_digest=_digest(key), window_start=_window_start(window_seconds),
                               count__gt=0).update(count=F("count") - 1)
