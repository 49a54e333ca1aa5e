"""Penalty decisions (issue 9 point 5): the fine within what the law allows (refused with the range otherwise), the
deadlines computed and enforced over the working-day calendar (Tết), the sanctioning limitation, and the PDF read
back with its QR code verified."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates.services import document_render
from config.exceptions import Conflict
from inspections.models import Circumstance, RemedyStatus
from inspections.selectors.catalog import decision_deadline, payment_deadline
from inspections.services.cases import examined_item_add
from inspections.services.penalties import (
    FineInput,
    penalty_decision_issue,
    violation_add,
    violation_record_issue,
)
from tests.inspections.conftest import make_case
from tests.inspections.penalty_fixtures import (
    ORGANISATION_AVERAGE,
    add_violation,
    expired_instrument,
    issue_decision,
    issue_record,
    verify_remedy,
)
from tests.pdf_helpers import pdf_text, qr_texts_by_page

pytestmark = pytest.mark.django_db


def test_a_fine_outside_the_range_is_refused_naming_the_range(sanction):
    record = issue_record(sanction.cases)
    with pytest.raises(ValidationError) as refused:
        issue_decision(sanction.cases, record, amount=2_500_000)
    message = refused.value.message_dict["fines"][0]
    assert "1.000.000" in message and "2.000.000" in message
    assert not record.__class__.objects.get(pk=record.pk).documents.filter(kind="penalty_decision").exists()


def test_within_the_range_but_not_what_the_rule_allows_is_refused(sanction):
    record = issue_record(sanction.cases)
    with pytest.raises(ValidationError) as refused:
        issue_decision(sanction.cases, record, amount=1_200_000)  # no circumstance: the average, 1.500.000
    assert "1.500.000" in refused.value.message_dict["fines"][0]


def test_one_mitigating_circumstance_opens_the_lower_half(sanction, art_10_1):
    cases = sanction.cases
    mitigating = Circumstance.objects.filter(kind="mitigating").first()
    violation_add(actor=cases.leader, inspection_id=cases.case.pk, violator_id=cases.business.organization_id,
                  violation_type_id=art_10_1.pk, facts="Tái diễn", act_date=timezone.localdate(),
                  circumstance_ids=[mitigating.pk])
    record = issue_record(cases)
    first, second = record.violations.order_by("id")
    decision = penalty_decision_issue(
        actor=cases.officer, record_id=record.pk, decided_on=timezone.localdate(),
        fines=[FineInput(first.pk, 1_500_000), FineInput(second.pk, 1_200_000)])
    assert decision.total_fine == 2_700_000
    assert sorted(decision.items.values_list("basis", flat=True)) == ["average", "below_average"]


def test_a_decision_within_range_is_issued_with_its_deadlines(sanction):
    record = issue_record(sanction.cases)
    decision = issue_decision(sanction.cases, record, remedies=[verify_remedy(sanction.instrument)])

    today = timezone.localdate()
    assert decision.total_fine == ORGANISATION_AVERAGE
    assert decision.due_on == decision_deadline(record.made_on)
    assert decision.received_on > today
    assert decision.payment_due_on == payment_deadline(decision.received_on)
    assert decision.remedies.get().status == RemedyStatus.OPEN
    with pytest.raises(Conflict):
        issue_decision(sanction.cases, record)


def test_a_team_leader_without_a_power_to_sanction_is_refused(sanction):
    record = issue_record(sanction.cases)
    with pytest.raises(PermissionDenied):
        penalty_decision_issue(actor=sanction.cases.leader, record_id=record.pk, decided_on=timezone.localdate(),
                               fines=[])


def test_a_decision_past_the_limitation_is_refused_with_the_reason(sanction, art_10_1):
    cases = sanction.cases
    cases.case.violations.all().delete()
    add_violation(cases, art_10_1, act_date=timezone.localdate() - timedelta(days=800))
    record = issue_record(cases)
    with pytest.raises(ValidationError) as refused:
        issue_decision(cases, record)
    assert "barred" in refused.value.message_dict["decided_on"][0] or "thời hiệu" in refused.value.message_dict[
        "decided_on"][0].lower()


def test_the_decision_is_due_seven_working_days_after_the_record_over_tet(officer, cases, art_10_1, technician):
    """Record on Friday 24/01/2025, the eve of Tết At Ty's holiday: 7 working days end on 11/02/2025, not 04/02."""
    case = make_case(officer, leader=cases.leader, subjects=[cases.business.organization],
                     opened_on=date(2025, 1, 20), title="Kiểm tra trước Tết")
    violation_add(actor=cases.leader, inspection_id=case.pk, violator_id=cases.business.organization_id,
                  violation_type_id=art_10_1.pk, facts="Cân hết hạn kiểm định", act_date=date(2025, 1, 22))
    record = violation_record_issue(actor=cases.leader, inspection_id=case.pk,
                                    violator_id=cases.business.organization_id, place="Chợ", made_on=date(2025, 1, 24),
                                    made_at=time(9), ended_at=time(10))
    assert decision_deadline(record.made_on) == date(2025, 2, 11)
    fines = [FineInput(record.violations.get().pk, ORGANISATION_AVERAGE)]

    def decide(day, case="default"):
        return penalty_decision_issue(actor=officer, record_id=record.pk, decided_on=day, fines=fines,
                                      deadline_case=case)

    with pytest.raises(ValidationError) as late:
        decide(date(2025, 2, 12))
    assert "11/02/2025" in late.value.message_dict["decided_on"][0]
    decision = decide(date(2025, 2, 12), case="explanation")  # the violator asked to explain: 1 month
    assert decision.due_on == date(2025, 2, 24)
    assert decision.received_on == date(2025, 2, 14)  # sent within 2 working days (Law Art. 70)
    assert decision.payment_due_on == date(2025, 2, 24)  # 10 calendar days of receipt


def test_the_pdf_reads_back_number_amount_in_figures_and_words_deadline_and_remedy(sanction, api_client):
    record = issue_record(sanction.cases)
    decision = issue_decision(sanction.cases, record, remedies=[verify_remedy(sanction.instrument)])

    document = document_render(document_id=decision.documents.get().pk)

    pdf = document.file.open("rb").read()
    text = " ".join(pdf_text(pdf).split())
    remedy = decision.remedies.get()
    deadline = remedy.deadline  # printed as Decree 30/2020 writes dates: months 1 and 2 with a leading zero
    month = f"{deadline.month:02d}" if deadline.month <= 2 else str(deadline.month)
    for expected in ("QUYẾT ĐỊNH", document.number, "1.500.000", "Một triệu năm trăm nghìn đồng",
                     "Cửa hàng xăng dầu số 5", "NHS-2291", record.documents.get().number, "Nguyễn Văn Minh",
                     f"ngày {deadline.day:02d} tháng {month} năm {deadline.year}", "10 ngày"):
        assert expected in text, expected
    assert document.number == "01/QĐ-XPHC"
    qr = [text for page in qr_texts_by_page(pdf) for text in page]
    assert qr == [document.seal]
    answer = api_client.get(f"/api/v1/verify/{document.token}")
    assert answer.status_code == 200 and answer.json()["number"] == document.number


def test_a_second_violator_in_the_case_gets_its_own_record(sanction, art_10_1, technician):
    cases = sanction.cases
    from inspections.services.cases import subject_add
    subject = subject_add(actor=cases.officer, inspection_id=cases.case.pk,
                          organization_id=cases.other_business.organization_id)
    instrument = expired_instrument(cases.other_business.organization, technician, serial="VANG-01")
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=subject.pk, kind="instrument",
                      instrument_id=instrument.pk)
    violation_add(actor=cases.leader, inspection_id=cases.case.pk, violator_id=subject.organization_id,
                  violation_type_id=art_10_1.pk, facts="Cân vàng hết hạn", act_date=timezone.localdate(),
                  instrument_ids=[instrument.pk])
    mine, theirs = issue_record(cases), violation_record_issue(
        actor=cases.member, inspection_id=cases.case.pk, violator_id=subject.organization_id, place="Tiệm vàng",
        made_on=timezone.localdate(), made_at=time(14), ended_at=time(15))
    assert mine.violations.get() == sanction.violation and theirs.violations.get().violator == subject.organization
