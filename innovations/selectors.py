"""Reads of the catalogue: what each user may see, the catalogue with its facets, dashboards."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from essaimage.enums import OrganisationKind, Role
from essaimage.models import AuditEntry, Territory
from innovations.enums import ACTIVE_REPLICATION, ReplicationStatus, Sort, Stage, Status
from innovations.filters import REPLICATED_CHOICES, CatalogueFilter
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


def _card_queryset(qs):
    return qs.select_related("territory", "organisation").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.only("pk", "name", "slug"))
    )


def catalogue(*, params, page_number=1) -> dict:
    """The published catalogue for these URL parameters: page of results, facets with counts."""
    published = Innovation.objects.filter(status=Status.PUBLISHED)
    filterset = CatalogueFilter(params, queryset=published)
    qs = filterset.qs if filterset.is_valid() else published.none()
    searching = bool(filterset.form.cleaned_data.get("q")) if filterset.is_valid() else False
    sort = params.get("tri") or (Sort.RELEVANCE if searching else Sort.NEWEST)
    if sort not in Sort.values or (sort == Sort.RELEVANCE and not searching):
        sort = Sort.NEWEST
    ordering = {
        Sort.RELEVANCE: ["-rank", "-published_at", "-pk"],
        Sort.NEWEST: ["-published_at", "-pk"],
        Sort.MOST_REPLICATED: ["-replication_count", "-published_at", "-pk"],
        Sort.TITLE: ["title", "pk"],
    }[sort]
    page = Paginator(_card_queryset(qs.order_by(*ordering)), PAGE_SIZE).get_page(page_number)
    return {
        "filterset": filterset,
        "page": page,
        "sort": sort,
        "searching": searching,
        "facets": facets(params, published) if filterset.is_valid() else {},
    }


def _without(params, key):
    data = params.copy()
    data.pop(key, None)
    data.pop("page", None)
    return data


def facets(params, published) -> dict:
    """Counts for each filter value, among the results of every *other* active filter."""
    def base(key):
        return CatalogueFilter(_without(params, key), queryset=published).qs.order_by()

    through = Innovation.themes.through
    theme_counts = dict(
        through.objects.filter(innovation__in=base("theme").values("pk"))
        .values_list("theme_id").annotate(n=Count("*")).order_by()
    )
    stage_counts = dict(base("stage").values_list("stage").annotate(n=Count("pk")))
    region_counts = dict(base("region").values_list("region__code").annotate(n=Count("pk")))
    dept_counts = dict(base("departement").values_list("departement__code").annotate(n=Count("pk")))
    kind_counts = dict(base("kind").values_list("organisation__kind").annotate(n=Count("pk")))
    replicated = base("replicated").aggregate(oui=Count("pk", filter=Q(replication_count__gt=0)),
                                              non=Count("pk", filter=Q(replication_count=0)))
    territories = Territory.objects.filter(
        Q(level="region", code__in=[c for c in region_counts if c])
        | Q(level="departement", code__in=[c for c in dept_counts if c])
    ).only("level", "code", "name")
    names = {(t.level, t.code): t.name for t in territories}
    return {
        "theme": [(t.slug, t.name, theme_counts.get(t.pk, 0)) for t in Theme.objects.all()],
        "stage": [(value, label, stage_counts.get(value, 0)) for value, label in Stage.choices],
        "region": sorted(((code, names.get(("region", code), code), n) for code, n in region_counts.items() if code),
                         key=lambda item: item[1]),
        "departement": sorted(((code, names.get(("departement", code), code), n)
                               for code, n in dept_counts.items() if code), key=lambda item: item[0]),
        "kind": [(value, label, kind_counts.get(value, 0)) for value, label in OrganisationKind.choices],
        "replicated": [(value, label, replicated[value]) for value, label in REPLICATED_CHOICES],
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
            "themes", "attachments", "business_model__funding_sources",
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
