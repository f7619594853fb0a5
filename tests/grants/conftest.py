import pytest

from essaimage.enums import Role
from tests.factories import UserFactory
from tests.factories.grants import ApplicationFactory, CallFactory, ProgrammeFactory, instructeur_factory
from tests.factories.innovations import InnovationFactory


@pytest.fixture
def instructeur(db):
    return instructeur_factory()


@pytest.fixture
def other_instructeur(db):
    """An instructeur of another programme."""
    user = instructeur_factory()
    ProgrammeFactory(instructeurs=[user])
    return user


@pytest.fixture
def programme(instructeur):
    return ProgrammeFactory(instructeurs=[instructeur])


@pytest.fixture
def call(programme):
    return CallFactory(programme=programme)


@pytest.fixture
def team_member(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def innovation(team_member):
    return InnovationFactory(created_by=team_member)


@pytest.fixture
def application(call, innovation):
    """A complete draft of `innovation` to `call`."""
    return ApplicationFactory(call=call, innovation=innovation)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block queued on commit (the e-mails of notices)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
