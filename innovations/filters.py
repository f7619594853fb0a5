import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from essaimage import hooks
from essaimage.enums import OrganisationKind, TerritoryLevel
from essaimage.models import Territory
from innovations.enums import Stage
from innovations.models import Innovation, Theme

REPLICATED_CHOICES = [("oui", _("Avec au moins un essaimage")), ("non", _("Sans essaimage"))]


class CatalogueFilter(django_filters.FilterSet):
    """The catalogue's filters; each is a URL parameter, so a search can be shared."""

    q = django_filters.CharFilter(label=_("Rechercher une innovation"), method="filter_search")
    theme = django_filters.ModelMultipleChoiceFilter(
        label=_("Thèmes"), queryset=Theme.objects.all(), to_field_name="slug",
        method="filter_themes", widget=forms.CheckboxSelectMultiple,
    )
    stage = django_filters.MultipleChoiceFilter(label=_("Stade"), choices=Stage.choices,
                                                widget=forms.CheckboxSelectMultiple)
    region = django_filters.ModelChoiceFilter(
        label=_("Région"), field_name="region", to_field_name="code", empty_label=_("Toutes les régions"),
        queryset=Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name"),
    )
    departement = django_filters.ModelChoiceFilter(
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for flag in catalogue_flags():  # the apps' yes/no filters (« Primée »): ?<key>=oui
            self.filters[flag.key] = django_filters.ChoiceFilter(
                label=flag.legend, choices=[(FLAG_YES, flag.label)], method="filter_flag", field_name=flag.key)

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
