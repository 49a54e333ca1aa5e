# ruff: noqa: F811 - the inspections tests' fixtures, imported below, are the tests' arguments
"""The inspector's pages with Django's client (issue 10, point 6): the team's cases only (another team's is a 404,
as on the API), findings recorded through the API's service with a photo checked whole (a refused photo writes
nothing), devices found by serial with the registry's pre-filled finding, violations filed under the type in force
on the act's day. The browser test of the same job is test_inspector_pages.py."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from PIL import Image

from inspections.models import ChecklistItem, Evidence, ExaminedItem, Finding, Violation, ViolationType
from inspections.selectors import violation_types_in_force
from inspections.selectors.cases import checklist_rows, examined_item_list
from inspections.services.cases import examined_item_add, finding_record
from registry.services import totp_enrolment_start
from tests.inspections.conftest import art_10_1, cases, topics  # noqa: F401 - fixtures
from tests.inspections.penalty_fixtures import expired_instrument

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    """A session with the password and a confirmed one-time code, as the sign-in pages leave it."""
    device = totp_enrolment_start(user=user)
    device.confirmed = True
    device.save()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def png(size=(24, 16)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile("IMG_0042.png", buffer.getvalue(), content_type="image/png")


def point(code: str) -> ChecklistItem:
    return ChecklistItem.objects.get(topic__code="metrology", code=code)


def subject_url(cases) -> str:
    return f"/inspector/cases/{cases.case.pk}/subjects/{cases.subject.pk}/"


def test_the_list_holds_the_teams_cases_and_another_teams_case_is_404(client, cases):
    signed_in(client, cases.member)

    listed = client.get("/inspector/cases/").content.decode()

    assert cases.case.title in listed and cases.other_case.title not in listed
    assert client.get(f"/inspector/cases/{cases.case.pk}/").status_code == 200
    other = cases.other_case.subjects.get()
    for path in (f"/inspector/cases/{cases.other_case.pk}/",
                 f"/inspector/cases/{cases.other_case.pk}/subjects/{other.pk}/",
                 f"/inspector/cases/{cases.other_case.pk}/violations/new/",
                 f"/inspector/cases/{cases.case.pk}/subjects/{other.pk}/",  # another case's subject, via ours
                 f"/inspector/cases/{cases.case.pk}/subjects/{cases.subject.pk}/items/999999/",
                 "/inspector/cases/99999999999999999999/"):
        assert client.get(path).status_code == 404, path
    answer = client.post(f"/inspector/cases/{cases.other_case.pk}/subjects/{other.pk}/",
                         {"checklist_item": point("marking").pk, "result": "conforming"})
    assert answer.status_code == 404 and not Finding.objects.exists()


def test_a_business_and_an_officer_get_404_on_the_inspectors_pages(client, cases):
    client.force_login(cases.business)
    assert client.get("/inspector/cases/").status_code == 404
    assert client.get(f"/inspector/cases/{cases.case.pk}/").status_code == 404
    signed_in(client, cases.officer)
    assert client.get(f"/inspector/cases/{cases.case.pk}/").status_code == 404


def test_a_finding_with_a_note_and_a_photo_is_saved_through_the_services(client, cases):
    signed_in(client, cases.member)

    answer = client.post(subject_url(cases), {"checklist_item": point("storage-use").pk, "result": "not_conforming",
                                              "note": "Cân để ngoài trời, không che mưa.", "file": png()})

    assert answer.status_code == 302 and answer["Location"].endswith(f"#point-{point('storage-use').pk}")
    finding = Finding.objects.get()
    assert (finding.result, finding.note, finding.recorded_by, finding.examined_item) == (
        "not_conforming", "Cân để ngoài trời, không che mưa.", cases.member, None)
    evidence = finding.evidence.get()
    assert evidence.content_type == "image/png" and evidence.original_name == "IMG_0042.png"
    page = client.get(subject_url(cases)).content.decode()
    assert "Cân để ngoài trời, không che mưa." in page and "IMG_0042.png" in page
    download = client.get(f"/inspector/cases/{cases.case.pk}/evidence/{evidence.pk}/")
    assert download["Content-Type"] == "image/png" and "attachment" in download["Content-Disposition"]
    assert Image.open(io.BytesIO(b"".join(download.streaming_content))).size == (24, 16)
    signed_in(client, cases.other_inspector)
    assert client.get(f"/inspector/cases/{cases.case.pk}/evidence/{evidence.pk}/").status_code == 404


def test_a_photo_that_is_not_an_image_is_refused_beside_its_field_and_nothing_is_written(client, cases):
    signed_in(client, cases.member)
    fake = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n<svg onload=alert(1)>", content_type="image/png")

    answer = client.post(subject_url(cases), {"checklist_item": point("marking").pk, "result": "conforming",
                                              "note": "Tem còn nguyên.", "file": fake})

    assert answer.status_code == 400
    page = answer.content.decode()
    field = page[page.index(f'id="finding-{point("marking").pk}-file_error"') - 400:]
    assert "Gửi bản quét PDF, JPEG hoặc PNG." in page[page.index('class="field has-error"'):]
    assert 'aria-invalid="true"' in field or "has-error" in field
    assert not Finding.objects.exists() and not Evidence.objects.exists()


def test_a_result_is_required_beside_its_field(client, cases):
    signed_in(client, cases.member)

    answer = client.post(subject_url(cases), {"checklist_item": point("marking").pk, "note": "?"})

    assert answer.status_code == 400
    assert f'id="finding-{point("marking").pk}-result_error"' in answer.content.decode()
    assert not Finding.objects.exists()


def test_a_device_found_by_serial_comes_with_the_registrys_prefilled_finding(client, cases, technician):
    instrument = expired_instrument(cases.business.organization, technician)
    signed_in(client, cases.leader)

    answer = client.post(f"{subject_url(cases)}items/", {
        "kind": "instrument", "serial_number": " nhs-2291 ", "examined_on": timezone.localdate().isoformat()})

    examined = ExaminedItem.objects.get()
    assert examined.instrument == instrument
    assert answer["Location"] == f"{subject_url(cases)}items/{examined.pk}/"
    page = client.get(answer["Location"]).content.decode()
    assert "Điền sẵn từ sổ kiểm định" in page and "Verification expired" not in page
    assert "Hết hạn kiểm định: giấy chứng nhận số" in page  # the service's own note, in Vietnamese


def test_a_device_unknown_to_the_register_needs_a_description_said_beside_it(client, cases):
    signed_in(client, cases.leader)

    answer = client.post(f"{subject_url(cases)}items/", {
        "kind": "instrument", "serial_number": "KHONG-CO-123", "examined_on": timezone.localdate().isoformat()})

    assert answer.status_code == 400 and not ExaminedItem.objects.exists()
    page = answer.content.decode()
    assert 'id="item_description_error"' in page


def test_an_examination_before_the_decision_is_refused_beside_the_date(client, cases):
    signed_in(client, cases.leader)

    answer = client.post(f"{subject_url(cases)}items/", {
        "kind": "instrument", "serial_number": "X-1", "description": "Cân đĩa",
        "examined_on": (cases.case.decision_date - timedelta(days=1)).isoformat()})

    assert answer.status_code == 400 and 'id="item_examined_on_error"' in answer.content.decode()


def test_a_violation_is_filed_under_the_type_in_force_on_the_day_of_the_act(client, cases, technician, art_10_1):
    instrument = expired_instrument(cases.business.organization, technician)
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", instrument_id=instrument.pk)
    signed_in(client, cases.member)
    url = f"/inspector/cases/{cases.case.pk}/violations/new/"
    act_date = timezone.localdate() - timedelta(days=1)

    form = client.get(url).content.decode()
    assert f'value="{art_10_1.pk}"' in form and instrument.serial_number in form
    answer = client.post(url, {
        "violator": cases.business.organization_id, "act_date": act_date.isoformat(),
        "violation_type": art_10_1.pk, "instruments": [instrument.pk], "facts": "Cân hết hạn kiểm định.",
        "place": "Chợ Cốc Lếu"})

    assert answer.status_code == 302 and answer["Location"].endswith(f"/inspector/cases/{cases.case.pk}/#violations")
    violation = Violation.objects.get()
    assert (violation.violation_type, violation.act_date, list(violation.instruments.all()), violation.recorded_by) \
        == (art_10_1, act_date, [instrument], cases.member)
    assert "Cân hết hạn kiểm định." in client.get(answer["Location"]).content.decode()


def test_the_types_offered_are_those_in_force_on_the_day_typed(client, cases, art_10_1):
    signed_in(client, cases.leader)
    url = f"/inspector/cases/{cases.case.pk}/violations/new/"
    old = date(2015, 6, 1)  # before Decree 119/2017

    assert list(violation_types_in_force(on=old)) == []
    page = client.get(url, {"act_date": old.isoformat()}).content.decode()
    assert f'value="{art_10_1.pk}"' not in _select(page, "violation_type")
    answer = client.post(url, {"violator": cases.business.organization_id, "act_date": old.isoformat(),
                               "violation_type": art_10_1.pk, "facts": "x"})
    assert answer.status_code == 400 and 'id="violation_violation_type_error"' in answer.content.decode()
    assert not Violation.objects.exists()


def test_a_service_refusal_lands_beside_its_field(client, cases, technician, art_10_1):
    """The service, not the form, knows which instruments were examined at the violator: its 400 on `instruments`
    is shown beside the checkboxes."""
    signed_in(client, cases.leader)
    instrument = expired_instrument(cases.other_business.organization, technician, serial="OTHER-1")
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", instrument_id=instrument.pk)  # not the violator's own

    answer = client.post(f"/inspector/cases/{cases.case.pk}/violations/new/", {
        "violator": cases.business.organization_id, "act_date": timezone.localdate().isoformat(),
        "violation_type": art_10_1.pk, "instruments": [instrument.pk], "facts": "x"})

    assert answer.status_code == 400 and 'id="violation_instruments_error"' in answer.content.decode()
    assert not Violation.objects.exists()


def test_the_checklist_rows_pair_each_point_with_its_finding(cases):
    finding_record(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                   checklist_item_id=point("marking").pk, result="conforming")

    rows = checklist_rows(actor=cases.leader, inspection=cases.case, subject=cases.subject)

    assert [row.item.code for row in rows] == list(
        ChecklistItem.objects.filter(topic__code="metrology").order_by("position").values_list("code", flat=True))
    assert [row.item.code for row in rows if row.finding] == ["marking"]
    assert checklist_rows(actor=cases.leader, inspection=cases.case, subject=cases.subject,
                          examined_item=ExaminedItem(pk=0))[1].finding is None  # a device's list is its own


def test_a_business_sees_only_its_own_subjects_examined_items(cases, technician):
    mine = expired_instrument(cases.business.organization, technician)
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=cases.subject.pk,
                      kind="instrument", instrument_id=mine.pk)
    other = subject_add_for(cases)
    examined_item_add(actor=cases.leader, inspection_id=cases.case.pk, subject_id=other.pk, kind="instrument",
                      serial_number="Z-9", description="Cân đĩa")

    assert examined_item_list(actor=cases.leader, inspection=cases.case).count() == 2
    assert [i.instrument for i in examined_item_list(actor=cases.business, inspection=cases.case)] == [mine]


def subject_add_for(cases):
    from inspections.services.cases import subject_add

    return subject_add(actor=cases.leader, inspection_id=cases.case.pk,
                       organization_id=cases.other_business.organization_id)


def test_violation_types_in_force_follow_their_days(art_10_1):
    today = timezone.localdate()
    assert art_10_1 in violation_types_in_force(on=today)
    ViolationType.objects.filter(pk=art_10_1.pk).update(in_force_to=today)  # ceased today: not in force today

    assert art_10_1 not in violation_types_in_force(on=today)
    assert art_10_1 in violation_types_in_force(on=today - timedelta(days=1))
    assert art_10_1 not in violation_types_in_force(on=art_10_1.in_force_from - timedelta(days=1))


def _select(page: str, name: str) -> str:
    """The <select> named `name` of a page (an id may recur as another list's value)."""
    match = re.search(rf'<select name="{name}".*?</select>', page, flags=re.S)
    assert match, f"no <select name={name!r}> on the page"
    return match.group(0)
