"""The parts every document kind prints: national header, signer's title, verification footer and QR code."""

from __future__ import annotations

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from certificates.pdf.fonts import FONT, FONT_BOLD, FONT_ITALIC, nfc
from certificates.pdf.text import draw_fitted, draw_text, fit_font_size

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


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
    """Draw the QR code as draw_qr does, with "Quét mã để tra cứu" in small grey italics 8 pt below it.

    A link annotation to url covers the QR's square: clicking the code in a viewer opens the verify page, and
    the sealer (docseal.seal) finds the box it draws the signed seal's QR code over by this link.
    """
    draw_qr(canvas, url, x, y, size)
    canvas.linkURL(url, (x, y, x + size, y + size), relative=0, thickness=0)
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
