"""The radiation register over the API: applications and their checks, licences and decisions, doses, scope."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Document
from certificates.services import document_render
from registry.dates import add_months
from registry.models import LicenseApplication, RadiationLicense
from tests.factories import UserFactory
from tests.registry.radiation_fixtures import (
    application_payload,
    file_application,
    issue_license,
    make_hospital,
)

pytestmark = pytest.mark.django_db


def test_new_licence_runs_three_years_and_its_pdf_holds_the_facts(client_for, officer, hospital):
    licence = issue_license(client_for, officer, hospital)

    today = timezone.localdate()
    assert (licence["valid_from"], licence["valid_until"]) == (today.isoformat(), add_months(today, 36).isoformat())
    serials = {hospital.ct.serial_number, hospital.dental.serial_number}
    assert {d["serial_number"] for d in licence["devices"]} == serials
    document = document_render(document_id=licence["document"]["id"])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.file.open("rb").read())).pages)
    for expected in ("GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ", hospital.organization.name, hospital.ct.serial_number,
                     hospital.dental.serial_number, add_months(today, 36).strftime("%d/%m/%Y"), document.number,
                     "Nguyễn Thị Hoa"):
        assert expected in text
    assert document.number.startswith(f"GP-{today.year}/")


def test_stale_ct_verification_and_missing_safety_officer_each_give_a_reason(client_for, catalog):
    stale = make_hospital(verified_days_ago=400)

    response = file_application(client_for(stale.user), stale, safety_officer=None)

    body = response.json()
    assert response.status_code == 400
    assert len(body["non_field_errors"]) == 3  # the CT, the dental unit (both 13 months old), the safety officer
    assert any(stale.ct.serial_number in reason for reason in body["non_field_errors"])
    assert any("8.1.b" in reason for reason in body["non_field_errors"])
    assert RadiationLicense.objects.count() == 0 and Document.objects.count() == 0


def test_a_refused_filing_stays_recorded_and_its_owner_reads_the_reasons(client_for, catalog):
    stale = make_hospital(verified_days_ago=400)
    client = client_for(stale.user)

    refusal = file_application(client, stale, safety_officer=None).json()
    detail = client.get(f"/api/v1/license-applications/{refusal['application']}/").json()
    listed = client.get("/api/v1/license-applications/").json()["results"]

    assert detail["status"] == "refused"
    assert detail["refusal_reasons"] == refusal["non_field_errors"]
    assert [(row["id"], row["status"]) for row in listed] == [(refusal["application"], "refused")]


def test_a_refused_filing_retried_with_its_idempotency_key_files_nothing_more(client_for, catalog):
    stale = make_hospital(verified_days_ago=400)
    client = client_for(stale.user)
    payload = application_payload(stale, safety_officer=None)

    first = client.post("/api/v1/license-applications/", payload, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post("/api/v1/license-applications/", payload, format="json", HTTP_IDEMPOTENCY_KEY="k-1")

    assert (first.status_code, again.status_code) == (400, 400)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert LicenseApplication.objects.filter(facility=stale.organization).count() == 1


def test_a_refused_application_cannot_be_issued(client_for, officer, catalog):
    stale = make_hospital(verified_days_ago=400)
    application = file_application(client_for(stale.user), stale).json()

    response = client_for(officer).post(f"/api/v1/license-applications/{application['application']}/issue", {},
                                        format="json")

    assert response.status_code == 400
    assert RadiationLicense.objects.count() == 0


def test_intra_oral_dental_only_needs_no_safety_officer(client_for, hospital):
    response = file_application(client_for(hospital.user), hospital, devices=[hospital.dental.pk], safety_officer=None)

    assert response.json()["status"] == "submitted", response.json()


def test_missing_dosimetry_contract_is_a_failed_check(client_for, hospital):
    response = file_application(client_for(hospital.user), hospital, dosimetry_contract_number="")
    application = client_for(hospital.user).get(f"/api/v1/license-applications/{response.json()['application']}/")

    assert response.status_code == 400 and len(response.json()["non_field_errors"]) == 1
    assert application.json()["status"] == "refused"
    assert [c["code"] for c in application.json()["checks"] if not c["passed"]] == ["dosimetry-contract"]


def _renewal(client_for, officer, hospital, days_before: int):
    first = issue_license(client_for, officer, hospital)
    end = timezone.localdate() + timedelta(days=days_before)
    RadiationLicense.objects.filter(pk=first["id"]).update(valid_until=end)
    response = file_application(client_for(hospital.user), hospital, kind="renewal", previous_license=first["id"])
    return end, response.json()


def test_renewal_filed_46_days_before_expiry_starts_at_the_old_end(client_for, officer, hospital):
    end, application = _renewal(client_for, officer, hospital, 46)

    licence = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/issue", {},
                                       format="json").json()

    assert application["status"] == "submitted"
    assert licence["valid_from"] == end.isoformat()
    assert licence["valid_until"] == add_months(end, 36).isoformat()


def test_renewal_filed_exactly_45_days_before_expiry_is_in_time(client_for, officer, hospital):
    # Decree 142/2020 Art. 30.1: filed "at least 45 days" before expiry, so day 45 itself is in time.
    end, application = _renewal(client_for, officer, hospital, 45)

    assert application["status"] == "submitted", application
    assert {c["code"]: c["passed"] for c in application["checks"]}["renewal-lead-time"] is True
    licence = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/issue", {},
                                       format="json").json()
    assert licence["valid_from"] == end.isoformat()


def test_renewal_filed_44_days_before_expiry_is_refused_with_the_45_day_reason(client_for, officer, hospital):
    _end, refusal = _renewal(client_for, officer, hospital, 44)

    assert len(refusal["non_field_errors"]) == 1
    assert "45" in refusal["non_field_errors"][0] and "30.1" in refusal["non_field_errors"][0]
    assert LicenseApplication.objects.get(pk=refusal["application"]).status == "refused"
    assert RadiationLicense.objects.count() == 1


def test_amendment_keeps_the_old_end_date_and_replaces_the_old_licence(client_for, officer, hospital):
    first = issue_license(client_for, officer, hospital)

    amended = issue_license(client_for, officer, hospital, kind="amendment", previous_license=first["id"],
                     requested_changes="Bổ sung thiết bị", devices=[hospital.ct.pk])

    assert amended["valid_until"] == first["valid_until"]
    assert RadiationLicense.objects.get(pk=first["id"]).status == "superseded"
    assert Document.objects.get(pk=amended["document"]["id"]).supersedes_id == first["document"]["id"]


def test_processing_deadline_of_a_file_filed_before_tet_skips_the_holidays(client_for, hospital):
    # Tết 2026: Monday 16 to Friday 20 February were public holidays.
    response = file_application(client_for(hospital.user), hospital, filed_on="2026-02-12")

    body = response.json()
    assert body["completeness_deadline"] == "2026-02-26"  # 13 Feb, then 23–26 Feb: 5 working days
    assert body["processing_deadline"] == "2026-04-02"  # 25 working days more, none of them holidays


def test_application_lists_its_checklist(client_for, hospital):
    body = file_application(client_for(hospital.user), hospital).json()

    codes = {item["code"]: item["provided"] for item in body["checklist"]}
    assert codes["application"] is True and codes["verification-certificate"] is False
    assert len(codes) == 11  # Decree 142/2020 Art. 20


def test_suspension_and_revocation_show_on_the_public_page(api_client, client_for, officer, hospital):
    licence = issue_license(client_for, officer, hospital)
    document = document_render(document_id=licence["document"]["id"])
    client = client_for(officer)

    client.post(f"/api/v1/radiation-licenses/{licence['id']}/suspend", {"reason": "Chưa khắc phục kiểm xạ"},
                format="json")
    suspended = api_client.get(f"/api/v1/verify/{document.token}").json()
    client.post(f"/api/v1/radiation-licenses/{licence['id']}/revoke", {"reason": "Vi phạm nghiêm trọng"},
                format="json")
    revoked = api_client.get(f"/api/v1/verify/{document.token}").json()

    assert (suspended["status"], suspended["suspension_reason"]) == ("suspended", "Chưa khắc phục kiểm xạ")
    assert (revoked["status"], revoked["revocation_reason"]) == ("revoked", "Vi phạm nghiêm trọng")


def test_only_officers_decide(client_for, hospital):
    application = file_application(client_for(hospital.user), hospital).json()

    response = client_for(hospital.user).post(f"/api/v1/license-applications/{application['id']}/issue", {},
                                              format="json")

    assert response.status_code == 403
    assert LicenseApplication.objects.get(pk=application["id"]).status == "submitted"


def test_officer_refuses_with_a_reason(client_for, officer, hospital):
    application = file_application(client_for(hospital.user), hospital).json()

    response = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/refuse",
                                        {"reason": "Hồ sơ thiếu biên bản kiểm xạ"}, format="json")

    assert response.json()["status"] == "refused"
    assert response.json()["refusal_reasons"] == ["Hồ sơ thiếu biên bản kiểm xạ"]


def test_dose_over_the_annual_limit_flags_worker_and_facility(client_for, officer, hospital):
    worker = hospital.workers[0]
    client = client_for(hospital.user)
    year = timezone.localdate().year - 1  # a reading is recorded after its period: last year's quarters

    for quarter, dose in enumerate(["12.5", "14.0", "13.1", "11.2"]):
        start = date(year, 1 + 3 * quarter, 1) if quarter < 3 else date(year, 10, 1)
        response = client.post(f"/api/v1/radiation-workers/{worker.pk}/doses",
                               {"period_start": start.isoformat(),
                                "period_end": (add_months(start, 3) - timedelta(days=1)).isoformat(),
                                "hp10_msv": dose}, format="json")
        assert response.status_code == 201, response.json()

    flagged = client.get("/api/v1/radiation-workers/", {"dose_flagged": "true"}).json()["results"]
    alerts = client_for(officer).get("/api/v1/radiation-workers/dose-alerts").json()["results"]
    assert [row["id"] for row in flagged] == [worker.pk]
    assert alerts[0]["facility"] == hospital.organization.pk and alerts[0]["kind"] == "annual"
    assert Decimal(alerts[0]["total_msv"]) == Decimal("50.8")


def test_five_year_average_limit(client_for, hospital):
    worker = hospital.workers[1]
    year = timezone.localdate().year - 1  # five past years: a reading is recorded after its period
    for offset in range(5):
        client_for(hospital.user).post(f"/api/v1/radiation-workers/{worker.pk}/doses", {
            "period_start": f"{year - 4 + offset}-01-01", "period_end": f"{year - 4 + offset}-12-31",
            "hp10_msv": "21"}, format="json")

    alerts = client_for(hospital.user).get("/api/v1/radiation-workers/dose-alerts").json()["results"]

    assert [a["kind"] for a in alerts] == ["five_year_average"]


def test_another_facility_cannot_see_the_worker_or_the_device(client_for, hospital):
    stranger = UserFactory(role="business")

    assert client_for(stranger).get(f"/api/v1/radiation-workers/{hospital.workers[0].pk}/").status_code == 404
    assert client_for(stranger).get(f"/api/v1/radiation-workers/{hospital.workers[0].pk}/doses").status_code == 404
    assert client_for(stranger).get(f"/api/v1/xray-devices/{hospital.ct.pk}/").status_code == 404
    assert client_for(stranger).get("/api/v1/radiation-workers/dose-alerts").json()["results"] == []


def test_inspector_reads_every_register_but_cannot_decide(client_for, inspector, hospital):
    client = client_for(inspector)

    assert client.get("/api/v1/xray-devices/").json()["count"] == 2
    # A well-formed device for a facility in the register: only the inspector's role can refuse it (DESIGN §3: 403).
    refused = client.post("/api/v1/xray-devices/", {
        "facility": hospital.organization.pk, "kind": "ct", "manufacturer": "GE", "model": "Revolution",
        "serial_number": "CT-INSPECTOR-1", "year_made": 2022, "room": "Phòng CT 2"}, format="json")
    assert refused.status_code == 403, refused.json()
    assert client.get("/api/v1/xray-devices/").json()["count"] == 2  # and nothing was written


@pytest.mark.parametrize("url", ["/api/v1/xray-devices/", "/api/v1/radiation-workers/",
                                 "/api/v1/license-applications/", "/api/v1/radiation-licenses/"])
def test_radiation_lists_cost_a_fixed_number_of_queries(client_for, officer, catalog, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_for(officer).get(url).status_code == 200
        return len(queries)

    def grow(n):
        for _ in range(n):
            h = make_hospital(name=f"Phòng khám {timezone.now().timestamp()}")
            issue_license(client_for, officer, h)

    grow(1)
    few = count()
    grow(4)
    assert count() == few


def test_a_scan_is_attached_to_the_file(client_for, hospital):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = file_application(client_for(hospital.user), hospital).json()
    from tests.pdf_helpers import real_pdf

    scan = SimpleUploadedFile("kiem-xa.pdf", real_pdf(), content_type="application/pdf")

    response = client_for(hospital.user).post(f"/api/v1/license-applications/{application['id']}/attachments",
                                              {"item_code": "area-survey", "file": scan}, format="multipart")

    item = next(i for i in response.json()["checklist"] if i["code"] == "area-survey")
    assert response.status_code == 201 and item["provided"] and item["has_file"]


def test_an_attachment_that_is_not_a_scan_is_refused(client_for, hospital):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = file_application(client_for(hospital.user), hospital).json()
    script = SimpleUploadedFile("x.pdf", b"#!/bin/sh\necho", content_type="application/pdf")

    response = client_for(hospital.user).post(f"/api/v1/license-applications/{application['id']}/attachments",
                                              {"item_code": "area-survey", "file": script}, format="multipart")

    assert response.status_code == 400 and "file" in response.json()
