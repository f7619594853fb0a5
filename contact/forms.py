import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contact.enums import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH, NAME_MAX_LENGTH, SUBJECT_MAX_LENGTH
from essaimage.forms_base import DsfrForm

# Any run of white space or control characters (CR, LF, tab, line and paragraph separators...).
_LINE_BREAKS = re.compile(r"[\s\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(text: str) -> str:
    """A header-safe text: every line break or control character becomes one space."""
    return _LINE_BREAKS.sub(" ", text or "").strip()


class MessageForm(DsfrForm):
    """What a sender writes: a subject and a message, both bounded."""

    subject = forms.CharField(label=_("Objet"), max_length=SUBJECT_MAX_LENGTH)
    body = forms.CharField(
        label=_("Votre message"), min_length=MESSAGE_MIN_LENGTH, max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=format_lazy(_("Entre {min} et {max} caractères."), min=MESSAGE_MIN_LENGTH,
                              max=f"{MESSAGE_MAX_LENGTH:,}".replace(",", "\u202f")),
    )

    def clean_subject(self):
        subject = one_line(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError(_("Indiquez l’objet de votre message."))
        return subject


class PlatformMessageForm(MessageForm):
    """The platform contact page: a visitor who is not logged in says who they are."""

    name = forms.CharField(label=_("Vos prénom et nom"), max_length=NAME_MAX_LENGTH,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Votre adresse e-mail"),
                             help_text=_("Pour vous répondre. Format attendu : nom@domaine.fr"),
                             error_messages={"invalid": _("Saisissez une adresse e-mail valide, par exemple "
                                                          "nom@domaine.fr.")},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    field_order = ["name", "email", "subject", "body"]

    def __init__(self, *args, anonymous: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not anonymous:
            del self.fields["name"], self.fields["email"]

    def clean_name(self):
        name = one_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Indiquez votre nom."))
        return name
