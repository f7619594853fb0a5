from tests.factories.core import OrganisationFactory, TerritoryFactory, UserFactory  # noqa: F401
from tests.factories.evaluations import AwardFactory, CampaignFactory, EntryFactory  # noqa: F401
