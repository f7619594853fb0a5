"""Version of the published catalogue, which keys the in-memory facet index
(innovations.facet_index).

The version is a PostgreSQL sequence, shared by every app server and bumped (once the writing
transaction has committed) whenever an innovation, a replication or an organisation is saved or
deleted (innovations.signals), so an index is never used for an older catalogue.
"""

from django.db import connection, connections, transaction

from essaimage.request_memo import forget, remembered

SEQUENCE = "innovations_catalogue_version"


def current_version(alias: str = "default") -> int:
    """The catalogue version (read once per GET request: essaimage.request_memo)."""
    return remembered(("catalogue_version", alias), lambda: _read_version(alias))


def _read_version(alias: str) -> int:
    with connections[alias].cursor() as cursor:
        # A new sequence reports last_value 1 both before and after its first nextval().
        cursor.execute(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {SEQUENCE}")
        return cursor.fetchone()[0]


def bump_version() -> None:
    def bump():
        forget(("catalogue_version", "default"))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")

    transaction.on_commit(bump)
