"""Overdue remedies and unpaid fines feed the daily notices (issue 9 point 6): the scan records one notice per
stage and due date, in the violator's digest, through sources inspections registers with the engine."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.notices.models import Notice
from certificates.notices.services import notices_scan
from certificates.services import document_render
from inspections.services.penalties import payment_record
from tests.inspections.penalty_fixtures import issue_decision, issue_record, verify_remedy
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(sanction):
    return issue_decision(sanction.cases, issue_record(sanction.cases), remedies=[verify_remedy(sanction.instrument)])


def test_a_scan_after_the_deadlines_notices_the_remedy_and_the_fine_once(sanction, decision):
    remedy = decision.remedies.get()
    as_of = max(remedy.deadline, decision.payment_due_on) + timedelta(days=1)

    first = notices_scan(as_of=as_of)
    again = notices_scan(as_of=as_of + timedelta(days=1))

    notices = Notice.objects.filter(kind__in=("remedy_overdue", "fine_unpaid"))
    assert sorted(notices.values_list("kind", "due_date", "organization_id")) == sorted([
        ("fine_unpaid", decision.payment_due_on, decision.violator_id),
        ("remedy_overdue", remedy.deadline, decision.violator_id)])
    assert first.notices >= 2 and again.notices == 0
    assert {notice.digest.organization_id for notice in notices} == {decision.violator_id}


def test_nothing_before_the_deadlines_nor_for_a_paid_fine(sanction, decision):
    payment_record(actor=sanction.cases.officer, decision_id=decision.pk, paid_on=timezone.localdate(),
                   amount=decision.total_fine, receipt_number="BL-1")
    notices_scan(as_of=decision.payment_due_on + timedelta(days=1))
    assert not Notice.objects.filter(kind="fine_unpaid").exists()
    assert not Notice.objects.filter(kind="remedy_overdue").exists()  # its deadline (30 days) is not past


def test_the_digest_pdf_lists_them_in_the_sources_words(sanction, decision):
    notices_scan(as_of=max(decision.remedies.get().deadline, decision.payment_due_on) + timedelta(days=1))
    digest = Notice.objects.get(kind="fine_unpaid").digest

    document = document_render(document_id=digest.documents.get().pk)

    text = " ".join(pdf_text(document.file.open("rb").read()).split())
    for expected in ("Nộp tiền phạt vi phạm hành chính", "Quá hạn nộp tiền phạt", "Biện pháp khắc phục hậu quả",
                     "1.500.000 đồng"):
        assert expected in text, expected
