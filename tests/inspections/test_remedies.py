"""Remedies closed by the registry (issue 9 point 6): "have the instrument verified" stays open until a passing
verification is recorded through the registry's own service, which closes it naming that verification; a failed
one leaves it open. The registry never imports inspections: it announces, inspections listens."""

import pytest
from django.utils import timezone

from inspections.models import Remedy, RemedyStatus
from inspections.services.remedies import remedies_reconcile
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


def test_the_sweep_closes_what_a_lost_announcement_left_open(sanction, remedy, technician,
                                                             django_capture_on_commit_callbacks):
    """The announcement lost (its on-commit callback never runs): the hourly sweep closes the remedy all the same,
    naming the pass, and a second run closes nothing more."""
    with django_capture_on_commit_callbacks(execute=False):
        _verify(technician, sanction.instrument, "fail")
        passing = _verify(technician, sanction.instrument, "pass")
    assert Remedy.objects.get(pk=remedy.pk).status == RemedyStatus.OPEN

    assert remedies_reconcile() == 1
    remedy.refresh_from_db()
    assert (remedy.status, remedy.closed_by_verification) == (RemedyStatus.CLOSED, passing)
    assert remedies_reconcile() == 0


def test_the_sweep_leaves_a_remedy_no_pass_answers(sanction, remedy, technician, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _verify(technician, sanction.instrument, "fail")

    assert remedies_reconcile() == 0
    assert Remedy.objects.get(pk=remedy.pk).status == RemedyStatus.OPEN


def test_a_pass_before_the_decision_does_not_answer_it(sanction, remedy):
    """The instrument's old pass (500 days ago: why it was expired) is not the verification the decision asks for."""
    assert sanction.instrument.verifications.filter(result="pass").exists()

    assert remedies_reconcile() == 0
    assert Remedy.objects.get(pk=remedy.pk).status == RemedyStatus.OPEN
