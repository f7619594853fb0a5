"""Reads of the catalogue: what each user may see, the catalogue with its facets, dashboards."""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from essaimage.enums import OrganisationKind, Role
from essaimage.models import AuditEntry, Territory
from innovations.enums import ACTIVE_REPLICATION, ReplicationStatus, Sort, Stage, Status
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
    if not filterset.is_valid():
        empty = Paginator(published.none(), PAGE_SIZE).get_page(1)
        return {"filterset": filterset, "page": empty, "sort": Sort.NEWEST, "searching": False, "facets": {}}
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
            "facets": facet_labels(counts)}


def _filtered(filterset, published, without=None):
    """The filterset's queryset, less one filter (for that filter's own counts), unordered."""
    qs = published
    for name, value in filterset.form.cleaned_data.items():
        if name != without:
            qs = filterset.filters[name].filter(qs, value)
    return qs.order_by()


FACET_SQL = """
WITH base (id, stage, region_id, departement_id, replication_count, theme_ids, kind) AS MATERIALIZED ({base})
SELECT 'stage', stage, count(*) FROM base GROUP BY 2
UNION ALL SELECT 'region', region_id::text, count(*) FROM base GROUP BY 2
UNION ALL SELECT 'departement', departement_id::text, count(*) FROM base GROUP BY 2
UNION ALL SELECT 'kind', kind, count(*) FROM base GROUP BY 2
UNION ALL SELECT 'replicated', CASE WHEN replication_count > 0 THEN 'oui' ELSE 'non' END, count(*) FROM base GROUP BY 2
UNION ALL SELECT 'theme', theme::text, count(*) FROM base, unnest(theme_ids) AS theme GROUP BY 2
"""


def _facet_query(qs) -> dict[str, dict[str, int]]:
    """Every facet's counts over one queryset, in one SQL statement (one pass over the rows)."""
    columns = qs.values_list("id", "stage", "region_id", "departement_id", "replication_count", "theme_ids",
                             "organisation__kind")
    sql, params = columns.query.sql_with_params()
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    with connection.cursor() as cursor:
        cursor.execute(FACET_SQL.format(base=sql), params)
        for facet, value, count in cursor.fetchall():
            if value is not None:
                counts[facet][value] = count
    return counts


def facet_counts(filterset, published) -> dict:
    """Counts for each filter value among the results of every *other* active filter: one query
    for the inactive facets, plus one per active facet."""
    counts = _facet_query(_filtered(filterset, published))
    total = sum(counts["stage"].values())
    for name in FACETS:
        if filterset.form.cleaned_data.get(name):
            counts[name] = _facet_query(_filtered(filterset, published, without=name))[name]
    counts["total"] = total
    return counts


def facet_labels(counts) -> dict:
    """(value, label, count) for each facet, as the catalogue shows them."""
    territory_ids = [int(pk) for pk in [*counts["region"], *counts["departement"]]]
    territories = Territory.objects.in_bulk(territory_ids)
    regions = sorted(((territories[int(pk)].code, territories[int(pk)].name, n) for pk, n in counts["region"].items()
                      if int(pk) in territories), key=lambda item: item[1])
    departements = sorted(((territories[int(pk)].code, territories[int(pk)].name, n)
                           for pk, n in counts["departement"].items() if int(pk) in territories),
                          key=lambda item: item[0])
    return {
        "theme": [(t.slug, t.name, counts["theme"].get(str(t.pk), 0)) for t in Theme.objects.all()],
        "stage": [(value, label, counts["stage"].get(value, 0)) for value, label in Stage.choices],
        "region": regions,
        "departement": departements,
        "kind": [(value, label, counts["kind"].get(value, 0)) for value, label in OrganisationKind.choices],
        "replicated": [(value, label, counts["replicated"].get(value, 0)) for value, label in REPLICATED_CHOICES],
    }


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
