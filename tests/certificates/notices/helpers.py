"""What the notice tests share: a fixed scan day and instruments due some days after it."""

from datetime import date, timedelta

from certificates.notices.models import Notice
from registry.models import Instrument
from tests.factories import InstrumentFactory

TODAY = date(2026, 6, 15)  # a scan day in the past, so dates are stable


def due_in(days: int, **kwargs) -> Instrument:
    """An instrument whose verification (12-month cycle) ends `days` after TODAY."""
    instrument = InstrumentFactory(**kwargs)
    Instrument.objects.filter(pk=instrument.pk).update(last_result="pass", valid_until=TODAY + timedelta(days=days),
                                                       last_verified_on=TODAY - timedelta(days=300))
    return instrument


def stages_of(instrument, kind: str = "instrument_verification") -> list[str]:
    return sorted(Notice.objects.filter(subject_id=instrument.pk, kind=kind).values_list("stage", flat=True))
