"""Examined items and findings: found by serial in the registry, or recorded as found; a lapsed verification is
pre-filled not conforming with its certificate, read from the registry and the document pipeline (issue 9)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from config.exceptions import Conflict
from inspections.models import Finding, FindingResult
from inspections.services.cases import examined_item_add, finding_record, inspection_record_findings
from registry.models import Verification
from registry.selectors import instrument_verification_state
from registry.services import verification_record
from tests.factories import InstrumentFactory, assigned_to
from tests.inspections.conftest import metrology
from tests.registry.radiation_fixtures import make_hospital

pytestmark = pytest.mark.django_db


def _instrument(owner, technician, *, verified_days_ago: int | None, result: str = "pass", serial="CAN-0457"):
    instrument = assigned_to(InstrumentFactory(owner=owner, serial_number=serial), technician)
    if verified_days_ago is not None:
        verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                            performed_on=timezone.localdate() - timedelta(days=verified_days_ago), result=result)
        instrument.refresh_from_db()
    return instrument


def _verification_item():
    return metrology().checklist_items.get(checks_verification=True)


def test_an_expired_instrument_found_by_serial_is_prefilled_with_its_certificate(cases, technician):
    instrument = _instrument(cases.business.organization, technician, verified_days_ago=500)
    certificate = instrument.last_verification.documents.get()

    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             kind="instrument", serial_number=" can-0457 ")

    assert item.instrument == instrument
    finding = Finding.objects.get(examined_item=item)
    assert (finding.checklist_item, finding.result, finding.prefilled) == (
        _verification_item(), FindingResult.NOT_CONFORMING, True)
    assert certificate.number in finding.note
    assert instrument.valid_until.strftime("%d/%m/%Y") in finding.note


def test_a_failed_instrument_is_prefilled_naming_the_failure(cases, technician):
    instrument = _instrument(cases.business.organization, technician, verified_days_ago=200)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                        performed_on=timezone.localdate() - timedelta(days=10), result="fail")

    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             kind="instrument", instrument_id=instrument.pk)

    finding = Finding.objects.get(examined_item=item)
    assert finding.result == FindingResult.NOT_CONFORMING
    failed_on = (timezone.localdate() - timedelta(days=10)).strftime("%d/%m/%Y")
    assert failed_on in finding.note


def test_a_validly_verified_instrument_is_not_prefilled(cases, technician):
    instrument = _instrument(cases.business.organization, technician, verified_days_ago=20)

    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             kind="instrument", serial_number=instrument.serial_number)

    assert item.instrument == instrument
    assert not Finding.objects.filter(examined_item=item).exists()


def test_an_expired_xray_device_is_prefilled_with_its_certificate_number(catalog, cases):
    hospital = make_hospital(name="Bệnh viện Tư nhân An Bình", verified_days_ago=400)
    from inspections.services.cases import subject_add

    subject = subject_add(actor=cases.leader, inspection_id=cases.case.pk, organization_id=hospital.organization.pk)

    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=subject.pk,
                             kind="xray_device", serial_number=hospital.ct.serial_number)

    assert item.xray_device == hospital.ct
    finding = Finding.objects.get(examined_item=item)
    assert finding.result == FindingResult.NOT_CONFORMING
    assert hospital.ct.verifications.get().certificate_number in finding.note


def test_the_registry_answers_the_state_on_the_day_not_today(technician, business_org):
    instrument = _instrument(business_org, technician, verified_days_ago=500)
    lapsed = instrument_verification_state(instrument=instrument, on=timezone.localdate())
    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic", procedure="",
                        performed_on=timezone.localdate(), result="pass")

    before = instrument_verification_state(instrument=instrument, on=timezone.localdate() - timedelta(days=1))
    now = instrument_verification_state(instrument=instrument, on=timezone.localdate())

    assert (lapsed.status, before.status, now.status) == ("expired", "expired", "valid")
    newest = Verification.objects.filter(instrument=instrument).order_by("-id").first()
    assert now.certificate_number == newest.documents.get().number


def test_an_instrument_never_verified_has_that_state(technician, business_org):
    instrument = _instrument(business_org, technician, verified_days_ago=None)

    assert instrument_verification_state(instrument=instrument, on=date(2030, 1, 1)).status == "never_verified"


def test_an_unregistered_instrument_is_recorded_as_found(cases):
    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             kind="instrument", serial_number="KHONG-CO-0001",
                             description="Cân đồng hồ lò xo 60 kg, không nhãn mác")

    assert (item.registered, item.serial_number) == (False, "KHONG-CO-0001")
    assert not Finding.objects.filter(examined_item=item).exists()


def test_an_unregistered_instrument_without_a_description_is_refused(cases):
    with pytest.raises(ValidationError) as refused:
        examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                          kind="instrument", serial_number="KHONG-CO-0001")

    assert "description" in refused.value.message_dict


def test_the_same_instrument_examined_twice_at_a_subject_is_a_conflict(cases, technician):
    instrument = _instrument(cases.business.organization, technician, verified_days_ago=20)
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", instrument_id=instrument.pk)

    with pytest.raises(Conflict):
        examined_item_add(actor=cases.member, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                          kind="instrument", instrument_id=instrument.pk)


def test_an_inspectors_correction_of_a_prefilled_finding_is_theirs_and_history_keeps_the_registrys(cases, technician):
    instrument = _instrument(cases.business.organization, technician, verified_days_ago=500)
    item = examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                             kind="instrument", instrument_id=instrument.pk)

    corrected = finding_record(actor=cases.member, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                               examined_item_id=item.pk, checklist_item_id=_verification_item().pk,
                               result="not_conforming", note="Tem kiểm định hết hạn, đã chụp ảnh.")

    assert Finding.objects.filter(examined_item=item).count() == 1
    assert (corrected.prefilled, corrected.recorded_by) == (False, cases.member)
    assert corrected.history.order_by("history_date").first().prefilled is True


def test_a_finding_on_another_topics_checklist_is_refused(cases):
    from inspections.models import ChecklistItem

    foreign = ChecklistItem.objects.get(topic__code="steel", code="label")

    with pytest.raises(ValidationError) as refused:
        finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                       checklist_item_id=foreign.pk, result="conforming")

    assert "checklist_item" in refused.value.message_dict


def test_a_finding_is_refused_to_an_officer(cases):
    with pytest.raises(PermissionDenied):
        finding_record(actor=cases.officer, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                       checklist_item_id=_verification_item().pk, result="conforming")


def test_findings_no_longer_change_once_recorded(cases):
    finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                   checklist_item_id=_verification_item().pk, result="conforming")
    inspection_record_findings(actor=cases.leader, inspection_id=cases.case.pk)

    with pytest.raises(Conflict):
        finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                       checklist_item_id=_verification_item().pk, result="not_conforming")
