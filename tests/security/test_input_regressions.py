"""Issue 7's reproductions of server errors and accepted bad values (defects 7 and 9), kept as one list.

Each row is one request the attacker or a careless client sent; each answer must be a 400, 404 or 413 in JSON,
naming the field at fault where there is one. None may write anything."""

import json
from dataclasses import dataclass

import pytest
from django.test import override_settings

from registry.models import (
    LicenseApplication,
)
from tests.security.conftest import World, client_for, row_counts

DEEP = "[" * 100_000 + "]" * 100_000


@dataclass
class Case:
    role: str | None  # None: anonymous
    method: str
    url: str  # may name {worker}, {device}, {instrument}
    body: object = None  # a dict is sent as JSON, a str as it is (raw JSON text)
    status: int = 400
    field: str | None = None  # the key the error must name

    def __str__(self):
        return f"{self.method} {self.url[:50]} {str(self.body)[:40]!r}"


def _readings(count: int) -> list[dict]:
    return [{"reference_value": "1", "measured_value": "1", "unit": "V", "max_permissible_error": "1"}] * count


_ORGANIZATION = {"name": "Công ty A", "tax_code": "0100109106", "address": "Số 1", "province": "Lào Cai",
                 "kind": "business"}
_INSTRUMENT = {"instrument_type": "{type}", "manufacturer": "Acme", "owner": "{owner}", "location": "Kho"}
_WORKER = {"full_name": "Nguyễn Văn A", "job": "Kỹ thuật viên"}
_DOSE = {"period_start": "2025-01-01", "period_end": "2025-03-31", "hp10_msv": "1.0"}
_APPLICATION = {"kind": "new", "devices": ["{device}"]}

CASES = [
    # Defect 7: server errors from input.
    Case("officer", "get", "/api/v1/documents/abc/pdf/", status=404),
    Case("officer", "get", "/api/v1/documents/abc/", status=404),
    Case("officer", "post", "/api/v1/documents/abc/revoke/", {"reason": "x"}, status=404),
    Case("officer", "get", "/api/v1/instruments/1e3/history/", status=404),
    Case("officer", "get", "/api/v1/instruments/99999999999999999999999/", status=404),
    Case(None, "get", "/verify/a%00b", status=404),
    Case(None, "get", "/api/v1/verify/a%00b", status=404),
    Case("technician", "get", "/api/v1/instruments/lookup/?serial_number=a%00b", field="serial_number"),
    Case("officer", "post", "/api/v1/organizations/", '{"kind": "\\ud800", "name": "A", "tax_code": "0100109106",'
                                                      ' "address": "B", "province": "C"}', field="kind"),
    Case("officer", "post", "/api/v1/organizations/", {**_ORGANIZATION, "name": "A\x00B"}, field="name"),
    Case(None, "post", "/api/v1/auth/token/", DEEP),
    Case("officer", "post", "/api/v1/organizations/", DEEP),
    Case("officer", "post", "/api/v1/organizations/", {**_ORGANIZATION, "name": json.loads(DEEP[:200] + DEEP[-200:])},
         field="name"),
    Case("technician", "post", "/api/v1/verifications/", {"instrument": "{instrument}", "kind": "periodic",
                                                          "performed_on": "2026-01-05", "result": "pass",
                                                          "readings": _readings(101)}, field="readings"),
    Case("technician", "post", "/api/v1/verifications/", {"instrument": "{instrument}", "kind": "periodic",
                                                          "performed_on": "2026-01-05", "result": "pass",
                                                          "readings": _readings(32_768)}, status=413),
    # Defect 9: bad values accepted.
    Case("business", "post", "/api/v1/license-applications/", {**_APPLICATION, "requested_changes": "x" * 1_000_000},
         field="requested_changes"),
    Case("business", "post", "/api/v1/radiation-workers/{worker}/doses", {**_DOSE, "period_start": "0001-01-01"},
         field="period_start"),
    Case("business", "post", "/api/v1/radiation-workers/{worker}/doses", {**_DOSE, "period_end": "9999-12-31"},
         field="period_end"),
    Case("business", "post", "/api/v1/radiation-workers/", {**_WORKER, "birth_date": "9999-12-31"},
         field="birth_date"),
    Case("officer", "post", "/api/v1/instruments/", {**_INSTRUMENT, "serial_number": "\u200b\u200c\u200d"},
         field="serial_number"),
    Case("officer", "post", "/api/v1/instruments/", {**_INSTRUMENT, "serial_number": "\ufeff"}, field="serial_number"),
    Case("officer", "post", "/api/v1/instruments/", {**_INSTRUMENT, "serial_number": "\u202e \u2066"},
         field="serial_number"),
    Case("business", "post", "/api/v1/xray-devices/", {"kind": "ct", "manufacturer": "GE", "model": "X",
                                                       "serial_number": "\u200f\ufeff"}, field="serial_number"),
    Case("business", "post", "/api/v1/license-applications/", {**_APPLICATION, "previous_license": -1},
         field="previous_license"),
    Case("business", "post", "/api/v1/license-applications/", {**_APPLICATION, "previous_license": 987654},
         field="previous_license"),
    Case("officer", "post", "/api/v1/users/", {"username": "u1", "password": "x-Long-enough-42", "full_name": "U",
                                               "role": "business", "organization": 987654}, field="organization"),
    Case("officer", "post", "/api/v1/instruments/", {**_INSTRUMENT, "serial_number": "S1", "instrument_type": -5},
         field="instrument_type"),
    Case("officer", "post", "/api/v1/organizations/", "x" * 3_000_000, status=413),
    Case("business", "post", "/api/v1/xray-devices/{device}/verifications",
         {"performed_on": "2001-06-01", "body_name": "Trung tâm", "result": "pass"}, field="performed_on"),
    # Defect 13: filters and parameters the operation does not have are refused, not ignored.
    Case("officer", "get", "/api/v1/notices/overdue/?acknowledged=1", field="acknowledged"),
    Case("officer", "get", "/api/v1/notices/overdue/?kind=instrument", field="kind"),
    Case("officer", "get", "/api/v1/notices/?kind=bogus", field="kind"),
]


def _fill(value, world: World):
    names = {"{worker}": world.hospital.workers[0].pk, "{device}": world.hospital.ct.pk,
             "{instrument}": world.instrument.pk, "{type}": world.instrument.instrument_type_id,
             "{owner}": world.hospital.organization.pk}
    if isinstance(value, str):
        for name, pk in names.items():
            value = value.replace(name, str(pk))
        return value
    if isinstance(value, dict):
        return {key: names.get(item, item) if isinstance(item, str) else _fill(item, world)
                for key, item in value.items()}
    if isinstance(value, list):
        return [names.get(item, item) if isinstance(item, str) else _fill(item, world) for item in value]
    return value



@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_a_json_client_error_naming_its_field(case: Case, world: World):
    user = getattr(world, case.role) if case.role else None
    client = client_for(user)
    url = _fill(case.url, world)
    body = case.body if isinstance(case.body, str) else _fill(case.body, world)  # raw text is sent untouched
    before = row_counts()

    if body is None:
        response = getattr(client, case.method)(url, HTTP_ACCEPT="application/json")
    else:
        raw = body if isinstance(body, str) else json.dumps(body)
        response = getattr(client, case.method)(url, data=raw, content_type="application/json")

    assert response.status_code == case.status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    answer = response.json()
    if case.field:
        assert case.field in answer, answer
    assert row_counts() == before


@pytest.mark.django_db
@override_settings(UPLOAD_MAX_BYTES=1000)
def test_an_upload_over_the_limit_is_a_json_413(world: World):
    application = LicenseApplication.objects.create(
        facility=world.hospital.organization, kind="new", filed_on="2026-01-05", submitted_by=world.business,
        completeness_deadline="2026-01-08", processing_deadline="2026-01-20")
    client = client_for(world.business)

    response = client.post(f"/api/v1/license-applications/{application.pk}/attachments",
                           {"item_code": "application", "reference": "x" * 2000}, format="multipart")

    assert response.status_code == 413
    assert "limit_bytes" in response.json()


@pytest.mark.django_db
def test_serials_differing_only_by_invisible_characters_are_one_serial(world: World):
    client = client_for(world.officer)
    payload = {**_fill(_INSTRUMENT, world), "serial_number": "SN-\u200b42\ufeff"}

    first = client.post("/api/v1/instruments/", payload, format="json")
    second = client.post("/api/v1/instruments/", {**payload, "serial_number": "\u202eSN-42"}, format="json")
    found = client.get("/api/v1/instruments/lookup/", {"serial_number": "SN-4\u200d2"})

    assert first.status_code == 201 and first.json()["serial_number"] == "SN-42"
    assert second.status_code == 400 and "serial_number" in second.json()
    assert [row["id"] for row in found.json()] == [first.json()["id"]]
