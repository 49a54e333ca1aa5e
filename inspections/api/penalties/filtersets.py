"""Filters of the violations', records', decisions' and remedies' lists (DESIGN.md §3)."""

import django_filters
from django.db.models import F, Q
from django.utils import timezone

from inspections.models import PenaltyDecision, Remedy, RemedyKind, RemedyStatus, Violation, ViolationRecord
from inspections.selectors.penalties import PAID, PARTLY_PAID, UNPAID


class ViolationFilterSet(django_filters.FilterSet):
    inspection_id = django_filters.NumberFilter(field_name="inspection_id")
    organization_id = django_filters.NumberFilter(field_name="violator_id", label="The violator's id")
    year = django_filters.NumberFilter(field_name="act_date", lookup_expr="year", label="Year of the act")
    violation_type = django_filters.CharFilter(field_name="violation_type__code", label="Violation type code")

    class Meta:
        model = Violation
        fields = ["inspection_id", "organization_id", "year", "violation_type"]


class ViolationRecordFilterSet(django_filters.FilterSet):
    inspection_id = django_filters.NumberFilter(field_name="inspection_id")
    organization_id = django_filters.NumberFilter(field_name="violator_id", label="The violator's id")
    year = django_filters.NumberFilter(field_name="made_on", lookup_expr="year", label="Year it was drawn up")

    class Meta:
        model = ViolationRecord
        fields = ["inspection_id", "organization_id", "year"]


class PenaltyDecisionFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        field_name="payment_status", label="Payment status",
        choices=[(PAID, "paid"), (PARTLY_PAID, "partly paid"), (UNPAID, "unpaid")])
    inspection_id = django_filters.NumberFilter(field_name="inspection_id")
    organization_id = django_filters.NumberFilter(field_name="violator_id", label="The violator's id")
    year = django_filters.NumberFilter(field_name="decided_on", lookup_expr="year", label="Year of the decision")
    unpaid = django_filters.BooleanFilter(method="filter_unpaid", label="A balance remains to be paid")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="A balance remains past the due date")

    def filter_unpaid(self, queryset, name, value):
        condition = Q(paid_amount__lt=F("total_fine"))
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_overdue(self, queryset, name, value):
        condition = Q(paid_amount__lt=F("total_fine"), payment_due_on__lt=timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)

    class Meta:
        model = PenaltyDecision
        fields = ["status", "inspection_id", "organization_id", "year", "unpaid", "overdue"]


class RemedyFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RemedyStatus.choices)
    kind = django_filters.ChoiceFilter(choices=RemedyKind.choices)
    decision_id = django_filters.NumberFilter(field_name="decision_id")
    organization_id = django_filters.NumberFilter(field_name="decision__violator_id", label="The violator's id")
    year = django_filters.NumberFilter(field_name="decision__decided_on", lookup_expr="year",
                                       label="Year of the decision")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Open past its deadline")

    def filter_overdue(self, queryset, name, value):
        condition = Q(status=RemedyStatus.OPEN, deadline__lt=timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)

    class Meta:
        model = Remedy
        fields = ["status", "kind", "decision_id", "organization_id", "year", "overdue"]
