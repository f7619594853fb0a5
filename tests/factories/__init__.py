from tests.factories.core import OrganisationFactory, TerritoryFactory, UserFactory  # noqa: F401
