"""Individual violators: a household business (hộ kinh doanh) or a person is fined at the individual's range, an
organisation at the individual's × the multiplier (Decree 119/2017 Art. 3; Law on Handling Administrative
Violations Art. 23-24). The violation record keeps the legal form it was drawn up with; the decision is checked
against that range; the record and the decision read "ông (bà)" with the person's fields, blanks left for the
officer, instead of "tổ chức"; the API says which."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from certificates.services import document_render
from inspections import law
from inspections.documents.layout import BLANK
from inspections.services.penalties import violation_record_issue
from registry.models import LegalForm, Organization
from tests.inspections.penalty_fixtures import ORGANISATION_AVERAGE, issue_decision, issue_record
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db

INDIVIDUAL_AVERAGE = 750_000  # (500.000 + 1.000.000) / 2: Art. 10.1 for an individual, no circumstance
HOUSEHOLD_ID = "045180001234"  # since 01/07/2025 a household business's tax code is its owner's personal ID


def _as(cases, legal_form: str, *, tax_code: str | None = None) -> Organization:
    """Register the violating business in `legal_form` (as an officer would correct it in the admin)."""
    organization = cases.business.organization
    organization.legal_form = legal_form
    organization.tax_code = tax_code or organization.tax_code
    organization.save(update_fields=["legal_form", "tax_code"])
    return organization


def _record(cases, **extra):
    """The violator's record drawn up by the leader, with only what `extra` says of its representative."""
    return violation_record_issue(
        actor=cases.leader, inspection_id=cases.case.pk, violator_id=cases.business.organization_id,
        place="Chợ Cốc Lếu", made_on=timezone.localdate(), made_at=time(9, 0), ended_at=time(9, 40), **extra)


def _flat(document) -> str:
    return " ".join(pdf_text(document.file.open("rb").read()).split())


# --- the range ----------------------------------------------------------------------------------------------------


def test_the_same_act_is_fined_at_half_the_organisations_range_for_an_individual(art_10_1):
    individual = law.violation_fine_range(art_10_1, organization=False)
    organization = law.violation_fine_range(art_10_1, organization=True)

    assert (individual.minimum, individual.average, individual.maximum) == (500_000, 750_000, 1_000_000)
    assert (organization.minimum, organization.average, organization.maximum) == (1_000_000, 1_500_000, 2_000_000)


def test_a_household_business_is_decided_at_the_individuals_average(sanction):
    cases = sanction.cases
    _as(cases, LegalForm.HOUSEHOLD_BUSINESS)
    record = issue_record(cases)

    decision = issue_decision(cases, record, amount=INDIVIDUAL_AVERAGE)

    assert record.violator_legal_form == LegalForm.HOUSEHOLD_BUSINESS and record.sanctioned_as_individual
    assert (decision.total_fine, decision.items.get().basis) == (INDIVIDUAL_AVERAGE, "average")


def test_an_individual_is_refused_the_organisations_fine_naming_the_individuals_range(sanction):
    cases = sanction.cases
    _as(cases, LegalForm.INDIVIDUAL)
    record = issue_record(cases)

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        issue_decision(cases, record, amount=ORGANISATION_AVERAGE)  # inside 1.000.000-2.000.000, above 1.000.000

    message = refused.value.message_dict["fines"][0]
    assert "outside the range from 500.000 to 1.000.000 VND for an individual (cá nhân)" in message
    assert "tổ chức" not in message
    assert not record.documents.filter(kind="penalty_decision").exists()


def test_the_refusal_says_in_vietnamese_that_the_individuals_range_applied(sanction):
    cases = sanction.cases
    _as(cases, LegalForm.HOUSEHOLD_BUSINESS)
    record = issue_record(cases)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        issue_decision(cases, record, amount=1_200_000)

    message = refused.value.message_dict["fines"][0]
    assert "khung phạt từ 500.000 đến 1.000.000 đồng đối với cá nhân" in message
    assert "hộ kinh doanh" in message


def test_an_organisation_keeps_twice_the_range_and_is_told_why(sanction):
    record = issue_record(sanction.cases)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        issue_decision(sanction.cases, record, amount=INDIVIDUAL_AVERAGE)

    message = refused.value.message_dict["fines"][0]
    assert "từ 1.000.000 đến 2.000.000 đồng đối với tổ chức" in message
    assert "gấp 2 lần" in message
    assert issue_decision(sanction.cases, record).total_fine == ORGANISATION_AVERAGE


def test_the_record_keeps_the_legal_form_it_was_drawn_up_with(sanction):
    cases = sanction.cases
    organization = _as(cases, LegalForm.HOUSEHOLD_BUSINESS)
    record = issue_record(cases)
    organization.legal_form = LegalForm.ORGANIZATION
    organization.save(update_fields=["legal_form"])

    with pytest.raises(ValidationError):
        issue_decision(cases, record, amount=ORGANISATION_AVERAGE)
    assert issue_decision(cases, record, amount=INDIVIDUAL_AVERAGE).total_fine == INDIVIDUAL_AVERAGE


# --- the API ------------------------------------------------------------------------------------------------------


def test_the_api_shows_the_record_and_decision_sanctioned_as_an_individual(sanction, client_for):
    cases = sanction.cases
    _as(cases, LegalForm.HOUSEHOLD_BUSINESS)
    record = issue_record(cases)
    decision = issue_decision(cases, record, amount=INDIVIDUAL_AVERAGE)
    officer = client_for(cases.officer)

    read_record = officer.get(f"/api/v1/violation-records/{record.pk}/").json()
    read_decision = officer.get(f"/api/v1/penalty-decisions/{decision.pk}/").json()
    subjects = officer.get(f"/api/v1/inspections/{cases.case.pk}/subjects/").json()["results"]

    assert (read_record["violator_legal_form"], read_record["sanctioned_as"]) == ("household_business", "individual")
    assert (read_decision["violator_legal_form"], read_decision["sanctioned_as"]) == ("household_business",
                                                                                      "individual")
    assert subjects[0]["organization"]["legal_form"] == "household_business"


def test_the_api_refusal_names_the_individuals_range(sanction, client_for):
    cases = sanction.cases
    _as(cases, LegalForm.INDIVIDUAL)
    record = issue_record(cases)
    body = {"record": record.pk, "decided_on": timezone.localdate().isoformat(), "signer_name": "Nguyễn Văn Minh",
            "signer_title": "Giám đốc", "fines": [{"violation": sanction.violation.pk, "amount": 1_500_000}]}

    refused = client_for(cases.officer).post("/api/v1/penalty-decisions/", body, format="json",
                                             HTTP_ACCEPT_LANGUAGE="vi")

    assert refused.status_code == 400
    assert "từ 500.000 đến 1.000.000 đồng đối với cá nhân" in refused.json()["fines"][0]


def test_the_api_shows_an_organisation_sanctioned_as_one(sanction, client_for):
    record = issue_record(sanction.cases)

    read = client_for(sanction.cases.officer).get(f"/api/v1/violation-records/{record.pk}/").json()

    assert (read["violator_legal_form"], read["sanctioned_as"]) == ("organization", "organization")


# --- the documents, read back ------------------------------------------------------------------------------------


def test_a_household_business_record_and_decision_say_ong_ba_with_the_persons_fields(sanction):
    cases = sanction.cases
    _as(cases, LegalForm.HOUSEHOLD_BUSINESS, tax_code=HOUSEHOLD_ID)
    record = _record(cases, representative_name="Lê Văn Hùng", representative_title="Chủ hộ kinh doanh")
    decision = issue_decision(cases, record, amount=INDIVIDUAL_AVERAGE)

    record_text = _flat(document_render(document_id=record.documents.get().pk))
    decision_text = _flat(document_render(document_id=decision.documents.get().pk))

    for text in (record_text, decision_text):
        assert "đối với ông (bà) có tên sau đây:" in text
        assert "Họ và tên: Lê Văn Hùng" in text
        assert f"Giới tính: {BLANK}" in text and f"Ngày, tháng, năm sinh: {BLANK}" in text
        assert f"Quốc tịch: {BLANK}" in text and f"Nơi ở hiện tại: {BLANK}" in text
        assert f"Số định danh cá nhân / CCCD / hộ chiếu: {HOUSEHOLD_ID}; ngày cấp: …" in text
        assert "Hộ kinh doanh: Cửa hàng xăng dầu số 5" in text
        assert "Tên của tổ chức" not in text and "Mã số doanh nghiệp" not in text
    assert "Ông (bà) Lê Văn Hùng đã có các hành vi vi phạm hành chính" in record_text
    assert "Ý kiến trình bày của người vi phạm" in record_text and "NGƯỜI VI PHẠM" in record_text
    assert "ĐẠI DIỆN TỔ CHỨC VI PHẠM" not in record_text
    assert "Phạt tiền. Cụ thể: 750.000 đồng (Bằng chữ: Bảy trăm năm mươi nghìn đồng)" in decision_text
    assert "Giao cho ông (bà) Lê Văn Hùng để chấp hành" in decision_text
    assert "tổ chức Cửa hàng" not in decision_text


def test_an_individual_s_record_prints_the_name_address_and_tax_code_held(sanction):
    cases = sanction.cases
    organization = _as(cases, LegalForm.INDIVIDUAL)
    Organization.objects.filter(pk=organization.pk).update(name="Nguyễn Thị Lan")
    record = _record(cases)

    text = _flat(document_render(document_id=record.documents.get().pk))

    assert f"Họ và tên: Nguyễn Thị Lan Giới tính: {BLANK}" in text
    assert f"Nơi ở hiện tại: {organization.address}" in text
    assert f"Số định danh cá nhân / CCCD / hộ chiếu: {BLANK} Mã số thuế: {organization.tax_code}" in text
    assert "Hộ kinh doanh:" not in text
    assert "yêu cầu ông (bà) Nguyễn Thị Lan chấm dứt ngay hành vi vi phạm" in text


def test_an_organisation_s_record_still_says_to_chuc(sanction):
    record = issue_record(sanction.cases)

    text = _flat(document_render(document_id=record.documents.get().pk))

    assert "đối với tổ chức có tên sau đây:" in text
    assert "Tên của tổ chức: Cửa hàng xăng dầu số 5" in text
    assert BLANK not in text
