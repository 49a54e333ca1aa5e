"""Issue 9's "Done when", walked end to end through the HTTP API with the real pipeline (PostgreSQL, Redis, Celery
worker processes), as its users do it: the officer plans and opens the case, the inspectors of its team record the
findings (the registry pre-fills an expired instrument) and the violation record, the officer decides and records
the payments, the business downloads its documents, a technician's passing verification closes the remedy; others
see none of it; a decision past the limitation is refused; the deadlines are counted over Tết.

Numbers are read from the API (document numbers, the range of the violation type), never hard-coded in a format;
where the test states a number itself, the comment says which law gives it.
"""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from certificates.models import Document
from certificates.pdf import vn_date_words
from inspections import law
from inspections.selectors.catalog import legal_period
from registry.dates import is_working_day
from tests.inspections.conftest import Cases, metrology
from tests.inspections.penalty_fixtures import ORGANISATION_AVERAGE, expired_instrument
from tests.pdf_helpers import pdf_reader, pdf_text, real_pdf, seal_path
from tests.workers.test_pipeline import _issued, _qr_texts

# reset_sequences: the flush between tests recreates content types; with sequences reset they keep their ids,
# which the long-lived worker processes have cached.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]

API = "/api/v1"
MISSING_ID = 2_000_000_000  # an id that never existed


# --- helpers: one request and its expected status; a document read back --------------------------------------------

def _ok(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:2000])
    return response.json()


def _post(client: APIClient, url: str, body: dict, status: int = 201) -> dict:
    return _ok(client.post(f"{API}{url}", body, format="json"), status)


def _download(client: APIClient, document_id: int) -> tuple[dict, bytes, str]:
    """The document as the caller reads it, once a worker issued it; its PDF; the PDF's text with whitespace
    collapsed (a long line wraps where the page ends it)."""
    _issued(document_id)
    document = _ok(client.get(f"{API}/documents/{document_id}/"))
    response = client.get(f"{API}/documents/{document_id}/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    return document, pdf, _flat(pdf_text(pdf))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _open_case(officer: APIClient, *, title: str, leader, members=(), organization_id: int, decision_date: date,
               plan_id: int | None = None) -> dict:
    """The officer creates the case (from a plan, taking its subjects, or naming the subject), names the team and
    issues the check decision (form 4.QĐKTĐL, Circular 28/2013 Art. 5.2): the case opens."""
    body = {"kind": "check", "title": title, "inspecting_body": leader.organization_id}
    body |= {"plan": plan_id} if plan_id else {"topic": metrology().pk, "subjects": [organization_id]}
    case = _post(officer, "/inspections/", body)
    assert case["status"] == "planned"
    team = [{"inspector": leader.pk, "is_leader": True}, *({"inspector": member.pk} for member in members)]
    _post(officer, f"/inspections/{case['id']}/team", {"members": team}, status=200)
    return _post(officer, f"/inspections/{case['id']}/open", {
        "decision_number": f"{case['id']}/QĐ-KTĐL", "decision_date": decision_date.isoformat(),
        "decision_signer_name": "Trần Văn Bình", "decision_signer_title": "Phó Giám đốc"}, status=200)


def _violation(leader: APIClient, case: dict, organization_id: int, violation_type_id: int, *, act_date: date,
               facts: str, instruments=()) -> dict:
    return _post(leader, "/violations/", {
        "inspection": case["id"], "violator": organization_id, "violation_type": violation_type_id,
        "facts": facts, "act_date": act_date.isoformat(), "place": "Chợ Cốc Lếu",
        "instruments": list(instruments)})


def _violation_record(leader: APIClient, case: dict, organization_id: int, *, made_on: date) -> dict:
    """The violation record (MBB01) of one violator, drawn up by the team at the site."""
    return _post(leader, "/violation-records/", {
        "inspection": case["id"], "violator": organization_id, "place": "Chợ Cốc Lếu, phường Cốc Lếu",
        "made_on": made_on.isoformat(), "made_at": "09:30", "ended_at": "10:15",
        "representative_name": "Trần Quốc Bảo", "representative_title": "Giám đốc",
        "violator_statement": "Công ty chưa kịp đưa cân đi kiểm định lại."})


def _decision_body(cases: Cases, record: dict, *, amount: int, decided_on: date, remedies=()) -> dict:
    """The officer's decision over the record's violations: one fine each, signed by the officer (the fixture's, so
    that whatever sanctioning power an officer must hold, this one holds it)."""
    return {"record": record["id"], "decided_on": decided_on.isoformat(),
            "fines": [{"violation": violation, "amount": amount} for violation in record["violations"]],
            "remedies": list(remedies), "signer_name": cases.officer.full_name, "signer_title": "Giám đốc",
            "treasury_account": "7111.0.1057869"}


# --- step 1: the case is opened, the findings recorded (the registry pre-fills the expired instrument) ---------------

def _open_the_case_and_record_findings(cases: Cases, officer: APIClient, leader: APIClient, business: APIClient,
                                       instrument) -> dict:
    today = timezone.localdate()
    plan = _post(officer, "/inspection-plans/", {
        "year": today.year, "topic": metrology().pk, "title": "Kiểm tra nhà nước về đo lường tại các chợ",
        "planned_month": today.month, "inspecting_body": cases.officer.organization_id,
        "subjects": [cases.business.organization_id]})
    case = _open_case(officer, title="Kiểm tra đo lường chợ Cốc Lếu", leader=cases.leader, members=[cases.member],
                      organization_id=cases.business.organization_id, decision_date=today, plan_id=plan["id"])
    assert (case["plan"], case["status"]) == (plan["id"], "open")
    assert [step["to_status"] for step in case["transitions"]] == ["planned", "open"]

    subject = _ok(leader.get(f"{API}/inspections/{case['id']}/subjects"))["results"][0]
    assert subject["organization"]["id"] == cases.business.organization_id  # the plan's subject
    examined = _post(leader, f"/inspections/{case['id']}/items",
                     {"subject": subject["id"], "kind": "instrument", "serial_number": instrument.serial_number})
    assert examined["instrument"] == instrument.pk and examined["registered"] is True

    # The registry answers for itself: the certificate the business itself reads, expired, is the evidence.
    expired = _ok(business.get(f"{API}/verifications/?instrument_id={instrument.pk}"))["results"][0]
    valid_until = date.fromisoformat(expired["valid_until"])
    assert valid_until < today
    [prefilled] = examined["findings"]
    assert (prefilled["checklist_item"]["code"], prefilled["result"], prefilled["prefilled"]) == (
        "verification", "not_conforming", True)
    assert expired["document"]["number"] in prefilled["note"]
    assert valid_until.strftime("%d/%m/%Y") in prefilled["note"]

    marking = metrology().checklist_items.get(code="marking")
    _post(leader, f"/inspections/{case['id']}/findings", {
        "subject": subject["id"], "examined_item": examined["id"], "checklist_item": marking.pk,
        "result": "conforming", "note": "Tem kiểm định còn nguyên vẹn."})
    photo = SimpleUploadedFile("giay-chung-nhan.pdf", real_pdf("Giay chung nhan kiem dinh het han"),
                               "application/pdf")
    evidence = _ok(leader.post(f"{API}/inspections/{case['id']}/evidence",
                               {"finding": prefilled["id"], "file": photo}, format="multipart"), 201)
    recorded = _post(leader, f"/inspections/{case['id']}/record-findings", {}, status=200)
    assert recorded["status"] == "findings_recorded"
    return {"plan": plan, "case": case, "subject": subject, "finding": prefilled, "evidence": evidence}


# --- step 2: the violation record, issued by a worker, downloaded and read back by the business --------------------

def _draw_up_the_violation_record(cases: Cases, leader: APIClient, business: APIClient, case: dict, instrument,
                                  art_10_1) -> tuple[dict, dict, dict]:
    facts = f"Cân đồng hồ lò xo số {instrument.serial_number} đang sử dụng có giấy chứng nhận kiểm định hết hiệu lực."
    violation = _violation(leader, case, cases.business.organization_id, art_10_1.pk, act_date=timezone.localdate(),
                           facts=facts, instruments=[instrument.pk])
    # Decree 119/2017 Art. 10.1 (as amended by Decree 126/2021), as the catalogue holds it.
    assert violation["provision"].startswith("khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP")
    record = _violation_record(leader, case, cases.business.organization_id, made_on=timezone.localdate())
    assert record["violations"] == [violation["id"]]

    document, _pdf, text = _download(business, record["document"]["id"])
    for expected in ("BIÊN BẢN VI PHẠM HÀNH CHÍNH", document["number"], cases.business.organization.name,
                     _flat(violation["provision"]), _flat(facts)):
        assert expected in text, expected
    return violation, record, document


# --- step 3: the decision: a fine outside the range refused with the range, one within it issued -------------------

def _decide(cases: Cases, officer: APIClient, business: APIClient, api_client: APIClient, record: dict, instrument,
            art_10_1) -> tuple[dict, dict]:
    today = timezone.localdate()
    # Decree 119/2017 Art. 10.1: 500.000-1.000.000 đồng for an individual, twice that for an organisation (Law
    # Art. 23 as amended 2020; Decree 119/2017 Art. 3): 1.000.000-2.000.000 đồng.
    allowed = law.violation_fine_range(art_10_1, organization=True)
    assert (allowed.minimum, allowed.maximum) == (1_000_000, 2_000_000)
    refused = officer.post(f"{API}/penalty-decisions/",
                           _decision_body(cases, record, amount=2_500_000, decided_on=today), format="json")
    assert refused.status_code == 400
    assert "1.000.000" in refused.json()["fines"][0] and "2.000.000" in refused.json()["fines"][0]
    assert _ok(officer.get(f"{API}/penalty-decisions/?organization_id={cases.business.organization_id}"))[
        "count"] == 0

    # No circumstance: the fine is the range's average (Decree 118/2021 Art. 9 as amended by Decree 68/2025).
    remedy = {"kind": "verify_instrument", "instrument": instrument.pk,
              "deadline": (today + timedelta(days=30)).isoformat()}
    decision = _post(officer, "/penalty-decisions/", _decision_body(
        cases, record, amount=ORGANISATION_AVERAGE, decided_on=today, remedies=[remedy]))
    assert (decision["total_fine"], decision["payment_status"], decision["paid_amount"]) == (
        ORGANISATION_AVERAGE, "unpaid", 0)
    [remedy] = decision["remedies"]

    document, pdf, text = _download(business, decision["document"]["id"])
    payment_days = legal_period("penalty-payment-deadline", on=today).amount  # 10 days: Law Art. 73.1
    for expected in ("QUYẾT ĐỊNH", document["number"], record["document"]["number"], cases.business.organization.name,
                     f"{law.format_vnd(ORGANISATION_AVERAGE)} đồng",
                     f"Bằng chữ: {law.amount_in_words(ORGANISATION_AVERAGE)}",
                     f"trong thời hạn {payment_days} ngày, kể từ ngày nhận được Quyết định xử phạt",
                     _flat(remedy["text"]),
                     f"Thời hạn thực hiện: đến hết {vn_date_words(date.fromisoformat(remedy['deadline']))}",
                     cases.officer.full_name):
        assert expected in text, expected
    assert instrument.serial_number in remedy["text"]

    last_page = len(pdf_reader(pdf).pages) - 1  # the QR code closes the last page
    seal = Document.objects.get(pk=document["id"]).seal
    assert _qr_texts(pdf, last_page) == [seal]
    assert document["number"] in api_client.get(seal_path(seal)).content.decode()
    token = document["verify_url"].rsplit("/", 1)[1]
    public = _ok(api_client.get(f"{API}/verify/{token}"))
    assert (public["status"], public["number"]) == ("valid", document["number"])
    return decision, document


# --- step 4: the payments, partial first ---------------------------------------------------------------------------

def _pay(officer: APIClient, business: APIClient, decision: dict) -> list[dict]:
    url = f"/penalty-decisions/{decision['id']}/payments/"
    today = timezone.localdate().isoformat()
    first = _post(officer, url, {"paid_on": today, "amount": 1_000_000, "receipt_number": "BL-0001"})
    read = _ok(business.get(f"{API}/penalty-decisions/{decision['id']}/"))
    assert (read["payment_status"], read["paid_amount"]) == ("partly_paid", 1_000_000)
    assert read["total_fine"] - read["paid_amount"] == ORGANISATION_AVERAGE - 1_000_000  # the balance
    assert [d["id"] for d in _ok(business.get(f"{API}/penalty-decisions/?unpaid=true"))["results"]] == [
        decision["id"]]

    rest = _post(officer, url, {"paid_on": today, "amount": ORGANISATION_AVERAGE - 1_000_000,
                                "receipt_number": "BL-0002"})
    read = _ok(business.get(f"{API}/penalty-decisions/{decision['id']}/"))
    assert (read["payment_status"], read["paid_amount"], read["late"]) == ("paid", ORGANISATION_AVERAGE, False)
    assert [p["receipt_number"] for p in _ok(business.get(f"{API}{url}"))["results"]] == ["BL-0001", "BL-0002"]
    return [first, rest]


# --- step 5: the remedy stays open until a technician records a passing verification, which closes it ---------------

def _verify_and_close_the_remedy(business: APIClient, technician: APIClient, remedy_id: int, instrument) -> dict:
    remedy = _ok(business.get(f"{API}/remedies/{remedy_id}/"))
    assert (remedy["status"], remedy["closed_by_verification"]) == ("open", None)

    verification = _post(technician, "/verifications/", {
        "instrument": instrument.pk, "kind": "periodic", "performed_on": timezone.localdate().isoformat(),
        "procedure": "ĐLVN 30:2019", "result": "pass", "stamp_number": "A-002291"})

    remedy = _ok(business.get(f"{API}/remedies/{remedy_id}/"))
    assert (remedy["status"], remedy["closed_by_verification"]) == ("closed", verification["id"])
    assert remedy["closed_at"] is not None
    named = _ok(business.get(f"{API}/verifications/{remedy['closed_by_verification']}/"))
    assert (named["result"], named["document"]["number"]) == ("pass", verification["document"]["number"])
    return remedy


# --- step 7: another business, another team's inspector, the anonymous see none of it -------------------------------

def _assert_hidden(cases: Cases, client_for, api_client: APIClient, made: dict) -> None:
    case, decision = made["case"]["id"], made["decision"]["id"]
    reads = {
        "case": f"/inspections/{case}/", "team": f"/inspections/{case}/team",
        "subject": f"/inspections/{case}/subjects", "finding": f"/inspections/{case}/findings",
        "evidence": f"/inspections/{case}/evidence/{made['evidence']['id']}",
        "violation": f"/violations/{made['violation']['id']}/",
        "violation record": f"/violation-records/{made['record']['id']}/",
        "decision": f"/penalty-decisions/{decision}/", "payments": f"/penalty-decisions/{decision}/payments/",
        "remedy": f"/remedies/{made['remedy']['id']}/",
        **{name: f"/documents/{made[name]['id']}/" for name in ("record document", "decision document")},
        **{f"{name} PDF": f"/documents/{made[name]['id']}/pdf" for name in ("record document", "decision document")},
    }
    today = timezone.localdate().isoformat()
    writes = {
        "a finding": (f"/inspections/{case}/findings", {
            "subject": made["subject"]["id"], "checklist_item": made["finding"]["checklist_item"]["id"],
            "result": "conforming"}),
        "an examined item": (f"/inspections/{case}/items", {
            "subject": made["subject"]["id"], "kind": "instrument", "serial_number": "LA-01", "description": "Cân"}),
        "a payment": (f"/penalty-decisions/{decision}/payments/", {
            "paid_on": today, "amount": 1, "receipt_number": "BL-GIA"}),
        "a revocation": (f"/documents/{made['decision document']['id']}/revoke", {"reason": "Giả mạo"}),
    }
    outsiders = {"another business": client_for(cases.other_business),
                 "another team's inspector": client_for(cases.other_inspector)}
    for who, client in outsiders.items():
        for what, url in reads.items():
            assert client.get(f"{API}{url}").status_code == 404, (who, what)
        for what, (url, body) in writes.items():
            assert client.post(f"{API}{url}", body, format="json").status_code == 404, (who, what)
        for listing in ("violations", "violation-records", "penalty-decisions", "remedies"):
            assert _ok(client.get(f"{API}/{listing}/"))["count"] == 0, (who, listing)
        listed = {d["id"] for d in _ok(client.get(f"{API}/documents/"))["results"]}
        assert not listed & {made["record document"]["id"], made["decision document"]["id"]}, who

    # Naming the case in a create answers as an id that never existed (nothing says the case exists).
    other_inspector = outsiders["another team's inspector"]
    for url in ("/violations/", "/violation-records/"):
        body = {"inspection": case, "violator": cases.business.organization_id, "place": "Chợ Cốc Lếu"} | (
            {"violation_type": made["violation"]["violation_type"], "facts": "Cân sai", "act_date": today}
            if url == "/violations/" else {"made_on": today, "made_at": "09:00", "ended_at": "10:00"})
        named = other_inspector.post(f"{API}{url}", body, format="json")
        unknown = other_inspector.post(f"{API}{url}", body | {"inspection": MISSING_ID}, format="json")
        assert (named.status_code, named.json()) == (unknown.status_code, unknown.json()), url

    # The plan is the department's yearly plan: no team's, so every inspector reads it (the selector's rule and
    # tests/security/test_matrix.py's); a business is not told it in advance (checks may be unannounced).
    plan = f"{API}/inspection-plans/{made['plan']['id']}/"
    assert outsiders["another business"].get(plan).status_code == 404
    assert other_inspector.get(plan).status_code == 200

    # The anonymous get 401 on every route (DESIGN.md §3), the same answer as for an id that never existed.
    for what, url in {"plan": plan.removeprefix(API), **reads}.items():
        assert api_client.get(f"{API}{url}").status_code == 401, what
    assert api_client.get(f"{API}/penalty-decisions/{MISSING_ID}/").status_code == 401
    for what, (url, body) in writes.items():
        assert api_client.post(f"{API}{url}", body, format="json").status_code == 401, what


# --- the procedure -------------------------------------------------------------------------------------------------

def test_the_inspection_procedure_end_to_end(celery_workers, cases, art_10_1, technician, client_for, api_client):
    officer, leader, business = (client_for(user) for user in (cases.officer, cases.leader, cases.business))
    instrument = expired_instrument(cases.business.organization, technician)  # verified 500 days ago: expired

    made = _open_the_case_and_record_findings(cases, officer, leader, business, instrument)
    made["violation"], made["record"], made["record document"] = _draw_up_the_violation_record(
        cases, leader, business, made["case"], instrument, art_10_1)
    made["decision"], made["decision document"] = _decide(cases, officer, business, api_client, made["record"],
                                                          instrument, art_10_1)
    made["payments"] = _pay(officer, business, made["decision"])
    made["remedy"] = _verify_and_close_the_remedy(business, client_for(technician),
                                                  made["decision"]["remedies"][0]["id"], instrument)
    _post(officer, f"/inspections/{made['case']['id']}/close", {}, status=200)

    _assert_hidden(cases, client_for, api_client, made)


# --- step 6: sanctioning is barred one year after the act ------------------------------------------------------------

def test_a_decision_past_the_limitation_period_is_refused_with_the_reason(celery_workers, cases, art_10_1,
                                                                          client_for):
    officer, leader = client_for(cases.officer), client_for(cases.leader)
    today = timezone.localdate()
    case = _open_case(officer, title="Kiểm tra cửa hàng xăng dầu số 5", leader=cases.leader,
                      organization_id=cases.business.organization_id, decision_date=today)
    # An act that ended on Fri 30/05/2025. Law Art. 6.1.a: 1 year (Art. 10.1 of Decree 119/2017 is neither atomic
    # energy nor trading in goods); + 12 months = Sat 30/05/2026, not a working day: the period ends on the next
    # one (Civil Code Art. 148), Mon 01/06/2026.
    _violation(leader, case, cases.business.organization_id, art_10_1.pk, act_date=date(2025, 5, 30),
               facts="Sử dụng cột đo xăng dầu chưa kiểm định từ tháng 5/2025.")
    record = _violation_record(leader, case, cases.business.organization_id, made_on=today)

    refused = officer.post(f"{API}/penalty-decisions/", _decision_body(
        cases, record, amount=ORGANISATION_AVERAGE, decided_on=today), format="json")

    assert refused.status_code == 400
    [reason] = refused.json()["decided_on"]
    assert "01/06/2026" in reason and "Điều 6" in reason
    assert _ok(officer.get(f"{API}/penalty-decisions/?inspection_id={case['id']}"))["count"] == 0


# --- step 8: the deadlines over Tết ----------------------------------------------------------------------------------

# Tết Bính Ngọ 2026, as registry.dates' calendar (the `holidays` package) publishes it: Mon 16 - Fri 20 February
# 2026 are holidays, with the weekends 14-15 and 21-22 nine days off; Fri 13 and Mon 23 are worked.
TET_2026_OFF = [date(2026, 2, 14) + timedelta(days=n) for n in range(9)]


def test_the_decision_and_payment_deadlines_over_tet(celery_workers, cases, art_10_1, client_for):
    assert [day for day in TET_2026_OFF if is_working_day(day)] == []
    assert is_working_day(date(2026, 2, 13)) and is_working_day(date(2026, 2, 23))
    officer, leader = client_for(cases.officer), client_for(cases.leader)
    case = _open_case(officer, title="Kiểm tra trước Tết", leader=cases.leader,
                      organization_id=cases.business.organization_id, decision_date=date(2026, 2, 9))
    _violation(leader, case, cases.business.organization_id, art_10_1.pk, act_date=date(2026, 2, 11),
               facts="Cân đồng hồ lò xo có giấy chứng nhận kiểm định hết hiệu lực.")
    record = _violation_record(leader, case, cases.business.organization_id, made_on=date(2026, 2, 12))

    # Law Art. 66.1: the decision within 7 working days of the record of Thu 12/02: Fri 13 (1); Tết and the
    # weekends to Sun 22; Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5), Fri 27 (6), Mon 02/03 (7).
    late = officer.post(f"{API}/penalty-decisions/", _decision_body(
        cases, record, amount=ORGANISATION_AVERAGE, decided_on=date(2026, 3, 3)), format="json")
    assert late.status_code == 400 and "02/03/2026" in late.json()["decided_on"][0]
    decision = _post(officer, "/penalty-decisions/", _decision_body(
        cases, record, amount=ORGANISATION_AVERAGE, decided_on=date(2026, 2, 13)))

    assert date.fromisoformat(decision["due_on"]) == date(2026, 3, 2)
    # Law Art. 70: sent within 2 working days of the decision of Fri 13/02: Mon 23 (1), Tue 24/02 (2), received.
    assert date.fromisoformat(decision["received_on"]) == date(2026, 2, 24)
    # Law Art. 73.1: paid within 10 calendar days of receipt (Art. 8.1): Tue 24/02 + 10 = Fri 06/03/2026, worked.
    assert date.fromisoformat(decision["payment_due_on"]) == date(2026, 3, 6)
    assert (decision["payment_status"], decision["late"]) == ("unpaid", True)  # unpaid past its due day
