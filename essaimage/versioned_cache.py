"""Values computed from the database, cached under the version of the data they were computed
from, so that a write never leaves a stale value on show: the write changes the version, the next
read looks under a new key and computes afresh; entries of old versions are never read again and
expire (settings.CACHES timeout) or are culled.

A version is whatever changes with the data: the catalogue version (a PostgreSQL sequence,
innovations.catalogue_version), or a *generation* kept in the cache itself for data without a
sequence (`generation(name)`, moved on by `bump_generation(name)` once the writing transaction
has committed). The version is always read before the data, so a value computed while a write
commits is stored under the old version and never served under the new one.

A generation that the cache lost (restart, culling) starts again from the current time in
nanoseconds, far above any number it held before: an old entry cannot come back.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

_MISSING = object()

# A value stored under a version never changes: each process also keeps the latest ones it read
# in memory (settings.VERSIONED_CACHE_LOCAL_ENTRIES, 0: none), which spares it a round trip to
# the shared cache (a query, with CACHE_URL=db). Values are shared: callers must not change them.
_local: OrderedDict = OrderedDict()
_lock = threading.Lock()


def cached(key: str, version, compute, *, timeout: int | None = None, shared: bool = True):
    """compute()'s value for this version of the data it reads, computed once per version: by
    all app servers together (the value is shared through the cache), or, with `shared=False`,
    by each process for itself (many cheap values, such as fragments of markup: a round trip to
    the shared cache, and with CACHE_URL=db the several queries of a write, would cost more than
    computing them again in each process)."""
    full_key = f"{key}:{version}"
    local_entries = settings.VERSIONED_CACHE_LOCAL_ENTRIES
    if local_entries:
        with _lock:
            value = _local.get(full_key, _MISSING)
            if value is not _MISSING:
                _local.move_to_end(full_key)
                return value
    value = cache.get(full_key, _MISSING) if shared else _MISSING
    if value is _MISSING:
        value = compute()
        if shared and timeout is None:
            cache.set(full_key, value)
        elif shared:
            cache.set(full_key, value, timeout)
    if local_entries:
        with _lock:
            _local[full_key] = value
            while len(_local) > local_entries:
                _local.popitem(last=False)
    return value


def forget_local() -> None:
    """Drop this process's copies (tests)."""
    with _lock:
        _local.clear()


def _generation_key(name: str) -> str:
    return f"generation:{name}"


def generation(name: str) -> int:
    """The current generation of the data called `name`."""
    key = _generation_key(name)
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
    return value if value is not None else time.time_ns()  # no cache at all (dummy): never reuse


def bump_generation(name: str) -> None:
    """Move `name` to a new generation once the current transaction commits (at once outside one)."""

    def bump():
        key = _generation_key(name)
        try:
            cache.incr(key)
        except ValueError:  # not in the cache (any more): a fresh, higher start
            cache.set(key, time.time_ns(), timeout=None)

    transaction.on_commit(bump)
