"""Peer and jury assignment of a campaign, end to end on the evaluations tables (the algorithm's
own tests are in tests/reviewing/test_assignment.py): nobody evaluates their own entry or one of
their organisation, loads differ by at most one, conflicts are honoured, a re-run after late
withdrawals keeps the existing assignments and their scores."""

from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from essaimage.enums import Role
from evaluations import scoring_services
from evaluations.enums import CampaignPhase, EntryStatus, Panel
from evaluations.models import Assignment, ConflictRecord, Entry, Score
from reviewing.enums import ConflictKind
from tests.evaluations.scoring_helpers import campaign_with_entries, fill
from tests.factories import OrganisationFactory, UserFactory
from innovations.models import TeamMember

pytestmark = pytest.mark.django_db


def active(campaign, panel):
    return list(Assignment.objects.filter(campaign=campaign, panel=panel, removed_at__isnull=True))


def test_peers_never_own_entry_nor_organisation_and_loads_balanced(django_capture_on_commit_callbacks):
    shared = OrganisationFactory(name="Mairie de Roubaix")
    organisations = [shared, shared] + [OrganisationFactory() for _ in range(7)]
    campaign, entries, _ = campaign_with_entries(9, phase=CampaignPhase.PEER_REVIEW, organisations=organisations,
                                                 peers_per_entry=3)
    with django_capture_on_commit_callbacks(execute=True):
        report = scoring_services.peer_assignments_create(campaign)
    assignments = active(campaign, Panel.PEER)
    assert report.is_complete and report.created == 27 == len(assignments)
    by_pk = {entry.pk: entry for entry in entries}
    for assignment in assignments:
        assert assignment.entry_id != assignment.peer_entry_id
        assert by_pk[assignment.entry_id].organisation_id != by_pk[assignment.peer_entry_id].organisation_id
        # The sheet is filled by a member of the evaluating team.
        assert assignment.evaluator_id == by_pk[assignment.peer_entry_id].created_by_id
    per_item = Counter(a.entry_id for a in assignments)
    assert set(per_item.values()) == {3}
    loads = Counter(a.peer_entry_id for a in assignments)
    assert max(loads.values()) - min(loads.values()) <= 1
    # Every sheet exists from the start (a draft).
    assert all(a.sheet.state.label == "Brouillon" for a in assignments)
    # The teams are told, without any entry's detail.
    assert mail.outbox and all("Roubaix" not in message.body for message in mail.outbox)


def test_peer_team_sharing_a_member_is_excluded():
    campaign, entries, _ = campaign_with_entries(4, phase=CampaignPhase.PEER_REVIEW, peers_per_entry=2)
    TeamMember.objects.create(innovation=entries[1].innovation, user=entries[0].created_by)
    scoring_services.peer_assignments_create(campaign)
    pairs = {(a.entry_id, a.peer_entry_id) for a in active(campaign, Panel.PEER)}
    assert (entries[0].pk, entries[1].pk) not in pairs and (entries[1].pk, entries[0].pk) not in pairs


def test_rerun_after_late_withdrawal_keeps_scores():
    campaign, entries, _ = campaign_with_entries(6, phase=CampaignPhase.PEER_REVIEW, peers_per_entry=2)
    scoring_services.peer_assignments_create(campaign)
    kept = [a for a in active(campaign, Panel.PEER)
            if entries[0].pk not in (a.entry_id, a.peer_entry_id)][0]
    fill(kept, [4, 3, 5, 2, 1])
    Entry.objects.filter(pk=entries[0].pk).update(status=EntryStatus.WITHDRAWN)
    report = scoring_services.peer_assignments_create(campaign)
    assert report.removed == 4  # entries[0] evaluated by 2 teams and evaluating 2 entries
    assignments = active(campaign, Panel.PEER)
    assert all(entries[0].pk not in (a.entry_id, a.peer_entry_id) for a in assignments)
    assert set(Counter(a.entry_id for a in assignments).values()) == {2}
    kept.refresh_from_db()
    assert kept.removed_at is None and kept.sheet.state.is_locked
    assert Score.objects.filter(sheet=kept.sheet).count() == 5
    # A third run changes nothing.
    again = scoring_services.peer_assignments_create(campaign)
    assert (again.created, again.removed) == (0, 0)


def test_jury_every_entry_reaches_k_loads_balanced_conflicts_excluded_and_recorded():
    campaign, entries, jurors = campaign_with_entries(10, phase=CampaignPhase.JURY, jurors=4, jurors_per_entry=2)
    # A juror from the organisation of entry 0, another on the team of entry 1.
    jurors[0].organisation = entries[0].organisation
    jurors[0].save()
    TeamMember.objects.create(innovation=entries[1].innovation, user=jurors[1])
    report = scoring_services.jury_assignments_create(campaign)
    assignments = active(campaign, Panel.JURY)
    assert report.is_complete and len(assignments) == 20
    pairs = {(a.entry_id, a.evaluator_id) for a in assignments}
    assert (entries[0].pk, jurors[0].pk) not in pairs
    assert (entries[1].pk, jurors[1].pk) not in pairs
    loads = Counter(a.evaluator_id for a in assignments)
    assert max(loads.values()) - min(loads.values()) <= 1
    kinds = set(ConflictRecord.objects.filter(campaign=campaign).values_list("entry_id", "evaluator_id", "kind"))
    assert (entries[0].pk, jurors[0].pk, ConflictKind.SAME_ORGANISATION) in kinds
    assert (entries[1].pk, jurors[1].pk, ConflictKind.TEAM_MEMBER) in kinds
    # Re-running records nothing twice.
    scoring_services.jury_assignments_create(campaign)
    assert ConflictRecord.objects.filter(campaign=campaign).count() == len(kinds)


def test_too_few_jurors_reported_short():
    campaign, entries, jurors = campaign_with_entries(3, phase=CampaignPhase.JURY, jurors=1, jurors_per_entry=2)
    report = scoring_services.jury_assignments_create(campaign)
    assert report.short == {entry.pk: 1 for entry in entries}


def test_declared_conflict_removes_records_and_reassigns(django_capture_on_commit_callbacks):
    campaign, entries, jurors = campaign_with_entries(2, phase=CampaignPhase.JURY, jurors=3, jurors_per_entry=2)
    scoring_services.jury_assignments_create(campaign)
    assignment = Assignment.objects.filter(campaign=campaign, entry=entries[0]).first()
    juror = assignment.evaluator
    with django_capture_on_commit_callbacks(execute=True):
        scoring_services.conflict_answer(assignment=assignment, by=juror, answer="declared",
                                         reason="Ancienne collègue.")
    assignment.refresh_from_db()
    assert assignment.removed_at is not None and assignment.conflict == "declared"
    assert ConflictRecord.objects.filter(entry=entries[0], evaluator=juror, kind=ConflictKind.DECLARED).exists()
    now_on_entry = {a.evaluator_id for a in active(campaign, Panel.JURY) if a.entry_id == entries[0].pk}
    assert len(now_on_entry) == 2 and juror.pk not in now_on_entry
    # The organisers are told.
    organiser = campaign.organisers.get()
    assert any(organiser.email in message.to for message in mail.outbox)


def test_phase_entered_assigns_the_panel():
    campaign, entries, jurors = campaign_with_entries(3, phase=CampaignPhase.JURY, jurors=2, jurors_per_entry=1)
    scoring_services.phase_entered(campaign=campaign, phase=CampaignPhase.JURY)
    assert len(active(campaign, Panel.JURY)) == 3
    assert scoring_services.phase_entered(campaign=campaign, phase=CampaignPhase.DELIBERATION) is None


def test_invitation_accepted_gives_role_and_assignments(django_capture_on_commit_callbacks):
    campaign, entries, jurors = campaign_with_entries(2, phase=CampaignPhase.JURY, jurors=0, jurors_per_entry=1)
    organiser = campaign.organisers.get()
    with django_capture_on_commit_callbacks(execute=True):
        scoring_services.juror_invite(campaign=campaign, email="Nouvelle.Jure@Exemple.gouv.fr", by=organiser)
    message = mail.outbox[-1]
    token = message.body.split("/jury/invitation/")[1].split("/")[0]
    person = UserFactory(roles=[Role.AGENT])
    scoring_services.juror_invitation_accept(token=token, user=person)
    assert person.has_role(Role.JURE) or Role.JURE in set(person.groups.values_list("name", flat=True))
    assert campaign.jurors.filter(pk=person.pk).exists()
    assert len(active(campaign, Panel.JURY)) == 2
    # The link works once (for someone else).
    with pytest.raises(ValidationError, match="déjà été acceptée"):
        scoring_services.juror_invitation_accept(token=token, user=UserFactory())


def test_a_withdrawal_during_the_peer_phase_reassigns_at_once():
    """Part 1's entry transition calls entry_left: the entries the withdrawn team evaluated get
    another team, the withdrawn entry's own assignments are withdrawn, other sheets kept."""
    from evaluations import services

    campaign, entries, _ = campaign_with_entries(6, phase=CampaignPhase.PEER_REVIEW, peers_per_entry=2)
    scoring_services.peer_assignments_create(campaign)
    kept = [a for a in active(campaign, Panel.PEER) if entries[0].pk not in (a.entry_id, a.peer_entry_id)][0]
    fill(kept, [3] * 5)
    services.entry_transition(entry=entries[0], action="withdraw", by=entries[0].created_by)
    assignments = active(campaign, Panel.PEER)
    assert all(entries[0].pk not in (a.entry_id, a.peer_entry_id) for a in assignments)
    assert set(Counter(a.entry_id for a in assignments).values()) == {2}
    kept.refresh_from_db()
    assert kept.removed_at is None and kept.sheet.state.is_locked
