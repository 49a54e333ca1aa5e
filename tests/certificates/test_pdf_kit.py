"""Tests for the shared PDF drawing kit (certificates.pdf)."""

import unicodedata
from datetime import date

import pytest
from reportlab.pdfbase import pdfmetrics

from certificates.pdf import FONT, FONT_BOLD, fit_font_size, register_fonts, vn_date, vn_date_line


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
