"""The task queue in the admin (« Tâches de fond »): in French, failed deliveries visible with
their error, read-only, for administrators only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from essaimage.tasks import deliver_email
from tests.factories import UserFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/django_tasks_database/dbtaskresult/"
SECRET_BODY = "Votre lien : https://essaimage.test/compte/reinitialiser/Mg/secret-token/"


def results(html: str) -> str:
    return re.search(r'<table id="result_list".*?</table>', html, re.DOTALL).group(0)


@pytest.fixture
def failed_and_waiting(task_queue):
    deliver_email.enqueue(subject="Votre innovation", body=SECRET_BODY, recipients=["lea@exemple.fr"])
    failed = DBTaskResult.objects.get()
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except ConnectionRefusedError as error:
        failed.set_failed(error)
    deliver_email.enqueue(subject="Votre innovation", body="Texte", recipients=["lea@exemple.fr"], attempt=2)
    return failed


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_queue_is_listed_in_french_with_the_failed_attempts(superuser_client, failed_and_waiting):
    index = page_text(superuser_client.get("/admin/"))
    assert "Tâches de fond" in index and "Tâches" in index
    text = page_text(superuser_client.get(CHANGELIST))
    for header in ("Tâche", "Statut", "Tentative", "Mise en file", "Pas avant", "Terminée"):
        assert f">{header}</a>" in text or f">{header}</span>" in text, header
    rows = results(text)
    assert rows.count("Envoi d’un e-mail") == 2
    assert "Échouée" in rows and "Prête" in rows
    failed_only = results(page_text(superuser_client.get(CHANGELIST, {"statut": TaskResultStatus.FAILED})))
    assert failed_only.count("Envoi d’un e-mail") == 1 and "Prête" not in failed_only


def test_a_failed_task_shows_its_arguments_and_error_and_cannot_be_changed(superuser_client, failed_and_waiting):
    response = superuser_client.get(f"{CHANGELIST}{failed_and_waiting.pk}/change/")
    text = page_text(response)
    assert "Trace de l’erreur" in text and "ConnectionRefusedError" in text
    assert "lea@exemple.fr" in text and "Votre innovation" in text
    assert "secret-token" not in text and f"(texte masqué, {len(SECRET_BODY)} caractères)" in text
    assert 'name="_save"' not in text  # read-only
    assert superuser_client.post(f"{CHANGELIST}{failed_and_waiting.pk}/delete/").status_code == 403
    assert DBTaskResult.objects.count() == 2


def test_only_administrators_see_the_queue(client, failed_and_waiting):
    client.force_login(UserFactory(is_staff=True))  # staff without the permission
    assert client.get(CHANGELIST).status_code == 403
    client.force_login(UserFactory())
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_list_costs_the_same_queries_for_one_task_and_many(superuser_client, task_queue,
                                                              django_assert_num_queries):
    def enqueue(count):
        for _ in range(count):
            deliver_email.enqueue(subject="Sujet", body="Texte", recipients=["lea@exemple.fr"])

    enqueue(1)
    superuser_client.get(CHANGELIST)  # warm-up: session, permissions cache
    with CaptureQueriesContext(connection) as one:
        assert "Envoi d’un e-mail" in page_text(superuser_client.get(CHANGELIST))
    enqueue(30)
    with django_assert_num_queries(len(one)):
        assert results(page_text(superuser_client.get(CHANGELIST))).count("Envoi d’un e-mail") == 31
