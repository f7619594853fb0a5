from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import TerritoryLevel
from essaimage.fields import TerritoryField
from essaimage.forms_base import DsfrForm, DsfrModelForm
from innovations.enums import Status as InnovationStatus
from innovations.models import Innovation, Theme
from sponsors.events.enums import EventFormat, Period
from sponsors.events.models import CAPACITY_MAX, MINUTES_MAX_LENGTH, Event

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
INNOVATIONS_MAX = 20


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class EventFilterForm(DsfrForm):
    periode = forms.ChoiceField(label=_("Période"), choices=Period.choices, required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("Tous"))]
        self.fields["theme"].choices = every + choices["themes"]
        self.fields["format"].choices = every + list(EventFormat.choices)
        self.fields["region"].choices = [("", _("Toutes"))] + choices["regions"]

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {"period": data.get("periode") or Period.UPCOMING, "theme": data.get("theme", ""),
                "event_format": data.get("format", ""), "region": data.get("region", "")}


class EventForm(DsfrModelForm):
    commune = TerritoryField(label=_("Commune"), required=False, levels=[TerritoryLevel.COMMUNE])
    themes = forms.ModelMultipleChoiceField(label=_("Thèmes"), queryset=Theme.objects.all(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    innovation_links = forms.CharField(
        label=_("Innovations présentées"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Facultatif : l’adresse (ou l’identifiant) de chaque fiche publiée du catalogue, une par ligne, "
                    "20 au plus."))

    class Meta:
        model = Event
        fields = ["title", "description", "format", "starts_at", "ends_at", "capacity", "place_name", "address",
                  "commune", "online_url"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "format": forms.RadioSelect,
                   "starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}
        help_texts = {
            "starts_at": _("Heure de Paris."), "ends_at": _("Heure de Paris."),
            "capacity": _("Au-delà, les inscrits rejoignent une liste d’attente."),
            "online_url": _("Montré uniquement aux personnes inscrites."),
            "place_name": _("Pour une rencontre en présentiel ou hybride (ex. : Hôtel de ville, salle du conseil)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].max_value = CAPACITY_MAX
        self.fields["capacity"].widget.attrs.update(min=1, max=CAPACITY_MAX)
        if self.instance.pk:
            self.initial.setdefault("themes", list(self.instance.themes.all()))
            self.initial.setdefault("innovation_links", "\n".join(
                innovation.slug for innovation in self.instance.innovations.all()))

    def clean_innovation_links(self):
        lines = [line.strip().rstrip("/") for line in self.cleaned_data["innovation_links"].splitlines()]
        slugs = [line.rsplit("/", 1)[-1] for line in lines if line]
        if len(slugs) > INNOVATIONS_MAX:
            raise forms.ValidationError(_("Indiquez 20 innovations au plus."))
        found = {innovation.slug: innovation for innovation in
                 Innovation.objects.filter(slug__in=slugs, status=InnovationStatus.PUBLISHED)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise forms.ValidationError(
                _("Aucune fiche publiée ne correspond à : %(missing)s.") % {"missing": ", ".join(missing[:5])})
        return list(dict.fromkeys(found[slug] for slug in slugs))

    def clean(self):
        data = super().clean()
        starts, ends, event_format = data.get("starts_at"), data.get("ends_at"), data.get("format")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("La fin doit venir après le début."))
        if starts and not self.instance.pk and starts <= timezone.now():
            self.add_error("starts_at", _("La rencontre doit commencer dans le futur."))
        if event_format:
            if EventFormat(event_format).has_place and not data.get("place_name"):
                self.add_error("place_name", _("Indiquez le lieu d’une rencontre en présentiel ou hybride."))
            if EventFormat(event_format).has_link and not data.get("online_url"):
                self.add_error("online_url", _("Indiquez le lien de connexion d’une rencontre en ligne ou hybride."))
        return data


class RegistrationForm(DsfrForm):
    intends_to_replicate = forms.ModelChoiceField(
        label=_("Souhaitez-vous essaimer une des innovations présentées ?"), queryset=Innovation.objects.none(),
        required=False, empty_label=_("Pas pour l’instant"),
        help_text=_("Facultatif : l’équipe de l’innovation en sera informée."))
    public_listing = forms.BooleanField(
        label=_("Faire figurer mon nom dans la liste publique des participants"), required=False,
        help_text=_("Sinon, seul l’organisateur voit votre inscription."))

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        presented = getattr(event, "presented", None)
        queryset = event.innovations.filter(status=InnovationStatus.PUBLISHED).order_by("title")
        self.fields["intends_to_replicate"].queryset = queryset
        if presented is not None and not presented:
            del self.fields["intends_to_replicate"]


class MinutesForm(DsfrForm):
    minutes = forms.CharField(label=_("Compte rendu"), max_length=MINUTES_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 12}),
                              help_text=_("Ce qui s’est dit, les suites prévues ; visible de tous sur la page de la "
                                          "rencontre."))


class CancelEventForm(DsfrForm):
    message = forms.CharField(label=_("Message aux personnes inscrites"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}))
