"""Reference data of the core app: role groups and the INSEE COG territories."""

import csv
from collections import Counter
from pathlib import Path

from django.db import transaction

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory, fold
from essaimage.services import roles_ensure

COG_CSV = Path(__file__).resolve().parent / "data" / "cog" / "territories.csv"
LEVELS = [TerritoryLevel.REGION, TerritoryLevel.DEPARTEMENT, TerritoryLevel.COMMUNE]


def read_cog(path: Path = COG_CSV) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def territories_load(*, path: Path = COG_CSV, force: bool = False) -> int:
    """Insert or update every territory of the COG file; idempotent. Returns rows written."""
    rows = read_cog(path)
    wanted = Counter(row["level"] for row in rows)
    present = Counter()
    for level in LEVELS:
        present[level] = Territory.objects.filter(level=level).count()
    if not force and all(present[level] == wanted[level] for level in LEVELS):
        return 0
    written = 0
    for level, parent_level in zip(LEVELS, [None, *LEVELS[:-1]], strict=True):
        parents = (
            dict(Territory.objects.filter(level=parent_level).values_list("code", "pk"))
            if parent_level else {}
        )
        objs = [
            Territory(
                level=level, code=row["code"], name=row["name"], search_name=fold(row["name"]),
                parent_id=parents.get(row["parent_code"]) if parent_level else None,
            )
            for row in rows if row["level"] == level
        ]
        Territory.objects.bulk_create(
            objs, batch_size=2000, update_conflicts=True,
            unique_fields=["level", "code"], update_fields=["name", "search_name", "parent"],
        )
        written += len(objs)
    return written


def load() -> list[str]:
    created_roles = roles_ensure()
    written = territories_load()
    return [
        f"Rôles : {created_roles} créé(s).",
        f"Territoires INSEE : {written} écrit(s)" if written else "Territoires INSEE : déjà à jour.",
    ]
