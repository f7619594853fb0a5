"""The « Contacter » links on an innovation page cost no query per declaration."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), response.content.decode()


@pytest.mark.parametrize("viewer", ["outsider", "owner"])
def test_innovation_page_queries_do_not_grow_with_declarations(client_for, viewer):
    counts = []
    for n in (1, 4):
        owner = UserFactory()
        innovation = InnovationFactory(created_by=owner)
        replications = [ReplicationFactory(innovation=innovation) for _ in range(n)]
        user = owner if viewer == "owner" else UserFactory()
        count, html = queries_for(client_for(user), innovation.get_absolute_url())
        counts.append(count)
        assert all(reverse("contact:declarer", args=[r.pk]) in html for r in replications)
        assert ("Contacter l’équipe" in html) == (viewer == "outsider")
    assert counts[0] == counts[1]
