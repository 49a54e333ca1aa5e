# ruff: noqa: F811 - the inspections tests' fixtures, imported below, are the tests' arguments
"""The inspector's job in Chromium (issue 10, point 6), on a phone's width: sign in with the app's code, open the
team's case, find a device by serial (the registry's pre-filled finding shown as such), record a finding with a note
and a photo taken through the file input, see it saved; a photo that is no image refused beside its field; file a
violation; another team's case is a 404, and so is every inspector page for a business. Each page is checked by
axe-core and photographed at 360 and 1,280 px (tests/web/conftest.py)."""

import io
import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from inspections.models import ChecklistItem, Evidence, Finding, Violation
from registry.services import totp_enrolment_start
from tests.inspections.conftest import art_10_1, cases, topics  # noqa: F401 - fixtures
from tests.inspections.penalty_fixtures import expired_instrument
from tests.web.conftest import totp_code
from tests.web.test_browser import sign_in

pytestmark = pytest.mark.browser


def jpeg() -> bytes:
    """A small photo, as a phone's camera hands it over: a real JPEG."""
    image = Image.new("RGB", (64, 48), (30, 90, 160))
    for x in range(20, 44):
        for y in range(12, 36):
            image.putpixel((x, y), (240, 200, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def sign_in_with_code(pages, user) -> None:
    device = totp_enrolment_start(user=user)
    device.confirmed = True
    device.save()
    sign_in(pages, user.username)
    pages.page.get_by_label("Mã từ ứng dụng xác thực", exact=True).fill(totp_code(device.bin_key))
    pages.page.get_by_role("button", name="Đăng nhập", exact=True).click()


def test_the_inspector_records_a_finding_with_a_photo_and_files_a_violation(pages, cases, technician, art_10_1):
    instrument = expired_instrument(cases.business.organization, technician)  # its verification ran out
    page = pages.page
    page.set_viewport_size({"width": 360, "height": 780})

    sign_in_with_code(pages, cases.leader)
    expect(page).to_have_url(re.compile("/inspector/$"))
    page.get_by_role("link", name="Cuộc kiểm tra của bạn").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cuộc kiểm tra của bạn")
    expect(page.locator("main")).to_contain_text(cases.case.title)
    expect(page.locator("main")).not_to_contain_text(cases.other_case.title)
    pages.check("inspector-cases")

    page.get_by_role("link", name=cases.case.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(cases.case.title)
    expect(page.locator("main")).to_contain_text(f"Số {cases.case.decision_number}")
    pages.check("inspector-case")

    page.get_by_role("link", name=re.compile(f"^Mở danh mục kiểm tra.*{cases.business.organization.name}")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(cases.business.organization.name)
    pages.check("inspector-subject")

    # The spring balance, found on the register by its serial as typed on site.
    page.get_by_label("Số sản xuất", exact=True).fill(" nhs-2291 ")
    page.get_by_role("button", name="Thêm thiết bị").click()
    expect(page.locator(".messages")).to_contain_text("Đã tìm thấy trong sổ đăng ký và thêm vào.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Phương tiện đo {instrument.serial_number}")
    verification = page.locator(f"#point-{ChecklistItem.objects.get(topic__code='metrology', code='verification').pk}")
    expect(verification.locator(".finding")).to_contain_text("Không phù hợp")
    expect(verification.locator(".finding")).to_contain_text("Điền sẵn từ sổ kiểm định")
    expect(verification.locator(".finding")).to_contain_text("Hết hạn kiểm định: giấy chứng nhận số")
    pages.check("inspector-item")

    # A finding on the seal, with a note and a photo from the camera.
    marking = page.locator(f"#point-{ChecklistItem.objects.get(topic__code='metrology', code='marking').pk}")
    marking.get_by_label("Không phù hợp").check()
    marking.get_by_label("Ghi chú").fill("Tem niêm phong bị rách, không đọc được số.")
    photo = marking.get_by_label("Ảnh")
    assert photo.get_attribute("accept") == "image/*" and photo.get_attribute("capture") == "environment"
    photo.set_input_files({"name": "IMG_20260412.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    marking.get_by_role("button", name=re.compile("^Lưu")).click()

    expect(page.locator(".messages")).to_contain_text("Đã lưu.")
    expect(marking.locator(".finding")).to_contain_text("Không phù hợp")
    expect(marking.locator(".finding")).to_contain_text("Tem niêm phong bị rách, không đọc được số.")
    expect(marking.locator(".evidence")).to_contain_text("IMG_20260412.jpg")
    finding = Finding.objects.get(checklist_item__code="marking")
    assert (finding.result, finding.examined_item.instrument, finding.recorded_by) == (
        "not_conforming", instrument, cases.leader)
    evidence = finding.evidence.get()
    assert evidence.content_type == "image/jpeg" and Image.open(evidence.file.path).size == (64, 48)
    pages.check("inspector-item-saved")

    # What claims to be a photo and is not: refused beside the field, nothing written.
    storage = page.locator(f"#point-{ChecklistItem.objects.get(topic__code='metrology', code='storage-use').pk}")
    storage.get_by_label("Phù hợp", exact=True).check()
    storage.get_by_label("Ảnh").set_input_files(
        {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0 not a photo at all"})
    storage.get_by_role("button", name=re.compile("^Lưu")).click()
    expect(storage.locator(".field.has-error")).to_contain_text("Gửi bản quét PDF, JPEG hoặc PNG.")
    assert not Finding.objects.filter(checklist_item__code="storage-use").exists()
    assert Evidence.objects.count() == 1
    pages.check("inspector-photo-refused")

    # The violation: the expired balance, under the type in force today.
    page.get_by_role("navigation", name="Vị trí hiện tại").get_by_role("link", name=cases.case.title).click()
    page.get_by_role("link", name="Lập vi phạm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lập vi phạm")
    pages.check("inspector-violation")
    page.get_by_label("Hành vi vi phạm", exact=True).select_option(str(art_10_1.pk))
    page.get_by_label(re.compile(f"{instrument.serial_number}")).check()
    page.get_by_label("Nội dung vi phạm", exact=True).fill(
        "Sử dụng cân đồng hồ lò xo NHS-2291 có giấy chứng nhận kiểm định hết hiệu lực.")
    page.get_by_label("Nơi xảy ra vi phạm", exact=True).fill("Chợ Cốc Lếu")
    page.get_by_role("button", name="Ghi nhận vi phạm").click()

    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận vi phạm.")
    expect(page.locator("#violations")).to_contain_text("Sử dụng cân đồng hồ lò xo NHS-2291")
    violation = Violation.objects.get()
    assert (violation.violation_type, violation.act_date, list(violation.instruments.all())) == (
        art_10_1, timezone.localdate(), [instrument])
    pages.check("inspector-case-violation")

    # Another team's case, and its subject's checklist, are not there at all.
    other_subject = cases.other_case.subjects.get()
    assert pages.go(f"/inspector/cases/{cases.other_case.pk}/").status == 404
    assert pages.go(f"/inspector/cases/{cases.other_case.pk}/subjects/{other_subject.pk}/").status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")


def test_a_business_gets_404_on_the_inspectors_pages(pages, cases):
    sign_in(pages, cases.business.username)
    expect(pages.page).to_have_url(re.compile("/business/$"))

    for path in ("/inspector/", "/inspector/cases/", f"/inspector/cases/{cases.case.pk}/",
                 f"/inspector/cases/{cases.case.pk}/subjects/{cases.subject.pk}/",
                 f"/inspector/cases/{cases.case.pk}/violations/new/"):
        assert pages.go(path).status == 404, path
    expect(pages.page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
