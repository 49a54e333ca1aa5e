"""The penalty procedure over HTTP (issue 9 point 7): the team records violations and the record, the officer
decides (a fine outside the range is a 400 naming the range), payments and remedies; the business reads and
downloads its own; another business, another team's inspector get 404 and the anonymous 401."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.services import document_render
from tests.inspections.penalty_fixtures import ORGANISATION_AVERAGE

pytestmark = pytest.mark.django_db


def _violation_body(sanction, art_10_1):
    cases = sanction.cases
    return {"inspection": cases.case.pk, "violator": cases.business.organization_id, "violation_type": art_10_1.pk,
            "facts": "Cân đồng hồ lò xo hết hạn kiểm định", "act_date": timezone.localdate().isoformat(),
            "instruments": [sanction.instrument.pk]}


def _record(client, sanction):
    cases = sanction.cases
    return client.post("/api/v1/violation-records/", {
        "inspection": cases.case.pk, "violator": cases.business.organization_id, "place": "Chợ Cốc Lếu",
        "made_on": timezone.localdate().isoformat(), "made_at": "09:30", "ended_at": "10:00"}, format="json")


def _decision(client, record, sanction, amount):
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    return client.post("/api/v1/penalty-decisions/", {
        "record": record["id"], "decided_on": timezone.localdate().isoformat(), "signer_name": "Nguyễn Văn Minh",
        "signer_title": "Giám đốc", "fines": [{"violation": v, "amount": amount} for v in record["violations"]],
        "remedies": [{"kind": "verify_instrument", "instrument": sanction.instrument.pk, "deadline": deadline}]},
        format="json")


def test_the_procedure_through_the_api(sanction, art_10_1, client_for, api_client):
    cases = sanction.cases
    leader, officer, business = (client_for(user) for user in (cases.leader, cases.officer, cases.business))

    created = leader.post("/api/v1/violations/", _violation_body(sanction, art_10_1), format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["provision"].startswith("khoản 1 Điều 10 Nghị định số 119/2017")
    record = _record(leader, sanction)
    assert record.status_code == 201, record.json()
    assert _record(leader, sanction).status_code == 409
    record = record.json()
    assert len(record["violations"]) == 2 and record["document"]["number"] == "01/BB-VPHC"

    outside = _decision(officer, record, sanction, 2_500_000)
    assert outside.status_code == 400
    assert "1.000.000" in outside.json()["fines"][0] and "2.000.000" in outside.json()["fines"][0]
    decision = _decision(officer, record, sanction, ORGANISATION_AVERAGE)
    assert decision.status_code == 201, decision.json()
    decision = decision.json()
    assert (decision["total_fine"], decision["payment_status"], decision["late"]) == (3_000_000, "unpaid", False)

    paid = officer.post(f"/api/v1/penalty-decisions/{decision['id']}/payments/",
                        {"paid_on": timezone.localdate().isoformat(), "amount": 1_000_000, "receipt_number": "BL-1"},
                        format="json")
    assert paid.status_code == 201
    read = business.get(f"/api/v1/penalty-decisions/{decision['id']}/").json()
    assert (read["payment_status"], read["paid_amount"]) == ("partly_paid", 1_000_000)
    assert business.get(f"/api/v1/penalty-decisions/{decision['id']}/payments/").json()["count"] == 1
    assert business.get("/api/v1/remedies/?status=open").json()["count"] == 1
    assert business.get("/api/v1/penalty-decisions/?unpaid=true").json()["count"] == 1
    assert business.get("/api/v1/penalty-decisions/?status=paid").json()["count"] == 0
    assert business.get(f"/api/v1/violation-records/{record['id']}/").status_code == 200

    document = document_render(document_id=decision["document"]["id"])
    assert business.get(f"/api/v1/documents/{document.pk}/pdf/").status_code == 200
    assert api_client.get(f"/api/v1/verify/{document.token}").status_code == 200


def test_others_get_404_and_the_anonymous_401(sanction, art_10_1, client_for, api_client):
    cases = sanction.cases
    record = _record(client_for(cases.leader), sanction).json()
    decision = _decision(client_for(cases.officer), record, sanction, ORGANISATION_AVERAGE).json()
    remedy = decision["remedies"][0]["id"]
    routes = [f"/api/v1/violations/{sanction.violation.pk}/", f"/api/v1/violation-records/{record['id']}/",
              f"/api/v1/penalty-decisions/{decision['id']}/", f"/api/v1/penalty-decisions/{decision['id']}/payments/",
              f"/api/v1/remedies/{remedy}/"]
    for user in (cases.other_business, cases.other_inspector):
        client = client_for(user)
        for route in routes:
            assert client.get(route).status_code == 404, (user, route)
        assert client.get("/api/v1/penalty-decisions/").json()["count"] == 0
    assert client_for(cases.other_inspector).post(
        f"/api/v1/penalty-decisions/{decision['id']}/payments/",
        {"paid_on": timezone.localdate().isoformat(), "amount": 1, "receipt_number": "X"},
        format="json").status_code == 404
    for route in routes:
        assert api_client.get(route).status_code == 401


def test_the_record_and_decision_documents_are_seen_by_those_who_see_them(sanction, client_for):
    """Under /documents/ too: every inspector reads the registers, but a case's records only its team."""
    cases = sanction.cases
    record = _record(client_for(cases.leader), sanction).json()
    decision = _decision(client_for(cases.officer), record, sanction, ORGANISATION_AVERAGE).json()
    documents = [row["document"]["id"] for row in (record, decision)]

    for user, status in [(cases.leader, 200), (cases.member, 200), (cases.officer, 200), (cases.business, 200),
                         (cases.other_inspector, 404), (cases.other_business, 404)]:
        client = client_for(user)
        for document in documents:
            assert client.get(f"/api/v1/documents/{document}/").status_code == status, (user, document)
        listed = {row["id"] for row in client.get("/api/v1/documents/").json()["results"]}
        assert (set(documents) <= listed) == (status == 200), user


def test_the_business_does_not_see_violations_before_the_record(sanction, client_for):
    business = client_for(sanction.cases.business)
    assert business.get(f"/api/v1/violations/{sanction.violation.pk}/").status_code == 404
    _record(client_for(sanction.cases.leader), sanction)
    assert business.get(f"/api/v1/violations/{sanction.violation.pk}/").status_code == 200


def test_a_business_or_an_inspector_cannot_decide_or_record_payments(sanction, client_for):
    cases = sanction.cases
    record = _record(client_for(cases.leader), sanction).json()
    assert _decision(client_for(cases.leader), record, sanction, ORGANISATION_AVERAGE).status_code == 403
    assert _decision(client_for(cases.business), record, sanction, ORGANISATION_AVERAGE).status_code == 403
