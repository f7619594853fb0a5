"""Sponsors suggested to an innovation's team, ranked by fit, each with its reasons in words.

« Comment ce classement est calculé » (also shown on the page of that name):

    score = 3 × T + G + 2 × C + R + 2 × min(S, 3)

- T: the number of expertise themes the sponsor shares with the innovation;
- G: 4 if the sponsor covers the innovation's département, else 2 if they cover its région (the
  région itself, or one of its départements), else 0;
- C: 1 if the sponsor covers a territory where the innovation is being replicated (the
  département or région of an active declaration of replication, « territoires visés »), else 0;
- R: the sponsor's remaining capacity (places free), counted up to 3;
- S: the sponsor's past sponsorships that ended with replications helped.

Only approved sponsors who are available today (within their dates, with a free place) are
listed, never a member of the innovation's own team nor a sponsor already accompanying it, and
only if they share a theme or a territory with it (T > 0 or G > 0 or C > 0). Ties: more shared
themes first, then by name. Everything but the reasons' theme names is computed by PostgreSQL
in one query (subqueries per sponsor).
"""

from dataclasses import dataclass

from django.db.models import (
    Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory
from innovations.enums import ACTIVE_REPLICATION
from innovations.models import Innovation, Replication
from sponsors.enums import Outcome, ProfileStatus, RequestStatus, SponsorshipStatus
from sponsors.models import SponsorProfile, Sponsorship

THEME_POINTS = 3
DEPARTEMENT_POINTS = 4
REGION_POINTS = 2
TARGET_POINTS = 2
CAPACITY_CAP = 3
SUCCESS_POINTS = 2
SUCCESS_CAP = 3
SUGGESTIONS = 5


@dataclass
class Suggestion:
    profile: SponsorProfile
    score: int
    reasons: list[str]
    pending_request: bool = False


def _count(queryset, field: str):
    """A correlated COUNT(*) subquery grouped by `field` (0 when no row)."""
    return Coalesce(Subquery(queryset.order_by().values(field).annotate(n=Count("*")).values("n")[:1]), 0)


def active_sponsorships():
    return _count(Sponsorship.objects.filter(sponsor=OuterRef("pk"), status=SponsorshipStatus.EN_COURS), "sponsor")


def with_capacity(queryset):
    """Annotate `active` (sponsorships in progress) and `remaining` (free places)."""
    return queryset.annotate(active=active_sponsorships()).annotate(remaining=F("capacity") - F("active"))


def available_now(queryset, today=None):
    """Approved, within their dates, with a free place (needs `with_capacity`)."""
    today = today or timezone.localdate()
    return queryset.filter(Q(available_from__isnull=True) | Q(available_from__lte=today),
                           Q(available_until__isnull=True) | Q(available_until__gte=today), remaining__gt=0)


def _covers(ids_or_q) -> Exists:
    through = SponsorProfile.territories.through
    condition = ids_or_q if isinstance(ids_or_q, Q) else Q(territory_id__in=ids_or_q)
    return Exists(through.objects.filter(condition, sponsorprofile_id=OuterRef("pk")))


def target_territories(innovation: Innovation) -> tuple[set[int], set[int]]:
    """(département ids, région ids) where the innovation is being replicated (one query)."""
    rows = (Replication.objects.filter(innovation=innovation, status__in=ACTIVE_REPLICATION)
            .values_list("territory__level", "territory_id", "territory__parent_id", "territory__parent__parent_id"))
    departements, regions = set(), set()
    for level, pk, parent, grandparent in rows:
        if level == TerritoryLevel.REGION:
            regions.add(pk)
        elif level == TerritoryLevel.DEPARTEMENT:
            departements.add(pk)
            regions.add(parent)
        else:
            departements.add(parent)
            regions.add(grandparent)
    return departements - {None}, regions - {None}


def ranked(innovation: Innovation, *, today=None, limit: int = SUGGESTIONS):
    """The queryset of suggested sponsors, best first, annotated with the score's parts."""
    through = SponsorProfile.themes.through
    shared = _count(through.objects.filter(sponsorprofile_id=OuterRef("pk"), theme_id__in=innovation.theme_ids or [0]),
                    "sponsorprofile_id")
    dept_id, region_id = innovation.departement_id, innovation.region_id
    covers_dept = _covers([dept_id]) if dept_id else Value(False)
    covers_region = (_covers(Q(territory_id=region_id) | Q(territory__parent_id=region_id,
                                                           territory__level=TerritoryLevel.DEPARTEMENT))
                     if region_id else Value(False))
    target_depts, target_regions = target_territories(innovation)
    covers_target = (_covers(Q(territory_id__in=target_depts | target_regions)
                             | Q(territory__parent_id__in=target_regions, territory__level=TerritoryLevel.DEPARTEMENT))
                     if target_depts or target_regions else Value(False))
    successes = _count(Sponsorship.objects.filter(sponsor=OuterRef("pk"), status=SponsorshipStatus.TERMINE,
                                                  outcome=Outcome.ESSAIMAGES), "sponsor")
    team = innovation.members.values("user_id")
    queryset = with_capacity(SponsorProfile.objects.filter(status=ProfileStatus.APPROUVE, user__is_active=True)
                             .exclude(user_id__in=team)
                             .exclude(sponsorships__innovation=innovation,
                                      sponsorships__status=SponsorshipStatus.EN_COURS))
    queryset = available_now(queryset, today).annotate(
        shared_themes=shared, covers_dept=covers_dept, covers_region=covers_region, covers_target=covers_target,
        successes=successes,
    ).annotate(
        place_points=Case(When(covers_dept=True, then=Value(DEPARTEMENT_POINTS)),
                          When(covers_region=True, then=Value(REGION_POINTS)), default=Value(0),
                          output_field=IntegerField()),
        target_points=Case(When(covers_target=True, then=Value(TARGET_POINTS)), default=Value(0),
                           output_field=IntegerField()),
    ).annotate(
        score=THEME_POINTS * F("shared_themes") + F("place_points") + F("target_points")
        + Least(F("remaining"), Value(CAPACITY_CAP)) + SUCCESS_POINTS * Least(F("successes"), Value(SUCCESS_CAP)),
    ).filter(Q(shared_themes__gt=0) | Q(place_points__gt=0) | Q(target_points__gt=0))
    return (queryset.select_related("user").order_by("-score", "-shared_themes", "user__last_name",
                                                     "user__first_name", "pk")[:limit])


def reasons(profile, innovation: Innovation, theme_names: dict[int, str], places: dict[int, str]) -> list[str]:
    """The score's parts of an annotated profile, in words."""
    found = []
    shared = [theme_names[pk] for pk in profile.theme_pks if pk in set(innovation.theme_ids)]
    if shared:
        found.append(ngettext("Thème en commun : %(themes)s", "Thèmes en commun : %(themes)s", len(shared))
                     % {"themes": ", ".join(sorted(shared))})
    if profile.covers_dept:
        found.append(_("Couvre le département de l’innovation (%(name)s)")
                     % {"name": places.get(innovation.departement_id, "")})
    elif profile.covers_region:
        found.append(_("Couvre la région de l’innovation (%(name)s)") % {"name": places.get(innovation.region_id, "")})
    if profile.covers_target:
        found.append(_("Couvre un territoire où l’innovation est en cours d’essaimage"))
    found.append(ngettext("%(count)s place libre", "%(count)s places libres", profile.remaining)
                 % {"count": profile.remaining})
    if profile.successes:
        found.append(ngettext("%(count)s parrainage passé a facilité des essaimages",
                              "%(count)s parrainages passés ont facilité des essaimages", profile.successes)
                     % {"count": profile.successes})
    return found


def suggestions(innovation: Innovation, *, today=None, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """The ranked suggestions with their reasons: five queries whatever the number of sponsors
    (the territories being replicated, the ranking, the suggested sponsors' themes, the places'
    names, the open requests)."""
    profiles = list(ranked(innovation, today=today, limit=limit))
    if not profiles:
        return []
    through = SponsorProfile.themes.through
    theme_names, by_profile = {}, {}
    for profile_id, theme_id, name in (through.objects.filter(sponsorprofile_id__in=[p.pk for p in profiles])
                                       .values_list("sponsorprofile_id", "theme_id", "theme__name")):
        theme_names[theme_id] = name
        by_profile.setdefault(profile_id, []).append(theme_id)
    places = dict(Territory.objects.filter(pk__in=[pk for pk in (innovation.departement_id, innovation.region_id)
                                                   if pk]).values_list("pk", "name"))
    pending = set(innovation.sponsorship_requests.filter(status=RequestStatus.EN_ATTENTE, sponsor__in=profiles)
                  .values_list("sponsor_id", flat=True))
    result = []
    for profile in profiles:
        profile.theme_pks = by_profile.get(profile.pk, [])
        result.append(Suggestion(profile, profile.score, reasons(profile, innovation, theme_names, places),
                                 pending_request=profile.pk in pending))
    return result
