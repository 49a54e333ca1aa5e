"""Shared drawing kit for the PDF documents we issue (certificates, licences, decisions, notices).

Pure helpers around a reportlab canvas: no Django models, no queries, no storage. Every document
kind draws its own layout with these so that fonts, dates and the national header look the same
everywhere. Coordinates are reportlab points with the origin at the bottom left of the page.
"""

from __future__ import annotations

import threading
import unicodedata
from datetime import date
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "A4",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "draw_fitted",
    "draw_national_header",
    "draw_qr",
    "draw_text",
    "fit_font_size",
    "mm",
    "nfc",
    "register_fonts",
    "vn_date",
    "vn_date_line",
    "vn_date_words",
]

FONTS_DIR = Path(__file__).resolve().parent / "fonts"

# Liberation Serif is metric-compatible with Times New Roman, the typeface Decree 30/2020 App. I
# prescribes, and covers every precomposed Vietnamese letter (TCVN 6909:2001 Unicode).
FONT = "Serif"
FONT_BOLD = "Serif-Bold"
FONT_ITALIC = "Serif-Italic"
FONT_BOLD_ITALIC = "Serif-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"

_registered = False
_register_lock = threading.Lock()


def register_fonts() -> None:
    """Register the embedded serif family once per process.

    Parsing the four TTFs costs about 110 ms, so it must never happen per document; the guard makes
    repeated calls free. The family registration lets <b>/<i> work in platypus Paragraphs.
    """
    global _registered
    if _registered:
        return
    with _register_lock:
        if _registered:
            return
        for name, filename in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _registered = True


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the precomposed form the fonts and TCVN 6909:2001 expect.

    Decomposed input (base letter + combining marks, as some keyboards and macOS produce) would
    otherwise be drawn as separate glyphs with misplaced diacritics and extract badly.
    """
    return unicodedata.normalize("NFC", text)


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


# --- National header (Decree 30/2020 App. I) ---------------------------------------------------


def draw_national_header(
    canvas,
    issuer_parent: str,
    issuer_name: str,
    *,
    top: float,
    left: float = 20 * mm,
    right: float = A4[0] - 15 * mm,
    split: float = 0.42,
) -> float:
    """Draw the issuer block (left) and the national name and motto (right); return the y below them.

    Decree 30/2020 App. I: the parent agency in upright capitals; the issuer in bold capitals with a
    centred rule 1/3 of its width under it; the national name in bold capitals 12-13 pt; the motto in
    bold 13-14 pt with a rule as long as the motto under it.
    """
    left_width = (right - left) * split
    gutter = 4  # keeps a full-width parent line from touching the national name
    left_bottom = _draw_issuer_block(canvas, issuer_parent, issuer_name, left, top, left_width - gutter)
    right_bottom = _draw_national_block(canvas, left + left_width + gutter, top, right - left - left_width - gutter)
    return min(left_bottom, right_bottom)


def _draw_issuer_block(canvas, parent: str, name: str, x: float, top: float, width: float) -> float:
    """Draw the parent agency and issuer name centred in the left column; return the y below."""
    y = top - 12
    if parent:
        y -= draw_fitted(canvas, x, y, nfc(parent).upper(), FONT, 12, width, min_size=10, align="center")
    name = nfc(name).upper()
    y -= draw_fitted(canvas, x, y, name, FONT_BOLD, 12, width, min_size=10.5, align="center")
    rule = min(pdfmetrics.stringWidth(name, FONT_BOLD, 12), width) / 3
    # y is now the next baseline (at least 12.6 pt below the last one); the rule clears the dots below.
    y += 6
    _rule(canvas, x + width / 2 - rule / 2, x + width / 2 + rule / 2, y)
    return y - 4


def _draw_national_block(canvas, x: float, top: float, width: float) -> float:
    """Draw the national name and the underlined motto centred in the right column; return the y below."""
    centre = x + width / 2
    y = top - 12
    draw_text(canvas, centre, y, NATIONAL_NAME, FONT_BOLD, fit_font_size(NATIONAL_NAME, FONT_BOLD, 12.5, width, 10),
              "center")
    y -= 15
    motto_size = fit_font_size(NATIONAL_MOTTO, FONT_BOLD, 13, width, 11)
    motto_width = draw_text(canvas, centre, y, NATIONAL_MOTTO, FONT_BOLD, motto_size, "center")
    y -= 5  # below the descenders of "p" in "lập", "phúc"
    _rule(canvas, centre - motto_width / 2, centre + motto_width / 2, y)
    return y - 4


def _rule(canvas, x1: float, x2: float, y: float, width: float = 0.6) -> None:
    """Draw a solid horizontal rule."""
    canvas.setLineWidth(width)
    canvas.line(x1, y, x2, y)


# --- QR code -----------------------------------------------------------------------------------

QUIET_ZONE = 4  # modules; ISO/IEC 18004 requires a 4-module light margin for reliable scanning


def draw_qr(canvas, url: str, x: float, y: float, size: float) -> None:
    """Draw a QR code for url with its bottom-left corner at (x, y), size x size points overall.

    The size includes the 4-module quiet zone, painted white so a coloured background cannot eat
    it. Dark modules are merged into one rectangle per horizontal run and filled as a single path,
    which is roughly 30 ms per page cheaper than reportlab's QR widget. Error level M survives a
    worn or stamped-over print; micro QR is excluded because phone scanners rarely read it.
    """
    matrix = segno.make(url, error="m", micro=False).matrix
    count = len(matrix)
    module = size / (count + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    origin_x = x + QUIET_ZONE * module
    top = y + size - QUIET_ZONE * module
    for row_index, row in enumerate(matrix):
        row_y = top - (row_index + 1) * module
        for start, length in _dark_runs(row):
            path.rect(origin_x + start * module, row_y, length * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _dark_runs(row) -> list[tuple[int, int]]:
    """Return (start, length) for each run of dark modules in a matrix row."""
    runs = []
    start = None
    for index, dark in enumerate(row):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            runs.append((start, index - start))
            start = None
    if start is not None:
        runs.append((start, len(row) - start))
    return runs
