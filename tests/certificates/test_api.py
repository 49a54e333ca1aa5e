"""Documents over HTTP: who may read and download, the officer's actions, the public verification."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Document
from certificates.services import document_render
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(technician, business_org):
    instrument = InstrumentFactory(owner=business_org, serial_number="SN-42", assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")
    return document_render(document_id=verification.documents.get().pk)


def test_owner_users_officers_and_the_issuing_bodys_technicians_download_the_pdf(client_for, issued, business_user,
                                                                                  officer, technician):
    for user in (business_user, officer, technician):
        response = client_for(user).get(f"/api/v1/documents/{issued.pk}/pdf")

        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert f'filename="KD-{issued.year}-{issued.sequence:06d}.pdf"' in response["Content-Disposition"]


def test_anyone_else_gets_404_on_the_pdf(client_for, issued, inspector):
    stranger = UserFactory(role="business")
    other_body = UserFactory(role="technician", organization=OrganizationFactory(kind="verification_body"))

    for user in (stranger, other_body, inspector):
        assert client_for(user).get(f"/api/v1/documents/{issued.pk}/pdf").status_code == 404


def test_other_business_cannot_see_the_document(client_for, issued):
    stranger = UserFactory(role="business")

    assert client_for(stranger).get(f"/api/v1/documents/{issued.pk}/").status_code == 404
    assert client_for(stranger).get("/api/v1/documents/").json()["count"] == 0


def test_document_detail_has_the_contract_fields(client_for, issued, business_user):
    body = client_for(business_user).get(f"/api/v1/documents/{issued.pk}/").json()

    assert {"id", "kind", "number", "status", "sha256", "verify_url", "pdf_url"} <= body.keys()
    assert body["status"] == "issued" and body["kind"] == "verification_certificate"
    assert body["verify_url"].endswith(f"/verify/{issued.token}")
    assert body["pdf_url"].endswith(f"/api/v1/documents/{issued.pk}/pdf")


def test_pending_document_has_no_pdf_yet(client_for, technician, business_org, officer):
    instrument = InstrumentFactory(owner=business_org, assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")

    response = client_for(officer).get(f"/api/v1/documents/{verification.documents.get().pk}/pdf")

    assert response.status_code == 409


def test_public_verify_says_valid_then_revoked(api_client, client_for, issued, officer):
    assert api_client.get(f"/api/v1/verify/{issued.token}").json()["status"] == "valid"

    revoked = client_for(officer).post(f"/api/v1/documents/{issued.pk}/revoke", {"reason": "Tem bị mất"},
                                       format="json")

    assert revoked.status_code == 200
    body = api_client.get(f"/api/v1/verify/{issued.token}").json()
    assert body["status"] == "revoked" and body["revocation_reason"] == "Tem bị mất"
    assert "Đã bị thu hồi" in api_client.get(f"/verify/{issued.token}").content.decode()


def test_public_verify_says_expired_after_valid_until(api_client, issued):
    Document.objects.filter(pk=issued.pk).update(valid_until=timezone.localdate() - timedelta(days=1))

    body = api_client.get(f"/api/v1/verify/{issued.token}").json()

    assert body["status"] == "expired"
    assert {"number", "kind", "status", "valid_until", "subject", "owner"} <= body.keys()


def test_public_verify_says_superseded_and_names_the_replacement(api_client, client_for, issued, officer):
    response = client_for(officer).post(f"/api/v1/documents/{issued.pk}/supersede", {"reason": "Sai địa chỉ"},
                                        format="json")
    document_render(document_id=response.json()["id"])

    body = api_client.get(f"/api/v1/verify/{issued.token}").json()

    assert response.status_code == 201
    assert body["status"] == "superseded" and body["superseded_by"] == response.json()["number"]


def test_unknown_or_unissued_token_is_404(api_client, technician):
    instrument = InstrumentFactory(assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")

    assert api_client.get("/api/v1/verify/no-such-token").status_code == 404
    assert api_client.get(f"/api/v1/verify/{verification.documents.get().token}").status_code == 404
    assert api_client.get("/verify/no-such-token").status_code == 404


def test_public_answer_reveals_no_internal_ids(api_client, issued):
    body = api_client.get(f"/api/v1/verify/{issued.token}").json()

    assert "id" not in body and "token" not in body and "owner_id" not in body


def test_technician_cannot_revoke(client_for, issued, technician):
    response = client_for(technician).post(f"/api/v1/documents/{issued.pk}/revoke", {"reason": "x"}, format="json")

    assert response.status_code == 403


def test_revoke_without_reason_names_the_field(client_for, issued, officer):
    response = client_for(officer).post(f"/api/v1/documents/{issued.pk}/revoke", {}, format="json")

    assert response.status_code == 400 and "reason" in response.json()


def test_the_qr_address_answers_json_to_a_client_that_asks_for_it(api_client, issued):
    page = api_client.get(f"/verify/{issued.token}", HTTP_ACCEPT="text/html")
    as_json = api_client.get(f"/verify/{issued.token}", HTTP_ACCEPT="application/json")

    assert "Còn hiệu lực" in page.content.decode()
    assert as_json.json()["status"] == "valid" and as_json.json()["number"] == issued.number


def test_each_document_filter(client_for, issued, technician, officer, department):
    other_owner_instrument = InstrumentFactory(assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=other_owner_instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")
    pending = verification.documents.get()
    Document.objects.filter(pk=pending.pk).update(kind="expiry_notice", year=issued.year - 1, issuer=department,
                                                  valid_until=issued.valid_until + timedelta(days=400))
    client = client_for(officer)

    def ids(**params) -> set[int]:
        response = client.get("/api/v1/documents/", params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(kind="expiry_notice") == {pending.pk}
    assert ids(status="issued") == {issued.pk}
    assert ids(status=["issued", "pending"]) == {issued.pk, pending.pk}
    assert ids(owner_id=issued.owner_id) == {issued.pk}
    assert ids(issuer_id=department.pk) == {pending.pk}
    assert ids(year=issued.year) == {issued.pk}
    assert ids(number=issued.number.lower()) == {issued.pk}
    assert ids(valid_until_before=(issued.valid_until + timedelta(days=1)).isoformat()) == {issued.pk}
    assert ids(valid_until_after=(issued.valid_until + timedelta(days=1)).isoformat()) == {pending.pk}
