"""The admin site cannot bypass the services: statuses are read-only there (moderation actions
call innovation_transition), saves go through innovation_admin_save / replication_admin_save,
and innovations and declarations are created on the site only."""

import pytest
from django.urls import reverse

from essaimage.models import AuditEntry
from innovations import services
from innovations.enums import ReplicationStatus, Status
from innovations.models import Innovation, Replication, Revision
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def team_rows(innovation) -> dict:
    """The team inline as the admin page renders it: one row per member."""
    members = list(innovation.members.order_by("pk"))
    data = {"members-TOTAL_FORMS": str(len(members)), "members-INITIAL_FORMS": str(len(members))}
    for index, member in enumerate(members):
        data.update({f"members-{index}-id": member.pk, f"members-{index}-innovation": innovation.pk,
                     f"members-{index}-user": member.user_id, f"members-{index}-role": member.role})
    return data


def change_data(innovation, **overrides):
    data = {
        "title": innovation.title, "summary": innovation.summary, "theme_ids": [], "stage": innovation.stage,
        "territory": innovation.territory_id, "organisation": innovation.organisation_id,
        "problem": "p", "solution": "s", "public_concerned": "", "results": "", "evidence": "", "costs": "",
        "links": "", "created_by": innovation.created_by_id,
        "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
        **team_rows(innovation),
    }
    data.update(overrides)
    return data


def test_the_admin_cannot_change_an_innovation_status(admin_client_):
    innovation = InnovationFactory(status=Status.SUBMITTED)
    published_at = innovation.published_at
    url = reverse("admin:innovations_innovation_change", args=[innovation.pk])
    response = admin_client_.post(url, change_data(innovation, status=Status.PUBLISHED, title="Titre corrigé",
                                                   slug="pirate", published_at="2026-01-01"))
    assert response.status_code == 302, response.content.decode()[:2000]
    innovation.refresh_from_db()
    assert innovation.title == "Titre corrigé"
    assert innovation.status == Status.SUBMITTED and innovation.slug != "pirate"
    assert innovation.published_at == published_at
    # The save went through the service: a version records who changed what.
    assert Revision.objects.get(innovation=innovation).author.is_superuser


def test_the_admin_cannot_change_a_declaration_state(admin_client_):
    replication = ReplicationFactory(status=ReplicationStatus.EN_COURS)
    url = reverse("admin:innovations_replication_change", args=[replication.pk])
    response = admin_client_.post(url, {"scaling_mode": "filiale", "status": ReplicationStatus.REALISE,
                                        "adaptations": "Corrigé par l’administration."})
    assert response.status_code == 302, response.content.decode()[:2000]
    replication.refresh_from_db()
    assert replication.status == ReplicationStatus.EN_COURS and replication.scaling_mode == "filiale"


def test_the_admin_creates_neither_innovations_nor_declarations(admin_client_):
    assert admin_client_.get(reverse("admin:innovations_innovation_add")).status_code == 403
    assert admin_client_.get(reverse("admin:innovations_replication_add")).status_code == 403


def test_admin_moderation_goes_through_the_transition_service(client):
    moderator = UserFactory(roles=["agent", "moderateur"], is_staff=True, is_superuser=True)
    client.force_login(moderator)
    innovation = InnovationFactory(status=Status.SUBMITTED)
    response = client.post(reverse("admin:innovations_innovation_changelist"),
                           {"action": "moderation_publish", "_selected_action": [innovation.pk]})
    assert response.status_code == 302
    assert Innovation.objects.get(pk=innovation.pk).status == Status.PUBLISHED
    assert AuditEntry.objects.get(object_id=innovation.pk).to_state == Status.PUBLISHED


def test_the_admin_save_services_refuse_fields_outside_their_list(agent):
    innovation = InnovationFactory(status=Status.DRAFT)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    innovation.status = Status.PUBLISHED
    with pytest.raises(ValueError, match="cannot write status"):
        services.innovation_admin_save(innovation=innovation, by=superuser, changed=["status"])
    replication = ReplicationFactory()
    with pytest.raises(ValueError, match="cannot write status"):
        services.replication_admin_save(replication=replication, by=superuser, changed=["status"])
    assert Innovation.objects.get(pk=innovation.pk).status == Status.DRAFT
    assert Replication.objects.get(pk=replication.pk).status == replication.status


def test_innovation_save_writes_only_its_explicit_fields(agent, themes):
    with pytest.raises(ValueError, match="cannot write status"):
        services.innovation_save(innovation=None, by=agent, data={"title": "Fiche", "status": Status.PUBLISHED},
                                 themes=[], grid={}, funding=[], coauthors=[])
    with pytest.raises(ValueError, match="cannot write summary"):
        services.innovation_save(innovation=None, by=agent, data={"title": "Fiche", "summary": "r"},
                                 themes=[], grid={}, funding=[], coauthors=[], fields=["title"])
    saved = services.innovation_save(innovation=None, by=agent, data={"title": "Fiche"}, themes=[], grid={},
                                     funding=[], coauthors=[], fields=["title"])
    assert saved.status == Status.DRAFT and saved.title == "Fiche"
    assert not Innovation.objects.exclude(pk=saved.pk).exists()


def test_the_admin_changes_the_team_through_the_audited_service(admin_client_):
    innovation = InnovationFactory()
    owner = innovation.members.get().user
    newcomer = UserFactory(first_name="Nora", last_name="Lemaire")
    url = reverse("admin:innovations_innovation_change", args=[innovation.pk])
    data = change_data(innovation)
    data.update({"members-TOTAL_FORMS": "2", "members-1-innovation": innovation.pk,
                 "members-1-user": newcomer.pk, "members-1-role": "coauthor"})
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(innovation.members.values_list("user_id", "role")) == {(owner.pk, "owner"), (newcomer.pk, "coauthor")}
    entry = AuditEntry.objects.get(action="team")
    assert entry.message == "Nora Lemaire (ajouté)" and entry.actor.is_superuser


def test_the_admin_cannot_leave_a_team_without_owner(admin_client_):
    innovation = InnovationFactory()
    url = reverse("admin:innovations_innovation_change", args=[innovation.pk])
    data = change_data(innovation)
    data["members-0-DELETE"] = "on"
    response = admin_client_.post(url, data)
    assert response.status_code == 200
    assert "L’équipe doit garder au moins un porteur." in response.content.decode()
    assert innovation.members.count() == 1 and not AuditEntry.objects.filter(action="team").exists()
