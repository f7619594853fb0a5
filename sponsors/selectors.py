"""Reads of the sponsors' pages, each a bounded number of queries."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q

from essaimage import versioned_cache
from essaimage.enums import TerritoryLevel
from essaimage.models import Territory
from essaimage.signals import DIRECTORY
from innovations.models import Innovation, Theme
from sponsors.enums import ProfileStatus, RequestStatus
from sponsors.filters import DirectoryFilter
from sponsors.matching import with_capacity
from sponsors.models import SponsorProfile, Sponsorship, SponsorshipRequest

PAGE_SIZE = 20

def _profile_rows(queryset):
    return queryset.select_related("user", "user__organisation").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "name")),
        Prefetch("territories", queryset=Territory.objects.order_by("level", "name")))

def public_profiles():
    return SponsorProfile.objects.filter(status=ProfileStatus.APPROUVE, user__is_active=True)

def directory(*, params, page_number) -> dict:
    """The filtered directory: 5 queries (count, page, themes, territories + the filter's options
    are read by the template's form) whatever the number of sponsors."""
    filterset = DirectoryFilter(params, queryset=with_capacity(public_profiles()))
    queryset = _profile_rows(filterset.qs).order_by("user__last_name", "user__first_name", "pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    query = params.copy()
    query.pop("page", None)
    return {"filter": filterset, "page": page, "profiles": page.object_list, "query_without_page": query.urlencode(),
            "filtered": any(params.get(name) for name in DirectoryFilter.base_filters)}

def profile_page_queryset():
    return _profile_rows(with_capacity(SponsorProfile.objects.all()))

def departement_counts() -> list[dict]:
    """Each département (code, name, région) with the number of approved sponsors covering it,
    directly or through its région: two queries."""
    departements = list(Territory.objects.filter(level=TerritoryLevel.DEPARTEMENT)
                        .values_list("pk", "code", "name", "parent_id", "parent__name").order_by("code"))
    by_region: dict[int, set[int]] = {}
    for pk, _code, _name, region_id, _region in departements:
        by_region.setdefault(region_id, set()).add(pk)
    covering: dict[int, set[int]] = {}
    rows = (SponsorProfile.territories.through.objects
            .filter(sponsorprofile__status=ProfileStatus.APPROUVE, sponsorprofile__user__is_active=True)
            .values_list("sponsorprofile_id", "territory_id", "territory__level"))
    for profile_id, territory_id, level in rows:
        targets = by_region.get(territory_id, set()) if level == TerritoryLevel.REGION else {territory_id}
        for departement_id in targets:
            covering.setdefault(departement_id, set()).add(profile_id)
    return [{"pk": pk, "code": code, "name": name, "region": region, "count": len(covering.get(pk, ()))}
            for pk, code, name, _region_id, region in departements]

def profile_of(user) -> SponsorProfile | None:
    """The user's own profile, or None; read once per user instance (the request's user)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_sponsor_profile"):
        user._sponsor_profile = SponsorProfile.objects.filter(user=user).first()
    return user._sponsor_profile


def moderation_queue():
    return (SponsorProfile.objects.filter(status=ProfileStatus.SOUMIS).select_related("user")
            .order_by("submitted_at", "pk"))

def requests_to_answer(user):
    return (SponsorshipRequest.objects.filter(sponsor__user=user, status=RequestStatus.EN_ATTENTE)
            .select_related("innovation").order_by("created_at"))

def my_sponsorships(user) -> dict:
    """The user's sponsorships, as sponsor and as a team member (one query), with the team's open
    requests (one more)."""
    rows = list(Sponsorship.objects.select_related("innovation", "sponsor__user")
                .filter(Q(sponsor__user=user) | Q(innovation__in=Innovation.objects.filter(members__user=user)))
                .order_by("status", "-started_at", "-pk")[:40])
    return {
        "as_sponsor": [row for row in rows if row.sponsor.user_id == user.pk],
        "as_team": [row for row in rows if row.sponsor.user_id != user.pk],
        "team_requests": list(SponsorshipRequest.objects.filter(innovation__members__user=user,
                                                                status=RequestStatus.EN_ATTENTE)
                              .select_related("innovation", "sponsor__user")[:20]),
    }

def sponsorship_page_queryset():
    return Sponsorship.objects.select_related("innovation", "sponsor__user", "request")

PROFILES_GENERATION = "sponsor_profiles"


def approved_count() -> int:
    """The home page's figure, counted once per generation of the profiles (moved on by
    services.profile_transition) and of the directory of users (a deactivated sponsor leaves it)."""
    version = f"{versioned_cache.generation(PROFILES_GENERATION)}-{versioned_cache.generation(DIRECTORY)}"
    return versioned_cache.cached("home:sponsors", version, lambda: public_profiles().count())

