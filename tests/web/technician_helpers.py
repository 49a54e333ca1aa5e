"""What the technician's page tests share: an instrument of the body verified with one reading."""

from decimal import Decimal

from django.utils import timezone

from registry.services import ReadingInput, verification_record
from tests.factories import InstrumentFactory


def record_pass(technician, *, performed_on=None, instrument=None, **instrument_fields):
    """A passing verification of an instrument the technician's body was assigned (a new one unless given)."""
    if instrument is None:
        instrument = InstrumentFactory(assigned_body=technician.organization, **instrument_fields)
    return verification_record(
        actor=technician, instrument_id=instrument.pk, kind="periodic",
        performed_on=performed_on or timezone.localdate(), procedure="ĐLVN 10:2017", result="pass",
        readings=[ReadingInput(Decimal("20"), Decimal("20.04"), "L", Decimal("0.1"))])
