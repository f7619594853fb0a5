"""Factories of the test-only tables built on reviewing's abstract models (tests/reviewing/fake_models.py)."""

from decimal import Decimal

import factory

from tests.factories.core import UserFactory
from tests.reviewing import fake_models


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fake_models.Call

    title = factory.Sequence(lambda n: f"Appel {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fake_models.Criterion

    call = factory.SubFactory(CallFactory)
    label = factory.Sequence(lambda n: f"Critère {n}")
    weight = Decimal("1")
    scale_max = 5
    order = factory.Sequence(int)


class FileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fake_models.File

    call = factory.SubFactory(CallFactory)
    title = factory.Sequence(lambda n: f"Dossier {n}")


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fake_models.Assignment

    file = factory.SubFactory(FileFactory)
    evaluator = factory.SubFactory(UserFactory)


class SheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = fake_models.Sheet

    assignment = factory.SubFactory(AssignmentFactory)
