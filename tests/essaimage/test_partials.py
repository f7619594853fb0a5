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
