"""What the grants app adds to the shared pages (see essaimage/hooks.py)."""

from django.contrib import sitemaps as django_sitemaps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaimage.hooks import AUTHENTICATED, Figure, Link, LinkGroup, PagesSitemap, Section

URL_PREFIX = "subventions/"

NAVIGATION = [
    Link(_("Appels à projets"), "grants:call_list", order=11),
]
PERSONAL_NAVIGATION = [
    Link(_("Mes demandes de subvention"), "grants:mine", order=30, audience=AUTHENTICATED),
    Link(_("Instruction des subventions"), "grants:instruction", order=70, permission="grants.manage_grants"),
    Link(_("Mes évaluations de demandes"), "grants:review_queue", order=75, permission="grants.review_any"),
]

SITEMAP_GROUPS = [
    LinkGroup(_("Subventions d’essaimage"), (
        Link(_("Appels à projets"), "grants:call_list"),
        Link(_("Mes demandes de subvention"), "grants:mine"),
        Link(_("Instruction (instructeurs)"), "grants:instruction"),
        Link(_("Données ouvertes des subventions"), "grants:open_data"),
    ), order=15),
]

ROBOTS_DISALLOW = ["grants:mine", "grants:instruction", "grants:review_queue"]

FOOTER_LINKS = [Link(_("Données ouvertes des subventions"), "grants:open_data", order=35)]

DASHBOARD_SHORTCUTS = [
    Link(_("Appels à projets"), "grants:call_list", order=40, detail=_("Financer l’essaimage d’une innovation")),
    Link(_("Mes demandes de subvention"), "grants:mine", order=45, audience=AUTHENTICATED,
         detail=_("Brouillons, dépôts et décisions")),
]


def home_figures() -> list[Figure]:
    from grants.selectors import home_calls

    count = home_calls()["count"]
    return [Figure("open_calls", count, ngettext("appel à projets ouvert", "appels à projets ouverts", count or 1),
                   order=60)]


def home_sections(request) -> list[Section]:
    from grants.selectors import home_calls

    calls = home_calls()["calls"]
    return [Section("grants/home/open_calls.html", {"open_calls": calls}, order=30, empty=not calls)]


def dashboard_todo(request) -> list[Section]:
    return _instructeur_todo(request) + _reviewer_todo(request)


def _instructeur_todo(request) -> list[Section]:
    from grants.selectors import instructeur_todo

    user = request.user
    if not user.has_perm("grants.manage_grants"):
        return []
    todo = instructeur_todo(user)
    empty = not todo["to_open"] and not todo["completed"] and not todo["calls"]
    return [Section("grants/dashboard/todo.html", {"grants_todo": todo}, order=30, empty=empty)]


def _reviewer_todo(request) -> list[Section]:
    """Evaluators: the files waiting for their conflict answer or their sheet (part 2)."""
    from grants.review_selectors import reviewer_todo

    user = request.user
    if not user.has_perm("grants.review_any"):
        return []
    todo = reviewer_todo(user)
    return [Section("grants/review/dashboard_todo.html", {"review_todo": todo}, order=31,
                    empty=not todo["count"])]


def dashboard_sections(request) -> list[Section]:
    from grants.selectors import my_applications

    applications = my_applications(request.user)
    if not applications:
        return []
    return [Section("grants/dashboard/applications.html", {"grant_applications": applications[:5],
                                                           "grant_applications_more": len(applications) > 5},
                    order=30)]


def innovation_sections(request, innovation) -> list[Section]:
    """On an innovation's page: the grants it received, and (to its team) the open calls it may apply to."""
    from grants.selectors import eligible_open_calls, grants_of_innovation, laureate_innovation_ids

    received = grants_of_innovation(innovation) if innovation.pk in laureate_innovation_ids() else []
    calls = eligible_open_calls(innovation) if request.user.has_perm("grants.apply", innovation) else []
    if not received and not calls:
        return []
    return [Section("grants/partials/innovation_grants.html", {"grants_received": received, "eligible_calls": calls},
                    order=40)]


class CallListSitemap(PagesSitemap):
    url_names = ("grants:call_list",)
    changefreq = "daily"


class CallSitemap(django_sitemaps.Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        from grants.models import Call

        return Call.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, call):
        return call.updated_at


def sitemaps() -> dict:
    return {"appels": CallListSitemap, "calls": CallSitemap}

