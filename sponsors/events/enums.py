"""Statuses of events and registrations, their display helpers and their transition tables
(the one shape of essaimage/transitions.py). Who may take each action: sponsors.events.rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition


class EventFormat(models.TextChoices):
    PRESENTIEL = "presentiel", _("En présentiel")
    EN_LIGNE = "en_ligne", _("En ligne")
    HYBRIDE = "hybride", _("Hybride")

    @property
    def has_place(self) -> bool:
        return self != EventFormat.EN_LIGNE

    @property
    def has_link(self) -> bool:
        return self != EventFormat.PRESENTIEL


class EventStatus(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    PUBLIE = "publie", _("Publiée")
    ANNULE = "annule", _("Annulée")

    @property
    def badge_class(self) -> str:
        return EVENT_BADGES[self]

    @property
    def is_public(self) -> bool:
        """Anyone may open its page (a cancelled event stays, marked cancelled)."""
        return self in EVENT_PUBLIC_STATES

    @property
    def is_open(self) -> bool:
        """Published and not cancelled: one may register (if it has not started)."""
        return self == EventStatus.PUBLIE

    @property
    def is_cancelled(self) -> bool:
        return self == EventStatus.ANNULE

    @property
    def is_editable(self) -> bool:
        return self in EVENT_EDITABLE_STATES


class EventAction(models.TextChoices):
    PUBLISH = "publish", _("Publier")
    CANCEL = "cancel", _("Annuler la rencontre")


EVENT_BADGES = {EventStatus.BROUILLON: "", EventStatus.PUBLIE: "fr-badge--success",
                EventStatus.ANNULE: "fr-badge--error"}
EVENT_PUBLIC_STATES = frozenset({EventStatus.PUBLIE, EventStatus.ANNULE})
EVENT_EDITABLE_STATES = frozenset({EventStatus.BROUILLON, EventStatus.PUBLIE})

# The only way an event changes status: sponsors.events.services.event_transition.
EVENT_TRANSITIONS = {
    EventAction.PUBLISH: transition({EventStatus.BROUILLON}, EventStatus.PUBLIE),
    EventAction.CANCEL: transition({EventStatus.BROUILLON, EventStatus.PUBLIE}, EventStatus.ANNULE),
}


class RegistrationStatus(models.TextChoices):
    INSCRIT = "inscrit", _("Inscrit")
    ATTENTE = "attente", _("En liste d’attente")
    PLACE_PROPOSEE = "place_proposee", _("Place proposée")
    ANNULE = "annule", _("Annulée")
    PRESENT = "present", _("Présent")
    ABSENT = "absent", _("Absent")

    @property
    def badge_class(self) -> str:
        return REGISTRATION_BADGES[self]

    @property
    def holds_seat(self) -> bool:
        """Counts against the capacity (an offered seat is kept for the person until its deadline)."""
        return self in SEAT_STATES

    @property
    def is_registered(self) -> bool:
        """Has a confirmed seat: sees the online link, gets the reminder."""
        return self in REGISTERED_STATES

    @property
    def is_waiting(self) -> bool:
        return self == RegistrationStatus.ATTENTE

    @property
    def has_offer(self) -> bool:
        return self == RegistrationStatus.PLACE_PROPOSEE

    @property
    def is_active(self) -> bool:
        return self != RegistrationStatus.ANNULE


class RegistrationAction(models.TextChoices):
    CANCEL = "cancel", _("Se désinscrire")
    ACCEPT = "accept", _("Accepter la place")
    DECLINE = "decline", _("Refuser la place")
    OFFER = "offer", _("Place proposée")  # the system, when a seat is freed
    EXPIRE = "expire", _("Délai dépassé")  # the system, when an offer is not accepted in time
    MARK_PRESENT = "mark_present", _("Présent")
    MARK_ABSENT = "mark_absent", _("Absent")
    EVENT_CANCELLED = "event_cancelled", _("Rencontre annulée")  # the system, with the event


REGISTRATION_BADGES = {
    RegistrationStatus.INSCRIT: "fr-badge--success",
    RegistrationStatus.ATTENTE: "fr-badge--info",
    RegistrationStatus.PLACE_PROPOSEE: "fr-badge--new",
    RegistrationStatus.ANNULE: "",
    RegistrationStatus.PRESENT: "fr-badge--success",
    RegistrationStatus.ABSENT: "fr-badge--warning",
}
SEAT_STATES = frozenset({RegistrationStatus.INSCRIT, RegistrationStatus.PLACE_PROPOSEE, RegistrationStatus.PRESENT,
                         RegistrationStatus.ABSENT})
REGISTERED_STATES = frozenset({RegistrationStatus.INSCRIT, RegistrationStatus.PRESENT, RegistrationStatus.ABSENT})
ACTIVE_STATES = frozenset(RegistrationStatus) - {RegistrationStatus.ANNULE}

_R = RegistrationStatus
# The only way a registration changes status: sponsors.events.services.registration_transition
# (registering itself is registration_create: inscrit, or en liste d'attente when full).
REGISTRATION_TRANSITIONS = {
    RegistrationAction.CANCEL: transition({_R.INSCRIT, _R.ATTENTE, _R.PLACE_PROPOSEE}, _R.ANNULE),
    RegistrationAction.ACCEPT: transition({_R.PLACE_PROPOSEE}, _R.INSCRIT),
    RegistrationAction.DECLINE: transition({_R.PLACE_PROPOSEE}, _R.ANNULE),
    RegistrationAction.OFFER: transition({_R.ATTENTE}, _R.PLACE_PROPOSEE),
    RegistrationAction.EXPIRE: transition({_R.PLACE_PROPOSEE}, _R.ANNULE),
    RegistrationAction.MARK_PRESENT: transition({_R.INSCRIT, _R.ABSENT}, _R.PRESENT),
    RegistrationAction.MARK_ABSENT: transition({_R.INSCRIT, _R.PRESENT}, _R.ABSENT),
    RegistrationAction.EVENT_CANCELLED: transition({_R.INSCRIT, _R.ATTENTE, _R.PLACE_PROPOSEE}, _R.ANNULE),
}
# Taken by the platform itself (no person): never offered on a page.
SYSTEM_ACTIONS = frozenset({RegistrationAction.OFFER, RegistrationAction.EXPIRE, RegistrationAction.EVENT_CANCELLED})
ATTENDANCE_ACTIONS = frozenset({RegistrationAction.MARK_PRESENT, RegistrationAction.MARK_ABSENT})


class Period(models.TextChoices):
    UPCOMING = "a-venir", _("À venir")
    PAST = "passees", _("Passées")
