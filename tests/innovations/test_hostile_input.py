"""Hostile or unlucky input on the catalogue: never a 500, never a lost text, never a slow worker
(issue 7 points 4–5, issue 8 points 9, 12, 13 and 15)."""

import time
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaimage.fields import TERRITORY_INPUT_MAX_LENGTH, TerritoryField, parse_label
from essaimage.models import LONG_TEXT_MAX_LENGTH, MEDIUM_TEXT_MAX_LENGTH, Organisation
from essaimage.uploads import safe_filename
from innovations.enums import Status
from innovations.models import Attachment, BusinessModel, Innovation
from tests.factories import OrganisationFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory
from tests.innovations.helpers import form_data

pytestmark = pytest.mark.django_db

LILLE_SIRET = "21590350100017"


def words(count_chars: int) -> str:
    """French-looking words, every one different (the worst case for a tsvector)."""
    parts, size, index = [], 0, 0
    while size < count_chars:
        word = f"mot{index:x}"
        parts.append(word)
        size += len(word) + 1
        index += 1
    return " ".join(parts)[:count_chars]


# --- SIRET on a draft (issue 7, points 4 and 5) ---------------------------------------------

def test_a_draft_with_a_spaced_siret_is_saved_with_its_digits(client_for, agent, lille):
    response = client_for(agent).post(reverse("innovations:create"),
                                      form_data(organisation_siret="215 903 501 00017"))
    assert response.status_code == 302
    assert Innovation.objects.get().organisation.siret == LILLE_SIRET


def test_a_draft_with_an_invalid_siret_saves_the_rest_and_shows_the_error_with_the_typed_value(
        client_for, agent, lille):
    token = str(uuid.uuid4())
    response = client_for(agent).post(reverse("innovations:create"), form_data(
        organisation_siret="215 903 501 00018", problem="Texte gardé.", form_token=token))
    html = response.content.decode()
    assert response.status_code == 200
    innovation = Innovation.objects.get()
    assert innovation.problem == "Texte gardé." and innovation.organisation.name == "Mairie de Lille"
    assert innovation.organisation.siret == ""
    assert "clé de contrôle incorrecte" in html and 'value="215 903 501 00018"' in html
    assert "Votre fiche est enregistrée, sauf le SIRET de l’organisation" in html
    # Posting the same form again (same token) updates this draft rather than making another one.
    assert f'value="{token}"' in html  # the page keeps its creation token
    client_for(agent).post(reverse("innovations:create"),
                           form_data(organisation_siret=LILLE_SIRET, problem="Texte gardé.", form_token=token))
    assert Innovation.objects.count() == 1
    assert Innovation.objects.get().organisation.siret == LILLE_SIRET


def test_a_siret_typed_for_an_existing_organisation_on_the_innovation_form_is_kept(client_for, agent, lille):
    existing = OrganisationFactory(name="Mairie de Lille", kind="collectivite", siret="")
    response = client_for(agent).post(reverse("innovations:create"), form_data(organisation_siret=LILLE_SIRET))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.siret == LILLE_SIRET and Innovation.objects.get().organisation == existing
    page = client_for(agent).get(response["Location"]).content.decode()
    assert f'value="{LILLE_SIRET}"' in page


def test_a_siret_of_another_organisation_on_a_draft_is_refused_with_a_message(client_for, agent, lille):
    OrganisationFactory(name="Mairie de Roubaix", kind="collectivite", siret=LILLE_SIRET)
    response = client_for(agent).post(reverse("innovations:create"), form_data(organisation_siret=LILLE_SIRET))
    html = response.content.decode()
    assert response.status_code == 200 and "Ce SIRET est celui de «\u00a0Mairie de Roubaix\u00a0»" in html
    assert Innovation.objects.get().organisation.name == "Mairie de Lille"
    assert Organisation.objects.get(name="Mairie de Lille").siret == ""


# --- Creation tokens (issue 8, point 9) ------------------------------------------------------

def test_another_users_creation_token_gets_a_4xx_with_a_french_message(client_for, agent, other_agent, lille):
    token = str(uuid.uuid4())
    assert client_for(agent).post(reverse("innovations:create"), form_data(form_token=token)).status_code == 302
    mine = Innovation.objects.get()
    response = client_for(other_agent).post(reverse("innovations:create"),
                                            form_data(form_token=token, title="Détournement"))
    assert response.status_code == 409
    assert "Ce formulaire de création n’est plus valable" in response.content.decode()
    assert Innovation.objects.count() == 1
    mine.refresh_from_db()
    assert mine.title != "Détournement" and mine.created_by == agent


# --- Text maxima and the search document (issue 8, point 12) ---------------------------------

def test_a_megabyte_of_words_in_problem_is_a_form_error_that_keeps_the_rest(client_for, agent, lille):
    response = client_for(agent).post(reverse("innovations:create"),
                                      form_data(problem=words(1_000_000), solution="Solution gardée."))
    assert response.status_code == 200
    assert Innovation.objects.count() == 0
    form = response.context["form"]
    assert "problem" in form.errors and f"au plus {LONG_TEXT_MAX_LENGTH}" in " ".join(form.errors["problem"])
    assert "Solution gardée." in response.content.decode()


@pytest.mark.parametrize("field", ["adaptations"])
def test_replication_text_has_a_maximum(client_for, other_agent, lille, field):
    innovation = InnovationFactory()
    data = {"organisation_name": "Mairie de Lille", "organisation_kind": "collectivite", "organisation_siret": "",
            "territory": "Lille (59350)", "scaling_mode": "diffusion", "status": "interesse",
            field: "x" * (MEDIUM_TEXT_MAX_LENGTH + 1)}
    response = client_for(other_agent).post(reverse("innovations:replicate", args=[innovation.slug]), data)
    assert response.status_code == 200 and field in response.context["form"].errors


def test_the_moderation_message_has_a_maximum(client_for, moderator):
    innovation = InnovationFactory(status=Status.SUBMITTED)
    client_for(moderator).post(reverse("innovations:moderate", args=[innovation.slug]),
                               {"action": "request_changes", "message": "x" * 10_000})
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED


def test_every_field_at_its_maximum_makes_a_search_document(agent):
    """The largest accepted sheet, every word different, indexes without « string is too long
    for tsvector »; so does a megabyte written past the forms (cut in the trigger)."""
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    long_text = {name: words(LONG_TEXT_MAX_LENGTH) for name in ["problem", "solution", "results", "evidence", "costs"]}
    Innovation.objects.filter(pk=innovation.pk).update(
        title=words(160), summary=words(500), public_concerned=words(MEDIUM_TEXT_MAX_LENGTH),
        search_extra=words(2_000), **long_text)
    Innovation.objects.filter(pk=innovation.pk).update(problem=words(1_000_000), solution=words(1_000_000))
    assert Innovation.objects.filter(pk=innovation.pk, search_vector__isnull=False).exists()


# --- Territory input (issue 8, point 13) ------------------------------------------------------

def test_territory_label_parsing_is_linear_on_hostile_input():
    hostile = "(" * 32_000 + ")"
    started = time.perf_counter()
    for _ in range(10):
        parse_label(hostile)
        parse_label("a" + "(" * 32_000)
    assert time.perf_counter() - started < 0.5  # the old regular expression took minutes
    assert parse_label("Lille (59350)") == ("Lille", "59350")
    assert parse_label("Nord (59, département)") == ("Nord", "59, département")
    assert parse_label("Lille") is None


@pytest.mark.parametrize("value", ["(" * 32_000, "Lille " * 200_000])
def test_an_over_long_territory_is_refused_without_any_query(value, django_assert_num_queries):
    field = TerritoryField(required=False)
    with django_assert_num_queries(0):
        started = time.perf_counter()
        with pytest.raises(Exception, match="au plus"):
            field.clean(value)
        elapsed = time.perf_counter() - started
    assert elapsed < 0.5


def test_the_longest_accepted_territory_answers_fast(lille):
    field = TerritoryField(required=False)
    started = time.perf_counter()
    for value in ["(" * TERRITORY_INPUT_MAX_LENGTH, "Lillee" * (TERRITORY_INPUT_MAX_LENGTH // 6)]:
        with pytest.raises(Exception, match="Aucun territoire"):
            field.clean(value)
    assert time.perf_counter() - started < 1.0


def test_anonymous_signup_with_32000_parentheses_is_a_quick_form_error(client):
    started = time.perf_counter()
    response = client.post(reverse("signup"), {"first_name": "A", "last_name": "B", "email": "a@exemple.gouv.fr",
                                               "territory": "(" * 32_000, "password1": "x", "password2": "x"})
    assert time.perf_counter() - started < 2.0
    assert response.status_code == 200 and "territory" in response.context["form"].errors


def test_suggestions_cut_a_long_query_before_searching(client, lille):
    started = time.perf_counter()
    response = client.get(reverse("territory_suggestions"), {"q": "Lil" + "l" * 1_000_000})
    assert time.perf_counter() - started < 2.0 and response.status_code == 200


# --- Uploads (issue 8, point 15) -------------------------------------------------------------

@pytest.mark.parametrize("sent, content_type, expected", [
    ("rapport.pdf.html", "application/pdf", "rapport.pdf"),
    ("image.png.exe", "image/png", "image.png"),
    ("photo.pdf", "image/jpeg", "photo.jpg"),
    ("vacances.JPEG", "image/jpeg", "vacances.jpg"),
    ("Évaluation finale 2025.pdf", "application/pdf", "evaluation-finale-2025.pdf"),
    ("../../etc/passwd", "application/pdf", "passwd.pdf"),
    ('"><script>.pdf', "application/pdf", "script.pdf"),
    (".pdf", "application/pdf", "pdf.pdf"),
    ("", "image/gif", "document.gif"),
])
def test_safe_filename_takes_the_detected_types_extension(sent, content_type, expected):
    assert safe_filename(sent, content_type) == expected


@pytest.mark.parametrize("sent, content, expected_name, expected_type", [
    ("rapport.pdf.html", b"%PDF-1.4 <html><script>alert(1)</script>", "rapport.pdf", "application/pdf"),
    ("image.png.exe", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "image.png", "image/png"),
])
def test_an_upload_is_stored_and_served_under_its_detected_type(client_for, agent, sent, content, expected_name,
                                                               expected_type):
    innovation = InnovationFactory(created_by=agent, status=Status.PUBLISHED)
    client_for(agent).post(reverse("innovations:attachment_add", args=[innovation.slug]),
                           {"file": SimpleUploadedFile(sent, content, content_type="text/html")})
    attachment = Attachment.objects.get()
    assert attachment.original_name == expected_name
    assert attachment.file.name.endswith("." + expected_name.rsplit(".", 1)[1])
    response = client_for(None).get(reverse("innovations:attachment", args=[innovation.slug, attachment.pk]))
    assert response["Content-Type"] == expected_type
    assert f'filename="{expected_name}"' in response["Content-Disposition"]


def test_an_older_attachment_with_the_senders_name_is_served_under_a_safe_name(client_for, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.PUBLISHED)
    attachment = Attachment.objects.create(
        innovation=innovation, file=SimpleUploadedFile("x.pdf", b"%PDF-1.4"), original_name="rapport.pdf.html",
        content_type="application/pdf", size=8, uploaded_by=agent)
    response = client_for(None).get(reverse("innovations:attachment", args=[innovation.slug, attachment.pk]))
    assert 'filename="rapport.pdf"' in response["Content-Disposition"]


def test_business_model_parts_have_a_maximum():
    for name in BusinessModel.TEXT_PARTS:
        assert BusinessModel._meta.get_field(name).max_length == MEDIUM_TEXT_MAX_LENGTH


def test_nobody_else_sees_the_token_protected_innovation(client_for, agent, other_agent, lille):
    """The foreign-token refusal does not leak the other person's draft in its answer."""
    token = str(uuid.uuid4())
    client_for(agent).post(reverse("innovations:create"), form_data(form_token=token, problem="Secret du brouillon."))
    response = client_for(other_agent).post(reverse("innovations:create"), form_data(form_token=token, problem="x"))
    assert "Secret du brouillon." not in response.content.decode()


def test_a_form_post_of_several_megabytes_is_refused_before_any_work(client_for, agent, lille):
    response = client_for(agent).post(reverse("innovations:create"), form_data(problem="mot " * 1_300_000))
    assert response.status_code == 400
    assert Innovation.objects.count() == 0


def test_a_nul_byte_in_a_territory_is_harmless(client, agent, client_for):
    assert client.get(reverse("territory_suggestions"), {"q": "Li\x00lle"}).status_code == 200
    response = client_for(agent).post(reverse("innovations:create"), form_data(territory="Li\x00lle"))
    assert response.status_code == 200 and "Aucun territoire" in response.content.decode()


def test_stored_attachment_name_follows_its_checked_content(client_for, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.DRAFT)
    upload = SimpleUploadedFile("page.html", b"%PDF-1.4 <script>alert(1)</script>", content_type="text/html")
    client_for(agent).post(reverse("innovations:attachment_add", args=[innovation.slug]), {"file": upload})
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith(".pdf") and attachment.original_name == "page.pdf"


def test_a_title_with_line_breaks_is_kept_on_one_line(client_for, agent):
    territory_tree()
    client_for(agent).post(reverse("innovations:create"), form_data(title="Titre\nBcc: x@exemple.fr"))
    assert Innovation.objects.get().title == "Titre Bcc: x@exemple.fr"
