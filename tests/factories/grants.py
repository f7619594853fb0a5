"""Grants factories: rows set directly (test setup); services are tested through their own calls."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from django.utils.text import slugify

from essaimage.enums import OrganisationKind, Role
from grants.enums import ApplicationStatus, MilestoneKind
from grants.models import (
    Application,
    ApplicationFunding,
    BudgetLine,
    Call,
    Milestone,
    Programme,
)
from grants.services import default_criteria
from tests.factories.core import OrganisationFactory, TerritoryFactory, UserFactory
from tests.factories.innovations import InnovationFactory


def instructeur_factory(**kwargs):
    return UserFactory(roles=[Role.AGENT, Role.INSTRUCTEUR], **kwargs)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    funder = factory.SubFactory(OrganisationFactory, name=factory.Sequence(lambda n: f"Fondation financeuse {n}"),
                                kind=OrganisationKind.OPERATEUR)
    title = factory.Sequence(lambda n: f"Programme d’essaimage {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    total_envelope = Decimal("1000000.00")

    @factory.post_generation
    def instructeurs(self, create, extracted, **kwargs):
        if extracted:
            self.instructeurs.add(*extracted)


class CallFactory(factory.django.DjangoModelFactory):
    """An open call (opened yesterday, closing in ten days)."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Appel à projets numéro {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Soutenir l’essaimage des innovations éprouvées."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    envelope = Decimal("200000.00")
    min_amount = Decimal("5000.00")
    max_amount = Decimal("50000.00")

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        default_criteria(self)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete draft: the checklist is empty (amount 20 000 € = tranches; budget 30 000 € =
    20 000 € + 10 000 € of co-funding = budget lines)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    innovation = factory.SubFactory(InnovationFactory)
    organisation = factory.LazyAttribute(lambda o: o.innovation.organisation)
    created_by = factory.LazyAttribute(lambda o: o.innovation.created_by)
    status = ApplicationStatus.DRAFT
    summary = "Essaimer le dispositif dans trois départements."
    amount_requested = Decimal("20000.00")
    total_budget = Decimal("30000.00")
    scaling_mode = "partenariat"
    scaling_partners = "Trois mairies partenaires."
    transfer_kit = "Guide, modèles et formation."
    success_indicators = "Nombre de territoires, usagers servis."

    @factory.post_generation
    def complete(self, create, extracted, **kwargs):
        if extracted is False:
            return
        self.target_territories.add(TerritoryFactory())
        ApplicationFunding.objects.create(application=self, source="Région", amount=Decimal("10000.00"))
        BudgetLine.objects.create(application=self, label="Personnel", planned_amount=Decimal("30000.00"))
        Milestone.objects.create(application=self, title="Premier territoire", kind=MilestoneKind.STEP,
                                 due_date=timezone.localdate() + datetime.timedelta(days=120),
                                 tranche_amount=Decimal("12000.00"))
        Milestone.objects.create(application=self, title="Rapport final", kind=MilestoneKind.FINAL_REPORT,
                                 due_date=timezone.localdate() + datetime.timedelta(days=365),
                                 tranche_amount=Decimal("8000.00"))
