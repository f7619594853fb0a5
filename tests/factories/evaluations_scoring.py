"""Factories of prize campaigns for the scoring tests: a campaign whose dates put it in a given
phase, its categories and default criteria, eligible entries with their team."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from evaluations.enums import CampaignPhase, EntryStatus
from evaluations.models import Campaign, Category, Criterion, Entry
from reviewing.criteria import SCALING_CRITERIA
from tests.factories.core import UserFactory
from tests.factories.innovations import InnovationFactory

DATED = [CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DELIBERATION,
         CampaignPhase.RESULTS]
DATE_FIELDS = ["candidatures_start", "peer_review_start", "jury_start", "deliberation_start", "results_start"]


def dates_for(phase) -> dict:
    """Dates that put a campaign in `phase` now (its start yesterday, the next one in 9 days)."""
    phase = CampaignPhase(phase)
    index = DATED.index(phase) if phase in DATED else -1
    now = timezone.now()
    return {name: now + timedelta(days=(position - index) * 10 - 1) for position, name in enumerate(DATE_FIELDS)}


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Prix de l’innovation publique {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    description = "Un prix pour les innovations qui essaiment."
    phase = CampaignPhase.JURY
    created_by = factory.SubFactory(UserFactory)
    peers_per_entry = 2
    jurors_per_entry = 2
    anonymised = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for name, value in dates_for(kwargs.get("phase", CampaignPhase.JURY)).items():
            kwargs.setdefault(name, value)
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        self.organisers.add(*(extracted if extracted is not None else [self.created_by]))

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if extracted is None:
            Criterion.objects.bulk_create([Criterion(campaign=self, **default.as_fields(order))
                                           for order, default in enumerate(SCALING_CRITERIA)])


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Catégorie {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    """An eligible entry of a published innovation (its creator on the team)."""

    class Meta:
        model = Entry

    campaign = factory.SubFactory(CampaignFactory)
    category = factory.LazyAttribute(lambda o: o.campaign.categories.first() or CategoryFactory(campaign=o.campaign))
    innovation = factory.SubFactory(InnovationFactory)
    organisation = factory.LazyAttribute(lambda o: o.innovation.organisation)
    created_by = factory.LazyAttribute(lambda o: o.innovation.created_by)
    status = EntryStatus.ELIGIBLE
    submitted_at = factory.LazyFunction(timezone.now)
