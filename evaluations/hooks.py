"""What prize campaigns add to the shared pages (see essaimage/hooks.py)."""

from django.contrib import sitemaps as django_sitemaps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from essaimage.hooks import AUTHENTICATED, CatalogueFlag, Link, LinkGroup, Section

URL_PREFIX = "prix/"

NAVIGATION = [
    Link(_("Prix"), "evaluations:list", order=12),
]
PERSONAL_NAVIGATION = [
    Link(_("Mes candidatures aux prix"), "evaluations:mine", order=40, audience=AUTHENTICATED),
]

SITEMAP_GROUPS = [
    LinkGroup(_("Prix et campagnes"), (
        Link(_("Les campagnes"), "evaluations:list"),
        Link(_("Mes candidatures"), "evaluations:mine"),
        Link(_("Créer une campagne (organisateurs)"), "evaluations:create"),
    ), order=12),
]

ROBOTS_DISALLOW = ["evaluations:mine", "evaluations:create"]

DASHBOARD_SHORTCUTS = [
    Link(_("Mes candidatures"), "evaluations:mine", order=40, audience=AUTHENTICATED,
         detail=_("Vos innovations présentées aux prix")),
    Link(_("Créer une campagne de prix"), "evaluations:create", order=45, permission="evaluations.add_campaign",
         detail=_("Organisateurs : candidatures, pairs, jury, résultats")),
]


def _awarded_condition():
    from django.db.models import Exists, OuterRef

    from evaluations.enums import CampaignPhase
    from evaluations.models import Award

    return Exists(Award.objects.filter(entry__innovation=OuterRef("pk"),
                                       category__campaign__phase=CampaignPhase.RESULTS))


# The catalogue's « Primée » filter: innovations with a prize in a campaign whose results are published.
CATALOGUE_FLAGS = [
    CatalogueFlag("primee", _("Distinction"), _("Primée à un prix"), _awarded_condition, order=10),
]


def innovation_sections(request, innovation) -> list[Section]:
    """The prizes of an innovation (« Primée — <campagne> ») on its page, if any: one query."""
    from evaluations.selectors import awarded_innovation_ids, innovation_awards
    from innovations.selectors import innovation_ids_with

    # (results published move the catalogue version on: evaluations.services)
    awards = innovation_awards(innovation) if innovation.pk in innovation_ids_with(
        "evaluations:awarded", awarded_innovation_ids) else []
    return [Section("evaluations/innovation/awards.html", {"innovation_awards": awards}, order=10)] if awards else []


def dashboard_sections(request) -> list[Section]:
    from evaluations.selectors import my_entries, organised_campaigns

    user = request.user
    entries = list(my_entries(user)[:10])
    campaigns = organised_campaigns(user) if user.has_perm("evaluations.add_campaign") else []
    return [Section("evaluations/dashboard/entries.html", {"prize_entries": entries, "organised": campaigns},
                    order=40, empty=not entries and not campaigns)]


class CampaignSitemap(django_sitemaps.Sitemap):
    """The list of campaigns, then each published campaign's page."""

    changefreq = "weekly"

    def items(self):
        from evaluations.enums import CampaignPhase
        from evaluations.models import Campaign

        return ["evaluations:list", *Campaign.objects.exclude(phase=CampaignPhase.DRAFT).only("slug", "updated_at")
                .order_by("pk")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at


def sitemaps() -> dict:
    return {"prix": CampaignSitemap}


def dashboard_todo(request) -> list[Section]:
    """Jurors and peer teams: the campaigns where score sheets wait for them (one query)."""
    from evaluations.scoring_selectors import pending_evaluations

    pending = pending_evaluations(request.user)
    return [Section("evaluations/scoring/dashboard_todo.html", {"pending_evaluations": pending}, order=30,
                    empty=not pending)]
