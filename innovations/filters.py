import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters import fields

from essaimage import hooks
from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.models import Territory
from innovations.enums import Stage
from innovations.models import Innovation, Theme

REPLICATED_CHOICES = [("oui", _("Avec au moins un essaimage")), ("non", _("Sans essaimage"))]


class KnownChoiceField(fields.ModelChoiceField):
    """A model choice found in `known` ({value: object}, read once per catalogue version with the
    catalogue's labels: selectors.catalogue_labels) rather than by a query; as usual without it."""

    known: dict | None = None

    def to_python(self, value):
        if self.known is None or value in self.empty_values:
            return super().to_python(value)
        self.validate_no_null_characters(value)
        try:
            return self.known[str(value)]
        except KeyError:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value}) from None


class KnownMultipleChoiceField(fields.ModelMultipleChoiceField):
    """Several model choices found in `known` (in its order), as KnownChoiceField."""

    known: dict | None = None

    def _check_values(self, value):
        if self.known is None:
            return super()._check_values(value)
        try:
            wanted = {str(item) for item in value}
        except TypeError:
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        for item in wanted:
            self.validate_no_null_characters(item)
            if item not in self.known:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": item})
        return [obj for key, obj in self.known.items() if key in wanted]


class KnownChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KnownChoiceField


class KnownMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KnownMultipleChoiceField


class CatalogueFilter(django_filters.FilterSet):
    """The catalogue's filters; each is a URL parameter, so a search can be shared. `known`:
    {filter name: {value: object}} for the themes and places, read once per catalogue version
    (selectors.catalogue_labels), which spares a query per chosen filter."""

    q = django_filters.CharFilter(label=_("Rechercher une innovation"), method="filter_search")
    theme = KnownMultipleChoiceFilter(
        label=_("Thèmes"), queryset=Theme.objects.all(), to_field_name="slug",
        method="filter_themes", widget=forms.CheckboxSelectMultiple,
    )
    stage = django_filters.MultipleChoiceFilter(label=_("Stade"), choices=Stage.choices,
                                                widget=forms.CheckboxSelectMultiple)
    region = KnownChoiceFilter(
        label=_("Région"), field_name="region", to_field_name="code", empty_label=_("Toutes les régions"),
        queryset=Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name"),
    )
    departement = KnownChoiceFilter(
        label=_("Département"), field_name="departement", to_field_name="code",
        empty_label=_("Tous les départements"),
        queryset=Territory.objects.filter(level=TerritoryLevel.DEPARTEMENT).order_by("code"),
    )
    kind = django_filters.MultipleChoiceFilter(label=_("Type de structure porteuse"), field_name="organisation__kind",
                                               choices=OrganisationKind.choices, widget=forms.CheckboxSelectMultiple)
    replicated = django_filters.ChoiceFilter(label=_("Essaimage"), choices=REPLICATED_CHOICES,
                                             method="filter_replicated", empty_label=_("Toutes"))

    class Meta:
        model = Innovation
        fields = []

    def __init__(self, *args, known: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for flag in catalogue_flags():  # the apps' yes/no filters (« Primée »): ?<key>=oui
            self.filters[flag.key] = django_filters.ChoiceFilter(
                label=flag.legend, choices=[(FLAG_YES, flag.label)], method="filter_flag", field_name=flag.key)
        for name, objects in (known or {}).items():  # after the flags: this builds the form
            self.form.fields[name].known = objects

    # The form class, built once per process for a given set of filters (django-filter builds
    # one, with a field per filter, for every filter set: a millisecond of each catalogue page).
    # Its fields are copied into each form, so `known` set on a form's field stays with it.
    _form_classes: dict = {}

    def get_form_class(self):
        key = tuple(self.filters)
        form_class = self._form_classes.get(key)
        if form_class is None:
            form_class = self._form_classes[key] = super().get_form_class()
        return form_class

    def filter_flag(self, queryset, name, value):
        flag = next(flag for flag in catalogue_flags() if flag.key == name)
        return queryset.filter(flag.condition()) if value == FLAG_YES else queryset

    def filter_search(self, queryset, name, value):
        # The search is run once, over every match, by selectors.catalogue (search.matching_ids),
        # which also feeds the facet counts: the filter set only validates and shows the box.
        return queryset

    def filter_themes(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(theme_ids__overlap=[theme.pk for theme in value])

    def filter_replicated(self, queryset, name, value):
        if value == "oui":
            return queryset.filter(replication_count__gt=0)
        if value == "non":
            return queryset.filter(replication_count=0)
        return queryset


FACETS = ["theme", "stage", "region", "departement", "kind", "replicated"]
FLAG_YES = "oui"


def catalogue_flags() -> list:
    """The yes/no filters the apps add to the catalogue (essaimage.hooks.CatalogueFlag)."""
    return hooks.collect("CATALOGUE_FLAGS")


def facet_names() -> list[str]:
    """The catalogue's own facets, then the apps' flags."""
    return [*FACETS, *(flag.key for flag in catalogue_flags())]
