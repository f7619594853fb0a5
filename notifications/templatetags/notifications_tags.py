from django import template

from notifications import registry, selectors

register = template.Library()


@register.inclusion_tag("notifications/partials/follow_form.html", takes_context=True)
def follow_form(context, obj):
    """« Suivre » / « Ne plus suivre » for a signed-in person on an object they see (one query)."""
    request = context["request"]
    user = request.user
    entry = registry.followable(obj._meta.label_lower)
    show = user.is_authenticated and entry is not None
    return {
        "show": show, "obj": obj, "label": obj._meta.label_lower, "request": request, "entry": entry,
        "csrf_token": context.get("csrf_token"),
        "following": show and selectors.is_following(user, obj),
    }
