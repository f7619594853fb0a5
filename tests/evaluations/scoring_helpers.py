"""Plain helpers of the scoring tests: campaigns with entries and jurors, sheets filled."""

from essaimage.enums import Role
from evaluations import scoring_services
from evaluations.enums import CampaignPhase, Panel
from evaluations.models import Assignment, Score, ScoreSheet
from reviewing.enums import ConflictAnswer, SheetStatus
from tests.factories import OrganisationFactory, UserFactory
from evaluations.enums import EntryStatus
from tests.factories.evaluations import CampaignFactory, EntryFactory
from tests.factories.innovations import InnovationFactory


def campaign_with_entries(n=4, *, phase=CampaignPhase.JURY, jurors=0, organisations=None, **campaign_fields):
    """A campaign in `phase` with one category, `n` eligible entries (each its own organisation
    unless `organisations` gives one per entry) and `jurors` jurors."""
    organiser = UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])
    campaign = CampaignFactory(at=phase, created_by=organiser, **{"peers_per_entry": 2, "jurors_per_entry": 2,
                                                                 "anonymised": True, **campaign_fields})
    category = campaign.categories.get()
    entries = []
    for index in range(n):
        organisation = organisations[index] if organisations else OrganisationFactory()
        innovation = InnovationFactory(organisation=organisation, created_by=UserFactory(organisation=organisation))
        entries.append(EntryFactory(campaign=campaign, category=category, innovation=innovation,
                                    status=EntryStatus.ELIGIBLE))
    juror_users = [UserFactory(roles=[Role.AGENT, Role.JURE]) for _ in range(jurors)]
    campaign.jurors.add(*juror_users)
    return campaign, entries, juror_users


def fill(assignment, values, *, submit=True, comment=""):
    """Writes a sheet directly (test setup): `values` in the campaign's criteria order."""
    sheet = ScoreSheet.objects.get(assignment=assignment)
    criteria = list(assignment.campaign.criteria.all())
    Score.objects.bulk_create([Score(sheet=sheet, criterion=c, value=v, comment=f"Commentaire {c.label}")
                               for c, v in zip(criteria, values, strict=True)])
    Assignment.objects.filter(pk=assignment.pk).update(conflict=ConflictAnswer.NONE,
                                                       conflict_declared_at=sheet.created_at)
    if submit:
        sheet.status = SheetStatus.SUBMITTED
        sheet.submitted_at = sheet.created_at
        sheet.comment = comment
        sheet.save()
    return sheet


def assign_jury(campaign, pairs):
    """Creates jury assignments (entry, juror) by hand, with their sheets."""
    return scoring_services._create(campaign, Panel.JURY, [(entry.pk, juror.pk, None) for entry, juror in pairs])


def assign_peer(campaign, pairs):
    return scoring_services._create(campaign, Panel.PEER, [(entry.pk, peer.created_by_id, peer.pk)
                                                          for entry, peer in pairs])


class Scene:
    """A campaign in `phase` with three entries (A, B, C) of three organisations, and one person
    per role: the organiser, a juror assigned to A (« aucun conflit »), a juror of the campaign not
    assigned to A (assigned to B), a juror who declared a conflict with A, a member of B's team
    (B's team evaluates A), A's team member, another agent."""

    def __init__(self, phase, **campaign_fields):
        from django.utils import timezone

        self.campaign, (self.a, self.b, self.c), (self.juror, self.unassigned, self.conflicted) = \
            campaign_with_entries(3, phase=phase, jurors=3, **campaign_fields)
        self.organiser = self.campaign.organisers.get()
        self.jury_a, self.jury_b, self.conflict_a = assign_jury(
            self.campaign, [(self.a, self.juror), (self.b, self.unassigned), (self.a, self.conflicted)])
        (self.peer_a,) = assign_peer(self.campaign, [(self.a, self.b)])
        now = timezone.now()
        Assignment.objects.filter(pk__in=[self.jury_a.pk, self.jury_b.pk, self.peer_a.pk]).update(
            conflict=ConflictAnswer.NONE, conflict_declared_at=now)
        Assignment.objects.filter(pk=self.conflict_a.pk).update(
            conflict=ConflictAnswer.DECLARED, conflict_declared_at=now, conflict_reason="Ancien collègue.",
            removed_at=now, removed_reason="Conflit d’intérêts déclaré")
        for assignment in (self.jury_a, self.jury_b, self.peer_a, self.conflict_a):
            assignment.refresh_from_db()
        self.peer = self.b.created_by
        self.team_a = self.a.created_by
        self.other = UserFactory(roles=[Role.AGENT])
