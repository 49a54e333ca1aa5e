"""The officer's main job in Chromium (issue 10, point 5), on the demo's data: signing in with the one-time code
computed here, deciding licence applications (each check and the working-day deadline on the page, a refusal without
a reason refused beside its field, an issue with conditions, a refusal with its reason), the demo's overdue
organisation, organisations and users with an account created; a business gets 404 on every officer page. Every
page is checked by axe-core and photographed at 360 and 1,280 px (tests/web/conftest.py)."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from registry import services
from registry.management.commands.seed_demo import DEMO_PASSWORD
from registry.models import LicenseApplication, RadiationLicense, User
from registry.services import totp_enrolment_start
from tests.registry.radiation_fixtures import make_hospital
from tests.web.conftest import totp_code

pytestmark = pytest.mark.browser

FUEL = "Công ty TNHH Xăng dầu Hiền Lương"  # the demo's organisation with a dispenser past its verification
VINH_LINH = "Bệnh viện Đa khoa huyện Vĩnh Linh"


@pytest.fixture
def demo(catalog):
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def officer_device(demo):
    """The demo officer's authenticator app, set up at an earlier sign-in."""
    device = totp_enrolment_start(user=User.objects.get(username="officer"))
    device.confirmed = True
    device.save()
    return device


def sign_in(pages, username: str, password: str = DEMO_PASSWORD) -> None:
    page = pages.page
    if "/sign-in/" not in page.url:
        pages.go("/sign-in/")
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()


def sign_in_as_officer(pages, device) -> None:
    sign_in(pages, "officer")
    pages.page.get_by_label("Mã từ ứng dụng xác thực", exact=True).fill(totp_code(device.bin_key))
    pages.page.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(pages.page).to_have_url(re.compile("/officer/$"))


def h1(pages):
    return pages.page.get_by_role("heading", level=1)


def _file_two_applications() -> tuple[LicenseApplication, LicenseApplication]:
    """A district hospital's application that passes its checks, and one for its dental unit alone."""
    hospital = make_hospital(VINH_LINH)
    attachments = [services.AttachmentInput(item_code=code, reference=reference) for code, reference in [
        ("application", "Công văn số 45/BVVL-HCQT"), ("registration", "Quyết định thành lập số 112/QĐ-UBND"),
        ("verification-certificate", "Giấy chứng nhận kiểm định kèm hồ sơ giấy")]]
    common = {"actor": hospital.user, "safety_officer_id": hospital.safety_officer.pk, "attachments": attachments,
              "dosimetry_provider": "Viện Khoa học và Kỹ thuật hạt nhân", "dosimetry_contract_number": "HĐ-2026/207"}
    both = services.license_application_submit(kind="new", device_ids=[hospital.ct.pk, hospital.dental.pk], **common)
    dental = services.license_application_submit(kind="new", device_ids=[hospital.dental.pk], **common)
    return both, dental


def test_the_officer_decides_applications_and_finds_the_overdue_organisation(pages, officer_device):
    both, dental = _file_two_applications()
    page = pages.page

    sign_in_as_officer(pages, officer_device)
    pages.check("officer-start")
    page.get_by_role("link", name="Hồ sơ đề nghị cấp giấy phép").first.click()

    expect(h1(pages)).to_have_text("Hồ sơ đề nghị cấp giấy phép")
    expect(page.locator("main table")).to_contain_text(VINH_LINH)
    expect(page.locator("main table")).to_contain_text("ngày làm việc")
    pages.check("officer-applications")
    page.locator(f"a[href='/officer/applications/{both.pk}/']").click()

    expect(h1(pages)).to_have_text(f"Hồ sơ của {VINH_LINH}")
    checks = page.locator("#checks")
    expect(checks).to_contain_text("Kiểm định Máy CT số")
    expect(checks).to_contain_text("Người phụ trách an toàn bức xạ có chứng chỉ")
    expect(checks).to_contain_text("Hợp đồng đo liều cá nhân")
    expect(page.locator("#checklist")).to_contain_text("Công văn số 45/BVVL-HCQT")
    deadlines = page.locator(".deadlines")
    expect(deadlines).to_contain_text(both.processing_deadline.strftime("%d/%m/%Y"))
    expect(deadlines).to_contain_text(re.compile(r"Còn \d+ ngày làm việc"))
    pages.check("officer-application")

    page.get_by_role("button", name="Từ chối hồ sơ").click()  # without a reason
    expect(page.locator(".field.has-error")).to_contain_text("Từ chối phải nêu lý do.")
    pages.check("officer-application-error")

    page.get_by_label("Điều kiện của giấy phép").fill(
        "Chỉ sử dụng các thiết bị nêu tại Điều 1 tại đúng phòng đặt máy.\nĐọc liều kế không quá 3 tháng một lần.")
    page.get_by_role("button", name="Cấp giấy phép").click()

    expect(page.locator(".messages")).to_contain_text("Đã cấp giấy phép")
    license = RadiationLicense.objects.get(application=both)
    result = page.locator("#license")
    expect(result).to_contain_text(license.documents.get().number)
    expect(result).to_contain_text(license.valid_until.strftime("%d/%m/%Y"))
    expect(result).to_contain_text("Đọc liều kế không quá 3 tháng một lần.")
    expect(page.locator(".deadlines")).to_contain_text("Đã giải quyết đúng hạn")
    pages.check("officer-application-issued")

    pages.go(f"/officer/applications/{dental.pk}/")
    page.get_by_label("Lý do từ chối").fill("Phòng nha khoa chưa được thẩm định an toàn bức xạ.")
    page.get_by_role("button", name="Từ chối hồ sơ").click()

    expect(page.locator("#refusal")).to_contain_text("Phòng nha khoa chưa được thẩm định an toàn bức xạ.")
    expect(page.locator(".lead .badge")).to_have_text("Từ chối")
    pages.check("officer-application-refused")

    page.get_by_role("link", name="Tổ chức quá hạn").first.click()

    expect(h1(pages)).to_have_text("Tổ chức quá hạn")
    row = page.locator("main tbody tr", has_text=FUEL)
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text("1")
    pages.check("officer-overdue")


def test_the_officer_finds_organisations_and_users_and_creates_an_account(pages, officer_device):
    page = pages.page
    sign_in_as_officer(pages, officer_device)

    page.get_by_role("link", name="Tổ chức", exact=True).first.click()
    page.get_by_label("Tìm").fill("hiền lương")
    page.get_by_role("button", name="Tìm").click()

    expect(page.locator("main tbody tr")).to_have_count(1)
    pages.check("officer-organizations")
    page.get_by_role("link", name=FUEL).click()
    expect(h1(pages)).to_have_text(FUEL)
    expect(page.locator("main table")).to_contain_text("Phạm Thu Hà")
    pages.check("officer-organization")

    page.get_by_label("Tên đăng nhập", exact=True).fill("business")  # the demo's, taken
    page.get_by_label("Họ và tên").fill("Hoàng Văn Tùng")
    page.get_by_label("Mật khẩu ban đầu").fill("cua-hang-lao-bao-2026")
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.locator(".field.has-error")).to_contain_text("Tên đăng nhập này đã được dùng.")
    pages.check("officer-organization-error")
    page.get_by_label("Tên đăng nhập", exact=True).fill("tung.hv")
    page.get_by_label("Mật khẩu ban đầu").fill("cua-hang-lao-bao-2026")
    page.get_by_role("button", name="Tạo tài khoản").click()

    expect(page.locator(".messages")).to_contain_text("Đã tạo tài khoản tung.hv.")
    expect(page.locator("main table")).to_contain_text("Hoàng Văn Tùng")
    assert User.objects.get(username="tung.hv").organization.name == FUEL

    page.get_by_role("link", name="Người dùng", exact=True).first.click()
    page.get_by_label("Tìm").fill("hoàng văn")
    page.get_by_role("button", name="Tìm").click()
    expect(page.locator("main tbody tr")).to_have_count(1)
    expect(page.locator("main tbody")).to_contain_text(FUEL)
    pages.check("officer-users")

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(pages, "business")
    expect(page).to_have_url(re.compile("/business/$"))
    for path in ("/officer/", "/officer/applications/", "/officer/overdue/", "/officer/organizations/",
                 "/officer/users/", "/officer/audit/"):
        assert pages.go(path).status == 404, path


def test_the_officer_reads_the_audit_chain_s_published_heads(pages, officer_device):
    """Issue 11, point 5: each day's last hash, to copy elsewhere; the chain's head now above them."""
    from datetime import timedelta

    from django.utils import timezone

    from audit.selectors import audit_current_head
    from audit.services import audit_publish_daily_head

    head = audit_publish_daily_head(day=timezone.localdate() - timedelta(days=1))
    sign_in_as_officer(pages, officer_device)
    pages.page.get_by_role("link", name="Chuỗi nhật ký kiểm toán", exact=True).first.click()
    expect(h1(pages)).to_contain_text("nhật ký kiểm toán")
    expect(pages.page.locator("main")).to_contain_text(head.hash)
    expect(pages.page.locator("main")).to_contain_text(audit_current_head().hash)
    pages.check("officer-audit")
