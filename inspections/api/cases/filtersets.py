"""Filters of the plans' and cases' lists (DESIGN.md §3); each filter_<param> beside its declaration."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from inspections.models import Inspection, InspectionKind, InspectionPlan, InspectionStatus, Subject


class InspectionPlanFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="year")
    planned_month = django_filters.NumberFilter(field_name="planned_month")
    topic = django_filters.CharFilter(field_name="topic__code", label="Topic code")
    topic_id = django_filters.NumberFilter(field_name="topic_id")
    inspecting_body_id = django_filters.NumberFilter(field_name="inspecting_body_id")
    organization_id = django_filters.NumberFilter(method="filter_organization_id", label="A planned subject's id")

    def filter_organization_id(self, queryset, name, value):
        planned = InspectionPlan.subjects.through.objects.filter(inspectionplan_id=OuterRef("pk"),
                                                                 organization_id=value)
        return queryset.filter(Exists(planned))

    class Meta:
        model = InspectionPlan
        fields = ["year", "planned_month", "topic", "topic_id", "inspecting_body_id", "organization_id"]


class InspectionFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=InspectionStatus.choices)
    kind = django_filters.ChoiceFilter(choices=InspectionKind.choices)
    topic = django_filters.CharFilter(field_name="topic__code", label="Topic code")
    topic_id = django_filters.NumberFilter(field_name="topic_id")
    year = django_filters.NumberFilter(method="filter_year", label="Year of the decision (or of the plan, before it)")
    organization_id = django_filters.NumberFilter(method="filter_organization_id", label="A subject's id")
    inspecting_body_id = django_filters.NumberFilter(field_name="inspecting_body_id")
    plan_id = django_filters.NumberFilter(field_name="plan_id")
    decision_date_after = django_filters.DateFilter(field_name="decision_date", lookup_expr="gte")
    decision_date_before = django_filters.DateFilter(field_name="decision_date", lookup_expr="lte")
    q = django_filters.CharFilter(method="filter_q", label="Title or decision number contains")

    def filter_year(self, queryset, name, value):
        """A case belongs to the year of its decision; one not yet decided to its plan's year, or else to the year
        it was created in."""
        undecided = Q(decision_date__isnull=True)
        return queryset.filter(
            Q(decision_date__year=value)
            | (undecided & Q(plan__year=value))
            | (undecided & Q(plan__isnull=True) & Q(created_at__year=value)))

    def filter_organization_id(self, queryset, name, value):
        return queryset.filter(Exists(Subject.objects.filter(inspection_id=OuterRef("pk"), organization_id=value)))

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(decision_number__icontains=value))

    class Meta:
        model = Inspection
        fields = ["status", "kind", "topic", "topic_id", "year", "organization_id", "inspecting_body_id", "plan_id",
                  "decision_date_after", "decision_date_before", "q"]
