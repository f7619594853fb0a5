"""Issue 8, points 5, 11 and 20: sign-up and password reset give the same answer and do the same
work whether the address has an account or not, never answer 500 on a race, and cannot be used
to flood someone's mailbox."""

import threading

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from essaimage.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Léa", "last_name": "Fontaine", "email": "lea.fontaine@lille.fr",
    "organisation_name": "", "organisation_kind": "", "organisation_siret": "", "territory": "",
    "password1": "Un-mot-de-passe-solide-2026", "password2": "Un-mot-de-passe-solide-2026",
}


class CountingHasher(MD5PasswordHasher):
    """Counts the passwords hashed: the costly step of a sign-up, which must run in every branch."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.essaimage.test_account_discovery.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def answer(response):
    return response.status_code, response.get("Location"), response.content


# --- 5. Same answer, same work --------------------------------------------------------

def test_signup_answers_and_works_the_same_whether_the_address_has_an_account(counting_hasher, committed):
    fresh = committed(Client().post, reverse("signup"), SIGNUP)
    fresh_hashes = counting_hasher.calls
    UserFactory(email="deja.inscrite@lille.fr")
    counting_hasher.calls = 0
    taken = committed(Client().post, reverse("signup"), {**SIGNUP, "email": "Deja.Inscrite@lille.fr"})
    assert answer(fresh) == answer(taken) == (302, reverse("signup_done"), b"")
    assert fresh_hashes == counting_hasher.calls == 1
    assert [m.to for m in mail.outbox] == [["lea.fontaine@lille.fr"], ["deja.inscrite@lille.fr"]]
    assert "Confirmez votre adresse" in mail.outbox[0].subject
    assert "Vous avez déjà un compte" in mail.outbox[1].subject
    assert "Un compte existe déjà" not in Client().get(reverse("signup_done")).content.decode()


def test_a_look_alike_address_signs_up_as_the_existing_account(committed):
    UserFactory(email="sonde@essai.example.org")
    committed(Client().post, reverse("signup"), {**SIGNUP, "email": "ſonde@essai.example.org"})
    assert User.objects.filter(email__icontains="onde").count() == 1
    assert mail.outbox[0].to == ["sonde@essai.example.org"] and "déjà un compte" in mail.outbox[0].body


RESET_QUERIES = 3  # the same whether the address has an account or not


def test_reset_answers_and_works_the_same_whether_the_address_has_an_account(committed, django_assert_num_queries):
    UserFactory(email="connue@lille.fr")

    def reset(email):
        with django_assert_num_queries(RESET_QUERIES):
            response = committed(Client().post, reverse("password_reset"), {"email": email})
        return answer(response)

    known, unknown = reset("connue@lille.fr"), reset("inconnue@lille.fr")
    assert known == unknown  # same response, same number of queries
    assert [m.to for m in mail.outbox] == [["connue@lille.fr"], ["inconnue@lille.fr"]]
    assert "/compte/mot-de-passe/nouveau/" in mail.outbox[0].body
    assert "/compte/mot-de-passe/nouveau/" not in mail.outbox[1].body


def test_reset_page_no_longer_says_whether_an_account_exists(client):
    html = client.get(reverse("password_reset_done")).content.decode()
    assert "Si un compte existe" not in html and "Un e-mail vient d’être envoyé" in html


# --- 11. Simultaneous sign-ups with one address ---------------------------------------

@pytest.mark.django_db(transaction=True)
def test_simultaneous_signups_with_one_address_all_get_the_same_answer():
    answers = []
    barrier = threading.Barrier(10)

    def sign_up(n):
        try:
            client = Client(raise_request_exception=False, REMOTE_ADDR=f"192.0.2.{n}")
            client.get(reverse("signup"))
            barrier.wait()
            answers.append(answer(client.post(reverse("signup"), SIGNUP)))
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [(302, reverse("signup_done"), b"")] * 10
    assert User.objects.filter(email="lea.fontaine@lille.fr").count() == 1


# --- 20. No mail bombing through the platform -----------------------------------------

def test_fifteen_resets_for_one_address_send_at_most_the_limit(settings, committed):
    settings.MAIL_MAX_PER_ADDRESS = 3
    UserFactory(email="cible@lille.fr")
    answers = {answer(committed(Client(REMOTE_ADDR=f"192.0.2.{n}").post, reverse("password_reset"),
                                {"email": "cible@lille.fr"})) for n in range(15)}
    assert len(mail.outbox) == 3
    assert answers == {(302, reverse("password_reset_done"), b"")}


def test_one_sender_cannot_mail_many_addresses(settings, committed):
    settings.MAIL_MAX_PER_IP = 4
    client = Client(REMOTE_ADDR="198.51.100.66")
    for n in range(6):
        committed(client.post, reverse("password_reset"), {"email": f"cible{n}@lille.fr"})
    for n in range(6):
        committed(client.post, reverse("signup"), {**SIGNUP, "email": f"autre{n}@lille.fr"})
    assert len(mail.outbox) == 4
    # Another sender still gets their e-mail.
    committed(Client(REMOTE_ADDR="203.0.113.5").post, reverse("password_reset"), {"email": "moi@lille.fr"})
    assert mail.outbox[-1].to == ["moi@lille.fr"]


def test_repeated_signups_for_one_address_send_at_most_the_limit(settings, committed):
    settings.MAIL_MAX_PER_ADDRESS = 2
    UserFactory(email="cible@lille.fr")
    for n in range(5):
        committed(Client(REMOTE_ADDR=f"192.0.2.{n}").post, reverse("signup"), {**SIGNUP, "email": "cible@lille.fr"})
    assert len(mail.outbox) == 2
