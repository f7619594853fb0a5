"""Issue 8, points 1–5: log-in throttling that look-alike addresses, the admin log-in, a proxy
header or parallel requests cannot get around, and that the owner can always escape."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse

from essaimage.http import client_ip
from essaimage.models import User
from tests.factories import UserFactory
from tests.factories.core import PASSWORD

pytestmark = pytest.mark.django_db

THROTTLED = "Trop de tentatives de connexion"
INCORRECT = "Adresse e-mail ou mot de passe incorrect"


def log_in(client, email, password, **extra):
    response = client.post(reverse("login"), {"username": email, "password": password}, **extra)
    return response.content.decode() if response.status_code == 200 else "connecté"


# --- 1. Look-alike addresses ----------------------------------------------------------

def test_a_long_s_is_the_same_address_for_the_throttle_and_the_lookup(client, settings):
    settings.LOGIN_MAX_FAILURES = 5
    UserFactory(email="sonde@essai.example.org")
    for email in ["sonde@essai.example.org"] * 3 + ["ſonde@essai.example.org", "SONDE@ESSAI.EXAMPLE.ORG"]:
        assert INCORRECT in log_in(client, email, "faux")
    # The sixth try, whatever the spelling, right password included, is refused.
    assert THROTTLED in log_in(client, "ſonde@essai.example.org", PASSWORD)
    assert "_auth_user_id" not in client.session


def test_a_dotless_i_domain_is_another_address_that_logs_nobody_in(client):
    UserFactory(email="sonde@essai.example.org")
    # PostgreSQL's upper() folds « ı » into « I »: an iexact lookup found the account.
    assert INCORRECT in log_in(client, "sonde@essaı.example.org", PASSWORD)
    assert "_auth_user_id" not in client.session
    assert log_in(client, "Sonde@Essai.Example.org", PASSWORD) == "connecté"


def test_stored_addresses_are_in_normal_form():
    user = User.objects.create_user(email="ſonde@ＥＳＳＡＩ.example.org", password="x", first_name="A", last_name="B")
    assert user.email == "sonde@essai.example.org"
    user.email = "Léa@Bücher.DE"
    user.save()
    user.refresh_from_db()
    assert user.email == "léa@xn--bcher-kva.de"
    assert User.objects.get_by_natural_key("LÉA@bücher.de") == user


def test_migration_normalises_existing_addresses_unless_taken():
    from django.apps import apps
    from importlib import import_module

    migration = import_module("essaimage.migrations.0003_accounts_confirmation_normal_emails")
    odd, clash, kept = UserFactory(), UserFactory(), UserFactory(email="agent.x@essai.fr")
    User.objects.filter(pk=odd.pk).update(email="Agent.S@Essai.fr")  # as stored before the fix
    User.objects.filter(pk=clash.pk).update(email="AGENT.X@essai.fr")
    migration.normalize_existing_addresses(apps, None)
    assert User.objects.get(pk=odd.pk).email == "agent.s@essai.fr"
    assert User.objects.get(pk=clash.pk).email == "AGENT.X@essai.fr"  # left for an administrator
    assert User.objects.get(pk=kept.pk).email == "agent.x@essai.fr"


# --- 2. The admin log-in is throttled like the site's ---------------------------------

def test_admin_login_is_throttled_and_shares_the_site_counter(client, settings):
    settings.LOGIN_MAX_FAILURES = 5
    admin = UserFactory(email="chef@essai.fr", is_staff=True, is_superuser=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": admin.email, "password": "faux"})
    for _ in range(2):
        assert INCORRECT in log_in(client, admin.email, "faux")
    response = client.post("/admin/login/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code == 200 and THROTTLED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_still_works(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": admin.email.upper(), "password": PASSWORD,
                                             "next": "/admin/"})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(admin.pk)
    assert client.get("/admin/essaimage/user/").status_code == 200


# --- 3. The client's address behind the proxy ----------------------------------------

@pytest.mark.parametrize(("trusted", "forwarded", "expected"), [
    (0, "203.0.113.9", "10.0.0.1"),                     # no proxy trusted: the header is ignored
    (1, "203.0.113.9", "203.0.113.9"),
    (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),          # what the client wrote stays on the left
    (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    (2, "203.0.113.9", "10.0.0.1"),                      # did not come through both proxies
    (1, "pas-une-adresse", "10.0.0.1"),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_client_ip_reads_only_what_trusted_proxies_wrote(settings, trusted, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = trusted
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_the_proxy_one_client_cannot_lock_out_another(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_MAX_FAILURES_PER_IP = 10
    victim = UserFactory()
    attacker = Client()
    for n in range(20):  # varied accounts and a forged header: the proxy appends the real address
        log_in(attacker, f"cible{n}@essai.fr", "faux", REMOTE_ADDR="10.0.0.1",
               HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.66")
    assert THROTTLED in log_in(attacker, "cible99@essai.fr", "faux", REMOTE_ADDR="10.0.0.1",
                               HTTP_X_FORWARDED_FOR="198.51.100.66")
    # Another agent, through the same proxy, logs in.
    assert log_in(client, victim.email, PASSWORD, REMOTE_ADDR="10.0.0.1",
                  HTTP_X_FORWARDED_FOR="203.0.113.7") == "connecté"


def test_successful_log_ins_from_one_network_are_not_limited(settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 3
    for _ in range(6):
        assert log_in(Client(), UserFactory().email, PASSWORD, REMOTE_ADDR="192.0.2.50") == "connecté"


# --- 4. Parallel guesses are all counted ----------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_guesses_check_at_most_the_limit_of_passwords(settings):
    settings.LOGIN_MAX_FAILURES = 5
    user = UserFactory(email="course@essai.fr")
    answers = []
    barrier = threading.Barrier(30)

    def guess():
        try:
            client = Client()
            client.get(reverse("login"))
            barrier.wait()
            answers.append(log_in(client, user.email, "faux"))
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(INCORRECT in answer for answer in answers) == 5
    assert sum(THROTTLED in answer for answer in answers) == 25
    assert THROTTLED in log_in(Client(), user.email, PASSWORD)


# --- 5. A lock is no weapon: a password reset lifts it and logs the owner in ---------

def test_a_password_reset_lifts_the_lock_and_logs_in(client, settings, committed):
    settings.LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    attacker = Client()
    for _ in range(4):
        log_in(attacker, user.email, "faux")
    assert THROTTLED in log_in(client, user.email, PASSWORD)

    committed(client.post, reverse("password_reset"), {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/compte/mot-de-passe/nouveau/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Nouveau-mot-de-passe-99", "new_password2": "Nouveau-mot-de-passe-99"})
    assert client.session["_auth_user_id"] == str(user.pk)
    # And the next log-in, on another device, works too.
    assert log_in(Client(), user.email, "Nouveau-mot-de-passe-99") == "connecté"


def test_a_successful_log_in_clears_the_account_counter(client, settings):
    settings.LOGIN_MAX_FAILURES = 3
    user = UserFactory()
    for _ in range(2):
        log_in(client, user.email, "faux")
    assert log_in(client, user.email, PASSWORD) == "connecté"
    client.post(reverse("logout"))
    for _ in range(2):
        log_in(client, user.email, "faux")
    assert log_in(client, user.email, PASSWORD) == "connecté"
