"""The audit trail read by object: `audit_entries_for(obj)`, its codes in words resolved by the
object's content type, so that two apps' (or two models') « submit » and « draft » never mix."""

import pytest
from django.db import models

from essaimage import audit_labels
from essaimage.selectors import audit_entries_for
from essaimage.services import audit_record
from innovations.enums import ModerationAction
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


class MessageAction(models.TextChoices):
    SUBMIT = "submit", "Envoyer le message"


@pytest.fixture
def fresh_labels():
    audit_labels._action_labels.cache_clear()
    audit_labels._state_labels.cache_clear()
    yield
    audit_labels._action_labels.cache_clear()
    audit_labels._state_labels.cache_clear()


def test_entries_for_one_object_only_newest_first_with_the_actor():
    actor = UserFactory(first_name="Camille", last_name="Martin")
    innovation = InnovationFactory()
    replication = ReplicationFactory()
    other = InnovationFactory()
    first = audit_record(obj=innovation, action="submit", actor=actor, from_state="draft", to_state="submitted")
    second = audit_record(obj=innovation, action="publish", actor=actor, from_state="submitted",
                          to_state="published")
    audit_record(obj=other, action="submit")
    # An entry of another model whose row has the same id is not this object's.
    replication_entry = audit_record(obj=replication, action="declare", to_state="en_cours")
    type(replication_entry).objects.filter(pk=replication_entry.pk).update(object_id=innovation.pk)
    entries = list(audit_entries_for(innovation))
    assert entries == [second, first]
    assert entries[0].actor.full_name == "Camille Martin"
    assert [entry.pk for entry in audit_entries_for(innovation, actions=[ModerationAction.SUBMIT])] == [first.pk]


def test_one_query_whatever_the_number_of_entries(django_assert_num_queries):
    innovation = InnovationFactory()
    actor = UserFactory()
    audit_record(obj=innovation, action="submit", actor=actor)
    list(audit_entries_for(innovation))  # the content types' labels are cached once per process
    [entry.action_label for entry in audit_entries_for(innovation)]
    with django_assert_num_queries(1):
        assert [entry.action_label for entry in audit_entries_for(innovation)] == ["Soumettre"]
    for action in ("publish", "archive", "restore"):
        audit_record(obj=innovation, action=action, actor=UserFactory())
    with django_assert_num_queries(1):
        entries = list(audit_entries_for(innovation))
        assert [entry.action_label for entry in entries] == ["Republier", "Archiver", "Publier", "Soumettre"]
        assert all(entry.actor.email for entry in entries)


def test_labels_are_resolved_by_content_type(fresh_labels, monkeypatch):
    from contact.models import ContactMessage

    monkeypatch.setattr(ContactMessage, "audit_actions", MessageAction, raising=False)
    innovation = InnovationFactory()
    message = ContactMessage.objects.create(kind="platform", sender_name="Alex", sender_email="a@example.fr",
                                            subject="Sujet", body="Un message assez long.")
    on_innovation = audit_record(obj=innovation, action="submit", from_state="draft", to_state="submitted")
    on_message = audit_record(obj=message, action="submit", from_state="draft", to_state="platform")
    assert (on_innovation.action_label, on_innovation.from_label, on_innovation.to_label) == (
        "Soumettre", "Brouillon", "En attente de modération")
    # The same codes on another app's object: its own words, or the code itself, never the innovation's.
    assert (on_message.action_label, on_message.from_label, on_message.to_label) == (
        "Envoyer le message", "draft", "Équipe de la plateforme")


def test_a_replication_reads_its_own_states_not_the_innovations():
    replication = ReplicationFactory()
    entry = audit_record(obj=replication, action="status", from_state="interesse", to_state="en_cours")
    assert (entry.action_label, entry.from_label, entry.to_label) == ("Changement d’état", "Intéressé", "En cours")
