import pytest

from innovations.reference_data import themes_ensure


@pytest.fixture
def themes(db):
    themes_ensure()
    from innovations.models import Theme

    return {t.slug: t for t in Theme.objects.all()}
