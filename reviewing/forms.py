"""The score sheet and the conflict-of-interest answer, for every app that scores things.

`ScoreSheetForm(criteria, data, with_opinion=…, scores=…, sheet=…)`: one group of radio buttons
per criterion, **from 0 to the criterion's `scale_max`** (0 = insuffisant), each with an optional
comment; the opinion (Favorable / Réservé / Défavorable) when the app asks for it; a general
comment. Two buttons post `action=draft` (« Enregistrer le brouillon »: nothing required) or
`action=submit` (« Envoyer (définitif) »: every criterion scored, and the opinion given).
Templates: `reviewing/score_sheet_fields.html`, `reviewing/conflict_fields.html` (inside the
app's own `<form>`, with its `{% csrf_token %}`)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext_lazy as _
from dsfr.utils import dsfr_input_class_attr
from dsfr.widgets import InlineRadioSelect

from essaimage.forms_base import DsfrForm
from reviewing.criteria import comment_field_name, score_field_name
from reviewing.enums import ConflictAnswer, Opinion, SheetAction

__all__ = ["DRAFT", "SUBMIT", "ConflictForm", "CriterionRow", "ScoreSheetForm", "ScoreValue", "comment_field_name",
           "score_field_name"]

DRAFT = "draft"  # value of the « Enregistrer le brouillon » button (`name="action"`)
SUBMIT = SheetAction.SUBMIT.value  # value of the « Envoyer (définitif) » button


@dataclass(frozen=True)
class ScoreValue:
    criterion: object
    value: int | None
    comment: str


@dataclass(frozen=True)
class CriterionRow:
    """What the template shows for one criterion."""

    criterion: object
    score: forms.BoundField
    comment: forms.BoundField


def score_choices(scale_max: int) -> list[tuple[str, str]]:
    choices = [(str(value), str(value)) for value in range(scale_max + 1)]
    choices[0] = ("0", _("0 (insuffisant)"))
    choices[-1] = (str(scale_max), _("%(max)s (excellent)") % {"max": scale_max})
    return choices


class ErrorLinksMixin:
    def error_links(self) -> list[tuple[str, str, str]]:
        """(anchor, label, first error) of each field in error, for the summary: a group of radio
        buttons is reached by its fieldset (`radio-<id>`), another field by its input."""
        links = []
        for bound_field in self:
            if bound_field.errors:
                radios = isinstance(bound_field.field.widget, forms.RadioSelect)
                anchor = f"radio-{bound_field.auto_id}" if radios else bound_field.id_for_label
                links.append((anchor, bound_field.label, bound_field.errors[0]))
        return links


class ScoreSheetForm(ErrorLinksMixin, DsfrForm):
    opinion = forms.ChoiceField(label=_("Avis"), choices=Opinion.choices, required=False, widget=InlineRadioSelect)
    comment = forms.CharField(
        label=_("Commentaire général"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ce que vous retenez du dossier : points forts, réserves, conseils. 4 000 caractères au plus."))

    def __init__(self, criteria: Iterable, *args, with_opinion: bool = False, scores: Mapping | None = None,
                 sheet=None, locked: bool = False, **kwargs):
        """`criteria`: the grid (objects with pk, label, description, weight, scale_max), in order.
        `scores`: criterion pk -> saved score (with `value` and `comment`), to fill the form.
        `sheet`: the saved sheet (its opinion and comment fill the form). `locked`: read only."""
        self.criteria = list(criteria)
        self.with_opinion = with_opinion
        self.locked = locked  # the template then shows no button and no « brouillon » hint
        initial = dict(kwargs.pop("initial", None) or {})
        if sheet is not None:
            initial.setdefault("opinion", sheet.opinion)
            initial.setdefault("comment", sheet.comment)
        for criterion in self.criteria:
            saved = (scores or {}).get(criterion.pk)
            if saved is not None:
                initial.setdefault(score_field_name(criterion), str(saved.value))
                initial.setdefault(comment_field_name(criterion), saved.comment)
        super().__init__(*args, initial=initial, **kwargs)
        fields = {}
        for criterion in self.criteria:
            hint = _("Pondération : %(weight)s. Note de 0 à %(max)s.") % {
                "weight": _weight_text(criterion.weight), "max": criterion.scale_max}
            description = str(criterion.description or "").strip()
            fields[score_field_name(criterion)] = forms.ChoiceField(
                label=criterion.label, choices=score_choices(criterion.scale_max), required=False,
                widget=InlineRadioSelect,
                # django-dsfr prints help texts unescaped (|safe): the criterion's text is escaped here.
                help_text=format_html("{} {}", description, hint) if description else conditional_escape(hint))
            fields[comment_field_name(criterion)] = forms.CharField(
                label=_("Commentaire sur « %(label)s »") % {"label": criterion.label}, required=False,
                max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
        # Criteria first, then the opinion and the general comment.
        self.fields = {**fields, **self.fields}
        if not with_opinion:
            del self.fields["opinion"]
        for name, field in self.fields.items():
            # Blank is fine in a draft; marked « (nécessaire pour soumettre) » (essaimage/forms/field_marker.html).
            field.needed_to_submit = (name.startswith("score_") and not name.endswith("_comment")) or name == "opinion"
        if locked:
            for field in self.fields.values():
                field.disabled = True
        for bound_field in self.visible_fields():  # the fields added after DsfrFormMixin.__init__
            dsfr_input_class_attr(bound_field)

    @property
    def is_final(self) -> bool:
        """The « Envoyer (définitif) » button was used."""
        return self.is_bound and self.data.get("action") == SUBMIT

    def clean(self):
        cleaned = super().clean()
        if self.is_final:
            for criterion in self.criteria:
                name = score_field_name(criterion)
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, forms.ValidationError(
                        _("Notez ce critère avant d’envoyer la fiche."), code="required"))
            if self.with_opinion and not cleaned.get("opinion") and "opinion" not in self.errors:
                self.add_error("opinion", forms.ValidationError(
                    _("Donnez votre avis avant d’envoyer la fiche."), code="required"))
        for criterion in self.criteria:
            name = score_field_name(criterion)
            raw = cleaned.get(name)
            cleaned[name] = int(raw) if raw not in (None, "") else None
        return cleaned

    def criterion_rows(self) -> list[CriterionRow]:
        return [CriterionRow(criterion, self[score_field_name(criterion)], self[comment_field_name(criterion)])
                for criterion in self.criteria]

    def values(self) -> list[ScoreValue]:
        """After validation: each criterion's value (None when not scored yet) and comment."""
        return [ScoreValue(criterion, self.cleaned_data.get(score_field_name(criterion)),
                           self.cleaned_data.get(comment_field_name(criterion), "").strip())
                for criterion in self.criteria]


def _weight_text(weight) -> str:
    """2.00 → « 2 », 1.50 → « 1,5 »."""
    text = format(weight.normalize() if hasattr(weight, "normalize") else weight, "f")
    return text.replace(".", ",")


class ConditionalCharField(forms.CharField):
    """Shown as required (no « facultatif » marker), but its form decides when it is (`clean()`)."""

    def validate(self, value):
        pass


class ConflictForm(ErrorLinksMixin, DsfrForm):
    """The evaluator's answer before opening a file: no conflict, or a conflict and why."""

    answer = forms.ChoiceField(
        label=_("Conflit d’intérêts"), widget=forms.RadioSelect,
        choices=[(ConflictAnswer.NONE.value, _("Je n’ai aucun conflit d’intérêts avec ce dossier")),
                 (ConflictAnswer.DECLARED.value, _("Je déclare un conflit d’intérêts"))],
        help_text=_("Un lien personnel, professionnel ou financier avec l’équipe ou son organisation est un conflit. "
                    "En cas de conflit, le dossier sera confié à quelqu’un d’autre."),
        error_messages={"required": _("Indiquez si vous avez un conflit d’intérêts avec ce dossier.")})
    reason = ConditionalCharField(
        label=_("Nature du conflit"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire si vous déclarez un conflit. Seuls les organisateurs le liront."))
    use_required_attribute = False  # the reason is needed only with a conflict: the browser must not insist

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = (cleaned.get("reason") or "").strip()
        if cleaned.get("answer") == ConflictAnswer.DECLARED and not cleaned["reason"] and "reason" not in self.errors:
            self.add_error("reason", forms.ValidationError(_("Précisez la nature du conflit."), code="required"))
        return cleaned
