"""Remedies closed by the registry (issue 9 point 6): "have the instrument verified" stays open until a passing
verification is recorded through the registry's own service, which closes it naming that verification; a failed
one leaves it open. The registry never imports inspections: it announces, inspections listens."""

import pytest
from django.utils import timezone

from inspections.models import RemedyStatus
from registry.services import verification_record
from tests.inspections.penalty_fixtures import issue_decision, issue_record, verify_remedy

pytestmark = pytest.mark.django_db


@pytest.fixture
def remedy(sanction):
    decision = issue_decision(sanction.cases, issue_record(sanction.cases),
                              remedies=[verify_remedy(sanction.instrument)])
    return decision.remedies.get()


def _verify(technician, instrument, result):
    return verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                               performed_on=timezone.localdate(), result=result)


def test_a_passing_verification_closes_the_remedy_naming_it(sanction, remedy, technician,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verification = _verify(technician, sanction.instrument, "pass")

    remedy.refresh_from_db()
    assert (remedy.status, remedy.closed_by_verification) == (RemedyStatus.CLOSED, verification)
    assert remedy.closed_at is not None


def test_a_failed_verification_leaves_it_open(sanction, remedy, technician, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _verify(technician, sanction.instrument, "fail")

    remedy.refresh_from_db()
    assert (remedy.status, remedy.closed_by_verification) == (RemedyStatus.OPEN, None)


def test_nothing_is_announced_before_the_verification_commits(sanction, remedy, technician,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _verify(technician, sanction.instrument, "pass")

    remedy.refresh_from_db()
    assert remedy.status == RemedyStatus.OPEN and callbacks  # closed only once the commit announces it
