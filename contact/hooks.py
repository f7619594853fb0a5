"""What the contact relay adds to the shared pages (see essaimage/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from essaimage.hooks import Link, LinkGroup, PagesSitemap

URL_PREFIX = "contact/"

FOOTER_LINKS = [Link(_("Nous contacter"), "contact:platform", order=50)]

SITEMAP_GROUPS = [LinkGroup("", (Link(_("Nous contacter"), "contact:platform"),), order=50)]

DASHBOARD_SHORTCUTS = [
    Link(_("Nous contacter"), "contact:platform", order=90, detail=_("Une question, un problème sur le site")),
]

ADMIN_LINKS = [
    Link(_("Messages de contact"), "admin:contact_contactmessage_changelist", order=30, icon="fr-icon-mail-line"),
]


class ContactSitemap(PagesSitemap):
    url_names = ("contact:platform",)


def sitemaps() -> dict:
    return {"contact": ContactSitemap}
