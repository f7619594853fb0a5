"""The « Contacter » links on an innovation page cost no query per declaration."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


# Queries of the innovation page with its « Contacter » links, the same for 1 declaration and for 4.
# The owner also gets the sponsors' suggestions (2 queries when no sponsor fits, sponsors/matching.py);
# everyone, the events where the innovation was presented (1 query, sponsors/events) and the grants
# section (grants received; to the team, the open calls); each app first reads the set of innovations it
# has something to show for, kept per catalogue version in production (+ 1: that version).
PAGE_QUERIES = {"outsider": 14, "owner": 19}  # with the header bell, « Suivre » and the prizes (evaluations)


@pytest.mark.parametrize("viewer", ["outsider", "owner"])
def test_innovation_page_queries_do_not_grow_with_declarations(client_for, viewer, django_assert_num_queries):
    for n in (1, 4):
        owner = UserFactory()
        innovation = InnovationFactory(created_by=owner)
        replications = [ReplicationFactory(innovation=innovation) for _ in range(n)]
        client = client_for(owner if viewer == "owner" else UserFactory())
        client.get(innovation.get_absolute_url())  # warm caches (session, content types)
        with django_assert_num_queries(PAGE_QUERIES[viewer]):
            html = client.get(innovation.get_absolute_url()).content.decode()
        assert all(reverse("contact:declarer", args=[r.pk]) in html for r in replications)
        assert ("Contacter l’équipe" in html) == (viewer == "outsider")
