"""Expiry notices: stages, the ledger, digests, e-mail, and the API."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from certificates.services import document_render
from registry.models import Instrument, Notice, NoticeDigest, RadiationLicense
from registry.services import verification_record
from registry.services.notices import notice_digest_email, notices_scan
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory, assigned_to
from tests.registry.radiation_fixtures import application_payload

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)  # a scan day in the past, so dates are stable


def _due_in(days: int, **kwargs) -> Instrument:
    """An instrument whose verification (12-month cycle) ends `days` after TODAY."""
    instrument = InstrumentFactory(**kwargs)
    Instrument.objects.filter(pk=instrument.pk).update(last_result="pass", valid_until=TODAY + timedelta(days=days),
                                                       last_verified_on=TODAY - timedelta(days=300))
    return instrument


def _stages(instrument) -> list[str]:
    return sorted(Notice.objects.filter(subject_id=instrument.pk, kind="instrument_verification")
                  .values_list("stage", flat=True))


@pytest.fixture
def three_owners(catalog):
    owners = [OrganizationFactory(name=f"Công ty Đo lường số {i}") for i in range(3)]
    for owner in owners:
        UserFactory(role="business", organization=owner, email=f"a{owner.pk}@example.vn")
        UserFactory(role="business", organization=owner, email=f"b{owner.pk}@example.vn")
    instruments = {days: _due_in(days, owner=owners[i % 3]) for i, days in enumerate([60, 30, 7, 0, -5])}
    return owners, instruments


def test_each_instrument_gets_the_stage_it_has_reached(three_owners):
    _owners, instruments = three_owners

    result = notices_scan(as_of=TODAY)

    assert result.notices == 5
    assert {days: _stages(i) for days, i in instruments.items()} == {
        60: ["d60"], 30: ["d30"], 7: ["d7"], 0: ["d0"], -5: ["overdue"]}


def test_one_digest_per_organisation_lists_its_serials_and_emails_each_user_once(three_owners):
    owners, _instruments = three_owners

    notices_scan(as_of=TODAY)

    digests = list(NoticeDigest.objects.order_by("organization_id"))
    assert [d.organization_id for d in digests] == [o.pk for o in owners]
    for digest in digests:
        document = document_render(document_id=digest.documents.get().pk)
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(document.file.open("rb").read())).pages)
        serials = set(digest.notices.values_list("serial_number", flat=True))
        assert serials and all(serial in text for serial in serials)
        assert notice_digest_email(digest_id=digest.pk) == 2
    assert sorted(len(m.to) for m in mail.outbox) == [1] * 6
    assert len({m.to[0] for m in mail.outbox}) == 6
    assert all(m.attachments[0][2] == "application/pdf" for m in mail.outbox)


def test_a_second_run_the_same_day_sends_nothing(three_owners):
    notices_scan(as_of=TODAY)
    for digest in NoticeDigest.objects.all():
        document_render(document_id=digest.documents.get().pk)
        notice_digest_email(digest_id=digest.pk)
    sent = len(mail.outbox)

    again = notices_scan(as_of=TODAY)
    for digest in NoticeDigest.objects.all():
        notice_digest_email(digest_id=digest.pk)

    assert (again.notices, again.digests) == (0, 0)
    assert len(mail.outbox) == sent
    assert Notice.objects.count() == 5


def test_a_scan_skipped_for_three_days_sends_the_latest_stage_only(catalog):
    instrument = _due_in(0)  # valid until TODAY

    for day in range(-9, -1):  # daily scans up to two days before the due day
        notices_scan(as_of=TODAY + timedelta(days=day))
    # no scan on TODAY - 1, TODAY, TODAY + 1
    notices_scan(as_of=TODAY + timedelta(days=2))

    assert _stages(instrument) == ["d30", "d7", "overdue"]  # the due-day stage, missed, is not sent late


def test_reverifying_ten_days_before_due_stops_the_later_stages(catalog, technician):
    instrument = _due_in(30)
    notices_scan(as_of=TODAY)
    assigned_to(instrument, technician)

    verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic",
                        performed_on=TODAY + timedelta(days=20), procedure="ĐLVN 15:2009", result="pass")
    for day in (23, 30, 31, 40):
        notices_scan(as_of=TODAY + timedelta(days=day))

    assert _stages(instrument) == ["d30"]


def test_stages_are_data_an_officer_can_switch_off(catalog):
    from registry.models import NoticeStage

    NoticeStage.objects.filter(kind="instrument_verification", code="d60").update(active=False)
    instrument = _due_in(60)

    notices_scan(as_of=TODAY)

    assert _stages(instrument) == []


def test_the_command_scans_any_day(catalog):
    instrument = _due_in(7)
    out = io.StringIO()

    call_command("scan_expiries", "--as-of", TODAY.isoformat(), stdout=out)

    assert "1 new notices" in out.getvalue()
    assert _stages(instrument) == ["d7"]


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


def test_xray_device_due_gets_notices_for_its_facility(hospital):
    from registry.models import XrayDevice

    XrayDevice.objects.filter(pk=hospital.ct.pk).update(valid_until=timezone.localdate() + timedelta(days=7))

    notices_scan(as_of=timezone.localdate())

    notice = Notice.objects.get(kind="xray_verification")
    assert (notice.subject_id, notice.stage, notice.organization_id) == (hospital.ct.pk, "d7", hospital.organization.pk)


def test_notices_api_is_scoped_and_users_acknowledge(client_for, officer, three_owners):
    owners, _instruments = three_owners
    notices_scan(as_of=TODAY)
    user = owners[0].users.first()
    client = client_for(user)

    mine = client.get("/api/v1/notices/").json()["results"]
    notice_id = mine[0]["id"]
    acknowledged = client.post(f"/api/v1/notices/{notice_id}/acknowledge").json()

    assert {row["organization"] for row in mine} == {owners[0].pk}
    assert acknowledged["acknowledged_at"] and acknowledged["read_at"]
    assert client.get("/api/v1/notices/", {"acknowledged": "false"}).json()["count"] == len(mine) - 1
    other = Notice.objects.exclude(organization=owners[0]).first()
    assert client.get(f"/api/v1/notices/{other.pk}/").status_code == 404
    assert client_for(officer).get("/api/v1/notices/").json()["count"] == 5


def test_officers_see_what_is_overdue_per_organisation(client_for, officer, catalog):
    late = OrganizationFactory(name="Cơ sở chậm kiểm định")
    real_today = timezone.localdate()
    for days in (-400, -3, -1, 100):
        instrument = InstrumentFactory(owner=late if days < 0 else OrganizationFactory())
        Instrument.objects.filter(pk=instrument.pk).update(last_result="pass",
                                                           valid_until=real_today + timedelta(days=days))

    rows = client_for(officer).get("/api/v1/notices/overdue").json()

    assert rows[0]["organization_id"] == late.pk and rows[0]["instruments_overdue"] == 3
    assert client_for(UserFactory(role="business")).get("/api/v1/notices/overdue").status_code == 403


def test_notice_list_costs_a_fixed_number_of_queries(client_for, officer, catalog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/notices/").status_code == 200
        return len(queries)

    _due_in(7)
    notices_scan(as_of=TODAY)
    few = count()
    for days in range(8, 48):
        _due_in(days, owner=OrganizationFactory())
    notices_scan(as_of=TODAY + timedelta(days=1))

    assert Notice.objects.count() > 40
    assert count() == few


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


def test_each_notice_filter(client_for, officer, three_owners):
    owners, instruments = three_owners
    notices_scan(as_of=TODAY)
    by_subject = {n.subject_id: n for n in Notice.objects.all()}
    seven, overdue = by_subject[instruments[7].pk], by_subject[instruments[-5].pk]
    Notice.objects.filter(pk=seven.pk).update(read_at=timezone.now())
    client = client_for(officer)

    def ids(**params) -> set[int]:
        response = client.get("/api/v1/notices/", params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(organization_id=owners[1].pk) == {n.pk for n in by_subject.values() if n.organization_id == owners[1].pk}
    assert ids(stage="overdue") == {overdue.pk}
    assert ids(read="true") == {seven.pk}
    assert seven.pk not in ids(read="false")
    assert ids(due_date_before=(TODAY - timedelta(days=1)).isoformat()) == {overdue.pk}
    assert ids(due_date_after=(TODAY + timedelta(days=31)).isoformat()) == {by_subject[instruments[60].pk].pk}
    Notice.objects.filter(pk=overdue.pk).update(kind="xray_verification")  # a row of another kind, for the kind
    assert ids(kind="xray_verification") == {overdue.pk}
    assert ids(kind="instrument_verification") == {n.pk for n in by_subject.values()} - {overdue.pk}
