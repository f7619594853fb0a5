"""Reads of the catalogue: what each user may see, the catalogue with its facets, dashboards."""

import hashlib
import threading
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from django.core.paginator import Paginator
from django.db.models import Count, Exists, Model, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext as _

from essaimage import versioned_cache
from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.models import AuditEntry, Territory
from essaimage.selectors import audit_entries_for
from innovations import catalogue_version, facet_index, search
from innovations.enums import ACTIVE_REPLICATION, ModerationAction, ReplicationStatus, Sort, Stage, Status
from innovations.facet_index import ORDERINGS
from innovations.filters import FLAG_YES, REPLICATED_CHOICES, CatalogueFilter, catalogue_flags, facet_names
from innovations.models import Innovation, Replication, TeamMember, Theme

PAGE_SIZE = 20


def visible_to(user):
    """Innovations a user may open: published ones, plus their team's and, for moderators, all."""
    qs = Innovation.objects.all()
    if not user.is_authenticated:
        return qs.filter(status=Status.PUBLISHED)
    if user.has_perm("innovations.moderate_innovation"):  # the rule `can_view`, as a query
        return qs
    team = TeamMember.objects.filter(innovation_id=OuterRef("pk"), user=user)
    return qs.filter(Q(status=Status.PUBLISHED) | Exists(team))


def catalogue_labels(version: int | None = None) -> dict:
    """The names the catalogue shows beside its keys: themes (in their order) and the régions and
    départements (code, name, code of the parent région), read once per catalogue version (a
    theme saved, or `load_reference_data`, moves it on: innovations.signals). Do not change it."""
    def compute():
        territories = list(Territory.objects.filter(level__in=[TerritoryLevel.REGION, TerritoryLevel.DEPARTEMENT])
                           .select_related("parent"))
        places = {place.pk: (place.code, place.name, place.parent.code if place.parent else "")
                  for place in territories}
        themes = list(Theme.objects.all())
        # The filters' choices by the value their URL parameter carries (CatalogueFilter `known`).
        known = {"theme": {theme.slug: theme for theme in themes}}
        for level, name in ((TerritoryLevel.REGION, "region"), (TerritoryLevel.DEPARTEMENT, "departement")):
            known[name] = {place.code: place for place in territories if place.level == level}
        return {"themes": themes, "places": places, "known": known}

    if version is None:
        version = catalogue_version.current_version()
    # (The key names the shape of the value: a deployment that changes it must not read the
    # values the previous code stored in a persistent cache under the same catalogue version.)
    return versioned_cache.cached("catalogue:labels:2", version, compute)


def attach_themes(innovations, labels: dict | None = None) -> None:
    """Give each innovation its `theme_list`, from the catalogue's labels if given (no query),
    else from one query on the (small) taxonomy."""
    innovations = list(innovations)
    wanted = {pk for innovation in innovations for pk in innovation.theme_ids}
    if labels is not None:
        themes = {theme.pk: theme for theme in labels["themes"]}
    else:
        themes = Theme.objects.in_bulk(wanted) if wanted else {}
    for innovation in innovations:
        innovation.theme_list = themes_in_order(innovation.theme_ids, themes)


def themes_in_order(theme_ids, themes: dict) -> list:
    """The themes of these keys found in `themes` ({pk: Theme}), in the taxonomy's order."""
    return sorted((themes[pk] for pk in theme_ids if pk in themes), key=lambda theme: (theme.position, theme.name))


class CountedPaginator(Paginator):
    """A paginator told its total (already counted with the facets): no COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def catalogue(*, params, page_number=1) -> dict:
    """The published catalogue for these URL parameters: page of results, facets with counts.

    Counts come from the in-memory facet index (innovations.facet_index), and so do the page's
    keys in every sort order but relevance; a search is one pass over its matches by relevance,
    once per catalogue version (search_matches). Only the page's innovations are read."""
    published = Innovation.objects.filter(status=Status.PUBLISHED)
    index = facet_index.get()
    labels = catalogue_labels(index.version)
    filterset = CatalogueFilter(params, queryset=published, known=labels["known"])
    ignored = []
    if not filterset.is_valid():
        # An outdated or mistyped value (old link, renamed theme): drop that filter, say so.
        ignored = [str(filterset.form.fields[name].label) for name in filterset.form.errors
                   if name in filterset.form.fields]
        params = params.copy()
        for name in filterset.form.errors:
            params.pop(name, None)
        filterset = CatalogueFilter(params, queryset=published, known=labels["known"])
        filterset.is_valid()
    cleaned = filterset.form.cleaned_data
    searching = bool(search.clean(cleaned.get("q") or ""))
    sort = chosen_sort(params, searching)

    ranked = matches = None
    if searching:
        ranked, matches = search_matches(index, published, cleaned["q"])
    active = filter_masks(cleaned)
    counts, results = facet_counts(index, active, matches)

    count = counts["total"]
    page = CountedPaginator(range(count), PAGE_SIZE, count=count).get_page(page_number)
    start = page.start_index() - 1 if count else 0
    if searching and sort == Sort.RELEVANCE:
        # The matches arrive by relevance: the page is the keys the filters keep, from `start`.
        if active or len(ranked) != count:
            kept = index.member_test(results)
            keys = list(islice((pk for pk in ranked if kept(pk)), start, start + PAGE_SIZE))
        else:
            keys = ranked[start:start + PAGE_SIZE].tolist()
    else:
        # The index keeps the catalogue in each sort order: the page's keys come from memory,
        # for a search as for the whole catalogue (the matches are a bitmask like a filter's).
        keys = index.page(results, sort, start, PAGE_SIZE, count=count)
    page.object_list = Results(keys, published, index, labels)
    return {"filterset": filterset, "page": page, "sort": sort, "searching": searching,
            "catalogue_version": index.version, "facets_key": facets_key(index, params),
            "facets": facet_labels(counts, params, cleaned, labels), "ignored_filters": ignored,
            "active_filters": len(active),
            "removable": removable_filters(params, cleaned), "link_query": link_query(params)}


@dataclass(slots=True)
class Card:
    """What a result's card shows (innovations_tags.result_card), read without a model instance."""

    pk: int
    slug: str
    title: str
    summary: str
    stage: str
    replication_count: int
    organisation_name: str
    territory_name: str
    themes: list
    flag_labels: list


CARD_FIELDS = ("pk", "slug", "title", "summary", "stage", "replication_count", "theme_ids",
               "organisation__name", "territory__name")


class Results(Sequence):
    """The innovations of a page of results, known by their keys. The page shows them through
    the `result_cards` tag, which reads (card_rows) only those whose card this process has not
    rendered for this catalogue version: a page whose cards are all known costs no query.
    Iterating the page loads the innovations themselves (one query, then kept)."""

    def __init__(self, keys, published, index, labels):
        self.keys, self.published, self.index, self.labels = keys, published, index, labels
        self._innovations = None

    def __len__(self):
        return len(self.innovations) if self._innovations is not None else len(self.keys)

    def __getitem__(self, position):
        return self.innovations[position]

    @property
    def innovations(self) -> list[Innovation]:
        if self._innovations is None:
            by_pk = (self.published.select_related("territory", "organisation").defer(*UNSHOWN_FIELDS)
                     .in_bulk(self.keys))
            self._innovations = [by_pk[pk] for pk in self.keys if pk in by_pk]
            attach_themes(self._innovations, self.labels)
            attach_flags(self.index, self._innovations)
        return self._innovations

    def card_rows(self, pks) -> dict[int, Card]:
        """{pk: Card} of these innovations (one query, no model instance), still published."""
        themes = {theme.pk: theme for theme in self.labels["themes"]}
        flag_tests = _flag_tests(self.index)
        cards = {}
        for pk, slug, title, summary, stage, replications, theme_ids, organisation, territory in (
                self.published.filter(pk__in=pks).values_list(*CARD_FIELDS)):
            cards[pk] = Card(pk, slug, title, summary, stage, replications, organisation or "", territory or "",
                             themes_in_order(theme_ids, themes), [label for label, has in flag_tests if has(pk)])
        return cards


# The matches of a search, by relevance, are computed once per catalogue version by all the app
# servers together (essaimage.versioned_cache: one PostgreSQL pass over every match, 10 to 100 ms
# for a word found in a third of the catalogue at 100,000 innovations), whatever the page, the
# sort or the filters: the other sorts read the facet index's orders, filtered by the matches'
# bitmask. Each process also keeps the latest SEARCH_MEMORY searches with their bitmask
# (index version and build, text) -> (primary keys by relevance, bitmask): about 25 MB at
# 100,000 innovations if every one were a broad word.
SEARCH_MEMORY = 256
_searches: OrderedDict = OrderedDict()
_searches_lock = threading.Lock()


def search_matches(index, published, text: str) -> tuple[array, int]:
    """The published innovations matching the search, by relevance, and their bitmask."""
    text = search.clean(text)
    key = (index.version, index.built_at, text)
    with _searches_lock:
        found = _searches.get(key)
        if found is not None:
            _searches.move_to_end(key)
            return found
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    ranked = versioned_cache.cached(  # (kept in this process by _searches, not twice)
        f"catalogue:search:{digest}", index.version,
        lambda: array("l", search.matching_ids(published, text, ORDERINGS[Sort.RELEVANCE])), local=False)
    found = (ranked, index.mask_of_ids(ranked))
    with _searches_lock:
        _searches[key] = found
        while len(_searches) > SEARCH_MEMORY:
            _searches.popitem(last=False)
    return found


def _flag_tests(index) -> list:
    """[(label, test of a primary key)] of the apps' flags (« Primée »), from the index."""
    return [(flag.label, index.member_test(index.masks[flag.key].get(FLAG_YES, 0))) for flag in catalogue_flags()
            if flag.key in index.masks]


def attach_flags(index, innovations) -> None:
    """`innovation.flag_labels`: the labels of the apps' flags it has (« Primée »), from the index."""
    tests = _flag_tests(index)
    for innovation in innovations:
        innovation.flag_labels = [label for label, has in tests if has(innovation.pk)]


def facets_key(index, params) -> str:
    """What the filters panel depends on: the catalogue version, the search and the chosen filter
    values (not the page or the sort); its rendered markup is cached under this key."""
    chosen = [(name, sorted(params.getlist(name))) for name in facet_names()]
    digest = hashlib.sha256(repr((search.clean(params.get("q") or ""), chosen)).encode()).hexdigest()[:32]
    return f"catalogue-facets:{index.version}:{digest}"


# The catalogue form sends back the sort and the search it showed (hidden fields), so that a new
# search typed in the box is sorted by relevance, while a sort the person changed is kept.
SHOWN_SORT, SHOWN_QUERY = "tri_affiche", "q_affichee"
FORM_ONLY_PARAMS = ("page", SHOWN_SORT, SHOWN_QUERY)


def chosen_sort(params, searching: bool) -> str:
    """The sort of the results: the one asked for, except that a changed search resets a sort the
    person left as it was shown (the page's sort was for the previous search) to relevance.
    A link that carries a sort without the shown values (shared, paginated) keeps its sort."""
    default = Sort.RELEVANCE if searching else Sort.NEWEST
    sort = params.get("tri") or default
    if searching and SHOWN_SORT in params and sort == params.get(SHOWN_SORT):
        if search.clean(params.get("q") or "") != search.clean(params.get(SHOWN_QUERY) or ""):
            sort = Sort.RELEVANCE
    if sort not in Sort.values or (sort == Sort.RELEVANCE and not searching):
        sort = default
    return sort


def link_query(params, *, without: tuple[str, str] | None = None) -> str:
    """The URL query of these parameters, without the form-only ones (page, shown values) and,
    if given, without one value of one parameter (`(name, value)`)."""
    query = params.copy()
    for name in FORM_ONLY_PARAMS:
        query.pop(name, None)
    if without:
        name, value = without
        query.setlist(name, [item for item in query.getlist(name) if item != value])
    return query.urlencode()


def removable_filters(params, cleaned) -> list[dict]:
    """The search and each active filter value, with its label and the URL query of the catalogue
    without it (a link that removes exactly this one), in the order of the filters."""
    fields = {**CatalogueFilter.base_filters, **{flag.key: flag for flag in catalogue_flags()}}
    tags = []
    if search.clean(cleaned.get("q") or ""):
        tags.append({"name": "q", "group": _("Recherche"), "label": f"« {search.clean(cleaned['q'])} »",
                     "query": link_query(params, without=("q", params.get("q", "")))})
    for name in facet_names():
        value = cleaned.get(name)
        if not value:
            continue
        if name not in CatalogueFilter.base_filters:  # an app's flag: one value, « oui »
            tags.append({"name": name, "group": str(fields[name].legend), "label": str(fields[name].label),
                         "query": link_query(params, without=(name, value))})
            continue
        choices = dict(fields[name].extra.get("choices") or [])
        for item in [value] if isinstance(value, (str, Model)) else value:
            if isinstance(item, Territory):
                key, label = item.code, (f"{item.code} – {item.name}" if name == "departement" else item.name)
            elif isinstance(item, Theme):
                key, label = item.slug, item.name
            else:
                key, label = str(item), str(choices.get(item, item))
            tags.append({"name": name, "group": str(fields[name].label), "label": label,
                         "query": link_query(params, without=(name, key))})
    return tags


# The columns a list of results never shows (the search documents are the largest of a row).
# The search documents of an innovation (kept by a trigger: migration 0002), about 1.5 kB a row,
# which no page shows.
SEARCH_FIELDS = ("search_vector", "rank_vector", "search_extra", "title_search")
UNSHOWN_FIELDS = (*SEARCH_FIELDS, "problem", "solution", "public_concerned", "results", "evidence", "costs", "links")


def filter_masks(cleaned) -> dict[str, list[str]]:
    """The facet values each active filter keeps, as the facet index keys them."""
    values = {}
    for name in facet_names():
        value = cleaned.get(name)
        if not value:
            continue
        items = [value] if isinstance(value, (str, Model)) else value  # one choice, or several
        values[name] = [str(item.pk) if isinstance(item, Model) else str(item) for item in items]
    return values


def facet_counts(index, active: dict[str, list[str]], matches: int | None = None) -> tuple[dict, int]:
    """Counts of each facet value among the results of every *other* active filter (and of the
    search, if any), and the bitmask of the results themselves."""
    base = index.everything if matches is None else matches
    kept = {name: index.mask_of(name, values) for name, values in active.items()}
    results = base
    for mask in kept.values():
        results &= mask
    counts = {}
    for name in facet_names():
        if name in kept:
            others = base
            for other, mask in kept.items():
                if other != name:
                    others &= mask
            counts[name] = index.counts(others, name)
        else:
            counts[name] = index.counts(results, name)
    counts["total"] = results.bit_count()
    return counts, results


def facet_labels(counts, params, cleaned=None, labels: dict | None = None) -> dict:
    """(value, label, count, selected) for each facet, as the catalogue shows them."""
    labels = labels or catalogue_labels()
    chosen = {key: set(params.getlist(key)) for key in facet_names()}
    territories = labels["places"]

    def places(facet, sort_key):
        """(code, name, count, selected, code of the parent région, for narrowing départements);
        a chosen place that has no result with the other filters is listed too (0), selected."""
        rows = [(*territories[int(pk)], n) for pk, n in counts[facet].items() if int(pk) in territories]
        place = (cleaned or {}).get(facet)
        if place is not None and str(place.pk) not in counts[facet] and place.pk in territories:
            rows.append((*territories[place.pk], 0))
        rows = [(code, name, n, parent) for code, name, parent, n in rows]
        return [(code, name, n, code in chosen[facet], parent)
                for code, name, n, parent in sorted(rows, key=sort_key)]

    def listed(facet, choices, key=lambda value: value):
        return [(value, label, counts[facet].get(key(value), 0), value in chosen[facet]) for value, label in choices]

    themes = labels["themes"]
    by_slug = {theme.slug: str(theme.pk) for theme in themes}
    return {
        "theme": listed("theme", [(t.slug, t.name) for t in themes], key=lambda slug: by_slug[slug]),
        "stage": listed("stage", Stage.choices),
        "region": places("region", lambda row: row[1]),
        "departement": places("departement", lambda row: row[0]),
        "kind": listed("kind", OrganisationKind.choices),
        "replicated": listed("replicated", REPLICATED_CHOICES),
        # The apps' yes/no filters: (key, legend, items), items as for the other facets.
        "flags": [(flag.key, flag.legend, listed(flag.key, [(FLAG_YES, flag.label)])) for flag in catalogue_flags()],
    }


def latest_published(count: int) -> list[Innovation]:
    """The latest published innovations (cached per catalogue version: do not change them)."""
    def compute():
        return list(Innovation.objects.filter(status=Status.PUBLISHED).select_related("territory")
                    .order_by("-published_at", "-pk")[:count])

    return versioned_cache.cached(f"catalogue:latest:{count}", catalogue_version.current_version(), compute)


def catalogue_figures() -> dict:
    """Published innovations, active replications and the territories they reached: counted
    once per catalogue version (any write to the published catalogue moves it on)."""
    def compute():
        published = Innovation.objects.filter(status=Status.PUBLISHED)
        active = Replication.objects.filter(status__in=ACTIVE_REPLICATION, innovation__status=Status.PUBLISHED)
        figures = active.aggregate(replications=Count("pk"), territories_reached=Count("territory", distinct=True))
        figures["published"] = published.count()
        return figures

    return dict(versioned_cache.cached("catalogue:figures", catalogue_version.current_version(), compute))


def innovation_ids_with(name: str, compute) -> frozenset[int]:
    """The innovations that have something of an app to show on their page (a grant received, an
    event where they were presented, a prize): `compute()` gives their ids, read once per
    catalogue version by each process, so that the page of an innovation with nothing to show
    asks the app nothing. The app moves the catalogue version on whenever that set may change
    (catalogue_version.bump_version): a grant accepted or no longer so, an event published,
    cancelled or presenting other innovations, prize results published."""
    return versioned_cache.cached(f"innovation-ids:{name}", catalogue_version.current_version(),
                                  lambda: frozenset(compute()), shared=False)


def innovation_page_queryset():
    """Innovations with everything their page shows (the team prefetched: the rules read it);
    views fetch one with essaimage.permissions.get_object_for, which asks the rules."""
    return (
        Innovation.objects
        .select_related("territory__parent__parent", "organisation", "business_model", "created_by")
        .prefetch_related(
            "attachments", "business_model__funding_sources",
            Prefetch("members",
                     queryset=TeamMember.objects.select_related("user__organisation").order_by("role", "id")),
            Prefetch("replications", queryset=Replication.objects.select_related(
                "organisation", "territory", "declared_by", "parent__territory", "parent__organisation",
            ).order_by("-created_at")),
        )
    )


def prefetch_innovation_page(innovation: Innovation) -> None:
    """Read what the page shows beside the row of an innovation fetched without it."""
    prefetch_related_objects([innovation], *innovation_page_queryset()._prefetch_related_lookups)


def replication_parents(innovation: Innovation):
    """Declarations a new one may say it was inspired by: this innovation's, abandoned ones aside."""
    return (innovation.replications.exclude(status=ReplicationStatus.ABANDONNE)
            .select_related("organisation", "territory").order_by("territory__name", "pk"))


def replication_summary(innovation: Innovation) -> dict:
    """Declarations by state, each number named for what it counts: `done` (réalisés),
    `in_progress` (en cours), `interested` (intéressés, nothing started), and
    `territories_done`, the territories where it is réalisé (the « Essaimée dans » badge).
    Counted from the prefetched declarations when the page has them (no query)."""
    prefetched = getattr(innovation, "_prefetched_objects_cache", {}).get("replications")
    if prefetched is not None:
        statuses = [replication.status for replication in prefetched]
        return {
            "active": sum(status in ACTIVE_REPLICATION for status in statuses),
            "done": statuses.count(ReplicationStatus.REALISE),
            "in_progress": statuses.count(ReplicationStatus.EN_COURS),
            "interested": statuses.count(ReplicationStatus.INTERESSE),
            "abandoned": statuses.count(ReplicationStatus.ABANDONNE),
            "territories_done": len({replication.territory_id for replication in prefetched
                                     if replication.status == ReplicationStatus.REALISE}),
        }
    return Replication.objects.filter(innovation=innovation).aggregate(
        active=Count("pk", filter=Q(status__in=ACTIVE_REPLICATION)),
        done=Count("pk", filter=Q(status=ReplicationStatus.REALISE)),
        in_progress=Count("pk", filter=Q(status=ReplicationStatus.EN_COURS)),
        interested=Count("pk", filter=Q(status=ReplicationStatus.INTERESSE)),
        abandoned=Count("pk", filter=Q(status=ReplicationStatus.ABANDONNE)),
        territories_done=Count("territory", distinct=True, filter=Q(status=ReplicationStatus.REALISE)),
    )


def moderation_history(innovation: Innovation):
    """The innovation's audit trail, newest first (essaimage.selectors.audit_entries_for)."""
    return audit_entries_for(innovation)


def latest_change_request(innovation: Innovation) -> AuditEntry | None:
    """While the moderators wait for changes, their latest request (message, moderator, date)."""
    if innovation is None or innovation.status != Status.CHANGES_REQUESTED:
        return None
    return audit_entries_for(innovation, actions=[ModerationAction.REQUEST_CHANGES]).first()


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
        .prefetch_related(Prefetch("members", queryset=TeamMember.objects.only("innovation_id", "user_id")))
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
