import html

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.formats import get_format, localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get_elided_page_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag
def pagination(page, query_without_page=""):
    """The DSFR pagination of a page of results (templates/partials/pagination.html), built in
    Python: a `blocktranslate` per page number through the template language cost almost a
    millisecond of each catalogue page. Links keep the other parameters (`query_without_page`)."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return ""
    prefix = format_html("?{}&amp;page=", query_without_page) if query_without_page else mark_safe("?page=")

    def link(css, label, number=None, extra=""):
        if number is None:
            return format_html('<li><a class="fr-pagination__link {}" aria-disabled="true" role="link">{}</a></li>',
                               css, label)
        return format_html('<li><a class="fr-pagination__link {}" href="{}{}"{}>{}</a></li>', css, prefix, number,
                           extra, label)

    first, previous = "fr-pagination__link--first", "fr-pagination__link--prev fr-pagination__link--lg-label"
    following, last = "fr-pagination__link--next fr-pagination__link--lg-label", "fr-pagination__link--last"
    items = [link(first, _("Première page"), 1 if page.has_previous() else None),
             link(previous, _("Page précédente"), page.previous_page_number() if page.has_previous() else None)]
    for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append(format_html('<li><span class="fr-pagination__link fr-displayed-lg">{}</span></li>', number))
        elif number == page.number:
            items.append(format_html('<li><a class="fr-pagination__link" aria-current="page" title="{}">{}</a></li>',
                                     _("Page %(number)s") % {"number": number}, number))
        else:
            items.append(format_html('<li><a class="fr-pagination__link" href="{}{}" title="{}">{}</a></li>',
                                     prefix, number, _("Page %(number)s") % {"number": number}, number))
    items += [link(following, _("Page suivante"), page.next_page_number() if page.has_next() else None),
              link(last, _("Dernière page"), paginator.num_pages if page.has_next() else None)]
    return format_html('<nav role="navigation" class="fr-pagination fr-mt-4w" aria-label="{}">'
                       '<ul class="fr-pagination__list">{}</ul></nav>', _("Pagination"), mark_safe("".join(items)))


@register.simple_tag(takes_context=True)
def render_section(context, section):
    """A block an app contributes to a shared page (essaimage.hooks.Section): its template,
    rendered with the page's context plus the section's own."""
    tpl = context.template.engine.get_template(section.template)
    with context.push(**section.context):
        return tpl.render(context)


@register.simple_block_tag
def scroll_table(content, *, caption, label="", caption_hidden=False):
    """The accessible scrolling table of templates/partials/scroll_table.html around the table's
    rows (`label` names the scrolling region; the caption by default)."""
    return render_to_string("partials/scroll_table.html", {
        "rows": content, "caption": caption, "label": label or caption, "caption_hidden": caption_hidden})


def html_text(value) -> str:
    """`value` escaped for HTML, as conditional_escape does (markup already safe is kept), without
    its per-call overhead: the catalogue's facets escape a few hundred values per page."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def count_formatter():
    """A function writing counts as `localize` does for the active language (« 12 345 »), once the
    language's separator is known: `localize` looks its formats up again for each number."""
    if not settings.USE_THOUSAND_SEPARATOR or get_format("NUMBER_GROUPING") != 3:
        return localize
    separator = get_format("THOUSAND_SEPARATOR")
    return lambda number: f"{number:,}".replace(",", separator) if isinstance(number, int) else localize(number)


@register.simple_tag
def facet_fieldset(name, legend, items, type="checkbox", all_label="", any_selected=False):
    """One facet of a filtered list as a DSFR fieldset of checkboxes (or radios), the markup of
    templates/partials/facet_fieldset.html (which calls this tag): `items` are (value, label,
    count, selected); `all_label` adds a first « all » choice, unchecked if `any_selected`.
    Built in Python, every value escaped (html_text): a catalogue's facets through the template
    language, or through format_html, cost milliseconds."""
    name, type_ = html_text(name), html_text(type)
    count = count_formatter()

    def element(value, value_attr, checked, label):
        return (f'<div class="fr-fieldset__element"><div class="fr-{type_}-group fr-{type_}-group--sm">'
                f'<input type="{type_}" id="{name}-{value}" name="{name}" value="{value_attr}"{checked}>'
                f'<label class="fr-label" for="{name}-{value}">{label}</label></div></div>')

    parts = [f'<fieldset class="fr-fieldset essaimage-facet" id="facet-{name}">'
             f'<legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold">{html_text(legend)}'
             '</legend>']
    if all_label:
        parts.append(element("all", "", "" if any_selected else " checked", html_text(all_label)))
    for value, label, number, selected in items:
        value = html_text(value)
        parts.append(element(value, value, " checked" if selected else "",
                             f"{html_text(label)} ({html_text(count(number))})"))
    parts.append("</fieldset>")
    return mark_safe("".join(parts))  # every value in it went through html_text
