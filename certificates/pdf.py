"""Shared drawing kit for the PDF documents we issue (certificates, licences, decisions, notices).

Pure helpers around a reportlab canvas: no Django models, no queries, no storage. Every document
kind draws its own layout with these so that fonts, dates and the national header look the same
everywhere. Coordinates are reportlab points with the origin at the bottom left of the page.
"""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "A4",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "draw_fitted",
    "draw_national_header",
    "draw_qr",
    "draw_qr_captioned",
    "draw_signer_title",
    "draw_text",
    "draw_verify_footer",
    "em_width",
    "fit_font_size",
    "mm",
    "nfc",
    "nfc_strings",
    "open_canvas",
    "register_fonts",
    "vn_date",
    "vn_date_line",
    "vn_date_words",
    "wrap",
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


def nfc_strings(instance) -> dict[str, str]:
    """Return {field name: NFC value} for the string fields of a dataclass instance, for dataclasses.replace()."""
    values = ((f.name, getattr(instance, f.name)) for f in dataclasses.fields(instance))
    return {name: nfc(value) for name, value in values if isinstance(value, str)}


def open_canvas(buffer: BytesIO, font_size: float) -> Canvas:
    """Return an A4 canvas writing into buffer, in Vietnamese, starting on our serif at font_size.

    Starting on our own font matters: the default initial Helvetica would be a non-embedded font resource.
    """
    return Canvas(buffer, pagesize=A4, pageCompression=1, lang="vi", initialFontName=FONT, initialFontSize=font_size)


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


def draw_signer_title(canvas, x: float, y: float, title: str, note: str, *, size: float, step: float,
                      note_size: float) -> float:
    """Draw the signer's title in bold and the signing note in italics under it, centred on x; return the note's y.

    Each line of title is a line of print: a deputy signs as "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" (Decree 30/2020).
    """
    lines = title.splitlines() or [""]
    for index, line in enumerate(lines):
        draw_text(canvas, x, y - index * step, line, FONT_BOLD, size, "center")
    y -= len(lines) * step
    draw_text(canvas, x, y, note, FONT_ITALIC, note_size, "center")
    return y


# --- Verification footer -----------------------------------------------------------------------


def draw_verify_footer(canvas, url: str, prefix: str, page_mark: str, *, left: float, right: float,
                       bottom: float) -> None:
    """Draw "<prefix> <url>" on the left and page_mark ("Trang x/y") on the right, under a thin rule.

    The sentence and link stay one line when they fit at 6.5 pt; a longer link moves to a line of its own, where
    it shrinks rather than breaks, because a broken link cannot be typed or clicked.
    """
    canvas.setLineWidth(0.4)
    canvas.line(left, bottom + 19, right, bottom + 19)
    width = right - left - draw_text(canvas, right, bottom + 5, page_mark, FONT_ITALIC, 8.5, "right") - 18
    text = f"{prefix} {url}"
    size = fit_font_size(text, FONT_ITALIC, 8.5, width, 6.5)
    if pdfmetrics.stringWidth(text, FONT_ITALIC, size) <= width:
        draw_text(canvas, left, bottom + 5, text, FONT_ITALIC, size)
    else:
        draw_text(canvas, left, bottom + 9, prefix, FONT_ITALIC, 8)
        draw_text(canvas, left, bottom, url, FONT_ITALIC, fit_font_size(url, FONT_ITALIC, 8, width, 4))


# --- QR code -----------------------------------------------------------------------------------

QUIET_ZONE = 4  # modules; ISO/IEC 18004 requires a 4-module light margin for reliable scanning
CAPTION_GREY = 0.33


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


def draw_qr_captioned(canvas, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as draw_qr does, with "Quét mã để tra cứu" in small grey italics 8 pt below it."""
    draw_qr(canvas, url, x, y, size)
    canvas.setFillGray(CAPTION_GREY)
    draw_text(canvas, x + size / 2, y - 8, "Quét mã để tra cứu", FONT_ITALIC, 8, "center")
    canvas.setFillGray(0)


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
