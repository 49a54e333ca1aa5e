"""Who carries out a case (issue 9 point 1): since 2025-07-01 an inspection (thanh tra) is the provincial
inspectorate's (Law on Inspection 84/2025/QH15 abolished the department inspectorates); a state metrology check
(kiểm tra, Circular 28/2013) stays the department's. The day comes from the catalogue, not the code."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from inspections.models import InspectionStatus
from inspections.services.cases import TeamMemberInput, inspection_create, inspection_open, inspection_team_set
from registry.models import LegalParameter, OrganizationKind
from registry.services import organization_create, user_create
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.conftest import metrology

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspectorate(officer):
    """The provincial inspectorate, registered by an officer as any organisation (a state agency: no tax code)."""
    return organization_create(actor=officer, kind=OrganizationKind.INSPECTORATE, name="Thanh tra tỉnh Quảng Trị",
                               tax_code="", address="Đông Hà", province="Quảng Trị")


def _open(officer, body, *, kind: str, on: date):
    leader = UserFactory(role="inspector", organization=body)
    case = inspection_create(actor=officer, kind=kind, title="Thanh tra đo lường", topic_id=metrology().pk,
                             inspecting_body_id=body.pk, subject_ids=[OrganizationFactory().pk])
    inspection_team_set(actor=officer, inspection_id=case.pk, members=[TeamMemberInput(inspector=leader.pk,
                                                                                        is_leader=True)])
    return inspection_open(actor=officer, inspection_id=case.pk, decision_number="12/QĐ-TTr", decision_date=on,
                           decision_signer_name="Nguyễn Văn An")


def test_an_inspection_since_july_2025_is_the_provincial_inspectorates(topics, inspection_catalog, officer,
                                                                       department, inspectorate):
    with pytest.raises(ValidationError) as refused:
        _open(officer, department, kind="inspection", on=date(2025, 7, 1))
    [message] = refused.value.message_dict["inspecting_body"]
    assert "01/07/2025" in message and "84/2025/QH15" in message

    assert _open(officer, inspectorate, kind="inspection", on=date(2025, 7, 1)).status == InspectionStatus.OPEN


def test_before_july_2025_an_inspection_was_the_departments(topics, inspection_catalog, officer, department,
                                                            inspectorate):
    assert _open(officer, department, kind="inspection", on=date(2025, 6, 30)).status == InspectionStatus.OPEN
    with pytest.raises(ValidationError) as refused:
        _open(officer, inspectorate, kind="inspection", on=date(2025, 6, 30))
    assert "inspecting_body" in refused.value.message_dict


def test_a_check_stays_the_departments(topics, inspection_catalog, officer, department, inspectorate):
    assert _open(officer, department, kind="check", on=date(2026, 1, 5)).status == InspectionStatus.OPEN
    with pytest.raises(ValidationError) as refused:
        _open(officer, inspectorate, kind="check", on=date(2026, 1, 5))
    assert "inspecting_body" in refused.value.message_dict


def test_the_day_is_the_catalogues_an_officer_corrects_it_without_code(topics, inspection_catalog, officer,
                                                                      department, inspectorate):
    LegalParameter.objects.filter(key="inspection-by-provincial-inspectorate", in_force_from=date(2025, 7, 1)).update(
        in_force_from=date(2025, 8, 1))

    assert _open(officer, department, kind="inspection", on=date(2025, 7, 15)).status == InspectionStatus.OPEN


def test_a_business_is_no_inspecting_body(topics, officer):
    with pytest.raises(ValidationError) as refused:
        inspection_create(actor=officer, kind="check", title="Kiểm tra", topic_id=metrology().pk,
                          inspecting_body_id=OrganizationFactory().pk, subject_ids=[])
    assert "inspecting_body" in refused.value.message_dict


def test_inspectors_may_belong_to_the_inspectorate(officer, inspectorate):
    user = user_create(actor=officer, username="ttv.lan", password="Mật-khẩu-đủ-dài-2026", role="inspector",
                       organization_id=inspectorate.pk, full_name="Lê Thị Lan", email="")

    assert user.organization == inspectorate
