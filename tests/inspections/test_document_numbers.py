"""The inspection documents numbered as the law's forms print them: "Số: 01/QĐ-XPHC", "01/BB-VPHC", "01/BB-KT"
(Decree 30/2020: a leading 0 below 10, no year), a series per issuer restarting each year; and everything that
shows or finds a document by its number: the PDF, its file name, the documents list, the unpaid-fine notice."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from certificates.models import Document, DocumentCounter
from certificates.notices.models import Notice
from certificates.notices.services import notices_scan
from certificates.pdf.text import vn_date_words
from certificates.services import document_render
from inspections.models import PenaltyDecision
from inspections.services.penalties import FineInput, penalty_decision_issue, violation_add, violation_record_issue
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.competence_fixtures import grant_power
from tests.inspections.conftest import make_case
from tests.inspections.penalty_fixtures import ORGANISATION_AVERAGE, issue_decision, issue_record
from tests.inspections.test_check_records import _payload, _url
from tests.pdf_helpers import pdf_lines, pdf_text

pytestmark = pytest.mark.django_db


def _decide(officer, leader, organization, violation_type, day: date) -> PenaltyDecision:
    """A case of `officer`'s body checking `organization`, its violation, record and decision, all of `day`."""
    case = make_case(officer, leader=leader, subjects=[organization], opened_on=day - timedelta(days=2),
                     title=f"Kiểm tra đo lường {day:%d/%m/%Y}")
    violation_add(actor=leader, inspection_id=case.pk, violator_id=organization.pk,
                  violation_type_id=violation_type.pk, facts="Cân hết hạn kiểm định", act_date=day - timedelta(days=1))
    record = violation_record_issue(actor=leader, inspection_id=case.pk, violator_id=organization.pk, place="Chợ",
                                    made_on=day, made_at=time(9), ended_at=time(10))
    return penalty_decision_issue(actor=officer, record_id=record.pk, decided_on=day, signer_name="Nguyễn Văn Minh",
                                  signer_title="Giám đốc",
                                  fines=[FineInput(record.violations.get().pk, ORGANISATION_AVERAGE)])


def _last_year() -> date:
    return date(timezone.localdate().year - 1, 6, 10)


def _numbers(kind: str) -> set[tuple[int, int, str]]:
    return set(Document.objects.filter(kind=kind).values_list("issuer_id", "year", "number"))


def test_the_first_record_and_decision_of_the_year_are_01(sanction):
    record = issue_record(sanction.cases)
    decision = issue_decision(sanction.cases, record)

    assert record.documents.get().number == "01/BB-VPHC"
    assert decision.documents.get().number == "01/QĐ-XPHC"


@pytest.mark.parametrize(("issued_before", "number"), [(8, "09/QĐ-XPHC"), (9, "10/QĐ-XPHC"), (284, "285/QĐ-XPHC")])
def test_the_next_decision_of_the_year_takes_the_next_number(sanction, department, issued_before, number):
    DocumentCounter.objects.create(kind="penalty_decision", issuer=department, year=timezone.localdate().year,
                                   last_value=issued_before)

    decision = issue_decision(sanction.cases, issue_record(sanction.cases))

    assert decision.documents.get().number == number


def test_each_issuer_has_its_own_series_restarting_each_year(cases, art_10_1, officer, department):
    inspectorate = OrganizationFactory(kind="department", name="Thanh tra tỉnh Lào Cai")
    its_officer = UserFactory(role="officer", organization=inspectorate, full_name="Lê Văn Tâm")
    grant_power(its_officer)  # the other issuer's officer signs under a power of its own
    its_inspector = UserFactory(role="inspector", organization=inspectorate, full_name="Ngô Thị Hoa")
    today, business = timezone.localdate(), cases.business.organization

    _decide(officer, cases.leader, business, art_10_1, today)
    _decide(officer, cases.leader, business, art_10_1, _last_year())
    _decide(its_officer, its_inspector, business, art_10_1, today)
    _decide(officer, cases.leader, cases.other_business.organization, art_10_1, today)

    year = today.year
    assert _numbers("penalty_decision") == {
        (department.pk, year, "01/QĐ-XPHC"), (department.pk, year - 1, "01/QĐ-XPHC"),
        (inspectorate.pk, year, "01/QĐ-XPHC"), (department.pk, year, "02/QĐ-XPHC")}
    assert _numbers("violation_record") == {
        (department.pk, year, "01/BB-VPHC"), (department.pk, year - 1, "01/BB-VPHC"),
        (inspectorate.pk, year, "01/BB-VPHC"), (department.pk, year, "02/BB-VPHC")}


def test_the_decision_pdf_shows_its_number_once_and_cites_the_record_by_number_and_day(sanction):
    record = issue_record(sanction.cases, made_on=timezone.localdate())
    decision = issue_decision(sanction.cases, record)

    pdf = document_render(document_id=decision.documents.get().pk).file.open("rb").read()

    lines, text = pdf_lines(pdf), " ".join(pdf_text(pdf).split())
    assert "Số: 01/QĐ-XPHC" in lines
    assert "QĐ-XPHC-" not in text and "/QĐ-XPHC/" not in text
    assert f"Căn cứ Biên bản vi phạm hành chính số: 01/BB-VPHC lập {vn_date_words(record.made_on)};" in text


def test_the_violation_record_pdf_shows_its_number(sanction):
    document = document_render(document_id=issue_record(sanction.cases).documents.get().pk)

    assert "Số: 01/BB-VPHC" in pdf_lines(document.file.open("rb").read())


def test_the_check_record_is_numbered_and_printed_as_form_5_bbkt(cases, client_for):
    response = client_for(cases.leader).post(_url(cases), _payload(), format="json")
    assert response.status_code == 201, response.json()

    document = document_render(document_id=response.json()["check_record"]["id"])

    assert document.number == "01/BB-KT"
    assert "Số: 01/BB-KT" in pdf_lines(document.file.open("rb").read())


def test_the_download_is_named_after_the_number_and_its_year(sanction, client_for):
    decision = issue_decision(sanction.cases, issue_record(sanction.cases))
    document = document_render(document_id=decision.documents.get().pk)

    response = client_for(sanction.cases.business).get(f"/api/v1/documents/{document.pk}/pdf")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'inline; filename="01-QD-XPHC-{timezone.localdate().year}.pdf"')
    assert pdf_lines(b"".join(response.streaming_content)).count("Số: 01/QĐ-XPHC") == 1


def test_the_number_filter_lists_every_year_with_that_number_and_the_year_narrows_it(cases, art_10_1, officer,
                                                                                      client_for):
    business = cases.business.organization
    this_year = _decide(officer, cases.leader, business, art_10_1, timezone.localdate())
    last_year = _decide(officer, cases.leader, business, art_10_1, _last_year())
    url = "/api/v1/documents/?kind=penalty_decision&number=01/qđ-xphc"

    both = client_for(officer).get(url).json()["results"]
    narrowed = client_for(officer).get(f"{url}&year={_last_year().year}").json()["results"]

    assert sorted((row["number"], row["year"]) for row in both) == [
        ("01/QĐ-XPHC", _last_year().year), ("01/QĐ-XPHC", timezone.localdate().year)]
    assert {row["id"] for row in both} == {this_year.documents.get().pk, last_year.documents.get().pk}
    assert [row["id"] for row in narrowed] == [last_year.documents.get().pk]


def test_ordering_by_number_is_numbering_order_not_the_texts(cases, art_10_1, officer, department, client_for):
    """Last year's "12", then this year's "11" and "100": as text, "100" < "11" < "12"."""
    business, other, today = cases.business.organization, cases.other_business.organization, timezone.localdate()
    DocumentCounter.objects.create(kind="penalty_decision", issuer=department, year=today.year - 1, last_value=11)
    DocumentCounter.objects.create(kind="penalty_decision", issuer=department, year=today.year, last_value=10)
    _decide(officer, cases.leader, business, art_10_1, _last_year())
    _decide(officer, cases.leader, business, art_10_1, today)
    DocumentCounter.objects.filter(year=today.year, kind="penalty_decision").update(last_value=99)
    _decide(officer, cases.leader, other, art_10_1, today)
    url = "/api/v1/documents/?kind=penalty_decision&ordering="

    ascending = client_for(officer).get(f"{url}number").json()["results"]
    descending = client_for(officer).get(f"{url}-number").json()["results"]

    expected = [(today.year - 1, "12/QĐ-XPHC"), (today.year, "11/QĐ-XPHC"), (today.year, "100/QĐ-XPHC")]
    assert [(row["year"], row["number"]) for row in ascending] == expected
    assert [(row["year"], row["number"]) for row in descending] == expected[::-1]


def test_the_unpaid_fine_notice_cites_the_decision_by_number_and_day(sanction):
    decision = issue_decision(sanction.cases, issue_record(sanction.cases))

    notices_scan(as_of=decision.payment_due_on + timedelta(days=1))

    label = Notice.objects.get(kind="fine_unpaid").subject_label
    assert label == (f"Tiền phạt chưa nộp theo quyết định xử phạt số 01/QĐ-XPHC ngày "
                     f"{decision.decided_on:%d/%m/%Y}: 1.500.000 đồng")
