"""Tests for the shared PDF drawing kit (certificates.pdf), its flowing layout included."""

import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from reportlab.pdfbase import pdfmetrics

from certificates.pdf import (
    FONT,
    FONT_BOLD,
    fit_font_size,
    nfc_strings,
    register_fonts,
    vn_date,
    vn_date_line,
    vn_number,
    wrap,
)
from certificates.pdf.flow import Block, paginate, space


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 8, 5), "Hà Nội, ngày 05 tháng 8 năm 2019"),
        (date(2023, 2, 1), "Hà Nội, ngày 01 tháng 02 năm 2023"),
        (date(2024, 1, 9), "Hà Nội, ngày 09 tháng 01 năm 2024"),
        (date(2025, 12, 15), "Hà Nội, ngày 15 tháng 12 năm 2025"),
        (date(2026, 3, 10), "Hà Nội, ngày 10 tháng 3 năm 2026"),
        (date(2026, 11, 30), "Hà Nội, ngày 30 tháng 11 năm 2026"),
    ],
)
def test_vn_date_line_pads_days_below_10_and_only_january_and_february(day, expected):
    line = vn_date_line("Hà Nội", day)

    assert line == expected


def test_vn_date_line_normalises_a_decomposed_place_to_nfc():
    place = unicodedata.normalize("NFD", "Thừa Thiên Huế")

    line = vn_date_line(place, date(2026, 4, 2))

    assert line == "Thừa Thiên Huế, ngày 02 tháng 4 năm 2026"


def test_vn_date_pads_day_and_month_for_table_cells():
    text = vn_date(date(2026, 3, 5))

    assert text == "05/03/2026"


def test_register_fonts_twice_keeps_the_first_registration():
    register_fonts()
    first = pdfmetrics.getFont(FONT)

    register_fonts()

    assert pdfmetrics.getFont(FONT) is first
    assert pdfmetrics.getRegisteredFontNames().count(FONT_BOLD) == 1


def test_fit_font_size_keeps_the_size_when_the_text_fits():
    register_fonts()

    size = fit_font_size("SN0100001", FONT, 11, 200, 8)

    assert size == 11


def test_fit_font_size_shrinks_until_the_text_fits():
    register_fonts()
    text = "Hộ kinh doanh Nguyễn Thị Hồng Nhung"
    width = pdfmetrics.stringWidth(text, FONT, 11) * 0.9

    size = fit_font_size(text, FONT, 11, width, 8)

    assert 8 <= size < 11
    assert pdfmetrics.stringWidth(text, FONT, size) <= width


def test_fit_font_size_stops_at_the_minimum():
    register_fonts()

    size = fit_font_size("Công ty TNHH Thiết bị Đo lường Sông Hồng", FONT, 11, 20, 8)

    assert size == 8


def test_nfc_strings_normalises_only_the_string_fields():
    @dataclass
    class Row:
        name: str
        count: int

    values = nfc_strings(Row(name=unicodedata.normalize("NFD", "Hải Dương"), count=3))

    assert values == {"name": "Hải Dương"}


def test_wrap_gives_the_first_line_its_own_width():
    register_fonts()
    text = "Căn cứ Luật Năng lượng nguyên tử số 94/2025/QH15"
    first_width = pdfmetrics.stringWidth("Căn cứ Luật", FONT, 12) + 1

    lines = wrap(text, FONT, 12, first_width, 1000)

    assert lines == ["Căn cứ Luật", "Năng lượng nguyên tử số 94/2025/QH15"]


def test_wrap_splits_a_word_wider_than_the_line_after_a_slash():
    register_fonts()
    width = pdfmetrics.stringWidth("13/2014/TTLT-", FONT, 10) + 1

    lines = wrap("13/2014/TTLT-BKHCN-BYT", FONT, 10, width, width)

    assert lines == ["13/2014/TTLT-", "BKHCN-BYT"]


def test_wrap_keeps_a_long_word_whole_when_told_not_to_break_it():
    register_fonts()

    lines = wrap("13/2014/TTLT-BKHCN-BYT Đ.9", FONT, 10, 20, 20, break_long_words=False)

    assert lines == ["13/2014/TTLT-BKHCN-BYT", "Đ.9"]


def _block(height: float, **kwargs) -> Block:
    return Block(height, lambda canvas, top: None, **kwargs)


def test_paginate_moves_a_keep_together_group_whole_to_the_next_page():
    first, heading, text = _block(60), _block(20, keep_with_next=True), _block(30)

    pages = paginate([first, heading, text], 100, 100, head_room=0)

    assert pages == [[first], [heading, text]]


def test_paginate_repeats_the_table_head_above_a_row_that_starts_a_page():
    head = _block(10, keep_with_next=True)
    rows = [_block(40, continued_head=head) for _ in range(3)]

    pages = paginate([head, *rows], 100, 100, head_room=10)

    assert pages == [[head, rows[0], rows[1]], [head, rows[2]]]


def test_paginate_refuses_a_block_taller_than_a_page():
    blocks = [space(5), _block(150)]

    with pytest.raises(ValueError, match="taller than a page"):
        paginate(blocks, 100, 100, head_room=0)


@pytest.mark.parametrize("value, signed, expected", [
    (Decimal("20.040000"), False, "20,04"), (Decimal("50.000000"), False, "50"), (Decimal("0.040000"), True, "+0,04"),
    (Decimal("-0.030000"), True, "-0,03"), (Decimal("0.000000"), True, "0"), (None, False, ""),
])
def test_vn_number_writes_the_decimal_comma_without_storage_zeros(value, signed, expected):
    assert vn_number(value, signed=signed) == expected
