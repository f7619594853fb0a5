import pytest

from essaimage.enums import Role, TerritoryLevel
from innovations.reference_data import themes_ensure
from tests.factories import UserFactory
from tests.factories.core import TerritoryFactory, territory_tree
from tests.factories.innovations import InnovationFactory
from tests.factories.sponsors import SponsorProfileFactory, SponsorshipFactory


@pytest.fixture
def themes(db):
    themes_ensure()
    from innovations.models import Theme

    return {t.slug: t for t in Theme.objects.all()}


@pytest.fixture
def places(db):
    """Lille (Nord, Hauts-de-France), Brest (Finistère, Bretagne), Amiens (Somme, Hauts-de-France)."""
    lille = territory_tree()
    brest = territory_tree("Brest", "29019", "Finistère", "29", "Bretagne", "53")
    somme = TerritoryFactory(level=TerritoryLevel.DEPARTEMENT, code="80", name="Somme", parent=lille.parent.parent)
    amiens = TerritoryFactory(level=TerritoryLevel.COMMUNE, code="80021", name="Amiens", parent=somme)
    return {"lille": lille, "nord": lille.parent, "hdf": lille.parent.parent, "brest": brest,
            "finistere": brest.parent, "bretagne": brest.parent.parent, "somme": somme, "amiens": amiens}


@pytest.fixture
def team_member(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def innovation(themes, places, team_member):
    """Published, in Lille, on health and mobility; `team_member` owns it."""
    return InnovationFactory(created_by=team_member, territory=places["lille"],
                             themes=[themes["sante"], themes["mobilite"]])


@pytest.fixture
def sponsor(themes, places):
    return SponsorProfileFactory(themes=[themes["sante"]], territories=[places["nord"]])


@pytest.fixture
def other_sponsor(themes, places):
    return SponsorProfileFactory(themes=[themes["mobilite"]], territories=[places["bretagne"]])


@pytest.fixture
def sponsorship(innovation, sponsor):
    return SponsorshipFactory(innovation=innovation, sponsor=sponsor)
