"""Prize campaigns: a campaign in any phase (its dates around now agree with the phase)."""

from datetime import timedelta

import factory
from django.utils import timezone

from evaluations.enums import CampaignPhase, EntryStatus
from evaluations.models import Award, Campaign, Category, Criterion, Entry, Question
from reviewing.criteria import SCALING_CRITERIA
from tests.factories.core import UserFactory
from tests.factories.innovations import InnovationFactory

DAY = timedelta(days=1)
DATED = [CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DELIBERATION,
         CampaignPhase.RESULTS]


def dates_for(phase: CampaignPhase, now=None) -> dict:
    """Phase dates 10 days apart such that `phase` is the current one at `now` (before the
    candidatures for the draft and the announcement)."""
    now = now or timezone.now()
    current = DATED.index(phase) if phase in DATED else -1
    starts = {}
    for index, dated in enumerate(DATED):
        starts[dated] = now + (index - current) * 10 * DAY - (DAY if index <= current else timedelta(0))
    return {"candidatures_start": starts[CampaignPhase.CANDIDATURES],
            "peer_review_start": starts[CampaignPhase.PEER_REVIEW], "jury_start": starts[CampaignPhase.JURY],
            "deliberation_start": starts[CampaignPhase.DELIBERATION], "results_start": starts[CampaignPhase.RESULTS]}


class CampaignFactory(factory.django.DjangoModelFactory):
    """A campaign in `phase` (stored and agreeing with its dates), with one organiser, one
    category, the default scaling criteria and one question."""

    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    class Params:
        at = CampaignPhase.CANDIDATURES

    title = factory.Sequence(lambda n: f"Prix de l’essaimage numéro {n}")
    slug = factory.Sequence(lambda n: f"prix-{n}")
    summary = "Un prix pour les innovations qui essaiment."
    description = "Les équipes présentent une innovation publiée."
    phase = factory.LazyAttribute(lambda o: o.at)
    created_by = factory.SubFactory(UserFactory)
    candidatures_start = factory.LazyAttribute(lambda o: dates_for(o.at)["candidatures_start"])
    peer_review_start = factory.LazyAttribute(lambda o: dates_for(o.at)["peer_review_start"])
    jury_start = factory.LazyAttribute(lambda o: dates_for(o.at)["jury_start"])
    deliberation_start = factory.LazyAttribute(lambda o: dates_for(o.at)["deliberation_start"])
    results_start = factory.LazyAttribute(lambda o: dates_for(o.at)["results_start"])
    results_published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.at == CampaignPhase.RESULTS else None)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        self.organisers.add(*(extracted or [self.created_by]))

    @factory.post_generation
    def setup(self, create, extracted, **kwargs):
        if extracted is False:
            return
        Category.objects.create(campaign=self, name="Services aux usagers", prizes_count=2,
                                prize_labels=["Premier prix", "Mention spéciale"])
        Criterion.objects.bulk_create([Criterion(campaign=self, **criterion.as_fields(order))
                                       for order, criterion in enumerate(SCALING_CRITERIA)])
        Question.objects.create(campaign=self, label="Qu’est-ce qui rend votre innovation transférable ?")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    campaign = factory.SubFactory(CampaignFactory)
    category = factory.LazyAttribute(lambda o: o.campaign.categories.first())
    innovation = factory.SubFactory(InnovationFactory)
    organisation = factory.LazyAttribute(lambda o: o.innovation.organisation)
    created_by = factory.LazyAttribute(lambda o: o.innovation.created_by)
    status = EntryStatus.DRAFT
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status in (EntryStatus.DRAFT, EntryStatus.WITHDRAWN) else timezone.now())
    ruling_reason = factory.LazyAttribute(lambda o: "Hors du champ." if o.status == EntryStatus.INELIGIBLE else "")


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    entry = factory.SubFactory(EntryFactory, status=EntryStatus.ELIGIBLE)
    category = factory.LazyAttribute(lambda o: o.entry.category)
    rank = 1
    prize_label = "Premier prix"
    citation = "Une innovation exemplaire."

