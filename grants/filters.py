"""Filters of the public list of calls and of the instructeurs' list of applications; each is a
URL parameter, so a filtered list can be shared."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from essaimage.enums import OrganisationKind
from grants.enums import ApplicationStatus, CallPhase
from grants.models import Application, Call, Programme
from innovations.models import Theme

SELECT = forms.Select(attrs={"class": "fr-select"})


class CallFilter(django_filters.FilterSet):
    phase = django_filters.ChoiceFilter(label=_("État"), choices=CallPhase.choices, method="filter_phase",
                                        empty_label=_("Tous"), widget=forms.RadioSelect)
    programme = django_filters.ModelChoiceFilter(label=_("Programme"), queryset=Programme.objects.order_by("title"),
                                                 to_field_name="slug", empty_label=_("Tous les programmes"),
                                                 widget=SELECT)
    theme = django_filters.ModelChoiceFilter(label=_("Thème"), queryset=Theme.objects.all(), to_field_name="slug",
                                             method="filter_theme", empty_label=_("Tous les thèmes"), widget=SELECT)
    kind = django_filters.ChoiceFilter(label=_("Ouvert aux structures de type"), choices=OrganisationKind.choices,
                                       method="filter_kind", empty_label=_("Tous les types"), widget=SELECT)

    class Meta:
        model = Call
        fields = []

    def __init__(self, *args, now=None, **kwargs):
        self.now = now or timezone.now()
        super().__init__(*args, **kwargs)

    def filter_phase(self, queryset, name, value):
        if value == CallPhase.UPCOMING:
            return queryset.filter(opens_at__gt=self.now)
        if value == CallPhase.OPEN:
            return queryset.filter(opens_at__lte=self.now, closes_at__gt=self.now)
        if value == CallPhase.CLOSED:
            return queryset.filter(closes_at__lte=self.now)
        return queryset

    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes=value) if value else queryset

    def filter_kind(self, queryset, name, value):
        # No kind listed: every kind may apply.
        return queryset.filter(Q(eligible_kinds__contains=[value]) | Q(eligible_kinds=[])) if value else queryset


class InstructionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Statut"), empty_label=_("Tous les statuts"),
        choices=[(s.value, s.label) for s in ApplicationStatus if s != ApplicationStatus.DRAFT], widget=SELECT)
    q = django_filters.CharFilter(label=_("Numéro de dossier, innovation ou structure"), method="filter_search",
                                  widget=forms.TextInput(attrs={"class": "fr-input", "type": "search"}))

    class Meta:
        model = Application
        fields = []

    def filter_search(self, queryset, name, value):
        value = " ".join(value.split())[:100]
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(innovation__title__icontains=value)
                               | Q(organisation__name__icontains=value))
