from django.conf import settings
from django.utils.functional import SimpleLazyObject

from essaimage import hooks


def _roles(user):
    if not user.is_authenticated:
        return frozenset()
    user.has_role("")  # fills the per-request cache of group names
    return frozenset(user._role_names)


def site(request):
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "user_roles": SimpleLazyObject(lambda: _roles(user)) if user is not None else frozenset(),
        # Each app's entries (essaimage.hooks), resolved only if the page shows them.
        "site_menu": SimpleLazyObject(lambda: hooks.menu(user, request.path)),
        "footer_links": SimpleLazyObject(lambda: hooks.links("FOOTER_LINKS", user)),
    }
