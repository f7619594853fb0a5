"""essaimage.mail and essaimage.tasks.deliver_email: the request renders and queues, the worker
delivers; a mail server that refuses or hangs never fails or slows what the person did, and the
e-mail goes out once the server is back (issue 9, must-hold 1)."""

import time
from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaimage import mail
from essaimage.tasks import deliver_email
from innovations.enums import Status
from innovations.models import Innovation
from tests.factories.innovations import InnovationFactory
from tests.smtp import TinySmtpServer

DELIVERY = "essaimage.tasks.deliver_email"


@pytest.fixture
def smtp(settings):
    server = TinySmtpServer()
    settings.MAILERS = server.mailer(timeout=2)
    yield server
    server.close()


def deliveries():
    return DBTaskResult.objects.filter(task_path=DELIVERY).order_by("enqueued_at")


def travel(monkeypatch, delta: timedelta) -> None:
    """Time passes: `delta` from now, for the worker's « is it due? » and everything else."""
    moment = timezone.now() + delta
    monkeypatch.setattr(timezone, "now", lambda: moment)


def request_changes(client_for, moderator, agent):
    innovation = InnovationFactory(created_by=agent, status=Status.SUBMITTED, published_at=None)
    browser = client_for(moderator)
    browser.get(reverse("innovations:moderation"))  # warm-up: URLconf, templates, first queries
    started = time.monotonic()
    response = browser.post(reverse("innovations:moderate", args=[innovation.slug]),
                            {"action": "request_changes", "message": "Précisez les résultats chiffrés."})
    return innovation, response, time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_an_email_sent_while_smtp_refuses_connections_is_delivered_once_it_is_back(
    task_queue, smtp, client_for, agent, moderator, monkeypatch, caplog
):
    innovation, response, _ = request_changes(client_for, moderator, agent)

    # The person's action is committed, with the normal answer; the e-mail waits in the queue.
    assert response.status_code == 302 and response["Location"] == reverse("innovations:moderation")
    assert Innovation.objects.get(pk=innovation.pk).status == Status.CHANGES_REQUESTED
    assert deliveries().count() == 0  # the notice's task renders the e-mail in the worker, then queues its delivery
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    # The worker runs the notice's task, then the delivery: the server refuses; the attempt is
    # recorded as failed, a retry queued.
    assert task_queue.run() == 2
    first, retry = deliveries()
    assert first.args_kwargs["kwargs"]["recipients"] == [agent.email]
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["kwargs"] == {**first.args_kwargs["kwargs"], "attempt": 2}
    assert timedelta(seconds=50) < retry.run_after - first.finished_at <= timedelta(minutes=1)
    assert any("not sent" in record.getMessage() and "next attempt" in record.getMessage()
               for record in caplog.records)
    assert task_queue.run() == 0  # not due yet: nothing runs
    assert smtp.messages == []

    # The server is back; a minute later the retry delivers the very message rendered earlier.
    smtp.start()
    travel(monkeypatch, timedelta(minutes=2))
    assert task_queue.run() == 1
    assert [run.status for run in deliveries()] == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    [(recipients, message)] = smtp.messages
    assert recipients == [agent.email]
    assert message["Subject"] == first.args_kwargs["kwargs"]["subject"]
    assert "Précisez les résultats chiffrés." in message.get_body(("plain",)).get_content()
    assert innovation.title in message.get_body(("plain",)).get_content()


@pytest.mark.django_db(transaction=True)
def test_a_hanging_mail_server_does_not_slow_the_request_the_worker_waits_and_retries(
    task_queue, smtp, settings, client_for, agent, moderator
):
    smtp.start(silent=True)  # accepts, never greets
    settings.MAILERS = smtp.mailer(timeout=3)
    innovation, response, elapsed = request_changes(client_for, moderator, agent)
    assert response.status_code == 302
    assert Innovation.objects.get(pk=innovation.pk).status == Status.CHANGES_REQUESTED
    assert elapsed < 1.5, f"the action took {elapsed:.1f} s"
    assert smtp.connections == [], "the request never talks to the mail server"

    started = time.monotonic()
    assert task_queue.run() == 2  # the notice's task, then the delivery
    assert 3 <= time.monotonic() - started < 6  # the worker waited EMAIL_TIMEOUT, then gave up
    first, retry = deliveries()
    assert first.status == TaskResultStatus.FAILED and "timed out" in first.traceback
    assert retry.status == TaskResultStatus.READY and retry.args_kwargs["kwargs"]["attempt"] == 2


@pytest.mark.django_db
def test_send_queues_the_delivery_only_when_the_transaction_commits(task_queue, agent,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        count = mail.send(template="essaimage/emails/password_reset", recipients=[agent.email],
                          context={"reset_url": "https://essaimage.test/r/", "first_name": "Léa"})
    assert count == 1 and len(callbacks) == 1
    assert not deliveries().exists()  # a rolled-back transaction would send nothing
    callbacks[0]()
    assert deliveries().count() == 1


@pytest.mark.django_db
def test_send_queues_the_fully_rendered_typeset_message(task_queue, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(template="contact/emails/relayed", recipients=[agent.email], reply_to=["lea@exemple.fr"],
                  context={"kind": "platform", "sender_name": "Léa", "subject": "Bonjour ! Une question ?",
                           "body": "Texte", "organisation": ""})
    [queued] = deliveries()
    kwargs = queued.args_kwargs["kwargs"]
    assert set(kwargs) == {"subject", "body", "html", "recipients", "reply_to", "headers"}
    assert kwargs["recipients"] == [agent.email] and kwargs["reply_to"] == ["lea@exemple.fr"]
    assert "\u202f!" in kwargs["subject"] + kwargs["body"]  # typeset before it is queued
    assert outbox.outbox == []  # queued, not sent


@pytest.mark.django_db
def test_send_to_nobody_queues_nothing(task_queue):
    assert mail.send(template="contact/emails/relayed", recipients=[], context={}) == 0
    assert not deliveries().exists()


@pytest.mark.django_db
def test_deliver_email_carries_an_html_part_and_extra_headers(settings):
    deliver_email.enqueue(subject="Sujet", body="Texte brut", html="<p>Texte <b>riche</b></p>",
                          recipients=["lea@exemple.fr"], reply_to=["equipe@exemple.fr"],
                          headers={"List-Unsubscribe": "<https://essaimage.test/desabonner/x/>",
                                   "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
    [message] = outbox.outbox
    assert message.body == "Texte brut" and message.alternatives[0].content == "<p>Texte <b>riche</b></p>"
    assert message.reply_to == ["equipe@exemple.fr"]
    sent = message.message()
    assert sent["List-Unsubscribe"] == "<https://essaimage.test/desabonner/x/>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_without_a_queue_a_failed_delivery_is_logged_and_given_up_not_raised_into_the_request(smtp, caplog):
    # The tests' immediate backend runs the task inside the caller: it cannot defer a retry.
    result = deliver_email.enqueue(subject="Sujet", body="Texte", recipients=["lea@exemple.fr"])
    assert result.status == TaskResultStatus.FAILED
    assert any("not sent" in record.getMessage() and "given up" in record.getMessage() for record in caplog.records)
