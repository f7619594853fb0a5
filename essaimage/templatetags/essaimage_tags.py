from django import template
from django.template.loader import render_to_string

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
