"""Requests that overlap, on PostgreSQL: each pair or crowd waits at a barrier so that the requests reach the
database together. One record each, no 500, numbers without gaps; an `Idempotency-Key` retry gets the first
answer. (Issue 7, defect 6: two identical verifications gave a 500 or two certificates.)"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from certificates.models import Document, IdempotencyRecord
from registry.models import Instrument, InstrumentType, Organization, User, Verification
from tests.conftest import nothing_enqueued_on_commit
from tests.factories import InstrumentFactory, _tax_code

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROUNDS = 10


def _race(*requests):
    """Run each callable in its own thread (its own database connection), all released at once; returns
    their answers, or the exception a request raised (the test client re-raises a server error)."""
    barrier = threading.Barrier(len(requests))
    answers: list = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait()
            answers[index] = request()
        except Exception as exc:  # a server error is an answer the test reports
            answers[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, request)) for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _poster(user, url, payload, **headers):
    return lambda: _client(user).post(url, payload, format="json", headers=headers)


def _statuses(answers) -> list:
    return sorted(answer.status_code if hasattr(answer, "status_code") else repr(answer) for answer in answers)


@pytest.fixture
def scale(catalog):
    return InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE")


def _verification(instrument, **overrides) -> dict:
    return {"instrument": instrument.pk, "kind": "periodic", "performed_on": timezone.localdate().isoformat(),
            "procedure": "ĐLVN 15:2009", "result": "pass", "stamp_number": "KĐ-01",
            "readings": [{"reference_value": "10", "measured_value": "10.001", "unit": "kg",
                          "max_permissible_error": "0.005"}], **overrides}


def test_two_identical_verifications_at_once_record_one_and_refuse_the_other(technician, scale):
    with nothing_enqueued_on_commit():
        for round_ in range(ROUNDS):
            instrument = InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)
            payload = _verification(instrument)

            answers = _race(*[_poster(technician, "/api/v1/verifications/", payload)] * 2)

            assert _statuses(answers) == [201, 409], (round_, answers)
            conflict = next(answer for answer in answers if answer.status_code == 409)
            assert "performed_on" in conflict.json()
            assert Verification.objects.filter(instrument=instrument).count() == 1
            assert Document.objects.filter(subject_id__in=instrument.verifications.values("pk")).count() == 1


def test_a_pass_and_a_fail_at_once_leave_the_instrument_in_step_with_its_latest_verification(technician, scale):
    with nothing_enqueued_on_commit():
        for _ in range(ROUNDS):
            instrument = InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)

            answers = _race(_poster(technician, "/api/v1/verifications/", _verification(instrument)),
                            _poster(technician, "/api/v1/verifications/", _verification(
                                instrument, result="fail", readings=[])))

            assert _statuses(answers) == [201, 201], answers
            instrument.refresh_from_db()
            latest = instrument.verifications.order_by("-id").first()
            assert instrument.last_verification_id == latest.pk
            assert instrument.last_result == latest.result


def test_the_same_idempotency_key_twice_at_once_gives_one_record_and_the_same_answer(technician, scale):
    with nothing_enqueued_on_commit():
        for round_ in range(ROUNDS):
            instrument = InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)
            request = _poster(technician, "/api/v1/verifications/", _verification(instrument),
                              **{"Idempotency-Key": f"tablet-7-{round_}"})

            answers = _race(request, request)

            assert _statuses(answers) == [201, 201], answers
            assert answers[0].json() == answers[1].json()
            assert {answer.headers.get("Idempotent-Replayed") for answer in answers} == {None, "true"}
            assert Verification.objects.filter(instrument=instrument).count() == 1
    assert IdempotencyRecord.objects.count() == ROUNDS


def test_twenty_verifications_at_once_take_gapless_numbers(technician, scale):
    instruments = [InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)
                   for _ in range(20)]

    with nothing_enqueued_on_commit():
        answers = _race(*[_poster(technician, "/api/v1/verifications/", _verification(instrument))
                          for instrument in instruments])

    assert _statuses(answers) == [201] * 20, answers
    assert sorted(Document.objects.values_list("sequence", flat=True)) == list(range(1, 21))


def test_duplicate_instruments_at_once_register_one(technician, business_org, scale):
    for round_ in range(ROUNDS):
        payload = {"instrument_type": scale.pk, "serial_number": f"DUP-{round_}", "manufacturer": "Nhơn Hòa",
                   "owner": business_org.pk, "location": "Chợ Cốc Lếu"}

        answers = _race(*[_poster(technician, "/api/v1/instruments/", payload)] * 3)

        assert _statuses(answers) == [201, 400, 400], answers
        assert Instrument.objects.filter(serial_number=f"DUP-{round_}").count() == 1


def test_duplicate_organizations_and_users_at_once_create_one(officer, verification_body):
    tax_codes = [code for code in map(_tax_code, range(900, 950)) if len(code) == 10]  # check digit 0-9
    for round_ in range(ROUNDS):
        organization = {"name": f"Công ty {round_}", "tax_code": tax_codes[round_], "address": "Lào Cai",
                        "province": "Lào Cai", "kind": "business"}
        user = {"username": f"kdv{round_}", "password": "Đo-lường-2026!", "full_name": "Lê Quang Huy",
                "role": "technician", "organization": verification_body.pk}

        organizations = _race(*[_poster(officer, "/api/v1/organizations/", organization)] * 2)
        users = _race(*[_poster(officer, "/api/v1/users/", user)] * 2)

        assert _statuses(organizations) == [201, 400], [answer.content for answer in organizations]
        assert _statuses(users) == [201, 400], [answer.content for answer in users]
        assert Organization.objects.filter(name=f"Công ty {round_}").count() == 1
        assert User.objects.filter(username=f"kdv{round_}").count() == 1


def test_a_retry_with_the_same_key_replays_and_another_body_under_that_key_is_a_409(technician, scale):
    first, second = (InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)
                     for _ in range(2))
    client = _client(technician)
    key = {"Idempotency-Key": "f3b1c2d4-retry"}

    with nothing_enqueued_on_commit():
        created = client.post("/api/v1/verifications/", _verification(first), format="json", headers=key)
        retried = client.post("/api/v1/verifications/", _verification(first), format="json", headers=key)
        reused = client.post("/api/v1/verifications/", _verification(second), format="json", headers=key)

    assert created.status_code == retried.status_code == 201
    assert retried.json() == created.json()
    assert reused.status_code == 409
    assert "Idempotency-Key" in reused.json()
    assert Verification.objects.count() == 1


def test_a_failed_request_keeps_no_key_so_its_corrected_retry_runs(technician, scale):
    instrument = InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)
    client = _client(technician)
    key = {"Idempotency-Key": "retry-after-400"}

    with nothing_enqueued_on_commit():
        refused = client.post("/api/v1/verifications/", _verification(
            instrument, performed_on=(timezone.localdate() + timedelta(days=3)).isoformat()),
            format="json", headers=key)
        # The same key with the corrected body: the refused request left nothing behind.
        created = client.post("/api/v1/verifications/", _verification(instrument), format="json", headers=key)

    assert refused.status_code == 400
    assert created.status_code == 201
    assert IdempotencyRecord.objects.count() == 1


@pytest.mark.parametrize("key", ["", "x" * 256, "clé-ü", "a b"])
def test_a_malformed_idempotency_key_is_a_400_naming_the_header(technician, scale, key):
    instrument = InstrumentFactory(instrument_type=scale, assigned_body=technician.organization)

    response = _client(technician).post("/api/v1/verifications/", _verification(instrument), format="json",
                                        headers={"Idempotency-Key": key})

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert Verification.objects.count() == 0
