from django import forms

from notifications import registry
from notifications.enums import Frequency


class PreferencesForm(forms.Form):
    """One choice per registered kind of notice: immediately, in the daily digest, never."""

    def __init__(self, *args, initial_frequencies: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in registry.email_kinds():
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label, help_text=kind.description, choices=Frequency.choices,
                initial=initial_frequencies.get(kind.code, Frequency.IMMEDIATE), widget=forms.RadioSelect)

    def kind_fields(self):
        """(kind, bound field) pairs, for the template."""
        return [(kind, self[kind.code]) for kind in registry.email_kinds()]
