"""The check record (biên bản kiểm tra, form 5.BBKT) of a subject through the real pipeline: PostgreSQL, Redis and
a Celery worker process render it; the PDF is read back, its QR decoded and verified (issue 9 point 3)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inspections.models import Subject
from registry.services import verification_record
from tests.factories import InstrumentFactory, assigned_to
from tests.pdf_helpers import pdf_text, qr_texts_by_page
from tests.workers.test_pipeline import _issued

# reset_sequences: the long-lived worker processes cache content types by id (see test_license_pipeline.py).
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def _url(cases, subject=None) -> str:
    return f"/api/v1/inspections/{cases.case.pk}/subjects/{(subject or cases.subject).pk}/check-record/"


def _day() -> dict:
    """An hour's check ending now (kept within today's local date)."""
    ended = timezone.localtime()
    held = max(ended - timedelta(hours=1), ended.replace(hour=0, minute=0, second=0, microsecond=0))
    return {"held_at": held.isoformat(), "ended_at": ended.isoformat()}


def _payload(**overrides) -> dict:
    payload = {**_day(), "place": "Cửa hàng xăng dầu số 5, Quốc lộ 1A, thị trấn Hồ Xá, tỉnh Quảng Trị",
               "representative_name": "Hoàng Văn Sơn", "representative_title": "Cửa hàng trưởng",
               "opinion": "Cơ sở thống nhất với kết quả kiểm tra.",
               "remedies": "Đưa cân đi kiểm định lại", "remedy_deadline": (timezone.localdate() + timedelta(
                   days=30)).isoformat()}
    payload.update(overrides)
    return payload


def _expired_instrument_examined(cases, technician):
    """The subject's scale, verified 500 days ago (expired), examined: the registry pre-fills the finding."""
    instrument = assigned_to(InstrumentFactory(owner=cases.business.organization, serial_number="CAN-0457"),
                             technician)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                        performed_on=timezone.localdate() - timedelta(days=500), result="pass")
    from inspections.services.cases import examined_item_add

    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", serial_number="CAN-0457")
    return instrument


def _pdf(client, document_id: int) -> bytes:
    response = client.get(f"/api/v1/documents/{document_id}/pdf")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_check_record_rendered_by_the_worker_reads_back_and_verifies(celery_workers, cases, technician, client_for,
                                                                     api_client):
    _expired_instrument_examined(cases, technician)

    response = client_for(cases.member).post(_url(cases), _payload(), format="json")

    assert response.status_code == 201, response.json()
    link = response.json()["check_record"]
    assert link["number"] == "01/BB-KT"  # form 5.BBKT: the first check record of the year
    document = _issued(link["id"])
    text = " ".join(pdf_text(_pdf(client_for(cases.business), document.pk)).split())
    for expected in ("BIÊN BẢN KIỂM TRA", document.number, cases.business.organization.name, "CAN-0457",
                     "Không phù hợp", cases.case.decision_number, "Phạm Thị Lan", "Hoàng Văn Sơn",
                     "Đưa cân đi kiểm định lại"):
        assert expected in text, expected
    verify_url = client_for(cases.business).get(f"/api/v1/documents/{document.pk}/").json()["verify_url"]
    assert [url for page in qr_texts_by_page(_pdf(client_for(cases.business), document.pk)) for url in page] == [
        document.seal]
    public = api_client.get(f"/api/v1/verify/{verify_url.rsplit('/', 1)[1]}")
    assert public.status_code == 200 and public.json()["status"] == "valid"


def test_a_refusal_to_sign_is_recorded_with_its_witnesses(celery_workers, cases, client_for):
    witnesses = [{"name": "Phan Văn Lộc", "title": "Công chức", "organization": "UBND thị trấn Hồ Xá"},
                 {"name": "Võ Thị Hạnh"}]

    response = client_for(cases.leader).post(
        _url(cases), _payload(refused_to_sign=True, refusal_reason="Không đồng ý kết quả", witnesses=witnesses),
        format="json")

    assert response.status_code == 201, response.json()
    answer = response.json()
    assert answer["refused_to_sign"] is True
    assert [w["name"] for w in answer["witnesses"]] == ["Phan Văn Lộc", "Võ Thị Hạnh"]
    document = _issued(answer["check_record"]["id"])
    text = " ".join(pdf_text(_pdf(client_for(cases.business), document.pk)).split())
    for expected in ("đại diện cơ sở không ký biên bản", "Không đồng ý kết quả", "Phan Văn Lộc", "Võ Thị Hạnh",
                     "(Không ký biên bản)"):
        assert expected in text, expected


def test_a_refusal_without_witnesses_is_refused_and_writes_nothing(cases, client_for):
    response = client_for(cases.leader).post(_url(cases), _payload(refused_to_sign=True), format="json")

    assert response.status_code == 400
    assert "witnesses" in response.json()
    assert Subject.objects.get(pk=cases.subject.pk).record_issued_at is None
    assert not cases.subject.documents.exists()


def test_a_second_check_record_of_a_subject_is_a_409(celery_workers, cases, client_for):
    first = client_for(cases.leader).post(_url(cases), _payload(), format="json")
    _issued(first.json()["check_record"]["id"])

    second = client_for(cases.member).post(_url(cases), _payload(), format="json")

    assert second.status_code == 409
    assert "subject" in second.json()
    assert cases.subject.documents.count() == 1


def test_another_teams_inspector_and_business_get_404(cases, client_for):
    for caller in (cases.other_inspector, cases.other_business):
        response = client_for(caller).post(_url(cases), _payload(), format="json")

        assert response.status_code == 404, caller
    assert not cases.subject.documents.exists()


def test_another_teams_inspector_does_not_find_the_record_under_documents(cases, client_for):
    document = client_for(cases.leader).post(_url(cases), _payload(), format="json").json()["check_record"]["id"]

    for caller, status in [(cases.member, 200), (cases.business, 200), (cases.other_inspector, 404)]:
        client = client_for(caller)
        assert client.get(f"/api/v1/documents/{document}/").status_code == status, caller
        listed = {row["id"] for row in client.get("/api/v1/documents/").json()["results"]}
        assert (document in listed) == (status == 200), caller


def test_a_subject_of_another_case_is_404(cases, client_for):
    other_subject = cases.other_case.subjects.get()

    response = client_for(cases.leader).post(_url(cases, other_subject), _payload(), format="json")

    assert response.status_code == 404


def test_the_business_and_the_team_download_the_record_others_do_not(celery_workers, cases, client_for):
    answer = client_for(cases.leader).post(_url(cases), _payload(), format="json").json()
    document = _issued(answer["check_record"]["id"])

    listed = client_for(cases.business).get(f"/api/v1/inspections/{cases.case.pk}/subjects/").json()["results"]

    assert listed[0]["check_record"]["number"] == document.number
    assert listed[0]["check_record"]["pdf_url"].endswith(f"/documents/{document.pk}/pdf")
    assert _pdf(client_for(cases.business), document.pk).startswith(b"%PDF")
    # The team prints it to have it signed on site; another team's inspector is told nothing of it.
    assert _pdf(client_for(cases.member), document.pk).startswith(b"%PDF")
    for stranger in (cases.other_business, cases.other_inspector):
        assert client_for(stranger).get(f"/api/v1/documents/{document.pk}/pdf").status_code == 404


def test_an_end_before_the_start_is_a_400_naming_it(cases, client_for):
    day = _day()

    response = client_for(cases.leader).post(
        _url(cases), _payload(held_at=day["ended_at"], ended_at=day["held_at"]), format="json")

    assert response.status_code == 400
    assert "ended_at" in response.json()


def test_a_retried_request_with_its_idempotency_key_answers_the_first_record(celery_workers, cases, client_for):
    client, payload = client_for(cases.leader), _payload()

    first = client.post(_url(cases), payload, format="json", HTTP_IDEMPOTENCY_KEY="bbkt-retry-1")
    again = client.post(_url(cases), payload, format="json", HTTP_IDEMPOTENCY_KEY="bbkt-retry-1")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["check_record"] == first.json()["check_record"]
    assert cases.subject.documents.count() == 1
    _issued(first.json()["check_record"]["id"])
