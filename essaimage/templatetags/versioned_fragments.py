"""`{% versioned_fragment key %}…{% endversioned_fragment %}`: the enclosed markup, rendered once
per key by each process and then read from its memory (essaimage.versioned_cache, not shared:
fragments are many and quick to render again elsewhere). The key must name everything
the markup depends on, the version of its data included (the view builds it): a key that
leaves something out would show one visitor's fragment to another."""

from django import template

from essaimage import versioned_cache

register = template.Library()


class VersionedFragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:  # no key: nothing may be shared, render every time
            return self.nodelist.render(context)
        return versioned_cache.cached("fragment", key, lambda: self.nodelist.render(context), shared=False)


@register.tag
def versioned_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% versioned_fragment key %} prend une seule clé.")
    nodelist = parser.parse(("endversioned_fragment",))
    parser.delete_first_token()
    return VersionedFragmentNode(nodelist, parser.compile_filter(bits[1]))
