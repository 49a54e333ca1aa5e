"""Filters of the X-ray register's lists."""

import django_filters
from django.db.models import Q

from registry.models import (
    LicenseApplication,
    LicenseApplicationKind,
    LicenseApplicationStatus,
    RadiationLicense,
    RadiationLicenseStatus,
    RadiationWorker,
    XrayDevice,
    XrayDeviceKind,
    XrayDeviceStatus,
)
from registry.selectors import license_status_q

LICENSE_LIST_STATUSES = [("active", "active"), ("expiring", "expiring"), ("expired", "expired"),
                         *((s.value, s.value) for s in RadiationLicenseStatus if s != RadiationLicenseStatus.ACTIVE)]


class XrayDeviceFilterSet(django_filters.FilterSet):
    facility_id = django_filters.NumberFilter(field_name="facility_id")
    kind = django_filters.MultipleChoiceFilter(choices=XrayDeviceKind.choices)
    status = django_filters.ChoiceFilter(choices=XrayDeviceStatus.choices)
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")
    q = django_filters.CharFilter(method="filter_q", label="Serial, model or manufacturer contains")

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(serial_number__icontains=value) | Q(model__icontains=value)
                               | Q(manufacturer__icontains=value))

    class Meta:
        model = XrayDevice
        fields = ["facility_id", "kind", "status", "valid_until_after", "valid_until_before", "q"]


class RadiationWorkerFilterSet(django_filters.FilterSet):
    facility_id = django_filters.NumberFilter(field_name="facility_id")
    is_safety_officer = django_filters.BooleanFilter()
    dose_flagged = django_filters.BooleanFilter(field_name="dose_flagged")

    class Meta:
        model = RadiationWorker
        fields = ["facility_id", "is_safety_officer", "dose_flagged", "active"]


class LicenseApplicationFilterSet(django_filters.FilterSet):
    facility_id = django_filters.NumberFilter(field_name="facility_id")
    kind = django_filters.ChoiceFilter(choices=LicenseApplicationKind.choices)
    status = django_filters.ChoiceFilter(choices=LicenseApplicationStatus.choices)
    processing_deadline_before = django_filters.DateFilter(field_name="processing_deadline", lookup_expr="lte")

    class Meta:
        model = LicenseApplication
        fields = ["facility_id", "kind", "status", "processing_deadline_before"]


class RadiationLicenseFilterSet(django_filters.FilterSet):
    facility_id = django_filters.NumberFilter(field_name="facility_id")
    status = django_filters.MultipleChoiceFilter(choices=LICENSE_LIST_STATUSES, method="filter_status")
    device_kind = django_filters.ChoiceFilter(choices=XrayDeviceKind.choices, method="filter_device_kind")
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")

    def filter_status(self, queryset, name, values):
        condition = Q()
        for value in values:
            condition |= license_status_q(value)
        return queryset.filter(condition)

    def filter_device_kind(self, queryset, name, value):
        return queryset.filter(devices__kind=value).distinct()

    class Meta:
        model = RadiationLicense
        fields = ["facility_id", "status", "device_kind", "valid_until_after", "valid_until_before"]
