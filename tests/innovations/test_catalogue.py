"""The catalogue page: sort of a new search, removable filter tags, région → départements."""

from datetime import timedelta
from urllib.parse import parse_qsl

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory
from tests.innovations.helpers import make_published
from tests.text import page_text

pytestmark = pytest.mark.django_db
URL = reverse("innovations:list")


@pytest.fixture
def maisons(db):
    """The best match for « maison de santé » is the oldest; two newer ones only mention it."""
    now = timezone.now()
    best = InnovationFactory(title="Maison de santé pluriprofessionnelle itinérante",
                             published_at=now - timedelta(days=30))
    InnovationFactory(title="Covoiturage vers les soins", summary="Pour rejoindre une maison de santé.",
                      published_at=now - timedelta(days=2))
    InnovationFactory(title="Navette solidaire", summary="Dessert la maison de santé du canton.",
                      published_at=now - timedelta(days=1))
    return best


def titles(response):
    return [innovation.title for innovation in response.context["page"].object_list]


# --- Point 6: a new search is sorted by relevance --------------------------------------------

def test_a_search_typed_in_the_catalogue_form_is_sorted_by_relevance(client, maisons):
    # The catalogue without a search shows « Les plus récentes »; its form sends that sort back.
    shown = client.get(URL)
    assert shown.context["sort"] == "recent"
    response = client.get(URL, {"q": "maison de sante", "tri": "recent", "tri_affiche": "recent", "q_affichee": ""})
    assert response.context["sort"] == "pertinence"
    assert titles(response)[0] == maisons.title
    assert '<option value="pertinence" selected>' in response.content.decode()


def test_a_changed_search_resets_a_sort_left_as_shown_even_one_chosen_before(client, maisons):
    # Sorted by title for « navette », then a new search typed without touching the sort.
    response = client.get(URL, {"q": "maison de sante", "tri": "titre", "tri_affiche": "titre",
                                "q_affichee": "navette"})
    assert response.context["sort"] == "pertinence" and titles(response)[0] == maisons.title


def test_a_sort_chosen_with_the_new_search_is_kept(client, maisons):
    response = client.get(URL, {"q": "maison de sante", "tri": "recent", "tri_affiche": "pertinence",
                                "q_affichee": "navette"})
    assert response.context["sort"] == "recent"
    assert titles(response) == ["Navette solidaire", "Covoiturage vers les soins", maisons.title]


def test_a_sort_chosen_for_the_same_search_is_kept(client, maisons):
    response = client.get(URL, {"q": "maison de santé", "tri": "recent", "tri_affiche": "pertinence",
                                "q_affichee": "maison de santé"})
    assert response.context["sort"] == "recent"
    # Same search, sort left as shown (e.g. « Appliquer les filtres »): still the chosen sort.
    again = client.get(URL, {"q": "maison de santé", "tri": "recent", "tri_affiche": "recent",
                             "q_affichee": "maison  de santé "})
    assert again.context["sort"] == "recent"


def test_a_shared_link_or_a_page_link_keeps_its_sort(client, maisons):
    response = client.get(URL, {"q": "maison de sante", "tri": "titre"})
    assert response.context["sort"] == "titre"
    assert titles(response) == sorted(titles(response))
    # The page's links (pagination, tags) do not carry the form-only parameters.
    shown = client.get(URL, {"q": "maison de sante", "tri": "titre", "tri_affiche": "titre",
                             "q_affichee": "maison de sante"})
    assert sorted(parse_qsl(shown.context["link_query"])) == [("q", "maison de sante"), ("tri", "titre")]


def test_the_home_page_search_is_sorted_by_relevance(client, maisons):
    response = client.get(URL, {"q": "maison de sante"})
    assert response.context["sort"] == "pertinence" and titles(response)[0] == maisons.title


# --- Point 9: active filters as removable tags -----------------------------------------------

def test_each_tag_removes_exactly_its_own_filter(client, themes):
    lille = territory_tree()
    InnovationFactory(title="Médiation numérique", territory=lille, themes=[themes["sante"], themes["numerique"]])
    params = [("q", "médiation"), ("theme", "sante"), ("theme", "numerique"), ("stage", "eprouvee"),
              ("region", "32"), ("departement", "59"), ("replicated", "non"), ("tri", "titre"), ("page", "1"),
              ("tri_affiche", "titre"), ("q_affichee", "médiation")]
    response = client.get(URL + "?" + "&".join(f"{k}={v}" for k, v in params))
    tags = response.context["removable"]
    kept = [(k, v) for k, v in params if k not in ("page", "tri_affiche", "q_affichee")]
    assert [(tag["name"], tag["label"]) for tag in tags] == [
        ("q", "« médiation »"), ("theme", "Santé"), ("theme", "Numérique"), ("stage", "Éprouvée"),
        ("region", "Hauts-de-France"), ("departement", "59 – Nord"), ("replicated", "Sans essaimage")]
    removed = [("q", "médiation"), ("theme", "sante"), ("theme", "numerique"), ("stage", "eprouvee"),
               ("region", "32"), ("departement", "59"), ("replicated", "non")]
    for tag, gone in zip(tags, removed, strict=True):
        assert sorted(parse_qsl(tag["query"])) == sorted(pair for pair in kept if pair != gone)
    html = page_text(response)
    assert 'class="fr-tag fr-tag--dismiss" href="?' in html
    assert 'aria-label="Retirer le filtre Thèmes : Numérique"' in html
    # Following a tag's link shows the catalogue without that filter and without its tag.
    after = client.get(URL + "?" + tags[2]["query"])
    assert [tag["label"] for tag in after.context["removable"]] == [
        "« médiation »", "Santé", "Éprouvée", "Hauts-de-France", "59 – Nord", "Sans essaimage"]
    assert after.context["sort"] == "titre"


def test_no_tag_without_filters_and_an_ignored_value_has_none(client):
    InnovationFactory()
    assert client.get(URL).context["removable"] == []
    response = client.get(URL, {"region": "zz", "stage": "idee"})
    assert [tag["name"] for tag in response.context["removable"]] == ["stage"]


# Queries of the catalogue with removable tags, the same for 1 innovation and for 6.
# (The chosen themes and places are found among the catalogue's labels, read once per catalogue
# version, not by a query each: innovations.filters.KnownChoiceField.)
TAGGED_CATALOGUE_QUERIES = {"?q=innovation&theme=sante&theme=emploi&stage=eprouvee&region=32&departement=59": 10,
                            "?theme=sante&region=32&replicated=oui&tri=titre": 6}


@pytest.mark.parametrize("query", list(TAGGED_CATALOGUE_QUERIES))
def test_catalogue_with_tags_query_count_is_constant(client, themes, query, django_assert_num_queries):
    territory_tree()
    for count in (1, 5):
        make_published(count, themes)
        with django_assert_num_queries(TAGGED_CATALOGUE_QUERIES[query]):
            assert client.get(URL + query).status_code == 200


# --- Point 9: départements carry their région; a chosen place stays shown ----------------------

def test_departement_options_carry_their_region_for_narrowing(client):
    InnovationFactory(territory=territory_tree())
    InnovationFactory(territory=territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84"))
    html = client.get(URL).content.decode()
    assert 'data-narrows="id_departement"' in html
    assert '<option value="59" data-region="32">' in html and '<option value="69" data-region="84">' in html


def test_a_chosen_region_without_results_stays_selected(client):
    InnovationFactory(territory=territory_tree())
    territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84")
    response = client.get(URL, {"region": "84", "stage": "idee"})
    assert response.context["page"].paginator.count == 0
    assert '<option value="84" selected>Auvergne-Rhône-Alpes (0)</option>' in response.content.decode()


def test_result_count_agrees_with_zero_and_one(client):
    html = page_text(client.get(URL))
    assert "0 innovation trouvée" in html
    InnovationFactory()
    assert "1 innovation trouvée" in page_text(client.get(URL))
    InnovationFactory()
    assert "2 innovations trouvées" in page_text(client.get(URL))


def test_an_outdated_filter_value_is_ignored_with_a_notice(client):
    InnovationFactory(title="Toujours visible")
    response = client.get(reverse("innovations:list"), {"region": "zz", "theme": "theme-renomme"})
    html = response.content.decode()
    assert "Toujours visible" in html
    assert "ont été ignorés" in html and "Région" in html
    assert response.context["active_filters"] == 0  # ignored filters are not counted as active
    response = client.get(reverse("innovations:list"), {"stage": "eprouvee", "replicated": "non", "theme": "x"})
    assert response.context["active_filters"] == 2 and "2 filtres actifs" in page_text(response)
