"""Filters of the notice list."""

import django_filters

from certificates.kinds import RegisteredChoices
from certificates.notices.models import Notice
from certificates.notices.sources import notice_kind_choices


class NoticeFilterSet(django_filters.FilterSet):
    organization_id = django_filters.NumberFilter(field_name="organization_id")
    kind = django_filters.ChoiceFilter(choices=RegisteredChoices(notice_kind_choices))  # the registered sources' keys
    stage = django_filters.CharFilter(field_name="stage")
    read = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull", exclude=True)
    acknowledged = django_filters.BooleanFilter(field_name="acknowledged_at", lookup_expr="isnull", exclude=True)
    due_date_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_date_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")

    class Meta:
        model = Notice
        fields = ["organization_id", "kind", "stage", "read", "acknowledged", "due_date_after", "due_date_before"]
