import threading

import pytest
from django.db import connection

from essaimage import throttle
from essaimage.models import RateCounter
from datetime import UTC


@pytest.mark.django_db
def test_throttle_counts_per_scope_and_key_and_hashes_keys():
    assert [throttle.hit(scope="login", key="a@x.fr", window_seconds=10**9) for _ in range(3)] == [1, 2, 3]
    assert throttle.hit(scope="login", key="b@x.fr", window_seconds=10**9) == 1
    assert throttle.hit(scope="reset", key="a@x.fr", window_seconds=10**9) == 1
    assert throttle.current(scope="login", key="a@x.fr", window_seconds=10**9) == 3
    assert not RateCounter.objects.filter(key_digest__contains="@").exists()
    assert throttle.allow(scope="login", key="a@x.fr", limit=4, window_seconds=10**9)
    assert not throttle.allow(scope="login", key="a@x.fr", limit=4, window_seconds=10**9)
    throttle.reset(scope="login", key="a@x.fr")
    assert throttle.current(scope="login", key="a@x.fr", window_seconds=10**9) == 0


@pytest.mark.django_db(transaction=True)
def test_throttle_parallel_hits_are_all_counted():
    allowed = []
    barrier = threading.Barrier(12)

    def guess():
        barrier.wait()
        try:
            allowed.append(throttle.allow(scope="race", key="k", limit=5, window_seconds=10**9))
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(allowed) == [False] * 7 + [True] * 5
    assert throttle.current(scope="race", key="k", window_seconds=10**9) == 12


@pytest.mark.django_db
def test_counters_of_windows_long_gone_are_purged_by_the_counting_itself(monkeypatch):
    from datetime import datetime, timedelta

    old = RateCounter.objects.create(scope="login", key_digest="x" * 64, count=3,
                                     window_start=datetime.now(tz=UTC) - timedelta(days=3))
    monkeypatch.setattr(throttle, "PURGE_EVERY", 1)  # purge at every hit
    throttle.hit(scope="login", key="a@x.fr", window_seconds=3600)
    assert not RateCounter.objects.filter(pk=old.pk).exists()
    assert throttle.current(scope="login", key="a@x.fr", window_seconds=3600) == 1
