"""Filters of the document list."""

import django_filters

from certificates.kinds import RegisteredChoices, kind_choices
from certificates.models import Document, DocumentStatus


class DocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=RegisteredChoices(kind_choices))
    status = django_filters.MultipleChoiceFilter(choices=DocumentStatus.choices)
    owner_id = django_filters.NumberFilter(field_name="owner_id")
    issuer_id = django_filters.NumberFilter(field_name="issuer_id")
    year = django_filters.NumberFilter(field_name="year")
    number = django_filters.CharFilter(field_name="number", lookup_expr="iexact")
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")

    class Meta:
        model = Document
        fields = ["kind", "status", "owner_id", "issuer_id", "year", "number", "valid_until_after",
                  "valid_until_before"]
