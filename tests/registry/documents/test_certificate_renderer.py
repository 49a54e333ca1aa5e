"""Tests for the verification certificate renderer (form 18.GCNKĐ, Circular 24/2013 Art. 41).

The renderer is pure, so these tests need no database: they render bytes and read them back with
pypdf (text, fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import dataclasses
import unicodedata
from datetime import date

import pypdf
import pytest

from registry.documents.certificate.renderer import (
    ReadingRow,
    VerificationCertificateContext,
    render_verification_certificate,
)
from tests.pdf_helpers import font_embedding, pdf_reader, pdf_text, qr_texts

VERIFY_URL = "https://kiemdinh.example.vn/xac-thuc/KD-2026-000123?t=9f8e7d6c5b4a"


def _readings(count: int) -> tuple[ReadingRow, ...]:
    return tuple(
        ReadingRow(
            reference_value=f"{5 * n},000",
            measured_value=f"{5 * n},002",
            unit="kg",
            error="+0,002",
            max_permissible_error="±0,010",
            within=True,
        )
        for n in range(1, count + 1)
    )


def _context(**overrides) -> VerificationCertificateContext:
    values = {
        "number": "KĐ-2026/000123",
        "issuer_parent": "Sở Khoa học và Công nghệ Hà Nội",
        "issuer_name": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
        "place": "Hà Nội",
        "issued_on": date(2026, 3, 5),
        "instrument_name": "Cân kỹ thuật",
        "instrument_name_en": "Technical balance",
        "model": "TSC-60",
        "serial_number": "SN0100001",
        "manufacturer": "Công ty TNHH Thiết bị Đo lường Sông Hồng",
        "manufacturer_country": "Việt Nam",
        "measuring_range": "Max = 60 kg; d = 0,01 kg",
        "accuracy_class": "III",
        "owner_name": "Hộ kinh doanh Nguyễn Thị Hồng Nhung",
        "owner_address": "Số 1, chợ Đồng Xuân, phường Hoàn Kiếm, thành phố Hà Nội",
        "location": "Quầy số 12, chợ Đồng Xuân",
        "procedure": "ĐLVN 15:2009 - Cân phân tích và cân kỹ thuật - Quy trình kiểm định",
        "verification_kind": "Kiểm định định kỳ",
        "performed_on": date(2026, 3, 4),
        "readings": _readings(10),
        "stamp_number": "700001",
        "valid_until": date(2027, 3, 31),
        "verifier_name": "Trần Văn Bình",
        "head_name": "Nguyễn Thị Ánh Tuyết",
        "verify_url": VERIFY_URL,
    }
    values.update(overrides)
    return VerificationCertificateContext(**values)


def _fragments(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """Return (x, y, text) for each string drawn on the page."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.append((tm[4] + cm[4], tm[5] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_verification_certificate(_context())


def test_render_verification_certificate_returns_a_one_page_pdf(sample_pdf):
    reader = pdf_reader(sample_pdf)

    assert sample_pdf.startswith(b"%PDF-")
    assert len(reader.pages) == 1


def test_render_verification_certificate_text_has_number_serial_and_owner_unbroken(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "KĐ-2026/000123" in text
    assert "SN0100001" in text
    assert "Hộ kinh doanh Nguyễn Thị Hồng Nhung" in text


def test_render_verification_certificate_footer_names_the_document_in_sentence_case(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "Giấy chứng nhận kiểm định" in text
    assert VERIFY_URL in text
    assert "Mẫu 18.GCNKĐ" in text


def test_render_verification_certificate_states_the_art_41_8_result_on_one_line(sample_pdf):
    lines = pdf_text(sample_pdf).splitlines()

    assert "Đạt yêu cầu kỹ thuật đo lường" in lines


def test_render_verification_certificate_prints_the_date_line_exactly(sample_pdf):
    lines = pdf_text(sample_pdf).splitlines()

    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in lines


def test_render_verification_certificate_prints_valid_until_in_date_words(sample_pdf):
    text = pdf_text(sample_pdf)

    assert "ngày 31 tháng 3 năm 2027" in text


def test_render_verification_certificate_embeds_every_font(sample_pdf):
    fonts = font_embedding(sample_pdf)

    assert fonts
    for name, embedded in fonts:
        assert embedded, name


def test_render_verification_certificate_qr_code_decodes_to_the_verify_url(sample_pdf):
    texts = qr_texts(sample_pdf)

    assert texts == [VERIFY_URL]


def test_render_verification_certificate_with_25_readings_continues_on_a_second_page():
    pdf = render_verification_certificate(_context(readings=_readings(25)))

    pages = pdf_reader(pdf).pages
    assert len(pages) == 2
    assert "Trang 1/2" in pages[0].extract_text()
    last_page = pages[1].extract_text()
    assert "Trang 2/2" in last_page
    assert "125,002" in last_page  # the 25th reading
    assert "Đạt yêu cầu kỹ thuật đo lường" in last_page


def test_render_verification_certificate_without_stamp_leaves_the_field_blank():
    pdf = render_verification_certificate(_context(stamp_number=""))

    fragments = _fragments(pdf_reader(pdf).pages[0])
    label_x, label_y, _ = next(f for f in fragments if f[2] == "Số tem kiểm định:")
    on_the_line = [text for x, y, text in fragments if abs(y - label_y) < 1 and x > label_x]
    assert on_the_line == []
    assert "700001" not in pdf_text(pdf)


def test_render_verification_certificate_without_cycle_prints_the_no_cycle_wording():
    pdf = render_verification_certificate(_context(valid_until=None))

    assert "Không quy định chu kỳ kiểm định" in pdf_text(pdf)


def test_render_verification_certificate_normalises_decomposed_text_to_nfc():
    owner = "Công ty Cổ phần Nước sạch Hải Dương"
    context = _context(owner_name=unicodedata.normalize("NFD", owner))

    text = pdf_text(render_verification_certificate(context))

    assert owner in text


def test_render_verification_certificate_shrinks_a_long_owner_name_instead_of_breaking_it():
    owner = "Công ty Trách nhiệm Hữu hạn Một thành viên Kinh doanh Nước sạch và Môi trường Bắc Bộ"
    pdf = render_verification_certificate(_context(owner_name=owner))

    assert owner in pdf_text(pdf).splitlines()


def test_render_verification_certificate_marks_a_reading_outside_the_permissible_error():
    readings = (*_readings(3), dataclasses.replace(_readings(1)[0], error="+0,015", within=False))

    text = pdf_text(render_verification_certificate(_context(readings=readings)))

    assert "Không đạt" in text
