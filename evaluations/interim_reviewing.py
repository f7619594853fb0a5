"""INTERIM copy of the shared review core's abstract bases and enums (branch `reviewing`, not
merged yet when the evaluations models were due). Same fields, same constraint names, so the
migration does not change when `evaluations/models.py` switches to `reviewing.models`: this
module is then deleted."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.transitions import transition

SCALE_MIN_MAX = 2  # bounds of a criterion's scale: scores go from 0 to scale_max
SCALE_MAX_MAX = 20
DEFAULT_SCALE_MAX = 5
WEIGHT_MAX = Decimal("100")


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



def _name(suffix: str) -> str:
    return f"%(app_label)s_%(class)s_{suffix}"


def criterion_constraints() -> list:
    return [
        models.CheckConstraint(condition=Q(weight__gt=0) & Q(weight__lte=WEIGHT_MAX), name=_name("weight_range")),
        models.CheckConstraint(condition=Q(scale_max__gte=SCALE_MIN_MAX) & Q(scale_max__lte=SCALE_MAX_MAX),
                               name=_name("scale_range")),
        # A default scaling criterion keeps its code (it is how the apps recognise it).
        models.CheckConstraint(condition=Q(is_scaling=False) | ~Q(code=""), name=_name("scaling_has_code")),
    ]


def assignment_constraints() -> list:
    return [
        models.CheckConstraint(condition=Q(conflict__in=ConflictAnswer.values), name=_name("conflict_valid")),
        # An answer is dated; a declared conflict says why.
        models.CheckConstraint(condition=Q(conflict=ConflictAnswer.PENDING) | Q(conflict_declared_at__isnull=False),
                               name=_name("conflict_dated")),
        models.CheckConstraint(condition=~Q(conflict=ConflictAnswer.DECLARED) | ~Q(conflict_reason=""),
                               name=_name("conflict_reason_given")),
        models.CheckConstraint(condition=Q(removed_at__isnull=True) | ~Q(removed_reason=""),
                               name=_name("removal_reason_given")),
    ]


def sheet_constraints() -> list:
    return [
        models.CheckConstraint(condition=Q(status__in=SheetStatus.values), name=_name("status_valid")),
        models.CheckConstraint(condition=Q(opinion__in=[*Opinion.values, ""]), name=_name("opinion_valid")),
        # Sent ⇔ dated.
        models.CheckConstraint(
            condition=(Q(status=SheetStatus.SUBMITTED) & Q(submitted_at__isnull=False))
            | (~Q(status=SheetStatus.SUBMITTED) & Q(submitted_at__isnull=True)),
            name=_name("submitted_dated")),
    ]


def score_constraints() -> list:
    # The criterion's own scale is checked by the form and `clean_value` (a check constraint
    # cannot read another table); the column never holds more than the largest scale.
    return [models.CheckConstraint(condition=Q(value__lte=SCALE_MAX_MAX), name=_name("value_range"))]


def conflict_record_constraints() -> list:
    return [models.CheckConstraint(condition=Q(kind__in=ConflictKind.values), name=_name("kind_valid"))]


class CriterionBase(models.Model):
    """One criterion of a grid: scored from 0 to `scale_max`, counted with `weight`."""

    code = models.SlugField(_("code"), max_length=50, blank=True,
                            help_text=_("Renseigné pour les critères d’essaimage proposés par défaut."))
    label = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    weight = models.DecimalField(_("poids"), max_digits=5, decimal_places=2, default=Decimal("1"),
                                 validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(WEIGHT_MAX)])
    scale_max = models.PositiveSmallIntegerField(
        _("note maximale"), default=DEFAULT_SCALE_MAX,
        validators=[MinValueValidator(SCALE_MIN_MAX), MaxValueValidator(SCALE_MAX_MAX)],
        help_text=_("Chaque note va de 0 à cette valeur."))
    is_scaling = models.BooleanField(_("critère d’essaimage"), default=False)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        constraints = criterion_constraints()

    def __str__(self):
        return self.label

    @property
    def is_removable(self) -> bool:
        """The default scaling criteria stay in every grid: they may be reweighted, not removed."""
        return not self.is_scaling


class AssignmentBase(models.Model):
    """One evaluator given one file (the app adds the FK to the file and a unique constraint on
    (file, evaluator)). The evaluator sees the file only once they have said they have no conflict."""

    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("évaluateur"))
    conflict = models.CharField(_("conflit d’intérêts"), max_length=20, choices=ConflictAnswer.choices,
                                default=ConflictAnswer.PENDING)
    conflict_reason = models.TextField(_("motif du conflit"), max_length=1000, blank=True)
    conflict_declared_at = models.DateTimeField(_("réponse sur le conflit le"), null=True, blank=True)
    created_at = models.DateTimeField(_("attribué le"), default=timezone.now)
    removed_at = models.DateTimeField(_("retiré le"), null=True, blank=True)
    removed_reason = models.CharField(_("motif du retrait"), max_length=500, blank=True)

    class Meta:
        abstract = True
        constraints = assignment_constraints()

    @property
    def conflict_state(self) -> ConflictAnswer:
        return ConflictAnswer(self.conflict)

    @property
    def is_active(self) -> bool:
        return self.removed_at is None

    @property
    def can_see_file(self) -> bool:
        """Said « aucun conflit » and still assigned."""
        return self.conflict == ConflictAnswer.NONE and self.removed_at is None

    @property
    def needs_conflict_answer(self) -> bool:
        return self.conflict == ConflictAnswer.PENDING and self.removed_at is None


class ScoreSheetBase(models.Model):
    """One evaluator's sheet for one file (the app adds the FK to its assignment)."""

    status = models.CharField(_("statut"), max_length=20, choices=SheetStatus.choices, default=SheetStatus.DRAFT)
    opinion = models.CharField(_("avis"), max_length=20, choices=Opinion.choices, blank=True)
    comment = models.TextField(_("commentaire général"), max_length=4000, blank=True)
    submitted_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        abstract = True
        constraints = sheet_constraints()

    @property
    def state(self) -> SheetStatus:
        """The status as its enum member (`state.label`, `state.badge_class`, `state.is_locked`)."""
        return SheetStatus(self.status)

    @property
    def opinion_state(self) -> Opinion | None:
        return Opinion(self.opinion) if self.opinion else None


class ScoreBase(models.Model):
    """One criterion's score on one sheet (the app adds FKs to its sheet and criterion and a
    unique constraint on (sheet, criterion): `services.sheet_values_save` upserts on it)."""

    value = models.PositiveSmallIntegerField(_("note"), validators=[MaxValueValidator(SCALE_MAX_MAX)])
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)

    class Meta:
        abstract = True
        constraints = score_constraints()

    def clean_value(self, scale_max: int) -> None:
        """Refuses a value outside 0..scale_max (the criterion's scale)."""
        if self.value is None or not 0 <= self.value <= scale_max:
            raise ValidationError({"value": ValidationError(
                _("La note doit être comprise entre 0 et %(max)s."), code="range", params={"max": scale_max})})


class ConflictRecordBase(models.Model):
    """The trail of conflicts found (same organisation, team member…) or declared, per evaluator
    and file (the app adds the FK to its file). Hard kinds exclude the pair from assignment."""

    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("évaluateur"))
    kind = models.CharField(_("nature"), max_length=30, choices=ConflictKind.choices)
    reason = models.TextField(_("motif"), max_length=1000, blank=True)
    recorded_at = models.DateTimeField(_("enregistré le"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-recorded_at"]
        constraints = conflict_record_constraints()

    @property
    def kind_state(self) -> ConflictKind:
        return ConflictKind(self.kind)

    @property
    def is_hard(self) -> bool:
        return ConflictKind(self.kind).is_hard
