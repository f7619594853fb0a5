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


def test_a_single_filter_reuses_the_cached_counts_of_the_whole_catalogue(client, settings, themes):
    settings.CATALOGUE_FACET_CACHE_SECONDS = 600
    InnovationFactory(themes=[themes["sante"]])
    InnovationFactory(themes=[themes["emploi"]])
    url = reverse("innovations:list")
    _, whole_catalogue = facet_totals(client, url)  # counts of the whole catalogue, now cached
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"theme": "sante"})
    # Only the filtered counts are computed: the theme facet's own counts come from the cache.
    assert sum("unnest" in q["sql"] for q in ctx.captured_queries) == 1
    theme_counts = {slug: count for slug, _, count, _ in response.context["facets"]["theme"]}
    assert theme_counts["sante"] == 1 and theme_counts["emploi"] == 1
    assert response.context["page"].paginator.count == 1
