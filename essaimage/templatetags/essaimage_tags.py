from django import template
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_elided_page_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


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


@register.simple_tag
def facet_fieldset(name, legend, items, type="checkbox", all_label="", any_selected=False):
    """One facet of a filtered list as a DSFR fieldset of checkboxes (or radios), the markup of
    templates/partials/facet_fieldset.html (which calls this tag): `items` are (value, label,
    count, selected); `all_label` adds a first « all » choice, unchecked if `any_selected`.
    Built in Python: a catalogue's facets through the template language cost milliseconds."""
    element = ('<div class="fr-fieldset__element"><div class="fr-{type}-group fr-{type}-group--sm">'
               '<input type="{type}" id="{name}-{value}" name="{name}" value="{value_attr}"{checked}>'
               '<label class="fr-label" for="{name}-{value}">{label}</label></div></div>')
    name, type_ = conditional_escape(name), conditional_escape(type)
    parts = [format_html('<fieldset class="fr-fieldset essaimage-facet" id="facet-{}">'
                         '<legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold">{}</legend>',
                         name, legend)]
    if all_label:
        parts.append(format_html(element, type=type_, name=name, value="all", value_attr="",
                                 checked="" if any_selected else mark_safe(" checked"), label=all_label))
    for value, label, count, selected in items:
        parts.append(format_html(element, type=type_, name=name, value=value, value_attr=value,
                                 checked=mark_safe(" checked") if selected else "",
                                 label=format_html("{} ({})", label, localize(count))))
    parts.append(mark_safe("</fieldset>"))
    return mark_safe("".join(parts))  # each part is format_html's output, escaped
