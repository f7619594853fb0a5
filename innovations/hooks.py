"""What the catalogue adds to the shared pages (see essaimage/hooks.py)."""

from django.contrib import sitemaps as django_sitemaps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaimage.hooks import AUTHENTICATED, Figure, Link, LinkGroup, PagesSitemap, Section

URL_PREFIX = "innovations/"

NAVIGATION = [
    Link(_("Catalogue des innovations"), "innovations:list", order=10),
]
PERSONAL_NAVIGATION = [
    Link(_("Mes innovations"), "innovations:mine", order=10, audience=AUTHENTICATED),
    Link(_("Partager une innovation"), "innovations:create", order=20, audience=AUTHENTICATED),
    Link(_("Modération des innovations"), "innovations:moderation", order=60,
         permission="innovations.moderate_innovation"),
]

SITEMAP_GROUPS = [
    LinkGroup(_("Innovations"), (
        Link(_("Catalogue des innovations"), "innovations:list"),
        Link(_("Partager une innovation"), "innovations:create"),
        Link(_("Mes innovations"), "innovations:mine"),
        Link(_("Modération (modérateurs)"), "innovations:moderation"),
    ), order=10),
]

ROBOTS_DISALLOW = ["innovations:create", "innovations:mine", "innovations:moderation"]

HOME_ACTIONS = [
    Link(_("Parcourir le catalogue"), "innovations:list", order=10),
    Link(_("Partager une innovation"), "innovations:create", order=20, audience=AUTHENTICATED,
         css_class="fr-btn--secondary"),
]

DASHBOARD_SHORTCUTS = [
    Link(_("Catalogue des innovations"), "innovations:list", order=10, detail=_("Chercher une innovation à reprendre")),
    Link(_("Partager une innovation"), "innovations:create", order=20,
         detail=_("Un brouillon s’enregistre à tout moment")),
]


def home_figures() -> list[Figure]:
    from innovations.selectors import catalogue_figures

    counts = catalogue_figures()
    # French agreement: 0 and 1 take the singular (gettext's fallback would treat 0 as plural).
    return [
        Figure("published", counts["published"],
               ngettext("innovation publiée", "innovations publiées", counts["published"] or 1), order=10),
        Figure("replications", counts["replications"],
               ngettext("essaimage déclaré", "essaimages déclarés", counts["replications"] or 1), order=20),
        Figure("territories_reached", counts["territories_reached"],
               ngettext("territoire touché par un essaimage", "territoires touchés par un essaimage",
                        counts["territories_reached"] or 1), order=30),
    ]


def home_sections(request) -> list[Section]:
    from innovations.selectors import latest_published

    return [
        Section("innovations/home/search.html", order=10),
        Section("innovations/home/latest.html", {"latest": latest_published(3)}, order=20),
    ]


def dashboard_todo(request) -> list[Section]:
    from innovations import dashboard

    user = request.user
    context = {
        "to_correct": dashboard.sheets_to_correct(user),
        "received": dashboard.declarations_received(user),
        "recent_days": dashboard.RECENT_DAYS,
        "moderation": dashboard.moderation_waiting() if user.has_perm("innovations.moderate_innovation") else None,
    }
    empty = not context["to_correct"] and not context["received"] and not (
        context["moderation"] and context["moderation"]["count"])
    return [Section("innovations/dashboard/todo.html", context, order=10, empty=empty)]


def dashboard_sections(request) -> list[Section]:
    from innovations import dashboard

    return [
        Section("innovations/dashboard/innovations.html", {"innovations": dashboard.my_innovations(request.user)},
                order=10),
        Section("innovations/dashboard/declarations.html",
                {"declarations": dashboard.my_declarations(request.user)}, order=20),
    ]


class CatalogueSitemap(PagesSitemap):
    url_names = ("innovations:list",)
    changefreq = "daily"


class InnovationSitemap(django_sitemaps.Sitemap):
    """Every published innovation's page."""

    changefreq = "weekly"
    limit = 10_000

    def items(self):
        from innovations.enums import Status
        from innovations.models import Innovation

        return Innovation.objects.filter(status=Status.PUBLISHED).only("slug", "updated_at").order_by("pk")

    def lastmod(self, innovation):
        return innovation.updated_at


def sitemaps() -> dict:
    return {"catalogue": CatalogueSitemap, "innovations": InnovationSitemap}
