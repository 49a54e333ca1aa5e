"""A sanction in the making, shared by the penalty tests (issue 9 points 3-6): the business's spring balance whose
verification expired, examined in the leader's case; a violation of Decree 119/2017 Art. 10.1 (1.000.000-2.000.000
đồng for an organisation, 1.500.000 with no circumstance); its record; and the decision of the officer, who holds
the Director's power to sanction (tests/inspections/conftest.py)."""

from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from inspections.models import PenaltyDecision, Violation, ViolationRecord, ViolationType
from inspections.services.cases import examined_item_add
from inspections.services.penalties import (
    FineInput,
    RemedyInput,
    penalty_decision_issue,
    violation_add,
    violation_record_issue,
)
from registry.models import Instrument
from registry.services import verification_record
from tests.factories import InstrumentFactory, assigned_to
from tests.inspections.conftest import Cases

ORGANISATION_AVERAGE = 1_500_000  # (500.000 + 1.000.000) / 2 × 2


def expired_instrument(owner, technician, *, serial: str = "NHS-2291", days_ago: int = 500) -> Instrument:
    instrument = assigned_to(InstrumentFactory(owner=owner, serial_number=serial), technician)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                        performed_on=timezone.localdate() - timedelta(days=days_ago), result="pass")
    instrument.refresh_from_db()
    return instrument


def add_violation(cases: Cases, violation_type: ViolationType, *, instrument: Instrument | None = None,
                  act_date: date | None = None, circumstances=(), actor=None) -> Violation:
    return violation_add(
        actor=actor or cases.leader, inspection_id=cases.case.pk, violator_id=cases.business.organization_id,
        violation_type_id=violation_type.pk, act_date=act_date or timezone.localdate() - timedelta(days=1),
        facts="Cân đồng hồ lò xo số NHS-2291 có chứng chỉ kiểm định hết hiệu lực.", place="Chợ Cốc Lếu",
        instrument_ids=[instrument.pk] if instrument else [], circumstance_ids=[c.pk for c in circumstances])


def issue_record(cases: Cases, *, made_on: date | None = None, actor=None, **extra) -> ViolationRecord:
    return violation_record_issue(
        actor=actor or cases.leader, inspection_id=cases.case.pk, violator_id=cases.business.organization_id,
        place="Chợ Cốc Lếu, phường Cốc Lếu", made_on=made_on or timezone.localdate(), made_at=time(9, 30),
        ended_at=time(10, 15), representative_name="Trần Quốc Bảo", representative_title="Giám đốc", **extra)


def issue_decision(cases: Cases, record: ViolationRecord, *, amount: int = ORGANISATION_AVERAGE,
                   decided_on: date | None = None, remedies=(), **extra) -> PenaltyDecision:
    fines = [FineInput(violation=violation.pk, amount=amount) for violation in record.violations.all()]
    return penalty_decision_issue(
        actor=extra.pop("actor", cases.officer), record_id=record.pk, decided_on=decided_on or timezone.localdate(),
        fines=fines, remedies=list(remedies), treasury_account="7111.0.1057869", **extra)


def verify_remedy(instrument: Instrument, *, days: int = 30) -> RemedyInput:
    return RemedyInput(kind="verify_instrument", instrument=instrument.pk,
                       deadline=timezone.localdate() + timedelta(days=days))


@dataclass
class Sanction:
    cases: Cases
    instrument: Instrument
    violation: Violation


@pytest.fixture
def sanction(cases, technician, art_10_1) -> Sanction:
    """The business's expired spring balance examined in the leader's case, and its violation recorded."""
    instrument = expired_instrument(cases.business.organization, technician)
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", instrument_id=instrument.pk)
    return Sanction(cases, instrument, add_violation(cases, art_10_1, instrument=instrument))
