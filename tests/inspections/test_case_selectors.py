"""Who sees a case (issue 9 point 1): its team's inspectors, officers, and the inspected organisation once the
decision is issued, and then only its own subject's part; everyone else sees nothing."""

import pytest
from django.http import Http404

from inspections.selectors.cases import (
    finding_list,
    inspection_get_for_update,
    inspection_list,
    inspection_plan_list,
    subject_list,
)
from inspections.services.cases import finding_record, inspection_plan_create, subject_add
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.conftest import make_case, metrology

pytestmark = pytest.mark.django_db


def _ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_an_officer_sees_every_case(cases):
    assert _ids(inspection_list(actor=cases.officer)) == {cases.case.pk, cases.other_case.pk}


def test_an_inspector_sees_only_the_cases_of_their_team(cases):
    assert _ids(inspection_list(actor=cases.leader)) == {cases.case.pk}
    assert _ids(inspection_list(actor=cases.member)) == {cases.case.pk}
    assert _ids(inspection_list(actor=cases.other_inspector)) == {cases.other_case.pk}


def test_a_business_sees_only_the_cases_of_its_organization(cases):
    assert _ids(inspection_list(actor=cases.business)) == {cases.case.pk}
    assert _ids(inspection_list(actor=cases.other_business)) == {cases.other_case.pk}


def test_a_business_does_not_see_its_case_before_the_decision(cases):
    planned = make_case(cases.officer, leader=cases.leader, subjects=[cases.business.organization])

    assert planned.pk not in _ids(inspection_list(actor=cases.business))
    assert planned.pk in _ids(inspection_list(actor=cases.leader))


def test_a_technician_sees_no_case(cases, technician):
    assert not inspection_list(actor=technician).exists()


def test_locking_a_case_outside_the_scope_is_a_404(cases):
    with pytest.raises(Http404):
        inspection_get_for_update(actor=cases.other_inspector, pk=cases.case.pk)


def test_a_business_sees_only_its_own_subject_and_findings_in_a_shared_case(cases):
    neighbour = UserFactory(role="business", organization=OrganizationFactory(name="Quầy cân chợ số 7"))
    other_subject = subject_add(actor=cases.leader, inspection_id=cases.case.pk,
                                organization_id=neighbour.organization.pk)
    item = metrology().checklist_items.get(code="marking")
    for subject in (cases.subject, other_subject):
        finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=subject.pk,
                       checklist_item_id=item.pk, result="not_conforming")

    seen = subject_list(actor=cases.business, inspection=cases.case)
    findings = finding_list(actor=cases.business, inspection=cases.case)

    assert _ids(seen) == {cases.subject.pk}
    assert set(findings.values_list("subject_id", flat=True)) == {cases.subject.pk}
    assert _ids(subject_list(actor=cases.leader, inspection=cases.case)) == {cases.subject.pk, other_subject.pk}


def test_plans_are_read_by_officers_and_inspectors_only(cases):
    plan = inspection_plan_create(actor=cases.officer, year=2022, topic_id=metrology().pk, title="Kế hoạch 2022",
                                  planned_month=3, inspecting_body_id=cases.officer.organization_id,
                                  subject_ids=[cases.business.organization.pk])

    assert _ids(inspection_plan_list(actor=cases.other_inspector)) == {plan.pk}
    assert not inspection_plan_list(actor=cases.business).exists()
