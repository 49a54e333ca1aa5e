"""Filters of the radiation register's lists, each on its own."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from registry.models import LicenseApplication, RadiationLicense
from tests.registry.radiation_fixtures import (
    file_application,
    issue_license,
    make_hospital,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status, days_left, stored", [
    ("active", 400, "active"), ("expiring", 40, "active"), ("expired", -1, "active"),
    ("suspended", 400, "suspended"), ("revoked", 400, "revoked"),
])
def test_licence_status_filter(client_for, officer, hospital, status, days_left, stored):
    licence = issue_license(client_for, officer, hospital)
    RadiationLicense.objects.filter(pk=licence["id"]).update(
        valid_from=timezone.localdate() - timedelta(days=1000),
        valid_until=timezone.localdate() + timedelta(days=days_left), status=stored,
        status_reason="" if stored == "active" else "lý do")

    found = client_for(officer).get("/api/v1/radiation-licenses/", {"status": status}).json()["results"]

    assert [row["id"] for row in found] == [licence["id"]]
    assert found[0]["list_status"] == status


def test_device_filters(client_for, officer, hospital):
    client = client_for(officer)

    by_kind = client.get("/api/v1/xray-devices/", {"kind": "ct"}).json()["results"]
    by_facility = client.get("/api/v1/xray-devices/", {"facility_id": hospital.organization.pk}).json()["results"]

    assert [row["id"] for row in by_kind] == [hospital.ct.pk]
    assert len(by_facility) == 2


def test_licence_valid_until_range_and_device_kind_filters(client_for, officer, hospital):
    licence = issue_license(client_for, officer, hospital, devices=[hospital.dental.pk], safety_officer=None)
    end = licence["valid_until"]
    client = client_for(officer)

    def ids(**params):
        return [row["id"] for row in client.get("/api/v1/radiation-licenses/", params).json()["results"]]

    assert ids(valid_until_after=end, valid_until_before=end) == [licence["id"]]
    assert ids(valid_until_before=(date.fromisoformat(end) - timedelta(days=1)).isoformat()) == []
    assert ids(device_kind="dental_intraoral") == [licence["id"]]
    assert ids(device_kind="ct") == []


def _filtered(client, url, **params) -> set[int]:
    response = client.get(url, params)
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def test_xray_device_status_validity_and_text_filters(client_for, officer, hospital):
    from registry.models import XrayDevice

    XrayDevice.objects.filter(pk=hospital.dental.pk).update(status="stored",
                                                            valid_until=timezone.localdate() + timedelta(days=400))
    XrayDevice.objects.filter(pk=hospital.ct.pk).update(valid_until=timezone.localdate() + timedelta(days=100))
    client = client_for(officer)
    cut = (timezone.localdate() + timedelta(days=200)).isoformat()

    assert _filtered(client, "/api/v1/xray-devices/", status="stored") == {hospital.dental.pk}
    assert _filtered(client, "/api/v1/xray-devices/", valid_until_before=cut) == {hospital.ct.pk}
    assert _filtered(client, "/api/v1/xray-devices/", valid_until_after=cut) == {hospital.dental.pk}
    assert _filtered(client, "/api/v1/xray-devices/", q="somatom") == {hospital.ct.pk}
    assert _filtered(client, "/api/v1/xray-devices/", q="planmeca") == {hospital.dental.pk}


def test_radiation_worker_filters(client_for, officer, hospital):
    from registry.models import RadiationWorker

    other = make_hospital(name="Phòng khám Đông Hà")
    from registry.services.radiation import dose_reading_record

    year = timezone.localdate().year - 1
    dose_reading_record(actor=hospital.user, worker_id=hospital.workers[1].pk, period_start=date(year, 1, 1),
                        period_end=date(year, 12, 31), hp10_msv=Decimal("60"))  # past the 50 mSv a year
    RadiationWorker.objects.filter(pk=hospital.workers[0].pk).update(active=False)
    client = client_for(officer)
    url = "/api/v1/radiation-workers/"

    assert _filtered(client, url, facility_id=other.organization.pk) == {other.safety_officer.pk,
                                                                          *(w.pk for w in other.workers)}
    assert _filtered(client, url, is_safety_officer="true") == {hospital.safety_officer.pk, other.safety_officer.pk}
    assert _filtered(client, url, dose_flagged="true") == {hospital.workers[1].pk}
    assert _filtered(client, url, active="false") == {hospital.workers[0].pk}


def test_license_application_filters(client_for, officer, hospital):
    other = make_hospital(name="Phòng khám Đông Hà")
    first = file_application(client_for(hospital.user), hospital).json()
    refusal = file_application(client_for(other.user), other, dosimetry_contract_number="")
    assert refusal.status_code == 400  # refused by its checks, and recorded with its reasons
    refused = {"id": refusal.json()["application"]}
    LicenseApplication.objects.filter(pk=refused["id"]).update(kind="amendment",
                                                               processing_deadline=date(2020, 1, 1))
    client = client_for(officer)
    url = "/api/v1/license-applications/"

    assert _filtered(client, url, facility_id=hospital.organization.pk) == {first["id"]}
    assert _filtered(client, url, kind="amendment") == {refused["id"]}
    assert _filtered(client, url, status="refused") == {refused["id"]}
    assert _filtered(client, url, processing_deadline_before="2020-06-30") == {refused["id"]}


def test_radiation_license_filters(client_for, officer, hospital):
    other = make_hospital(name="Phòng khám Đông Hà")
    ct_licence = issue_license(client_for, officer, hospital, devices=[hospital.ct.pk])
    dental_licence = issue_license(client_for, officer, other, devices=[other.dental.pk], safety_officer=None)
    RadiationLicense.objects.filter(pk=dental_licence["id"]).update(
        valid_until=timezone.localdate() + timedelta(days=20))
    client = client_for(officer)
    url = "/api/v1/radiation-licenses/"
    cut = (timezone.localdate() + timedelta(days=60)).isoformat()

    assert _filtered(client, url, facility_id=other.organization.pk) == {dental_licence["id"]}
    assert _filtered(client, url, device_kind="ct") == {ct_licence["id"]}
    assert _filtered(client, url, device_kind="dental_intraoral") == {dental_licence["id"]}
    assert _filtered(client, url, valid_until_before=cut) == {dental_licence["id"]}
    assert _filtered(client, url, valid_until_after=cut) == {ct_licence["id"]}
    assert _filtered(client, url, status="expiring") == {dental_licence["id"]}
    assert _filtered(client, url, status="active") == {ct_licence["id"]}
