"""Forms of the scoring pages. The score sheet and the conflict answer are the shared ones of
`reviewing.forms` (one group of radio buttons per criterion, from 0 to its maximum)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from essaimage.forms_base import DsfrForm
from reviewing.forms import ConflictForm, ScoreSheetForm  # noqa: F401

NEXT = "next"  # value of the « Enregistrer et suivante » button (`name="action"`)


class JurorInviteForm(DsfrForm):
    email = forms.EmailField(
        label=_("Adresse e-mail du juré"), max_length=254,
        help_text=_("La personne reçoit un lien personnel ; elle se connecte ou crée son compte pour accepter."),
        error_messages={"invalid": _("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")})
