"""`{{ name|with_article }}` → « le Département des Landes » (see essaimage.articles); takes a
name or an Organisation. Add `|capfirst` at the start of a sentence."""

from django import template

from essaimage.articles import organisation_with_article, with_article as _with_article

register = template.Library()


@register.filter
def with_article(value):
    if hasattr(value, "kind") and hasattr(value, "name"):
        return organisation_with_article(value)
    return _with_article(str(value or ""))
