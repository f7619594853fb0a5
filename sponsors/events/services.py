"""Every write on events and registrations. Seats are decided on the locked event row
(`select_for_update`): two simultaneous registrations never exceed the capacity, and a freed seat
is offered to exactly one person on the waiting list. Statuses change only through
`event_transition` and `registration_transition` (the tables of sponsors.events.enums, the
permissions of sponsors.events.rules, an audit entry each)."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

import notifications.services as notifications
from essaimage.models import User
from essaimage.permissions import require_perm
from essaimage.services import audit_record
from innovations.catalogue_version import bump_version
from sponsors.events import notices
from sponsors.events.enums import (
    EVENT_TRANSITIONS,
    REGISTRATION_TRANSITIONS,
    SEAT_STATES,
    SYSTEM_ACTIONS,
    EventAction,
    EventStatus,
    RegistrationAction,
    RegistrationStatus,
)
from sponsors.events.models import Event, Registration
from sponsors.events.rules import EVENT_ACTION_PERMISSIONS, REGISTRATION_ACTION_PERMISSIONS

# What event_save writes (never the status, slug, sequence or dates of the trail).
EDITABLE_FIELDS = ["title", "description", "format", "place_name", "address", "commune", "online_url", "starts_at",
                   "ends_at", "capacity"]
# A change of one of these is told to the registered people (and bumps the iCalendar SEQUENCE).
ATTENDEE_FIELDS = {"format", "place_name", "address", "commune", "online_url", "starts_at", "ends_at"}
RESERVED_SLUGS = {"nouvelle", "mes-rencontres", "agenda-ics", "inscriptions"}


def offer_hours() -> int:
    return getattr(settings, "EVENT_OFFER_HOURS", 48)


def offer_deadline_for(event: Event, now=None):
    """When a seat offered now must be accepted: EVENT_OFFER_HOURS later (48 h), or halfway to
    the start of the event when it is nearer (an offer never runs past the start)."""
    now = now or timezone.now()
    return min(now + timedelta(hours=offer_hours()), now + (event.starts_at - now) / 2)


def _local(value) -> str:
    return formats.date_format(timezone.localtime(value), "l j F Y à G \\h i")


def _event_context(event: Event) -> dict:
    return {"title": event.title, "url": event.get_absolute_url(), "starts": _local(event.starts_at),
            "place": ", ".join(part for part in (event.place_name, event.address) if part),
            "format": event.event_format.label}


def _notify(kind: str, recipients, event: Event, *, text: str = "", **context):
    context = {key: str(value) for key, value in {**_event_context(event), **context}.items()}
    notifications.notify(recipients, kind, event, url=event.get_absolute_url(), text=text, context=context)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:80].strip("-") or "rencontre"
    taken = set(Event.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
                .values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def seats_taken(event: Event) -> int:
    return event.registrations.filter(status__in=SEAT_STATES).count()


def registered_users(event: Event, states=SEAT_STATES | {RegistrationStatus.ATTENTE}):
    return User.objects.filter(event_registrations__event=event, event_registrations__status__in=states)


# --- Events ------------------------------------------------------------------------------

@transaction.atomic
def event_save(*, by: User, data: dict, themes=(), innovations=(), event: Event | None = None) -> Event:
    """Create (a draft) or edit an event: writes EDITABLE_FIELDS from `data`; an edit is refused
    below the seats already taken, offers the seats a larger capacity frees, bumps the iCalendar
    SEQUENCE and tells the registered people when the date, the place or the link changes."""
    data = {key: value for key, value in data.items() if key in EDITABLE_FIELDS}
    if event is None:
        require_perm(by, "sponsors.add_event")
        event = Event(organiser=by, slug=_unique_slug(data.get("title", "")), **data)
        event.full_clean(exclude=["slug"])
        event.save()
        changed = set()
    else:
        event = Event.objects.select_for_update().get(pk=event.pk)
        require_perm(by, "sponsors.change_event", event)
        changed = {name for name, value in data.items() if getattr(event, name) != value}
        taken = seats_taken(event)
        if data.get("capacity", event.capacity) < taken:
            raise ValidationError(
                _("La rencontre compte déjà %(taken)s places prises : la capacité ne peut pas descendre en dessous.")
                % {"taken": taken}, code="capacity")
        for name, value in data.items():
            setattr(event, name, value)
        if changed:
            event.sequence += 1
        event.full_clean(exclude=["slug"])
        event.save()
    event.themes.set(themes)
    published = event.status == EventStatus.PUBLIE
    presented = set(event.innovations.values_list("pk", flat=True)) if published else set()
    event.innovations.set(innovations)
    if published and presented != {getattr(item, "pk", item) for item in innovations}:
        bump_version()  # the innovations' pages list it (sponsors.events.selectors.presented_innovation_ids)
    if changed:
        audit_record(obj=event, action="edit", actor=by, message=", ".join(sorted(changed)))
    if changed & ATTENDEE_FIELDS and event.state.is_open:
        _notify(notices.CHANGED, registered_users(event), event,
                text=_("La date, le lieu ou le lien de la rencontre a changé."))
    if "capacity" in changed:
        _offer_free_seats(event)
    return event


@transaction.atomic
def event_transition(*, event: Event, action: EventAction | str, by: User, message: str = "") -> Event:
    """The one way an event changes status (publish, cancel). Cancelling cancels every active
    registration and tells the people registered or waiting."""
    action = EventAction(action)
    sources, target = EVENT_TRANSITIONS[action]
    locked = Event.objects.select_for_update().get(pk=event.pk)
    require_perm(by, EVENT_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise ValidationError(_("Cette action n’est plus possible : la rencontre est « %(status)s ».")
                              % {"status": locked.get_status_display()}, code="stale")
    if action == EventAction.PUBLISH and locked.has_started:
        raise ValidationError(_("Cette rencontre a déjà commencé : changez ses dates avant de la publier."),
                              code="past")
    previous = locked.status
    locked.status = target
    if target == EventStatus.PUBLIE and locked.published_at is None:
        locked.published_at = timezone.now()
    locked.sequence += 1
    locked.save(update_fields=["status", "published_at", "sequence", "updated_at"])
    if EventStatus.PUBLIE in (previous, target):
        bump_version()  # the pages of the innovations it presents (selectors.presented_innovation_ids)
    audit_record(obj=locked, action=action.value, actor=by, from_state=previous, to_state=target,
                 message=message.strip())
    if action == EventAction.CANCEL:
        recipients = list(registered_users(locked))
        for registration in locked.registrations.select_for_update().filter(
                status__in=REGISTRATION_TRANSITIONS[RegistrationAction.EVENT_CANCELLED].sources):
            _apply(registration, RegistrationAction.EVENT_CANCELLED, by=by)
        _notify(notices.CHANGED, recipients, locked, cancelled="1", message=message.strip(),
                text=_("La rencontre est annulée."))
        notifications.notify_followers(locked, notices.CHANGED, exclude=[by, *recipients],
                                       url=locked.get_absolute_url(), context={key: str(value) for key, value in
                                                {**_event_context(locked), "cancelled": "1"}.items()})
    return locked


@transaction.atomic
def event_minutes_save(*, event: Event, by: User, minutes: str) -> Event:
    """The minutes (« compte rendu ») after the event; followers and attendees are told the first time."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    require_perm(by, "sponsors.change_minutes", locked)
    first = not locked.minutes.strip()
    locked.minutes = minutes.strip()
    locked.full_clean(exclude=["slug"])
    locked.save(update_fields=["minutes", "updated_at"])
    audit_record(obj=locked, action="minutes", actor=by)
    if first and locked.minutes:
        attendees = list(registered_users(locked, states={RegistrationStatus.PRESENT, RegistrationStatus.INSCRIT}))
        context = {key: str(value) for key, value in {**_event_context(locked), "minutes_published": "1"}.items()}
        notifications.notify(attendees, notices.CHANGED, locked, url=locked.get_absolute_url(), context=context)
        notifications.notify_followers(locked, notices.CHANGED, exclude=[by, *attendees],
                                       url=locked.get_absolute_url(), context=context)
    return locked


# --- Registrations -----------------------------------------------------------------------

@transaction.atomic
def registration_create(*, event: Event, by: User, intends_to_replicate=None, public_listing: bool = False
                        ) -> Registration:
    """Register `by`: a seat while there is one and nobody waits, else the end of the waiting
    list. Decided on the locked event row."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    require_perm(by, "sponsors.register_event", locked)
    if intends_to_replicate is not None and not locked.innovations.filter(pk=intends_to_replicate.pk).exists():
        raise ValidationError(_("Choisissez une innovation présentée à cette rencontre."), code="innovation")
    waiting = locked.registrations.filter(status=RegistrationStatus.ATTENTE)
    if seats_taken(locked) < locked.capacity and not waiting.exists():
        status, position = RegistrationStatus.INSCRIT, None
    else:
        status = RegistrationStatus.ATTENTE
        position = (waiting.aggregate(last=Max("position"))["last"] or 0) + 1
    registration = Registration.objects.create(event=locked, user=by, status=status, position=position,
                                               intends_to_replicate=intends_to_replicate, public_listing=public_listing)
    audit_record(obj=registration, action="register", actor=by, to_state=status)
    _notify(notices.REGISTERED, [by], locked, waiting="1" if status == RegistrationStatus.ATTENTE else "",
            position=position or "",
            link=locked.online_url if locked.event_format.has_link and status == RegistrationStatus.INSCRIT else "")
    if intends_to_replicate is not None:
        from innovations.services import team_users

        person = by.get_full_name() or _("Une personne inscrite")
        _notify(notices.REPLICATION_INTENT, team_users(intends_to_replicate), locked,
                innovation=intends_to_replicate.title, person=person,
                text=_("%(person)s veut essaimer « %(innovation)s ».")
                % {"person": person, "innovation": intends_to_replicate.title})
    return registration


def _apply(registration: Registration, action: RegistrationAction, *, by: User | None, message: str = "",
           now=None) -> str:
    """Write one step of REGISTRATION_TRANSITIONS on a locked registration (its event locked too)."""
    previous = registration.status
    target = REGISTRATION_TRANSITIONS[action].target
    registration.status = target
    if target != RegistrationStatus.ATTENTE:
        registration.position = None
    registration.offer_deadline = (offer_deadline_for(registration.event, now)
                                   if target == RegistrationStatus.PLACE_PROPOSEE else None)
    registration.save(update_fields=["status", "position", "offer_deadline", "updated_at"])
    audit_record(obj=registration, action=action.value, actor=by, from_state=previous, to_state=target,
                 message=message)
    return previous


@transaction.atomic
def registration_transition(*, registration: Registration, action: RegistrationAction | str, by: User | None,
                            message: str = "") -> Registration:
    """The one way a registration changes status. The event row is locked first (it holds the
    seats), then the registration. A seat given up (cancelled, declined, expired) is offered to
    the first person waiting. `by=None`: the platform itself, for SYSTEM_ACTIONS only."""
    action = RegistrationAction(action)
    sources, _target = REGISTRATION_TRANSITIONS[action]
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    locked.event = event
    if action in SYSTEM_ACTIONS:
        if by is not None:
            raise PermissionDenied
    else:
        require_perm(by, REGISTRATION_ACTION_PERMISSIONS[action], locked)
    if locked.status not in sources:
        raise ValidationError(_("Cette action n’est plus possible : l’inscription est « %(status)s ».")
                              % {"status": locked.get_status_display()}, code="stale")
    now = timezone.now()
    if action == RegistrationAction.ACCEPT and locked.offer_deadline and locked.offer_deadline <= now:
        raise ValidationError(_("Le délai pour accepter cette place est dépassé : elle est proposée à la personne "
                                "suivante."), code="expired")
    previous = _apply(locked, action, by=by, message=message.strip(), now=now)
    if action == RegistrationAction.ACCEPT:
        _notify(notices.REGISTERED, [locked.user], event,
                link=event.online_url if event.event_format.has_link else "")
    elif action == RegistrationAction.EXPIRE:
        _notify(notices.OFFER_EXPIRED, [locked.user], event)
    if previous in SEAT_STATES and locked.status not in SEAT_STATES:
        _offer_free_seats(event, now=now)
    return locked


def _offer_free_seats(event: Event, now=None) -> int:
    """Offer each free seat to the first person waiting (the caller holds the event's lock):
    e-mail and notice, and a task that passes the seat on if it is not accepted in time."""
    now = now or timezone.now()
    if not event.state.is_open or event.starts_at <= now:
        return 0
    free = event.capacity - seats_taken(event)
    if free <= 0:
        return 0
    offered = list(event.registrations.select_for_update().filter(status=RegistrationStatus.ATTENTE)
                   .select_related("user").order_by("position")[:free])
    for registration in offered:
        registration.event = event
        _apply(registration, RegistrationAction.OFFER, by=None, now=now)
        _notify(notices.SEAT_OFFERED, [registration.user], event, deadline=_local(registration.offer_deadline))
        _schedule_expiry(event.pk, registration.offer_deadline)
    return len(offered)


def _schedule_expiry(event_id: int, deadline) -> None:
    """Pass the seat on at the deadline (a task deferred to then; the daily sweep catches any
    miss; a backend without deferral, the tests' immediate one, relies on the sweep)."""
    from sponsors.events.tasks import expire_offers

    if not expire_offers.get_backend().supports_defer:
        return
    transaction.on_commit(lambda: expire_offers.using(run_after=deadline).enqueue(event_id=event_id))


def offers_expire(*, event_id: int | None = None, now=None) -> int:
    """Every offer past its deadline (of one event, or all) passes to the next person waiting.
    Run by a task at each deadline and by a daily sweep, never in a request. Returns how many expired."""
    now = now or timezone.now()
    due = Registration.objects.filter(status=RegistrationStatus.PLACE_PROPOSEE, offer_deadline__lte=now)
    if event_id is not None:
        due = due.filter(event_id=event_id)
    expired = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = Registration.objects.get(pk=pk)
            try:
                registration_transition(registration=registration, action=RegistrationAction.EXPIRE, by=None)
            except ValidationError:  # accepted or cancelled meanwhile
                continue
            expired += 1
    return expired


def reminders_send(*, now=None) -> int:
    """The day before (Paris), each published event's registered people get a reminder, once."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    sent = 0
    ids = Event.objects.filter(status=EventStatus.PUBLIE, reminder_sent_at__isnull=True,
                               starts_at__gt=now).values_list("pk", "starts_at")
    for pk, starts_at in ids:
        if timezone.localtime(starts_at).date() != tomorrow:
            continue
        with transaction.atomic():
            event = (Event.objects.select_for_update(skip_locked=True)
                     .filter(pk=pk, reminder_sent_at__isnull=True).first())
            if event is None:
                continue
            event.reminder_sent_at = now
            event.save(update_fields=["reminder_sent_at"])
            _notify(notices.REMINDER, registered_users(event, states={RegistrationStatus.INSCRIT}), event,
                    link=event.online_url if event.event_format.has_link else "")
            sent += 1
    return sent
