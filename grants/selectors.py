"""Reads of the grants pages, each with its select_related / prefetch_related so that a page runs
a bounded number of queries whatever the number of rows. Querysets that list what someone may
see are the rules of grants/rules.py written as SQL: keep them in step."""

import datetime

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from essaimage import versioned_cache

from grants.enums import PENDING_APPLICATION_STATES, ApplicationStatus, CallPhase
from grants.filters import CallFilter, InstructionFilter
from grants.models import Application, Call, InfoRequest, Message, Programme
from grants.rules import instructed_programme_ids
from essaimage.request_memo import remembered

CALLS_PER_PAGE = 20
APPLICATIONS_PER_PAGE = 25


def calls_queryset():
    return Call.objects.select_related("programme", "programme__funder").prefetch_related("themes")


def call_list(*, params, page_number, now=None) -> dict:
    """The public list of calls, filtered (state, programme, theme, kind of organisation)."""
    now = now or timezone.now()
    filterset = CallFilter(params, queryset=calls_queryset(), now=now)
    queryset = filterset.qs.order_by("closes_at", "pk") if filterset.is_bound else calls_queryset().order_by(
        "closes_at", "pk")
    page = Paginator(queryset, CALLS_PER_PAGE).get_page(page_number)
    query = params.copy()
    query.pop("page", None)
    return {"filter": filterset, "page": page, "calls": list(page.object_list), "now": now,
            "query_without_page": query.urlencode()}


def call_page_queryset():
    return calls_queryset().prefetch_related("criteria", "eligible_territories")


def open_calls(limit: int = 3, now=None) -> list[Call]:
    now = now or timezone.now()
    return list(calls_queryset().filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at", "pk")[:limit])


def open_calls_count(now=None) -> int:
    now = now or timezone.now()
    return Call.objects.filter(opens_at__lte=now, closes_at__gt=now).count()


CALLS_GENERATION = "grants:calls"  # moved on by every write of a call (services.call_save)
FAR_FUTURE = datetime.datetime.max.replace(tzinfo=datetime.UTC) - datetime.timedelta(days=1)


def next_phase_change(now) -> datetime.datetime:
    """The next opening or closing of any call: until then, which calls are open does not change."""
    found = Call.objects.aggregate(opening=Min("opens_at", filter=Q(opens_at__gt=now)),
                                   closing=Min("closes_at", filter=Q(closes_at__gt=now)))
    return min([moment for moment in found.values() if moment is not None] or [FAR_FUTURE])


def home_calls(now=None) -> dict:
    """The home page's open calls (three) and their number, cached until a call is written or the
    next opening or closing: the warm home page reads nothing of grants from the database."""
    if now is None:  # the figure and the section of the home page share one read
        return remembered(("grants:home_calls",), lambda: home_calls(timezone.now()))
    key = f"grants:home:{versioned_cache.generation(CALLS_GENERATION)}"
    entry = cache.get(key)
    if entry is None or now >= entry["valid_until"]:
        entry = {"calls": open_calls(3, now), "count": open_calls_count(now), "valid_until": next_phase_change(now)}
        cache.set(key, entry)
    return entry


def median_decision_days(call: Call) -> int | None:
    """Median number of days from deposit to decision over the decided applications of the call's
    programme (None before the first decision). One query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM a.decided_at - a.submitted_at)) "
            "FROM grants_application a JOIN grants_call c ON c.id = a.call_id "
            "WHERE c.programme_id = %s AND a.decided_at IS NOT NULL AND a.submitted_at IS NOT NULL",
            [call.programme_id])
        seconds = cursor.fetchone()[0]
    return None if seconds is None else round(seconds / 86400)


def application_page_queryset():
    return (Application.objects.select_related("call", "call__programme", "innovation", "organisation",
                                               "created_by", "republican_contract_confirmed_by")
            .prefetch_related("fundings", "budget_lines", "milestones", "documents", "target_territories",
                              "innovation__members",
                              Prefetch("messages", queryset=Message.objects.select_related("author")),
                              Prefetch("info_requests", queryset=InfoRequest.objects.select_related(
                                  "requested_by", "answered_by"))))


def instruction_home(user) -> list[Programme]:
    """The programmes `user` instructs, with their calls and counts of pending applications."""
    pending = Count("applications", filter=Q(applications__status__in=PENDING_APPLICATION_STATES))
    calls = Call.objects.annotate(pending=pending, deposited=Count(
        "applications", filter=~Q(applications__status=ApplicationStatus.DRAFT))).order_by("-closes_at", "pk")
    return list(Programme.objects.filter(pk__in=instructed_programme_ids(user)).select_related("funder")
                .prefetch_related(Prefetch("calls", queryset=calls)).order_by("title", "pk"))


def instruction_list(*, call: Call, params, page_number) -> dict:
    """The deposited applications of a call for its instructeurs (drafts are the teams' own)."""
    base = (Application.objects.filter(call=call).exclude(status=ApplicationStatus.DRAFT)
            .select_related("innovation", "organisation")
            .annotate(message_count=Count("messages")))
    filterset = InstructionFilter(params, queryset=base)
    queryset = filterset.qs.order_by("submitted_at", "pk")
    page = Paginator(queryset, APPLICATIONS_PER_PAGE).get_page(page_number)
    query = params.copy()
    query.pop("page", None)
    counts = dict(Application.objects.filter(call=call).exclude(status=ApplicationStatus.DRAFT)
                  .values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {"filter": filterset, "page": page, "applications": list(page.object_list),
            "query_without_page": query.urlencode(),
            "counts": [(status, counts.get(status.value, 0)) for status in ApplicationStatus
                       if status != ApplicationStatus.DRAFT]}


def my_applications(user) -> list[Application]:
    """The applications of the innovations whose team `user` is on."""
    return list(Application.objects.filter(innovation__members__user=user)
                .select_related("call", "innovation").order_by("-created_at", "-pk").distinct())


def instructeur_todo(user) -> dict:
    """What waits for an instructeur: deposited applications to open, completed ones, overdue requests."""
    programmes = instructed_programme_ids(user)
    if not programmes:
        return {"to_open": 0, "completed": 0, "calls": []}
    mine = Application.objects.filter(call__programme__in=programmes)
    to_open = mine.filter(status=ApplicationStatus.SUBMITTED).count()
    completed = mine.filter(status=ApplicationStatus.IN_REVIEW, info_requests__answered_at__isnull=False).distinct()
    calls = list(Call.objects.filter(programme__in=programmes)
                 .annotate(pending=Count("applications",
                                         filter=Q(applications__status__in=PENDING_APPLICATION_STATES)))
                 .filter(pending__gt=0).order_by("closes_at", "pk")[:5])
    return {"to_open": to_open, "completed": completed.count(), "calls": calls}


def grants_of_innovation(innovation) -> list[Application]:
    """The accepted applications of an innovation (public: a grant awarded is public information)."""
    return list(Application.objects.filter(innovation=innovation, status=ApplicationStatus.ACCEPTED)
                .select_related("call", "call__programme__funder").order_by("-decided_at"))


def laureate_innovation_ids() -> frozenset[int]:
    """Innovations with an accepted application, once per catalogue version (application_transition
    moves it on when an application becomes accepted or stops being so)."""
    from innovations.selectors import innovation_ids_with

    return innovation_ids_with("grants:laureates", lambda: Application.objects.filter(
        status=ApplicationStatus.ACCEPTED).values_list("innovation_id", flat=True))


def eligible_open_calls(innovation, now=None) -> list[Call]:
    """Open calls the innovation may apply to (and has not applied to yet)."""
    from grants.services import eligibility_problems

    now = now or timezone.now()
    applied = Application.objects.filter(innovation=innovation).values("call_id")
    calls = (calls_queryset().prefetch_related("eligible_territories")
             .filter(opens_at__lte=now, closes_at__gt=now).exclude(pk__in=applied).order_by("closes_at")[:20])
    return [call for call in calls if not eligibility_problems(call, innovation, now=now)]


def phase_choices():
    return [(phase.value, phase.label) for phase in CallPhase]
