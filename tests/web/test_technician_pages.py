"""The technician's main job in Chromium (issue 10, point 4): sign in, find an instrument by its serial number, record
a passing verification with its readings (a reading outside its maximum permissible error is named beside the row as
it is typed, and the form records nothing until it is put right), watch the certificate, rendered by a real Celery
worker, become issued on the page without a reload, and open its PDF. Then the register-on-the-spot path, and
another body's instrument answering 404. Every page is checked by axe-core and photographed at 360 and 1,280 px."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import DocumentStatus
from registry.models import Instrument, Verification
from tests.factories import InstrumentFactory, InstrumentTypeFactory, OrganizationFactory

PASSWORD = "correct-horse-battery"  # tests/factories.py's UserFactory
LOCATION = "Cửa hàng xăng dầu số 7, Bắc Hà"

# reset_sequences: the flush between tests recreates content types; with sequences reset they keep their ids, which
# the long-lived worker processes have cached (tests/workers/test_license_pipeline.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def sign_in(pages, username: str) -> None:
    page = pages.page
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()


def h1(pages):
    return pages.page.get_by_role("heading", level=1)


def fill_reading(page, index: int, reference: str, measured: str, unit: str, mpe: str) -> None:
    for field, value in (("reference_value", reference), ("measured_value", measured), ("unit", unit),
                         ("max_permissible_error", mpe)):
        page.locator(f"#id_readings-{index}-{field}").fill(value)


class DocumentsHeld:
    """The workers stop taking documents to render (their `documents` consumers cancelled) until released: the page
    is seen with its certificate pending, whatever the workers' speed."""

    def __enter__(self):
        from workers.celery import app

        self.app = app
        app.control.cancel_consumer("documents", reply=True)
        return self

    def release(self):
        self.app.control.add_consumer("documents", reply=True)

    def __exit__(self, *exc):
        self.release()


@pytest.mark.services
def test_technician_records_a_verification_and_opens_its_certificate_issued_by_the_worker(
        pages, celery_workers, technician, business_org):
    instrument = InstrumentFactory(owner=business_org, serial_number="TK-2291-01", location=LOCATION,
                                   manufacturer="Tatsuno Vietnam", assigned_body=technician.organization)
    page = pages.page
    pages.go("/technician/")
    sign_in(pages, technician.username)
    expect(page).to_have_url(re.compile("/technician/$"))

    page.get_by_role("link", name="Tìm phương tiện đo").first.click()
    expect(h1(pages)).to_have_text("Tìm phương tiện đo")
    pages.check("technician-find")
    page.get_by_label("Số sản xuất", exact=True).fill(" tk-2291-01 ")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.locator("#found")).to_contain_text("1 phương tiện đo mang số sản xuất này")
    expect(page.locator("#found")).to_contain_text(LOCATION)
    pages.check("technician-found")
    page.get_by_role("link", name=re.compile("^Ghi kết quả kiểm định")).click()

    expect(h1(pages)).to_have_text("Ghi kết quả kiểm định")
    pages.check("technician-record")
    page.get_by_label("Đạt", exact=True).check()
    fill_reading(page, 0, "20", "20,04", "L", "0,1")
    expect(page.locator("#reading-0-check")).to_have_text("Sai số 0,04 L: trong giới hạn ±0,1 L.")
    fill_reading(page, 1, "100", "100,6", "L", "0,5")
    expect(page.locator("#reading-1-check")).to_contain_text(
        "Kết quả đo thứ 2 vượt sai số cho phép nên kết quả không thể là Đạt.")
    pages.check("technician-record-reading-outside")
    page.get_by_role("button", name="Lưu kết quả kiểm định").click()
    expect(page.locator(".field.has-error")).to_contain_text(
        "Kết quả đo thứ 2 vượt sai số cho phép nên kết quả không thể là Đạt.")
    assert not Verification.objects.exists()
    pages.check("technician-record-refused")

    page.locator("#id_readings-1-measured_value").fill("100,3")
    expect(page.locator("#reading-1-check")).to_have_text("Sai số 0,3 L: trong giới hạn ±0,5 L.")
    page.get_by_role("button", name="Thêm kết quả đo").click()
    page.get_by_role("button", name="Thêm kết quả đo").click()
    expect(page.locator("#id_readings-4-reference_value")).to_be_focused()
    fill_reading(page, 4, "500", "500,8", "L", "1")
    expect(page.locator("#reading-4-check")).to_have_text("Sai số 0,8 L: trong giới hạn ±1 L.")
    page.locator("#id_stamp_number").fill("TKĐ 24-0117")
    with DocumentsHeld() as held:
        page.get_by_role("button", name="Lưu kết quả kiểm định").click()
        expect(page).to_have_url(re.compile(r"/technician/verifications/\d+/$"))
        certificate = page.locator("#certificate")
        expect(certificate).to_contain_text("Đang cấp")
        pages.check("technician-verification-pending")
        page.evaluate("window.sameDocument = true")  # gone if the page reloads
        verification = Verification.objects.get()
        assert [str(r.measured_value.normalize()) for r in verification.readings.all()] == ["20.04", "100.3", "500.8"]
        held.release()

        expect(certificate).to_contain_text("Đã cấp", timeout=60_000)

    assert page.evaluate("window.sameDocument") is True
    document = verification.documents.get()
    assert document.status == DocumentStatus.ISSUED
    expect(certificate).to_contain_text(document.number)
    pages.check("technician-verification-issued")
    with page.expect_response(re.compile(r"/api/v1/documents/\d+/pdf$")) as opened:
        page.get_by_role("link", name="Mở giấy chứng nhận (PDF)").click()
    expect(page).to_have_url(re.compile(f"/api/v1/documents/{document.pk}/pdf$"))  # in the browser's PDF viewer
    assert opened.value.status == 200 and opened.value.headers["content-type"] == "application/pdf"
    assert opened.value.headers["content-disposition"].startswith("inline")
    # Chromium's PDF viewer keeps the bytes to itself: read them again with the page's cookies.
    pdf = PdfReader(io.BytesIO(page.context.request.get(page.url).body()))
    text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
    for expected in (document.number, "TK-2291-01", business_org.name, "TKĐ 24-0117"):
        assert expected in text

    page.go_back()
    page.get_by_role("link", name="Công việc trong ngày").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(f"{document.number} Đã cấp")
    pages.check("technician-day")
    assert instrument.pk == verification.instrument_id


def test_technician_registers_an_instrument_on_the_spot_and_gets_404_on_another_bodys(pages, technician,
                                                                                     business_org):
    InstrumentTypeFactory(item=11, name="Cột đo xăng dầu", name_en="Fuel dispenser")
    theirs = InstrumentFactory(owner=business_org, serial_number="TK-2291-09",
                               assigned_body=OrganizationFactory(kind="verification_body"))
    page = pages.page
    pages.go("/technician/find/?serial=TK-2291-09")
    sign_in(pages, technician.username)

    expect(page.locator("#found")).to_contain_text("Không tìm thấy phương tiện đo")
    pages.check("technician-not-found")
    assert pages.go(f"/technician/instruments/{theirs.pk}/verify/").status == 404
    pages.go("/technician/find/?serial=TK-NEW-7")
    page.get_by_role("link", name="Đăng ký phương tiện đo này").click()

    expect(h1(pages)).to_have_text("Đăng ký phương tiện đo")
    expect(page.get_by_label("Số sản xuất", exact=True)).to_have_value("TK-NEW-7")
    pages.check("technician-register")
    page.get_by_label("Loại phương tiện đo", exact=True).select_option(label="11. Cột đo xăng dầu")
    page.get_by_label("Cơ sở sản xuất", exact=True).fill("Tatsuno Vietnam")
    page.get_by_label("Mã số thuế của cơ sở sử dụng", exact=True).fill("0000000000")
    page.get_by_label("Nơi sử dụng", exact=True).fill(LOCATION)
    page.get_by_role("button", name="Đăng ký và ghi kết quả kiểm định").click()
    expect(page.locator(".field.has-error")).to_contain_text("Không có doanh nghiệp hay bệnh viện nào mang mã số thuế")
    assert Instrument.objects.count() == 1
    pages.check("technician-register-error")
    page.get_by_label("Mã số thuế của cơ sở sử dụng", exact=True).fill(business_org.tax_code)
    page.get_by_role("button", name="Đăng ký và ghi kết quả kiểm định").click()

    registered = Instrument.objects.get(serial_number="TK-NEW-7")
    expect(page).to_have_url(re.compile(f"/technician/instruments/{registered.pk}/verify/$"))
    expect(page.locator(".messages")).to_contain_text("Đã đăng ký phương tiện đo")
    expect(page.locator(".instrument-card")).to_contain_text("Chưa kiểm định")
    assert registered.registered_by_organization == technician.organization and registered.owner == business_org
    pages.check("technician-record-new-instrument")
