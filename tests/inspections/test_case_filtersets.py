"""Each filter of the plans' and cases' lists (issue 9 point 4)."""

from datetime import date

import pytest

from inspections.api.cases.filtersets import InspectionFilterSet, InspectionPlanFilterSet
from inspections.models import Inspection, InspectionPlan, Topic
from inspections.services.cases import inspection_create, inspection_plan_create
from tests.factories import OrganizationFactory
from tests.inspections.conftest import make_case, metrology

pytestmark = pytest.mark.django_db


def _filtered(params: dict) -> set[int]:
    return set(InspectionFilterSet(params, queryset=Inspection.objects.all()).qs.values_list("pk", flat=True))


def test_status_filter(cases):
    planned = make_case(cases.officer, leader=cases.leader, subjects=[cases.business.organization])

    assert _filtered({"status": ["planned"]}) == {planned.pk}
    assert _filtered({"status": ["open"]}) == {cases.case.pk, cases.other_case.pk}


def test_topic_filter(cases):
    steel = inspection_create(actor=cases.officer, kind="inspection", title="Thanh tra thép",
                              topic_id=Topic.objects.get(code="steel").pk,
                              inspecting_body_id=cases.officer.organization_id)

    assert _filtered({"topic": "steel"}) == {steel.pk}
    assert _filtered({"topic_id": metrology().pk}) == {cases.case.pk, cases.other_case.pk}


def test_kind_filter(cases):
    inspection = inspection_create(actor=cases.officer, kind="inspection", title="Thanh tra",
                                   topic_id=metrology().pk, inspecting_body_id=cases.officer.organization_id)

    assert _filtered({"kind": "inspection"}) == {inspection.pk}


def test_organization_filter(cases):
    assert _filtered({"organization_id": cases.business.organization.pk}) == {cases.case.pk}


def test_year_filter_reads_the_decision_then_the_plan(cases):
    plan = inspection_plan_create(actor=cases.officer, year=2022, topic_id=metrology().pk, title="Kế hoạch 2022",
                                  planned_month=3, inspecting_body_id=cases.officer.organization_id)
    undecided = inspection_create(actor=cases.officer, kind="check", title="Theo kế hoạch", plan_id=plan.pk,
                                  inspecting_body_id=cases.officer.organization_id)
    Inspection.objects.filter(pk=cases.other_case.pk).update(decision_date=date(2022, 6, 1))

    assert _filtered({"year": 2022}) == {undecided.pk, cases.other_case.pk}


def test_q_filter_matches_the_decision_number(cases):
    assert _filtered({"q": cases.case.decision_number}) == {cases.case.pk}


def test_plan_filters(cases):
    shop = OrganizationFactory()
    plan = inspection_plan_create(actor=cases.officer, year=2022, topic_id=metrology().pk, title="Kế hoạch",
                                  planned_month=3, inspecting_body_id=cases.officer.organization_id,
                                  subject_ids=[shop.pk])
    inspection_plan_create(actor=cases.officer, year=2023, topic_id=metrology().pk, title="Kế hoạch khác",
                           planned_month=4, inspecting_body_id=cases.officer.organization_id)

    def plans(params):
        return set(InspectionPlanFilterSet(params, queryset=InspectionPlan.objects.all()).qs.values_list("pk",
                                                                                                       flat=True))

    assert plans({"year": 2022}) == {plan.pk}
    assert plans({"organization_id": shop.pk}) == {plan.pk}
    assert plans({"planned_month": 3}) == {plan.pk}
    assert len(plans({"topic": "metrology"})) == 2
