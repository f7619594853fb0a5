import re

import pytest
from django.core import mail
from django.urls import reverse

from essaimage.enums import Role
from essaimage.models import User
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.text import page_text

pytestmark = pytest.mark.django_db


def mailed_path(message, prefix):
    """The path of the site link in an e-mail (the link carries SITE_URL)."""
    return re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", message.body).group(1)

SIGNUP = {
    "first_name": "Léa", "last_name": "Fontaine", "email": "Lea.Fontaine@Lille.fr",
    "organisation_name": "Mairie de Lille", "organisation_kind": "collectivite",
    "organisation_siret": "", "territory": "Lille (59350)",
    "password1": "Un-mot-de-passe-solide-2026", "password2": "Un-mot-de-passe-solide-2026",
}


def test_signup_creates_agent_once_the_address_is_confirmed(client, settings, committed):
    territory_tree()
    response = committed(client.post, reverse("signup"), SIGNUP)
    assert response.status_code == 302 and response["Location"] == reverse("signup_done")
    assert "Vérifiez votre messagerie" in client.get(response["Location"]).content.decode()
    user = User.objects.get(email="lea.fontaine@lille.fr")
    assert not user.is_active and user.email_confirmed_at is None  # nobody can log in yet
    assert "_auth_user_id" not in client.session
    assert client.login(username="lea.fontaine@lille.fr", password=SIGNUP["password1"]) is False

    assert [m.to for m in mail.outbox] == [["lea.fontaine@lille.fr"]]
    assert "Confirmez votre adresse" in mail.outbox[0].subject
    link = mailed_path(mail.outbox[0], "/compte/inscription/confirmer/")
    page = client.get(link)
    assert "Confirmer mon adresse" in page.content.decode()
    user.refresh_from_db()
    assert not user.is_active  # a GET (a mail scanner opening the link) confirms nothing

    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    user.refresh_from_db()
    assert user.is_active and user.email_confirmed_at is not None
    assert user.has_role(Role.AGENT)
    assert user.territory.code == "59350"
    assert user.organisation.name == "Mairie de Lille"
    assert client.get(reverse("profile")).context["user"] == user
    # The link has served: it is dead now.
    assert "Ce lien n’est plus valable" in client.post(link).content.decode()


def test_signup_confirmation_is_audited(client, committed):
    from essaimage.models import AuditEntry

    committed(client.post, reverse("signup"), {**SIGNUP, "territory": ""})
    client.post(mailed_path(mail.outbox[0], "/compte/inscription/confirmer/"))
    entry = AuditEntry.objects.get(action="signup_confirmed")
    assert (entry.from_state, entry.to_state) == ("en_attente", "actif")
    assert entry.actor == User.objects.get(email="lea.fontaine@lille.fr")


def test_signup_confirmation_link_with_a_bad_token_confirms_nothing(client, committed):
    committed(client.post, reverse("signup"), {**SIGNUP, "territory": ""})
    link = mailed_path(mail.outbox[0], "/compte/inscription/confirmer/")
    forged = link.rstrip("/").rsplit("/", 1)[0] + "/abc-123/"
    assert "Ce lien n’est plus valable" in client.post(forged).content.decode()
    assert "Ce lien n’est plus valable" in client.post("/compte/inscription/confirmer/!!/x/").content.decode()
    assert not User.objects.get(email="lea.fontaine@lille.fr").is_active


def test_a_new_signup_replaces_a_pending_one_and_kills_its_link(client, committed):
    """Someone who typed another's address cannot keep its owner out: the owner's sign-up wins."""
    committed(client.post, reverse("signup"), {**SIGNUP, "territory": "", "first_name": "Intrus",
                                     "password1": "Mot-de-passe-intrus-99", "password2": "Mot-de-passe-intrus-99"})
    first_link = mailed_path(mail.outbox[0], "/compte/inscription/confirmer/")
    committed(client.post, reverse("signup"), {**SIGNUP, "territory": ""})
    assert User.objects.count() == 1
    second_link = mailed_path(mail.outbox[1], "/compte/inscription/confirmer/")
    assert "Ce lien n’est plus valable" in client.post(first_link).content.decode()
    client.post(second_link)
    user = User.objects.get()
    assert user.is_active and user.first_name == "Léa" and user.check_password(SIGNUP["password1"])


def test_signup_errors_are_french_and_keep_typed_data(client, committed):
    territory_tree()
    data = {**SIGNUP, "password2": "autre", "organisation_siret": "12345678901234", "territory": "Lile"}
    response = committed(client.post, reverse("signup"), data)
    assert response.status_code == 200
    html = page_text(response)
    assert "Les deux mots de passe ne sont pas identiques." in html
    assert "clé de contrôle incorrecte" in html
    assert "Vouliez-vous dire : Lille (59350)" in html
    assert 'value="Léa"' in html and 'value="Lile"' in html and 'value="12345678901234"' in html
    assert not User.objects.exists()


def test_signup_with_an_existing_email_tells_its_owner_by_email_only(client, committed):
    territory_tree()
    owner = UserFactory(email="lea.fontaine@lille.fr", first_name="Léa")
    response = committed(client.post, reverse("signup"), SIGNUP)
    assert response.status_code == 302 and response["Location"] == reverse("signup_done")
    assert User.objects.count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)  # nothing about the account changed
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [owner.email]
    body = mail.outbox[0].body
    assert "Vous avez déjà un compte" in body
    assert "/compte/connexion/" in body and "/compte/mot-de-passe/oubli/" in body


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
    # Even the right password is refused while throttled.
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link_that_logs_in(client, settings, committed):
    user = UserFactory()
    response = committed(client.post, reverse("password_reset"), {"email": user.email.upper()})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "Réinitialisation" in mail.outbox[0].subject
    link = mailed_path(mail.outbox[0], "/compte/mot-de-passe/nouveau/")
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Nouveau-mot-de-passe-99",
                                      "new_password2": "Nouveau-mot-de-passe-99"})
    assert response.status_code == 302 and response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.check_password("Nouveau-mot-de-passe-99")


def test_password_reset_for_unknown_email_says_so_to_that_address_only(client, committed):
    response = committed(client.post, reverse("password_reset"), {"email": "inconnu@exemple.fr"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["inconnu@exemple.fr"]
    assert "Aucun compte actif n’utilise cette adresse" in mail.outbox[0].body
    assert "/compte/mot-de-passe/nouveau/" not in mail.outbox[0].body


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
    user.refresh_from_db()
    other.refresh_from_db()
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


def test_signup_confirmation_link_with_a_huge_id_is_just_invalid(client):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(10**30))
    response = client.post(f"/compte/inscription/confirmer/{uid}/abc-123/")
    assert response.status_code == 200 and "Ce lien n’est plus valable" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_confirm_logs_in_twice_without_error():
    import threading

    from django.db import connection
    from django.test import Client

    Client().post(reverse("signup"), {**SIGNUP, "territory": ""})
    link = mailed_path(mail.outbox[0], "/compte/inscription/confirmer/")
    statuses = []
    barrier = threading.Barrier(2)

    def click():
        try:
            client = Client(raise_request_exception=False)
            client.get(link)
            barrier.wait()
            response = client.post(link)
            statuses.append((response.status_code, "_auth_user_id" in client.session))
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(status != 500 for status, _ in statuses)
    assert (302, True) in statuses
    assert User.objects.get(email="lea.fontaine@lille.fr").is_active
