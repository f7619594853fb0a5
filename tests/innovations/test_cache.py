import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innovations import services
from innovations.enums import Status
from tests.factories import UserFactory
from essaimage.enums import Role
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def facet_totals(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response.context["page"].paginator.count, len(ctx.captured_queries)


def test_facet_counts_are_cached_until_the_catalogue_changes(client, settings, django_capture_on_commit_callbacks):
    settings.CATALOGUE_FACET_CACHE_SECONDS = 600
    InnovationFactory(title="Première innovation publiée")
    url = reverse("innovations:list")
    with django_capture_on_commit_callbacks(execute=True):
        pending = InnovationFactory(status=Status.SUBMITTED)
    total, cold_queries = facet_totals(client, url)
    assert total == 1
    total, warm_queries = facet_totals(client, url)
    assert total == 1 and warm_queries == cold_queries - 2  # the two counting statements are skipped
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=pending, action="publish", by=moderator)
    total, queries = facet_totals(client, url)
    assert total == 2 and queries == cold_queries  # new catalogue version: counted afresh
