"""Transcribing a licence issued on paper before the service existed (issue 8, point 5).

POST /api/v1/radiation-licenses/transcribe/ (officers only, multipart with the scan of the paper): the facility
exists and is a hospital or business, the devices are its own, the dates hold together, the facility holds no
other licence in force over the same period, and a paper number is transcribed once. The licence's document
says it is a transcription and carries the paper's number.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certificates.services import document_render
from registry.models import RadiationLicense
from registry.services.radiation.licensing import license_application_submit, license_issue
from tests.pdf_helpers import pdf_text, real_pdf
from tests.registry.radiation_fixtures import make_hospital

pytestmark = pytest.mark.django_db

URL = "/api/v1/radiation-licenses/transcribe/"
PAPER_NUMBER = "127/GP-SKHCN"


def _scan():
    return SimpleUploadedFile("giay-phep.pdf", real_pdf("Giay phep ban giay"), content_type="application/pdf")


def _payload(hospital, **overrides) -> dict:
    today = timezone.localdate()
    data = {"facility": hospital.organization.pk, "paper_number": PAPER_NUMBER,
            "issued_on": (today - timedelta(days=400)).isoformat(),
            "valid_until": (today + timedelta(days=700)).isoformat(),
            "devices": [hospital.ct.pk, hospital.dental.pk], "safety_officer": hospital.safety_officer.pk,
            "conditions": ["Chỉ sử dụng thiết bị tại địa điểm đã đăng ký."], "scan": _scan()}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _post(client, hospital, **overrides):
    return client.post(URL, _payload(hospital, **overrides), format="multipart", HTTP_ACCEPT_LANGUAGE="en")


def test_transcribe_records_the_licence_and_its_document_says_it_is_a_transcription(client_for, officer, hospital):
    response = _post(client_for(officer), hospital)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["paper_number"], body["application"], body["status"]) == (PAPER_NUMBER, None, "active")
    assert sorted(device["id"] for device in body["devices"]) == sorted([hospital.ct.pk, hospital.dental.pk])
    license = RadiationLicense.objects.get(pk=body["id"])
    assert license.paper_scan.name.endswith(".pdf") and "giay-phep" not in license.paper_scan.name
    document = document_render(document_id=body["document"]["id"])
    text = " ".join(pdf_text(document.file.open("rb").read()).split())
    assert "Chuyển đổi từ giấy phép bản giấy" in text
    assert f"bản chuyển đổi từ Giấy phép bản giấy số {PAPER_NUMBER}" in text
    assert license.valid_from.strftime("%d/%m/%Y") in text


def test_transcribe_answers_a_retry_with_the_first_answer(client_for, officer, hospital):
    client, pdf = client_for(officer), real_pdf("Giay phep ban giay")

    def send():
        scan = SimpleUploadedFile("giay-phep.pdf", pdf, content_type="application/pdf")
        return client.post(URL, _payload(hospital, scan=scan), format="multipart", HTTP_IDEMPOTENCY_KEY="paper-127")

    first, again = send(), send()

    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert RadiationLicense.objects.count() == 1


@pytest.mark.parametrize("role", ["business_user", "technician", "inspector"])
def test_transcribe_is_for_officers_only(request, client_for, hospital, role):
    response = _post(client_for(request.getfixturevalue(role)), hospital)

    assert response.status_code == 403
    assert not RadiationLicense.objects.exists()


def _refused(response, field: str) -> str:
    assert response.status_code == 400, response.content[:500]
    assert field in response.json(), response.json()
    assert not RadiationLicense.objects.exists()
    return " ".join(response.json()[field])


def test_transcribe_refuses_an_unknown_facility(client_for, officer, hospital):
    assert _refused(_post(client_for(officer), hospital, facility=2_000_000_000), "facility") == "Unknown facility."


def test_transcribe_refuses_a_facility_of_the_wrong_kind(client_for, officer, hospital, verification_body):
    response = _post(client_for(officer), hospital, facility=verification_body.pk)

    assert _refused(response, "facility") == "Unknown facility."


def test_transcribe_refuses_another_facilitys_device(client_for, officer, hospital):
    other = make_hospital(name="Bệnh viện Đa khoa Triệu Hải")

    response = _post(client_for(officer), hospital, devices=[hospital.ct.pk, other.ct.pk])

    assert _refused(response, "devices") == "List at least one device, each one of this facility."


def test_transcribe_refuses_an_issue_date_in_the_future(client_for, officer, hospital):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = _post(client_for(officer), hospital, issued_on=tomorrow.isoformat())

    assert _refused(response, "issued_on").startswith("Enter a date on or before")


def test_transcribe_refuses_a_licence_ending_before_it_starts(client_for, officer, hospital):
    today = timezone.localdate()

    response = _post(client_for(officer), hospital, issued_on=(today - timedelta(days=10)).isoformat(),
                     valid_until=(today - timedelta(days=20)).isoformat())

    assert _refused(response, "valid_until") == "A licence must end after the day it was issued."


def test_transcribe_refuses_an_expired_paper_licence(client_for, officer, hospital):
    today = timezone.localdate()

    response = _post(client_for(officer), hospital, valid_until=(today - timedelta(days=1)).isoformat())

    assert _refused(response, "valid_until") == (
        "This paper licence has expired: the facility applies for a new licence instead.")


def test_transcribe_refuses_a_facility_holding_a_licence_in_force(client_for, officer, hospital):
    application = license_application_submit(
        actor=hospital.user, kind="new", device_ids=[hospital.ct.pk], safety_officer_id=hospital.safety_officer.pk,
        dosimetry_provider="Viện KH&KT hạt nhân", dosimetry_contract_number="HĐ-1")
    issued = license_issue(actor=officer, application_id=application.pk)

    response = _post(client_for(officer), hospital)

    assert response.status_code == 400
    assert "which overlaps this one" in response.json()["facility"][0]
    assert list(RadiationLicense.objects.all()) == [issued]


def test_transcribe_refuses_a_paper_number_already_transcribed(client_for, officer, hospital):
    client = client_for(officer)
    other = make_hospital(name="Phòng khám Đa khoa Gio Linh")
    assert _post(client, other).status_code == 201

    response = _post(client, hospital, paper_number=" 127/gp-skhcn\u200b")

    assert response.status_code == 400
    assert response.json()["paper_number"] == ["A paper licence with this number was already transcribed."]
    assert RadiationLicense.objects.count() == 1


def test_transcribe_refuses_a_scan_that_is_not_a_document(client_for, officer, hospital):
    script = SimpleUploadedFile("giay-phep.pdf", b"#!/bin/sh\necho", content_type="application/pdf")

    assert _refused(_post(client_for(officer), hospital, scan=script), "scan")
