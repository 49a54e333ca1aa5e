"""The services of plans and cases: creating, staffing, opening and closing a case, each step recorded (issue 9)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from config.exceptions import Conflict
from inspections.models import InspectionStatus, InspectionTransition, TeamMember
from inspections.services.cases import (
    TeamMemberInput,
    inspection_close,
    inspection_create,
    inspection_open,
    inspection_plan_create,
    inspection_record_findings,
    inspection_team_set,
)
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.conftest import make_case, metrology

pytestmark = pytest.mark.django_db


def _decision(**overrides) -> dict:
    return {"decision_number": "12/QĐ-SKHCN", "decision_date": timezone.localdate(),
            "decision_signer_name": "Trần Văn Bình", "decision_signer_title": "Phó Giám đốc", **overrides}


def test_inspection_plan_create_records_its_subjects(topics, officer):
    shops = [OrganizationFactory(), OrganizationFactory()]

    plan = inspection_plan_create(actor=officer, year=2022, topic_id=metrology().pk, title="Kiểm tra cân chợ",
                                  planned_month=5, inspecting_body_id=officer.organization_id,
                                  subject_ids=[shop.pk for shop in shops])

    assert set(plan.subjects.values_list("pk", flat=True)) == {shop.pk for shop in shops}


def test_inspection_plan_create_refuses_a_business_as_inspecting_body(topics, officer, business_org):
    with pytest.raises(ValidationError) as refused:
        inspection_plan_create(actor=officer, year=2022, topic_id=metrology().pk, title="Kế hoạch", planned_month=5,
                               inspecting_body_id=business_org.pk)

    assert "inspecting_body" in refused.value.message_dict


def test_inspection_create_from_a_plan_takes_its_topic_and_subjects(topics, officer):
    shop = OrganizationFactory()
    plan = inspection_plan_create(actor=officer, year=2022, topic_id=metrology().pk, title="Kiểm tra cân chợ",
                                  planned_month=5, inspecting_body_id=officer.organization_id, subject_ids=[shop.pk])

    case = inspection_create(actor=officer, kind="check", title="Đợt 1", plan_id=plan.pk,
                             inspecting_body_id=officer.organization_id)

    assert case.topic == plan.topic and case.status == InspectionStatus.PLANNED
    assert list(case.subjects.values_list("organization_id", flat=True)) == [shop.pk]
    assert case.transitions.get().to_status == InspectionStatus.PLANNED


def test_inspection_create_is_refused_to_an_inspector(topics, inspector):
    with pytest.raises(PermissionDenied):
        inspection_create(actor=inspector, kind="check", title="Tự mở", topic_id=metrology().pk,
                          inspecting_body_id=inspector.organization_id)


def test_inspection_team_set_needs_exactly_one_leader(topics, officer, inspector):
    second = UserFactory(role="inspector", organization=officer.organization)
    case = inspection_create(actor=officer, kind="check", title="Đợt 1", topic_id=metrology().pk,
                             inspecting_body_id=officer.organization_id)

    with pytest.raises(ValidationError) as refused:
        inspection_team_set(actor=officer, inspection_id=case.pk, members=[
            TeamMemberInput(inspector.pk, True), TeamMemberInput(second.pk, True)])

    assert "members" in refused.value.message_dict
    assert not TeamMember.objects.exists()


def test_inspection_team_set_refuses_a_user_who_is_not_an_inspector(topics, officer, technician):
    case = inspection_create(actor=officer, kind="check", title="Đợt 1", topic_id=metrology().pk,
                             inspecting_body_id=officer.organization_id)

    with pytest.raises(ValidationError) as refused:
        inspection_team_set(actor=officer, inspection_id=case.pk, members=[TeamMemberInput(technician.pk, True)])

    assert "members" in refused.value.message_dict


def test_inspection_open_records_the_decision_and_who_opened_it(topics, officer, inspector, business_org):
    case = make_case(officer, leader=inspector, subjects=[business_org])

    inspection_open(actor=officer, inspection_id=case.pk, **_decision())

    case.refresh_from_db()
    assert (case.status, case.decision_number) == (InspectionStatus.OPEN, "12/QĐ-SKHCN")
    step = case.transitions.order_by("id").last()
    assert (step.from_status, step.to_status, step.actor) == ("planned", "open", officer)


def test_inspection_open_without_a_subject_is_refused(topics, officer, inspector):
    case = make_case(officer, leader=inspector, subjects=[])

    with pytest.raises(ValidationError) as refused:
        inspection_open(actor=officer, inspection_id=case.pk, **_decision())

    assert "subjects" in refused.value.message_dict


def test_inspection_open_with_a_decision_in_the_future_is_refused(topics, officer, inspector, business_org):
    case = make_case(officer, leader=inspector, subjects=[business_org])

    with pytest.raises(ValidationError) as refused:
        inspection_open(actor=officer, inspection_id=case.pk,
                        **_decision(decision_date=timezone.localdate() + timedelta(days=1)))

    assert "decision_date" in refused.value.message_dict


def test_inspection_open_twice_is_a_conflict(cases):
    with pytest.raises(Conflict):
        inspection_open(actor=cases.officer, inspection_id=cases.case.pk, **_decision())


def test_inspection_team_of_an_open_case_is_fixed(cases):
    with pytest.raises(Conflict):
        inspection_team_set(actor=cases.officer, inspection_id=cases.case.pk,
                            members=[TeamMemberInput(cases.member.pk, True)])


def test_inspection_close_before_the_findings_are_recorded_is_a_conflict(cases):
    with pytest.raises(Conflict):
        inspection_close(actor=cases.officer, inspection_id=cases.case.pk)


def test_inspection_record_findings_needs_a_finding(cases):
    with pytest.raises(ValidationError) as refused:
        inspection_record_findings(actor=cases.leader, inspection_id=cases.case.pk)

    assert "findings" in refused.value.message_dict


def test_inspection_record_findings_is_the_leaders_not_a_members(cases):
    with pytest.raises(PermissionDenied):
        inspection_record_findings(actor=cases.member, inspection_id=cases.case.pk)


def test_a_case_walks_its_whole_life_each_step_with_who_and_when(cases):
    from inspections.services.cases import finding_record

    item = metrology().checklist_items.get(code="marking")
    finding_record(actor=cases.member, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                   checklist_item_id=item.pk, result="conforming")

    inspection_record_findings(actor=cases.leader, inspection_id=cases.case.pk)
    inspection_close(actor=cases.officer, inspection_id=cases.case.pk)

    steps = list(InspectionTransition.objects.filter(inspection=cases.case).order_by("id")
                 .values_list("from_status", "to_status", "actor_id"))
    assert steps == [("", "planned", cases.officer.pk), ("planned", "open", cases.officer.pk),
                     ("open", "findings_recorded", cases.leader.pk), ("findings_recorded", "closed", cases.officer.pk)]
