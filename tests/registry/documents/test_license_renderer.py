"""Tests for the radiation work licence renderer (Decree 142/2020/NĐ-CP; layout per Decree 30/2020/NĐ-CP).

The renderer is pure, so these tests need no database: they render bytes and read them back with pypdf (text,
fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import unicodedata
from datetime import date

import pytest

from registry.documents.license.renderer import LicenseDeviceRow, RadiationLicenseContext, render_radiation_license
from tests.pdf_helpers import font_embedding, pdf_lines, pdf_reader, pdf_text, qr_texts, qr_texts_by_page

VERIFY_URL = "https://giayphep.example.vn/xac-thuc/GP-2026-000001?t=3c9a1f7e"
LICENSEE = "Bệnh viện Đa khoa tỉnh Lào Cai"
CT = LicenseDeviceRow(
    kind_label="Máy chụp cắt lớp vi tính (CT)",
    manufacturer="Siemens Healthineers",
    model="SOMATOM go.Up",
    serial_number="CT-108877",
    year_made="2022",
    max_kv="130",
    max_ma="345",
    room="Phòng CT số 1",
)
DENTAL = LicenseDeviceRow(
    kind_label="Máy X-quang nha khoa trong miệng",
    manufacturer="Planmeca",
    model="Planmeca ProX",
    serial_number="PX-55021",
    year_made="2021",
    max_kv="70",
    max_ma="8",
    room="Phòng nha khoa",
)


def _context(**overrides) -> RadiationLicenseContext:
    values = {
        "number": "GP-2026/000001",
        "issuer_parent": "UBND TỈNH LÀO CAI",
        "issuer_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "place": "Lào Cai",
        "issued_on": date(2026, 11, 20),
        "license_kind_label": "Cấp mới",
        "legal_basis": (
            "Căn cứ Luật Năng lượng nguyên tử số 94/2025/QH15;",
            "Căn cứ Nghị định số 332/2025/NĐ-CP của Chính phủ;",
            f"Xét hồ sơ đề nghị cấp giấy phép của {LICENSEE} và đề nghị của Trưởng phòng Quản lý công nghệ,",
        ),
        "licensee_name": LICENSEE,
        "licensee_address": "Đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai",
        "licensee_tax_code": "5300213467",
        "work_description": "Sử dụng thiết bị X-quang chẩn đoán trong y tế",
        "devices": (CT, DENTAL),
        "safety_officer_name": "Nguyễn Văn Hùng",
        "safety_officer_certificate": "LC-ATBX-2025/0142",
        "conditions": (
            "Chỉ sử dụng các thiết bị nêu tại Điều 1 tại đúng phòng đặt máy đã được thẩm định.",
            "Kiểm định thiết bị X-quang đúng chu kỳ: 12 tháng đối với máy CT, 24 tháng đối với thiết bị khác.",
            "Theo dõi liều chiếu xạ cá nhân cho nhân viên bức xạ, đọc liều kế không quá 3 tháng một lần.",
        ),
        "valid_from": date(2026, 11, 28),
        "valid_until": date(2029, 11, 28),
        "signer_name": "Trần Minh Đức",
        "verify_url": VERIFY_URL,
    }
    values.update(overrides)
    return RadiationLicenseContext(**values)


def _devices(count: int) -> tuple[LicenseDeviceRow, ...]:
    """Alternate CT and dental rows, each with its own serial number."""
    return tuple(
        LicenseDeviceRow(**{**vars(CT if n % 2 else DENTAL), "serial_number": f"SN-{n:04d}"})
        for n in range(1, count + 1)
    )


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_radiation_license(_context())


def test_render_radiation_license_returns_a_one_page_pdf_for_two_devices(sample_pdf):
    reader = pdf_reader(sample_pdf)

    assert sample_pdf.startswith(b"%PDF-")
    assert len(reader.pages) == 1


def test_render_radiation_license_prints_title_number_and_licensee(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ" in text
    assert "Số: GP-2026/000001" in text
    assert f"Điều 1. Cho phép: {LICENSEE}" in pdf_lines(sample_pdf)


def test_render_radiation_license_prints_every_serial_number_unbroken(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "CT-108877" in lines
    assert "PX-55021" in lines
    assert "SOMATOM go.Up" in lines


def test_render_radiation_license_prints_the_end_date_in_both_forms(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "28/11/2029" in text
    assert "ngày 28 tháng 11 năm 2029" in text
    assert "Giấy phép có giá trị từ ngày 28/11/2026 đến hết ngày 28/11/2029" in text


def test_render_radiation_license_prints_the_date_line_exactly(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "Lào Cai, ngày 20 tháng 11 năm 2026" in lines


def test_render_radiation_license_names_the_safety_officer_and_certificate(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "Người phụ trách an toàn bức xạ: Nguyễn Văn Hùng, chứng chỉ số LC-ATBX-2025/0142" in lines


def test_render_radiation_license_numbers_the_conditions(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert any(line.startswith("3. Theo dõi liều chiếu xạ cá nhân") for line in lines)


def test_render_radiation_license_footer_gives_the_verification_link(sample_pdf):
    text = pdf_text(sample_pdf)

    assert f"Tra cứu tính xác thực của Giấy phép tại: {VERIFY_URL}" in text
    assert "Trang 1/1" in text


def test_render_radiation_license_embeds_every_font(sample_pdf):
    fonts = font_embedding(sample_pdf)

    assert fonts
    for name, embedded in fonts:
        assert embedded, name


def test_render_radiation_license_qr_code_decodes_to_the_verify_url(sample_pdf):
    texts = qr_texts(sample_pdf)

    assert texts == [VERIFY_URL]


def test_render_radiation_license_with_30_devices_continues_on_numbered_pages():
    pdf = render_radiation_license(_context(devices=_devices(30)))

    pages = pdf_reader(pdf).pages
    count = len(pages)
    assert count >= 2
    assert f"Trang 1/{count}" in pages[0].extract_text()
    assert "Số sản xuất" in pages[1].extract_text()  # the table head repeats on the continuation page
    last_page = pages[-1].extract_text()
    assert f"Trang {count}/{count}" in last_page
    assert "Điều 3. Thời hạn" in last_page
    assert all(f"SN-{n:04d}" in pdf_lines(pdf) for n in range(1, 31))


def test_render_radiation_license_with_30_devices_puts_the_qr_code_on_the_last_page():
    pdf = render_radiation_license(_context(devices=_devices(30)))

    found = qr_texts_by_page(pdf)

    assert found == [[]] * (len(found) - 1) + [[VERIFY_URL]]


def test_render_radiation_license_without_safety_officer_prints_the_exemption():
    pdf = render_radiation_license(
        _context(devices=(DENTAL,), safety_officer_name="", safety_officer_certificate="")
    )

    text = pdf_text(pdf)
    assert "Không bắt buộc (chỉ có thiết bị X-quang nha khoa trong miệng)" in text
    assert "chứng chỉ số" not in text


def test_render_radiation_license_prints_the_licence_it_replaces():
    pdf = render_radiation_license(_context(license_kind_label="Gia hạn", replaces_number="GP-2023/000417"))

    lines = pdf_lines(pdf)
    assert "Giấy phép này thay thế Giấy phép số GP-2023/000417." in lines
    assert "(Gia hạn)" in lines


def test_render_radiation_license_omits_the_replaces_sentence_for_a_new_licence(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "thay thế" not in text


def test_render_radiation_license_normalises_decomposed_text_to_nfc():
    context = _context(licensee_name=unicodedata.normalize("NFD", LICENSEE))

    text = pdf_text(render_radiation_license(context))

    assert LICENSEE in text


def test_render_radiation_license_shrinks_a_long_licensee_name_instead_of_breaking_it():
    licensee = "Công ty Trách nhiệm Hữu hạn Một thành viên Phòng khám Nha khoa Quốc tế Hoàng Liên Sơn Lào Cai"

    pdf = render_radiation_license(_context(licensee_name=licensee))

    assert licensee in pdf_lines(pdf)


def test_render_radiation_license_without_tax_code_leaves_out_the_line():
    pdf = render_radiation_license(_context(licensee_tax_code=""))

    assert "Mã số thuế" not in pdf_text(pdf)


def test_render_radiation_license_signs_for_a_deputy_on_two_lines():
    pdf = render_radiation_license(_context(signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"))

    lines = pdf_lines(pdf)
    assert "KT. GIÁM ĐỐC" in lines
    assert "PHÓ GIÁM ĐỐC" in lines
