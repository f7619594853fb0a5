"""The relay is rate-limited per sender and per recipient address, with the typed text kept."""

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import ContactMessage
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db

MESSAGE = {"subject": "Une question précise", "body": "Combien de médiateurs faut-il pour démarrer ?"}


@pytest.fixture
def limits(settings):
    settings.CONTACT_SENDER_LIMIT_PER_HOUR = 2
    settings.CONTACT_RECIPIENT_LIMIT_PER_DAY = 3
    settings.CONTACT_PLATFORM_LIMIT_PER_DAY = 4
    return settings


def send(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def test_a_sender_is_limited_per_hour_and_keeps_the_typed_text(client_for, agent, limits,
                                                              django_capture_on_commit_callbacks):
    innovations = [InnovationFactory() for _ in range(3)]
    client = client_for(agent)
    for innovation in innovations[:2]:
        assert send(client, reverse("contact:team", args=[innovation.slug]), MESSAGE,
                    django_capture_on_commit_callbacks).status_code == 302
    response = send(client, reverse("contact:team", args=[innovations[2].slug]), MESSAGE,
                    django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Vous avez envoyé beaucoup de messages en peu de temps" in html
    assert "Votre message n’est pas perdu" in html
    assert "Votre message n’est pas parti" in html and "Le formulaire contient des erreurs" not in html
    assert 'value="Une question précise"' in html and "Combien de médiateurs faut-il pour démarrer ?</textarea>" in html
    assert len(mail.outbox) == 2 and ContactMessage.objects.count() == 2


def test_the_limit_counts_every_relay_of_the_sender(client_for, agent, limits, django_capture_on_commit_callbacks):
    client = client_for(agent)
    assert send(client, reverse("contact:platform"), MESSAGE, django_capture_on_commit_callbacks).status_code == 302
    assert send(client, reverse("contact:team", args=[InnovationFactory().slug]), MESSAGE,
                django_capture_on_commit_callbacks).status_code == 302
    assert send(client, reverse("contact:platform"), MESSAGE, django_capture_on_commit_callbacks).status_code == 429


def test_a_recipient_address_is_limited_per_day(client_for, limits, django_capture_on_commit_callbacks):
    owner = UserFactory()
    innovation = InnovationFactory(created_by=owner)
    other = InnovationFactory(team=[owner])  # the same person, reached through another sheet
    senders = [UserFactory() for _ in range(4)]
    for sender, target in zip(senders[:3], [innovation, other, innovation], strict=True):
        assert send(client_for(sender), reverse("contact:team", args=[target.slug]), MESSAGE,
                    django_capture_on_commit_callbacks).status_code == 302
    response = send(client_for(senders[3]), reverse("contact:team", args=[innovation.slug]), MESSAGE,
                    django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert "Ce destinataire a déjà reçu beaucoup de messages aujourd’hui" in response.content.decode()
    assert sum(owner.email in sent.to for sent in mail.outbox) == 3


def test_an_anonymous_sender_is_limited_by_the_address_typed(client, limits, django_capture_on_commit_callbacks):
    data = {**MESSAGE, "name": "Léa", "email": "lea@exemple.fr"}
    for _ in range(2):
        assert send(client, reverse("contact:platform"), data, django_capture_on_commit_callbacks).status_code == 302
    same_person = {**data, "email": "LEA@Exemple.fr "}
    assert send(client, reverse("contact:platform"), same_person,
                django_capture_on_commit_callbacks).status_code == 429


def test_anonymous_senders_of_one_network_are_limited_too(client, limits, django_capture_on_commit_callbacks):
    limits.CONTACT_PLATFORM_LIMIT_PER_DAY = 100
    for n in range(8):  # 4 x the per-sender limit, one address each
        data = {**MESSAGE, "name": "Robot", "email": f"robot{n}@exemple.fr"}
        assert send(client, reverse("contact:platform"), data, django_capture_on_commit_callbacks).status_code == 302
    data = {**MESSAGE, "name": "Robot", "email": "robot99@exemple.fr"}
    response = send(client, reverse("contact:platform"), data, django_capture_on_commit_callbacks)
    assert response.status_code == 429 and "sont partis de votre réseau" in response.content.decode()
    assert ContactMessage.objects.count() == 8


def test_the_platform_address_has_its_own_daily_limit(client, limits, django_capture_on_commit_callbacks):
    limits.CONTACT_PLATFORM_LIMIT_PER_DAY = 1
    first = {**MESSAGE, "name": "A", "email": "a@exemple.fr"}
    second = {**MESSAGE, "name": "B", "email": "b@exemple.fr"}
    assert send(client, reverse("contact:platform"), first, django_capture_on_commit_callbacks).status_code == 302
    assert send(client, reverse("contact:platform"), second, django_capture_on_commit_callbacks).status_code == 429


def test_a_refused_message_does_not_use_up_the_recipient_allowance(client_for, agent, limits,
                                                                   django_capture_on_commit_callbacks):
    """Refused by the sender's limit: the recipient's count is untouched (rolled back)."""
    limits.CONTACT_SENDER_LIMIT_PER_HOUR = 0
    innovation = InnovationFactory()
    assert send(client_for(agent), reverse("contact:team", args=[innovation.slug]), MESSAGE,
                django_capture_on_commit_callbacks).status_code == 429
    limits.CONTACT_SENDER_LIMIT_PER_HOUR = 10
    for _ in range(3):
        assert send(client_for(UserFactory()), reverse("contact:team", args=[innovation.slug]), MESSAGE,
                    django_capture_on_commit_callbacks).status_code == 302
