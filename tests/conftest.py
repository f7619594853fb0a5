import pytest

from essaimage.enums import Role
from tests.factories import UserFactory


@pytest.fixture
def agent(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def other_agent(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[Role.AGENT, Role.MODERATEUR])


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR])


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (None: anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Real hashers cost ~0.5 s per password on purpose; tests do not need that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_chance_purge(monkeypatch):
    """The rate counters are purged by chance, one hit in 500 (essaimage.throttle): never in tests,
    where that extra query made the query counts of sign-in, sign-up and reset fail now and then.
    tests/essaimage/test_throttle.py sets it back to test the purge."""
    from essaimage import throttle

    monkeypatch.setattr(throttle, "PURGE_EVERY", 0)


@pytest.fixture(autouse=True)
def fresh_facet_index(settings):
    """The facet index is rebuilt at each request in tests (the catalogue version, a sequence,
    is not rolled back between tests); tests/innovations/test_facet_index.py covers its reuse."""
    from innovations import facet_index

    facet_index.forget()
    settings.CATALOGUE_INDEX_SECONDS = 0


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Tasks run at once, inside the test (a request's e-mails are in mail.outbox when it
    returns); `task_queue` below switches to the real queue and worker (see settings.TASKS)."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def task_queue(settings, immediate_tasks):
    """Tasks go to the PostgreSQL queue, as in production; `task_queue.run()` runs the real
    worker (django-tasks-db's) in this process until no task is due, and returns how many ran.
    Needs a transactional test (`django_db(transaction=True)`): the worker manages its own
    transactions and connections."""
    from django_tasks_db.management.commands.db_worker import Worker

    settings.TASKS = DATABASE_TASKS

    class Queue:
        @staticmethod
        def run() -> int:
            worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
                            startup_delay=False, max_tasks=None, worker_id="test-worker", excluded_queue_names=[])
            worker.run()
            return worker._run_tasks

    return Queue()


@pytest.fixture(autouse=True)
def no_shared_cache(settings):
    """Nothing is cached across requests in tests (a test's writes do not commit, so they move
    no version on); tests/essaimage/test_versioned_cache.py and
    tests/innovations/test_catalogue_cache.py switch the cache on (`real_cache`) and commit."""
    from essaimage import versioned_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.VERSIONED_CACHE_LOCAL_ENTRIES = 0
    versioned_cache.forget_local()


@pytest.fixture
def real_cache(settings):
    """The cache on, as in production (shared backend + each process's copies of versioned values),
    empty at the start of the test."""
    from django.core.cache import cache

    from essaimage import versioned_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests"}}
    settings.VERSIONED_CACHE_LOCAL_ENTRIES = 512
    versioned_cache.forget_local()
    cache.clear()
    yield cache
    cache.clear()
    versioned_cache.forget_local()
