import pytest
from django.db import connection

from reviewing.criteria import SCALING_CRITERIA
from tests.factories.reviewing import CallFactory
from tests.reviewing.fake_models import MODELS, Criterion


def create_tables():
    with connection.schema_editor() as editor:
        for model in MODELS:
            editor.create_model(model)


def drop_tables():
    with connection.schema_editor() as editor:
        for model in reversed(MODELS):
            editor.delete_model(model)


@pytest.fixture
def review_tables(db):
    """The test-only tables built on the abstract models (dropped with the test's transaction)."""
    create_tables()


@pytest.fixture
def committed_review_tables(transactional_db):
    """The same tables for tests that commit (threads): created (after dropping any left by an
    interrupted run of a reused test database), then dropped at the end."""
    with connection.cursor() as cursor:
        for model in reversed(MODELS):
            cursor.execute(f'DROP TABLE IF EXISTS "{model._meta.db_table}" CASCADE')
    create_tables()
    yield
    drop_tables()


@pytest.fixture
def scaling_grid(review_tables):
    """A call with the five default scaling criteria."""
    call = CallFactory()
    return [Criterion.objects.create(call=call, **criterion.as_fields(order)) for order, criterion in
            enumerate(SCALING_CRITERIA)]
