"""Tests for the check record renderer (biên bản kiểm tra, form 5.BBKT, Circular 28/2013/TT-BKHCN).

The renderer is pure, so these tests need no database: they render bytes and read them back with pypdf (text,
fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import unicodedata

import pytest

from inspections.documents.check_record.renderer import render_check_record
from tests.inspections.documents import samples
from tests.pdf_helpers import font_embedding, pdf_lines, pdf_reader, pdf_text, qr_texts_by_page

VERIFY_URL = samples.check_record().verify_url


def flat(pdf: bytes) -> str:
    """Return the PDF's text with every run of whitespace one space: a wrapped sentence reads whole."""
    return " ".join(pdf_text(pdf).split())


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_check_record(samples.check_record())


@pytest.fixture(scope="module")
def refused_pdf() -> bytes:
    return render_check_record(samples.check_record(
        representative_refused=True, refusal_reason="không đồng ý với kết quả kiểm tra", witnesses=samples.WITNESSES))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_check_record(samples.check_record(instruments=samples.instruments(40)))


def test_render_check_record_prints_the_national_header_number_and_title(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert sample_pdf.startswith(b"%PDF-")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    assert "Số: 03/BB-KT" in lines
    assert "BIÊN BẢN KIỂM TRA" in lines
    assert "Về đo lường" in lines


def test_render_check_record_prints_the_fields_in_the_forms_order(sample_pdf):
    text = flat(sample_pdf)

    order = [
        "Hôm nay, hồi 09 giờ 00 phút, ngày 02 tháng 02 năm 2023, tại cửa hàng của Công ty TNHH Thương mại Đông Hà",
        "1. Đoàn kiểm tra:",
        "Trưởng đoàn: Ông (bà) Lê Văn Thành, chức vụ: Phó Chi cục trưởng",
        "2. Cơ sở được kiểm tra:",
        "Tên cơ sở: Công ty TNHH Thương mại Đông Hà",
        "Ông (bà) Trần Quốc Bảo, chức vụ: Giám đốc",
        "Thực hiện Quyết định kiểm tra số 12/QĐ-SKHCN ngày 20 tháng 01 năm 2023 của Giám đốc Sở Khoa học",
        "3. Phương tiện đo được kiểm tra",
        "NHS-2291",
        "Nội dung kiểm tra (khoản 1 Điều 19 Thông tư số 28/2013/TT-BKHCN)",
        "4. Những nội dung không phù hợp:",
        "giấy chứng nhận kiểm định số KĐ-2022/000123 hết hiệu lực",
        "5. Biện pháp khắc phục và thời hạn thực hiện:",
        "6. Ý kiến của đại diện cơ sở:",
        "Việc kiểm tra kết thúc hồi 11 giờ 15 phút cùng ngày",
        "ĐẠI DIỆN CƠ SỞ",
        "TRƯỞNG ĐOÀN KIỂM TRA",
    ]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, [phrase for phrase in order if phrase not in text]
    assert positions == sorted(positions)


def test_render_check_record_prints_each_instrument_with_its_results(sample_pdf):
    lines = pdf_lines(sample_pdf)
    text = flat(sample_pdf)

    assert "NHS-2291" in lines
    assert "CB-150-0042" in lines
    assert "Cân đồng hồ lò xo" in lines
    assert "+0,8 %" in lines
    assert "Không đạt" in lines
    assert "Không phù hợp" in text


def test_render_check_record_prints_the_remedy_and_its_deadline(sample_pdf):
    text = flat(sample_pdf)

    assert ("1. Buộc thực hiện kiểm định phương tiện đo cân đồng hồ lò xo, số sản xuất NHS-2291. "
            "Thời hạn thực hiện: đến hết ngày 02 tháng 3 năm 2023.") in text


def test_render_check_record_states_its_sheets_and_signatures(sample_pdf):
    pages = len(pdf_reader(sample_pdf).pages)
    text = flat(sample_pdf)

    assert f"Biên bản gồm {pages:02d} tờ" in text
    assert "Trần Quốc Bảo" in pdf_lines(sample_pdf)
    assert "Lê Văn Thành" in pdf_lines(sample_pdf)


def test_render_check_record_without_refusal_says_nothing_of_one(sample_pdf):
    text = flat(sample_pdf)

    assert "không ký" not in text.lower()
    assert "NGƯỜI CHỨNG KIẾN" not in text


def test_render_check_record_records_a_refusal_to_sign_with_the_witnesses(refused_pdf):
    text = flat(refused_pdf)
    lines = pdf_lines(refused_pdf)

    assert "Trưởng đoàn kiểm tra ghi nhận: đại diện cơ sở không ký biên bản. Lý do: không đồng ý với kết quả" in text
    assert ("Người chứng kiến: Ông (bà) Phan Văn Lộc, chức vụ: Công chức, UBND phường Đông Hà; "
            "Ông (bà) Võ Thị Hạnh, tổ dân phố 3, phường Đông Hà.") in text
    assert "(Không ký biên bản)" in lines
    assert lines.count("NGƯỜI CHỨNG KIẾN") == 2
    assert "Võ Thị Hạnh" in lines


def test_render_check_record_qr_code_decodes_to_the_verify_url_on_the_last_page(sample_pdf):
    found = qr_texts_by_page(sample_pdf)

    assert found[-1] == [VERIFY_URL]
    assert all(page == [] for page in found[:-1])


def test_render_check_record_footer_numbers_every_page(sample_pdf):
    pages = pdf_reader(sample_pdf).pages

    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Trang {number}/{len(pages)}" in text
        assert f"Tra cứu tính xác thực của Biên bản tại: {VERIFY_URL}" in text


def test_render_check_record_with_40_instruments_repeats_the_table_head_on_each_page(long_pdf):
    pages = pdf_reader(long_pdf).pages
    continued = [page.extract_text() for page in pages[1:] if "SN-00" in page.extract_text()]

    assert len(pages) >= 3
    assert continued
    for text in continued:
        assert "Số sản xuất" in text
        assert "Biên bản kiểm tra số 03/BB-KT (tiếp theo)" in text
    assert all(f"SN-{n:04d}" in pdf_lines(long_pdf) for n in range(1, 41))


def test_render_check_record_with_40_instruments_keeps_the_closing_with_the_signatures(long_pdf):
    pages = pdf_reader(long_pdf).pages
    last = " ".join(pages[-1].extract_text().split())

    assert "Việc kiểm tra kết thúc hồi 11 giờ 15 phút" in last
    assert f"Biên bản gồm {len(pages):02d} tờ" in last
    assert "TRƯỞNG ĐOÀN KIỂM TRA" in last
    assert qr_texts_by_page(long_pdf)[-1] == [VERIFY_URL]


def test_render_check_record_normalises_decomposed_vietnamese_to_nfc():
    decomposed = unicodedata.normalize("NFD", samples.BUSINESS)

    pdf = render_check_record(samples.check_record(establishment_name=decomposed))

    assert f"Tên cơ sở: {samples.BUSINESS}" in pdf_lines(pdf)
    assert decomposed not in pdf_text(pdf)


def test_render_check_record_embeds_every_font(sample_pdf):
    fonts = font_embedding(sample_pdf)

    assert fonts
    assert all(embedded for _name, embedded in fonts)


def test_render_check_record_without_a_team_is_refused():
    with pytest.raises(ValueError):
        render_check_record(samples.check_record(team=()))
