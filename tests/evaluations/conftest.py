import pytest

from essaimage.enums import Role
from evaluations.enums import CampaignPhase
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.evaluations import CampaignFactory
from tests.factories.innovations import InnovationFactory


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])


@pytest.fixture
def other_organiser(db):
    return UserFactory(roles=[Role.AGENT, Role.ORGANISATEUR])


@pytest.fixture
def make_campaign(organiser):
    """make_campaign(phase, **fields): a campaign of `organiser` in that phase (dates agreeing)."""
    def make(phase=CampaignPhase.CANDIDATURES, **fields):
        return CampaignFactory(at=phase, created_by=organiser, **fields)

    return make


@pytest.fixture
def campaign(make_campaign):
    return make_campaign(CampaignPhase.CANDIDATURES)


@pytest.fixture
def team_member(db):
    """An agent whose team has one published innovation (from Lille), `team_member.innovation`."""
    user = UserFactory(first_name="Hélène", last_name="Dupré-Lagarde", roles=[Role.AGENT])
    user.innovation = InnovationFactory(created_by=user, territory=territory_tree(),
                                        organisation=user.organisation, title="Le guichet mobile")
    return user
