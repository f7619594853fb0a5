"""Opinions, conflicts of interest and score-sheet states shared by every app that scores things."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition


class Opinion(models.TextChoices):
    FAVORABLE = "favorable", _("Favorable")
    RESERVE = "reserve", _("Réservé")
    DEFAVORABLE = "defavorable", _("Défavorable")

    @property
    def badge_class(self) -> str:
        """Modifier of the DSFR badge that shows this opinion."""
        return OPINION_BADGES[self]


OPINION_BADGES = {
    Opinion.FAVORABLE: "fr-badge--success",
    Opinion.RESERVE: "fr-badge--warning",
    Opinion.DEFAVORABLE: "fr-badge--error",
}


class ConflictAnswer(models.TextChoices):
    """What an evaluator answered about a conflict of interest with one file."""

    PENDING = "pending", _("Non déclaré")
    NONE = "none", _("Aucun conflit")
    DECLARED = "declared", _("Conflit déclaré")

    @property
    def badge_class(self) -> str:
        return CONFLICT_BADGES[self]

    @property
    def is_answered(self) -> bool:
        return self != ConflictAnswer.PENDING


CONFLICT_BADGES = {
    ConflictAnswer.PENDING: "fr-badge--info",
    ConflictAnswer.NONE: "fr-badge--success",
    ConflictAnswer.DECLARED: "fr-badge--error",
}


class ConflictKind(models.TextChoices):
    """Why an evaluator and a file are linked. Hard kinds exclude the pair from assignment;
    soft kinds are recorded (and shown to the organiser) but do not exclude."""

    SAME_ORGANISATION = "same_organisation", _("Même organisation")
    TEAM_MEMBER = "team_member", _("Membre de l’équipe")
    DECLARED = "declared", _("Conflit déclaré par l’évaluateur")
    SAME_TERRITORY = "same_territory", _("Même territoire")
    PAST_COLLABORATION = "past_collaboration", _("Collaboration passée")

    @property
    def is_hard(self) -> bool:
        """The pair may not be assigned."""
        return self in HARD_CONFLICTS


HARD_CONFLICTS = frozenset({ConflictKind.SAME_ORGANISATION, ConflictKind.TEAM_MEMBER, ConflictKind.DECLARED})
SOFT_CONFLICTS = frozenset(ConflictKind) - HARD_CONFLICTS


class SheetStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Envoyée")

    @property
    def badge_class(self) -> str:
        return SHEET_BADGES[self]

    @property
    def is_locked(self) -> bool:
        """Sent: the evaluator may no longer change it."""
        return self in LOCKED_SHEET_STATES


SHEET_BADGES = {
    SheetStatus.DRAFT: "fr-badge--info",
    SheetStatus.SUBMITTED: "fr-badge--success",
}
LOCKED_SHEET_STATES = frozenset({SheetStatus.SUBMITTED})


class SheetAction(models.TextChoices):
    SUBMIT = "submit", _("Envoyer")


# action -> Transition(sources, target) (essaimage/transitions.py). Each app's own transition
# service applies it to its sheets (row locked, permission checked, audit entry written).
SHEET_TRANSITIONS = {
    SheetAction.SUBMIT: transition({SheetStatus.DRAFT}, SheetStatus.SUBMITTED),
}
