"""Filters of the document list."""

import django_filters
from rest_framework.filters import OrderingFilter

from certificates.kinds import RegisteredChoices, kind_choices
from certificates.models import Document, DocumentStatus


class DocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=RegisteredChoices(kind_choices))
    status = django_filters.MultipleChoiceFilter(choices=DocumentStatus.choices)
    owner_id = django_filters.NumberFilter(field_name="owner_id")
    issuer_id = django_filters.NumberFilter(field_name="issuer_id")
    year = django_filters.NumberFilter(field_name="year")
    # A list, never one document: an administrative number ("01/QĐ-XPHC") recurs each year and per issuer.
    number = django_filters.CharFilter(field_name="number", lookup_expr="iexact",
                                       label="Number, exactly; add kind, issuer_id and year to narrow")
    valid_until_after = django_filters.DateFilter(field_name="valid_until", lookup_expr="gte")
    valid_until_before = django_filters.DateFilter(field_name="valid_until", lookup_expr="lte")

    class Meta:
        model = Document
        fields = ["kind", "status", "owner_id", "issuer_id", "year", "number", "valid_until_after",
                  "valid_until_before"]


class DocumentOrderingFilter(OrderingFilter):
    """`ordering=number` is numbering order: by kind, year and sequence. The text would not do: "100/QĐ-XPHC" sorts
    before "11/QĐ-XPHC", and numbers without a year (Decree 30/2020) would mix the years."""

    NUMBER_ORDER = ("kind", "year", "sequence")

    def get_ordering(self, request, queryset, view):
        ordering = []
        for term in super().get_ordering(request, queryset, view) or ():
            sign, field = ("-", term[1:]) if term.startswith("-") else ("", term)
            ordering += [f"{sign}{part}" for part in self.NUMBER_ORDER] if field == "number" else [term]
        return ordering
