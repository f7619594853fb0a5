"""The cached catalogue data (home figures, latest innovations, labels, filters panel, search
matches) with the cache on as in production: a committed write shows at once, and the pages
run as many queries for one innovation as for many."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaimage.enums import Role
from innovations.enums import ModerationAction, Status
from innovations.services import innovation_transition
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory, ReplicationFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(write): runs the write and what it does once committed (the version bumps)."""
    def run(write):
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    return run


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_publishing_shows_at_once_on_the_home_page_and_in_the_catalogue(client, real_cache, themes, committed):
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    committed(lambda: InnovationFactory(title="Maison de santé rurale", themes=[themes["sante"]]))
    assert "1</span> innovation publiée" in page_text(client.get(reverse("home")))
    catalogue = page_text(client.get(reverse("innovations:list")))
    assert "1 innovation trouvée" in catalogue and "Mobilité (0)" in catalogue
    assert "Aucune innovation ne correspond" in page_text(client.get(reverse("innovations:list") + "?q=navette"))

    submitted = committed(lambda: InnovationFactory(title="Navette à la demande", status=Status.SUBMITTED,
                                                    published_at=None, themes=[themes["mobilite"]]))
    assert "1</span> innovation publiée" in page_text(client.get(reverse("home")))  # a submission is not published
    committed(lambda: innovation_transition(innovation=submitted, action=ModerationAction.PUBLISH, by=moderator))

    home = page_text(client.get(reverse("home")))
    assert "2</span> innovations publiées" in home and "Navette à la demande" in home
    catalogue = page_text(client.get(reverse("innovations:list")))
    assert "2 innovations trouvées" in catalogue and "Mobilité (1)" in catalogue
    found = page_text(client.get(reverse("innovations:list") + "?q=navette"))
    assert "1 innovation trouvée" in found and "Navette à la demande" in found


def test_a_replication_and_an_archived_innovation_show_at_once(client, real_cache, themes, committed):
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    innovation = committed(lambda: InnovationFactory(title="Épicerie solidaire", themes=[themes["sante"]]))
    assert "0</span> essaimage déclaré" in page_text(client.get(reverse("home")))
    committed(lambda: ReplicationFactory(innovation=innovation))
    assert "1</span> essaimage déclaré" in page_text(client.get(reverse("home")))
    committed(lambda: innovation_transition(innovation=innovation, action=ModerationAction.ARCHIVE, by=moderator))
    home = page_text(client.get(reverse("home")))
    assert "0</span> innovation publiée" in home and "Épicerie solidaire" not in home
    assert "0 innovation trouvée" in page_text(client.get(reverse("innovations:list") + "?theme=sante"))


def agents_figure(client) -> int:
    return next(figure.value for figure in client.get(reverse("home")).context["figures"] if figure.key == "agents")


def test_a_new_agent_counts_at_once(client, real_cache, committed):
    before = agents_figure(client)
    committed(lambda: UserFactory())
    assert agents_figure(client) == before + 1


def test_a_renamed_theme_shows_at_once(client, real_cache, themes, committed):
    committed(lambda: InnovationFactory(themes=[themes["sante"]]))
    assert "Santé (1)" in page_text(client.get(reverse("innovations:list")))
    theme = themes["sante"]
    theme.name = "Santé publique"
    committed(theme.save)
    catalogue = page_text(client.get(reverse("innovations:list")))
    assert "Santé publique (1)" in catalogue


def test_the_home_page_reads_its_figures_from_the_cache(client, real_cache, themes, committed):
    committed(lambda: InnovationFactory(themes=[themes["sante"]]))
    first = queries(client, reverse("home"))
    # Warm: only the catalogue version is read (the values are in the cache).
    assert queries(client, reverse("home")) < first
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("home"))
    assert all("innovations_catalogue_version" in query["sql"] for query in ctx.captured_queries)


@pytest.mark.parametrize("url", [
    reverse("home"), reverse("innovations:list"), reverse("innovations:list") + "?theme=sante&page=1",
    reverse("innovations:list") + "?q=maison&tri=titre",
])
def test_query_counts_do_not_grow_with_the_catalogue(client, real_cache, themes, committed, url):
    numbers = itertools.count()

    def make(n):
        for _ in range(n):
            innovation = InnovationFactory(title=f"Maison de santé {next(numbers)}", themes=[themes["sante"]])
            ReplicationFactory(innovation=innovation)

    committed(lambda: make(1))
    client.get(url)
    one = queries(client, url)
    committed(lambda: make(25))
    client.get(url)  # the first request after the write computes the new version's values
    assert queries(client, url) == one


def test_the_filters_panel_is_shared_by_the_pages_and_sorts_of_one_search(client, real_cache, themes, committed):
    committed(lambda: [InnovationFactory(title=f"Maison de santé {n}", themes=[themes["sante"]]) for n in range(25)])
    page_one = client.get(reverse("innovations:list") + "?theme=sante")
    page_two = client.get(reverse("innovations:list") + "?theme=sante&page=2&tri=titre")
    other = client.get(reverse("innovations:list") + "?theme=emploi")
    assert page_one.context["facets_key"] == page_two.context["facets_key"] != other.context["facets_key"]
    assert "Santé (25)" in page_text(page_two)
    assert 'value="sante" checked' in page_two.content.decode()
    assert 'value="emploi" checked' in other.content.decode()


def test_a_search_runs_once_per_catalogue_version_whatever_the_sort_page_or_filters(client, real_cache, themes,
                                                                                     committed):
    from innovations import selectors

    for n, title in enumerate(["Navette des Alpes", "Bus navette rural", "Covoiturage", "Navette à la demande"]):
        committed(lambda title=title, n=n: InnovationFactory(
            title=title, themes=[themes["mobilite" if n % 2 else "sante"]]))
    url = reverse("innovations:list") + "?q=navette"
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    assert any("websearch_to_tsquery" in query["sql"] for query in first.captured_queries)
    selectors._searches.clear()  # another process: only the shared cache has the matches
    for query in ("&tri=titre", "&tri=recent&page=1", "&theme=mobilite", "&theme=sante&tri=essaimees"):
        with CaptureQueriesContext(connection) as again:
            response = client.get(url + query)
        assert not [q for q in again.captured_queries if "websearch_to_tsquery" in q["sql"]], query
    titles = [innovation.title for innovation in client.get(url + "&tri=titre").context["page"].object_list]
    assert titles == ["Bus navette rural", "Navette à la demande", "Navette des Alpes"]
    filtered = client.get(url + "&theme=mobilite").context["page"].object_list
    assert sorted(innovation.title for innovation in filtered) == ["Bus navette rural", "Navette à la demande"]
    assert response.status_code == 200


def test_a_page_whose_cards_the_process_rendered_reads_no_innovation(client, real_cache, themes, committed,
                                                                    settings):
    """The cards of a page of results are kept per catalogue version (innovations_tags.result_cards):
    once rendered, the page reads only the catalogue version; the cards still change with it."""
    settings.CATALOGUE_INDEX_SECONDS = 600  # the facet index kept, as in production
    committed(lambda: [InnovationFactory(title=f"Maison de santé {n}", themes=[themes["sante"]]) for n in range(3)])
    url = reverse("innovations:list")
    client.get(url)
    assert queries(client, url) == 1
    renamed = InnovationFactory._meta.model.objects.get(title="Maison de santé 1")

    def rename():
        renamed.title = "Maison de santé des Combrailles"
        renamed.save()

    committed(rename)
    assert "Maison de santé des Combrailles" in page_text(client.get(url))


def test_the_results_of_a_page_load_the_innovations_when_iterated(client, themes):
    InnovationFactory(title="Navette rurale", themes=[themes["mobilite"]])
    results = client.get(reverse("innovations:list")).context["page"].object_list
    assert len(results) == 1 and bool(results)
    assert [(innovation.title, [theme.slug for theme in innovation.themes]) for innovation in results] == [
        ("Navette rurale", ["mobilite"])]
