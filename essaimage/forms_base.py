"""DSFR look for every form of the project: django-dsfr's field markup, French error lists."""

from django import forms
from django.forms.utils import ErrorList
from dsfr.forms import DsfrBoundField
from dsfr.utils import dsfr_input_class_attr


class DsfrErrorList(ErrorList):
    template_name = "essaimage/forms/errors.html"
    template_name_ul = "essaimage/forms/errors.html"


class DsfrFormMixin:
    """Mix into forms.Form / forms.ModelForm: DSFR classes, field groups and error messages."""

    bound_field_class = DsfrBoundField
    template_name = "essaimage/forms/form.html"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_class", DsfrErrorList)
        super().__init__(*args, **kwargs)
        for bound_field in self.visible_fields():
            dsfr_input_class_attr(bound_field)

    def full_clean(self):
        super().full_clean()
        # After validation: flag invalid fields for assistive technologies.
        if self.is_bound:
            for name in self.errors:
                if name in self.fields:
                    dsfr_input_class_attr(self[name])


class DsfrForm(DsfrFormMixin, forms.Form):
    pass


class DsfrModelForm(DsfrFormMixin, forms.ModelForm):
    pass
