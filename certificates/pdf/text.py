"""Dates in the forms Decree 30/2020 prescribes, and measuring, wrapping, fitting and drawing lines of text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics

from certificates.pdf.fonts import nfc

# --- Dates -------------------------------------------------------------------------------------


def vn_date_words(day: date) -> str:
    """Return "ngày DD tháng M năm YYYY" following the Decree 30/2020 zero-padding rule.

    Days 1-9 are padded ("ngày 05"); months are padded only for January and February ("tháng 01",
    "tháng 02"), never March-December ("tháng 8"), as the date line of Decree 30/2020 App. I shows.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_date_line(place: str, day: date) -> str:
    """Return the place-and-date line, e.g. "Hà Nội, ngày 05 tháng 8 năm 2019" (Decree 30/2020)."""
    return f"{nfc(place)}, {vn_date_words(day)}"


def vn_date(day: date) -> str:
    """Return DD/MM/YYYY, the compact form used in table cells."""
    return day.strftime("%d/%m/%Y")


def vn_number(value: Decimal | None, *, signed: bool = False) -> str:
    """A decimal as written in Vietnamese documents: decimal comma, no trailing zeros of the storage scale
    (20.040000 -> "20,04"); `signed` puts "+" before a positive value (errors of reading)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    text = "0" if text in ("-0", "") else text
    if signed and value > 0:
        text = "+" + text
    return text.replace(".", ",")


# --- Text --------------------------------------------------------------------------------------


def draw_text(canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> float:
    """Draw one line of NFC text aligned left, centre or right at x; return its width."""
    text = nfc(text)
    width = pdfmetrics.stringWidth(text, font, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)
    return width


def fit_font_size(text: str, font: str, size: float, width: float, min_size: float) -> float:
    """Return the largest size <= size (in 0.5 pt steps, not below min_size) at which text fits width."""
    natural = pdfmetrics.stringWidth(text, font, size)
    if natural <= width:
        return size
    # Width scales linearly with size, so one division gives the answer; snap down to 0.5 pt.
    fitted = int(size * width / natural * 2) / 2
    return max(fitted, min_size)


def draw_fitted(
    canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    width: float,
    *,
    min_size: float | None = None,
    align: str = "left",
    leading: float | None = None,
) -> float:
    """Draw text on one line, shrinking it down to min_size before wrapping; return the height used.

    Keeping names and numbers on one unbroken line is what lets them be searched and extracted from
    the PDF as a whole. Only when the text does not fit even at min_size is it wrapped (at min_size).
    """
    text = nfc(text)
    if not text:
        return 0.0
    min_size = size * 0.8 if min_size is None else min_size
    fitted = fit_font_size(text, font, size, width, min_size)
    line_height = (leading or size * 1.2) * fitted / size
    if pdfmetrics.stringWidth(text, font, fitted) <= width:
        draw_text(canvas, _anchor(x, width, align), y, text, font, fitted, align)
        return line_height
    lines = simpleSplit(text, font, fitted, width)
    for index, line in enumerate(lines):
        draw_text(canvas, _anchor(x, width, align), y - index * line_height, line, font, fitted, align)
    return line_height * len(lines)


def _anchor(x: float, width: float, align: str) -> float:
    """Turn the left edge of a box into the x that draw_text expects for the alignment."""
    return {"left": x, "center": x + width / 2, "right": x + width}[align]


@lru_cache(maxsize=8192)
def em_width(text: str, font: str) -> float:
    """Return the width of text at 1 pt, cached: the same words recur in every row, and measuring is pure Python.

    A TrueType string's width is the sum of its glyph advances times the size (reportlab does not kern), so
    widths scale with the size and add up across words.
    """
    return pdfmetrics.stringWidth(text, font, 1)


def wrap(text: str, font: str, size: float, first_width: float, width: float, *,
         break_long_words: bool = True) -> list[str]:
    """Greedy word wrap, the first line narrower when indented; a word wider than a line is split unless told not to."""
    lines: list[str] = []
    current, used = "", 0.0
    limit = first_width / size
    space = em_width(" ", font)
    for word in text.split():
        for piece in _split_long(word, font, width / size) if break_long_words else (word,):
            piece_w = em_width(piece, font)
            if current and used + space + piece_w > limit:
                lines.append(current)
                current, used, limit = piece, piece_w, width / size
            elif current:
                current, used = f"{current} {piece}", used + space + piece_w
            else:
                current, used = piece, piece_w
    if current:
        lines.append(current)
    return lines


def _split_long(word: str, font: str, em_limit: float) -> list[str]:
    """Split a word wider than em_limit, preferably after "/" or "-" (13/2014/TTLT-BKHCN-BYT), else anywhere."""
    pieces = []
    while em_width(word, font) > em_limit and len(word) > 1:
        fitting = 1
        while fitting < len(word) and em_width(word[: fitting + 1], font) <= em_limit:
            fitting += 1
        breaks = [index + 1 for index in range(fitting) if word[index] in "/-"]
        cut = breaks[-1] if breaks and breaks[-1] < len(word) else fitting
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]
