import re

import pytest
from django.core import mail
from django.urls import reverse

from essaimage.enums import Role
from essaimage.models import LoginAttempt, User
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.text import page_text

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Léa", "last_name": "Fontaine", "email": "Lea.Fontaine@Lille.fr",
    "organisation_name": "Mairie de Lille", "organisation_kind": "collectivite",
    "organisation_siret": "", "territory": "Lille (59350)",
    "password1": "Un-mot-de-passe-solide-2026", "password2": "Un-mot-de-passe-solide-2026",
}


def test_signup_creates_agent_with_organisation_and_territory(client):
    territory_tree()
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302 and response["Location"] == reverse("profile")
    user = User.objects.get(email="lea.fontaine@lille.fr")
    assert user.has_role(Role.AGENT)
    assert user.territory.code == "59350"
    assert user.organisation.name == "Mairie de Lille"
    assert client.get(reverse("profile")).context["user"] == user


def test_signup_errors_are_french_and_keep_typed_data(client):
    territory_tree()
    data = {**SIGNUP, "password2": "autre", "organisation_siret": "12345678901234", "territory": "Lile"}
    response = client.post(reverse("signup"), data)
    assert response.status_code == 200
    html = page_text(response)
    assert "Les deux mots de passe ne sont pas identiques." in html
    assert "clé de contrôle incorrecte" in html
    assert "Vouliez-vous dire : Lille (59350)" in html
    assert 'value="Léa"' in html and 'value="Lile"' in html and 'value="12345678901234"' in html
    assert not User.objects.exists()


def test_signup_refuses_an_existing_email_whatever_its_case(client):
    UserFactory(email="lea.fontaine@lille.fr")
    response = client.post(reverse("signup"), SIGNUP)
    assert "Un compte existe déjà avec cette adresse" in response.content.decode()
    assert User.objects.count() == 1


def test_login_then_logout(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_throttled(client, settings):
    settings.LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    for _ in range(3):
        response = client.post(reverse("login"), {"username": user.email, "password": "faux"})
        assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()
    assert LoginAttempt.objects.filter(email=user.email).count() == 3
    # Even the right password is refused while throttled.
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client):
    user = UserFactory()
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    assert "Réinitialisation" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Nouveau-mot-de-passe-99", "new_password2": "Nouveau-mot-de-passe-99"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nouveau-mot-de-passe-99")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "inconnu@exemple.fr"})
    assert response.status_code == 302 and len(mail.outbox) == 0


def test_profile_requires_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_profile_edits_only_the_logged_in_user(client_for):
    user, other = UserFactory(), UserFactory(first_name="Autre")
    territory_tree()
    response = client_for(user).post(reverse("profile"), {
        "first_name": "Nouveau", "last_name": "Nom", "territory": "59350",
        # Attempts to target someone else are ignored: the profile is always request.user's.
        "id": other.pk, "user": other.pk, "email": other.email,
    })
    assert response.status_code == 302
    user.refresh_from_db(); other.refresh_from_db()
    assert (user.first_name, user.territory.code) == ("Nouveau", "59350")
    assert other.first_name == "Autre"


def test_profile_invalid_keeps_input(client_for):
    user = UserFactory()
    response = client_for(user).post(reverse("profile"), {"first_name": "", "last_name": "Durand",
                                                          "organisation_name": "Préfecture"})
    html = response.content.decode()
    assert "Ce champ est obligatoire." in html
    assert "Précisez le type de votre organisation." in html
    assert 'value="Durand"' in html and 'value="Préfecture"' in html


def test_there_is_no_url_to_edit_another_profile(client_for):
    other = UserFactory()
    assert client_for(UserFactory()).get(f"/compte/profil/{other.pk}/").status_code == 404
