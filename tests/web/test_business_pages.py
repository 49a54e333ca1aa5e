"""The business's compliance page in Chromium (issue 10, point 3): the business signs in, finds its expired
instrument from the count, opens it, downloads its certificate (a PDF), exports the list to CSV and XLSX (read back:
its row is there, no other organisation's), acknowledges a notice; another business's instrument and document are
404; a hospital sees its licence's standing. Every page is checked by axe-core and photographed at 360 and 1,280 px
(tests/web/conftest.py)."""

import csv
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from certificates.notices.models import Notice
from certificates.notices.services import notices_scan
from tests.conftest import nothing_enqueued_on_commit
from tests.registry.radiation_fixtures import issue_license, make_hospital
from tests.web.business_data import EXPIRED_SERIAL, OTHER_SERIAL, make_fleet

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"  # tests/factories.py's UserFactory


@pytest.fixture
def fleet(catalog, technician, business_user):
    with nothing_enqueued_on_commit():
        fleet = make_fleet(technician, business_user)
        notices_scan(as_of=timezone.localdate())
    return fleet


def sign_in(pages, username: str) -> None:
    page = pages.page
    pages.go("/sign-in/")
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()


def test_business_finds_its_expired_instrument_downloads_its_certificate_exports_and_acknowledges(pages, fleet):
    page = pages.page
    sign_in(pages, fleet.user.username)
    page.get_by_role("link", name="Tuân thủ").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuân thủ")
    pages.check("business-compliance")

    page.locator("#instruments .count.status-expired").click()

    instruments = page.locator("#instruments table")
    expect(instruments).to_contain_text(EXPIRED_SERIAL)
    assert instruments.locator("tbody tr").count() == 1
    pages.check("business-compliance-expired")

    with page.expect_download() as csv_download:
        page.locator("#instruments .exports").get_by_role("link", name=re.compile("^CSV")).click()
    rows = list(csv.reader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "Số sản xuất" and [row[0] for row in rows[1:]] == [EXPIRED_SERIAL]
    assert rows[1][rows[0].index("Có giá trị đến")] == fleet.expired.valid_until.strftime("%d/%m/%Y")
    with page.expect_download() as xlsx_download:
        page.locator("#instruments .exports").get_by_role("link", name=re.compile("^Excel")).click()
    sheet = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes())).active
    serials = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert serials == [EXPIRED_SERIAL] and OTHER_SERIAL not in serials
    assert sheet.cell(row=2, column=8).value.date() == fleet.expired.valid_until

    page.locator("#instruments table").get_by_role("link", name=EXPIRED_SERIAL).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(EXPIRED_SERIAL)
    pages.check("business-instrument")
    with page.expect_download() as certificate:
        page.get_by_role("link", name=re.compile("^Tải về")).first.click()
    assert certificate.value.suggested_filename.endswith(".pdf")
    assert certificate.value.path().read_bytes()[:5] == b"%PDF-"

    pages.go("/business/compliance/#notices")
    notices = page.locator("#notices table tbody tr")
    before = notices.count()
    assert before >= 1
    subject = notices.first.locator("td").nth(1).inner_text()
    notices.first.get_by_role("button", name=re.compile("^Xác nhận")).click()
    expect(page.locator(".messages")).to_contain_text("Đã xác nhận thông báo.")
    assert page.locator("#notices table tbody tr").count() == before - 1
    acknowledged = Notice.objects.filter(organization=fleet.user.organization, acknowledged_at__isnull=False)
    assert acknowledged.count() == 1 and acknowledged.get().acknowledged_by == fleet.user
    assert acknowledged.get().subject_label in subject
    pages.check("business-notice-acknowledged")


def test_another_businesss_instrument_and_document_are_404(pages, fleet):
    sign_in(pages, fleet.user.username)
    expect(pages.page).to_have_url(re.compile("/business/$"))

    assert pages.go(f"/business/instruments/{fleet.other_expired.pk}/").status == 404
    expect(pages.page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    assert pages.go(f"/api/v1/documents/{fleet.other_certificate.pk}/pdf").status == 404
    assert pages.go(f"/business/instruments/{fleet.expired.pk}/").status == 200


def test_a_hospital_sees_its_radiation_register_and_its_licences_standing(pages, catalog, client_for, officer):
    with nothing_enqueued_on_commit():
        hospital = make_hospital()
        issue_license(client_for, officer, hospital)
    sign_in(pages, hospital.user.username)

    pages.go("/business/compliance/#radiation")

    radiation = pages.page.locator("#radiation")
    expect(radiation).to_contain_text("Giấy phép đang có hiệu lực")
    expect(radiation).to_contain_text("Nộp hồ sơ gia hạn trước ngày")
    expect(radiation).to_contain_text(hospital.ct.serial_number)
    expect(radiation).to_contain_text("Nguyễn Thị Hoa")
    assert radiation.locator(".check-bad").count() == 0
    pages.check("business-compliance-hospital")
