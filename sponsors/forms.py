from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import TerritoryLevel
from essaimage.forms_base import DsfrForm, DsfrModelForm
from essaimage.models import MESSAGE_MAX_LENGTH, Territory
from innovations.models import Theme
from sponsors.enums import Outcome
from sponsors.models import MAX_CAPACITY, CheckIn, SponsorProfile


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PlaceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, territory):
        if territory.level == TerritoryLevel.DEPARTEMENT:
            return f"{territory.code} – {territory.name}"
        return territory.name


class ProfileForm(DsfrModelForm):
    """The volunteer's profile; hands what was typed to services.profile_save."""

    capacity = forms.IntegerField(
        label=_("Nombre d’innovations accompagnées à la fois"), min_value=1, max_value=MAX_CAPACITY, initial=2,
        help_text=_("Combien d’innovations pouvez-vous accompagner en même temps ? (de 1 à 10)"),
        error_messages={"min_value": _("Au moins une innovation."),
                        "max_value": _("Dix innovations au plus."),
                        "required": _("Indiquez combien d’innovations vous pouvez accompagner.")})
    themes = forms.ModelMultipleChoiceField(label=_("Thèmes d’expertise"), queryset=Theme.objects.all(),
                                            widget=forms.CheckboxSelectMultiple,
                                            error_messages={"required": _("Choisissez au moins un thème.")})
    regions = PlaceChoiceField(
        label=_("Régions couvertes"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name"),
        help_text=_("Une région couverte vaut pour tous ses départements."))
    departements = PlaceChoiceField(
        label=_("Départements couverts"), required=False,
        queryset=Territory.objects.filter(level=TerritoryLevel.DEPARTEMENT).order_by("code"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Maintenez Ctrl (ou Cmd) pour en choisir plusieurs."))

    class Meta:
        model = SponsorProfile
        fields = ["presentation", "themes", "regions", "departements", "capacity", "available_from",
                  "available_until", "contact_ways"]
        widgets = {"presentation": forms.Textarea(attrs={"rows": 5}),
                   "contact_ways": forms.Textarea(attrs={"rows": 2}),
                   "available_from": DateInput(), "available_until": DateInput()}
        help_texts = {
            "presentation": _("Votre parcours, ce que vous avez porté ou essaimé, ce que vous pouvez apporter "
                              "(2 000 caractères au plus)."),
            "available_from": _("Laissez vide si vous êtes disponible dès maintenant."),
            "available_until": _("Laissez vide si vous n’avez pas de date de fin."),
            "contact_ways": _("Visible des agents connectés : par exemple « par e-mail, visio le mardi »."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].widget.inline = True
        self.fields["regions"].widget.inline = True
        if self.instance.pk and not self.is_bound:
            chosen = list(self.instance.territories.all())
            self.initial["themes"] = list(self.instance.themes.all())
            self.initial["regions"] = [t for t in chosen if t.level == TerritoryLevel.REGION]
            self.initial["departements"] = [t for t in chosen if t.level == TerritoryLevel.DEPARTEMENT]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("available_from"), cleaned.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("La fin de disponibilité doit suivre son début."))
        if not cleaned.get("regions") and not cleaned.get("departements") and not self.errors.get("departements"):
            self.add_error("departements", _("Choisissez au moins une région ou un département."))
        return cleaned

    def _post_clean(self):
        pass  # the service validates and saves (forms never write)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"themes": list(data["themes"]),
                "territories": [*data.get("regions", []), *data.get("departements", [])],
                **{name: data.get(name) for name in ("capacity", "available_from", "available_until",
                                                     "presentation", "contact_ways")}}


class RequestForm(DsfrForm):
    message = forms.CharField(label=_("Votre message"), max_length=MESSAGE_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("Où en est votre innovation, ce que vous attendez d’un parrain ou d’une "
                                          "marraine."),
                              error_messages={"required": _("Présentez votre demande en quelques lignes.")})
    objectives = forms.CharField(label=_("Objectifs proposés (facultatif)"), max_length=5_000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("Par exemple : trouver deux territoires pilotes en six mois."))


class AcceptForm(DsfrForm):
    objectives = forms.CharField(label=_("Objectifs convenus"), max_length=5_000,
                                 widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text=_("Ce que vous visez ensemble ; l’équipe les retrouvera sur la page du "
                                             "parrainage."),
                                 error_messages={"required": _("Écrivez les objectifs convenus avec l’équipe.")})
    message = forms.CharField(label=_("Message à l’équipe (facultatif)"), max_length=MESSAGE_MAX_LENGTH,
                              required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DeclineForm(DsfrForm):
    message = forms.CharField(label=_("Message à l’équipe"), max_length=MESSAGE_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": _("Expliquez à l’équipe pourquoi vous déclinez.")})


class MessageForm(DsfrForm):
    message = forms.CharField(label=_("Message"), max_length=MESSAGE_MAX_LENGTH, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class CheckInForm(DsfrModelForm):
    class Meta:
        model = CheckIn
        fields = ["date", "notes", "next_step"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 4}),
                   "next_step": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"notes": _("Visibles seulement de l’équipe et du parrain ou de la marraine.")}
        error_messages = {"notes": {"required": _("Notez ce qui a été fait ou décidé.")},
                          "date": {"required": _("Indiquez la date du point."),
                                   "invalid": _("Indiquez une date valide, par exemple 15/03/2026.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate

    def _post_clean(self):
        pass


class EndForm(DsfrForm):
    outcome = forms.ChoiceField(label=_("Issue du parrainage"), choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Choisissez l’issue du parrainage.")})
    notes = forms.CharField(label=_("Bilan (facultatif)"), max_length=5_000, required=False,
                            widget=forms.Textarea(attrs={"rows": 4}))
