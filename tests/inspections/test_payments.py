"""Payments of a fine (issue 9 point 5): recorded by officers from the treasury's receipt; the decision reads paid,
partly paid or unpaid, and late past its payment due date."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from config.exceptions import Conflict
from inspections.models import PenaltyDecision
from inspections.selectors.penalties import penalty_decision_get
from inspections.services.penalties import payment_record
from tests.inspections.penalty_fixtures import issue_decision, issue_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(sanction) -> PenaltyDecision:
    return issue_decision(sanction.cases, issue_record(sanction.cases))


def _state(officer, decision):
    read = penalty_decision_get(actor=officer, pk=decision.pk)
    return read.payment_status, read.paid_amount, read.late


def test_unpaid_then_partly_then_paid(sanction, decision):
    officer, today = sanction.cases.officer, timezone.localdate()
    assert _state(officer, decision) == ("unpaid", 0, False)
    payment_record(actor=officer, decision_id=decision.pk, paid_on=today, amount=500_000, receipt_number="BL-001")
    assert _state(officer, decision) == ("partly_paid", 500_000, False)
    payment_record(actor=officer, decision_id=decision.pk, paid_on=today, amount=1_000_000, receipt_number="BL-002")
    assert _state(officer, decision) == ("paid", 1_500_000, False)


def test_more_than_the_balance_or_the_same_receipt_twice_is_refused(sanction, decision):
    officer, today = sanction.cases.officer, timezone.localdate()
    payment_record(actor=officer, decision_id=decision.pk, paid_on=today, amount=500_000, receipt_number="BL-001")
    with pytest.raises(ValidationError) as too_much:
        payment_record(actor=officer, decision_id=decision.pk, paid_on=today, amount=1_000_001, receipt_number="X")
    assert "1.000.000" in too_much.value.message_dict["amount"][0]
    with pytest.raises(Conflict):
        payment_record(actor=officer, decision_id=decision.pk, paid_on=today, amount=1, receipt_number="BL-001")
    with pytest.raises(PermissionDenied):
        payment_record(actor=sanction.cases.leader, decision_id=decision.pk, paid_on=today, amount=1,
                       receipt_number="BL-003")


def test_late_past_the_due_date_unpaid_and_when_paid_after_it(sanction, decision):
    officer = sanction.cases.officer
    PenaltyDecision.objects.filter(pk=decision.pk).update(
        decided_on=timezone.localdate() - timedelta(days=30), payment_due_on=timezone.localdate() - timedelta(days=5))
    assert _state(officer, decision) == ("unpaid", 0, True)
    payment_record(actor=officer, decision_id=decision.pk, paid_on=timezone.localdate(), amount=1_500_000,
                   receipt_number="BL-009")
    assert _state(officer, decision) == ("paid", 1_500_000, True)  # paid, but after the due date
