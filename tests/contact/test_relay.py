"""The contact relay: who may write to whom, what is sent, logged and limited."""

import pytest
from django.core import mail
from django.urls import reverse

from contact import services
from contact.enums import ContactKind
from contact.models import ContactMessage
from innovations.enums import Status
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db

MESSAGE = {"subject": "Votre tiers-lieu", "body": "Bonjour, nous aimerions reprendre votre dispositif à Arras."}


@pytest.fixture
def team():
    owner, coauthor = UserFactory(), UserFactory()
    innovation = InnovationFactory(created_by=owner, team=[coauthor])
    return innovation, owner, coauthor


def post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


# --- Contacting an innovation's team ------------------------------------------------------

def test_agent_writes_to_the_team_relayed_by_email_with_reply_to(client_for, agent, team,
                                                                 django_capture_on_commit_callbacks):
    innovation, owner, coauthor = team
    url = reverse("contact:team", args=[innovation.slug])
    assert "Contacter l’équipe" in client_for(agent).get(innovation.get_absolute_url()).content.decode()
    response = post(client_for(agent), url, MESSAGE, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == innovation.get_absolute_url()
    sent = mail.outbox[-1]
    assert sorted(sent.to) == sorted([owner.email, coauthor.email])
    assert sent.reply_to == [agent.email]
    assert agent.email not in sent.to and sent.from_email.endswith("<ne-pas-repondre@essaimage.beta.gouv.fr>")
    assert sent.subject == "[Essaimage] Votre tiers-lieu"
    assert MESSAGE["body"] in sent.body and innovation.title in sent.body and agent.full_name in sent.body
    logged = ContactMessage.objects.get()
    assert (logged.kind, logged.sender, logged.innovation, logged.recipient_count) == (
        ContactKind.TEAM, agent, innovation, 2)
    assert logged.body == MESSAGE["body"]
    followed = client_for(agent).get(response["Location"])
    assert "Votre message est envoyé" not in followed.content.decode()  # the message was shown once, on the redirect


def test_confirmation_is_shown_after_sending(client_for, agent, team, django_capture_on_commit_callbacks):
    innovation, *_ = team
    client = client_for(agent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contact:team", args=[innovation.slug]), MESSAGE, follow=True)
    assert "Votre message est envoyé." in response.content.decode()


def test_inactive_team_members_get_nothing(client_for, agent, team, django_capture_on_commit_callbacks):
    innovation, owner, coauthor = team
    coauthor.is_active = False
    coauthor.save()
    post(client_for(agent), reverse("contact:team", args=[innovation.slug]), MESSAGE,
         django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == [owner.email]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.ARCHIVED])
def test_an_unpublished_innovation_team_cannot_be_contacted(client_for, agent, moderator, status):
    innovation = InnovationFactory(status=status)
    url = reverse("contact:team", args=[innovation.slug])
    for user in (agent, moderator):  # the moderator sees the sheet, but its team is not reachable
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).post(url, MESSAGE).status_code == 404
    assert "Contacter l’équipe" not in client_for(moderator).get(innovation.get_absolute_url()).content.decode()
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_team_members_do_not_contact_their_own_team(client_for, team):
    innovation, owner, coauthor = team
    for user in (owner, coauthor):
        assert client_for(user).get(reverse("contact:team", args=[innovation.slug])).status_code == 404
        assert "Contacter l’équipe" not in client_for(user).get(innovation.get_absolute_url()).content.decode()


def test_anonymous_is_sent_to_login_from_the_team_form(client, team):
    innovation, *_ = team
    url = reverse("contact:team", args=[innovation.slug])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.post(url, MESSAGE).status_code == 302 and not ContactMessage.objects.exists()
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert "Se connecter pour contacter l’équipe" in page


def test_unknown_innovation_is_404(client_for, agent):
    assert client_for(agent).get(reverse("contact:team", args=["n-existe-pas"])).status_code == 404


def test_the_service_refuses_a_team_member(team):
    innovation, owner, _ = team
    with pytest.raises(services.PermissionDenied):
        services.contact_team(innovation=innovation, sender=services.Sender.from_user(owner), **MESSAGE)


# --- Contacting the author of a declaration -----------------------------------------------

def test_team_and_other_agents_write_to_a_declarer(client_for, team, other_agent,
                                                    django_capture_on_commit_callbacks):
    innovation, owner, _ = team
    replication = ReplicationFactory(innovation=innovation)
    url = reverse("contact:declarer", args=[replication.pk])
    page = client_for(owner).get(innovation.get_absolute_url()).content.decode()
    assert url in page
    for sender in (owner, other_agent):
        response = post(client_for(sender), url, MESSAGE, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        assert mail.outbox[-1].to == [replication.declared_by.email]
        assert mail.outbox[-1].reply_to == [sender.email]
        assert replication.territory.name in mail.outbox[-1].body
    logged = ContactMessage.objects.filter(kind=ContactKind.DECLARER)
    assert logged.count() == 2 and {m.recipient for m in logged} == {replication.declared_by}


def test_the_declarer_does_not_contact_themself(client_for, team):
    innovation, *_ = team
    replication = ReplicationFactory(innovation=innovation)
    url = reverse("contact:declarer", args=[replication.pk])
    assert client_for(replication.declared_by).get(url).status_code == 404
    assert url not in client_for(replication.declared_by).get(innovation.get_absolute_url()).content.decode()


def test_a_declaration_on_an_unpublished_innovation_is_404(client_for, agent, moderator):
    replication = ReplicationFactory(innovation=InnovationFactory(status=Status.ARCHIVED))
    for user in (agent, moderator):
        assert client_for(user).get(reverse("contact:declarer", args=[replication.pk])).status_code == 404


def test_anonymous_is_sent_to_login_from_the_declarer_form(client):
    replication = ReplicationFactory()
    response = client.get(reverse("contact:declarer", args=[replication.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert reverse("contact:declarer", args=[replication.pk]) not in client.get(
        replication.innovation.get_absolute_url()).content.decode()


# --- The platform contact page ------------------------------------------------------------

def test_anonymous_visitor_writes_to_the_platform(client, settings, django_capture_on_commit_callbacks):
    settings.CONTACT_EMAIL = "Équipe Essaimage <contact@essaimage.example.org>"
    assert "Vos prénom et nom" in client.get(reverse("contact:platform")).content.decode()
    data = {**MESSAGE, "name": "Léa Fontaine", "email": "lea@exemple.fr"}
    response = post(client, reverse("contact:platform"), data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    sent = mail.outbox[-1]
    assert sent.to == ["contact@essaimage.example.org"] and sent.reply_to == ["lea@exemple.fr"]
    assert "Léa Fontaine" in sent.body and "lea@exemple.fr" in sent.body
    logged = ContactMessage.objects.get()
    assert logged.sender is None and logged.sender_email == "lea@exemple.fr" and logged.kind == ContactKind.PLATFORM


def test_contact_email_defaults_to_the_sender_address_of_the_site(client_for, agent,
                                                                 django_capture_on_commit_callbacks):
    response = post(client_for(agent), reverse("contact:platform"), MESSAGE, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["ne-pas-repondre@essaimage.beta.gouv.fr"]
    assert mail.outbox[-1].reply_to == [agent.email]


def test_logged_in_sender_does_not_retype_name_and_address(client_for, agent):
    html = client_for(agent).get(reverse("contact:platform")).content.decode()
    assert 'name="email"' not in html and 'name="name"' not in html and agent.email in html


def test_bad_input_gets_french_messages_and_keeps_the_text(client):
    data = {"name": "Léa", "email": "pas-une-adresse", "subject": "x" * 151, "body": "Court"}
    response = client.post(reverse("contact:platform"), data)
    html = response.content.decode()
    assert response.status_code == 200 and not ContactMessage.objects.exists()
    assert "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr." in html
    assert "au plus 150 caractères" in html and "au moins 10 caractères" in html
    assert 'value="pas-une-adresse"' in html and "\nCourt</textarea>" in html and "x" * 151 in html


def test_message_length_is_bounded(client_for, agent, team):
    innovation, *_ = team
    response = client_for(agent).post(reverse("contact:team", args=[innovation.slug]),
                                      {"subject": "Bonjour", "body": "a" * 5001})
    assert "au plus 5000 caractères" in response.content.decode() and not ContactMessage.objects.exists()


def test_the_log_is_read_only_in_the_admin(admin_client, agent, team):
    innovation, *_ = team
    logged = services.contact_team(innovation=innovation, sender=services.Sender.from_user(agent), **MESSAGE)
    assert admin_client.get(reverse("admin:contact_contactmessage_add")).status_code == 403
    response = admin_client.post(reverse("admin:contact_contactmessage_change", args=[logged.pk]),
                                 {"subject": "Autre objet", "body": "Réécrit après coup."})
    assert response.status_code == 403
    logged.refresh_from_db()
    assert logged.subject == MESSAGE["subject"]
    assert MESSAGE["body"] in admin_client.get(
        reverse("admin:contact_contactmessage_change", args=[logged.pk])).content.decode()


# --- The message also lands in the recipients' notices ------------------------------------

def test_a_relayed_message_lands_in_the_recipients_notices_without_a_second_email(
        client_for, agent, team, django_capture_on_commit_callbacks):
    from notifications.models import Notice

    innovation, owner, coauthor = team
    post(client_for(agent), reverse("contact:team", args=[innovation.slug]), MESSAGE,
         django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # the relayed message itself, nothing more
    notices = Notice.objects.order_by("recipient_id")
    assert {n.recipient for n in notices} == {owner, coauthor}
    assert all(n.title == f"Message de {agent.full_name} : Votre tiers-lieu" and n.target == innovation
               and n.url == innovation.get_absolute_url() and not n.in_digest for n in notices)
    bell = client_for(owner).get(reverse("notifications:list")).content.decode()
    assert f"Message de {agent.full_name}" in bell


def test_a_declarer_is_told_in_the_site_and_the_platform_message_tells_nobody(
        client, client_for, team, other_agent, settings, django_capture_on_commit_callbacks):
    from notifications.models import Notice

    innovation, *_ = team
    replication = ReplicationFactory(innovation=innovation)
    post(client_for(other_agent), reverse("contact:declarer", args=[replication.pk]), MESSAGE,
         django_capture_on_commit_callbacks)
    assert list(Notice.objects.values_list("recipient", flat=True)) == [replication.declared_by.pk]
    post(client, reverse("contact:platform"), {**MESSAGE, "name": "Alex Dupont", "email": "alex@exemple.fr"},
         django_capture_on_commit_callbacks)
    assert Notice.objects.count() == 1


def test_messages_received_are_not_a_choice_on_the_preferences_page(client_for, agent):
    page = client_for(agent).get(reverse("notifications:preferences")).content.decode()
    assert "Décisions de modération" in page and "Messages reçus" not in page
