"""The catalogue version (a PostgreSQL sequence) that tells every process its facet index is stale."""

import pytest
from django.db import connection

from innovations import catalogue_version

pytestmark = pytest.mark.django_db


def test_the_first_change_after_install_moves_the_catalogue_version(django_capture_on_commit_callbacks):
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER SEQUENCE {catalogue_version.SEQUENCE} RESTART")
    before = catalogue_version.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        catalogue_version.bump_version()
    assert catalogue_version.current_version() != before
