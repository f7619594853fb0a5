import pytest
from django.urls import reverse

from essaimage.models import User
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


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
