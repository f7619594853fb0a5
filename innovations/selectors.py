"""Reads of the catalogue: what each user may see, the catalogue with its facets, dashboards."""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from essaimage.enums import OrganisationKind, Role
from essaimage.models import AuditEntry, Territory
from innovations.enums import ACTIVE_REPLICATION, ReplicationStatus, Sort, Stage, Status
from innovations import cache as catalogue_cache
from innovations.filters import FACETS, REPLICATED_CHOICES, CatalogueFilter
from innovations.models import Innovation, Replication, TeamMember, Theme

PAGE_SIZE = 20


def visible_to(user):
    """Innovations a user may open: published ones, plus their team's and, for moderators, all."""
    qs = Innovation.objects.all()
    if not user.is_authenticated:
        return qs.filter(status=Status.PUBLISHED)
    if user.has_role(Role.MODERATEUR):
        return qs
    team = TeamMember.objects.filter(innovation_id=OuterRef("pk"), user=user)
    return qs.filter(Q(status=Status.PUBLISHED) | Exists(team))


def attach_themes(innovations) -> None:
    """Give each innovation its `theme_list` from one query on the (small) taxonomy."""
    innovations = list(innovations)
    wanted = {pk for innovation in innovations for pk in innovation.theme_ids}
    themes = Theme.objects.in_bulk(wanted) if wanted else {}
    for innovation in innovations:
        innovation.theme_list = sorted((themes[pk] for pk in innovation.theme_ids if pk in themes),
                                       key=lambda theme: (theme.position, theme.name))


class CountedPaginator(Paginator):
    """A paginator told its total (already counted with the facets): no COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def catalogue(*, params, page_number=1) -> dict:
    """The published catalogue for these URL parameters: page of results, facets with counts."""
    published = Innovation.objects.filter(status=Status.PUBLISHED)
    filterset = CatalogueFilter(params, queryset=published)
    ignored = []
    if not filterset.is_valid():
        # An outdated or mistyped value (old link, renamed theme): drop that filter, say so.
        ignored = [str(filterset.form.fields[name].label) for name in filterset.form.errors
                   if name in filterset.form.fields]
        params = params.copy()
        for name in filterset.form.errors:
            params.pop(name, None)
        filterset = CatalogueFilter(params, queryset=published)
        filterset.is_valid()
    cleaned = filterset.form.cleaned_data
    searching = bool(cleaned.get("q"))
    sort = params.get("tri") or (Sort.RELEVANCE if searching else Sort.NEWEST)
    if sort not in Sort.values or (sort == Sort.RELEVANCE and not searching):
        sort = Sort.NEWEST
    ordering = {
        Sort.RELEVANCE: ["-rank", "-published_at", "-pk"],
        Sort.NEWEST: ["-published_at", "-pk"],
        Sort.MOST_REPLICATED: ["-replication_count", "-published_at", "-pk"],
        Sort.TITLE: ["title", "pk"],
    }[sort]
    counts = facet_counts(filterset, published)
    qs = filterset.qs.select_related("territory", "organisation").order_by(*ordering)
    page = CountedPaginator(qs, PAGE_SIZE, count=counts["total"]).get_page(page_number)
    attach_themes(page.object_list)
    return {"filterset": filterset, "page": page, "sort": sort, "searching": searching,
            "facets": facet_labels(counts, params), "ignored_filters": ignored}


def _filtered(filterset, published, cleaned):
    """The filterset's queryset for these cleaned values, unordered."""
    qs = published
    for name, value in cleaned.items():
        qs = filterset.filters[name].filter(qs, value)
    return qs.order_by()


FACET_COLUMNS = "id, stage, region_id, departement_id, replication_count, theme_ids, kind"
# One pass for the single-valued facets; GROUPING() tells which grouping set a row belongs to.
FACET_SQL = """
SELECT GROUPING(stage, region_id, departement_id, kind, replicated), stage, region_id::text, departement_id::text,
       kind, CASE WHEN replicated THEN 'oui' ELSE 'non' END, count(*)
FROM (SELECT stage, region_id, departement_id, kind, replication_count > 0 AS replicated
      FROM ({base}) AS b ({columns})) AS base
GROUP BY GROUPING SETS ((stage), (region_id), (departement_id), (kind), (replicated))
"""
THEME_SQL = "SELECT theme::text, count(*) FROM ({base}) AS b ({columns}), unnest(b.theme_ids) AS theme GROUP BY 1"
# One facet alone (the own counts of an active filter): a plain GROUP BY is cheaper.
SINGLE_SQL = "SELECT {column}, count(*) FROM ({base}) AS b ({columns}) GROUP BY 1"
SINGLE_FACET_COLUMNS = {"stage": "stage", "region": "region_id::text", "departement": "departement_id::text",
                        "kind": "kind", "replicated": "CASE WHEN replication_count > 0 THEN 'oui' ELSE 'non' END"}
GROUPING_SETS = {0b01111: ("stage", 1), 0b10111: ("region", 2), 0b11011: ("departement", 3), 0b11101: ("kind", 4),
                 0b11110: ("replicated", 5)}


def _facet_query(qs, only=None) -> dict[str, dict[str, int]]:
    """Counts of every facet value over one queryset (two statements), or of the facet `only` (one)."""
    columns = qs.values_list("id", "stage", "region_id", "departement_id", "replication_count", "theme_ids",
                             "organisation__kind")
    sql, params = columns.query.sql_with_params()
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    with connection.cursor() as cursor:
        if only in SINGLE_FACET_COLUMNS:
            cursor.execute(SINGLE_SQL.format(base=sql, columns=FACET_COLUMNS, column=SINGLE_FACET_COLUMNS[only]),
                           params)
            counts[only] = {value: n for value, n in cursor.fetchall() if value is not None}
            return counts
        if only is None:
            cursor.execute(FACET_SQL.format(base=sql, columns=FACET_COLUMNS), params)
            for row in cursor.fetchall():
                facet, position = GROUPING_SETS[row[0]]
                if row[position] is not None:
                    counts[facet][row[position]] = row[-1]
        if only in (None, "theme"):
            cursor.execute(THEME_SQL.format(base=sql, columns=FACET_COLUMNS), params)
            counts["theme"] = dict(cursor.fetchall())
    return counts


def facet_counts(filterset, published, cleaned=None) -> dict:
    """Counts for each filter value among the results of every *other* active filter, cached
    until the published catalogue changes (see innovations.cache)."""
    cleaned = dict(filterset.form.cleaned_data if cleaned is None else cleaned)
    key = catalogue_cache.facets_key(cleaned)
    cached = catalogue_cache.get(key)
    if cached is not None:
        return cached
    counts = _facet_query(_filtered(filterset, published, cleaned))
    total = sum(counts["stage"].values())
    active = [name for name in FACETS if cleaned.get(name)]
    for name in active:
        others = {k: v for k, v in cleaned.items() if k != name}
        if key is not None and not any(others.values()):
            # The only active filter: its own counts are those of the whole catalogue, the
            # most requested (hence cached) counts of all.
            counts[name] = facet_counts(filterset, published, others)[name]
        else:
            counts[name] = _facet_query(_filtered(filterset, published, others), only=name)[name]
    counts["total"] = total
    catalogue_cache.set(key, counts)
    return counts


def facet_labels(counts, params) -> dict:
    """(value, label, count, selected) for each facet, as the catalogue shows them."""
    chosen = {key: set(params.getlist(key)) for key in FACETS}
    territories = Territory.objects.in_bulk([int(pk) for pk in [*counts["region"], *counts["departement"]]])

    def places(facet, sort_key):
        rows = [(territories[int(pk)].code, territories[int(pk)].name, n)
                for pk, n in counts[facet].items() if int(pk) in territories]
        return [(code, name, n, code in chosen[facet]) for code, name, n in sorted(rows, key=sort_key)]

    def listed(facet, choices, key=lambda value: value):
        return [(value, label, counts[facet].get(key(value), 0), value in chosen[facet]) for value, label in choices]

    themes = list(Theme.objects.all())
    by_slug = {theme.slug: str(theme.pk) for theme in themes}
    return {
        "theme": listed("theme", [(t.slug, t.name) for t in themes], key=lambda slug: by_slug[slug]),
        "stage": listed("stage", Stage.choices),
        "region": places("region", lambda row: row[1]),
        "departement": places("departement", lambda row: row[0]),
        "kind": listed("kind", OrganisationKind.choices),
        "replicated": listed("replicated", REPLICATED_CHOICES),
    }


def latest_published(count: int) -> list[Innovation]:
    return list(Innovation.objects.filter(status=Status.PUBLISHED).select_related("territory")
                .order_by("-published_at", "-pk")[:count])


def catalogue_figures() -> dict:
    published = Innovation.objects.filter(status=Status.PUBLISHED)
    active = Replication.objects.filter(status__in=ACTIVE_REPLICATION, innovation__status=Status.PUBLISHED)
    figures = active.aggregate(replications=Count("pk"), territories_reached=Count("territory", distinct=True))
    figures["published"] = published.count()
    return figures


def innovation_for_page(*, user, slug) -> Innovation:
    """One innovation with everything its page shows, or Innovation.DoesNotExist if not visible."""
    return (
        visible_to(user)
        .select_related("territory__parent__parent", "organisation", "business_model", "created_by")
        .prefetch_related(
            "attachments", "business_model__funding_sources",
            Prefetch("members", queryset=TeamMember.objects.select_related("user__organisation").order_by("role", "id")),
            Prefetch("replications", queryset=Replication.objects.select_related(
                "organisation", "territory", "declared_by", "parent__territory").order_by("-created_at")),
        )
        .get(slug=slug)
    )


def replication_summary(innovation: Innovation) -> dict:
    return Replication.objects.filter(innovation=innovation).aggregate(
        active=Count("pk", filter=Q(status__in=ACTIVE_REPLICATION)),
        done=Count("pk", filter=Q(status=ReplicationStatus.REALISE)),
        territories=Count("territory", distinct=True, filter=Q(status__in=ACTIVE_REPLICATION)),
    )


def moderation_history(innovation: Innovation):
    return AuditEntry.objects.filter(
        content_type__app_label="innovations", content_type__model="innovation", object_id=innovation.pk
    ).select_related("actor").order_by("-created_at", "-id")


def moderation_queue(*, status=Status.SUBMITTED, page_number=1):
    counts = Innovation.objects.aggregate(**{value: Count("pk", filter=Q(status=value)) for value in Status.values})
    qs = (
        Innovation.objects.filter(status=status)
        .select_related("territory", "organisation", "created_by")
        .order_by("submitted_at", "updated_at", "pk")
    )
    return {"counts": counts, "page": Paginator(qs, PAGE_SIZE).get_page(page_number)}


def my_innovations(*, user):
    innovations = (
        Innovation.objects.filter(members__user=user)
        .select_related("territory", "organisation")
        .annotate(pending=Count("replications", filter=Q(replications__status__in=ACTIVE_REPLICATION)))
        .order_by("-updated_at")
    )
    received = (
        Replication.objects.filter(innovation__members__user=user)
        .select_related("innovation", "organisation", "territory", "declared_by")
        .order_by("-created_at")[:30]
    )
    declared = (
        Replication.objects.filter(declared_by=user)
        .select_related("innovation", "organisation", "territory")
        .order_by("-created_at")
    )
    return {"innovations": innovations, "received": received, "declared": declared}
