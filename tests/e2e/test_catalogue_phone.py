"""The catalogue on a phone and on a computer: results first, filters folded, active filters as
removable tags, départements narrowed to the chosen région (issue 7, point 9)."""

from playwright.sync_api import expect

from innovations.reference_data import themes_ensure
from innovations.models import Theme
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory


def seed():
    themes_ensure()
    lille = territory_tree()
    lyon = territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84")
    territory_tree("Grenoble", "38185", "Isère", "38", "Auvergne-Rhône-Alpes", "84")
    themes = list(Theme.objects.order_by("position"))
    for n in range(24):
        InnovationFactory(title=f"Maison de services numéro {n:02d}", territory=lille if n % 2 else lyon,
                          themes=[themes[n % len(themes)]])


def test_on_a_phone_the_first_result_comes_before_the_filters(new_visit, db):
    seed()
    visit = new_visit()
    page = visit.page
    page.set_viewport_size({"width": 375, "height": 812})
    visit.goto("/innovations/")
    first = page.locator(".essaimage-result").first
    top = first.evaluate("element => element.getBoundingClientRect().top + window.scrollY")
    assert top < 900, f"first result card at {top} px"
    filters = page.locator("#catalogue-filters")
    expect(page.locator("#stage-eprouvee")).to_be_hidden()

    # Open the filters, choose a région: only its départements are offered, without a round trip.
    page.get_by_role("button", name="Filtrer les résultats").click()
    expect(filters).to_be_visible()
    visit.check()
    departements = page.locator("#id_departement option")
    assert departements.count() == 3  # « Tous les départements », Nord, Rhône (those with results)
    page.select_option("#id_region", "84")
    assert page.locator("#id_departement option").all_inner_texts()[1:] == ["69 – Rhône (12)"]
    page.select_option("#id_region", "")
    assert page.locator("#id_departement option").count() == 3
    page.select_option("#id_region", "84")
    page.locator("label[for='stage-eprouvee']").click()
    page.get_by_role("button", name="Appliquer les filtres").click()
    visit.check()

    # The active filters are tags; removing one keeps the other.
    expect(page.locator("#results-title")).to_contain_text("12 innovations trouvées")
    tags = page.locator("a.fr-tag--dismiss")
    expect(tags).to_have_count(2)
    expect(page.get_by_role("button", name="Filtrer (2 filtres actifs)")).to_be_visible()
    page.get_by_role("link", name="Retirer le filtre Région : Auvergne-Rhône-Alpes").click()
    visit.check()
    expect(page.locator("#results-title")).to_contain_text("24 innovations trouvées")
    expect(page.locator("a.fr-tag--dismiss")).to_have_text(["Éprouvée"])


def test_on_a_computer_the_filters_are_open_and_tags_show_what_is_active(new_visit, db):
    seed()
    visit = new_visit()
    page = visit.page
    visit.goto("/innovations/?stage=eprouvee&q=maison")
    expect(page.locator("#stage-eprouvee")).to_be_visible()
    expect(page.get_by_role("heading", name="Filtrer", exact=True)).to_be_visible()
    expect(page.locator(".essaimage-filters__toggle")).to_be_hidden()
    expect(page.locator("a.fr-tag--dismiss")).to_have_text(["« maison »", "Éprouvée"])
    # A new search typed in the box is sorted by relevance, whatever the page showed.
    page.select_option("#id_tri", "titre")
    page.get_by_role("button", name="Trier", exact=True).click()
    visit.check()
    expect(page.locator("#id_tri")).to_have_value("titre")
    page.locator("#id_q").fill("services numéro 07")
    page.get_by_role("button", name="Rechercher").click()
    visit.check()
    expect(page.locator("#id_tri")).to_have_value("pertinence")
    expect(page.locator(".essaimage-result h3").first).to_have_text("Maison de services numéro 07")
