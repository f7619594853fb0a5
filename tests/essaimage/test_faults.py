"""Faults: a database restart and an SMTP server that never answers (issue 8, points 17 and 18)."""

import logging
import socket
import threading
import time

import psycopg
import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from innovations.enums import Status
from innovations.models import Innovation
from tests.factories.innovations import InnovationFactory


def test_persistent_connections_are_health_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0


@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_by_a_database_restart_is_replaced_before_the_next_request():
    connection.ensure_connection()
    backend_pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=True) as admin:  # what a restart does to each worker
        admin.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
    time.sleep(0.2)
    close_old_connections()  # Django runs this when each request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.connection.info.backend_pid != backend_pid


@pytest.mark.django_db
def test_a_lost_connection_during_a_request_answers_the_sites_retry_page(settings):
    settings.ROOT_URLCONF = "tests.essaimage.faulty_urls"
    response = Client(raise_request_exception=False).get("/essai/connexion-perdue/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Service momentanément indisponible" in html and "Réessayez dans quelques instants" in html
    assert 'class="fr-header"' in html and 'nonce=""' not in html
    assert "Server Error" not in html


class SilentSmtpServer:
    """Accepts connections and never says a word (the SMTP greeting never comes)."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.port = self.socket.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                peer, _ = self.socket.accept()
            except OSError:
                return
            self.accepted.append(peer)  # held open, never answered

    def close(self):
        for peer in self.accepted:
            peer.close()
        self.socket.close()


@pytest.fixture
def silent_smtp(settings):
    server = SilentSmtpServer()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 1}}}
    yield server
    server.close()


def test_smtp_timeout_is_configured():
    from django.conf import settings as live

    assert live.MAIL_TIMEOUT_SECONDS == 10
    if live.MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
        assert live.MAILERS["default"]["OPTIONS"]["timeout"] == 10


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_does_not_fail_or_hold_the_users_action(
    silent_smtp, client_for, agent, moderator, caplog, django_capture_on_commit_callbacks
):
    innovation = InnovationFactory(created_by=agent, status=Status.SUBMITTED, published_at=None)
    browser = client_for(moderator)
    browser.get(reverse("innovations:moderation"))  # warm-up: URLconf, templates, first queries
    started = time.monotonic()
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("innovations:moderate", args=[innovation.slug]),
            {"action": "request_changes", "message": "Précisez les résultats chiffrés."},
        )
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert Innovation.objects.get(pk=innovation.pk).status == Status.CHANGES_REQUESTED
    assert silent_smtp.accepted, "the notification did try the mail server"
    assert elapsed < 1 + 1, f"the action took {elapsed:.1f} s"
    assert any("not sent" in record.getMessage() for record in caplog.records)
