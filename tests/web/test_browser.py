"""Every page of the foundation in Chromium (issue 10): the public searches, signing in for each role (officers and
inspectors with a one-time code computed here, or read off the QR code on the screen), the lock after wrong
passwords, the language remembered, the gates, the error pages. Every page is checked by axe-core and
photographed at 360 and 1,280 px (tests/web/conftest.py); each test starts with an empty browser."""

import io
import re
import time
from base64 import b32decode
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from rest_framework.throttling import ScopedRateThrottle

from certificates.services import document_render
from registry.services import totp_enrolment_start, verification_record
from tests.conftest import nothing_enqueued_on_commit
from tests.factories import InstrumentFactory
from tests.web.conftest import totp_code

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"  # tests/factories.py's UserFactory
OWNER = "Công ty TNHH Xăng dầu Sông Hồng"
LOCATION = "Cửa hàng xăng dầu số 7, Bắc Hà"


@pytest.fixture
def certificate(technician, business_org):
    """An issued verification certificate of a fuel dispenser (serial TK-2291-01) owned by a business."""
    instrument = InstrumentFactory(owner=business_org, serial_number="TK-2291-01", location=LOCATION,
                                   manufacturer="Tatsuno Vietnam", assigned_body=technician.organization)
    with nothing_enqueued_on_commit():
        verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                           performed_on=timezone.localdate(), procedure="ĐLVN 10:2017",
                                           result="pass")
    return document_render(document_id=verification.documents.get().pk)


def sign_in(pages, username: str, password: str = PASSWORD) -> None:
    page = pages.page
    if "/sign-in/" not in page.url:
        pages.go("/sign-in/")
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()


def h1(pages):
    return pages.page.get_by_role("heading", level=1)


@pytest.mark.browser_locale("en-US")
def test_home_finds_documents_and_instruments_in_vietnamese_without_the_owners_data(pages, certificate):
    page = pages.page
    pages.go("/")

    assert page.get_attribute("html", "lang") == "vi"  # although the browser prefers English
    expect(h1(pages)).to_have_text("Tra cứu văn bản và phương tiện đo")
    pages.check("home")

    page.get_by_label("Số văn bản hoặc mã QR", exact=True).fill(certificate.number.lower())
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    found = page.locator("#documents")
    expect(found).to_contain_text(f"Giấy chứng nhận kiểm định {certificate.number}")
    expect(found).to_contain_text("Còn hiệu lực")
    expect(found).to_contain_text(certificate.valid_until.strftime("%d/%m/%Y"))
    assert OWNER not in page.content() and "TK-2291-01" not in found.inner_text()
    pages.check("home-document-by-number")

    page.get_by_label("Số sản xuất", exact=True).fill(" tk-2291-01 ")
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    found = page.locator("#instruments")
    expect(found).to_contain_text("1 phương tiện đo đã đăng ký mang số này")
    expect(found).to_contain_text("Còn hiệu lực")
    expect(found).to_contain_text(certificate.valid_until.strftime("%d/%m/%Y"))
    assert not [text for text in (OWNER, LOCATION, "Tatsuno") if text in page.content()]
    pages.check("home-instrument-by-serial")

    page.get_by_label("Số văn bản hoặc mã QR", exact=True).fill("KĐ-1999/999999")
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    expect(page.locator("#documents")).to_contain_text("Không tìm thấy văn bản")
    pages.check("home-nothing-found")

    page.get_by_label("Số văn bản hoặc mã QR", exact=True).fill(f"{settings.PUBLIC_BASE_URL}{certificate.verify_path}")
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    expect(page).to_have_url(re.compile(f"{certificate.verify_path}$"))
    expect(page.locator("body")).to_contain_text(OWNER)  # the QR code's holder holds the paper
    pages.check("verify")


def test_the_language_chosen_is_remembered(pages):
    page = pages.page
    pages.go("/")

    page.get_by_role("button", name="English").click()

    expect(h1(pages)).to_have_text("Look up a document or an instrument")
    assert page.get_attribute("html", "lang") == "en"
    pages.check("home-en")
    page.get_by_role("link", name="Sign in").click()
    expect(h1(pages)).to_have_text("Sign in")
    pages.check("sign-in-en")
    page.reload()
    expect(h1(pages)).to_have_text("Sign in")
    assert {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}["django_language"] == "en"

    page.get_by_role("button", name="Tiếng Việt").click()

    expect(h1(pages)).to_have_text("Đăng nhập")
    expect(page).to_have_url(re.compile("/sign-in/$"))


def test_business_and_technician_start_on_their_own_pages_and_never_see_anothers(pages, business_user, technician):
    page = pages.page

    pages.go("/business/")

    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/business/$"))
    pages.check("sign-in")
    sign_in(pages, business_user.username)
    expect(page).to_have_url(re.compile("/business/$"))
    expect(h1(pages)).to_have_text(f"Xin chào, {business_user.full_name}")
    expect(page.locator("main")).to_contain_text(business_user.organization.name)
    pages.check("start-business")
    for other in ("technician", "officer", "inspector"):
        assert pages.go(f"/{other}/").status == 404
    expect(h1(pages)).to_have_text("Không tìm thấy trang")
    pages.check("not-found")

    pages.go("/business/")
    page.get_by_role("link", name="Đổi mật khẩu").click()
    pages.check("password-change")
    page.get_by_label("Mật khẩu cũ", exact=True).fill("not-my-password")
    page.get_by_label("Mật khẩu mới", exact=True).fill("a-new-long-passphrase-2026")
    page.get_by_label("Xác nhận mật khẩu mới", exact=True).fill("a-new-long-passphrase-2026")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    expect(page.locator(".field.has-error")).to_contain_text("Mật khẩu cũ không chính xác")
    pages.check("password-change-error")

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.locator(".messages")).to_contain_text("Bạn đã đăng xuất.")
    sign_in(pages, technician.username)
    expect(page).to_have_url(re.compile("/technician/$"))
    pages.check("start-technician")
    assert pages.go("/business/").status == 404


def _secret_from_qr_code(pages) -> bytes:
    """Read the QR code off the screen as an authenticator app would, and take the secret from its address."""
    image = Image.open(io.BytesIO(pages.page.locator("img.qr").screenshot()))
    address = zxingcpp.read_barcodes(image)[0].text
    assert address.startswith("otpauth://totp/")
    return b32decode(parse_qs(urlparse(address).query)["secret"][0])


def test_officer_sets_up_the_authenticator_app_at_the_first_sign_in(pages, officer):
    page = pages.page

    sign_in(pages, officer.username)

    expect(h1(pages)).to_have_text("Cài đặt ứng dụng xác thực")
    pages.check("two-factor-setup")
    secret = _secret_from_qr_code(pages)
    shown = page.locator(".secret code").inner_text().replace(" ", "")
    assert b32decode(shown + "=" * (-len(shown) % 8)) == secret
    right = totp_code(secret)
    page.get_by_label("Mã từ ứng dụng xác thực", exact=True).fill(f"{(int(right) + 500_000) % 1_000_000:06d}")
    page.get_by_role("button", name="Xác nhận và đăng nhập").click()
    expect(page.locator(".field.has-error")).to_contain_text("Mã không đúng")
    pages.check("two-factor-setup-error")

    time.sleep(1.1)  # after a wrong code django-otp makes the next one wait a second
    page.get_by_label("Mã từ ứng dụng xác thực", exact=True).fill(totp_code(secret))
    page.get_by_role("button", name="Xác nhận và đăng nhập").click()

    expect(page).to_have_url(re.compile("/officer/$"))
    expect(page.get_by_role("link", name="Quản trị").first).to_be_visible()
    pages.check("start-officer")
    assert officer.totpdevice_set.get().confirmed


def test_inspector_signs_in_with_the_code_of_the_app_set_up_before(pages, inspector):
    device = totp_enrolment_start(user=inspector)
    device.confirmed = True
    device.save()
    page = pages.page

    sign_in(pages, inspector.username)

    expect(h1(pages)).to_have_text("Nhập mã xác thực")
    assert page.locator("img.qr").count() == 0
    pages.check("two-factor-code")
    page.get_by_label("Mã từ ứng dụng xác thực", exact=True).fill(totp_code(device.bin_key))
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(page).to_have_url(re.compile("/inspector/$"))
    pages.check("start-inspector")
    assert pages.go("/officer/").status == 404


def test_wrong_passwords_lock_the_sign_in_for_a_while(pages, business_user):
    page = pages.page

    sign_in(pages, business_user.username, "not-the-password")
    expect(page.locator(".form-errors")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    pages.check("sign-in-error")
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        sign_in(pages, business_user.username, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("khóa")

    sign_in(pages, business_user.username)  # the right password, too late

    expect(page.get_by_role("alert")).to_contain_text("khóa")
    expect(page).to_have_url(re.compile("/sign-in/$"))
    pages.check("sign-in-locked")


@pytest.mark.urls("tests.web.urls")
def test_error_pages_are_the_sites_own_and_say_nothing_of_the_code(pages, monkeypatch):
    page = pages.page

    for path, status, title, name in [("/boom/", 500, "Lỗi máy chủ", "server-error"),
                                      ("/forbidden/", 403, "Không được phép", "forbidden"),
                                      ("/bad-request/", 400, "Yêu cầu không hợp lệ", "bad-request")]:
        assert pages.go(path).status == status
        expect(h1(pages)).to_have_text(title)
        assert "secret detail" not in page.content()
        pages.check(name)

    pages.go("/sign-in/")
    page.context.clear_cookies()  # as when a page stays open past its session
    sign_in(pages, "someone")
    expect(h1(pages)).to_have_text("Biểu mẫu đã hết hạn")
    pages.check("csrf-failure")

    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "public_verify", "1/minute")
    cache.clear()
    pages.go("/?serial=TK-1")
    assert pages.go("/?serial=TK-2").status == 429
    expect(h1(pages)).to_have_text("Tra cứu quá nhiều lần")
    pages.check("throttled")
    cache.clear()
