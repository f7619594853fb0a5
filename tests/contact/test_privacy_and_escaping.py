"""Must hold: no recipient's address in any page, and every payload inert (pages and e-mails)."""

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import ContactMessage
from innovations import services as innovation_services
from innovations.enums import Status
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db

CORPUS = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg/onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "{{ 7*7 }}{% debug %}",
    "<style>body{display:none}</style>",
]
LIVE_MARKUP = ["<script>alert", "<img src=x", "<svg/onload", "<iframe", 'href="javascript:', "<style>body"]


def assert_inert(html):
    for marker in LIVE_MARKUP:
        assert marker not in html, marker


@pytest.fixture
def cast(moderator):
    """A published innovation with a two-person team and a declaration; plus outsiders."""
    owner = UserFactory(email="porteuse.secrete@exemple.gouv.fr")
    coauthor = UserFactory(email="coauteur.secret@exemple.gouv.fr")
    declarer = UserFactory(email="declarant.secret@exemple.gouv.fr")
    innovation = InnovationFactory(created_by=owner, team=[coauthor])
    replication = ReplicationFactory(innovation=innovation, declared_by=declarer)
    draft = InnovationFactory(created_by=owner, status=Status.CHANGES_REQUESTED)
    return {"owner": owner, "coauthor": coauthor, "declarer": declarer, "innovation": innovation,
            "replication": replication, "draft": draft, "outsider": UserFactory(), "moderator": moderator}


def test_no_page_shows_the_address_of_a_team_member_or_declarer(client_for, cast):
    innovation, replication = cast["innovation"], cast["replication"]
    secrets = {cast[name].email for name in ("owner", "coauthor", "declarer")}
    pages = [innovation.get_absolute_url(), reverse("contact:team", args=[innovation.slug]),
             reverse("contact:declarer", args=[replication.pk]), reverse("contact:platform"), reverse("dashboard"),
             reverse("innovations:mine")]
    checked = 0
    for viewer in (None, "outsider", "owner", "coauthor", "declarer", "moderator"):
        user = cast[viewer] if viewer else None
        client = client_for(user)
        for url in pages:
            response = client.get(url)
            if response.status_code != 200:
                continue
            html = response.content.decode()
            for secret in secrets - {getattr(user, "email", None)}:  # one's own address may appear
                assert secret not in html, (viewer, url)
            checked += 1
    assert checked >= 25


def test_the_relay_names_no_address_even_after_sending(client_for, cast, django_capture_on_commit_callbacks):
    client = client_for(cast["outsider"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contact:team", args=[cast["innovation"].slug]),
                               {"subject": "Bonjour", "body": "Une question sur votre dispositif."}, follow=True)
    html = response.content.decode()
    assert "Votre message est envoyé" in html
    assert cast["owner"].email not in html and cast["coauthor"].email not in html


@pytest.mark.parametrize("payload", CORPUS)
def test_payloads_are_inert_in_pages_and_emails(client_for, client, cast, admin_client, payload,
                                               django_capture_on_commit_callbacks):
    innovation = cast["innovation"]
    data = {"subject": payload, "body": payload + " — un message assez long."}
    with django_capture_on_commit_callbacks(execute=True):
        sent = client_for(cast["outsider"]).post(reverse("contact:team", args=[innovation.slug]), data)
        anonymous = client.post(reverse("contact:platform"), {**data, "name": payload, "email": "x@exemple.fr"})
    assert sent.status_code == 302 and anonymous.status_code == 302
    # Re-rendered forms (a validation error keeps every typed text).
    for response in [
        client_for(cast["outsider"]).post(reverse("contact:team", args=[innovation.slug]),
                                          {"subject": payload, "body": payload[:5]}),
        client.post(reverse("contact:platform"), {"subject": payload, "body": payload, "name": payload,
                                                  "email": payload}),
    ]:
        assert response.status_code == 200
        assert_inert(response.content.decode())
    # The log, in the admin.
    for logged in ContactMessage.objects.all():
        html = admin_client.get(reverse("admin:contact_contactmessage_change", args=[logged.pk])).content.decode()
        assert_inert(html)
    assert_inert(admin_client.get(reverse("admin:contact_contactmessage_changelist")).content.decode())
    # The e-mails: plain text only (no HTML part), the text relayed as typed, on one subject line.
    for message in mail.outbox:
        assert not getattr(message, "alternatives", None) and message.content_subtype == "plain"
        assert payload in message.body
        assert "&lt;" not in message.body and "&quot;" not in message.body
        assert "\n" not in message.subject and "\r" not in message.subject
        rendered = message.message()
        assert rendered.get_content_type() == "text/plain"


def test_headers_cannot_be_injected(client_for, client, cast, django_capture_on_commit_callbacks):
    injected = "Bonjour\r\nBcc: victime@exemple.org\r\nX-Injected: oui"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contact:platform"), {
            "subject": injected, "body": "Un message tout à fait normal.", "name": injected,
            "email": "a@exemple.fr",
        })
        assert response.status_code == 302
        client_for(cast["outsider"]).post(reverse("contact:team", args=[cast["innovation"].slug]),
                                          {"subject": injected, "body": "Un message tout à fait normal."})
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.subject == "[Essaimage] Bonjour Bcc: victime@exemple.org X-Injected: oui"
        assert not message.bcc and "victime@exemple.org" not in message.recipients()
        headers = message.message()
        assert headers["X-Injected"] is None and headers["Bcc"] is None
    assert ContactMessage.objects.filter(sender_name="Bonjour Bcc: victime@exemple.org X-Injected: oui").exists()
    # An address with a line break is refused outright.
    response = client.post(reverse("contact:platform"), {
        "subject": "Bonjour", "body": "Un message tout à fait normal.", "name": "A",
        "email": "a@exemple.fr\r\nBcc: victime@exemple.org"})
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr." in response.content.decode()


def test_the_moderators_message_on_the_dashboard_is_inert(client_for, cast):
    draft = cast["draft"]
    draft.status = Status.SUBMITTED
    draft.save()
    for payload in CORPUS:
        innovation_services.innovation_transition(innovation=draft, action="request_changes", by=cast["moderator"],
                                                  message=payload)
        html = client_for(cast["owner"]).get(reverse("dashboard")).content.decode()
        assert_inert(html)
        draft.status = Status.SUBMITTED
        draft.save()
