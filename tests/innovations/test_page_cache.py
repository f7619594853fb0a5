"""An innovation's page as anonymous visitors see it, cached under the catalogue version
(innovations.views `_public_detail`), with the cache on as in production: a committed write shows at once, nothing
of a signed-in person's page reaches anonymous visitors nor the reverse, a page that stopped
being public is a 404 at once, and a cached page runs two queries."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaimage.enums import Role
from innovations import services
from innovations.enums import ModerationAction
from innovations.models import Attachment, BusinessModel
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

# The apps' sections (events presented, grants received, prizes) are rendered at each request, outside
# the cached content; each app first reads, once per catalogue version, the set of innovations it has
# something to show for (innovations.selectors.innovation_ids_with): 3 queries on the first page of a
# version, none after for an innovation with nothing to show.
SECTIONS_QUERIES = 3
CACHED_PAGE_QUERIES = 2  # the catalogue version (the key), the row and its rights
NEW_PAGE_QUERIES = 6 + SECTIONS_QUERIES  # and its attachments, funding, team and declarations (themes: from the labels)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(write):
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    return run


@pytest.fixture
def innovation(committed, themes):
    return committed(lambda: InnovationFactory(title="Navette rurale", themes=[themes["mobilite"]]))


def anonymous_page(client, innovation):
    response = client.get(innovation.get_absolute_url())
    assert response.status_code == 200
    return page_text(response)


def test_a_cached_page_is_served_with_two_queries(client, real_cache, innovation):
    client.get(reverse("innovations:list"))  # the catalogue's labels are read (once per catalogue version)
    with CaptureQueriesContext(connection) as queries:
        first = client.get(innovation.get_absolute_url()).context["public_content"]
    assert len(queries.captured_queries) == NEW_PAGE_QUERIES
    with CaptureQueriesContext(connection) as queries:
        second = client.get(innovation.get_absolute_url()).context["public_content"]
    assert len(queries.captured_queries) == CACHED_PAGE_QUERIES
    assert second == first and "Navette rurale" in second


def test_an_edit_of_the_sheet_shows_at_once(client, real_cache, innovation, committed):
    assert "Navette rurale" in anonymous_page(client, innovation)

    def edit():
        innovation.problem = "Un bourg sans transport le dimanche."
        innovation.save()

    committed(edit)
    assert "Un bourg sans transport le dimanche." in anonymous_page(client, innovation)


def test_a_new_attachment_grid_or_declaration_shows_at_once(client, real_cache, innovation, committed):
    anonymous_page(client, innovation)
    committed(lambda: Attachment.objects.create(
        innovation=innovation, file=ContentFile(b"%PDF-1.4", name="a.pdf"), original_name="budget-2025.pdf",
        content_type="application/pdf", size=8))
    assert "budget-2025.pdf" in anonymous_page(client, innovation)

    committed(lambda: _set_value_proposition(innovation))
    assert "Des trajets partagés à la demande." in anonymous_page(client, innovation)

    committed(lambda: ReplicationFactory(innovation=innovation, organisation__name="Mairie de Bourg-Neuf"))
    assert "Mairie de Bourg-Neuf" in anonymous_page(client, innovation)


def _set_value_proposition(innovation):
    grid = BusinessModel.objects.get(innovation=innovation)
    grid.value_proposition = "Des trajets partagés à la demande."
    grid.save()


def test_a_team_member_renamed_shows_at_once(client, real_cache, innovation, committed):
    owner = innovation.created_by
    assert owner.full_name in anonymous_page(client, innovation)

    def rename():
        owner.first_name, owner.last_name = "Dominique", "Renommée"
        owner.save()

    committed(rename)
    assert "Dominique Renommée" in anonymous_page(client, innovation)


def test_a_page_no_longer_public_is_a_404_at_once(client, real_cache, innovation, committed):
    anonymous_page(client, innovation)
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    committed(lambda: services.innovation_transition(innovation=innovation, action=ModerationAction.ARCHIVE,
                                                     by=moderator))
    assert client.get(innovation.get_absolute_url()).status_code == 404


def test_team_and_agent_parts_never_reach_anonymous_visitors_nor_the_reverse(client, client_for, real_cache,
                                                                             innovation):
    owner = client_for(innovation.created_by)
    agent = client_for(UserFactory(roles=[Role.AGENT]))
    # Signed-in pages first, then the anonymous one, then the signed-in ones again.
    owner_before, agent_before = page_text(owner.get(innovation.get_absolute_url())), page_text(
        agent.get(innovation.get_absolute_url()))
    anonymous = anonymous_page(client, innovation)
    owner_after, agent_after = page_text(owner.get(innovation.get_absolute_url())), page_text(
        agent.get(innovation.get_absolute_url()))
    assert "Modifier la fiche" not in anonymous and "Je souhaite essaimer" not in anonymous
    assert "Suivre" not in anonymous
    assert "Se connecter pour essaimer cette innovation" in anonymous
    for owner_page in (owner_before, owner_after):
        assert "Modifier la fiche" in owner_page and "Se connecter pour essaimer" not in owner_page
    for agent_page in (agent_before, agent_after):
        assert "Je souhaite essaimer cette innovation" in agent_page and "Se connecter pour essaimer" not in agent_page
        assert "Modifier la fiche" not in agent_page


def test_the_cached_content_holds_no_token_nor_nonce(client, real_cache, innovation):
    first = client.get(innovation.get_absolute_url())
    second = client.get(innovation.get_absolute_url())
    content = second.context["public_content"]
    assert "csrfmiddlewaretoken" not in content and "nonce" not in content
    # The page around it is rendered each time: a fresh nonce per response.
    assert first.headers["Content-Security-Policy"] != second.headers["Content-Security-Policy"]


def test_a_drafts_attachment_or_team_leaves_the_catalogue_version_alone(committed):
    """Only writes to published innovations move the version on (each move rebuilds every
    process's facet index)."""
    from innovations.catalogue_version import current_version
    from innovations.enums import Status

    draft = committed(lambda: InnovationFactory(status=Status.DRAFT, published_at=None))
    before = current_version()
    committed(lambda: Attachment.objects.create(
        innovation=draft, file=ContentFile(b"%PDF-1.4", name="a.pdf"), original_name="brouillon.pdf",
        content_type="application/pdf", size=8))
    committed(lambda: draft.created_by.__class__.objects.get(pk=draft.created_by_id).save())
    assert current_version() == before
