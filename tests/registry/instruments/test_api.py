"""The instrument register's API: the catalogue, instruments, verifications, lookups and history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Document
from registry.models import Instrument, InstrumentType, Verification
from tests.factories import InstrumentFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _instrument_payload(owner_org, **overrides):
    payload = {
        "instrument_type": InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE").pk,
        "serial_number": "SN0100001", "manufacturer": "Công ty TNHH Thiết bị Đo lường Sông Hồng",
        "model": "TSC-60", "owner": owner_org.pk, "location": "Hộ kinh doanh số 1, chợ Đồng Xuân",
        "accuracy_class": "III", "measuring_range": "Max = 60 kg; d = 0,01 kg",
    }
    return {**payload, **overrides}


def _verification_payload(instrument_obj, **overrides):
    payload = {
        "instrument": instrument_obj.pk, "kind": "periodic",
        "performed_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "procedure": "ĐLVN 15:2009", "result": "pass", "stamp_number": "700001",
        "readings": [
            {"reference_value": "5.000", "measured_value": "5.002", "unit": "kg", "max_permissible_error": "0.010"},
            {"reference_value": "50", "measured_value": "49.996", "unit": "kg", "max_permissible_error": "0.01"},
        ],
    }
    return {**payload, **overrides}


def test_instrument_types_search(client_for, technician, catalog):
    response = client_for(technician).get("/api/v1/instrument-types/", {"search": "Taximet"})

    results = response.json()["results"]
    assert [row["code"] for row in results] == ["TAXIMETER"]
    assert results[0]["verification_cycle_months"] == 18
    assert "03/2024/TT-BKHCN" in results[0]["legal_basis"]


def test_technician_registers_an_instrument(client_for, technician, business_org, catalog):
    response = client_for(technician).post("/api/v1/instruments/", _instrument_payload(business_org), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["verification_status"] == "never_verified"
    assert response.json()["valid_until"] is None


def test_business_registers_only_its_own_instruments(client_for, business_user, catalog):
    other = OrganizationFactory()
    client = client_for(business_user)

    refused = client.post("/api/v1/instruments/", _instrument_payload(other), format="json")
    own = client.post("/api/v1/instruments/", _instrument_payload(business_user.organization), format="json")

    assert refused.status_code == 400 and "owner" in refused.json()
    assert own.status_code == 201


@pytest.mark.parametrize("field, value", [("instrument_type", 999999), ("owner", 999999), ("location", "")])
def test_bad_instrument_input_names_the_field_and_writes_nothing(client_for, technician, business_org, catalog,
                                                                   field, value):
    response = client_for(technician).post(
        "/api/v1/instruments/", _instrument_payload(business_org, **{field: value}), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert Instrument.objects.count() == 0


def test_duplicate_serial_for_same_type_and_manufacturer_is_refused(client_for, technician, business_org, catalog):
    client = client_for(technician)
    client.post("/api/v1/instruments/", _instrument_payload(business_org), format="json")

    again = client.post("/api/v1/instruments/", _instrument_payload(
        business_org, serial_number="sn0100001 ", manufacturer="CÔNG TY TNHH Thiết bị Đo lường Sông Hồng"),
        format="json")

    assert again.status_code == 400
    assert "serial_number" in again.json()
    assert Instrument.objects.count() == 1


def test_same_serial_of_another_manufacturer_is_accepted(client_for, technician, business_org, catalog):
    client = client_for(technician)
    client.post("/api/v1/instruments/", _instrument_payload(business_org), format="json")

    other = client.post("/api/v1/instruments/", _instrument_payload(business_org, manufacturer="Nhơn Hòa"),
                        format="json")

    assert other.status_code == 201


def test_passing_verification_answers_with_valid_until_and_pending_document(client_for, technician, business_org,
                                                                             catalog):
    client = client_for(technician)
    instrument = Instrument.objects.get(pk=client.post(
        "/api/v1/instruments/", _instrument_payload(business_org), format="json").json()["id"])

    response = client.post("/api/v1/verifications/", _verification_payload(instrument), format="json")

    body = response.json()
    assert response.status_code == 201, body
    performed = timezone.localdate() - timedelta(days=3)
    assert body["valid_until"] >= (performed + timedelta(days=365)).isoformat()  # 12-month cycle, to month end
    assert body["document"]["status"] == "pending"
    assert body["document"]["number"].startswith(f"KĐ-{timezone.localdate().year}/")
    assert client.get(f"/api/v1/instruments/{instrument.pk}/").json()["verification_status"] == "valid"


def test_failing_verification_has_no_document_and_marks_instrument_failed(client_for, technician, business_org,
                                                                          catalog):
    client = client_for(technician)
    instrument_id = client.post("/api/v1/instruments/", _instrument_payload(business_org), format="json").json()["id"]

    response = client.post("/api/v1/verifications/", _verification_payload(
        Instrument.objects.get(pk=instrument_id), result="fail"), format="json")

    assert response.status_code == 201
    assert response.json()["document"] is None
    assert response.json()["valid_until"] is None
    assert client.get(f"/api/v1/instruments/{instrument_id}/").json()["verification_status"] == "failed"


@pytest.mark.parametrize("overrides, field", [
    ({"performed_on": "2999-01-01"}, "performed_on"),
    ({"valid_until": "2030-12-31"}, "valid_until"),
    ({"readings": [{"reference_value": "5", "measured_value": "5", "max_permissible_error": "0.1"}]}, "readings"),
    ({"readings": [{"reference_value": "5", "measured_value": "5", "unit": "", "max_permissible_error": "0.1"}]},
     "readings"),
    ({"readings": [{"reference_value": "5", "measured_value": "6", "unit": "kg", "max_permissible_error": "0.1"}]},
     "result"),
    ({"kind": "yearly"}, "kind"),
    ({"result": "ok"}, "result"),
])
def test_bad_verification_input_names_the_field_and_writes_nothing(client_for, technician, catalog, overrides,
                                                                    field):
    instrument = InstrumentFactory(instrument_type=InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE"),
                                   assigned_body=technician.organization)

    response = client_for(technician).post("/api/v1/verifications/", _verification_payload(instrument, **overrides),
                                           format="json")

    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert Verification.objects.count() == 0
    assert Document.objects.count() == 0


def test_validation_errors_speak_the_callers_language(client_for, technician, catalog):
    instrument = InstrumentFactory(instrument_type=InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE"),
                                   assigned_body=technician.organization)
    payload = _verification_payload(instrument, performed_on="2999-01-01")

    english = client_for(technician).post("/api/v1/verifications/", payload, format="json",
                                          HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = client_for(technician).post("/api/v1/verifications/", payload, format="json",
                                             HTTP_ACCEPT_LANGUAGE="vi")

    assert "future" in english.json()["performed_on"][0]
    assert "tương lai" in vietnamese.json()["performed_on"][0]


def test_business_never_sees_another_owners_instrument(client_for, business_user, catalog):
    foreign = InstrumentFactory()
    client = client_for(business_user)

    assert client.get(f"/api/v1/instruments/{foreign.pk}/").status_code == 404
    assert client.get(f"/api/v1/instruments/{foreign.pk}/history/").status_code == 404
    assert client.get("/api/v1/instruments/").json()["count"] == 0


def test_business_cannot_record_verifications(client_for, business_user):
    instrument = InstrumentFactory(owner=business_user.organization)

    response = client_for(business_user).post("/api/v1/verifications/", _verification_payload(instrument),
                                              format="json")

    assert response.status_code == 403


def test_technician_looks_up_by_exact_serial_only_what_its_body_may_verify(client_for, technician):
    assigned = InstrumentFactory(serial_number="ABC-77", assigned_body=technician.organization)
    InstrumentFactory(serial_number="abc 77")  # another owner's, not assigned to this body
    client = client_for(technician)

    found = client.get("/api/v1/instruments/lookup/", {"serial_number": "abc-77"}).json()
    assert [row["id"] for row in found] == [assigned.pk]
    assert client.get("/api/v1/instruments/lookup/", {"serial_number": "ABC 77"}).json() == []


def test_instrument_history_lists_verifications_newest_first(client_for, technician, catalog):
    instrument = InstrumentFactory(instrument_type=InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE"),
                                   assigned_body=technician.organization)
    client = client_for(technician)
    today = timezone.localdate()
    client.post("/api/v1/verifications/", _verification_payload(
        instrument, performed_on=(today - timedelta(days=30)).isoformat(), result="fail", stamp_number=""),
        format="json")
    client.post("/api/v1/verifications/", _verification_payload(
        instrument, performed_on=(today - timedelta(days=2)).isoformat(), kind="after_repair"), format="json")

    history = client.get(f"/api/v1/instruments/{instrument.pk}/history/").json()

    assert [v["result"] for v in history["verifications"]] == ["pass", "fail"]
    assert history["instrument"]["verification_status"] == "valid"
