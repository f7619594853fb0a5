import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from essaimage.enums import TerritoryLevel
from essaimage.models import Territory
from innovations.models import Theme
from sponsors.matching import available_now
from sponsors.models import SponsorProfile


class DirectoryFilter(django_filters.FilterSet):
    """The directory's filters, each a URL parameter. A sponsor who covers a whole région covers
    each of its départements; one who covers a département is found under its région."""

    theme = django_filters.ModelChoiceFilter(label=_("Thème d’expertise"), queryset=Theme.objects.all(),
                                             to_field_name="slug", empty_label=_("Tous les thèmes"),
                                             method="filter_theme")
    region = django_filters.ModelChoiceFilter(
        label=_("Région"), to_field_name="code", empty_label=_("Toutes les régions"), method="filter_region",
        queryset=Territory.objects.filter(level=TerritoryLevel.REGION).order_by("name"))
    departement = django_filters.ModelChoiceFilter(
        label=_("Département"), to_field_name="code", empty_label=_("Tous les départements"),
        method="filter_departement",
        queryset=Territory.objects.filter(level=TerritoryLevel.DEPARTEMENT).order_by("code"))
    disponible = django_filters.BooleanFilter(label=_("Disponibles maintenant (dates et place libre)"),
                                              method="filter_available", widget=forms.CheckboxInput)

    class Meta:
        model = SponsorProfile
        fields = []

    def filter_theme(self, queryset, name, value):
        return queryset.filter(exists_through("themes", Q(theme_id=value.pk))) if value else queryset

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        condition = Q(territory_id=value.pk) | Q(territory__parent_id=value.pk)
        return queryset.filter(exists_through("territories", condition))

    def filter_departement(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(exists_through("territories", Q(territory_id__in=[value.pk, value.parent_id])))

    def filter_available(self, queryset, name, value):
        return available_now(queryset) if value else queryset


def exists_through(relation: str, condition: Q):
    """EXISTS over the many-to-many table of `relation` for the outer profile."""
    from django.db.models import Exists, OuterRef

    through = getattr(SponsorProfile, relation).through
    return Exists(through.objects.filter(condition, sponsorprofile_id=OuterRef("pk")))
