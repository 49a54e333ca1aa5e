"""Evidence of findings (issue 9 point 2): checked by content, stored under a server-drawn name, served only to
those who see the finding."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inspections.models import Evidence
from inspections.services.cases import finding_record, subject_add
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.conftest import metrology
from tests.pdf_helpers import real_pdf

pytestmark = pytest.mark.django_db


def _finding(cases, subject=None):
    return finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=(subject or cases.subject).pk,
                          checklist_item_id=metrology().checklist_items.get(code="marking").pk,
                          result="not_conforming", note="Tem kiểm định bị bóc")


def _upload(client, cases, finding, name: str, content: bytes, content_type: str = "application/pdf"):
    return client.post(f"/api/v1/inspections/{cases.case.pk}/evidence",
                       {"finding": finding.pk, "file": SimpleUploadedFile(name, content, content_type)},
                       format="multipart")


def test_a_pdf_is_stored_under_a_server_name_and_served_to_the_team_and_the_business(cases, client_for):
    finding = _finding(cases)
    pdf = real_pdf("Anh chup tem kiem dinh")

    uploaded = _upload(client_for(cases.member), cases, finding, "../../tem<script>.pdf", pdf)

    assert uploaded.status_code == 201, uploaded.json()
    evidence = Evidence.objects.get()
    assert evidence.file.name.startswith("inspections/evidence/") and evidence.file.name.endswith(".pdf")
    assert "tem" not in evidence.file.name.rsplit("/", 1)[-1]
    assert (evidence.content_type, evidence.size) == ("application/pdf", len(pdf))
    for user in (cases.leader, cases.business, cases.officer):
        download = client_for(user).get(f"/api/v1/inspections/{cases.case.pk}/evidence/{evidence.pk}")
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == pdf
        assert download["X-Content-Type-Options"] == "nosniff"


def test_html_dressed_as_a_pdf_is_refused_and_nothing_is_stored(cases, client_for):
    finding = _finding(cases)

    refused = _upload(client_for(cases.leader), cases, finding, "tem.pdf", b"%PDF-1.4\n<html><script>x</script>")

    assert refused.status_code == 400
    assert list(refused.json()) == ["file"]
    assert not Evidence.objects.exists()


def test_a_file_over_the_bound_is_refused(cases, client_for, settings):
    finding = _finding(cases)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    too_big = b"\x89PNG\r\n\x1a\n" + b"0" * (20 * 1024 * 1024)

    refused = _upload(client_for(cases.leader), cases, finding, "anh.png", too_big, "image/png")

    assert refused.status_code in (400, 413)
    assert not Evidence.objects.exists()


def test_evidence_is_404_to_another_team_another_business_and_a_neighbour_in_the_same_case(cases, client_for):
    neighbour = UserFactory(role="business", organization=OrganizationFactory(name="Quầy cân số 7"))
    subject_add(actor=cases.leader, inspection_id=cases.case.pk, organization_id=neighbour.organization.pk)
    finding = _finding(cases)
    _upload(client_for(cases.leader), cases, finding, "tem.pdf", real_pdf())
    evidence = Evidence.objects.get()

    answers = [client_for(user).get(f"/api/v1/inspections/{cases.case.pk}/evidence/{evidence.pk}").status_code
               for user in (cases.other_inspector, cases.other_business, neighbour)]

    assert answers == [404, 404, 404]


def test_evidence_of_another_case_is_404_through_this_case(cases, client_for):
    finding = _finding(cases)
    _upload(client_for(cases.leader), cases, finding, "tem.pdf", real_pdf())
    evidence = Evidence.objects.get()

    crossed = client_for(cases.officer).get(f"/api/v1/inspections/{cases.other_case.pk}/evidence/{evidence.pk}")

    assert crossed.status_code == 404
