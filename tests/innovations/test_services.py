import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from essaimage.models import AuditEntry
from innovations import services
from innovations.enums import ModerationAction, ReplicationStatus, Status
from innovations.models import Innovation, Replication, Revision
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.innovations.helpers import GRID, save_draft

pytestmark = pytest.mark.django_db


def test_save_creates_draft_with_owner_grid_funding_and_search_document(agent, themes):
    innovation = save_draft(agent, themes)
    assert innovation.status == Status.DRAFT
    assert innovation.members.get().user == agent
    assert innovation.business_model.completeness()["filled"] == 3  # 2 texts + funding at 100 %
    innovation.refresh_from_db()
    assert "mobilit" in str(innovation.search_vector)  # theme name indexed through search_extra
    assert innovation.region.name == "Hauts-de-France" and innovation.departement.code == "59"
    assert Revision.objects.filter(innovation=innovation).count() == 1


def test_a_draft_saves_with_a_funding_mix_not_adding_up_to_100_but_cannot_be_submitted(agent, themes):
    innovation = services.innovation_save(innovation=None, by=agent, data={"title": "Idée en germe"}, themes=[],
                                          grid={}, funding=[("Commune", 60), ("État", 30)], coauthors=[])
    assert list(innovation.business_model.funding_sources.values_list("share", flat=True)) == [60, 30]
    missing = services.submission_checklist(Innovation.objects.get(pk=innovation.pk))
    funding = next(part for part in missing if part.field == "funding")
    assert "totaliser 100\u00a0%" in funding.label and "90\u00a0%" in funding.label
    assert (funding.anchor, funding.section) == ("financement", "grille")
    with pytest.raises(ValidationError) as error:
        services.innovation_transition(innovation=innovation, action=ModerationAction.SUBMIT, by=agent)
    assert "le financement, dont les parts doivent totaliser 100" in error.value.messages[0]
    assert Innovation.objects.get(pk=innovation.pk).status == Status.DRAFT


def test_draft_may_be_incomplete_but_submission_lists_missing_parts(agent, themes):
    innovation = services.innovation_save(innovation=None, by=agent, data={"title": "Idée en germe"}, themes=[],
                                          grid={}, funding=[], coauthors=[])
    with pytest.raises(ValidationError) as error:
        services.innovation_transition(innovation=innovation, action=ModerationAction.SUBMIT, by=agent)
    text = " ".join(error.value.messages)
    for part in ("le résumé", "au moins un thème", "le territoire d’origine", "la proposition de valeur"):
        assert part in text
    assert Innovation.objects.get(pk=innovation.pk).status == Status.DRAFT


def test_moderation_cycle_is_audited_and_notifies(agent, moderator, themes, django_capture_on_commit_callbacks):
    innovation = save_draft(agent, themes)
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=innovation, action="submit", by=agent)
    assert mail.outbox[-1].to == [moderator.email]
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=innovation, action="request_changes", by=moderator,
                                       message="Précisez les résultats chiffrés.")
    assert mail.outbox[-1].to == [agent.email]
    assert "Précisez les résultats chiffrés." in mail.outbox[-1].body
    services.innovation_transition(innovation=innovation, action="submit", by=agent)
    published = services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    assert published.status == Status.PUBLISHED and published.published_at is not None
    trail = list(AuditEntry.objects.filter(object_id=innovation.pk).values_list("action", "from_state", "to_state",
                                                                                 "actor"))
    assert trail == [
        ("submit", "draft", "submitted", agent.pk),
        ("request_changes", "submitted", "changes_requested", moderator.pk),
        ("submit", "changes_requested", "submitted", agent.pk),
        ("publish", "submitted", "published", moderator.pk),
    ]


def test_transitions_outside_the_table_are_refused(agent, moderator, themes):
    innovation = save_draft(agent, themes)
    with pytest.raises(ValidationError):
        services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    with pytest.raises(ValidationError):
        services.innovation_transition(innovation=innovation, action="archive", by=moderator)
    assert not AuditEntry.objects.exists()


def test_only_moderators_moderate_and_only_the_team_submits(agent, other_agent, themes):
    innovation = save_draft(agent, themes)
    with pytest.raises(PermissionDenied):
        services.innovation_transition(innovation=innovation, action="submit", by=other_agent)
    services.innovation_transition(innovation=innovation, action="submit", by=agent)
    with pytest.raises(PermissionDenied):
        services.innovation_transition(innovation=innovation, action="publish", by=agent)


def test_request_changes_requires_a_message(agent, moderator, themes):
    innovation = save_draft(agent, themes)
    services.innovation_transition(innovation=innovation, action="submit", by=agent)
    with pytest.raises(ValidationError, match="Expliquez"):
        services.innovation_transition(innovation=innovation, action="request_changes", by=moderator, message=" ")


def test_coauthors_share_editing_and_history_is_kept(agent, other_agent, moderator, themes):
    innovation = save_draft(agent, themes)
    data = {"title": innovation.title, "summary": "Résumé revu par la co-autrice."}
    services.innovation_save(innovation=innovation, by=agent, data=data, themes=[themes["mobilite"]], grid=GRID,
                             funding=[], coauthors=[other_agent])
    assert other_agent.has_perm("innovations.change_innovation", Innovation.objects.get(pk=innovation.pk))
    services.innovation_transition(innovation=innovation, action="submit", by=other_agent)
    services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    services.innovation_save(innovation=innovation, by=other_agent, data={"summary": "Version publiée, mise à jour."},
                             themes=[themes["mobilite"]], grid=GRID, funding=[], coauthors=[other_agent])
    revisions = list(Revision.objects.filter(innovation=innovation).order_by("created_at", "id"))
    assert [r.data["summary"] for r in revisions] == [
        "Des bénévoles conduisent.", "Résumé revu par la co-autrice.", "Version publiée, mise à jour."]
    assert revisions[-1].status == Status.PUBLISHED and revisions[-1].author == other_agent
    assert Innovation.objects.get(pk=innovation.pk).status == Status.PUBLISHED


def test_non_team_member_cannot_save(agent, other_agent, themes):
    innovation = save_draft(agent, themes)
    with pytest.raises(PermissionDenied):
        services.innovation_save(innovation=innovation, by=other_agent, data={"title": "Piraté"}, themes=[], grid={},
                                 funding=[], coauthors=[])


def test_replication_declaration_counts_and_notifies_team(agent, other_agent, django_capture_on_commit_callbacks):
    innovation = InnovationFactory(created_by=agent)
    place = territory_tree(commune="Amiens", commune_code="80021", dept="Somme", dept_code="80")
    with django_capture_on_commit_callbacks(execute=True):
        replication = services.replication_declare(
            innovation=innovation, by=other_agent, organisation=other_agent.organisation, territory=place,
            scaling_mode="partenariat", status="en_cours", adaptations="Adapté aux zones rurales.")
    assert Innovation.objects.get(pk=innovation.pk).replication_count == 1
    assert mail.outbox[-1].to == [agent.email] and "Amiens" in mail.outbox[-1].subject
    assert AuditEntry.objects.get(object_id=replication.pk, action="declare").to_state == "en_cours"
    # Same organisation, same territory: refused with a clear message, one row only.
    with pytest.raises(ValidationError, match="déjà déclaré"):
        services.replication_declare(innovation=innovation, by=other_agent, organisation=other_agent.organisation,
                                     territory=place, scaling_mode="diffusion", status="interesse", adaptations="")
    assert Replication.objects.count() == 1


def test_replication_cannot_target_unpublished_innovation(other_agent):
    innovation = InnovationFactory(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="publiée"):
        services.replication_declare(innovation=innovation, by=other_agent, organisation=other_agent.organisation,
                                     territory=innovation.territory, scaling_mode="diffusion", status="interesse",
                                     adaptations="")


def test_replication_status_changes_follow_the_table_and_author_only(other_agent, agent):
    replication = ReplicationFactory(declared_by=other_agent, status=ReplicationStatus.EN_COURS)
    services.refresh_replication_count(replication.innovation_id)
    with pytest.raises(PermissionDenied):
        services.replication_update(replication=replication, by=agent, scaling_mode="diffusion", status="realise",
                                    adaptations="")
    services.replication_update(replication=replication, by=other_agent, scaling_mode="diffusion",
                                status="abandonne", adaptations="Budget non reconduit.")
    assert Innovation.objects.get(pk=replication.innovation_id).replication_count == 0
    with pytest.raises(ValidationError, match="ne peut pas passer"):
        services.replication_update(replication=replication, by=other_agent, scaling_mode="diffusion",
                                    status="realise", adaptations="")
    assert AuditEntry.objects.get(object_id=replication.pk, action="status").from_state == "en_cours"


def test_organisation_is_reused_by_siret_or_name():
    from essaimage.services import organisation_get_or_create

    first = OrganisationFactory(name="Mairie de Lille", kind="collectivite", siret="")
    assert organisation_get_or_create(name="  mairie de  lille ", kind="collectivite") == first
    assert organisation_get_or_create(name="Autre", kind="autre") != first
    UserFactory()


def test_deleting_a_replication_recounts_its_innovation():
    replication = ReplicationFactory()
    services.refresh_replication_count(replication.innovation_id)
    assert Innovation.objects.get().replication_count == 1
    replication.delete()
    assert Innovation.objects.get().replication_count == 0
