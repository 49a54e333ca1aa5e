"""The technician's pages through Django's test client (the browser test, test_technician_pages.py, shows them in
Chromium): the instrument lookup and registration on the spot, the verification form with its readings and the
errors the API gives, the two htmx endpoints (a new row, a reading checked as typed), the certificate's polled state,
the day's work list, and 404 for another body's instruments and verifications."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Document, DocumentStatus
from certificates.services import document_render
from registry.models import Instrument, Verification
from tests.factories import InstrumentFactory, InstrumentTypeFactory, OrganizationFactory, UserFactory
from tests.web.technician_helpers import record_pass

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, technician):
    client.force_login(technician)
    return client


@pytest.fixture
def instrument(technician, business_org):
    return InstrumentFactory(owner=business_org, serial_number="TK-2291-01", assigned_body=technician.organization)


@pytest.fixture
def other_bodys_instrument(business_org):
    return InstrumentFactory(owner=business_org, serial_number="TK-2291-02",
                             assigned_body=OrganizationFactory(kind="verification_body"))


def _verification_data(**overrides) -> dict:
    data = {"kind": "periodic", "performed_on": timezone.localdate().isoformat(), "result": "pass",
            "stamp_number": "", "procedure": "", "environment": "",
            "readings-TOTAL_FORMS": "3", "readings-INITIAL_FORMS": "0",
            "readings-0-reference_value": "20", "readings-0-measured_value": "20,04", "readings-0-unit": "L",
            "readings-0-max_permissible_error": "0,1",
            "readings-1-reference_value": "100", "readings-1-measured_value": "100.3", "readings-1-unit": "L",
            "readings-1-max_permissible_error": "0.5"}
    return {**data, **overrides}


# --- finding an instrument, registering one on the spot -----------------------------------------------------------


def test_the_lookup_finds_the_bodys_instrument_by_serial_whatever_the_case_and_spaces(signed_in, instrument):
    page = signed_in.get("/technician/find/", {"serial": " tk-2291-01 "}).content.decode()

    assert "TK-2291-01" in page and f"/technician/instruments/{instrument.pk}/verify/" in page


def test_the_lookup_never_shows_another_bodys_instrument_and_offers_to_register(signed_in, other_bodys_instrument):
    page = signed_in.get("/technician/find/", {"serial": "TK-2291-02"}).content.decode()

    assert f"/instruments/{other_bodys_instrument.pk}/" not in page
    assert "/technician/instruments/new/?serial=TK-2291-02" in page


def test_registering_on_the_spot_makes_the_instrument_the_bodys_and_goes_on_to_its_verification(
        signed_in, technician, business_org):
    kind = InstrumentTypeFactory()

    answer = signed_in.post("/technician/instruments/new/", {
        "instrument_type": kind.pk, "serial_number": " tk 77 ", "manufacturer": "Tatsuno", "owner_tax_code":
        business_org.tax_code, "location": "Cửa hàng xăng dầu số 7", "year_made": "2020"})

    instrument = Instrument.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/technician/instruments/{instrument.pk}/verify/"
    assert instrument.owner == business_org and instrument.registered_by_organization == technician.organization
    assert instrument.serial_number == "tk 77" and instrument.year_made == 2020


def test_an_unknown_owners_tax_code_is_named_beside_its_field_and_nothing_is_registered(signed_in,
                                                                                       verification_body):
    answer = signed_in.post("/technician/instruments/new/", {
        "instrument_type": InstrumentTypeFactory().pk, "serial_number": "TK-9", "manufacturer": "Tatsuno",
        "owner_tax_code": verification_body.tax_code, "location": "Cửa hàng số 7"})

    assert answer.status_code == 200 and not Instrument.objects.exists()
    assert answer.context["form"].errors["owner_tax_code"] == [
        "Không có doanh nghiệp hay bệnh viện nào mang mã số thuế này. Hãy kiểm tra mã trên giấy tờ của chủ sở hữu, "
        "hoặc đề nghị Sở đăng ký chủ sở hữu."]


def test_a_serial_already_registered_gets_the_services_error_beside_the_serial(signed_in, instrument, business_org):
    answer = signed_in.post("/technician/instruments/new/", {
        "instrument_type": instrument.instrument_type_id, "serial_number": "tk-2291-01",
        "manufacturer": instrument.manufacturer, "owner_tax_code": business_org.tax_code, "location": "Cửa hàng"})

    assert Instrument.objects.count() == 1
    assert answer.context["form"].errors["serial_number"] == [
        "Phương tiện đo cùng loại, cùng cơ sở sản xuất với số sản xuất này đã được đăng ký."]


# --- recording a verification --------------------------------------------------------------------------------------


def test_a_verification_with_its_readings_is_recorded_and_the_page_follows_its_certificate(signed_in, instrument):
    answer = signed_in.post(f"/technician/instruments/{instrument.pk}/verify/", _verification_data())

    verification = Verification.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/technician/verifications/{verification.pk}/"
    assert [(str(r.measured_value.normalize()), r.unit) for r in verification.readings.all()] == [
        ("20.04", "L"), ("100.3", "L")]
    assert verification.documents.get().status == DocumentStatus.PENDING
    page = signed_in.get(answer["Location"]).content.decode()
    assert f'hx-get="/technician/verifications/{verification.pk}/certificate/"' in page


def test_a_reading_outside_the_mpe_is_the_apis_error_beside_the_result_and_nothing_is_recorded(
        signed_in, client_for, technician, instrument):
    data = _verification_data(**{"readings-1-measured_value": "100,6"})

    answer = signed_in.post(f"/technician/instruments/{instrument.pk}/verify/", data)

    assert answer.status_code == 200 and not Verification.objects.exists() and not Document.objects.exists()
    api = client_for(technician).post("/api/v1/verifications/", {
        "instrument": instrument.pk, "kind": "periodic", "performed_on": data["performed_on"], "result": "pass",
        "readings": [{"reference_value": "20", "measured_value": "20.04", "unit": "L", "max_permissible_error": "0.1"},
                     {"reference_value": "100", "measured_value": "100.6", "unit": "L",
                      "max_permissible_error": "0.5"}]}, format="json", HTTP_ACCEPT_LANGUAGE="vi")
    assert api.status_code == 400
    assert answer.context["form"].errors["result"] == api.json()["result"] == [
        "Kết quả đo thứ 2 vượt sai số cho phép nên kết quả không thể là Đạt."]


def test_a_verification_dated_in_the_future_gets_the_services_error_beside_the_date(signed_in, instrument):
    tomorrow = timezone.localdate() + timedelta(days=1)

    answer = signed_in.post(f"/technician/instruments/{instrument.pk}/verify/",
                            _verification_data(performed_on=tomorrow.isoformat()))

    assert not Verification.objects.exists()
    assert answer.context["form"].errors["performed_on"] == [
        f"Ngày kiểm định không được ở tương lai (hôm nay là {timezone.localdate().isoformat()})."]


def test_the_same_verification_sent_twice_is_refused_beside_the_date(signed_in, instrument):
    signed_in.post(f"/technician/instruments/{instrument.pk}/verify/", _verification_data())

    again = signed_in.post(f"/technician/instruments/{instrument.pk}/verify/", _verification_data())

    assert again.status_code == 200 and Verification.objects.count() == 1
    assert again.context["form"].errors["performed_on"]


def test_another_bodys_instrument_and_verification_are_404(signed_in, client_for, other_bodys_instrument):
    other_technician = UserFactory(role="technician", organization=other_bodys_instrument.assigned_body)
    theirs = record_pass(other_technician, instrument=other_bodys_instrument)

    assert signed_in.get(f"/technician/instruments/{other_bodys_instrument.pk}/verify/").status_code == 404
    assert signed_in.post(f"/technician/instruments/{other_bodys_instrument.pk}/verify/",
                          _verification_data()).status_code == 404
    assert signed_in.get(f"/technician/verifications/{theirs.pk}/").status_code == 404
    assert signed_in.get(f"/technician/verifications/{theirs.pk}/certificate/").status_code == 404
    assert Verification.objects.count() == 1


def test_a_business_user_gets_404_on_the_technicians_pages(client, business_user, instrument):
    client.force_login(business_user)

    for path in ("/technician/find/", f"/technician/instruments/{instrument.pk}/verify/", "/technician/day/"):
        assert client.get(path).status_code == 404


# --- the htmx endpoints ----------------------------------------------------------------------------------------


def test_a_new_readings_row_takes_the_next_number_and_moves_the_count_on(signed_in):
    row = signed_in.get("/technician/readings/row/", {"readings-TOTAL_FORMS": "3"}).content.decode()

    assert 'name="readings-3-measured_value"' in row and "Kết quả đo thứ 4" in row and "autofocus" in row
    assert 'id="id_readings-TOTAL_FORMS"' in row and 'value="4"' in row and 'hx-swap-oob="true"' in row


def test_a_reading_is_checked_as_typed_with_the_services_own_message(signed_in):
    row = {"row": "1", "readings-1-reference_value": "100", "readings-1-measured_value": "100,6",
           "readings-1-unit": "L", "readings-1-max_permissible_error": "0,5"}

    refused = signed_in.post("/technician/readings/check/", {**row, "result": "pass"}).content.decode()
    noted = signed_in.post("/technician/readings/check/", {**row, "result": "fail"}).content.decode()
    within = signed_in.post("/technician/readings/check/", {
        **row, "readings-1-measured_value": "100,4", "result": "pass"}).content.decode()

    assert "Kết quả đo thứ 2 vượt sai số cho phép nên kết quả không thể là Đạt." in refused
    assert "errorlist" not in noted and "Sai số 0,6 L: vượt ±0,5 L." in noted
    assert "errorlist" not in within and "Sai số 0,4 L: trong giới hạn ±0,5 L." in within


def test_a_reading_half_typed_says_nothing_but_a_number_typed_wrong(signed_in):
    half = signed_in.post("/technician/readings/check/", {"row": "0", "readings-0-reference_value": "20",
                                                          "result": "pass"}).content.decode()
    wrong = signed_in.post("/technician/readings/check/", {"row": "0", "readings-0-reference_value": "2o",
                                                           "result": "pass"}).content.decode()

    assert half.strip() == ""
    assert "Nhập một số." in wrong


def test_the_certificate_is_polled_while_pending_and_the_polling_stops_once_issued(signed_in, technician):
    verification = record_pass(technician)
    path = f"/technician/verifications/{verification.pk}/certificate/"

    pending = signed_in.get(path)
    document_render(document_id=verification.documents.get().pk)
    issued = signed_in.get(path)

    assert pending.status_code == 200 and "Đang cấp" in pending.content.decode()
    document = verification.documents.get()
    assert issued.status_code == 286  # htmx stops polling
    assert f'href="/api/v1/documents/{document.pk}/pdf"' in issued.content.decode()
    pdf = signed_in.get(f"/api/v1/documents/{document.pk}/pdf")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_failed_rendering_stops_the_polling_too(signed_in, technician):
    verification = record_pass(technician)
    Document.objects.filter(subject_id=verification.pk).update(status=DocumentStatus.FAILED)

    answer = signed_in.get(f"/technician/verifications/{verification.pk}/certificate/")

    assert answer.status_code == 286 and "Không cấp được" in answer.content.decode()


# --- the day's work --------------------------------------------------------------------------------------------


def test_the_days_work_is_today_unless_another_day_is_asked(signed_in, technician):
    yesterday = timezone.localdate() - timedelta(days=1)
    today_serial = record_pass(technician, serial_number="TODAY-1").instrument.serial_number
    record_pass(technician, serial_number="YESTERDAY-1", performed_on=yesterday)

    today = signed_in.get("/technician/day/").content.decode()
    before = signed_in.get("/technician/day/", {"on": yesterday.isoformat()}).content.decode()
    nonsense = signed_in.get("/technician/day/", {"on": "not-a-day"}).content.decode()

    assert today_serial in today and "YESTERDAY-1" not in today
    assert "YESTERDAY-1" in before and today_serial not in before
    assert today_serial in nonsense


def test_the_days_work_is_paginated(signed_in, technician):
    for _ in range(26):
        record_pass(technician)

    first = signed_in.get("/technician/day/")
    second = signed_in.get("/technician/day/", {"on": timezone.localdate().isoformat(), "page": 2})

    assert len(first.context["page"].object_list) == 25 and len(second.context["page"].object_list) == 1
    assert "Trang 1/2" in first.content.decode()


def test_an_empty_row_is_checked_to_nothing(signed_in):
    empty = signed_in.post("/technician/readings/check/", {"row": "2", "readings-2-reference_value": "",
                                                           "result": "pass"})

    assert empty.status_code == 200 and empty.content.decode().strip() == ""
