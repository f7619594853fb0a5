"""Statuses, actions and their transition tables (essaimage/transitions.py) for sponsor
profiles, sponsorship requests and sponsorships. Templates read the display helpers, never the
status strings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition


class ProfileStatus(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    SOUMIS = "soumis", _("En attente de validation")
    APPROUVE = "approuve", _("Approuvé")
    REFUSE = "refuse", _("Refusé")
    SUSPENDU = "suspendu", _("Suspendu")

    @property
    def badge_class(self) -> str:
        return PROFILE_BADGES[self]

    @property
    def is_public(self) -> bool:
        """In the directory, on the map and among the suggestions."""
        return self == ProfileStatus.APPROUVE

    @property
    def is_editable(self) -> bool:
        return self != ProfileStatus.SUSPENDU


class ProfileAction(models.TextChoices):
    SUBMIT = "submit", _("Soumettre à la validation")
    APPROVE = "approve", _("Approuver")
    REFUSE = "refuse", _("Refuser")
    SUSPEND = "suspend", _("Suspendre")


PROFILE_BADGES = {
    ProfileStatus.BROUILLON: "",
    ProfileStatus.SOUMIS: "fr-badge--info",
    ProfileStatus.APPROUVE: "fr-badge--success",
    ProfileStatus.REFUSE: "fr-badge--error",
    ProfileStatus.SUSPENDU: "fr-badge--warning",
}

# action -> Transition(sources, target); the only way a profile changes status
# (services.profile_transition). Who may do each action: rules.PROFILE_ACTION_PERMISSIONS.
PROFILE_TRANSITIONS = {
    ProfileAction.SUBMIT: transition({ProfileStatus.BROUILLON, ProfileStatus.REFUSE}, ProfileStatus.SOUMIS),
    ProfileAction.APPROVE: transition({ProfileStatus.SOUMIS, ProfileStatus.SUSPENDU}, ProfileStatus.APPROUVE),
    ProfileAction.REFUSE: transition({ProfileStatus.SOUMIS}, ProfileStatus.REFUSE),
    ProfileAction.SUSPEND: transition({ProfileStatus.APPROUVE}, ProfileStatus.SUSPENDU),
}
PROFILE_MODERATOR_ACTIONS = {ProfileAction.APPROVE, ProfileAction.REFUSE, ProfileAction.SUSPEND}


class RequestStatus(models.TextChoices):
    EN_ATTENTE = "en_attente", _("En attente de réponse")
    ACCEPTEE = "acceptee", _("Acceptée")
    DECLINEE = "declinee", _("Déclinée")
    RETIREE = "retiree", _("Retirée")

    @property
    def badge_class(self) -> str:
        return REQUEST_BADGES[self]

    @property
    def is_open(self) -> bool:
        return self == RequestStatus.EN_ATTENTE


class RequestAction(models.TextChoices):
    ACCEPT = "accept", _("Accepter")
    DECLINE = "decline", _("Décliner")
    WITHDRAW = "withdraw", _("Retirer la demande")


REQUEST_BADGES = {
    RequestStatus.EN_ATTENTE: "fr-badge--info",
    RequestStatus.ACCEPTEE: "fr-badge--success",
    RequestStatus.DECLINEE: "",
    RequestStatus.RETIREE: "",
}

REQUEST_TRANSITIONS = {
    RequestAction.ACCEPT: transition({RequestStatus.EN_ATTENTE}, RequestStatus.ACCEPTEE),
    RequestAction.DECLINE: transition({RequestStatus.EN_ATTENTE}, RequestStatus.DECLINEE),
    RequestAction.WITHDRAW: transition({RequestStatus.EN_ATTENTE}, RequestStatus.RETIREE),
}


class SponsorshipStatus(models.TextChoices):
    EN_COURS = "en_cours", _("En cours")
    TERMINE = "termine", _("Terminé")

    @property
    def badge_class(self) -> str:
        return "fr-badge--new" if self == SponsorshipStatus.EN_COURS else ""

    @property
    def is_active(self) -> bool:
        return self == SponsorshipStatus.EN_COURS


class SponsorshipAction(models.TextChoices):
    END = "end", _("Terminer le parrainage")


SPONSORSHIP_TRANSITIONS = {
    SponsorshipAction.END: transition({SponsorshipStatus.EN_COURS}, SponsorshipStatus.TERMINE),
}


class Outcome(models.TextChoices):
    """How a sponsorship ended. `ESSAIMAGES` counts in the matching score (matching.py)."""

    ESSAIMAGES = "essaimages", _("Des essaimages ont été facilités")
    SUBVENTION = "subvention", _("Une subvention a été obtenue")
    ARRETE = "arrete", _("Parrainage arrêté")


