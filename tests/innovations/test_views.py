import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innovations import services
from innovations.enums import Status
from innovations.models import Attachment, Innovation, Replication
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.innovations.helpers import form_data, make_published
from tests.text import page_text

pytestmark = pytest.mark.django_db


def test_agent_saves_a_draft_then_submits(client_for, agent, themes, lille):
    client = client_for(agent)
    response = client.post(reverse("innovations:create"), form_data(themes=[themes["numerique"].pk]))
    innovation = Innovation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("innovations:update", args=[innovation.slug])
    assert innovation.status == Status.DRAFT and innovation.territory == lille
    funding = innovation.business_model.funding_sources.values_list("label", "share")
    assert list(funding) == [("Commune", 70), ("État", 30)]
    response = client.post(reverse("innovations:update", args=[innovation.slug]),
                           form_data(themes=[themes["numerique"].pk], action="submit"))
    assert response["Location"] == innovation.get_absolute_url()
    assert Innovation.objects.get().status == Status.SUBMITTED


def test_submit_with_missing_parts_keeps_the_draft_and_says_what_is_missing(client_for, agent, themes, lille):
    client = client_for(agent)
    response = client.post(reverse("innovations:create"), form_data(summary="", action="submit"), follow=True)
    innovation = Innovation.objects.get()
    assert innovation.status == Status.DRAFT and innovation.title == "Tiers-lieux numériques en milieu rural"
    html = page_text(response)
    assert "Pour soumettre, complétez : le résumé, au moins un thème." in html
    assert "Votre brouillon est enregistré." in html


def test_invalid_form_keeps_everything_typed_and_saves_nothing(client_for, agent, themes, lille):
    data = form_data(themes=[themes["sante"].pk], **{"funding-1-share": "20", "links": "pas une adresse",
                                                     "summary": "x" * 501})
    response = client_for(agent).post(reverse("innovations:create"), data)
    html = page_text(response)
    assert response.status_code == 200 and not Innovation.objects.exists()
    assert "n&#x27;est pas une adresse web valide" in html
    assert "au plus 500 caractères" in html
    assert 'value="Tiers-lieux numériques en milieu rural"' in html
    assert "Un accompagnement humain." in html and 'value="Commune"' in html
    assert re.search(rf'<input type="checkbox" name="themes" value="{themes["sante"].pk}"[^>]* checked>', html)


def test_unknown_coauthor_is_explained(client_for, agent, lille):
    response = client_for(agent).post(reverse("innovations:create"), form_data(coauthors="inconnu@exemple.fr"))
    assert "Aucun compte n&#x27;existe pour : inconnu@exemple.fr" in page_text(response)


def test_double_posting_the_create_form_creates_one_innovation(client_for, agent, lille):
    client = client_for(agent)
    token = "0b5cf3a4-8f7e-4d3c-9a51-2f0f6f1e2d11"
    first = client.post(reverse("innovations:create"), form_data(form_token=token))
    second = client.post(reverse("innovations:create"), form_data(form_token=token, summary="Deuxième envoi."))
    assert Innovation.objects.count() == 1 and first["Location"] == second["Location"]
    assert Innovation.objects.get().summary == "Deuxième envoi."
    # A new form (new token) creates a second innovation, with its own slug.
    client.post(reverse("innovations:create"), form_data(form_token="1b5cf3a4-8f7e-4d3c-9a51-2f0f6f1e2d11"))
    slugs = sorted(Innovation.objects.values_list("slug", flat=True))
    assert slugs == ["tiers-lieux-numeriques-en-milieu-rural", "tiers-lieux-numeriques-en-milieu-rural-2"]


def test_replication_double_post_creates_one_declaration(client_for, other_agent, lille):
    innovation = InnovationFactory()
    data = {"organisation_name": "Mairie de Lille", "organisation_kind": "collectivite", "organisation_siret": "",
            "territory": "Lille (59350)", "scaling_mode": "diffusion", "status": "interesse", "adaptations": ""}
    client = client_for(other_agent)
    first = client.post(reverse("innovations:replicate", args=[innovation.slug]), data)
    second = client.post(reverse("innovations:replicate", args=[innovation.slug]), data)
    assert first.status_code == 302
    # The second post lands on the update form of the declaration the first one made.
    assert second.status_code == 302
    assert second["Location"] == reverse("innovations:replication_update", args=[Replication.objects.get().pk])
    assert "déjà déclaré" in client.get(second["Location"]).content.decode()
    assert Replication.objects.count() == 1


def test_moderator_publishes_from_the_page(client_for, moderator, agent):
    innovation = InnovationFactory(status=Status.SUBMITTED, created_by=agent)
    client = client_for(moderator)
    response = client.post(reverse("innovations:moderate", args=[innovation.slug]), {"action": "publish"})
    assert response.status_code == 302
    assert Innovation.objects.get().status == Status.PUBLISHED
    queue = page_text(client.get(response["Location"]))
    assert f"La fiche « {innovation.title} » est publiée" in queue


def test_request_changes_without_message_keeps_the_state_and_explains(client_for, moderator):
    innovation = InnovationFactory(status=Status.SUBMITTED)
    response = client_for(moderator).post(reverse("innovations:moderate", args=[innovation.slug]),
                                          {"action": "request_changes", "message": ""})
    assert response.status_code == 400
    assert "Expliquez à l&#x27;équipe" in response.content.decode()
    assert Innovation.objects.get().status == Status.SUBMITTED


def test_attachments_are_checked_on_content_and_served_as_download(client_for, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    client = client_for(agent)
    fake = SimpleUploadedFile("rapport.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = client.post(reverse("innovations:attachment_add", args=[innovation.slug]), {"file": fake}, follow=True)
    assert "ni un PDF ni une image" in response.content.decode()
    assert not Attachment.objects.exists()
    pdf = SimpleUploadedFile("bilan <b>2025</b>.pdf", b"%PDF-1.4\n%fake but signed\n", content_type="text/plain")
    client.post(reverse("innovations:attachment_add", args=[innovation.slug]), {"file": pdf})
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"
    response = client.get(reverse("innovations:attachment", args=[innovation.slug, attachment.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_attachment_over_10_mb_is_refused(client_for, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    big = SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    response = client_for(agent).post(reverse("innovations:attachment_add", args=[innovation.slug]), {"file": big},
                                      follow=True)
    assert "dépasse 10\u00a0Mo" in response.content.decode()
    assert not Attachment.objects.exists()


def test_my_innovations_lists_team_innovations_and_received_replications(client_for, agent):
    innovation = InnovationFactory(created_by=agent, title="Budget participatif des collégiens")
    ReplicationFactory(innovation=innovation, adaptations="Étendu aux lycées.")
    InnovationFactory(title="Innovation d'un autre agent")
    html = client_for(agent).get(reverse("innovations:mine")).content.decode()
    assert "Budget participatif des collégiens" in html and "Étendu aux lycées." in html
    assert "Innovation d&#x27;un autre agent" not in html


def test_moderation_queue_shows_counts_and_waiting_time(client_for, moderator):
    from datetime import timedelta

    from django.utils import timezone

    InnovationFactory(status=Status.SUBMITTED, submitted_at=timezone.now() - timedelta(days=3), title="Attend 3 jours")
    InnovationFactory(status=Status.PUBLISHED)
    response = client_for(moderator).get(reverse("innovations:moderation"))
    html = response.content.decode()
    assert response.context["counts"]["submitted"] == 1 and response.context["counts"]["published"] == 1
    assert "Attend 3 jours" in html and "3 jours" in html


# --- Query counts: list pages do not grow with the number of items --------------------------
# Each page runs the same number of queries for 1 item and for 6 (pinned here).

CATALOGUE = reverse("innovations:list")
CATALOGUE_QUERIES = {CATALOGUE: 6, CATALOGUE + "?q=innovation&stage=eprouvee": 11,
                     CATALOGUE + "?tri=essaimees&replicated=oui": 6}
MODERATION_QUEUE_QUERIES = 7  # with the header bell (one query)
MY_INNOVATIONS_QUERIES = 8  # with the header bell; replications are read twice (see the lead)
DETAIL_QUERIES = 7  # with the prizes block (evaluations: innovation_sections)


@pytest.mark.parametrize("url", list(CATALOGUE_QUERIES))
def test_catalogue_query_count_is_constant(client, themes, url, django_assert_num_queries):
    for count in (1, 5):
        make_published(count, themes)
        with django_assert_num_queries(CATALOGUE_QUERIES[url]):
            assert client.get(url).status_code == 200


def test_moderation_queue_query_count_is_constant(client_for, moderator, django_assert_num_queries):
    client = client_for(moderator)
    for count, waiting in ((1, 1), (5, 6)):
        InnovationFactory.create_batch(count, status=Status.SUBMITTED)
        with django_assert_num_queries(MODERATION_QUEUE_QUERIES):
            response = client.get(reverse("innovations:moderation"))
        assert len(response.context["page"].object_list) == waiting


def test_my_innovations_query_count_is_constant(client_for, agent, themes, django_assert_num_queries):
    client = client_for(agent)
    for count, mine in ((1, 1), (5, 6)):
        make_published(count, themes, agent)
        with django_assert_num_queries(MY_INNOVATIONS_QUERIES):
            assert len(client.get(reverse("innovations:mine")).context["innovations"]) == mine


def test_detail_query_count_does_not_grow_with_replications(client, themes, django_assert_num_queries):
    innovation = InnovationFactory(themes=[themes["sante"]])
    for count, declared in ((1, 1), (5, 6)):
        ReplicationFactory.create_batch(count, innovation=innovation)
        with django_assert_num_queries(DETAIL_QUERIES):
            response = client.get(innovation.get_absolute_url())
        assert len(response.context["innovation"].replications.all()) == declared


def test_home_shows_catalogue_figures_and_latest_published(client):
    InnovationFactory(title="Navette solidaire publiée")
    InnovationFactory(title="Brouillon caché", status=Status.DRAFT)
    ReplicationFactory(innovation=InnovationFactory(title="Essaimée"))
    response = client.get(reverse("home"))
    figures = {figure.key: figure.value for figure in response.context["figures"]}  # each app's (essaimage.hooks)
    assert (figures["published"], figures["replications"], figures["territories_reached"]) == (2, 1, 1)
    html = response.content.decode()
    assert "Navette solidaire publiée" in html and "Brouillon caché" not in html


def test_saving_an_archived_innovation_explains_instead_of_crashing(client_for, agent):
    territory_tree()
    innovation = InnovationFactory(created_by=agent, status=Status.ARCHIVED)
    token = "2b5cf3a4-8f7e-4d3c-9a51-2f0f6f1e2d11"
    Innovation.objects.filter(pk=innovation.pk).update(creation_token=token)
    response = client_for(agent).post(reverse("innovations:create"), form_data(form_token=token))
    assert response.status_code == 409
    assert "archivée ne se modifie plus" in response.content.decode()


def test_two_agents_of_one_organisation_may_each_declare(client_for):
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
    taken = InnovationFactory(title="Navette solidaire", slug="navette-solidaire")
    real = services._unique_slug
    answers = iter(["navette-solidaire"])  # what the other creation saw before the first committed
    monkeypatch.setattr(services, "_unique_slug", lambda title: next(answers, None) or real(title))
    response = client_for(agent).post(reverse("innovations:create"), form_data(title="Navette solidaire"))
    assert response.status_code == 302
    created = Innovation.objects.exclude(pk=taken.pk).get(title="Navette solidaire")
    assert created.slug == "navette-solidaire-2"
