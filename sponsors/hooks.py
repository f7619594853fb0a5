"""What the sponsors add to the shared pages (see essaimage/hooks.py)."""

from django.contrib import sitemaps as django_sitemaps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from essaimage.hooks import AUTHENTICATED, Figure, Link, LinkGroup, PagesSitemap, Section
from sponsors.events import hooks as events  # the rencontres' entries (sponsors/events/hooks.py)

URL_PREFIX = ""  # urls.py holds « parrains/ » and « rencontres/ »

NAVIGATION = [
    Link(_("Parrains"), "sponsors:directory", order=13),
    *events.NAVIGATION,
]
PERSONAL_NAVIGATION = [
    Link(_("Profils de parrains à valider"), "sponsors:moderation", order=65,
         permission="sponsors.moderate_sponsorprofile"),
    *events.PERSONAL_NAVIGATION,
]

SITEMAP_GROUPS = [
    LinkGroup(_("Parrains et marraines"), (
        Link(_("Annuaire des parrains et marraines"), "sponsors:directory"),
        Link(_("Carte des parrains par département"), "sponsors:map"),
        Link(_("Devenir parrain ou marraine"), "sponsors:volunteer"),
        Link(_("Comment le classement des parrains est calculé"), "sponsors:ranking"),
        Link(_("Profils à valider (modérateurs)"), "sponsors:moderation"),
    ), order=30),
    *events.SITEMAP_GROUPS,
]

ROBOTS_DISALLOW = ["sponsors:volunteer", "sponsors:moderation", *events.ROBOTS_DISALLOW]

DASHBOARD_SHORTCUTS = [
    Link(_("Parrains et marraines"), "sponsors:directory", order=40,
         detail=_("Trouver quelqu’un pour accompagner votre innovation")),
    Link(_("Devenir parrain ou marraine"), "sponsors:volunteer", order=45, audience=AUTHENTICATED,
         permission="sponsors.volunteer", detail=_("Accompagner des équipes de votre expérience")),
    *events.DASHBOARD_SHORTCUTS,
]


def home_figures() -> list[Figure]:
    from sponsors.selectors import approved_count

    count = approved_count()
    return [Figure("sponsors", count, ngettext("parrain ou marraine", "parrains et marraines", count or 1), order=40)]


def innovation_sections(request, innovation) -> list[Section]:
    """The team of a published innovation sees the sponsors suggested to it; everyone sees the
    events where the innovation was presented."""
    sections = events.innovation_sections(request, innovation)
    if not request.user.has_perm("sponsors.see_suggestions", innovation):
        return sections
    from sponsors.matching import suggestions

    return [*sections,
            Section("sponsors/partials/suggestions.html", {"suggestions": suggestions(innovation)}, order=50)]


def dashboard_todo(request) -> list[Section]:
    from sponsors.selectors import moderation_queue, requests_to_answer

    user = request.user
    to_answer = list(requests_to_answer(user)[:10])
    to_moderate = moderation_queue().count() if user.has_perm("sponsors.moderate_sponsorprofile") else 0
    context = {"sponsor_requests": to_answer, "profiles_to_moderate": to_moderate}
    return [Section("sponsors/dashboard/todo.html", context, order=40, empty=not to_answer and not to_moderate),
            *events.dashboard_todo(request)]


def dashboard_sections(request) -> list[Section]:
    from sponsors.selectors import my_sponsorships, profile_of

    data = my_sponsorships(request.user)
    profile = profile_of(request.user)
    if not (profile or data["as_sponsor"] or data["as_team"] or data["team_requests"]):
        return events.dashboard_sections(request)
    return [Section("sponsors/dashboard/sponsorships.html", {"sponsor_profile": profile, **data}, order=40),
            *events.dashboard_sections(request)]


class DirectorySitemap(PagesSitemap):
    url_names = ("sponsors:directory", "sponsors:map", "sponsors:ranking")
    changefreq = "weekly"


class ProfileSitemap(django_sitemaps.Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        from sponsors.selectors import public_profiles

        return public_profiles().only("pk", "updated_at").order_by("pk")

    def lastmod(self, profile):
        return profile.updated_at


def sitemaps() -> dict:
    return {"sponsors": DirectorySitemap, "sponsorprofiles": ProfileSitemap, **events.sitemaps()}
