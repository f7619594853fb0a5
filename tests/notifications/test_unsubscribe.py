"""The signed one-click unsubscribe link (RFC 8058): no log-in, no change on GET, POST without
CSRF token works, a tampered or expired token is refused."""

import pytest
from django.core import mail
from django.test import Client

from innovations import notices as kinds
from notifications import services, unsubscribe
from notifications.enums import Frequency
from notifications.models import Notice, NoticePreference
from tests.text import page_text

pytestmark = pytest.mark.django_db


def link_of(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:8000")


@pytest.fixture
def emailed_link(innovation, other_agent, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    with django_capture_on_commit_callbacks(execute=True):
        services.notify([other_agent], kinds.FOLLOWED_NEW_VERSION, innovation,
                        context={"title": innovation.title, "url": innovation.get_absolute_url()})
    return link_of(mail.outbox[-1])


def frequency(user, kind=kinds.FOLLOWED_NEW_VERSION):
    row = NoticePreference.objects.filter(user=user, kind=kind).first()
    return row.frequency if row else Frequency.IMMEDIATE


def test_get_shows_a_confirmation_and_changes_nothing(emailed_link, other_agent):
    response = Client().get(emailed_link)
    text = page_text(response)
    assert response.status_code == 200
    assert "Ne plus recevoir d’e-mail pour « Nouvelles versions des innovations que je suis »" in text
    assert "Confirmer le désabonnement" in text and other_agent.email in text
    assert frequency(other_agent) == Frequency.IMMEDIATE


def test_one_click_post_without_csrf_token_and_without_login_unsubscribes(emailed_link, other_agent):
    client = Client(enforce_csrf_checks=True)
    response = client.post(emailed_link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Vous ne recevrez plus d’e-mail pour « Nouvelles versions" in page_text(response)
    assert frequency(other_agent) == Frequency.NEVER
    assert frequency(other_agent, kinds.MODERATED) == Frequency.IMMEDIATE  # that kind only


def test_after_unsubscribing_the_notice_still_lands_in_the_site_but_no_email(
        emailed_link, innovation, other_agent, django_capture_on_commit_callbacks):
    Client().post(emailed_link)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify([other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, context={"title": "x", "url": "/"})
    assert len(mail.outbox) == sent and Notice.objects.filter(recipient=other_agent).count() == 2


@pytest.mark.parametrize("mangle", [
    lambda link: link[:-3] + ("aaa" if not link.endswith("aaa/") else "bbb") + "/",
    lambda link: link.replace("/desabonnement/", "/desabonnement/x"),
    lambda link: "/notifications/desabonnement/nimportequoi/",
])
def test_a_tampered_token_is_refused_with_a_french_page(emailed_link, other_agent, mangle):
    for method in ("get", "post"):
        response = getattr(Client(), method)(mangle(emailed_link))
        assert response.status_code == 400
        assert "Lien de désabonnement non valable" in page_text(response)
    assert frequency(other_agent) == Frequency.IMMEDIATE


def test_another_persons_token_cannot_be_forged_from_mine(agent, other_agent):
    from django.core import signing

    mine = unsubscribe.make_token(agent, kinds.MODERATED)
    _payload, rest = mine.split(":", 1)
    forged = signing.dumps([other_agent.pk, kinds.MODERATED], salt="autre", compress=True).split(":", 1)[0]
    response = Client().post(f"/notifications/desabonnement/{forged}:{rest}/")
    assert response.status_code == 400
    assert frequency(other_agent, kinds.MODERATED) == Frequency.IMMEDIATE


def test_an_expired_token_is_refused(emailed_link, other_agent, settings):
    settings.NOTICE_UNSUBSCRIBE_MAX_AGE = -1
    response = Client().post(emailed_link)
    assert response.status_code == 400 and "a expiré" in page_text(response)
    assert frequency(other_agent) == Frequency.IMMEDIATE


def test_the_digest_link_stops_the_digest_only(innovation, other_agent, django_capture_on_commit_callbacks):
    services.preferences_set(user=other_agent, frequencies={kinds.FOLLOWED_NEW_VERSION: Frequency.DIGEST,
                                                            kinds.FOLLOWED_REPLICATION: Frequency.DIGEST})
    services.notify([other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, context={"title": "x", "url": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    link = link_of(mail.outbox[-1]).replace("http://testserver", "")
    link = link[link.index("/notifications/"):]
    assert "le récapitulatif quotidien" in page_text(Client().get(link))
    Client().post(link)
    assert frequency(other_agent) == Frequency.NEVER
    assert frequency(other_agent, kinds.FOLLOWED_REPLICATION) == Frequency.NEVER
    assert frequency(other_agent, kinds.MODERATED) == Frequency.IMMEDIATE
