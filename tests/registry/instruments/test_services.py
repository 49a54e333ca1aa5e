"""Registry services: valid-until, the legal revision in force, and what a verification does to documents."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates.models import Document, DocumentStatus
from certificates.services import document_render
from registry.models import Instrument, Verification
from registry.services import (
    ReadingInput,
    instrument_register,
    reading_check,
    valid_until_for,
    verification_record,
)
from tests.factories import InstrumentFactory, InstrumentTypeRevisionFactory, assigned_to

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("performed_on, months, expected", [
    (date(2025, 3, 15), 12, date(2026, 3, 31)),
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2023, 12, 1), 2, date(2024, 2, 29)),  # leap year
    (date(2024, 8, 31), 18, date(2026, 2, 28)),
    (date(2024, 11, 5), 72, date(2030, 11, 30)),
    (date(2024, 11, 5), None, None),  # no periodic verification: no expiry
])
def test_valid_until_runs_to_the_last_day_of_the_cycles_month(performed_on, months, expected):
    assert valid_until_for(performed_on=performed_on, cycle_months=months) == expected


def _record(actor, instrument, **overrides):
    arguments = {"kind": "periodic", "performed_on": timezone.localdate() - timedelta(days=1),
                 "procedure": "ĐLVN 15:2009", "result": "pass", "readings": [ReadingInput(
                     Decimal("10"), Decimal("10.001"), "kg", Decimal("0.005"))]}
    assigned_to(instrument, actor)
    return verification_record(actor=actor, instrument_id=instrument.pk, **{**arguments, **overrides})


def test_verification_record_pass_requests_certificate(technician):
    instrument = InstrumentFactory()

    verification = _record(technician, instrument)

    document = Document.objects.get()
    assert document.subject == verification
    assert document.status == DocumentStatus.PENDING
    assert document.owner == instrument.owner and document.issuer == technician.organization
    assert document.valid_until == verification.valid_until


def test_verification_uses_the_revision_in_force_on_its_date(technician):
    instrument = InstrumentFactory()
    InstrumentTypeRevisionFactory(instrument_type=instrument.instrument_type, in_force_from=date(2024, 10, 15),
                                  verification_cycle_months=24, legal_basis="amended")

    before = _record(technician, instrument, performed_on=date(2024, 10, 14), stamp_number="1")
    after = _record(technician, instrument, performed_on=date(2024, 10, 15), stamp_number="2")

    assert before.valid_until == date(2025, 10, 31)
    assert after.valid_until == date(2026, 10, 31)
    assert after.type_revision.legal_basis == "amended"


def test_failing_verification_revokes_the_previous_certificate(technician):
    instrument = InstrumentFactory()
    _record(technician, instrument, performed_on=timezone.localdate() - timedelta(days=100))
    first = document_render(document_id=Document.objects.get().pk)

    _record(technician, instrument, result="fail", readings=[])

    first.refresh_from_db()
    assert first.status == DocumentStatus.REVOKED
    assert "không đạt" in first.revocation_reason.lower() or "failed" in first.revocation_reason
    assert Instrument.objects.get(pk=instrument.pk).last_result == "fail"
    assert Document.objects.count() == 1


def test_a_new_pass_supersedes_the_previous_certificate_once_issued(technician):
    instrument = InstrumentFactory()
    _record(technician, instrument, performed_on=timezone.localdate() - timedelta(days=100))
    first = document_render(document_id=Document.objects.get().pk)

    _record(technician, instrument)
    second = document_render(document_id=Document.objects.exclude(pk=first.pk).get().pk)

    first.refresh_from_db()
    assert second.supersedes == first
    assert first.status == DocumentStatus.SUPERSEDED


def test_failed_instrument_can_be_verified_again(technician):
    instrument = InstrumentFactory()
    _record(technician, instrument, result="fail", readings=[], performed_on=timezone.localdate() - timedelta(days=9))

    _record(technician, instrument, kind="after_repair")

    instrument.refresh_from_db()
    assert instrument.last_result == "pass" and instrument.valid_until is not None


def test_verification_cannot_predate_the_last_one(technician):
    instrument = InstrumentFactory()
    _record(technician, instrument, performed_on=timezone.localdate() - timedelta(days=5))

    with pytest.raises(ValidationError) as error:
        _record(technician, instrument, performed_on=timezone.localdate() - timedelta(days=6))

    assert "performed_on" in error.value.message_dict
    assert Verification.objects.count() == 1


def test_a_procedure_is_needed_when_the_catalogue_names_none(technician):
    instrument = InstrumentFactory(instrument_type__revision__procedure="")

    with pytest.raises(ValidationError) as error:
        _record(technician, instrument, procedure="")

    assert "procedure" in error.value.message_dict


def test_the_catalogue_procedure_is_the_default(technician):
    instrument = InstrumentFactory()

    verification = _record(technician, instrument, procedure="")

    assert verification.procedure == "ĐLVN 15:2009"


def test_inspector_cannot_register_instruments(inspector):
    instrument = InstrumentFactory.build()

    with pytest.raises(PermissionDenied):
        instrument_register(actor=inspector, instrument_type_id=1, serial_number="X", manufacturer="Y",
                            owner_id=instrument.owner_id or 1, location="Z")


def test_a_rejected_verification_leaves_no_number_taken(technician):
    _record(technician, InstrumentFactory())
    with pytest.raises(ValidationError):
        _record(technician, InstrumentFactory(), readings=[ReadingInput(Decimal(1), Decimal(3), "kg", Decimal(1))])

    _record(technician, InstrumentFactory())

    assert sorted(Document.objects.values_list("sequence", flat=True)) == [1, 2]


def test_reading_check_refuses_a_pass_outside_the_mpe_with_the_message_the_record_gives(technician):
    outside = ReadingInput(Decimal("20"), Decimal("20.2"), "L", Decimal("0.1"))
    with pytest.raises(ValidationError) as recorded:
        _record(technician, InstrumentFactory(), readings=[ReadingInput(Decimal("1"), Decimal("1"), "L", Decimal(0)),
                                                           outside])

    with pytest.raises(ValidationError) as checked:
        reading_check(number=2, reading=outside, passed=True)

    assert checked.value.message_dict == recorded.value.message_dict == {"result": [
        "Kết quả đo thứ 2 vượt sai số cho phép nên kết quả không thể là Đạt."]}


def test_reading_check_lets_a_fail_have_readings_outside_the_mpe_and_a_pass_have_them_on_its_edge():
    reading_check(number=1, reading=ReadingInput(Decimal("20"), Decimal("20.2"), "L", Decimal("0.1")), passed=False)
    reading_check(number=1, reading=ReadingInput(Decimal("20"), Decimal("19.9"), "L", Decimal("0.1")), passed=True)
