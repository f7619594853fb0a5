import pytest

from innovations import services as innovation_services
from tests.factories.innovations import InnovationFactory


@pytest.fixture
def innovation(db, agent):
    """A published innovation whose team is `agent`."""
    return InnovationFactory(created_by=agent, title="Cantine bio")


def edit(innovation, by, **data):
    """A new version of `innovation`, saved by `by` through the service."""
    return innovation_services.innovation_save(innovation=innovation, by=by, data=data or {"summary": "Nouveau."},
                                               themes=[], grid={}, funding=[], coauthors=[])
