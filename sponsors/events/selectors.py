"""Reads of events: the public list with its filters, an event's page, the organiser's lists,
the events of an innovation. Each runs a bounded number of queries, whatever the number of rows."""

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory
from innovations.enums import Status as InnovationStatus
from innovations.models import Innovation, Theme
from sponsors.events.enums import REGISTERED_STATES, SEAT_STATES, EventStatus, Period, RegistrationStatus
from sponsors.events.models import Event, Registration

PAGE_SIZE = 20


def _with_seats(queryset):
    return queryset.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status__in=SEAT_STATES)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.ATTENTE)),
    )


def event_list_queryset():
    return _with_seats(Event.objects.select_related("commune", "region").prefetch_related("themes"))


def public_events(*, period: str = Period.UPCOMING, theme: str = "", event_format: str = "", region: str = ""):
    """Published events, upcoming (soonest first) or past (latest first)."""
    now = timezone.now()
    events = event_list_queryset().filter(status=EventStatus.PUBLIE)
    if period == Period.PAST:
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    if theme:
        events = events.filter(themes__slug=theme)
    if event_format:
        events = events.filter(format=event_format)
    if region:
        events = events.filter(region__code=region, region__level=TerritoryLevel.REGION)
    return events


def event_page(page_number, **filters):
    return Paginator(public_events(**filters), PAGE_SIZE).get_page(page_number)


def filter_choices() -> dict:
    return {"themes": list(Theme.objects.values_list("slug", "name")),
            "regions": list(Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name")
                            .values_list("code", "name"))}


def event_page_queryset():
    """Events with what their page shows; views fetch one through get_object_for."""
    return _with_seats(Event.objects.select_related("organiser__organisation", "commune__parent", "region")
                       .prefetch_related("themes", Prefetch(
                           "innovations", queryset=Innovation.objects.filter(status=InnovationStatus.PUBLISHED)
                           .order_by("title"), to_attr="presented")))


def public_attendees(event) -> list[Registration]:
    """People with a seat who agreed to appear on the public list."""
    return list(event.registrations.filter(status__in=REGISTERED_STATES, public_listing=True)
                .select_related("user__organisation").order_by("user__last_name", "user__first_name", "pk"))


def attendees(event):
    """Every registration, for the organiser: seats first, then the waiting list in order."""
    return (event.registrations.exclude(status=RegistrationStatus.ANNULE)
            .select_related("user__organisation", "intends_to_replicate")
            .order_by(F("position").asc(nulls_first=True), "created_at", "pk"))


def organised_by(user):
    return event_list_queryset().filter(organiser=user).order_by("-starts_at", "-pk")


def registrations_of(user, *, upcoming_only: bool = False):
    registrations = (Registration.objects.filter(user=user).exclude(status=RegistrationStatus.ANNULE)
                     .select_related("event__commune").order_by("event__starts_at", "pk"))
    if upcoming_only:
        registrations = registrations.filter(event__ends_at__gt=timezone.now())
    return registrations


def events_presenting(innovation):
    """Published events where the innovation was (or will be) presented, latest first."""
    return list(innovation.events.filter(status=EventStatus.PUBLIE).select_related("commune")
                .order_by("-starts_at", "-pk"))


def presented_innovation_ids() -> frozenset[int]:
    """Innovations presented at a published event, once per catalogue version (event_save and
    event_transition move it on when an event's status or presented innovations change)."""
    from innovations.selectors import innovation_ids_with

    return innovation_ids_with("events:presented", lambda: Event.innovations.through.objects.filter(
        event__status=EventStatus.PUBLIE).values_list("innovation_id", flat=True))


def upcoming_feed():
    return (Event.objects.filter(status=EventStatus.PUBLIE, ends_at__gt=timezone.now())
            .select_related("commune").prefetch_related("themes").order_by("starts_at", "pk"))


def waiting_rank(registration) -> int:
    """1 for the first in line (positions may have gaps once people leave the list)."""
    return Registration.objects.filter(event_id=registration.event_id, status=RegistrationStatus.ATTENTE,
                                       position__lte=registration.position).count()

