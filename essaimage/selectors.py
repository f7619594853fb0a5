from django.apps import apps
from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Case, IntegerField, Value, When

from essaimage import signals, versioned_cache
from essaimage.enums import TerritoryLevel
from essaimage.models import Organisation, Territory, User, fold

LEVEL_ORDER = Case(
    When(level=TerritoryLevel.REGION, then=Value(0)),
    When(level=TerritoryLevel.DEPARTEMENT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


# A territory's name is under 50 characters: longer queries are cut before any work.
SUGGESTION_QUERY_MAX_LENGTH = 80


def territory_search(*, query: str, levels=None, limit: int = 12) -> list[Territory]:
    """Territories whose name starts with the query (accents and case ignored), or whose
    commune code does; completed by close spellings (trigram similarity)."""
    folded = fold(query[:SUGGESTION_QUERY_MAX_LENGTH].replace("\x00", ""))
    if not folded:
        return []
    base = Territory.objects.all()
    if levels:
        base = base.filter(level__in=levels)
    if folded[:2].isdigit() or folded[:2] in {"2a", "2b"}:
        return list(base.filter(code__istartswith=folded).order_by(LEVEL_ORDER, "code")[:limit])
    found = list(base.filter(search_name__startswith=folded).order_by(LEVEL_ORDER, "search_name")[:limit])
    if len(found) < limit and len(folded) >= 3:
        seen = [t.pk for t in found]
        found += list(
            base.filter(search_name__trigram_similar=folded)
            .exclude(pk__in=seen)
            .annotate(similarity=TrigramSimilarity("search_name", folded))
            .order_by("-similarity", LEVEL_ORDER)[: limit - len(found)]
        )
    return found


def directory_figures() -> dict:
    """Agents, organisations and territories, counted once per generation of the directory
    (moved on by essaimage.signals when a user or an organisation is added, changed or removed)."""
    return versioned_cache.cached("home:directory", versioned_cache.generation(signals.DIRECTORY), lambda: {
        "agents": User.objects.filter(is_active=True).count(),
        "organisations": Organisation.objects.count(),
        "territories": Territory.objects.count(),
    })


def home_version() -> str:
    """The version of everything the home page shows that is the same for every visitor: its
    rendered content is cached under it (with whether the visitor is logged in)."""
    parts = [str(versioned_cache.generation(signals.DIRECTORY))]
    if apps.is_installed("innovations"):
        from innovations.catalogue_version import current_version

        parts.append(str(current_version()))
    return ":".join(parts)


def home_figures() -> dict:
    """Figures for the home page, as the database counts them now (each cached per version)."""
    figures = dict(directory_figures())
    if apps.is_installed("innovations"):
        from innovations.selectors import catalogue_figures

        figures.update(catalogue_figures())
    return figures


def latest_innovations(count: int = 3) -> list:
    if not apps.is_installed("innovations"):
        return []
    from innovations.selectors import latest_published

    return latest_published(count)
