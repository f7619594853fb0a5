"""grants.selectors: the home page's open calls are cached until a call is written or the next
opening or closing; the median time to a decision."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from grants import selectors, services
from grants.models import Application
from tests.factories.grants import ApplicationFactory, CallFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


def grants_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        text = page_text(client.get(reverse("home")))
    return [q["sql"] for q in ctx.captured_queries if "grants_" in q["sql"]], text


def test_the_warm_home_page_reads_nothing_of_grants(client, real_cache, call, instructeur,
                                                    django_capture_on_commit_callbacks):
    first, text = grants_queries(client)
    assert first and call.title in text
    warm, _ = grants_queries(client)
    assert warm == []
    # A new call shows at once (the generation moves on when the write commits).
    with django_capture_on_commit_callbacks(execute=True):
        services.call_save(call=None, programme=call.programme, by=instructeur, data={
            "title": "Appel tout neuf", "opens_at": timezone.now() - datetime.timedelta(hours=1),
            "closes_at": timezone.now() + datetime.timedelta(days=3), "envelope": Decimal("1000"),
            "min_amount": Decimal("0"), "max_amount": Decimal("1000")})
    _, text = grants_queries(client)
    assert "Appel tout neuf" in text


def test_the_cached_open_calls_expire_at_the_next_closing(real_cache, programme):
    now = timezone.now()
    closing = now + datetime.timedelta(minutes=5)
    CallFactory(programme=programme, title="Bientôt clos", closes_at=closing)
    assert [c.title for c in selectors.home_calls(now)["calls"]] == ["Bientôt clos"]
    assert selectors.home_calls(now)["valid_until"] == closing
    assert selectors.home_calls(closing)["calls"] == []


def test_median_days_to_a_decision(call):
    start = timezone.now() - datetime.timedelta(days=40)
    for days in (10, 20, 60):
        application = ApplicationFactory(call=call)
        Application.objects.filter(pk=application.pk).update(
            status="refused", reference=f"ESS-2026-{application.pk:06d}", submitted_at=start,
            decided_at=start + datetime.timedelta(days=days))
    assert selectors.median_decision_days(call) == 20
    assert selectors.median_decision_days(CallFactory()) is None
