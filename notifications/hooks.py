"""What the notifications add to the shared pages (see essaimage/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from essaimage.hooks import AUTHENTICATED, Link

URL_PREFIX = "notifications/"

ROBOTS_DISALLOW = ["notifications:list", "notifications:preferences"]

DASHBOARD_SHORTCUTS = [
    Link(_("Mes notifications"), "notifications:list", order=50, audience=AUTHENTICATED,
         detail=_("Ce qui m’est signalé, les innovations que je suis")),
    Link(_("Mes préférences de notification"), "notifications:preferences", order=60, audience=AUTHENTICATED,
         detail=_("Immédiatement, chaque matin ou jamais par e-mail")),
]
