"""Filters of the instrument register's lists (DESIGN.md §3); each filter_<param> beside its declaration."""

import django_filters
from django.db.models import Q

from registry.models import (
    Instrument,
    InstrumentType,
    Verification,
    VerificationKind,
    VerificationResult,
    VerificationStatus,
    identity_key,
)
from registry.selectors import verification_status_q


class InstrumentTypeFilterSet(django_filters.FilterSet):
    class Meta:
        model = InstrumentType
        fields = ["code", "item", "quantity"]


class InstrumentFilterSet(django_filters.FilterSet):
    owner_id = django_filters.NumberFilter(field_name="owner_id")
    instrument_type_id = django_filters.NumberFilter(field_name="instrument_type_id")
    instrument_type_code = django_filters.CharFilter(field_name="instrument_type__code")
    serial_number = django_filters.CharFilter(method="filter_serial_number", label="Exact serial number")
    verification_status = django_filters.MultipleChoiceFilter(
        choices=VerificationStatus.choices, method="filter_verification_status"
    )
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")
    q = django_filters.CharFilter(method="filter_q", label="Serial, model, manufacturer or location contains")

    def filter_serial_number(self, queryset, name, value):
        return queryset.filter(serial_key=identity_key(value, drop_spaces=True))

    def filter_verification_status(self, queryset, name, values):
        condition = Q()
        for value in values:
            condition |= verification_status_q(value)
        return queryset.filter(condition)

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(serial_number__icontains=value) | Q(model__icontains=value) | Q(manufacturer__icontains=value)
            | Q(location__icontains=value)
        )

    class Meta:
        model = Instrument
        fields = ["owner_id", "instrument_type_id", "instrument_type_code", "serial_number", "verification_status",
                  "valid_until_after", "valid_until_before", "q"]


class VerificationFilterSet(django_filters.FilterSet):
    instrument_id = django_filters.NumberFilter(field_name="instrument_id")
    owner_id = django_filters.NumberFilter(field_name="instrument__owner_id")
    verification_body_id = django_filters.NumberFilter(field_name="verification_body_id")
    kind = django_filters.ChoiceFilter(choices=VerificationKind.choices)
    result = django_filters.ChoiceFilter(choices=VerificationResult.choices)
    performed_on_after = django_filters.DateFilter(field_name="performed_on", lookup_expr="gte")
    performed_on_before = django_filters.DateFilter(field_name="performed_on", lookup_expr="lte")
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")
    serial_number = django_filters.CharFilter(field_name="instrument__serial_number", lookup_expr="iexact")

    class Meta:
        model = Verification
        fields = ["instrument_id", "owner_id", "verification_body_id", "kind", "result", "performed_on_after",
                  "performed_on_before", "valid_until_after", "valid_until_before", "serial_number"]
