"""The demo's 2022 inspections (issue 9 point 8): the seed province's yearly figures read back through the API,
and a second run that creates nothing."""

import io

import pytest
from django.core.management import call_command

from certificates.services import document_render
from inspections.models import Finding, Inspection, InspectionPlan, PenaltyDecision, SanctioningPower, Subject
from registry.models import Organization, User
from tests.db_helpers import module_data
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    """The catalogues and both seeds, made once for the module (~3 s, which each test paid) inside a transaction
    rolled back at its end; each test runs in a savepoint within it, as the security matrix's world does."""
    with module_data(django_db_blocker, "load_catalog", "load_inspection_catalog", "load_inspection_topics",
                     "seed_demo", "seed_inspections"):
        yield


@pytest.fixture
def seeded(_seeded_once, db):
    """The demo's organisations, users and 2022 inspections, as `make run` seeds them."""


def _all(client, url: str) -> list[dict]:
    """Every row of a paginated list, following `next`."""
    rows = []
    while url:
        page = client.get(url).json()
        rows += page["results"]
        url = page["next"]
    return rows


def test_the_demo_year_reads_back_four_cases_of_66_organizations(seeded, client_for):
    officer = client_for(User.objects.get(username="officer"))

    cases = _all(officer, "/api/v1/inspections/?year=2022")
    organizations = {subject["organization"]["id"] for case in cases
                     for subject in _all(officer, f"/api/v1/inspections/{case['id']}/subjects/")}

    assert len(cases) == 4
    assert {case["topic"]["code"] for case in cases} == {"steel", "lpg", "gold-jewellery", "metrology"}
    assert {case["status"] for case in cases} == {"closed"}
    assert len(organizations) == 66
    assert all(case["decision_date"].startswith("2022-") for case in cases)
    assert all(case["team"][0]["inspector_name"] == "Trần Thị Lan" and case["team"][0]["is_leader"]
               for case in cases)


def test_the_demo_inspector_sees_the_year_and_the_fuel_company_its_case(seeded, client_for):
    inspector = client_for(User.objects.get(username="inspector"))
    business = client_for(User.objects.get(username="business"))

    assert inspector.get("/api/v1/inspections/?year=2022").json()["count"] == 4
    assert [case["topic"]["code"] for case in _all(business, "/api/v1/inspections/?year=2022")] == ["metrology"]


def test_the_demo_cases_have_findings_and_the_unverified_scale_is_found(seeded):
    scale_finding = Finding.objects.get(examined_item__serial_number="CB-150-0042")

    assert Finding.objects.filter(subject__inspection__decision_date__year=2022).count() > 66
    assert scale_finding.result == "not_conforming"
    assert scale_finding.subject.organization.name == "Công ty TNHH Xăng dầu Hiền Lương"


def test_the_demo_subjects_are_distinct_and_in_quang_tri(seeded):
    organizations = Organization.objects.filter(inspection_subjects__inspection__decision_date__year=2022).distinct()

    assert organizations.count() == 66
    assert len({o.name for o in organizations}) == 66
    assert all("Quảng Trị" in o.address and o.province == "Quảng Trị" for o in organizations)


def test_the_demo_subjects_named_after_their_owner_are_household_businesses(seeded, client_for):
    officer = client_for(User.objects.get(username="officer"))

    subjects = [subject["organization"] for case in _all(officer, "/api/v1/inspections/?year=2022")
                for subject in _all(officer, f"/api/v1/inspections/{case['id']}/subjects/")]
    households = [subject["name"] for subject in subjects if subject["legal_form"] == "household_business"]

    assert len(subjects) == 66 and len(households) == 34
    assert all(name.startswith(("Hộ kinh doanh", "Cửa hàng gas", "Tiệm vàng", "Cửa hàng xăng dầu"))
               for name in households)
    assert not any(name.startswith(("Công ty", "Doanh nghiệp", "Phòng khám", "Bệnh viện")) for name in households)


def test_seed_inspections_twice_creates_nothing_more(seeded):
    counts = (Inspection.objects.count(), InspectionPlan.objects.count(), Subject.objects.count(),
              Finding.objects.count(), Organization.objects.count())

    call_command("seed_inspections", stdout=io.StringIO())

    assert (Inspection.objects.count(), InspectionPlan.objects.count(), Subject.objects.count(),
            Finding.objects.count(), Organization.objects.count()) == counts


def test_the_demo_year_has_one_penalty_decision_of_1_500_000_numbered_in_2022(seeded, client_for):
    officer = client_for(User.objects.get(username="officer"))

    decisions = _all(officer, "/api/v1/penalty-decisions/?year=2022")

    assert len(decisions) == 1
    decision = decisions[0]
    assert decision["total_fine"] == 1_500_000 and decision["payment_status"] == "paid"
    assert decision["violator_name"] == "Công ty TNHH Xăng dầu Hiền Lương"
    assert (decision["violator_legal_form"], decision["sanctioned_as"]) == ("organization", "organization")
    assert decision["decided_on"].startswith("2022-")
    numbers = [(document["number"], document["year"])
               for document in _all(officer, "/api/v1/documents/?kind=penalty_decision")]
    assert numbers == [("01/QĐ-XPHC", 2022)]  # in the series of the year it is dated, not of the seeding day
    assert sum(case_decisions["total_fine"] for case_decisions in decisions) == 1_500_000


def test_the_demo_officer_signs_it_as_deputy_director_by_delegation(seeded):
    decision = PenaltyDecision.objects.get(decided_on__year=2022)

    text = " ".join(pdf_text(document_render(document_id=decision.documents.get().pk).file.open("rb").read()).split())

    assert decision.signer_power.user.username == "officer"
    assert (decision.signer_name, decision.signer_title, decision.signed_for) == ("Nguyễn Văn Minh", "Phó Giám đốc",
                                                                                  "Giám đốc")
    assert "Căn cứ Quyết định số: 08/QĐ-GQXP ngày 04 tháng 01 năm 2022 về việc giao quyền xử phạt" in text
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text
    call_command("seed_inspections", stdout=io.StringIO())
    assert SanctioningPower.objects.count() == 1


def test_the_demo_remedy_stays_open_until_the_technician_records_a_pass_on_the_scale(
        seeded, client_for, django_capture_on_commit_callbacks):
    officer = client_for(User.objects.get(username="officer"))
    technician = client_for(User.objects.get(username="technician"))
    [remedy] = _all(officer, "/api/v1/remedies/")
    assert (remedy["status"], remedy["instrument_serial"]) == ("open", "CB-150-0042")

    with django_capture_on_commit_callbacks(execute=True):
        response = technician.post("/api/v1/verifications/", {
            "instrument": remedy["instrument"], "kind": "periodic", "performed_on": "2026-11-27",
            "procedure": "ĐLVN 13:2019", "result": "pass", "stamp_number": "QT-000777",
            "readings": [{"reference_value": "50", "measured_value": "50.01", "unit": "kg",
                          "max_permissible_error": "0.05"}],
        }, format="json")
    assert response.status_code == 201, response.content

    closed = officer.get(f"/api/v1/remedies/{remedy['id']}/").json()
    assert (closed["status"], closed["closed_by_verification"]) == ("closed", response.json()["id"])
