"""Tests for the penalty decision renderer (quyết định xử phạt vi phạm hành chính, MQĐ02 of Decree 118/2021).

The renderer is pure, so these tests need no database: they render bytes and read them back with pypdf (text,
fonts) and pypdfium2 + zxing-cpp (the QR code).
"""

import copy
import unicodedata
from datetime import date

import pytest

from inspections.documents.layout import BLANK, Violator
from inspections.documents.penalty_decision import renderer
from inspections.documents.penalty_decision.renderer import articles_template, render_penalty_decision
from tests.inspections.documents import samples
from tests.pdf_helpers import font_embedding, pdf_lines, pdf_reader, pdf_text, qr_texts_by_page

VERIFY_URL = samples.penalty_decision().verify_url
PAYMENT = ("phải nộp tiền phạt tại Kho bạc Nhà nước tỉnh Quảng Trị hoặc nộp vào tài khoản số 7111.0.1057869 của Kho "
           "bạc Nhà nước tỉnh Quảng Trị trong thời hạn 10 ngày, kể từ ngày nhận được Quyết định xử phạt")


def flat(pdf: bytes) -> str:
    """Return the PDF's text with every run of whitespace one space: a wrapped sentence reads whole."""
    return " ".join(pdf_text(pdf).split())


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_penalty_decision(samples.penalty_decision())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_penalty_decision(samples.penalty_decision(
        violations=samples.penalty_rows(12), total_fine=18_000_000, total_fine_words="Mười tám triệu đồng"))


def test_render_penalty_decision_prints_header_number_date_and_title(sample_pdf):
    lines = pdf_lines(sample_pdf)

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Số: 01/QĐ-XPHC" in lines
    assert "Quảng Trị, ngày 08 tháng 02 năm 2023" in lines
    assert "QUYẾT ĐỊNH" in lines
    assert "Xử phạt vi phạm hành chính" in lines
    assert "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH QUẢNG TRỊ" in lines


def test_render_penalty_decision_cites_the_violation_record(sample_pdf):
    text = flat(sample_pdf)

    assert "Căn cứ Biên bản vi phạm hành chính số: 01/BB-VPHC lập ngày 02 tháng 02 năm 2023;" in text


def test_render_penalty_decision_prints_the_amount_in_figures_and_words(sample_pdf):
    text = flat(sample_pdf)

    assert ("a) Hình thức xử phạt chính: Phạt tiền. Cụ thể: 1.500.000 đồng "
            "(Bằng chữ: Một triệu năm trăm nghìn đồng).") in text
    assert "1.500.000" in pdf_lines(sample_pdf)  # the fine's own cell in the table


def test_render_penalty_decision_prints_violator_clause_and_facts(sample_pdf):
    text = flat(sample_pdf)

    assert "Điều 1. Xử phạt vi phạm hành chính đối với tổ chức có tên sau đây:" in text
    assert "Tên của tổ chức: Công ty TNHH Thương mại Đông Hà" in text
    assert samples.PROVISION in text
    assert samples.ACT in text
    assert "3. Các tình tiết tăng nặng: Không." in text


def test_render_penalty_decision_prints_the_payment_deadline_and_late_charge(sample_pdf):
    text = flat(sample_pdf)

    assert f"Tổ chức Công ty TNHH Thương mại Đông Hà {PAYMENT}." in text
    assert "mỗi ngày chậm nộp phạt phải nộp thêm 0,05% tính trên tổng số tiền phạt chưa nộp" in text


def test_render_penalty_decision_prints_the_remedy_its_deadline_and_who_pays_for_it(sample_pdf):
    text = flat(sample_pdf)

    assert ("1. Buộc thực hiện kiểm định phương tiện đo cân đồng hồ lò xo, số sản xuất NHS-2291. "
            "Thời hạn thực hiện: đến hết ngày 02 tháng 3 năm 2023.") in text
    assert ("Mọi chi phí tổ chức thi hành biện pháp khắc phục hậu quả do tổ chức Công ty TNHH Thương mại Đông Hà "
            "chi trả.") in text


def test_render_penalty_decision_prints_the_articles_in_order_and_the_signer(sample_pdf):
    text = flat(sample_pdf)

    order = ["Căn cứ Điều 57", "QUYẾT ĐỊNH:", "Điều 1.", "Phạt tiền", "Điều 2. Quyết định này có hiệu lực thi hành "
             "kể từ ngày ký.", "Điều 3. Quyết định này được:", PAYMENT, "3. Gửi cho Chánh Thanh tra Sở Khoa học và "
             "Công nghệ để tổ chức thực hiện Quyết định này./."]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, [phrase for phrase in order if phrase not in text]
    assert positions == sorted(positions)
    assert text.find("Nơi nhận: - Như Điều 3; - Lưu: VT, hồ sơ.") > positions[-1]
    assert text.find("GIÁM ĐỐC (Ký, ghi rõ họ tên, đóng dấu) Nguyễn Hữu Phước") > positions[-1]


def test_render_penalty_decision_moves_a_paragraph_when_the_template_data_moves_it(monkeypatch):
    template = copy.deepcopy(articles_template())
    payment = next(text for text in template["articles"][2]["paragraphs"] if "nộp tiền phạt tại" in text)
    template["articles"][2]["paragraphs"].remove(payment)
    template["articles"][1]["paragraphs"].append(payment)
    monkeypatch.setattr(renderer, "articles_template", lambda: template)

    text = flat(render_penalty_decision(samples.penalty_decision()))

    assert text.find("Điều 2.") < text.find(PAYMENT) < text.find("Điều 3.")


def test_render_penalty_decision_for_a_household_business_owner_says_ong_ba_and_leaves_blanks():
    owner = Violator(is_organization=False, name="", address="", business_name="Tiệm vàng Ngô Thị Mai",
                     business_address="Khóm 4, thị trấn Diên Sanh, huyện Hải Lăng", enterprise_code="3200004217")

    text = flat(render_penalty_decision(samples.penalty_decision(violator=owner)))

    assert "Xử phạt vi phạm hành chính đối với ông (bà) có tên sau đây:" in text
    assert f"Họ và tên: {BLANK} Giới tính: {BLANK}" in text
    assert "Hộ kinh doanh: Tiệm vàng Ngô Thị Mai Địa điểm kinh doanh: Khóm 4" in text
    assert "Mã số thuế: 3200004217" in text
    assert "1. Giao cho ông (bà) chủ hộ kinh doanh Tiệm vàng Ngô Thị Mai để chấp hành." in text
    assert "đối với tổ chức" not in text and "Tên của tổ chức" not in text and "tổ chức Tiệm" not in text


def test_render_penalty_decision_with_an_effective_date_prints_it():
    text = flat(render_penalty_decision(samples.penalty_decision(effective_on=date(2023, 2, 10))))

    assert "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 02 năm 2023." in text


def test_render_penalty_decision_qr_code_decodes_to_the_verify_url_on_the_last_page(sample_pdf):
    found = qr_texts_by_page(sample_pdf)

    assert found[-1] == [VERIFY_URL]
    assert all(page == [] for page in found[:-1])


def test_render_penalty_decision_with_12_violations_repeats_the_table_head(long_pdf):
    pages = pdf_reader(long_pdf).pages
    continued = [page.extract_text() for page in pages[1:] if "SN-00" in page.extract_text()]

    assert continued
    for text in continued:
        assert "Hành vi vi phạm" in text
        assert "Mức phạt" in text
        assert "Quyết định xử phạt vi phạm hành chính số 01/QĐ-XPHC (tiếp theo)" in text
    assert all(f"SN-{n:04d}" in flat(long_pdf) for n in range(1, 13))
    assert "Cụ thể: 18.000.000 đồng (Bằng chữ: Mười tám triệu đồng)" in flat(long_pdf)


def test_render_penalty_decision_with_12_violations_keeps_the_last_article_with_the_signature(long_pdf):
    pages = pdf_reader(long_pdf).pages
    last = " ".join(pages[-1].extract_text().split())

    assert "Điều 3. Quyết định này được:" in last
    assert "Nơi nhận:" in last
    assert f"Trang {len(pages)}/{len(pages)}" in last


def test_render_penalty_decision_keeps_vietnamese_diacritics_through_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Hữu Phước")

    pdf = render_penalty_decision(samples.penalty_decision(signer_name=decomposed))

    assert "Nguyễn Hữu Phước" in pdf_lines(pdf)


def test_render_penalty_decision_embeds_every_font(sample_pdf):
    assert all(embedded for _name, embedded in font_embedding(sample_pdf))


def test_render_penalty_decision_refuses_a_total_that_is_not_the_sum_of_the_fines():
    with pytest.raises(ValueError, match="sum"):
        render_penalty_decision(samples.penalty_decision(total_fine=2_000_000))
