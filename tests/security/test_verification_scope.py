"""Who may record an instrument's verifications: the body that registered it, or the body its owner (or an
officer) assigned it to (Circular 23/2013 Art. 20.1). Another body's technician finds nothing, writes
nothing and gets 404: the attack of issue 7, defect 1, was a `fail` that revoked the owner's certificate."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from certificates.models import Document, DocumentStatus
from certificates.services import document_render
from registry.models import Instrument, InstrumentType, Verification
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _fail_payload(instrument) -> dict:
    return {"instrument": instrument.pk, "kind": "periodic", "performed_on": timezone.localdate().isoformat(),
            "procedure": "ĐLVN 15:2009", "result": "fail"}


@pytest.fixture
def rival(db):
    """A technician of a second designated body, which the owner did not choose."""
    return UserFactory(role="technician", organization=OrganizationFactory(kind="verification_body"))


@pytest.fixture
def certified(technician, business_org, catalog):
    """The owner's scale, assigned to `technician`'s body, with an issued certificate."""
    instrument = InstrumentFactory(owner=business_org, serial_number="SH-001", assigned_body=technician.organization,
                                   instrument_type=InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE"))
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate() - timedelta(days=5),
                                       procedure="ĐLVN 15:2009", result="pass")
    return document_render(document_id=verification.documents.get().pk)


def test_another_bodys_technician_cannot_find_read_or_fail_the_instrument(rival, certified, api_client):
    instrument = certified.subject.instrument
    client = _client(rival)

    assert client.get("/api/v1/instruments/lookup/", {"serial_number": "SH-001"}).json() == []
    assert client.get(f"/api/v1/instruments/{instrument.pk}/").status_code == 404
    assert client.get(f"/api/v1/instruments/{instrument.pk}/history/").status_code == 404
    response = client.post("/api/v1/verifications/", _fail_payload(instrument), format="json")

    assert response.status_code == 404, response.content
    certified.refresh_from_db()
    assert certified.status == DocumentStatus.ISSUED
    assert Verification.objects.count() == 1
    assert api_client.get(f"/api/v1/verify/{certified.token}").json()["status"] == "valid"


def test_an_unknown_instrument_answers_exactly_as_another_owners(rival, catalog):
    foreign = _client(rival).post("/api/v1/verifications/", _fail_payload(InstrumentFactory()), format="json")
    unknown = _client(rival).post("/api/v1/verifications/", {**_fail_payload(InstrumentFactory()),
                                                             "instrument": 987654}, format="json")

    assert unknown.status_code == foreign.status_code == 404
    assert unknown.json() == foreign.json()
    assert "instrument" in unknown.json()


def test_the_owner_assigns_its_instrument_to_a_body_which_may_then_verify_it(rival, certified, business_user):
    instrument = certified.subject.instrument

    response = _client(business_user).post(f"/api/v1/instruments/{instrument.pk}/assign/",
                                           {"assigned_body": rival.organization_id}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["assigned_body"] == rival.organization_id
    assert _client(rival).get(f"/api/v1/instruments/{instrument.pk}/history/").status_code == 200
    recorded = _client(rival).post("/api/v1/verifications/", _fail_payload(instrument), format="json")
    assert recorded.status_code == 201, recorded.content
    certified.refresh_from_db()
    assert certified.status == DocumentStatus.REVOKED
    assert instrument.history.first().history_user == business_user


def test_the_body_that_lost_the_assignment_can_no_longer_verify(rival, technician, certified, officer):
    instrument = certified.subject.instrument
    _client(officer).post(f"/api/v1/instruments/{instrument.pk}/assign/", {"assigned_body": rival.organization_id},
                          format="json")

    response = _client(technician).post("/api/v1/verifications/", _fail_payload(instrument), format="json")

    assert response.status_code == 404
    assert Verification.objects.count() == 1


def test_the_body_that_registered_an_instrument_verifies_it_without_an_assignment(technician, business_org,
                                                                                   catalog):
    client = _client(technician)
    created = client.post("/api/v1/instruments/", {
        "instrument_type": InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE").pk, "serial_number": "N-1",
        "manufacturer": "Nhơn Hòa", "owner": business_org.pk, "location": "Chợ Cốc Lếu"}, format="json")

    response = client.post("/api/v1/verifications/", _fail_payload(Instrument.objects.get(pk=created.json()["id"])),
                           format="json")

    assert response.status_code == 201, response.content


@pytest.mark.parametrize("who, status", [("technician", 403), ("inspector", 403), ("other_business", 404)])
def test_only_the_owner_or_an_officer_assigns(request, who, status, certified, rival):
    actor = (UserFactory(role="business", organization=OrganizationFactory(kind="business"))
             if who == "other_business" else request.getfixturevalue(who))
    instrument = certified.subject.instrument

    response = _client(actor).post(f"/api/v1/instruments/{instrument.pk}/assign/",
                                   {"assigned_body": rival.organization_id}, format="json")

    assert response.status_code == status
    instrument.refresh_from_db()
    assert instrument.assigned_body_id != rival.organization_id


def test_only_a_verification_body_can_be_assigned(certified, business_user, business_org):
    response = _client(business_user).post(f"/api/v1/instruments/{certified.subject.instrument_id}/assign/",
                                           {"assigned_body": business_org.pk}, format="json")

    assert response.status_code == 400
    assert "assigned_body" in response.json()


def test_a_business_names_the_body_when_it_registers_an_instrument(business_user, rival, catalog):
    response = _client(business_user).post("/api/v1/instruments/", {
        "instrument_type": InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE").pk, "serial_number": "B-9",
        "manufacturer": "Nhơn Hòa", "location": "Kho số 2", "assigned_body": rival.organization_id}, format="json")

    assert response.status_code == 201, response.content
    instrument = Instrument.objects.get(pk=response.json()["id"])
    assert _client(rival).post("/api/v1/verifications/", _fail_payload(instrument), format="json").status_code == 201
    assert Document.objects.count() == 0
