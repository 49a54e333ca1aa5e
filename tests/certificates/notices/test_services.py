"""The scan and the ledger: which stage each subject reaches, once, over every registered source."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from certificates.notices.models import Notice, NoticeStage
from certificates.notices.services import notices_scan
from certificates.notices.sources import Candidate, NoticeSource, register_notice_source, unregister_notice_source
from registry.models import Instrument, RadiationLicense
from registry.services import verification_record
from tests.certificates.notices.helpers import TODAY, due_in, stages_of
from tests.factories import OrganizationFactory, assigned_to
from tests.registry.radiation_fixtures import application_payload

pytestmark = pytest.mark.django_db


def test_each_instrument_gets_the_stage_it_has_reached(three_owners):
    _owners, instruments = three_owners

    result = notices_scan(as_of=TODAY)

    assert result.notices == 5
    assert {days: stages_of(i) for days, i in instruments.items()} == {
        60: ["d60"], 30: ["d30"], 7: ["d7"], 0: ["d0"], -5: ["overdue"]}


def test_a_scan_skipped_for_three_days_sends_the_latest_stage_only(catalog):
    instrument = due_in(0)  # valid until TODAY

    for day in range(-9, -1):  # daily scans up to two days before the due day
        notices_scan(as_of=TODAY + timedelta(days=day))
    # no scan on TODAY - 1, TODAY, TODAY + 1
    notices_scan(as_of=TODAY + timedelta(days=2))

    assert stages_of(instrument) == ["d30", "d7", "overdue"]  # the due-day stage, missed, is not sent late


def test_reverifying_ten_days_before_due_stops_the_later_stages(catalog, technician):
    instrument = due_in(30)
    notices_scan(as_of=TODAY)
    assigned_to(instrument, technician)

    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic",
                        performed_on=TODAY + timedelta(days=20), procedure="ĐLVN 15:2009", result="pass")
    for day in (23, 30, 31, 40):
        notices_scan(as_of=TODAY + timedelta(days=day))

    assert stages_of(instrument) == ["d30"]


def test_stages_are_data_an_officer_can_switch_off(catalog):
    NoticeStage.objects.filter(kind="instrument_verification", code="d60").update(active=False)
    instrument = due_in(60)

    notices_scan(as_of=TODAY)

    assert stages_of(instrument) == []


def test_the_command_scans_any_day(catalog):
    instrument = due_in(7)
    out = io.StringIO()

    call_command("scan_expiries", "--as-of", TODAY.isoformat(), stdout=out)

    assert "1 new notices" in out.getvalue()
    assert stages_of(instrument) == ["d7"]


def _licensed_hospital(client_for, officer, hospital, days_left: int) -> RadiationLicense:
    application = client_for(hospital.user).post("/api/v1/license-applications/", application_payload(hospital),
                                                  format="json").json()
    licence = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/issue", {},
                                       format="json").json()
    RadiationLicense.objects.filter(pk=licence["id"]).update(
        valid_from=timezone.localdate() - timedelta(days=900),
        valid_until=timezone.localdate() + timedelta(days=days_left))
    return RadiationLicense.objects.get(pk=licence["id"])


@pytest.mark.parametrize("days_left, stage", [(45 + 30, "renewal_d30"), (45 + 7, "renewal_d7"), (45, "renewal_d0"),
                                              (0, "expiry"), (45 + 31, None)])
def test_licence_stages_are_keyed_to_the_last_day_to_file_a_renewal(client_for, officer, hospital, days_left, stage):
    licence = _licensed_hospital(client_for, officer, hospital, days_left)

    notices_scan(as_of=timezone.localdate())

    found = list(Notice.objects.filter(kind="license_expiry", subject_id=licence.pk).values_list("stage", flat=True))
    assert found == ([stage] if stage else [])


def test_a_licence_notice_carries_the_licence_number(client_for, officer, hospital):
    licence = _licensed_hospital(client_for, officer, hospital, 45 + 7)

    notices_scan(as_of=timezone.localdate())

    number = licence.documents.order_by("-id").values_list("number", flat=True).first()
    assert number and Notice.objects.get(kind="license_expiry").serial_number == number


def test_xray_device_due_gets_notices_for_its_facility(hospital):
    from registry.models import XrayDevice

    XrayDevice.objects.filter(pk=hospital.ct.pk).update(valid_until=timezone.localdate() + timedelta(days=7))

    notices_scan(as_of=timezone.localdate())

    notice = Notice.objects.get(kind="xray_verification")
    assert (notice.subject_id, notice.stage, notice.organization_id) == (hospital.ct.pk, "d7", hospital.organization.pk)


def test_a_renewed_licence_gets_no_later_stages(client_for, officer, hospital):
    licence = _licensed_hospital(client_for, officer, hospital, 60)
    today = timezone.localdate()
    notices_scan(as_of=today)  # 15 days before the last renewal day: the 30-day stage
    renewal = client_for(hospital.user).post("/api/v1/license-applications/", application_payload(
        hospital, kind="renewal", previous_license=licence.pk), format="json").json()
    client_for(officer).post(f"/api/v1/license-applications/{renewal['id']}/issue", {}, format="json")

    for days in (8, 15, 60):  # renewal_d7, renewal_d0 and expiry would fall in here
        notices_scan(as_of=today + timedelta(days=days))

    stages = list(Notice.objects.filter(kind="license_expiry").values_list("subject_id", "stage"))
    assert stages == [(licence.pk, "renewal_d30")]


# --- a source the engine has never heard of ------------------------------------------------------------------


def _calibration_rows(as_of, horizon):
    return Instrument.objects.filter(valid_until__isnull=False, valid_until__lte=as_of + timedelta(days=horizon))


def _calibration_candidate(row: dict) -> Candidate:
    return Candidate(row["id"], row["owner_id"], row["valid_until"], row["valid_until"] - timedelta(days=10),
                     "Chuẩn đo lường", row["serial_number"], "")


@pytest.fixture
def calibration_source(catalog):
    """A second source over instruments, with its own key, its own stages and an action deadline 10 days early."""
    source = NoticeSource(
        key="test_calibration", label="Calibration due", digest_label="Hiệu chuẩn chuẩn đo lường",
        digest_topic="chuẩn đo lường", legal_reminder="", model=Instrument, rows=_calibration_rows,
        fields=("id", "owner_id", "valid_until", "serial_number"), candidate=_calibration_candidate,
        reach=lambda as_of: 10,
    )
    NoticeStage.objects.create(kind=source.key, code="act_d5", anchor="action_deadline", offset_days=-5,
                               label="Còn 5 ngày để hiệu chuẩn", legal_basis="—")
    NoticeStage.objects.create(kind=source.key, code="due", anchor="due_date", offset_days=0, label="Đến hạn",
                               legal_basis="—")
    register_notice_source(source)
    yield source
    unregister_notice_source(source.key)


def test_a_source_registered_by_another_app_is_walked_without_any_engine_change(calibration_source):
    owner = OrganizationFactory()
    ahead = due_in(15, owner=owner)  # its action deadline (TODAY + 5) is 5 days away: the act_d5 stage
    far = due_in(16, owner=owner)  # 6 days from its deadline: nothing yet

    result = notices_scan(as_of=TODAY)

    assert stages_of(ahead, kind="test_calibration") == ["act_d5"]
    assert stages_of(far, kind="test_calibration") == []
    assert stages_of(ahead) == ["d30"]  # the registry's own source still walks the same instrument
    assert result.notices == 3
    notice = Notice.objects.get(kind="test_calibration")
    assert (notice.organization_id, notice.stage_date, notice.subject_label) == (owner.pk, TODAY, "Chuẩn đo lường")
    assert notices_scan(as_of=TODAY).notices == 0  # once
