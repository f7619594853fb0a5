"""Cache of the catalogue's facet counts, keyed by a version of the published catalogue.

Counting every facet over 100,000 innovations costs ~200 ms; the counts only change when the
published catalogue does. The version is a PostgreSQL sequence, shared by every app server and
bumped (once the writing transaction has committed) whenever an innovation or a replication is
saved or deleted, so a cached count is never served for an older catalogue. Any cache backend
works; the default per-process memory cache is enough since keys carry the version.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

SEQUENCE = "innovations_catalogue_version"


def current_version() -> int:
    with connection.cursor() as cursor:
        # A new sequence reports last_value 1 both before and after its first nextval().
        cursor.execute(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {SEQUENCE}")
        return cursor.fetchone()[0]


def bump_version() -> None:
    def bump():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")

    transaction.on_commit(bump)


def _enabled() -> bool:
    return settings.CATALOGUE_FACET_CACHE_SECONDS > 0


def _normalise(value):
    if isinstance(value, str):
        return value
    if hasattr(value, "pk"):
        return str(value.pk)
    return sorted(_normalise(item) for item in value)


def facets_key(cleaned_data: dict) -> str | None:
    if not _enabled():
        return None
    normalised = {name: _normalise(value) for name, value in cleaned_data.items() if value}
    digest = hashlib.sha1(json.dumps(normalised, sort_keys=True).encode()).hexdigest()
    return f"catalogue-facets:{current_version()}:{digest}"


def get(key):
    return cache.get(key) if key else None


def set(key, value) -> None:  # noqa: A001 - mirrors the cache API
    if key:
        cache.set(key, value, settings.CATALOGUE_FACET_CACHE_SECONDS)
