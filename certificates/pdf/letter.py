"""The administrative letter of Decree 30/2020/NĐ-CP App. I around a caller's flowing body.

render_letter() lays out the national header, number and date line, continuation heads, signature, "Nơi nhận", QR
code and footer on every page; the radiation licence and the expiry notice are such letters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf.flow import Block, Prose, paginate
from certificates.pdf.fonts import FONT, FONT_BOLD, FONT_BOLD_ITALIC, FONT_ITALIC, open_canvas
from certificates.pdf.parts import draw_national_header, draw_qr_captioned, draw_signer_title, draw_verify_footer
from certificates.pdf.text import draw_fitted, draw_text, vn_date_line, wrap

# --- Letters (Decree 30/2020 App. I) -------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
# Decree 30/2020 App. I margins: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
LEFT = 30 * mm
RIGHT = PAGE_W - 15 * mm
CONTENT_W = RIGHT - LEFT
TOP = PAGE_H - 20 * mm
BOTTOM = 9 * mm  # the verification footer lives in the bottom margin
FOOTER_TOP = 18 * mm  # the body never runs below this line
CONTINUED_TOP = TOP - 26  # where the body continues on pages after the first
HEADER_SPLIT = 0.42  # issuer column share of the width; passed to the kit so the columns below line up
HEADER_GUTTER = 4  # the kit's gap between the two header columns
ISSUER_W = CONTENT_W * HEADER_SPLIT - HEADER_GUTTER
NATIONAL_W = CONTENT_W * (1 - HEADER_SPLIT) - HEADER_GUTTER
NATIONAL_CX = LEFT + CONTENT_W * HEADER_SPLIT + HEADER_GUTTER + NATIONAL_W / 2

QR_CAPTION_H = 10
SIGN_SPACE = 25 * mm  # room for the signature and the round seal between the note and the name
CLOSING_GAP = 8  # between the body and the signature block
RECIPIENT_SIZE = 11
RECIPIENT_LEADING = 12.5
RECIPIENTS_W = CONTENT_W * HEADER_SPLIT  # the "Nơi nhận" column, under the issuer block


@dataclass(frozen=True, kw_only=True)
class Letter:
    """What the letter layout prints around a body, and the settings of that body's text.

    recipients are the "Nơi nhận" items (Decree 30/2020 App. I), e.g. ("- <addressee>;", "- Lưu: VT.").
    """

    title: str  # the document's type name, heading continuation pages
    number: str
    issuer_parent: str
    issuer_name: str
    place: str
    issued_on: date
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    verify_url: str
    verify_prefix: str  # the footer's sentence before the link
    qr_size: float
    prose: Prose  # the canvas starts at its size; "Nơi nhận" wraps like it
    pdf_title: str
    pdf_subject: str
    signer_name_width: float = NATIONAL_W  # centred under the motto


def render_letter(letter: Letter, body: list[Block], draw_title: Callable[[Canvas, float], float], *,
                  head_room: float) -> bytes:
    """Render a letter as A4 PDF bytes: body flows over as many pages as it needs, each marked "Trang x/y".

    draw_title(canvas, y) draws the document's title below the number and date line at y and returns where the body
    starts. The signature, "Nơi nhận" and the QR code close the last page. head_room is as for paginate().
    """
    buffer = BytesIO()
    canvas = open_canvas(buffer, letter.prose.size)
    canvas.setTitle(letter.pdf_title)
    canvas.setAuthor(letter.issuer_name)
    canvas.setSubject(letter.pdf_subject)
    y = draw_title(canvas, _draw_letter_head(canvas, letter))
    pages = paginate([*body, _closing(letter)], y - FOOTER_TOP, CONTINUED_TOP - FOOTER_TOP, head_room=head_room)
    for index, blocks in enumerate(pages):
        if index:
            canvas.showPage()
            y = _draw_continuation_top(canvas, letter)
        for block in blocks:
            block.draw(canvas, y)
            y -= block.height
        if index == len(pages) - 1:
            draw_qr_captioned(canvas, letter.verify_url, LEFT, FOOTER_TOP + QR_CAPTION_H, letter.qr_size)
        draw_verify_footer(canvas, letter.verify_url, letter.verify_prefix, f"Trang {index + 1}/{len(pages)}",
                           left=LEFT, right=RIGHT, bottom=BOTTOM)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_letter_head(canvas: Canvas, letter: Letter) -> float:
    """Draw the national header, then "Số:" under the issuer and the date line under the motto; return their y."""
    y = draw_national_header(
        canvas, letter.issuer_parent, letter.issuer_name, top=TOP, left=LEFT, right=RIGHT, split=HEADER_SPLIT
    )
    # Decree 30/2020 App. I: the number centred under the issuer, the italic date line under the motto.
    y -= 16
    draw_fitted(canvas, LEFT, y, f"Số: {letter.number}", FONT, 13, ISSUER_W, min_size=9, align="center")
    draw_fitted(canvas, NATIONAL_CX - NATIONAL_W / 2, y, vn_date_line(letter.place, letter.issued_on), FONT_ITALIC,
                13, NATIONAL_W, min_size=10, align="center")
    return y


def _draw_continuation_top(canvas: Canvas, letter: Letter) -> float:
    """Head a continuation page with the document's number so loose pages can be matched; return the body's y."""
    text = f"{letter.title} số {letter.number} (tiếp theo)"
    draw_fitted(canvas, LEFT, TOP - 10, text, FONT_BOLD, 11, CONTENT_W, min_size=8, align="center")
    return CONTINUED_TOP


def _closing(letter: Letter) -> Block:
    """Return the signature (right) and "Nơi nhận" (left) block, tall enough to leave the QR code its corner.

    The QR code itself is drawn at the bottom left of the last page, above the footer; reserving its height
    here guarantees "Nơi nhận" never runs into it.
    """
    title = letter.signer_title.upper()
    sign_h = CLOSING_GAP + 13 + len(title.splitlines() or [""]) * 15 + SIGN_SPACE + 4
    recipients = _recipient_lines(letter.recipients, letter.prose.break_long_words)
    left_h = CLOSING_GAP + 12 + len(recipients) * RECIPIENT_LEADING + 10 + letter.qr_size + QR_CAPTION_H

    def draw(canvas: Canvas, top: float) -> None:
        y = draw_signer_title(canvas, NATIONAL_CX, top - CLOSING_GAP - 13, title, "(Ký, ghi rõ họ tên, đóng dấu)",
                              size=13, step=15, note_size=11)
        if letter.signer_name:
            width = letter.signer_name_width
            draw_fitted(canvas, NATIONAL_CX - width / 2, y - SIGN_SPACE, letter.signer_name, FONT_BOLD, 13, width,
                        min_size=9, align="center")
        _draw_recipients(canvas, recipients, top - CLOSING_GAP - 12)

    return Block(max(sign_h, left_h), draw)


def _recipient_lines(items: tuple[str, ...], break_long_words: bool) -> list[tuple[float, str]]:
    """Return (indent, text) lines of the "Nơi nhận" items; a long item wraps under its text, clear of the dash."""
    dash = pdfmetrics.stringWidth("- ", FONT, RECIPIENT_SIZE)
    lines: list[tuple[float, str]] = []
    for item in items:
        wrapped = wrap(item, FONT, RECIPIENT_SIZE, RECIPIENTS_W, RECIPIENTS_W - dash,
                       break_long_words=break_long_words)
        lines += [(dash if index else 0, text) for index, text in enumerate(wrapped)]
    return lines


def _draw_recipients(canvas: Canvas, lines: list[tuple[float, str]], y: float) -> None:
    """Draw "Nơi nhận:" in bold italic 12 pt and its items in 11 pt (Decree 30/2020 App. I)."""
    draw_text(canvas, LEFT, y, "Nơi nhận:", FONT_BOLD_ITALIC, 12)
    for indent, text in lines:
        y -= RECIPIENT_LEADING
        draw_text(canvas, LEFT + indent, y, text, FONT, RECIPIENT_SIZE)
