"""The in-memory facet index: counts equal to counting in the database, reuse until the
catalogue changes, and the single-pass search that feeds it."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaimage.enums import OrganisationKind, Role
from innovations import facet_index, services
from innovations.enums import Stage, Status
from innovations.models import Innovation
from innovations.selectors import catalogue
from tests.factories import UserFactory
from tests.factories.core import OrganisationFactory, territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db


def test_bitmask_helpers():
    assert facet_index.bits_of(bytearray([0, 1, 0, 1, 1])) == 0b11010
    assert facet_index.bits_of(bytearray()) == 0
    index = facet_index.FacetIndex(version=1, built_at=0, size=10, everything=0b1011111110, masks={})
    assert index.mask_of_ids([1, 3, 9, 10, 500]) == 0b1000001010  # 10 and 500 are not indexed
    assert index.mask_of_ids([0]) == 0  # 0 is not a published innovation
    kept = index.member_test(0b1000001010)
    assert [pk for pk in range(12) if kept(pk)] == [1, 3, 9]


@pytest.fixture
def varied_catalogue(themes):
    """Published innovations spread over every facet, plus unpublished ones the index ignores."""
    places = [territory_tree(), territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84"),
              territory_tree("Roubaix", "59512")]
    kinds = [OrganisationFactory(kind=kind) for kind in (OrganisationKind.COLLECTIVITE, OrganisationKind.ASSOCIATION)]
    theme_sets = [[themes["sante"]], [themes["emploi"]], [themes["sante"], themes["emploi"]], []]
    stages = [Stage.IDEE, Stage.EPROUVEE, Stage.EN_ESSAIMAGE]
    for n, (place, organisation, chosen, stage) in enumerate(itertools.product(places, kinds, theme_sets, stages)):
        innovation = InnovationFactory(territory=place, organisation=organisation, themes=chosen, stage=stage,
                                       status=Status.PUBLISHED if n % 7 else Status.DRAFT)
        if n % 3 == 0:
            ReplicationFactory(innovation=innovation)
            services.refresh_replication_count(innovation.pk)
    InnovationFactory(territory=None, organisation=None, stage=Stage.IDEE, title="Sans territoire ni structure")
    return places


def database_counts(filters: dict) -> dict:
    """The same counts, the slow way: one COUNT per value, among the other filters' results."""
    def matching(exclude=None):
        qs = Innovation.objects.filter(status=Status.PUBLISHED)
        for name, values in filters.items():
            if name == exclude:
                continue
            qs = qs.filter(**{{"theme": "theme_ids__overlap", "stage": "stage__in", "kind": "organisation__kind__in",
                               "region": "region__code__in", "departement": "departement__code__in",
                               "q": "search_vector"}[name]: values})
        return qs

    counts = {}
    for name, lookup, values in [("theme", "theme_ids__contains", None), ("stage", "stage", Stage.values),
                                 ("kind", "organisation__kind", OrganisationKind.values),
                                 ("region", "region__code", ["32", "84"]),
                                 ("departement", "departement__code", ["59", "69"]),
                                 ("replicated", "replication_count__gt", [0])]:
        qs = matching(exclude=name)
        if name == "theme":
            values = sorted({pk for ids in qs.values_list("theme_ids", flat=True) for pk in ids})
        counts[name] = {value: qs.filter(**{lookup: [value] if name == "theme" else value}).count()
                        for value in values}
        counts[name] = {str(k): v for k, v in counts[name].items() if v}
    counts["replicated"] = {"oui": counts["replicated"].get("0", 0),
                            "non": matching(exclude="replicated").filter(replication_count=0).count()}
    counts["total"] = matching().count()
    return counts


@pytest.mark.parametrize("params", [
    {}, {"stage": ["idee"]}, {"theme": ["sante"]}, {"theme": ["sante", "emploi"], "stage": ["idee", "eprouvee"]},
    {"region": ["84"], "kind": ["association"]}, {"theme": ["emploi"], "region": ["32"], "stage": ["en_essaimage"]},
    {"departement": ["59"], "stage": ["idee"]},
])
def test_counts_equal_counting_in_the_database(varied_catalogue, themes, params):
    """Each facet's counts, among the results of the other filters, equal one COUNT per value."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, values in params.items():
        query.setlist(name, values)
    result = catalogue(params=query)
    filters = dict(params)
    if "theme" in filters:
        filters["theme"] = [themes[slug].pk for slug in filters["theme"]]
    expected = database_counts(filters)
    shown = result["facets"]
    by_slug = {slug: str(themes[slug].pk) for slug in themes}
    assert {by_slug[slug]: n for slug, _, n, _ in shown["theme"] if n} == expected["theme"]
    assert {value: n for value, _, n, _ in shown["stage"] if n} == expected["stage"]
    assert {value: n for value, _, n, _ in shown["kind"] if n} == expected["kind"]
    assert {code: n for code, _, n, *_ in shown["region"]} == expected["region"]
    assert {code: n for code, _, n, *_ in shown["departement"]} == expected["departement"]
    replicated = {k: v for k, v in expected["replicated"].items() if v}
    assert {value: n for value, _, n, _ in shown["replicated"] if n} == replicated
    assert result["page"].paginator.count == expected["total"] > 0
    assert len(result["page"].object_list) == min(expected["total"], 20)
    assert all(innovation.status == Status.PUBLISHED for innovation in result["page"].object_list)


# Queries of the catalogue page when the facet index is built (cold) and when it is reused (warm:
# the two queries that read the index, its rows and the published keys newest first, are saved).
CATALOGUE_COLD_QUERIES = 6
CATALOGUE_WARM_QUERIES = CATALOGUE_COLD_QUERIES - 2


def test_the_index_is_reused_until_the_published_catalogue_changes(client, settings, django_assert_num_queries,
                                                                   django_capture_on_commit_callbacks):
    settings.CATALOGUE_INDEX_SECONDS = 600
    InnovationFactory(title="Première innovation publiée")
    url = reverse("innovations:list")
    with django_capture_on_commit_callbacks(execute=True):
        pending = InnovationFactory(status=Status.SUBMITTED)
    with django_assert_num_queries(CATALOGUE_COLD_QUERIES):
        response = client.get(url)
    assert response.context["page"].paginator.count == 1
    with django_assert_num_queries(CATALOGUE_WARM_QUERIES):  # the index is not read again
        response = client.get(url)
    assert response.context["page"].paginator.count == 1
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=pending, action="publish", by=moderator)
    with django_assert_num_queries(CATALOGUE_COLD_QUERIES):  # rebuilt
        response = client.get(url)
    assert response.context["page"].paginator.count == 2
    stages = {value: n for value, _, n, _ in response.context["facets"]["stage"]}
    assert stages[Stage.EPROUVEE] == 2


def test_an_index_older_than_its_lifetime_is_rebuilt(client, settings, monkeypatch, django_assert_num_queries):
    settings.CATALOGUE_INDEX_SECONDS = 600
    InnovationFactory()
    url = reverse("innovations:list")
    with django_assert_num_queries(CATALOGUE_COLD_QUERIES):
        client.get(url)
    with django_assert_num_queries(CATALOGUE_WARM_QUERIES):
        client.get(url)
    clock = facet_index.time.monotonic() + 601
    monkeypatch.setattr(facet_index.time, "monotonic", lambda: clock)
    with django_assert_num_queries(CATALOGUE_COLD_QUERIES):
        client.get(url)


def test_search_results_follow_the_sort_the_filters_and_the_pages(client, themes):
    lille = territory_tree()
    titles = {}
    for n in range(25):
        innovation = InnovationFactory(title=f"Covoiturage solidaire {n:02d}", themes=[themes["mobilite"]],
                                       territory=lille if n % 2 else territory_tree("Lyon", "69123", "Rhône", "69",
                                                                                   "Auvergne-Rhône-Alpes", "84"))
        titles[innovation.pk] = innovation.title
        for _ in range(n % 4):
            ReplicationFactory(innovation=innovation)
        services.refresh_replication_count(innovation.pk)
    InnovationFactory(title="Épicerie solidaire", themes=[themes["solidarites"]])
    url = reverse("innovations:list")

    first = client.get(url, {"q": "covoiturages", "tri": "titre"})
    second = client.get(url, {"q": "covoiturages", "tri": "titre", "page": 2})
    shown = [i.title for i in first.context["page"].object_list] + [i.title for i in second.context["page"].object_list]
    assert shown == sorted(titles.values())
    assert first.context["page"].paginator.count == 25

    replicated = client.get(url, {"q": "covoiturage", "tri": "essaimees", "region": "32"})
    counts = [i.replication_count for i in replicated.context["page"].object_list]
    assert counts == sorted(counts, reverse=True) and len(counts) == 12
    assert all(i.region.code == "32" for i in replicated.context["page"].object_list)
    regions = {code: n for code, _, n, *_ in replicated.context["facets"]["region"]}
    assert regions == {"32": 12, "84": 13}  # the région facet counts the search without the région filter

    solidaire = client.get(url, {"q": "solidaire", "theme": "mobilite"})
    assert solidaire.context["page"].paginator.count == 25
    theme_counts = {slug: n for slug, _, n, _ in solidaire.context["facets"]["theme"]}
    assert theme_counts["mobilite"] == 25 and theme_counts["solidarites"] == 1


@pytest.mark.parametrize("outer", ["on", "off"])
def test_search_turns_sequential_scans_off_then_puts_the_setting_back(client, outer):
    InnovationFactory(title="Maison de santé rurale")
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [outer])  # the test's transaction
    with CaptureQueriesContext(connection) as captured:  # what the queries say, not how many
        response = client.get(reverse("innovations:list") + "?q=sante")
    assert response.context["page"].paginator.count == 1
    assert any("set_config('enable_seqscan', 'off', true)" in query["sql"] for query in captured.captured_queries)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == outer


def test_search_counts_equal_counting_in_the_database(varied_catalogue, themes):
    from django.contrib.postgres.search import SearchQuery

    InnovationFactory(title="Maison de santé rurale", themes=[themes["sante"]], stage=Stage.IDEE)
    InnovationFactory(title="Maisons de santé", status=Status.DRAFT)
    response_params = {"q": "maisons de sante", "stage": ["idee"]}
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, values in response_params.items():
        query.setlist(name, values if isinstance(values, list) else [values])
    result = catalogue(params=query)
    searched = SearchQuery("maisons sante", search_type="websearch", config="french_unaccent")
    expected = database_counts({"q": searched, "stage": ["idee"]})
    assert expected["total"] == 1 and result["page"].paginator.count == 1
    assert [i.title for i in result["page"].object_list] == ["Maison de santé rurale"]
    assert {value: n for value, _, n, _ in result["facets"]["stage"] if n} == expected["stage"]
    assert {value: n for value, _, n, _ in result["facets"]["kind"] if n} == expected["kind"]


def test_a_facet_with_hundreds_of_values(monkeypatch):
    """Many distinct values (here 300 départements) each get their own bitmask."""
    rows = [(pk, "idee", 1, 1000 + pk, "association", pk % 2, [7]) for pk in range(1, 301)]
    # (the apps' flags, e.g. « Primée », are extra columns: none set here)
    monkeypatch.setattr(facet_index, "_rows", lambda alias, flags=(): [(*row, *[False] * len(flags)) for row in rows])
    index = facet_index.build(version=1)
    assert len(index.masks["departement"]) == 300
    assert index.counts(index.everything, "departement")["1300"] == 1
    assert index.counts(index.everything, "replicated") == {"oui": 150, "non": 150}
    assert index.counts(index.mask_of("departement", ["1001", "1002"]), "theme") == {"7": 2}


def test_drafts_leave_the_index_alone_publication_changes_it(django_capture_on_commit_callbacks, themes):
    from innovations import catalogue_version

    with django_capture_on_commit_callbacks(execute=True):
        draft = InnovationFactory(status=Status.DRAFT, themes=[themes["sante"]])
    before = catalogue_version.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        draft.summary = "Un brouillon retouché."
        draft.save()
    assert catalogue_version.current_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=draft, action="submit", by=draft.created_by)
    assert catalogue_version.current_version() == before
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=Innovation.objects.get(pk=draft.pk), action="publish", by=moderator)
    published = catalogue_version.current_version()
    assert published > before
    # Taken out of the catalogue by any means (here a direct save, as the admin would): changed.
    with django_capture_on_commit_callbacks(execute=True):
        again = Innovation.objects.get(pk=draft.pk)
        again.status = Status.DRAFT
        again.save()
    assert catalogue_version.current_version() > published


def test_title_sort_ignores_accents_and_case(client):
    for title in ["Zones de rencontre", "Épicerie solidaire", "atelier vélo", "Éco-gestes à l'école"]:
        InnovationFactory(title=title)
    response = client.get(reverse("innovations:list"), {"tri": "titre"})
    assert [i.title for i in response.context["page"].object_list] == [
        "atelier vélo", "Éco-gestes à l'école", "Épicerie solidaire", "Zones de rencontre"]


@pytest.mark.parametrize("sort", facet_index.KEPT_ORDERS)
def test_pages_from_the_index_follow_the_database_order_whatever_the_filters(themes, sort):
    """A page of the catalogue read from the index (walking the sort order, or sorting the few
    results by their position in it) is the page the database gives for the same filters."""
    lille = territory_tree()
    for n in range(45):
        innovation = InnovationFactory(title=f"{'Épicerie' if n % 3 else 'atelier'} solidaire {n % 7}",
                                       slug=f"page-{n}",
                                       themes=[themes["sante" if n % 4 else "mobilite"]],
                                       territory=lille if n % 5 == 0 else None)
        for _ in range(n % 3):
            ReplicationFactory(innovation=innovation)
        services.refresh_replication_count(innovation.pk)
    InnovationFactory(status=Status.DRAFT, themes=[themes["sante"]])
    index = facet_index.build(version=1)
    published = Innovation.objects.filter(status=Status.PUBLISHED)
    cases = [
        (index.everything, published),  # every published innovation: a slice of the order
        (index.mask_of("theme", [str(themes["sante"].pk)]),
         published.filter(theme_ids__overlap=[themes["sante"].pk])),
        (index.mask_of("theme", [str(themes["mobilite"].pk)]),
         published.filter(theme_ids__overlap=[themes["mobilite"].pk])),
        (index.mask_of("departement", [str(lille.parent_id)]), published.filter(departement=lille.parent_id)),
        (0, published.none()),
    ]
    for results, queryset in cases:
        expected = list(queryset.order_by(*facet_index.ORDERINGS[sort]).values_list("pk", flat=True))
        assert results.bit_count() == len(expected)
        for offset, limit in [(0, 20), (20, 20), (5, 7), (40, 20), (len(expected), 20)]:
            assert index.page(results, sort, offset, limit) == expected[offset:offset + limit], (sort, offset)
