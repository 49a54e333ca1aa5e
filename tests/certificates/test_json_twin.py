"""The JSON twin of a document (issue 11 point 4): the facts its PDF prints, read back from the real PDF with pypdf,
and the statement its QR code will sign; scoped as the PDF is; the same bytes every time."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader

from certificates.models import Document
from certificates.notices.models import NoticeDigest
from certificates.notices.services import notices_scan
from certificates.pdf import vn_date_words
from certificates.services import document_render
from certificates.statement import document_statement
from docseal.verify import first_revision
from registry.models import Instrument, Organization
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from tests.inspections.conftest import art_10_1, cases, topics  # noqa: F401 - fixtures
from tests.inspections.penalty_fixtures import issue_decision, issue_record, sanction  # noqa: F401 - fixture
from tests.pdf_helpers import pdf_text
from tests.registry.radiation_fixtures import issue_license, make_hospital

pytestmark = pytest.mark.django_db

STATEMENT_KEYS = ["version", "kind", "number", "year", "subject", "owner_tax_code", "issued_on", "valid_until",
                  "content_sha256", "kid"]
TWIN_KEYS = ["schema", "id", "kind", "kind_label", "number", "year", "status", "issuer", "owner", "subject_label",
             "issued_on", "valid_until", "pdf_sha256", "statement", "seal", "details"]


def _twin(client, document: Document):
    return client.get(f"/api/v1/documents/{document.pk}/json")


def _pdf(client, document: Document) -> bytes:
    response = client.get(f"/api/v1/documents/{document.pk}/pdf")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _text(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _dmy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _certificate(technician, owner, *, serial: str = "SN-42", render: bool = True) -> Document:
    instrument = InstrumentFactory(owner=owner, serial_number=serial, assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")
    document = verification.documents.get()
    return document_render(document_id=document.pk) if render else document


@pytest.fixture
def certificate(technician, business_org) -> Document:
    return _certificate(technician, business_org)


def _check_envelope(body: dict, document: Document, pdf: bytes) -> None:
    """What every kind's twin says, against the row and the PDF as downloaded."""
    assert list(body) == TWIN_KEYS and list(body["statement"]) == STATEMENT_KEYS
    assert body["schema"] == "document/v1" and body["id"] == document.pk and body["status"] == "issued"
    assert (body["kind"], body["number"], body["year"]) == (document.kind, document.number, document.year)
    assert body["pdf_sha256"] == hashlib.sha256(pdf).hexdigest() == document.sha256
    assert body["issuer"] == {"name": document.issuer.name, "tax_code": document.issuer.tax_code or ""}
    assert body["owner"] == {"name": document.owner.name, "tax_code": document.owner.tax_code or ""}
    statement = body["statement"]
    assert statement == {**document_statement(document)}
    assert (statement["version"], statement["kind"], statement["number"], statement["year"]) == (
        1, document.kind, document.number, document.year)
    assert statement["owner_tax_code"] == document.owner.tax_code
    assert statement["issued_on"] == body["issued_on"] and statement["valid_until"] == body["valid_until"]
    # Sealed: the statement is what the QR's seal signed, bound to the PDF's first revision (the renderer's bytes)
    # and to the issuer's key that also signed the PDF.
    reader = PdfFileReader(io.BytesIO(pdf))
    assert statement["content_sha256"] == hashlib.sha256(first_revision(pdf, reader)).hexdigest()
    assert statement["kid"] == document.signing_key.kid
    assert body["seal"] == document.seal and body["seal"].startswith(settings.PUBLIC_BASE_URL.upper() + "/V/")
    assert "verify_url" not in body["details"] and document.token not in str(body)


def test_a_certificate_s_twin_states_what_its_pdf_prints(client_for, certificate, business_user, business_org):
    client = client_for(business_user)
    response = _twin(client, certificate)

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    pdf = _pdf(client, certificate)
    _check_envelope(body, certificate, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    assert statement["subject"] == "SN-42" == details["serial_number"]
    assert statement["issued_on"] == timezone.localdate(certificate.created_at).isoformat() == details["issued_on"]
    assert statement["valid_until"] == certificate.valid_until.isoformat() == details["valid_until"]
    for printed in (statement["number"], statement["subject"], vn_date_words(certificate.valid_until),
                    vn_date_words(timezone.localdate(certificate.created_at)), details["owner_name"],
                    details["instrument_name"], details["verifier_name"], details["procedure"]):
        assert printed in text, printed
    # The certificate (form 18.GCNKĐ) prints its dates in words and the owner's name and address, not its tax code:
    # the statement names the tax code (SIGNING_DESIGN.md) all the same, but a verifier looking for "dd/mm/yyyy"
    # and the tax code in this kind's text finds neither.
    assert statement["owner_tax_code"] == business_org.tax_code and business_org.tax_code not in text
    assert _dmy(statement["valid_until"]) not in text


def test_a_licence_s_twin_states_what_its_pdf_prints(client_for, officer, catalog):
    hospital = make_hospital()
    licence = issue_license(client_for, officer, hospital)
    document = document_render(document_id=licence["document"]["id"])
    client = client_for(hospital.user)

    body = _twin(client, document).json()

    pdf = _pdf(client, document)
    _check_envelope(body, document, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    assert statement["subject"] == hospital.organization.name == details["licensee_name"]
    assert statement["owner_tax_code"] == hospital.organization.tax_code == details["licensee_tax_code"] != ""
    assert statement["valid_until"] == licence["valid_until"] == details["valid_until"]
    assert statement["issued_on"] == timezone.localdate(document.created_at).isoformat() == details["issued_on"]
    for printed in (statement["number"], statement["subject"], statement["owner_tax_code"],
                    _dmy(statement["valid_until"]), *(device["serial_number"] for device in details["devices"])):
        assert printed in text, printed
    assert {device["serial_number"] for device in details["devices"]} == {hospital.ct.serial_number,
                                                                          hospital.dental.serial_number}


def test_a_penalty_decision_s_twin_states_what_its_pdf_prints(client_for, sanction):  # noqa: F811
    decided_on = timezone.localdate() - timedelta(days=1)
    record = issue_record(sanction.cases, made_on=decided_on)
    document_render(document_id=record.documents.get().pk)
    decision = issue_decision(sanction.cases, record, decided_on=decided_on)
    document = document_render(document_id=decision.documents.get().pk)
    violator = sanction.cases.business.organization
    client = client_for(sanction.cases.business)

    body = _twin(client, document).json()

    pdf = _pdf(client, document)
    _check_envelope(body, document, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    # Dated the day it was decided (its own date, not the day it was requested), as it prints.
    assert statement["issued_on"] == decided_on.isoformat() == details["issued_on"]
    assert decided_on != timezone.localdate(document.created_at)
    assert statement["subject"] == violator.name == details["violator"]["name"]
    assert statement["owner_tax_code"] == violator.tax_code == details["violator"]["enterprise_code"]
    assert statement["valid_until"] is None and body["valid_until"] is None
    assert details["total_fine"] == 1_500_000 and details["record_number"] == record.documents.get().number
    for printed in (statement["number"], statement["subject"], statement["owner_tax_code"], "1.500.000",
                    details["total_fine_words"], details["record_number"]):
        assert printed in text, printed


def test_the_twin_is_the_same_bytes_every_time_and_keeps_what_the_pdf_printed(client_for, certificate,
                                                                               business_user, business_org):
    client = client_for(business_user)
    first = _twin(client, certificate).content

    assert _twin(client, certificate).content == first
    printed_name = business_org.name
    Organization.objects.filter(pk=business_org.pk).update(name="Công ty đã đổi tên")
    body = _twin(client, certificate).json()
    assert body["details"]["owner_name"] == printed_name  # the PDF still says so
    assert body["owner"]["name"] == "Công ty đã đổi tên"  # the register's name today, as /documents/{id}/ says


def test_only_those_who_may_download_the_pdf_read_the_twin(client_for, api_client, certificate, business_user,
                                                           officer, technician):
    for user in (business_user, officer, technician):
        assert _twin(client_for(user), certificate).status_code == 200
    for stranger in (UserFactory(role="business"), UserFactory(role="technician")):
        assert _twin(client_for(stranger), certificate).status_code == 404
        assert client_for(stranger).get(f"/api/v1/documents/{certificate.pk}/pdf").status_code == 404
    assert _twin(api_client, certificate).status_code == 401
    assert _twin(client_for(business_user), Document(pk=certificate.pk + 1000)).status_code == 404


def test_a_pending_document_answers_as_its_pdf_does(client_for, technician, business_org, business_user):
    pending = _certificate(technician, business_org, render=False)
    client = client_for(business_user)

    twin, pdf = _twin(client, pending), client.get(f"/api/v1/documents/{pending.pk}/pdf")

    assert twin.status_code == pdf.status_code == 409
    assert twin.json() == pdf.json() == {"detail": "The document is not issued yet."}


def test_the_subject_key_is_copied_when_the_document_is_requested(technician, business_org):
    document = _certificate(technician, business_org, serial="ABC-0007", render=False)

    assert document.subject_key == "ABC-0007" and document.content_sha256 == "" and document.seal == ""
    assert document.details == ""  # kept when it is rendered
    assert document_statement(document)["subject"] == "ABC-0007"


def test_the_schema_documents_the_twin(api_client):
    schema = api_client.get("/api/schema/?format=json").json()

    [operation] = [operations["get"] for path, operations in schema["paths"].items()
                   if path.rstrip("/") == "/api/v1/documents/{id}/json"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    assert list(component["properties"]) == TWIN_KEYS
    assert operation["description"]


def test_a_violation_record_s_twin_is_dated_the_day_it_was_made(client_for, sanction):  # noqa: F811
    made_on = timezone.localdate() - timedelta(days=2)
    record = issue_record(sanction.cases, made_on=made_on)
    document = document_render(document_id=record.documents.get().pk)
    violator = sanction.cases.business.organization
    client = client_for(sanction.cases.business)

    body = _twin(client, document).json()

    pdf = _pdf(client, document)
    _check_envelope(body, document, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    assert statement["issued_on"] == made_on.isoformat() == details["made_on"]
    assert statement["subject"] == violator.name == details["violator"]["name"]
    for printed in (statement["number"], statement["subject"], statement["owner_tax_code"],
                    *(violation["provision"] for violation in details["violations"])):
        assert printed in text, printed
    assert details["made_at"] == "09:30:00" and details["ended_at"] == "10:15:00"  # times as ISO 8601 too


def test_a_check_record_s_twin_names_the_inspected_organisation(client_for, cases):  # noqa: F811
    held = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=1)
    response = client_for(cases.member).post(
        f"/api/v1/inspections/{cases.case.pk}/subjects/{cases.subject.pk}/check-record/",
        {"held_at": held.isoformat(), "ended_at": (held + timedelta(hours=1)).isoformat(),
         "place": "Cửa hàng xăng dầu số 5", "representative_name": "Hoàng Văn Sơn",
         "representative_title": "Cửa hàng trưởng", "opinion": "Cơ sở thống nhất với kết quả kiểm tra."},
        format="json")
    assert response.status_code == 201, response.json()
    document = document_render(document_id=response.json()["check_record"]["id"])
    client = client_for(cases.business)

    body = _twin(client, document).json()

    pdf = _pdf(client, document)
    _check_envelope(body, document, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    organization = cases.business.organization
    assert statement["subject"] == organization.name == details["establishment_name"]
    assert statement["issued_on"] == held.date().isoformat() == details["held_on"]
    assert details["started_at"] == "08:00:00"
    for printed in (statement["number"], statement["subject"], details["decision_number"],
                    details["representatives"][0]["name"]):
        assert printed in text, printed


def test_a_notice_s_twin_is_dated_the_scan_day_it_reports(client_for, catalog):
    scan_day = timezone.localdate() - timedelta(days=3)
    owner = OrganizationFactory(name="Công ty Cân Đông Hà")
    user = UserFactory(role="business", organization=owner)
    instrument = InstrumentFactory(owner=owner, serial_number="CDH-0031")
    Instrument.objects.filter(pk=instrument.pk).update(last_result="pass", valid_until=scan_day + timedelta(days=7),
                                                       last_verified_on=scan_day - timedelta(days=300))
    notices_scan(as_of=scan_day)
    document = document_render(document_id=NoticeDigest.objects.get(organization=owner).documents.get().pk)
    client = client_for(user)

    body = _twin(client, document).json()

    pdf = _pdf(client, document)
    _check_envelope(body, document, pdf)
    text = _text(pdf)
    statement, details = body["statement"], body["details"]
    assert statement["issued_on"] == scan_day.isoformat() == details["issued_on"]
    assert scan_day != timezone.localdate(document.created_at)  # requested today, dated the day it reports
    assert statement["subject"] == owner.name == details["recipient_name"]
    assert [item["serial_number"] for item in details["items"]] == ["CDH-0031"]
    for printed in (statement["number"], statement["subject"], "CDH-0031", vn_date_words(scan_day)):
        assert printed in text, printed
