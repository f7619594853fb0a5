"""Regressions found in review: each test would fail on the code before its fix."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from innovations import catalogue_version
from innovations.enums import Status
from innovations.search import matching_ids
from innovations.models import Attachment, Innovation, TeamMember
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.innovations.test_views import form_data
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_a_coauthor_saving_the_form_stays_in_the_team(client_for, agent, other_agent):
    territory_tree()
    innovation = InnovationFactory(created_by=agent, team=[other_agent], status=Status.DRAFT)
    response = client_for(other_agent).post(reverse("innovations:update", args=[innovation.slug]),
                                            form_data(coauthors=other_agent.email))
    assert response.status_code == 302
    assert TeamMember.objects.filter(innovation=innovation, user=other_agent).exists()


def test_a_nul_byte_in_a_territory_is_harmless(client, agent, client_for):
    assert client.get(reverse("territory_suggestions"), {"q": "Li\x00lle"}).status_code == 200
    response = client_for(agent).post(reverse("innovations:create"), form_data(territory="Li\x00lle"))
    assert response.status_code == 200 and "Aucun territoire" in response.content.decode()


def test_saving_an_archived_innovation_explains_instead_of_crashing(client_for, agent):
    territory_tree()
    innovation = InnovationFactory(created_by=agent, status=Status.ARCHIVED)
    token = "2b5cf3a4-8f7e-4d3c-9a51-2f0f6f1e2d11"
    Innovation.objects.filter(pk=innovation.pk).update(creation_token=token)
    response = client_for(agent).post(reverse("innovations:create"), form_data(form_token=token))
    assert response.status_code == 409
    assert "archivée ne se modifie plus" in response.content.decode()


def test_search_made_only_of_syntax_or_short_words_finds_nothing_rather_than_everything():
    InnovationFactory(title="Maison de santé itinérante")
    assert matching_ids(Innovation.objects.all(), '"" - ***', ["pk"]) == []
    assert matching_ids(Innovation.objects.all(), "du au", ["pk"]) == []  # stop words, then too short for typos


def test_an_outdated_filter_value_is_ignored_with_a_notice(client):
    InnovationFactory(title="Toujours visible")
    response = client.get(reverse("innovations:list"), {"region": "zz", "theme": "theme-renomme"})
    html = response.content.decode()
    assert "Toujours visible" in html
    assert "ont été ignorés" in html and "Région" in html
    assert response.context["active_filters"] == 0  # ignored filters are not counted as active
    response = client.get(reverse("innovations:list"), {"stage": "eprouvee", "replicated": "non", "theme": "x"})
    assert response.context["active_filters"] == 2 and "2 filtres actifs" in page_text(response)


def test_stored_attachment_name_follows_its_checked_content(client_for, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    upload = SimpleUploadedFile("page.html", b"%PDF-1.4 <script>alert(1)</script>", content_type="text/html")
    client_for(agent).post(reverse("innovations:attachment_add", args=[innovation.slug]), {"file": upload})
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith(".pdf") and attachment.original_name == "page.pdf"  # issue 8 point 15


def test_a_title_with_line_breaks_is_kept_on_one_line(client_for, agent):
    territory_tree()
    client_for(agent).post(reverse("innovations:create"), form_data(title="Titre\nBcc: x@exemple.fr"))
    assert Innovation.objects.get().title == "Titre Bcc: x@exemple.fr"


def test_a_replication_of_an_archived_innovation_is_no_longer_editable(client_for, other_agent):
    replication = ReplicationFactory(declared_by=other_agent, innovation=InnovationFactory(status=Status.ARCHIVED))
    url = reverse("innovations:replication_update", args=[replication.pk])
    assert client_for(other_agent).get(url).status_code == 404
    # Nor offered: the dashboard shows no edit link for it, only for the one still editable.
    editable = ReplicationFactory(declared_by=other_agent)
    page = client_for(other_agent).get(reverse("innovations:mine")).content.decode()
    assert url not in page
    assert reverse("innovations:replication_update", args=[editable.pk]) in page


def test_deleting_a_replication_recounts_its_innovation():
    replication = ReplicationFactory()
    from innovations.services import refresh_replication_count

    refresh_replication_count(replication.innovation_id)
    assert Innovation.objects.get().replication_count == 1
    replication.delete()
    assert Innovation.objects.get().replication_count == 0


def test_the_first_change_after_install_moves_the_catalogue_version(django_capture_on_commit_callbacks):
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER SEQUENCE {catalogue_version.SEQUENCE} RESTART")
    before = catalogue_version.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        catalogue_version.bump_version()
    assert catalogue_version.current_version() != before


def test_two_agents_of_one_organisation_may_each_declare(client_for):
    from innovations.models import Replication

    lille = territory_tree()
    first, second = UserFactory(), UserFactory()
    second.organisation = first.organisation
    second.save()
    innovation = InnovationFactory()
    data = {"organisation_name": first.organisation.name, "organisation_kind": first.organisation.kind,
            "organisation_siret": "", "territory": lille.label, "scaling_mode": "diffusion", "status": "interesse",
            "adaptations": ""}
    for user in (first, second):
        assert client_for(user).post(reverse("innovations:replicate", args=[innovation.slug]), data).status_code == 302
    assert Replication.objects.count() == 2


def test_a_slug_taken_at_the_same_instant_gets_the_next_one(client_for, agent, monkeypatch):
    """Two agents creating innovations of the same title at once: the second takes `…-2`, no 500."""
    territory_tree()
    from innovations import services

    taken = InnovationFactory(title="Navette solidaire", slug="navette-solidaire")
    real = services._unique_slug
    answers = iter(["navette-solidaire"])  # what the other creation saw before the first committed
    monkeypatch.setattr(services, "_unique_slug", lambda title: next(answers, None) or real(title))
    response = client_for(agent).post(reverse("innovations:create"), form_data(title="Navette solidaire"))
    assert response.status_code == 302
    created = Innovation.objects.exclude(pk=taken.pk).get(title="Navette solidaire")
    assert created.slug == "navette-solidaire-2"
