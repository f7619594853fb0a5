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

from essaimage.request_memo import forget, remembered

_MISSING = object()

# A value stored under a version never changes: each process also keeps the latest ones it read
# in memory (settings.VERSIONED_CACHE_LOCAL_ENTRIES, 0: none), which spares it a round trip to
# the shared cache (a query, with CACHE_URL=db). Values are shared: callers must not change them.
_local: OrderedDict = OrderedDict()
_lock = threading.Lock()


def cached(key: str, version, compute, *, timeout: int | None = None, shared: bool = True, local: bool = True):
    """compute()'s value for this version of the data it reads, computed once per version: by
    all app servers together (the value is shared through the cache), or, with `shared=False`,
    by each process for itself (many cheap values, such as fragments of markup: a round trip to
    the shared cache, and with CACHE_URL=db the several queries of a write, would cost more than
    computing them again in each process). `local=False`: no copy in this process's memory
    (large values that the caller keeps in memory its own way)."""
    full_key = f"{key}:{version}"
    local_entries = settings.VERSIONED_CACHE_LOCAL_ENTRIES if local else 0
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


class LocalMemory:
    """A process's own copies of many small values computed for a version (the cards of the
    catalogue's results, say), apart from `cached`'s copies so that they do not push those out:
    at most `size` of them, the least recently read dropped first. Nothing is kept when
    settings.VERSIONED_CACHE_LOCAL_ENTRIES is 0 (the tests' default: their writes do not
    commit, so they move no version on). The key must name everything the value depends on."""

    def __init__(self, size: int):
        self.size = size
        self.values: OrderedDict = OrderedDict()
        self.lock = threading.Lock()
        _memories.append(self)

    def get(self, key, version, compute):
        if not settings.VERSIONED_CACHE_LOCAL_ENTRIES:
            return compute()
        full_key = (key, version)
        with self.lock:
            value = self.values.get(full_key, _MISSING)
            if value is not _MISSING:
                self.values.move_to_end(full_key)
                return value
        value = compute()
        with self.lock:
            self.values[full_key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return value

    def get_many(self, keys, version, compute_many) -> list:
        """The values of these keys (in their order); `compute_many(missing keys)` returns
        {key: value} for those this process does not have (one call for all of them)."""
        if not settings.VERSIONED_CACHE_LOCAL_ENTRIES:
            computed = compute_many(list(keys))
            return [computed[key] for key in keys if key in computed]
        found = {}
        with self.lock:
            for key in keys:
                value = self.values.get((key, version), _MISSING)
                if value is not _MISSING:
                    self.values.move_to_end((key, version))
                    found[key] = value
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute_many(missing)
            found.update(computed)
            with self.lock:
                for key, value in computed.items():
                    self.values[(key, version)] = value
                while len(self.values) > self.size:
                    self.values.popitem(last=False)
        return [found[key] for key in keys if key in found]

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


_memories: list[LocalMemory] = []


def forget_local() -> None:
    """Drop this process's copies (tests)."""
    with _lock:
        _local.clear()
    for memory in _memories:
        memory.clear()


def _generation_key(name: str) -> str:
    return f"generation:{name}"


def generation(name: str) -> int:
    """The current generation of the data called `name` (read once per GET request)."""
    return remembered(("generation", name), lambda: _read_generation(name))


def _read_generation(name: str) -> int:
    key = _generation_key(name)
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
    return value if value is not None else time.time_ns()  # no cache at all (dummy): never reuse


def bump_generation(name: str) -> None:
    """Move `name` to a new generation once the current transaction commits (at once outside one)."""

    def bump():
        forget(("generation", name))
        key = _generation_key(name)
        try:
            cache.incr(key)
        except ValueError:  # not in the cache (any more): a fresh, higher start
            cache.set(key, time.time_ns(), timeout=None)

    transaction.on_commit(bump)
