"""Plans and cases over HTTP (issue 9): the procedure walked by an officer and the team, a 409 for a step the case
does not allow, a 400 naming the field, 404 for another team's inspector and another business on every case
object (reads and writes), and one row for two POSTs with the same Idempotency-Key."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inspections.models import Finding, Inspection
from registry.services import verification_record
from tests.factories import InstrumentFactory, assigned_to
from tests.inspections.conftest import metrology
from tests.pdf_helpers import real_pdf

pytestmark = pytest.mark.django_db


def _case_payload(cases, **overrides) -> dict:
    return {"kind": "check", "title": "Kiểm tra cân tại chợ Kim Tân", "topic": metrology().pk,
            "inspecting_body": cases.officer.organization_id, "subjects": [cases.business.organization.pk],
            **overrides}


def _item_id(code: str) -> int:
    return metrology().checklist_items.get(code=code).pk


def test_the_procedure_through_the_api_with_an_expired_instrument_prefilled(cases, client_for, technician):
    officer, leader = client_for(cases.officer), client_for(cases.leader)
    instrument = assigned_to(InstrumentFactory(owner=cases.business.organization, serial_number="CAN-0901"),
                             technician)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                        performed_on=timezone.localdate() - timedelta(days=500), result="pass")

    created = officer.post("/api/v1/inspections/", _case_payload(cases), format="json")
    assert created.status_code == 201, created.json()
    case_id = created.json()["id"]
    team = officer.post(f"/api/v1/inspections/{case_id}/team", {"members": [
        {"inspector": cases.leader.pk, "is_leader": True}, {"inspector": cases.member.pk}]}, format="json")
    opened = officer.post(f"/api/v1/inspections/{case_id}/open", {
        "decision_number": "25/QĐ-SKHCN", "decision_date": timezone.localdate().isoformat(),
        "decision_signer_name": "Trần Văn Bình", "decision_signer_title": "Phó Giám đốc"}, format="json")
    subject_id = leader.get(f"/api/v1/inspections/{case_id}/subjects").json()["results"][0]["id"]
    examined = leader.post(f"/api/v1/inspections/{case_id}/items",
                           {"subject": subject_id, "kind": "instrument", "serial_number": " can-0901"}, format="json")
    marking = leader.post(f"/api/v1/inspections/{case_id}/findings", {
        "subject": subject_id, "examined_item": examined.json()["id"], "checklist_item": _item_id("marking"),
        "result": "conforming"}, format="json")
    recorded = leader.post(f"/api/v1/inspections/{case_id}/record-findings", format="json")
    closed = officer.post(f"/api/v1/inspections/{case_id}/close", format="json")

    assert [r.status_code for r in (created, team, opened, examined, marking, recorded, closed)] == [
        201, 200, 200, 201, 201, 200, 200]
    prefilled = examined.json()["findings"]
    assert [(f["checklist_item"]["code"], f["result"], f["prefilled"]) for f in prefilled] == [
        ("verification", "not_conforming", True)]
    assert closed.json()["status"] == "closed"
    assert [step["to_status"] for step in closed.json()["transitions"]] == [
        "planned", "open", "findings_recorded", "closed"]
    seen = client_for(cases.business).get(f"/api/v1/inspections/{case_id}/findings").json()["results"]
    assert {finding["checklist_item"]["code"] for finding in seen} == {"verification", "marking"}


def test_an_illegal_step_is_a_409_naming_the_status(cases, client_for):
    response = client_for(cases.officer).post(f"/api/v1/inspections/{cases.case.pk}/close", format="json")

    assert response.status_code == 409
    assert "status" in response.json()


def test_bad_input_is_a_400_naming_the_field_in_vietnamese(cases, client_for):
    response = client_for(cases.officer).post("/api/v1/inspections/", _case_payload(cases, kind="audit"),
                                              format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["kind"]
    assert "lựa chọn" in response.json()["kind"][0]
    assert not Inspection.objects.filter(title="Kiểm tra cân tại chợ Kim Tân").exists()


def test_a_finding_with_an_unknown_result_is_a_400_naming_it(cases, client_for):
    response = client_for(cases.leader).post(f"/api/v1/inspections/{cases.case.pk}/findings", {
        "subject": cases.subject.pk, "checklist_item": _item_id("marking"), "result": "maybe"}, format="json")

    assert response.status_code == 400 and "result" in response.json()


def test_a_case_plan_is_created_by_an_officer_and_refused_to_an_inspector(cases, client_for):
    payload = {"year": 2022, "topic": metrology().pk, "title": "Kiểm tra đo lường", "planned_month": 6,
               "inspecting_body": cases.officer.organization_id, "subjects": [cases.business.organization.pk]}

    refused = client_for(cases.leader).post("/api/v1/inspection-plans/", payload, format="json")
    created = client_for(cases.officer).post("/api/v1/inspection-plans/", payload, format="json")

    assert (refused.status_code, created.status_code) == (403, 201)
    assert created.json()["subjects"] == [{"id": cases.business.organization.pk,
                                           "name": cases.business.organization.name, "legal_form": "organization"}]


def test_the_topics_list_gives_each_checklist_with_its_legal_basis(cases, client_for):
    topics = client_for(cases.business).get("/api/v1/inspection-topics/").json()["results"]

    metrology_topic = next(topic for topic in topics if topic["code"] == "metrology")
    assert [item["code"] for item in metrology_topic["checklist"]] == [
        "type-approval", "verification", "marking", "storage-use", "metrological-requirements"]
    assert all("28/2013" in item["legal_basis"] for item in metrology_topic["checklist"])


def _every_case_request(case_id: int, subject_id: int, finding_id: int, evidence_id: int):
    """Every route on one case, read and write, with a body that would be accepted from its team."""
    pdf = real_pdf()
    return [
        ("get", f"/api/v1/inspections/{case_id}/", None),
        ("get", f"/api/v1/inspections/{case_id}/team", None),
        ("get", f"/api/v1/inspections/{case_id}/subjects", None),
        ("get", f"/api/v1/inspections/{case_id}/findings", None),
        ("get", f"/api/v1/inspections/{case_id}/evidence/{evidence_id}", None),
        ("post", f"/api/v1/inspections/{case_id}/findings",
         {"subject": subject_id, "checklist_item": _item_id("storage-use"), "result": "conforming"}),
        ("post", f"/api/v1/inspections/{case_id}/items",
         {"subject": subject_id, "kind": "instrument", "serial_number": "X-1", "description": "Cân treo"}),
        ("post", f"/api/v1/inspections/{case_id}/subjects", {"organization": subject_id}),
        ("post", f"/api/v1/inspections/{case_id}/evidence",
         {"finding": finding_id, "file": SimpleUploadedFile("a.pdf", pdf, "application/pdf")}),
        ("post", f"/api/v1/inspections/{case_id}/record-findings", {}),
        ("post", f"/api/v1/inspections/{case_id}/team", {"members": []}),
        ("post", f"/api/v1/inspections/{case_id}/open", {}),
        ("post", f"/api/v1/inspections/{case_id}/close", {}),
    ]


@pytest.mark.parametrize("attacker", ["other_inspector", "other_business"])
def test_another_team_and_another_business_get_404_on_every_case_object(cases, client_for, attacker):
    from inspections.services.cases import evidence_attach, finding_record

    finding = finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             checklist_item_id=_item_id("marking"), result="not_conforming")
    evidence = evidence_attach(actor=cases.leader, inspection_id=cases.case.pk, finding_id=finding.pk,
                               file=SimpleUploadedFile("tem.pdf", real_pdf(), "application/pdf"))
    client = client_for(getattr(cases, attacker))
    before = (Finding.objects.count(), cases.case.subjects.count(), Inspection.objects.get(pk=cases.case.pk).status)

    answers = {}
    for method, url, body in _every_case_request(cases.case.pk, cases.subject.pk, finding.pk, evidence.pk):
        multipart = body is not None and "file" in body
        response = getattr(client, method)(url, body, format="multipart" if multipart else "json") \
            if method == "post" else client.get(url)
        answers[f"{method} {url}"] = response.status_code

    assert set(answers.values()) == {404}, answers
    after = (Finding.objects.count(), cases.case.subjects.count(), Inspection.objects.get(pk=cases.case.pk).status)
    assert after == before


def test_two_identical_posts_with_one_idempotency_key_create_one_case(cases, client_for):
    client = client_for(cases.officer)
    headers = {"HTTP_IDEMPOTENCY_KEY": "case-2022-kim-tan"}

    first = client.post("/api/v1/inspections/", _case_payload(cases), format="json", **headers)
    second = client.post("/api/v1/inspections/", _case_payload(cases), format="json", **headers)

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == second.json()["id"]
    assert Inspection.objects.filter(title="Kiểm tra cân tại chợ Kim Tân").count() == 1


def test_two_identical_findings_with_one_idempotency_key_write_one_row_and_one_history(cases, client_for):
    client = client_for(cases.leader)
    body = {"subject": cases.subject.pk, "checklist_item": _item_id("marking"), "result": "conforming"}
    headers = {"HTTP_IDEMPOTENCY_KEY": "finding-marking-1"}

    for _ in range(2):
        client.post(f"/api/v1/inspections/{cases.case.pk}/findings", body, format="json", **headers)

    finding = Finding.objects.get(subject=cases.subject)
    assert finding.history.count() == 1
