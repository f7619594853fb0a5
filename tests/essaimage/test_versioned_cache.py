import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from essaimage import versioned_cache
from essaimage.cache_config import CACHE_TABLE, caches_from_url
from tests.factories import OrganisationFactory, UserFactory


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"value": self.calls}


def test_a_value_is_computed_once_per_version(real_cache):
    compute = Counter()
    assert versioned_cache.cached("figures", 1, compute) == {"value": 1}
    assert versioned_cache.cached("figures", 1, compute) == {"value": 1}
    assert compute.calls == 1
    assert versioned_cache.cached("figures", 2, compute) == {"value": 2}  # a new version: computed afresh
    assert compute.calls == 2


def test_a_value_is_shared_by_the_processes_through_the_cache(real_cache):
    compute = Counter()
    versioned_cache.cached("figures", 7, compute)
    versioned_cache.forget_local()  # another app server: nothing in its memory
    assert versioned_cache.cached("figures", 7, compute) == {"value": 1}
    assert compute.calls == 1


def test_no_value_is_kept_without_a_cache(settings):
    """The tests' default (DummyCache, no local copies): every read computes."""
    compute = Counter()
    versioned_cache.cached("figures", 1, compute)
    versioned_cache.cached("figures", 1, compute)
    assert compute.calls == 2
    assert versioned_cache.generation("directory") != versioned_cache.generation("directory")


@pytest.mark.django_db
def test_a_generation_moves_on_only_once_the_write_commits(real_cache, django_capture_on_commit_callbacks):
    before = versioned_cache.generation("directory")
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            versioned_cache.bump_generation("directory")
        assert versioned_cache.generation("directory") == before  # not committed yet
    for callback in callbacks:
        callback()
    assert versioned_cache.generation("directory") > before


@pytest.mark.django_db
def test_a_lost_generation_starts_again_above_every_number_it_held(real_cache, django_capture_on_commit_callbacks):
    first = versioned_cache.generation("directory")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            versioned_cache.bump_generation("directory")
    held = versioned_cache.generation("directory")
    assert held == first + 3
    cache.delete("generation:directory")  # evicted, or the cache server restarted
    assert versioned_cache.generation("directory") > held


@pytest.mark.django_db
def test_users_and_organisations_move_the_directory_generation_on(real_cache, django_capture_on_commit_callbacks):
    def generation_after(write):
        before = versioned_cache.generation("directory")
        with django_capture_on_commit_callbacks(execute=True):
            write()
        return versioned_cache.generation("directory") != before

    user = UserFactory()
    assert generation_after(lambda: UserFactory())
    assert generation_after(lambda: OrganisationFactory())
    user.is_active = False
    assert generation_after(lambda: user.save(update_fields=["is_active"]))
    # A log-in saves last_login only: the figures do not change, nor does the generation.
    assert not generation_after(lambda: user.save(update_fields=["last_login"]))


@pytest.mark.django_db
def test_the_database_cache_works_in_the_sites_own_database(settings, django_capture_on_commit_callbacks):
    """CACHE_URL=db, the default: a table created by `migrate` (and by the test database setup)."""
    settings.CACHES = caches_from_url("db")
    settings.VERSIONED_CACHE_LOCAL_ENTRIES = 0
    from django.db import connection

    assert CACHE_TABLE in connection.introspection.table_names()
    compute = Counter()
    assert versioned_cache.cached("figures", 3, compute) == {"value": 1}
    assert versioned_cache.cached("figures", 3, compute) == {"value": 1}
    assert compute.calls == 1
    held = versioned_cache.generation("directory")
    with django_capture_on_commit_callbacks(execute=True):
        versioned_cache.bump_generation("directory")
    assert versioned_cache.generation("directory") == held + 1


def test_the_cache_backend_is_chosen_by_cache_url():
    assert caches_from_url("")["default"]["BACKEND"].endswith("DatabaseCache")
    assert caches_from_url("db")["default"]["LOCATION"] == CACHE_TABLE
    redis = caches_from_url("redis://cache.exemple:6379/1")["default"]
    assert redis["BACKEND"].endswith("RedisCache") and redis["LOCATION"] == "redis://cache.exemple:6379/1"
    assert caches_from_url("locmem")["default"]["BACKEND"].endswith("LocMemCache")
    assert caches_from_url("dummy")["default"]["BACKEND"].endswith("DummyCache")
    with pytest.raises(ImproperlyConfigured):
        caches_from_url("memcached://cache.exemple")


def test_local_memory_computes_only_what_this_process_lacks_and_stays_bounded(real_cache):
    memory = versioned_cache.LocalMemory(3)
    asked = []

    def compute(keys):
        asked.append(list(keys))
        return {key: f"<li>{key}</li>" for key in keys}

    assert memory.get_many([1, 2], 7, compute) == ["<li>1</li>", "<li>2</li>"]
    assert memory.get_many([2, 3], 7, compute) == ["<li>2</li>", "<li>3</li>"]
    assert asked == [[1, 2], [3]]  # 2 was kept
    memory.get_many([4], 7, compute)  # a fourth value: the least recently read (1) goes
    assert len(memory.values) == 3 and (1, 7) not in memory.values
    memory.get_many([2], 8, compute)  # a new version: computed afresh
    assert asked[-1] == [2]
    versioned_cache.forget_local()
    assert not memory.values


def test_local_memory_keeps_nothing_when_local_copies_are_off(settings):
    """The tests' default: their writes do not commit, so they move no version on."""
    memory = versioned_cache.LocalMemory(10)
    compute = Counter()
    memory.get("figures", 1, compute)
    memory.get("figures", 1, compute)
    assert compute.calls == 2 and not memory.values


def test_a_value_may_skip_the_local_copy(real_cache):
    compute = Counter()
    versioned_cache.cached("large", 1, compute, local=False)
    assert not any(key.startswith("large:") for key in versioned_cache._local)
    assert versioned_cache.cached("large", 1, compute, local=False) == {"value": 1}  # from the shared cache
    assert compute.calls == 1
