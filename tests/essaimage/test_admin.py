import re

import pytest
from django.contrib import admin as django_admin
from django.contrib.auth.models import Group
from django.urls import reverse

from essaimage.enums import Role
from essaimage.models import User
from essaimage.services import audit_record, roles_ensure
from innovations import services as innovation_services
from innovations.enums import ModerationAction, Status
from innovations.models import Innovation
from tests.factories import TerritoryFactory, UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["essaimage_user", "essaimage_organisation", "essaimage_territory",
                                  "essaimage_auditentry", "innovations_innovation", "innovations_replication",
                                  "innovations_theme", "innovations_businessmodel"])
def test_admin_lists_and_add_pages_open(admin_client_, name):
    InnovationFactory()
    assert admin_client_.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_admin_creates_a_user_with_an_email(admin_client_):
    response = admin_client_.post(reverse("admin:essaimage_user_add"), {
        "email": "nouvel.agent@exemple.gouv.fr", "first_name": "Nouvel", "last_name": "Agent",
        "password1": "Un-mot-de-passe-solide-2026", "password2": "Un-mot-de-passe-solide-2026",
        "usable_password": "true",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="nouvel.agent@exemple.gouv.fr").check_password("Un-mot-de-passe-solide-2026")


def test_admin_is_refused_to_agents(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:innovations_innovation_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_user_forms_refuse_another_spelling_of_a_taken_address(admin_client_):
    taken = UserFactory(email="deja@exemple.gouv.fr")
    response = admin_client_.post(reverse("admin:essaimage_user_add"), {
        "email": "DEJA@Exemple.gouv.fr", "first_name": "Autre", "last_name": "Agent",
        "password1": "Un-mot-de-passe-solide-2026", "password2": "Un-mot-de-passe-solide-2026",
        "usable_password": "true",
    })
    assert response.status_code == 200 and "existe déjà" in response.content.decode()
    other = UserFactory(email="autre@exemple.gouv.fr")
    response = admin_client_.get(reverse("admin:essaimage_user_change", args=[other.pk]))
    data = {key: value for key, value in response.context["adminform"].form.initial.items()
            if value is not None and key not in ("groups", "user_permissions", "password", "last_login")}
    data.update({"email": "Deja@EXEMPLE.gouv.fr", "date_joined_0": "01/01/2026", "date_joined_1": "10:00:00",
                 "email_confirmed_at_0": "01/01/2026", "email_confirmed_at_1": "10:00:00"})
    data.pop("date_joined", None)
    data.pop("email_confirmed_at", None)
    response = admin_client_.post(reverse("admin:essaimage_user_change", args=[other.pk]), data)
    assert response.status_code == 200 and "existe déjà" in response.content.decode()
    assert User.objects.filter(email="deja@exemple.gouv.fr").get() == taken


# --- French labels, themes by name, audit journal (issue 7, point 15) -------------------------

def column_headers(html: str) -> list[str]:
    cells = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html, flags=re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
    return [text for text in texts if text]


def test_admin_is_titled_administration_d_essaimage(admin_client_):
    html = admin_client_.get(reverse("admin:index")).content.decode()
    assert "<title>Tableau de bord de l’administration | Administration d’Essaimage</title>" in html
    assert ">Administration d’Essaimage<" in html
    assert "Administration de Django" not in html


def test_changelists_have_no_english_or_code_column_headers(admin_client_):
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation)
    audit_record(obj=innovation, action="publish", from_state="submitted", to_state="published")
    for model, model_admin in django_admin.site._registry.items():
        if model._meta.app_label not in ("essaimage", "innovations", "auth"):
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        headers = column_headers(admin_client_.get(url).content.decode())
        assert headers, url
        for name in model_admin.list_display:
            if isinstance(name, str) and name != "__str__":
                assert name.replace("_", " ") not in headers, f"{url}: « {name} » has no French label"
        english = {"Content type", "Object id", "Created at", "Created by", "User", "Slug", "Position", "Size"}
        assert not english & set(headers), (url, headers)


def test_objects_without_a_name_are_described_in_french(admin_client_):
    innovation = InnovationFactory()
    member = innovation.members.create(user=UserFactory(first_name="Léa", last_name="Roux"), role="owner")
    html = admin_client_.get(reverse("admin:innovations_innovation_change", args=[innovation.pk])).content.decode()
    assert "object (" not in html
    assert str(member) == "Léa Roux (porteur)"
    assert "Léa Roux (porteur)" in html
    for label in ("Nombre d’essaimages", "Créée par", "Publiée le", "Identifiant dans l’adresse"):
        assert label in html, label


def test_themes_are_shown_and_chosen_by_name(admin_client_):
    health, mobility, _culture = (ThemeFactory(name=name) for name in ("Santé", "Mobilité", "Culture"))
    innovation = InnovationFactory(themes=[health, mobility])
    listing = admin_client_.get(reverse("admin:innovations_innovation_changelist")).content.decode()
    assert "Santé, Mobilité" in listing or "Mobilité, Santé" in listing
    url = reverse("admin:innovations_innovation_change", args=[innovation.pk])
    form = admin_client_.get(url).content.decode()
    assert re.search(rf'type="checkbox" name="theme_ids" value="{health.pk}"[^>]*checked', form)
    assert f'name="theme_ids" value="{_culture.pk}"' in form and "Culture" in form


def test_saving_the_innovation_form_stores_theme_ids_and_refreshes_the_search_words(admin_client_):
    health, mobility = ThemeFactory(name="Santé"), ThemeFactory(name="Mobilité")
    innovation = InnovationFactory(themes=[health])
    url = reverse("admin:innovations_innovation_change", args=[innovation.pk])
    data = {
        "title": innovation.title, "summary": innovation.summary, "theme_ids": [str(mobility.pk), str(health.pk)],
        "stage": innovation.stage, "territory": innovation.territory_id, "organisation": innovation.organisation_id,
        "problem": "p", "solution": "s", "public_concerned": "", "results": "", "evidence": "", "costs": "",
        "links": "", "created_by": innovation.created_by_id,
        "members-TOTAL_FORMS": "0", "members-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
    }
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    innovation.refresh_from_db()
    assert innovation.theme_ids == sorted([health.pk, mobility.pk])
    assert "Mobilité" in innovation.search_extra


def test_territory_is_picked_by_autocomplete_never_a_full_select(admin_client_):
    TerritoryFactory.create_batch(5)
    innovation = InnovationFactory()
    for url in (reverse("admin:innovations_innovation_change", args=[innovation.pk]),
                reverse("admin:essaimage_user_change", args=[innovation.created_by.pk]),
                reverse("admin:essaimage_organisation_change", args=[innovation.organisation.pk])):
        html = admin_client_.get(url).content.decode()
        select = re.search(r'<select name="territory"[^>]*>(.*?)</select>', html, flags=re.S)
        assert select and "admin-autocomplete" in select.group(0), url
        assert select.group(1).count("<option") <= 2, url


def test_territory_autocomplete_ignores_accents_and_case(admin_client_):
    TerritoryFactory(level="commune", code="91228", name="Évry-Courcouronnes")
    response = admin_client_.get(reverse("admin:autocomplete"), {
        "term": "evry cour", "app_label": "innovations", "model_name": "innovation", "field_name": "territory"})
    assert [item["text"] for item in response.json()["results"]] == ["Évry-Courcouronnes (91228)"]


def test_every_control_of_an_inline_row_has_an_accessible_name(admin_client_):
    innovation = InnovationFactory()
    innovation.members.create(user=UserFactory(), role="owner")
    html = admin_client_.get(reverse("admin:innovations_innovation_change", args=[innovation.pk])).content.decode()
    assert re.search(r'<select name="members-0-role"[^>]*aria-label="Rôle"', html)
    assert re.search(r'<input type="checkbox" name="members-0-DELETE"[^>]*aria-label="Supprimer cette ligne"', html)


def test_user_roles_are_checkboxes_named_in_french(admin_client_):
    roles_ensure()
    user = UserFactory(roles=[Role.MODERATEUR])
    html = admin_client_.get(reverse("admin:essaimage_user_change", args=[user.pk])).content.decode()
    moderator = Group.objects.get(name=Role.MODERATEUR)
    assert re.search(rf'type="checkbox" name="groups" value="{moderator.pk}"[^>]*checked', html)
    assert "Modérateur" in html and "Évaluateur" in html
    listing = admin_client_.get(reverse("admin:essaimage_user_changelist")).content.decode()
    assert "Modérateur" in listing


def test_audit_journal_lists_newest_first_with_labels(admin_client_):
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    innovation = InnovationFactory(title="Cantine locale", status=Status.SUBMITTED, published_at=None)
    innovation_services.innovation_transition(innovation=innovation, action=ModerationAction.REQUEST_CHANGES,
                                              by=moderator, message="Précisez les coûts.")
    replication = ReplicationFactory(innovation=InnovationFactory())
    audit_record(obj=replication, action="status", from_state="interesse", to_state="realise")
    html = admin_client_.get(reverse("admin:essaimage_auditentry_changelist")).content.decode()
    body = html.split('id="result_list"')[1].split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    assert len(rows) == 2
    assert "Changement d’état" in rows[0] and "Intéressé" in rows[0] and "Réalisé" in rows[0]
    assert str(replication) in rows[0]
    assert "Demander des modifications" in rows[1] and "En attente de modération" in rows[1]
    assert "Modifications demandées" in rows[1] and "Cantine locale" in rows[1]
    for code in ("changes_requested", "request_changes", "interesse", "realise"):
        assert f">{code}<" not in html


def test_audit_journal_is_read_only(admin_client_):
    innovation = InnovationFactory()
    entry = audit_record(obj=innovation, action="publish", from_state="submitted", to_state="published")
    change = reverse("admin:essaimage_auditentry_change", args=[entry.pk])
    page = admin_client_.get(change).content.decode()
    assert "Publier" in page and "Publiée" in page and 'name="_save"' not in page
    assert admin_client_.post(change, {"action": "forged"}).status_code == 403
    assert admin_client_.get(reverse("admin:essaimage_auditentry_add")).status_code == 403
    assert admin_client_.post(reverse("admin:essaimage_auditentry_delete", args=[entry.pk])).status_code == 403
    entry.refresh_from_db()
    assert entry.action == "publish"


AUDIT_JOURNAL_QUERIES = 11  # the same for 2 entries and for 8
INNOVATION_CHANGELIST_QUERIES = 9  # the same for 1 row and for 4


def test_audit_journal_query_count_does_not_grow_with_entries(admin_client_, django_assert_num_queries):
    url = reverse("admin:essaimage_auditentry_changelist")
    first = InnovationFactory()
    audit_record(obj=first, action="publish", actor=first.created_by, to_state="published")
    audit_record(obj=ReplicationFactory(innovation=first), action="declare", to_state="interesse")
    with django_assert_num_queries(AUDIT_JOURNAL_QUERIES):
        assert admin_client_.get(url).context["cl"].result_count == 2
    for innovation in InnovationFactory.create_batch(3):
        audit_record(obj=innovation, action="publish", actor=innovation.created_by, to_state="published")
        audit_record(obj=ReplicationFactory(innovation=innovation), action="declare", to_state="interesse")
    with django_assert_num_queries(AUDIT_JOURNAL_QUERIES):
        assert admin_client_.get(url).context["cl"].result_count == 8


def test_innovation_changelist_query_count_does_not_grow_with_rows(admin_client_, django_assert_num_queries):
    themes = [ThemeFactory(name=f"Thème {i}") for i in range(3)]
    url = reverse("admin:innovations_innovation_changelist")
    InnovationFactory(themes=themes)
    with django_assert_num_queries(INNOVATION_CHANGELIST_QUERIES):
        assert admin_client_.get(url).context["cl"].result_count == 1
    InnovationFactory.create_batch(3, themes=themes)
    with django_assert_num_queries(INNOVATION_CHANGELIST_QUERIES):
        assert admin_client_.get(url).context["cl"].result_count == 4
    assert Innovation.objects.count() == 4


def test_admin_screens_answer_to_staff_only(client, agent, moderator):
    entry_url = reverse("admin:essaimage_auditentry_changelist")
    for user in (agent, moderator):
        client.force_login(user)
        response = client.get(entry_url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


FRENCH_AS_IS = {"organisation", "action", "message", "innovation", "adaptations"}  # names already French


def test_every_field_and_model_of_the_project_has_a_french_name_and_a_readable_str():
    from django.apps import apps
    from django.db import models

    for app in ("essaimage", "innovations"):
        for model in apps.get_app_config(app).get_models():
            assert model.__str__ is not models.Model.__str__, f"{model.__name__} would show « object (…) »"
            assert "verbose_name" in model._meta.original_attrs, model
            for field in model._meta.get_fields():
                if not field.concrete or field.auto_created or field.name in FRENCH_AS_IS:
                    continue
                assert str(field.verbose_name) != field.name.replace("_", " "), f"{model.__name__}.{field.name}"


def test_audit_labels_come_from_the_app_enums_and_fall_back_to_the_code():
    from django.contrib.contenttypes.models import ContentType

    from essaimage.audit_labels import action_label, content_type_name, state_label
    from innovations.models import Replication

    innovation_type = ContentType.objects.get_for_model(Innovation).pk
    replication_type = ContentType.objects.get_for_model(Replication).pk
    assert action_label(innovation_type, "request_changes") == "Demander des modifications"
    assert state_label(innovation_type, "changes_requested") == "Modifications demandées"
    assert action_label(replication_type, "declare") == "Déclaration"
    assert state_label(replication_type, "en_cours") == "En cours"
    assert action_label(innovation_type, "unknown_code") == "unknown_code"
    assert state_label(innovation_type, "") == ""
    assert content_type_name(replication_type) == "Essaimage"
