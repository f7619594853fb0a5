"""The cache backend, chosen by one environment variable, `CACHE_URL`:

- `db` (the default): Django's DatabaseCache, in the table `essaimage_cache` of the site's own
  database (created by `manage.py createcachetable`, which `make run` and the deployment run):
  shared by every app server, and no server to add, embedded database included;
- `redis://host:6379/0` (or `rediss://…`): Django's RedisCache (redis-py), shared too;
- `locmem`: memory of each process; only for a single process (tests, development), since
  entries deleted by one process would live on in the others;
- `dummy`: no cache at all (every value is computed each time).

What the site caches is keyed by the version of what it depends on (essaimage.versioned_cache):
a write makes new keys, so no page shows stale data, whichever backend is chosen.
"""

from django.core.exceptions import ImproperlyConfigured

CACHE_TABLE = "essaimage_cache"
TIMEOUT_SECONDS = 24 * 60 * 60


def caches_from_url(url: str) -> dict:
    url = (url or "db").strip()
    options = {"TIMEOUT": TIMEOUT_SECONDS, "KEY_PREFIX": "essaimage"}
    if url == "db":
        backend = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE,
                   "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4}}
    elif url.startswith(("redis://", "rediss://", "unix://")):
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    elif url == "locmem":
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "essaimage",
                   "OPTIONS": {"MAX_ENTRIES": 5_000}}
    elif url == "dummy":
        backend = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ImproperlyConfigured(f"CACHE_URL « {url} » : attendu db, redis://…, locmem ou dummy.")
    return {"default": {**options, **backend}}
