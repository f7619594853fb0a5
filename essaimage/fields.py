from django import forms
from django.contrib.postgres.search import TrigramSimilarity
from django.utils.translation import gettext as _

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory, fold

# The longest label (« Name (code, département) ») is under 80 characters: anything much longer
# is refused before any parsing or query (a trigram query on 1 MB takes 20 s).
TERRITORY_INPUT_MAX_LENGTH = 150


def parse_label(text: str) -> tuple[str, str] | None:
    """« Lille (59350) » → ("Lille", "59350"); None when the text is not "name (extra)".
    Linear in the text (a regular expression with a lazy name was quadratic on « (((… »)."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    opening = text.rfind("(", 0, len(text) - 1)
    if opening <= 0:
        return None
    name, extra = text[:opening].rstrip(), text[opening + 1:-1]
    if not name or ")" in extra:
        return None
    return name, extra


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

    max_length = TERRITORY_INPUT_MAX_LENGTH

    def __init__(self, *, levels=None, **kwargs):
        self.levels = levels or list(TerritoryLevel.values)
        kwargs.setdefault("widget", TerritoryInput(levels=self.levels, attrs={"maxlength": self.max_length}))
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
        value = value or ""
        # Refused before any other work (spaces are collapsed first, so allow for some).
        too_long = len(value) > self.max_length * 4
        text = "" if too_long else " ".join(value.replace("\x00", "").split())
        if too_long or len(text) > self.max_length:
            raise forms.ValidationError(
                _("Un nom de territoire compte au plus %(max)s caractères : choisissez-le dans la liste.")
                % {"max": self.max_length},
                code="max_length",
            )
        if not text:
            return None
        candidates = Territory.objects.filter(level__in=self.levels)
        parsed = parse_label(text)
        if parsed:
            name, extra = parsed[0], parsed[1].strip()
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
