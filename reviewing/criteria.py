"""Criteria: the default scaling criteria of proposal 9 and the checks every grid of criteria passes.

An app copies `SCALING_CRITERIA` into its own criterion table when a call or a prize is created
(`is_scaling=True`, `code` set: they cannot be removed, only reweighted), then adds its own."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCALE_MIN_MAX = 2  # bounds of a criterion's scale: scores go from 0 to scale_max
SCALE_MAX_MAX = 20
DEFAULT_SCALE_MAX = 5
WEIGHT_MAX = Decimal("100")


@dataclass(frozen=True)
class DefaultCriterion:
    code: str
    label: Promise | str
    description: Promise | str
    weight: Decimal
    scale_max: int = DEFAULT_SCALE_MAX

    def as_fields(self, order: int = 0) -> dict:
        """Keyword arguments for a `CriterionBase` subclass (`Model(**c.as_fields(i), call=…)`)."""
        return {"code": self.code, "label": str(self.label), "description": str(self.description),
                "weight": self.weight, "scale_max": self.scale_max, "is_scaling": True, "order": order}


# Proposal 9: what makes an innovation ready to be spread to other territories.
SCALING_CRITERIA: tuple[DefaultCriterion, ...] = (
    DefaultCriterion(
        "transferabilite", _("Transférabilité et kit de transfert"),
        _("L’innovation peut être reprise ailleurs sans son équipe d’origine, grâce à un kit documenté "
          "(guides, modèles, outils, formation)."),
        Decimal("3")),
    DefaultCriterion(
        "territoires_cibles", _("Pertinence des territoires cibles"),
        _("Les territoires visés ont le besoin auquel l’innovation répond et ont été choisis pour de bonnes raisons."),
        Decimal("2")),
    DefaultCriterion(
        "partenaires", _("Partenaires dans les territoires cibles"),
        _("Des partenaires locaux identifiés, engagés par écrit, porteront la reprise dans chaque territoire."),
        Decimal("2")),
    DefaultCriterion(
        "modele_economique", _("Modèle économique et budget de l’essaimage"),
        _("Le budget est réaliste et détaillé, et le fonctionnement reste financé une fois l’aide terminée."),
        Decimal("2")),
    DefaultCriterion(
        "indicateurs", _("Indicateurs de réussite"),
        _("Des indicateurs mesurables, avec leur valeur de départ et leur cible, diront si l’essaimage a réussi."),
        Decimal("1")),
)
SCALING_CODES = frozenset(criterion.code for criterion in SCALING_CRITERIA)


def validate_weight(weight) -> None:
    if weight is None or Decimal(weight) <= 0:
        raise ValidationError(_("Le poids d’un critère doit être strictement positif."), code="weight")
    if Decimal(weight) > WEIGHT_MAX:
        raise ValidationError(_("Le poids d’un critère ne peut dépasser %(max)s."), code="weight",
                              params={"max": WEIGHT_MAX})


def validate_scale_max(scale_max) -> None:
    if scale_max is None or not SCALE_MIN_MAX <= int(scale_max) <= SCALE_MAX_MAX:
        raise ValidationError(
            _("L’échelle d’un critère va de 0 à une note maximale comprise entre %(low)s et %(high)s."),
            code="scale_max", params={"low": SCALE_MIN_MAX, "high": SCALE_MAX_MAX})


def validate_weights(criteria: Iterable) -> None:
    """A grid of criteria (objects with `weight`, `scale_max`, `label`, optional `code`) is usable:
    at least one criterion, every weight > 0, every scale in bounds, no label or code twice.
    Raises ValidationError with every problem found."""
    criteria = list(criteria)
    errors = []
    if not criteria:
        errors.append(ValidationError(_("La grille doit compter au moins un critère."), code="empty"))
    labels, codes = set(), set()
    for criterion in criteria:
        for check, value in ((validate_weight, criterion.weight), (validate_scale_max, criterion.scale_max)):
            try:
                check(value)
            except ValidationError as error:
                errors.append(ValidationError(_("« %(label)s » : %(error)s"), code="criterion",
                                              params={"label": criterion.label, "error": error.messages[0]}))
        label = str(criterion.label).strip().casefold()
        if label in labels:
            errors.append(ValidationError(_("Le critère « %(label)s » figure deux fois."), code="duplicate",
                                          params={"label": criterion.label}))
        labels.add(label)
        code = getattr(criterion, "code", "")
        if code:
            if code in codes:
                errors.append(ValidationError(_("Le code de critère « %(code)s » figure deux fois."),
                                              code="duplicate", params={"code": code}))
            codes.add(code)
    if errors:
        raise ValidationError(errors)


def weight_shares(criteria: Iterable) -> list[Decimal]:
    """Each criterion's share of the total weight, in percent, rounded to 0.1 (for display)."""
    criteria = list(criteria)
    total = sum((Decimal(c.weight) for c in criteria), Decimal(0))
    if not total:
        return [Decimal(0) for _criterion in criteria]
    return [(Decimal(c.weight) * 100 / total).quantize(Decimal("0.1")) for c in criteria]


def score_field_name(criterion) -> str:
    """Name of a criterion's score in `forms.ScoreSheetForm` and its cleaned data."""
    return f"score_{criterion.pk}"


def comment_field_name(criterion) -> str:
    return f"score_{criterion.pk}_comment"
