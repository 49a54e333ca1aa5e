"""The demo's 2022 inspections (issue 9 point 8): the seed province's yearly figures read back through the API,
and a second run that creates nothing."""

import io

import pytest
from django.core.management import call_command

from inspections.models import Finding, Inspection, InspectionPlan, Subject
from registry.models import Organization, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(catalog):
    call_command("load_inspection_topics", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_inspections", stdout=io.StringIO())


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


def test_seed_inspections_twice_creates_nothing_more(seeded):
    counts = (Inspection.objects.count(), InspectionPlan.objects.count(), Subject.objects.count(),
              Finding.objects.count(), Organization.objects.count())

    call_command("seed_inspections", stdout=io.StringIO())

    assert (Inspection.objects.count(), InspectionPlan.objects.count(), Subject.objects.count(),
            Finding.objects.count(), Organization.objects.count()) == counts
