"""Violations found in a case and the violation record per violator (issue 9 points 3-4): the type in force on the
day of the act, the instruments examined, who may record, one record per violator, its PDF read back."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from certificates.services import document_render
from config.exceptions import Conflict
from inspections.models import Circumstance, ViolationType
from inspections.services.cases import inspection_close, inspection_record_findings
from inspections.services.penalties import WitnessInput, violation_add
from tests.inspections.penalty_fixtures import add_violation, expired_instrument, issue_record
from tests.pdf_helpers import pdf_text, qr_texts_by_page

pytestmark = pytest.mark.django_db


def test_a_violation_takes_the_version_in_force_on_the_day_of_the_act(sanction, art_10_1):
    newer = ViolationType.objects.create(**{
        **{f.name: getattr(art_10_1, f.name) for f in ViolationType._meta.concrete_fields if f.name != "id"},
        "in_force_from": timezone.localdate(), "fine_min_individual": 600_000})
    ViolationType.objects.filter(pk=art_10_1.pk).update(in_force_to=timezone.localdate())

    yesterday = add_violation(sanction.cases, newer, act_date=timezone.localdate() - timedelta(days=1))
    today = add_violation(sanction.cases, art_10_1, act_date=timezone.localdate())

    assert (yesterday.violation_type, today.violation_type) == (art_10_1, newer)


def test_a_type_not_in_force_on_the_day_is_refused_naming_the_field(sanction, art_10_1):
    with pytest.raises(ValidationError) as refused:
        add_violation(sanction.cases, art_10_1, act_date=date(2021, 6, 1))
    assert "violation_type" in refused.value.message_dict
    assert "01/06/2021" in refused.value.message_dict["violation_type"][0]


def test_the_violator_must_be_a_subject_and_instruments_examined_there(sanction, art_10_1, technician):
    cases = sanction.cases
    with pytest.raises(ValidationError) as not_subject:
        violation_add(
            actor=cases.leader, inspection_id=cases.case.pk, violator_id=cases.other_business.organization_id,
            violation_type_id=art_10_1.pk, facts="x", act_date=timezone.localdate())
    assert "violator" in not_subject.value.message_dict
    unexamined = expired_instrument(cases.business.organization, technician, serial="NHS-9999")
    with pytest.raises(ValidationError) as not_examined:
        add_violation(cases, art_10_1, instrument=unexamined)
    assert "instruments" in not_examined.value.message_dict


def test_only_the_team_records_and_only_while_the_case_is_worked(sanction, art_10_1):
    cases = sanction.cases
    with pytest.raises(PermissionDenied):
        add_violation(cases, art_10_1, actor=cases.officer)
    with pytest.raises(Http404):
        add_violation(cases, art_10_1, actor=cases.other_inspector)
    add_violation(cases, art_10_1, actor=cases.member,
                  circumstances=[Circumstance.objects.filter(kind="mitigating").first()])
    inspection_record_findings(actor=cases.leader, inspection_id=cases.case.pk)
    add_violation(cases, art_10_1)  # findings recorded: still
    inspection_close(actor=cases.officer, inspection_id=cases.case.pk)
    with pytest.raises(Conflict):
        add_violation(cases, art_10_1)


def test_one_record_per_violator_and_none_after_it(sanction, art_10_1):
    cases = sanction.cases
    record = issue_record(cases)
    assert list(record.violations.all()) == [sanction.violation]
    assert record.documents.get().number == "01/BB-VPHC"
    with pytest.raises(Conflict):
        issue_record(cases)
    with pytest.raises(Conflict):
        add_violation(cases, art_10_1)


def test_a_refusal_needs_a_witness(sanction):
    with pytest.raises(ValidationError) as refused:
        issue_record(sanction.cases, violator_refused=True, refusal_reason="Không đồng ý")
    assert "witnesses" in refused.value.message_dict


def test_the_record_pdf_states_the_violator_the_act_the_provision_and_the_refusal(sanction, api_client):
    record = issue_record(sanction.cases, violator_refused=True, refusal_reason="Không đồng ý với kết luận",
                          witnesses=[WitnessInput(name="Phan Văn Lộc", title="Công chức",
                                                  organization="UBND phường Cốc Lếu")])

    document = document_render(document_id=record.documents.get().pk)

    pdf = document.file.open("rb").read()
    text = " ".join(pdf_text(pdf).split())
    for expected in ("BIÊN BẢN VI PHẠM HÀNH CHÍNH", document.number, "Cửa hàng xăng dầu số 5", "NHS-2291",
                     "khoản 1 Điều 10", "119/2017/NĐ-CP", "Phạm Thị Lan", "Phan Văn Lộc",
                     "không ký biên bản", "Không đồng ý với kết luận"):
        assert expected in text, expected
    assert [qr for page in qr_texts_by_page(pdf) for qr in page] == [document.seal]
    assert api_client.get(f"/api/v1/verify/{document.token}").status_code == 200
