"""Shared partials (templates/partials/): the scrolling table and the facet fieldset."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load essaimage_tags %}" + source).render(Context(context))


def test_scroll_table_is_a_named_focusable_region_around_a_captioned_table():
    html = render('{% scroll_table caption=title label="Mes lignes" %}<tbody><tr><td>{{ cell }}</td></tr></tbody>'
                  '{% endscroll_table %}', title="Lignes <du> tableau", cell="<b>A</b>")
    assert html.startswith('<div class="fr-table fr-table--multiline"><div class="fr-table__wrapper">'
                           '<div class="fr-table__container" tabindex="0" role="region" aria-label="Mes lignes">'
                           '<div class="fr-table__content">')
    assert "<caption>Lignes &lt;du&gt; tableau</caption>" in html  # escaped once, not twice
    assert "<td>&lt;b&gt;A&lt;/b&gt;</td>" in html
    assert html.rstrip().endswith("</table>\n</div></div></div></div>")


def test_scroll_table_names_its_region_after_the_caption_and_may_hide_it():
    html = render('{% scroll_table caption="Essaimages" caption_hidden=True %}<tbody></tbody>{% endscroll_table %}')
    assert 'class="fr-table fr-table--multiline fr-table--no-caption"' in html
    assert 'aria-label="Essaimages"' in html and "<caption>Essaimages</caption>" in html


def test_facet_fieldset_checks_the_selected_items_and_offers_all_first():
    html = Template('{% include "partials/facet_fieldset.html" %}').render(Context({
        "name": "stage", "legend": "Stade", "type": "radio", "all_label": "Tous", "any_selected": "eprouvee",
        "items": [("idee", "Idée", 3, False), ("eprouvee", "Éprouvée", 5, True)],
    }))
    assert '<fieldset class="fr-fieldset essaimage-facet" id="facet-stage">' in html
    assert '<input type="radio" id="stage-all" name="stage" value="">' in html  # not checked: one is chosen
    assert '<input type="radio" id="stage-eprouvee" name="stage" value="eprouvee" checked>' in html
    assert '<label class="fr-label" for="stage-idee">Idée (3)</label>' in html
    assert html.index("stage-all") < html.index("stage-idee")


def test_facet_fieldset_escapes_every_value_once_and_writes_counts_as_localize_does():
    from django.utils.formats import localize
    from django.utils.safestring import mark_safe
    from django.utils.translation import override

    with override("fr"):
        html = render("{% facet_fieldset name legend items %}", name="t<", legend="A & B", items=[
            ('x"><script>', "<b>Santé</b>", 12345, False), ("sur", mark_safe("<abbr>Sûr</abbr>"), 7, True)])
        thousands = localize(12345)
    assert "<script>" not in html and "<b>" not in html
    assert 'id="facet-t&lt;"' in html and ">A &amp; B</legend>" in html
    assert 'value="x&quot;&gt;&lt;script&gt;">' in html
    assert f"&lt;b&gt;Santé&lt;/b&gt; ({thousands})</label>" in html  # the language's thousands separator
    assert "<abbr>Sûr</abbr> (7)" in html  # markup already safe is kept, not escaped twice
    assert 'value="sur" checked>' in html


def test_count_formatter_matches_localize_in_every_language():
    from django.utils.formats import localize
    from django.utils.translation import override

    from essaimage.templatetags.essaimage_tags import count_formatter

    for language in ("fr", "en"):
        with override(language):
            count = count_formatter()
            assert [count(n) for n in (0, 7, 999, 1000, 12345, 1234567)] == [
                localize(n) for n in (0, 7, 999, 1000, 12345, 1234567)]


def test_pagination_links_keep_the_query_escaped_and_elide_far_pages():
    from django.core.paginator import Paginator

    page = Paginator(range(1000), 20).get_page(10)
    html = render("{% pagination page query %}", page=page, query="q=sant%C3%A9&theme=<x>")
    assert 'href="?q=sant%C3%A9&amp;theme=&lt;x&gt;&amp;page=9"' in html  # previous page
    assert '<a class="fr-pagination__link" aria-current="page" title="Page 10">10</a>' in html
    assert html.count("…") == 2 and 'title="Page 50">50</a>' in html
    first = render("{% pagination page '' %}", page=Paginator(range(1000), 20).get_page(1))
    assert '<a class="fr-pagination__link fr-pagination__link--first" aria-disabled="true" role="link">' in first
    assert 'href="?page=2"' in first
    assert render("{% pagination page '' %}", page=Paginator(range(5), 20).get_page(1)) == ""
