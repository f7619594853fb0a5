"""A GET reads each version once; a write (or a version moved on during the GET) reads afresh."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from essaimage.request_memo import RequestMemoMiddleware, forget, remembered
from innovations import catalogue_version

pytestmark = pytest.mark.django_db


def reads_of_the_version(method: str) -> int:
    def view(request):
        for _ in range(3):
            catalogue_version.current_version()
        return None

    with CaptureQueriesContext(connection) as queries:
        RequestMemoMiddleware(view)(getattr(RequestFactory(), method)("/"))
    return sum("catalogue_version" in query["sql"] for query in queries.captured_queries)


def test_a_get_reads_the_catalogue_version_once_a_post_each_time():
    assert reads_of_the_version("get") == 1
    assert reads_of_the_version("post") == 3


def test_outside_a_request_nothing_is_remembered_and_a_bump_is_seen_at_once():
    calls = []
    assert remembered("k", lambda: calls.append(1) or len(calls)) == 1
    assert remembered("k", lambda: calls.append(1) or len(calls)) == 2

    def view(request):
        first = remembered("k", lambda: "avant")
        forget("k")  # what a bump does once its write commits
        return first, remembered("k", lambda: "après")

    assert RequestMemoMiddleware(view)(RequestFactory().get("/")) == ("avant", "après")
