import pytest

from innovations.reference_data import themes_ensure


@pytest.fixture
def themes(db):
    themes_ensure()
    from innovations.models import Theme

    return {t.slug: t for t in Theme.objects.all()}


@pytest.fixture
def lille(db):
    """Lille (59350) in the Nord and Hauts-de-France: the territory most tests post."""
    from tests.factories.core import territory_tree

    return territory_tree()
