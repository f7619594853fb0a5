"""Forms of prize campaigns (part 1). Forms only validate and hand over what was typed; the
services write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.forms_base import DsfrForm, DsfrModelForm
from essaimage.models import Territory
from evaluations.models import (
    ANSWER_MAX_LENGTH, CITATION_MAX_LENGTH, MAX_PRIZES_PER_CATEGORY, RULING_REASON_MAX_LENGTH, Campaign, Category,
    Criterion, Question,
)
from evaluations.services import DATE_FIELDS, SETTINGS_FIELDS, TEXT_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ParisDateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker; values are read and shown in Europe/Paris (TIME_ZONE)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)

    def format_value(self, value):
        if hasattr(value, "tzinfo") and value.tzinfo is not None:
            value = timezone.localtime(value)
        return super().format_value(value)


def datetime_field(label, required=True, help_text=""):
    return forms.DateTimeField(label=label, required=required, widget=ParisDateTimeInput(),
                               input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
                               help_text=help_text or _("Heure de Paris."))


class CampaignForm(DsfrModelForm):
    """Texts, settings and dates of a campaign. Once the candidatures are open (`locked`), only
    the texts remain; the dates then move by « Prolonger la phase »."""

    eligible_kinds = forms.MultipleChoiceField(
        label=_("Types de structure admis"), choices=OrganisationKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Aucun coché : toutes les structures."))
    territories = forms.ModelMultipleChoiceField(
        label=_("Régions admises"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name"),
        help_text=_("Aucune cochée : tout le territoire."))

    class Meta:
        model = Campaign
        fields = [*TEXT_FIELDS, "eligible_kinds", "minimum_stage", *DATE_FIELDS, "peers_per_entry",
                  "jurors_per_entry", "anonymised", "aggregation", "normalise", "peer_weight", "public_prize"]
        widgets = {
            "summary": forms.TextInput(attrs={"maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "aggregation": forms.RadioSelect,
        }

    co_organisers = forms.CharField(
        label=_("Co-organisateurs"), required=False, max_length=2_000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Adresses e-mail d’organisateurs inscrits sur la plateforme, une par ligne : ils organisent "
                    "la campagne avec vous."))

    def __init__(self, *args, locked=False, by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = locked
        if self.instance.pk and by is not None:
            self.fields["co_organisers"].initial = "\n".join(
                self.instance.organisers.exclude(pk=by.pk).order_by("email").values_list("email", flat=True))
        for name in DATE_FIELDS:
            model_field = Campaign._meta.get_field(name)
            self.fields[name] = datetime_field(model_field.verbose_name.capitalize(),
                                               required=name not in ("public_vote_start", "public_vote_end"))
        self.fields["public_vote_start"].help_text = _("Heure de Paris ; si le prix du public est proposé.")
        self.fields["public_vote_end"].help_text = _("Heure de Paris ; au plus tard au début de la délibération.")
        self.fields["minimum_stage"].required = False
        self.fields["minimum_stage"].choices = [("", _("Aucun"))] + list(self.fields["minimum_stage"].choices)[1:]
        if self.instance.pk:
            self.fields["territories"].initial = list(self.instance.eligible_territories.values_list("pk", flat=True))
        if locked:
            for name in list(self.fields):
                if name not in (*TEXT_FIELDS, "co_organisers"):
                    del self.fields[name]

    def service_fields(self) -> dict:
        names = [name for name in (*TEXT_FIELDS, *SETTINGS_FIELDS, *DATE_FIELDS) if name in self.cleaned_data]
        return {name: self.cleaned_data[name] for name in names}

    def co_organiser_emails(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("co_organisers", "").splitlines() if line.strip()]

    def territories_value(self):
        return None if self.locked else list(self.cleaned_data.get("territories") or [])


class CategoryForm(DsfrModelForm):
    prize_labels_text = forms.CharField(
        label=_("Intitulés des prix"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=900,
        help_text=_("Un par ligne, dans l’ordre (« Premier prix », « Mention spéciale »…). "
                    "Vides : « Prix n° 1 », « Prix n° 2 »…"))

    class Meta:
        model = Category
        fields = ["name", "description", "prizes_count"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["prize_labels_text"].initial = "\n".join(self.instance.prize_labels)

    def clean_prize_labels_text(self):
        labels = [" ".join(line.split()) for line in self.cleaned_data["prize_labels_text"].splitlines()]
        labels = [label for label in labels if label]
        if len(labels) > MAX_PRIZES_PER_CATEGORY:
            raise forms.ValidationError(_("Au plus %(max)s intitulés.") % {"max": MAX_PRIZES_PER_CATEGORY})
        if any(len(label) > 80 for label in labels):
            raise forms.ValidationError(_("Chaque intitulé compte au plus 80 caractères."))
        return labels

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {"name": " ".join(data["name"].split()), "description": data["description"],
                "prizes_count": data["prizes_count"], "prize_labels": data["prize_labels_text"]}


class CriterionForm(DsfrModelForm):
    class Meta:
        model = Criterion
        fields = ["label", "description", "weight", "scale_max"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_scaling:  # default scaling criterion: reweighted only
            del self.fields["label"]
            del self.fields["description"]

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class QuestionForm(DsfrModelForm):
    class Meta:
        model = Question
        fields = ["label", "help_text", "required"]

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class ExtendPhaseForm(DsfrForm):
    until = datetime_field(_("Nouvelle fin de la phase"))
    reason = forms.CharField(label=_("Motif de la prolongation"), max_length=1_000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Conservé dans l’historique de la campagne et communiqué aux participants."))


class EntryCreateForm(DsfrForm):
    innovation = forms.ModelChoiceField(label=_("Innovation présentée"), queryset=None, widget=forms.RadioSelect,
                                        empty_label=None)
    category = forms.ModelChoiceField(label=_("Catégorie"), queryset=None, widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, innovations, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovation"].queryset = innovations
        self.fields["category"].queryset = categories
        self.fields["innovation"].error_messages["invalid_choice"] = _("Choisissez une innovation de votre équipe.")


class EntryForm(DsfrForm):
    """The entry's category and its answers, one field per question (`answer_<id>`)."""

    category = forms.ModelChoiceField(label=_("Catégorie"), queryset=None, widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, entry, questions, answers: dict, anonymised: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.fields["category"].queryset = entry.campaign.categories.all()
        self.fields["category"].initial = entry.category_id
        self.questions = questions
        hint = _(" Campagne anonymisée : ne citez ni les noms de l’équipe, ni votre organisation, ni votre commune.")
        for question in questions:
            help_text = question.help_text + (hint if anonymised else "")
            field = forms.CharField(
                label=question.label, required=False, max_length=ANSWER_MAX_LENGTH, help_text=help_text.strip(),
                widget=forms.Textarea(attrs={"rows": 5, "maxlength": ANSWER_MAX_LENGTH}),
                initial=answers.get(question.pk, ""))
            field.needed_to_submit = question.required  # « (nécessaire pour soumettre) »: a draft may leave it
            self.fields[f"answer_{question.pk}"] = field

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"answer_{q.pk}", "") for q in self.questions}


class RulingForm(DsfrForm):
    decision = forms.ChoiceField(label=_("Décision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Recevable : la candidature concourt")),
        ("reject", _("Irrecevable : la candidature ne concourt pas"))])
    reason = forms.CharField(label=_("Motif communiqué à l’équipe"), required=False,
                             max_length=RULING_REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Obligatoire pour une candidature irrecevable."))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Expliquez à l’équipe pourquoi sa candidature est irrecevable."))
        return data


class AwardForm(DsfrForm):
    rank = forms.TypedChoiceField(label=_("Prix"), coerce=int, choices=())
    citation = forms.CharField(label=_("Citation"), required=False, max_length=CITATION_MAX_LENGTH,
                               widget=forms.Textarea(attrs={"rows": 2}),
                               help_text=_("Quelques mots lus sur la page des résultats."))

    def __init__(self, *args, category: Category, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rank"].choices = [(rank, category.prize_label(rank))
                                       for rank in range(1, category.prizes_count + 1)]
