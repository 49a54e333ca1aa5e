"""Tests for the expiry notice renderer (thông báo; layout per Decree 30/2020/NĐ-CP).

The renderer is pure, so these tests need no database: they render bytes and read them back with pypdf (text,
fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import dataclasses
import re
import unicodedata
from datetime import date

import pytest

from certificates.notices.digest.renderer import ExpiryNoticeContext, NoticeItemRow, render_expiry_notice
from tests.pdf_helpers import font_embedding, pdf_lines, pdf_reader, pdf_text, qr_texts_by_page

VERIFY_URL = "https://thongbao.example.vn/xac-thuc/TB-2026-000012?t=5d1c0a9e"
RECIPIENT = "Công ty TNHH Xăng dầu Sông Hồng"
METROLOGY_BASIS = "TT 23/2013/TT-BKHCN Đ.4; TT 24/2013 Đ.41"
PUMP = NoticeItemRow(
    kind_label="Kiểm định phương tiện đo",
    subject="Cột đo xăng dầu, kiểu SUNNY-2",
    serial_number="TK-2291-01",
    location="Cửa hàng xăng dầu số 3, đường Hoàng Liên",
    valid_until=date(2026, 12, 20),
    stage_label="Còn 30 ngày",
    legal_basis=METROLOGY_BASIS,
    overdue=False,
)
ITEMS = (
    PUMP,
    dataclasses.replace(PUMP, serial_number="TK-2291-02", valid_until=date(2026, 11, 15), stage_label="Quá hạn",
                        overdue=True),
    dataclasses.replace(PUMP, subject="Cân bàn điện tử, kiểu CB-150", serial_number="CB-150-0042",
                        location="Kho hàng Bắc Cường", valid_until=date(2026, 11, 20), stage_label="Đến hạn hôm nay"),
    NoticeItemRow(
        kind_label="Giấy phép tiến hành công việc bức xạ",
        subject="Sử dụng thiết bị X-quang chẩn đoán trong y tế",
        serial_number="GP-2026/000001",
        location="Phòng khám đa khoa Sông Hồng",
        valid_until=date(2027, 1, 4),
        stage_label="Còn 7 ngày đến hạn nộp hồ sơ gia hạn",
        legal_basis="NĐ 142/2020/NĐ-CP Đ.30.1",
        overdue=False,
    ),
    NoticeItemRow(
        kind_label="Kiểm định thiết bị X-quang",
        subject="Máy chụp cắt lớp vi tính (CT), SOMATOM go.Up",
        serial_number="CT-108877",
        location="Phòng CT số 1",
        valid_until=date(2026, 12, 5),
        stage_label="Còn 15 ngày",
        legal_basis="TTLT 13/2014/TTLT-BKHCN-BYT Đ.9",
        overdue=False,
    ),
)
# What the sources of these rows say of them (in the service: certificates.notices.digest.kind, from the sources).
SUBJECT_LINE = "Về việc kiểm định phương tiện đo, thiết bị X-quang và giấy phép sắp hết hạn"
CLOSING = (
    "Phương tiện đo hết hạn kiểm định không được sử dụng (Luật Đo lường 2011, Điều 21; Nghị định 119/2017/NĐ-CP).",
    "Hồ sơ đề nghị gia hạn giấy phép tiến hành công việc bức xạ phải được nộp ít nhất 45 ngày trước ngày giấy phép "
    "hết hạn theo quy định tại khoản 1 Điều 30 Nghị định số 142/2020/NĐ-CP.",
)
SERIALS = ("TK-2291-01", "TK-2291-02", "CB-150-0042", "GP-2026/000001", "CT-108877")


def _context(**overrides) -> ExpiryNoticeContext:
    values = {
        "number": "TB-2026/000012",
        "issuer_parent": "UBND TỈNH LÀO CAI",
        "issuer_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "place": "Lào Cai",
        "issued_on": date(2026, 11, 20),
        "recipient_name": RECIPIENT,
        "recipient_address": "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai",
        "items": ITEMS,
        "verify_url": VERIFY_URL,
        "signer_name": "Trần Minh Đức",
        "subject_line": SUBJECT_LINE,
        "closing": CLOSING,
    }
    values.update(overrides)
    return ExpiryNoticeContext(**values)


def _many_items(count: int) -> tuple[NoticeItemRow, ...]:
    """Cycle the sample rows, each with its own serial number."""
    return tuple(
        dataclasses.replace(ITEMS[n % len(ITEMS)], serial_number=f"SN-{n:04d}") for n in range(1, count + 1)
    )


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_expiry_notice(_context())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_expiry_notice(_context(items=_many_items(300)))


def test_render_expiry_notice_returns_a_one_page_pdf_for_five_items(sample_pdf):
    reader = pdf_reader(sample_pdf)

    assert sample_pdf.startswith(b"%PDF-")
    assert len(reader.pages) == 1


def test_render_expiry_notice_prints_title_subject_number_and_date_line(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "THÔNG BÁO" in lines
    assert "Về việc kiểm định phương tiện đo, thiết bị X-quang và giấy phép sắp hết hạn" in lines
    assert "Số: TB-2026/000012" in lines
    assert "Lào Cai, ngày 20 tháng 11 năm 2026" in lines


def test_render_expiry_notice_addresses_the_recipient(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert f"Kính gửi: {RECIPIENT}" in lines
    assert f"- {RECIPIENT};" in lines


def test_render_expiry_notice_prints_every_serial_and_licence_number_unbroken(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert [serial for serial in SERIALS if serial not in lines] == []


def test_render_expiry_notice_prints_the_dates_as_dd_mm_yyyy(sample_pdf):
    lines = pdf_lines(sample_pdf)

    for expected in ("20/12/2026", "15/11/2026", "20/11/2026", "04/01/2027", "05/12/2026"):
        assert expected in lines


def test_render_expiry_notice_prints_the_stages_and_the_legal_duty(sample_pdf):
    text = " ".join(pdf_text(sample_pdf).split())  # cells and paragraphs wrap; their words stay in order

    assert "Quá hạn" in text
    assert "Đến hạn hôm nay" in text
    assert "Luật Đo lường 2011, Điều 21" in text
    assert "Lưu: VT." in text


def test_render_expiry_notice_footer_gives_the_verification_link(sample_pdf):
    text = pdf_text(sample_pdf)

    assert f"Tra cứu tính xác thực của Thông báo tại: {VERIFY_URL}" in text
    assert "Trang 1/1" in text


def test_render_expiry_notice_embeds_every_font(sample_pdf):
    fonts = font_embedding(sample_pdf)

    assert fonts
    for name, embedded in fonts:
        assert embedded, name


def test_render_expiry_notice_qr_code_decodes_to_the_verify_url(sample_pdf):
    assert qr_texts_by_page(sample_pdf) == [[VERIFY_URL]]


def test_render_expiry_notice_with_300_items_numbers_every_page(long_pdf):
    pages = pdf_reader(long_pdf).pages
    count = len(pages)

    assert count >= 5
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{count}" in page.extract_text()


def test_render_expiry_notice_with_300_items_prints_every_serial(long_pdf):
    lines = set(pdf_lines(long_pdf))

    assert [n for n in range(1, 301) if f"SN-{n:04d}" not in lines] == []


def test_render_expiry_notice_with_300_items_repeats_the_table_head_and_closes_the_last_page(long_pdf):
    pages = pdf_reader(long_pdf).pages

    assert all("Căn cứ" in page.extract_text() for page in pages)
    assert "(tiếp theo)" in pages[1].extract_text()
    assert "Nơi nhận:" in pages[-1].extract_text()
    assert "Nơi nhận:" not in pages[-2].extract_text()


def test_render_expiry_notice_with_300_items_numbers_the_rows_in_order(long_pdf):
    numbers = [int(line) for line in pdf_lines(long_pdf) if re.fullmatch(r"\d{1,3}", line)]

    assert [n for n in numbers if n <= 300][-1] == 300


def test_render_expiry_notice_with_40_items_puts_the_qr_code_on_the_last_page_only():
    pdf = render_expiry_notice(_context(items=_many_items(40)))

    found = qr_texts_by_page(pdf)

    assert len(found) >= 2
    assert found == [[]] * (len(found) - 1) + [[VERIFY_URL]]


def test_render_expiry_notice_normalises_decomposed_text_to_nfc():
    context = _context(recipient_name=unicodedata.normalize("NFD", RECIPIENT))

    text = pdf_text(render_expiry_notice(context))

    assert f"Kính gửi: {RECIPIENT}" in text


def test_render_expiry_notice_shrinks_a_long_serial_instead_of_breaking_it():
    serial = "A1B2C3D4E5F6G7H8I9J0"  # 20 characters, wider than the column at the table's 9 pt
    items = (dataclasses.replace(PUMP, serial_number=serial),)

    pdf = render_expiry_notice(_context(items=items))

    assert serial in pdf_lines(pdf)


def test_render_expiry_notice_fits_a_row_with_the_longest_stored_texts():
    # The ledger's columns allow 500 characters of subject and location and 255 of legal basis and stage label.
    item = dataclasses.replace(PUMP, subject="Cột đo xăng dầu " * 31, location="Cửa hàng " * 55,
                               legal_basis="TT 23/2013/TT-BKHCN " * 12, stage_label="Còn 30 ngày " * 21)

    pdf = render_expiry_notice(_context(items=(item,)))

    assert "TK-2291-01" in pdf_lines(pdf)


def test_render_expiry_notice_signs_for_a_deputy_on_two_lines():
    pdf = render_expiry_notice(_context(signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"))

    lines = pdf_lines(pdf)
    assert "KT. GIÁM ĐỐC" in lines
    assert "PHÓ GIÁM ĐỐC" in lines


def test_render_expiry_notice_wraps_a_subject_line_too_long_for_one_line():
    subject = "Về việc " + ", ".join(["kiểm định phương tiện đo nhóm 2"] * 5) + " đã hoặc sắp hết hạn"

    text = " ".join(pdf_text(render_expiry_notice(_context(subject_line=subject))).split())

    assert subject in text


def test_render_expiry_notice_without_items_is_refused():
    with pytest.raises(ValueError, match="at least one item"):
        render_expiry_notice(_context(items=()))
