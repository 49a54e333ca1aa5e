"""The radiation register's selectors: each read and each lock scoped to the caller (404 outside it)."""

from datetime import date

import pytest
from django.http import Http404
from django.utils import timezone

from registry import selectors, services
from registry.dates import working_days_between
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_another_facility_finds_neither_the_device_nor_the_worker_even_to_lock_them(hospital):
    other = UserFactory(role="business", organization=OrganizationFactory(kind="hospital"))

    with pytest.raises(Http404):
        selectors.xray_device_get_for_update(actor=other, pk=hospital.ct.pk)
    with pytest.raises(Http404):
        selectors.radiation_worker_get_for_update(actor=other, pk=hospital.workers[0].pk)


def test_the_facility_and_an_inspector_find_the_device_to_lock_it(hospital, inspector):
    assert selectors.xray_device_get_for_update(actor=hospital.user, pk=hospital.ct.pk) == hospital.ct
    assert selectors.xray_device_get_for_update(actor=inspector, pk=hospital.ct.pk) == hospital.ct


def test_a_technician_sees_nothing_of_the_radiation_register(hospital, technician):
    assert not selectors.xray_device_list(actor=technician).exists()
    assert not selectors.radiation_worker_list(actor=technician).exists()
    with pytest.raises(Http404):
        selectors.xray_device_get_for_update(actor=technician, pk=hospital.ct.pk)


def test_checklists_are_grouped_by_application_kind(catalog):
    checklists = selectors.checklists_by_application_kind()

    assert set(checklists) == {"new", "renewal", "amendment", "reissue"}
    assert all(item.application_kind == kind for kind, items in checklists.items() for item in items)


def _filed(hospital, filed_on, **overrides):
    return services.license_application_submit(
        actor=hospital.user, kind="new", device_ids=[hospital.ct.pk, hospital.dental.pk], filed_on=filed_on,
        safety_officer_id=hospital.safety_officer.pk, dosimetry_provider="Viện Khoa học và Kỹ thuật hạt nhân",
        dosimetry_contract_number="HĐ-2026/118", **overrides)


def test_an_open_applications_deadlines_count_down_the_working_days_left(hospital):
    # Filed the day before Tết 2026 (16–20 February off): complete by 26 February, decided by 2 April.
    application = _filed(hospital, date(2026, 2, 12))

    completeness, decision = selectors.license_application_deadlines(application, today=date(2026, 2, 13))

    assert (completeness.code, completeness.due_on, completeness.working_days_left) == (
        "completeness", date(2026, 2, 26), 4)
    assert (decision.code, decision.due_on, decision.working_days_left) == ("decision", date(2026, 4, 2), 29)
    assert completeness.state == decision.state == "open"


def test_a_deadline_is_due_on_its_day_and_late_by_working_days_after_it(hospital):
    application = _filed(hospital, date(2026, 2, 12))

    on_the_day = selectors.license_application_deadlines(application, today=date(2026, 2, 26))[0]
    after = selectors.license_application_deadlines(application, today=date(2026, 3, 2))[0]  # Monday after Thu 26

    assert (on_the_day.working_days_left, on_the_day.state) == (0, "due_today")
    assert (after.working_days_left, after.working_days_late, after.state) == (-2, 2, "late")


def test_a_decided_application_is_counted_on_the_day_of_its_decision(hospital, officer):
    application = _filed(hospital, date(2026, 2, 12))
    services.license_application_refuse(actor=officer, application_id=application.pk, reason="Thiếu hồ sơ")
    application.refresh_from_db()
    decided_on = timezone.localtime(application.decided_at).date()

    completeness, decision = selectors.license_application_deadlines(application, today=date(2099, 1, 1))

    assert completeness.decided_on == decision.decided_on == decided_on
    assert decision.working_days_left == working_days_between(decided_on, date(2026, 4, 2))
    assert decision.state == ("met" if decided_on <= date(2026, 4, 2) else "missed")


def test_check_rows_name_the_device_each_verification_check_was_about(hospital):
    hospital.ct.verifications.all().delete()  # the CT's check fails; the dental unit's passes
    application = _filed(hospital, timezone.localdate())

    rows = selectors.license_application_check_rows(selectors.license_application_get(actor=hospital.user,
                                                                                       pk=application.pk))

    devices = {row.device: row for row in rows if row.kind == "device-verification"}
    assert set(devices) == {hospital.ct, hospital.dental}
    assert not devices[hospital.ct].passed and "CT-" in devices[hospital.ct].reason
    assert devices[hospital.dental].passed
    assert {row.kind for row in rows if row.device is None} == {"safety-officer", "dosimetry-contract"}


def test_the_checklist_puts_each_item_beside_what_was_given_for_it(hospital):
    application = _filed(hospital, timezone.localdate(), attachments=[
        services.AttachmentInput(item_code="application", reference="Công văn số 12/BV")])
    found = selectors.license_application_get(actor=hospital.user, pk=application.pk)

    rows = selectors.license_application_checklist(found, selectors.checklists_by_application_kind())

    given = {row.item.code: row.attachment for row in rows}
    assert len(rows) == 11 and given["application"].reference == "Công văn số 12/BV"
    assert given["verification-certificate"] is None


def test_the_queue_of_submitted_applications_puts_the_nearest_decision_first(hospital, officer):
    later = _filed(hospital, date(2026, 3, 2))
    sooner = _filed(hospital, date(2026, 2, 12))
    refused = _filed(hospital, date(2026, 2, 2))
    services.license_application_refuse(actor=officer, application_id=refused.pk, reason="Thiếu hồ sơ")

    queue = selectors.license_application_queue(actor=officer, status="submitted")

    assert list(queue) == [sooner, later]
    assert set(selectors.license_application_queue(actor=officer)) == {sooner, later, refused}
    assert not selectors.license_application_queue(actor=UserFactory(role="business"), status="submitted").exists()
