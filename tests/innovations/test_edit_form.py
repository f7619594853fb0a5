"""The edit form: nothing typed is lost, drafts save whatever their state, what submission still
needs is shown and linked, the moderators' request is in view, stale forms are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.text import page_text

from essaimage.services import audit_record
from innovations import services
from innovations.enums import ModerationAction, Status, TeamRole
from innovations.models import Attachment, Innovation, TeamMember
from innovations.templatetags.innovations_tags import attachment_label, file_size
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory
from tests.innovations.helpers import form_data

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def pdf(name="bilan.pdf", size=2000):
    return SimpleUploadedFile(name, b"%PDF-1.7\n" + b"0" * size, content_type="application/pdf")


@pytest.fixture
def sheet(client_for, agent, themes, lille):
    """A draft saved through the form by `agent`."""
    client_for(agent).post(reverse("innovations:create"), form_data(themes=[themes["numerique"].pk]))
    return Innovation.objects.get()


def edit_url(innovation):
    return reverse("innovations:update", args=[innovation.slug])


def opened_form(client, innovation) -> dict:
    """The data of the edit form as a browser would post it back (the version it was opened on)."""
    response = client.get(edit_url(innovation))
    base = response.context["form"]["base_revision"].value()
    return form_data(base_revision=str(base), themes=[t.pk for t in innovation.themes],
                     **{"funding-INITIAL_FORMS": "2"})


# --- Issue 7.4: an upload keeps every other field ---------------------------------------------

def test_a_new_sheet_is_saved_with_its_file_and_everything_typed(client_for, agent, themes, lille):
    data = form_data(links="https://exemple.fr/bilan", action="attach", file=pdf(),
                     description="Bilan 2025 de l’expérimentation")
    client = client_for(agent)
    response = client.post(reverse("innovations:create"), data)
    innovation = Innovation.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(innovation)
    assert innovation.links == "https://exemple.fr/bilan" and innovation.summary.startswith("Des lieux ouverts")
    attachment = Attachment.objects.get(innovation=innovation)
    assert (attachment.original_name, attachment.description) == ("bilan.pdf", "Bilan 2025 de l’expérimentation")
    page = client.get(edit_url(innovation)).content.decode()
    assert f"Pièce jointe «{NBSP}bilan.pdf{NBSP}» ajoutée." in page and f"PDF – 2{NBSP}Ko" in page
    assert "Bilan 2025 de l’expérimentation" in page


def test_adding_a_file_saves_the_links_typed_in_the_same_form(client_for, agent, sheet):
    client = client_for(agent)
    data = opened_form(client, sheet) | {"links": "https://exemple.fr\nhttps://exemple.fr/evaluation",
                                         "problem": "Un problème précisé.", "action": "attach", "file": pdf()}
    assert client.post(edit_url(sheet), data).status_code == 302
    sheet.refresh_from_db()
    assert sheet.links == "https://exemple.fr\nhttps://exemple.fr/evaluation"
    assert sheet.problem == "Un problème précisé." and sheet.attachments.count() == 1


def test_an_upload_with_a_mistake_elsewhere_saves_nothing_and_keeps_the_text(client_for, agent, sheet):
    client = client_for(agent)
    data = opened_form(client, sheet) | {"links": "pas une adresse", "problem": "Texte tapé avec soin.",
                                         "action": "attach", "file": pdf()}
    response = client.post(edit_url(sheet), data)
    html = response.content.decode()
    assert response.status_code == 200 and not Attachment.objects.exists()
    assert "Texte tapé avec soin." in html and "pas une adresse" in html
    assert f"Le fichier choisi n’a pas été joint{NBSP}: choisissez-le à nouveau" in html
    assert Innovation.objects.get().problem == "Fracture numérique."


def test_a_file_that_is_not_a_pdf_or_an_image_is_explained_and_the_text_kept(client_for, agent, sheet):
    client = client_for(agent)
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")
    data = opened_form(client, sheet) | {"problem": "Texte tapé.", "action": "attach", "file": fake}
    html = client.post(edit_url(sheet), data).content.decode()
    assert "ni un PDF ni une image" in html and 'href="#id_file"' in html and "Texte tapé." in html
    assert not Attachment.objects.exists()


def test_a_description_without_a_file_is_explained(client_for, agent, sheet):
    client = client_for(agent)
    html = client.post(edit_url(sheet), opened_form(client, sheet) | {"description": "Bilan"}).content.decode()
    assert "Choisissez le fichier que décrit votre description." in html and 'value="Bilan"' in html


def test_removing_a_file_saves_what_was_typed_too(client_for, agent, sheet):
    client = client_for(agent)
    client.post(edit_url(sheet), opened_form(client, sheet) | {"file": pdf()})
    attachment = Attachment.objects.get()
    data = opened_form(client, sheet) | {"results": "200 personnes accompagnées.",
                                         "remove_attachment": str(attachment.pk)}
    del data["action"]
    assert client.post(edit_url(sheet), data).status_code == 302
    assert not Attachment.objects.exists()
    assert Innovation.objects.get().results == "200 personnes accompagnées."


def test_someone_outside_the_team_cannot_add_or_remove_files(client_for, agent, other_agent, sheet):
    client_for(agent).post(edit_url(sheet), opened_form(client_for(agent), sheet) | {"file": pdf()})
    attachment = Attachment.objects.get()
    intruder = client_for(other_agent)
    assert intruder.post(edit_url(sheet), form_data(file=pdf("autre.pdf"))).status_code == 404
    assert intruder.post(edit_url(sheet), form_data(remove_attachment=str(attachment.pk))).status_code == 404
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["bilan.pdf"]
    assert client_for(None).post(edit_url(sheet), form_data(file=pdf())).status_code == 302  # to log in
    assert Attachment.objects.count() == 1


def test_the_edit_form_is_multipart_with_the_files_before_the_buttons(client_for, agent, sheet):
    html = client_for(agent).get(edit_url(sheet)).content.decode()
    assert 'enctype="multipart/form-data"' in html and "data-unsaved-warning" in html
    start = html.index('id="innovation-form"')
    form = html[start:html.index("</form>", start)]
    assert form.index('id="pieces-jointes"') < form.index('value="submit"')
    assert form.index('name="file"') < form.index("Enregistrer le brouillon")
    # The first button of the form (what Enter presses) saves; it never removes a file.
    assert form.index('name="action" value="save"') < form.index('name="action" value="attach"')


EDIT_FORM_QUERIES = 16  # the same with 1 attachment and with 3


def test_the_edit_form_query_count_does_not_grow_with_attachments(client_for, agent, sheet,
                                                                  django_assert_num_queries):
    client = client_for(agent)
    client.post(edit_url(sheet), opened_form(client, sheet) | {"file": pdf()})
    with django_assert_num_queries(EDIT_FORM_QUERIES):
        assert len(client.get(edit_url(sheet)).context["attachments"]) == 1
    for name in ("b.pdf", "c.pdf"):
        client.post(edit_url(sheet), opened_form(client, sheet) | {"file": pdf(name)})
    with django_assert_num_queries(EDIT_FORM_QUERIES):
        assert len(client.get(edit_url(sheet)).context["attachments"]) == 3


# --- Issue 7.5: a draft saves even with an unbalanced funding table ----------------------------

def test_a_draft_saves_with_an_unbalanced_funding_table(client_for, agent, themes, lille):
    client = client_for(agent)
    response = client.post(reverse("innovations:create"), form_data(**{"funding-0-share": "60"}))
    innovation = Innovation.objects.get()
    assert response.status_code == 302
    assert list(innovation.business_model.funding_sources.values_list("share", flat=True)) == [60, 30]
    html = client.get(edit_url(innovation)).content.decode()
    assert f"Pour soumettre, complétez{NBSP}:" in html
    assert (f'href="#financement">le financement, dont les parts doivent totaliser 100{NBSP}% '
            f'(total actuel{NBSP}: 90{NBSP}%)') in html
    assert "À régler avant de soumettre" in html


def test_submitting_with_an_unbalanced_funding_table_saves_the_draft_and_says_why(client_for, agent, themes, lille):
    data = form_data(themes=[themes["sante"].pk], action="submit", **{"funding-0-share": "60"})
    response = client_for(agent).post(reverse("innovations:create"), data, follow=True)
    innovation = Innovation.objects.get()
    assert innovation.status == Status.DRAFT
    assert "Pour soumettre, complétez : le financement, dont les parts doivent totaliser 100" in page_text(response)


# --- Issue 8.14: tampered formsets -------------------------------------------------------------

@pytest.mark.parametrize("total, message", [
    ("-1", "Le tableau du financement n’a pas été transmis en entier"),
    ("11", "Le financement compte au plus 10 sources."),
])
def test_a_tampered_funding_count_is_refused_and_the_mix_kept(client_for, agent, sheet, total, message):
    client = client_for(agent)
    data = opened_form(client, sheet) | {"funding-TOTAL_FORMS": total, "funding-INITIAL_FORMS": "0"}
    for i in range(11):
        data.setdefault(f"funding-{i}-label", f"Source {i}")
        data.setdefault(f"funding-{i}-share", "1")
    response = client.post(edit_url(sheet), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert list(sheet.business_model.funding_sources.values_list("label", "share")) == [("Commune", 70), ("État", 30)]


def test_ten_funding_sources_are_accepted(client_for, agent, sheet):
    client = client_for(agent)
    data = opened_form(client, sheet) | {"funding-TOTAL_FORMS": "10"}
    for i in range(10):
        data[f"funding-{i}-label"], data[f"funding-{i}-share"] = f"Source {i}", "10"
    assert client.post(edit_url(sheet), data).status_code == 302
    assert sheet.business_model.funding_sources.count() == 10


# --- Issue 7.11: guidance to submission --------------------------------------------------------

def test_the_summary_shows_each_section_completion_and_links_what_is_missing(client_for, agent, themes, lille):
    client = client_for(agent)
    client.post(reverse("innovations:create"), form_data(summary="", problem="", **{"grid-beneficiaries": ""}))
    innovation = Innovation.objects.get()
    response = client.get(edit_url(innovation))
    sections = {s["anchor"]: s["state"] for s in response.context["sections"]}
    assert sections == {"section-identite": "2 champs à compléter", "section-solution": "1 champ à compléter",
                        "section-porteur": "complet", "section-resultats": "facultatif",
                        "grille": "1 champ à compléter", "pieces-jointes": "facultatif"}
    html = response.content.decode()
    assert "Identité – 2 champs à compléter" in html and "Territoire et porteur – " in html
    for anchor, label in [("id_summary", "le résumé"), ("id_themes_0", "au moins un thème"),
                          ("id_problem", "le problème traité"), ("id_grid-beneficiaries", "les bénéficiaires")]:
        assert f'href="#{anchor}">{label}</a>' in html
        assert f'id="{anchor}"' in html  # the anchor lands on the field


def test_a_complete_sheet_says_it_can_be_submitted(client_for, agent, sheet):
    html = client_for(agent).get(edit_url(sheet)).content.decode()
    assert f"La fiche est complète{NBSP}: vous pouvez la soumettre à la modération." in html
    assert "Identité – <span class=\"essaimage-section-complete\">complet</span>" in html


def test_a_published_sheet_says_an_edit_goes_live_at_once(client_for, agent, sheet, moderator):
    services.innovation_transition(innovation=sheet, action=ModerationAction.SUBMIT, by=agent)
    services.innovation_transition(innovation=sheet, action=ModerationAction.PUBLISH, by=moderator)
    client = client_for(agent)
    html = client.get(edit_url(sheet)).content.decode()
    assert "chaque enregistrement est visible aussitôt dans le catalogue" in html
    assert "Enregistrer et soumettre" not in html
    response = client.post(edit_url(sheet), opened_form(client, sheet) | {"problem": "Mis à jour."}, follow=True)
    assert "Vos modifications sont enregistrées et déjà visibles dans le catalogue." in response.content.decode()
    assert Innovation.objects.get().status == Status.PUBLISHED


# --- Issue 7.3: the moderators' request is in view ---------------------------------------------

def test_the_change_request_shows_on_the_form_and_the_page_for_the_team_only(
        client_for, agent, other_agent, moderator, sheet):
    services.innovation_transition(innovation=sheet, action=ModerationAction.SUBMIT, by=agent)
    services.innovation_transition(innovation=sheet, action=ModerationAction.REQUEST_CHANGES, by=moderator,
                                   message="Ajoutez les résultats chiffrés.\nEt le budget.")
    text = "Ajoutez les résultats chiffrés.<br>Et le budget."
    form = client_for(agent).get(edit_url(sheet)).content.decode()
    page = client_for(agent).get(sheet.get_absolute_url()).content.decode()
    for html in (form, page):
        assert "Les modérateurs demandent des modifications" in html and text in html
        assert f"Demande de {moderator.full_name}, le " in html
    assert form.index("Les modérateurs demandent") < form.index('id="innovation-form"')
    assert client_for(other_agent).get(sheet.get_absolute_url()).status_code == 404
    assert "Les modérateurs demandent" not in client_for(moderator).get(sheet.get_absolute_url()).content.decode()
    # Once resubmitted, the request is answered: it is no longer shown.
    services.innovation_transition(innovation=sheet, action=ModerationAction.SUBMIT, by=agent)
    assert "Les modérateurs demandent" not in client_for(agent).get(edit_url(sheet)).content.decode()


def test_latest_change_request_is_the_latest_one(agent, moderator, sheet):
    from innovations.selectors import latest_change_request

    assert latest_change_request(sheet) is None
    audit_record(obj=sheet, action=ModerationAction.REQUEST_CHANGES, actor=moderator, message="Première.")
    audit_record(obj=sheet, action=ModerationAction.REQUEST_CHANGES, actor=moderator, message="Seconde.")
    sheet.status = Status.CHANGES_REQUESTED
    assert latest_change_request(sheet).message == "Seconde."


# --- Issue 8.7: lost update ----------------------------------------------------------------------

@pytest.fixture
def coauthor(sheet):
    user = UserFactory()
    TeamMember.objects.create(innovation=sheet, user=user, role=TeamRole.COAUTHOR)
    return user


def test_a_stale_form_is_refused_and_shows_what_changed_meanwhile(client_for, agent, coauthor, sheet):
    owner, other = client_for(agent), client_for(coauthor)
    owner_form, other_form = opened_form(owner, sheet), opened_form(other, sheet)
    other_form["coauthors"] = ""
    owner_form["coauthors"] = coauthor.email
    response = owner.post(edit_url(sheet), owner_form | {"problem": "Problème reformulé par la porteuse."})
    assert response.status_code == 302
    response = other.post(edit_url(sheet), other_form | {"solution": "Solution du co-auteur."})
    assert response.status_code == 409
    sheet.refresh_from_db()
    assert sheet.problem == "Problème reformulé par la porteuse." and sheet.solution == "Des médiateurs."
    html = response.content.decode()
    assert "La fiche a changé depuis que vous l’avez ouverte" in html
    assert f"La fiche a été modifiée par {agent.full_name}" in html and "problème" in html
    form = response.context["form"]
    assert form["solution"].value() == "Solution du co-auteur."  # what they typed is kept
    assert form["problem"].value() == "Problème reformulé par la porteuse."  # untouched: the newer version
    assert response.context["stale"]["merged"] == ["problem"]
    # Saving again from this form keeps both changes.
    again = dict(other_form) | {"solution": "Solution du co-auteur.",
                                "problem": form["problem"].value(),
                                "base_revision": form["base_revision"].value()}
    assert other.post(edit_url(sheet), again).status_code == 302
    sheet.refresh_from_db()
    assert (sheet.problem, sheet.solution) == ("Problème reformulé par la porteuse.", "Solution du co-auteur.")


def test_a_stale_form_changed_on_both_sides_keeps_the_users_text(client_for, agent, coauthor, sheet):
    owner, other = client_for(agent), client_for(coauthor)
    owner_form, other_form = opened_form(owner, sheet), opened_form(other, sheet)
    owner.post(edit_url(sheet), owner_form | {"coauthors": coauthor.email, "problem": "Version porteuse."})
    response = other.post(edit_url(sheet), other_form | {"problem": "Version co-auteur."})
    assert response.status_code == 409 and "problem" in response.context["stale"]["kept"]
    assert response.context["form"]["problem"].value() == "Version co-auteur."
    assert "Rubriques modifiées des deux côtés" in response.content.decode()
    assert Innovation.objects.get().problem == "Version porteuse."


def test_the_service_refuses_a_save_based_on_an_older_version(agent, sheet):
    base = services.latest_revision_id(sheet)
    common = {"by": agent, "themes": sheet.themes, "grid": {}, "funding": [], "coauthors": []}
    services.innovation_save(innovation=sheet, data={"title": sheet.title, "problem": "Un."}, base_revision=base,
                             **common)
    with pytest.raises(services.StaleEdit) as error:
        services.innovation_save(innovation=sheet, data={"title": sheet.title, "solution": "Deux."},
                                 base_revision=base, **common)
    assert error.value.code == "stale_edit" and error.value.since[0].changed_fields[0] in ("funding", "problem")
    assert Innovation.objects.get().solution == "Des médiateurs."


# --- Issue 13: attachment labels -----------------------------------------------------------------

def test_attachment_label_names_the_kind_and_the_size_in_french():
    assert attachment_label(Attachment(content_type="application/pdf", size=45 * 1024)) == f"PDF – 45{NBSP}Ko"
    assert attachment_label(Attachment(content_type="image/jpeg", size=1_572_864)) == f"JPEG – 1,5{NBSP}Mo"
    assert attachment_label(Attachment(content_type="image/png", size=3 * 1024 * 1024)) == f"PNG – 3{NBSP}Mo"
    assert file_size(12) == f"1{NBSP}Ko"  # never « 12 octets »


def test_a_coauthor_saving_the_form_stays_in_the_team(client_for, agent, other_agent):
    territory_tree()
    innovation = InnovationFactory(created_by=agent, team=[other_agent], status=Status.DRAFT)
    response = client_for(other_agent).post(reverse("innovations:update", args=[innovation.slug]),
                                            form_data(coauthors=other_agent.email))
    assert response.status_code == 302
    assert TeamMember.objects.filter(innovation=innovation, user=other_agent).exists()
