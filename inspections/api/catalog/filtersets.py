"""Filters of the legal catalogue's lists (DESIGN.md §3); each filter_<param> beside its declaration."""

import django_filters

from inspections.models import Circumstance, CircumstanceKind, Confidence, ViolationType
from inspections.selectors import violation_types_in_force_q


class ViolationTypeFilterSet(django_filters.FilterSet):
    confidence = django_filters.MultipleChoiceFilter(choices=Confidence.choices)
    in_force_on = django_filters.DateFilter(method="filter_in_force_on", label="Versions in force on this day")

    def filter_in_force_on(self, queryset, name, value):
        return queryset.filter(violation_types_in_force_q(value))

    class Meta:
        model = ViolationType
        fields = ["code", "decree", "article", "clause", "confidence", "limitation_group", "in_force_on"]


class CircumstanceFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=CircumstanceKind.choices)

    class Meta:
        model = Circumstance
        fields = ["kind", "article", "code"]
