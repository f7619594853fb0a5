import factory
from django.utils import timezone
from django.utils.text import slugify

from essaimage.enums import Role
from sponsors.events.enums import EventFormat, EventStatus, RegistrationStatus
from sponsors.events.models import Event, Registration
from tests.factories.core import UserFactory


def in_days(days: float, hour: int = 14):
    moment = timezone.localtime() + timezone.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A published in-person event in ten days (status set directly: test setup)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    organiser = factory.SubFactory(UserFactory, roles=[Role.AGENT, Role.ORGANISATEUR])
    title = factory.Sequence(lambda n: f"Rencontre numéro {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    description = "Des équipes présentent leurs innovations."
    format = EventFormat.PRESENTIEL
    place_name = "Hôtel de ville"
    address = "1 place de la Mairie"
    starts_at = factory.LazyFunction(lambda: in_days(10, 14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timezone.timedelta(hours=3))
    capacity = 10
    status = EventStatus.PUBLIE
    published_at = factory.LazyFunction(timezone.now)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = RegistrationStatus.INSCRIT
