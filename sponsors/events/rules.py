"""Who may do what on events and registrations (django-rules). Views, services and templates
ask `has_perm`; the states come from sponsors.events.enums. Imported at start by sponsors/rules.py."""

import rules

from essaimage.enums import Role
from essaimage.rules import has_role, is_moderator
from essaimage.transitions import actions_from
from sponsors.events.enums import (
    ATTENDANCE_ACTIONS,
    EVENT_TRANSITIONS,
    REGISTRATION_TRANSITIONS,
    SYSTEM_ACTIONS,
    EventAction,
    EventStatus,
    RegistrationAction,
    RegistrationStatus,
)

is_organiser_role = has_role(Role.ORGANISATEUR)


def registration_of(user, event):
    """The user's active registration to `event` (None): one query, remembered on the event
    (a view may set `event._registrations_by_user` from rows it already read)."""
    if not user.is_authenticated or event is None:
        return None
    cache = event.__dict__.setdefault("_registrations_by_user", {})
    if user.pk not in cache:
        from sponsors.events.models import Registration

        cache[user.pk] = (Registration.objects.filter(event=event, user=user)
                          .exclude(status=RegistrationStatus.ANNULE).first())
    return cache[user.pk]


@rules.predicate
def is_event_organiser(user, event):
    return bool(user.is_authenticated and event is not None and event.organiser_id == user.pk)


@rules.predicate
def event_is_public(user, event):
    return event is not None and EventStatus(event.status).is_public


@rules.predicate
def event_is_editable(user, event):
    return event is not None and EventStatus(event.status).is_editable


@rules.predicate
def event_open_for_registration(user, event):
    return event is not None and EventStatus(event.status).is_open and not event.has_started


@rules.predicate
def event_is_published(user, event):
    return event is not None and EventStatus(event.status).is_open


@rules.predicate
def event_has_started(user, event):
    return event is not None and event.has_started


@rules.predicate
def event_has_ended(user, event):
    return event is not None and event.has_ended


@rules.predicate
def is_registered(user, event):
    """Holds a confirmed seat (sees the online link)."""
    registration = registration_of(user, event)
    return registration is not None and RegistrationStatus(registration.status).is_registered


@rules.predicate
def has_no_active_registration(user, event):
    return registration_of(user, event) is None


@rules.predicate
def is_registrant(user, registration):
    return bool(user.is_authenticated and registration is not None and registration.user_id == user.pk)


@rules.predicate
def organises_registration_event(user, registration):
    return bool(user.is_authenticated and registration is not None and registration.event.organiser_id == user.pk)


@rules.predicate
def registration_event_not_started(user, registration):
    return registration is not None and not registration.event.has_started


@rules.predicate
def registration_event_started(user, registration):
    return registration is not None and registration.event.has_started


# Events
rules.add_perm("sponsors.add_event", is_organiser_role)  # agents with the role « organisateur » publish events
rules.add_perm("sponsors.view_event", event_is_public | is_event_organiser | is_moderator)
rules.add_perm("sponsors.change_event", is_event_organiser & event_is_editable & ~event_has_ended)
rules.add_perm("sponsors.publish_event", is_event_organiser)  # from which state: EVENT_TRANSITIONS
rules.add_perm("sponsors.cancel_event", (is_event_organiser | is_moderator) & ~event_has_started)
rules.add_perm("sponsors.manage_event", is_event_organiser)  # attendee list, CSV
rules.add_perm("sponsors.change_minutes", is_event_organiser & event_is_published & event_has_started)
rules.add_perm("sponsors.register_event", rules.is_authenticated & event_open_for_registration
               & has_no_active_registration & ~is_event_organiser)
rules.add_perm("sponsors.view_event_link", is_registered | is_event_organiser)

# Registrations
rules.add_perm("sponsors.view_registration", is_registrant | organises_registration_event)
rules.add_perm("sponsors.cancel_registration", is_registrant & registration_event_not_started)
rules.add_perm("sponsors.answer_offer", is_registrant & registration_event_not_started)
rules.add_perm("sponsors.record_attendance", organises_registration_event & registration_event_started)

EVENT_ACTION_PERMISSIONS = {EventAction.PUBLISH: "sponsors.publish_event", EventAction.CANCEL: "sponsors.cancel_event"}
# None: taken by the platform itself (SYSTEM_ACTIONS), never by a person.
REGISTRATION_ACTION_PERMISSIONS = {
    RegistrationAction.CANCEL: "sponsors.cancel_registration",
    RegistrationAction.ACCEPT: "sponsors.answer_offer",
    RegistrationAction.DECLINE: "sponsors.answer_offer",
    RegistrationAction.MARK_PRESENT: "sponsors.record_attendance",
    RegistrationAction.MARK_ABSENT: "sponsors.record_attendance",
    **dict.fromkeys(SYSTEM_ACTIONS),
}


def allowed_event_actions(user, event) -> list[EventAction]:
    return [action for action in actions_from(EVENT_TRANSITIONS, event.status)
            if user.has_perm(EVENT_ACTION_PERMISSIONS[action], event)]


def allowed_registration_actions(user, registration) -> list[RegistrationAction]:
    """The actions this person may take on this registration now (never a system one)."""
    return [action for action in actions_from(REGISTRATION_TRANSITIONS, registration.status)
            if action not in SYSTEM_ACTIONS and user.has_perm(REGISTRATION_ACTION_PERMISSIONS[action], registration)]


def allowed_attendance_actions(user, registration) -> list[RegistrationAction]:
    return [action for action in allowed_registration_actions(user, registration) if action in ATTENDANCE_ACTIONS]
