"""Filters of the organisations' and users' lists; each filter_<param> beside its declaration."""

import django_filters
from django.db.models import Q

from registry.models import Organization, User


class OrganizationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Name or tax code contains")

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(tax_code__startswith=value))

    class Meta:
        model = Organization
        fields = ["kind", "legal_form", "province", "tax_code"]


class UserFilterSet(django_filters.FilterSet):
    organization_id = django_filters.NumberFilter(field_name="organization_id")

    class Meta:
        model = User
        fields = ["role", "organization_id", "is_active"]
