import re

from django import forms
from django.contrib.postgres.search import TrigramSimilarity
from django.utils.translation import gettext as _

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory, fold

LABEL_RE = re.compile(r"^(?P<name>.+?)\s*\((?P<extra>[^)]*)\)\s*$")


class TerritoryInput(forms.TextInput):
    """A text box with suggestions (datalist filled by static/js/territory-picker.js)."""

    def __init__(self, levels=None, attrs=None):
        base = {"autocomplete": "off", "data-territory-picker": "", "spellcheck": "false"}
        if levels:
            base["data-levels"] = ",".join(levels)
        super().__init__(attrs={**base, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        return context

    def format_value(self, value):
        if isinstance(value, Territory):
            return value.label
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit() and len(value) > 5):
            territory = Territory.objects.filter(pk=value).first()
            return territory.label if territory else ""
        return super().format_value(value)

    template_name = "essaimage/widgets/territory_input.html"


class TerritoryField(forms.Field):
    """Type a name or a code; the field resolves it to one territory or explains why not."""

    def __init__(self, *, levels=None, **kwargs):
        self.levels = levels or list(TerritoryLevel.values)
        kwargs.setdefault("widget", TerritoryInput(levels=self.levels))
        kwargs.setdefault(
            "help_text",
            _("Tapez les premières lettres d’une commune, d’un département ou d’une région, "
              "puis choisissez dans la liste."),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Territory):
            return value.label
        if isinstance(value, int):
            territory = Territory.objects.filter(pk=value).first()
            return territory.label if territory else ""
        return value

    def to_python(self, value):
        text = " ".join((value or "").replace("\x00", "").split())
        if not text:
            return None
        candidates = Territory.objects.filter(level__in=self.levels)
        match = LABEL_RE.match(text)
        if match:
            name, extra = match["name"], match["extra"].strip()
            code = extra.split(",")[0].strip().upper()
            if "région" in extra or "region" in extra:
                found = candidates.filter(level=TerritoryLevel.REGION, search_name=fold(name))
            elif "département" in extra or "departement" in extra:
                found = candidates.filter(level=TerritoryLevel.DEPARTEMENT, code=code)
            else:
                found = candidates.filter(level=TerritoryLevel.COMMUNE, code=code)
            if len(found) == 1:
                return found[0]
            text = name
        if text.upper().isalnum() and any(ch.isdigit() for ch in text) and len(text) == 5:
            found = list(candidates.filter(level=TerritoryLevel.COMMUNE, code=text.upper()))
        else:
            found = list(candidates.filter(search_name=fold(text))[:6])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            choices = ", ".join(t.label for t in found[:5])
            raise forms.ValidationError(
                _("Plusieurs territoires portent ce nom : précisez en choisissant dans la liste (%(choices)s).")
                % {"choices": choices},
                code="ambiguous",
            )
        similar = list(
            candidates.filter(search_name__trigram_similar=fold(text))
            .annotate(similarity=TrigramSimilarity("search_name", fold(text)))
            .order_by("-similarity", "name")[:3]
        ) if len(text) >= 3 else []
        message = _("Aucun territoire ne correspond à « %(text)s ».") % {"text": text}
        if similar:
            message += " " + _("Vouliez-vous dire : %(choices)s ?") % {
                "choices": ", ".join(t.label for t in similar)
            }
        raise forms.ValidationError(message, code="unknown")
