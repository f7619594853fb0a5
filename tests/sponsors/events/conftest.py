import pytest

from essaimage.enums import Role
from tests.factories import UserFactory
from tests.factories.events import EventFactory


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])


@pytest.fixture
def event(organiser):
    return EventFactory(organiser=organiser)


@pytest.fixture
def full_event(organiser):
    """A published event with one seat."""
    return EventFactory(organiser=organiser, capacity=1)


@pytest.fixture
def agents(db):
    return [UserFactory(roles=[Role.AGENT]) for _ in range(4)]
