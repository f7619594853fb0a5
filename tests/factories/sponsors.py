import factory
from django.utils import timezone

from essaimage.enums import Role
from sponsors.enums import ProfileStatus, RequestStatus, SponsorshipStatus
from sponsors.models import CheckIn, SponsorProfile, Sponsorship, SponsorshipRequest
from tests.factories.core import UserFactory
from tests.factories.innovations import InnovationFactory


class SponsorProfileFactory(factory.django.DjangoModelFactory):
    """An approved profile (status set directly: test setup); `themes=[...]`, `territories=[...]`."""

    class Meta:
        model = SponsorProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, roles=[Role.AGENT, Role.PARRAIN])
    capacity = 2
    presentation = "J’ai porté et essaimé un guichet unique dans trois départements."
    contact_ways = "Par e-mail, visio le mardi."
    status = ProfileStatus.APPROUVE
    approved_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if extracted:
            self.territories.set(extracted)


class SponsorshipRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipRequest

    innovation = factory.SubFactory(InnovationFactory)
    sponsor = factory.SubFactory(SponsorProfileFactory)
    requested_by = factory.LazyAttribute(lambda o: o.innovation.created_by)
    message = "Pourriez-vous nous accompagner ?"
    status = RequestStatus.EN_ATTENTE


class SponsorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsorship

    innovation = factory.SubFactory(InnovationFactory)
    sponsor = factory.SubFactory(SponsorProfileFactory)
    objectives = "Trouver deux territoires pilotes."
    status = SponsorshipStatus.EN_COURS


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    sponsorship = factory.SubFactory(SponsorshipFactory)
    date = factory.LazyFunction(timezone.localdate)
    notes = "Notes privées du point d’étape."
    next_step = "Visite sur site."
