"""Tests for the administrative violation record renderer (biên bản vi phạm hành chính, MBB01 content).

The renderer is pure, so these tests need no database: they render bytes and read them back with pypdf (text,
fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import unicodedata
from datetime import date

import pytest

from inspections.documents.layout import Person, Violator
from inspections.documents.violation_record.renderer import render_violation_record
from tests.inspections.documents import samples
from tests.pdf_helpers import font_embedding, pdf_lines, pdf_reader, pdf_text, qr_texts_by_page

VERIFY_URL = samples.violation_record().verify_url


def flat(pdf: bytes) -> str:
    """Return the PDF's text with every run of whitespace one space: a wrapped sentence reads whole."""
    return " ".join(pdf_text(pdf).split())


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_violation_record(samples.violation_record())


@pytest.fixture(scope="module")
def refused_pdf() -> bytes:
    return render_violation_record(samples.violation_record(
        violator_refused=True, refusal_reason="không đồng ý với nội dung biên bản", witnesses=samples.WITNESSES))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_violation_record(samples.violation_record(violations=samples.violation_rows(14)))


def test_render_violation_record_prints_the_national_header_number_and_title(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Số: 01/BB-VPHC" in lines
    assert "BIÊN BẢN VI PHẠM HÀNH CHÍNH" in lines


def test_render_violation_record_prints_the_violator_clause_and_facts(sample_pdf):
    text = flat(sample_pdf)

    assert "Tên của tổ chức: Công ty TNHH Thương mại Đông Hà" in text
    assert "Mã số doanh nghiệp: 3200123456" in text
    assert "Người đại diện theo pháp luật: Trần Quốc Bảo" in text
    assert samples.PROVISION in text
    assert samples.ACT in text


def test_render_violation_record_prints_the_fields_in_mbb01_order(sample_pdf):
    text = flat(sample_pdf)

    order = [
        "Hôm nay, hồi 11 giờ 30 phút, ngày 02 tháng 02 năm 2023, tại cửa hàng",
        "Căn cứ Biên bản kiểm tra số 03/BB-KT",
        "Chúng tôi gồm:",
        "1. Người có thẩm quyền lập biên bản:",
        "2. Người chứng kiến:",
        "Tiến hành lập biên bản vi phạm hành chính đối với tổ chức có tên sau đây:",
        "Tên của tổ chức:",
        "Thời gian, địa điểm xảy ra vi phạm: ngày 02 tháng 02 năm 2023",
        "Hành vi vi phạm",
        "điểm a khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP",
        "Cá nhân, tổ chức bị thiệt hại: Không.",
        "Ý kiến trình bày của đại diện tổ chức vi phạm: Công ty chưa kịp đưa cân đi kiểm định lại",
        "Ý kiến trình bày của người chứng kiến:",
        "chấm dứt ngay hành vi vi phạm",
        "Các biện pháp ngăn chặn và bảo đảm xử lý vi phạm hành chính được áp dụng: Tạm dừng sử dụng",
        "Biên bản lập xong hồi 12 giờ 00 phút cùng ngày",
        "ĐẠI DIỆN TỔ CHỨC VI PHẠM",
        "NGƯỜI LẬP BIÊN BẢN",
        "NGƯỜI CHỨNG KIẾN",
    ]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, [phrase for phrase in order if phrase not in text]
    assert positions == sorted(positions)


def test_render_violation_record_signed_by_all_says_they_agreed(sample_pdf):
    text = flat(sample_pdf)

    assert "công nhận là đúng và cùng ký tên dưới đây" in text
    assert "không ký" not in text.lower()


def test_render_violation_record_records_a_refusal_to_sign_with_the_witnesses(refused_pdf):
    text = flat(refused_pdf)

    assert "Đại diện tổ chức vi phạm không ký biên bản. Lý do: không đồng ý với nội dung biên bản." in text
    assert ("Việc đại diện tổ chức vi phạm không ký biên bản có sự chứng kiến và xác nhận của: Ông (bà) Phan Văn Lộc, "
            "chức vụ: Công chức, UBND phường Đông Hà; Ông (bà) Võ Thị Hạnh, tổ dân phố 3, phường Đông Hà.") in text
    assert "công nhận là đúng" not in text
    assert "(Không ký biên bản)" in pdf_lines(refused_pdf)
    assert pdf_lines(refused_pdf).count("NGƯỜI CHỨNG KIẾN") == 2


def test_render_violation_record_for_an_individual_prints_the_individuals_fields():
    person = Violator(is_organization=False, name="Nguyễn Thị Lan", address="Thôn 2, xã Cam Lộ, tỉnh Quảng Trị",
                      gender="Nữ", born_on=date(1980, 9, 5), nationality="Việt Nam", occupation="Kinh doanh",
                      identity="045180001234; ngày cấp: 10/08/2021; nơi cấp: Cục Cảnh sát QLHC về TTXH")

    text = flat(render_violation_record(samples.violation_record(violator=person)))

    assert "Tiến hành lập biên bản vi phạm hành chính đối với ông (bà) có tên sau đây:" in text
    assert "Họ và tên: Nguyễn Thị Lan Giới tính: Nữ Ngày, tháng, năm sinh: 05/09/1980 Quốc tịch: Việt Nam" in text
    assert "Số định danh cá nhân / CCCD / hộ chiếu: 045180001234" in text
    assert "NGƯỜI VI PHẠM" in text
    assert "Tên của tổ chức" not in text


def test_render_violation_record_qr_code_decodes_to_the_verify_url_on_the_last_page(sample_pdf):
    found = qr_texts_by_page(sample_pdf)

    assert found[-1] == [VERIFY_URL]
    assert all(page == [] for page in found[:-1])


def test_render_violation_record_with_14_violations_repeats_the_table_head(long_pdf):
    pages = pdf_reader(long_pdf).pages
    continued = [page.extract_text() for page in pages[1:] if "SN-00" in page.extract_text()]

    assert len(pages) >= 2
    assert continued
    for text in continued:
        assert "Hành vi vi phạm" in text
        assert "Quy định tại" in text
    assert all(f"SN-{n:04d}" in flat(long_pdf) for n in range(1, 15))


def test_render_violation_record_with_14_violations_keeps_the_closing_with_the_signatures(long_pdf):
    pages = pdf_reader(long_pdf).pages
    last = " ".join(pages[-1].extract_text().split())

    assert f"gồm {len(pages):02d} tờ" in last
    assert "NGƯỜI LẬP BIÊN BẢN" in last
    assert f"Trang {len(pages)}/{len(pages)}" in last
    assert qr_texts_by_page(long_pdf)[-1] == [VERIFY_URL]


def test_render_violation_record_keeps_vietnamese_diacritics_through_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Lan Hương")
    witness = Person(name=decomposed, title="Tổ trưởng tổ dân phố")

    pdf = render_violation_record(samples.violation_record(witnesses=(witness,)))

    assert "Nguyễn Thị Lan Hương" in pdf_lines(pdf)
    assert "Ý kiến trình bày của đại diện tổ chức vi phạm:" in pdf_text(pdf)


def test_render_violation_record_embeds_every_font(sample_pdf):
    assert all(embedded for _name, embedded in font_embedding(sample_pdf))


def test_render_violation_record_without_violations_is_refused():
    with pytest.raises(ValueError):
        render_violation_record(samples.violation_record(violations=()))
