from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Case, IntegerField, Value, When

from essaimage import signals, versioned_cache
from essaimage.enums import TerritoryLevel
from essaimage.models import AuditEntry, Organisation, Territory, User, fold

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


def people_figures() -> dict:
    """The core's figures for the home page (agents, organisations), counted once per generation
    of the directory (moved on by essaimage.signals when a user or an organisation is added,
    changed or removed), so the home page costs no count query in between."""
    return versioned_cache.cached("home:directory", versioned_cache.generation(signals.DIRECTORY), lambda: {
        "agents": User.objects.filter(is_active=True).count(),
        "organisations": Organisation.objects.count(),
    })


def audit_entries_of(model):
    """The audit entries about objects of one model (its app label and model name, so that two
    apps' codes never mix), e.g. to take the latest one per object in a subquery."""
    return AuditEntry.objects.filter(content_type__app_label=model._meta.app_label,
                                     content_type__model=model._meta.model_name)


def audit_entries_for(obj, *, actions=None):
    """One object's audit trail, newest first, with who acted. Each entry reads its codes in
    words (`action_label`, `from_label`, `to_label`), resolved by the object's content type."""
    entries = audit_entries_of(type(obj)).filter(object_id=obj.pk)
    if actions is not None:
        entries = entries.filter(action__in=[str(action) for action in actions])
    return entries.select_related("actor").order_by("-created_at", "-id")
