"""Flowing layout for our longer PDF documents: measured blocks, pagination, wrapped prose and ruled tables.

A body is a list of Blocks, each of a known height with a draw(canvas, top) callback. paginate() spreads them over
pages, moving keep-together chains whole and repeating a table's head where a row starts a page. On that engine,
render_letter() lays out the administrative letter of Decree 30/2020/NĐ-CP App. I (national header, number and
date line, continuation heads, signature, "Nơi nhận", QR code and footer on every page) around a caller's body; the
radiation licence and the expiry notice are such letters. Pure reportlab like certificates.pdf: no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from io import BytesIO
from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    A4,
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    draw_fitted,
    draw_national_header,
    draw_qr_captioned,
    draw_signer_title,
    draw_text,
    draw_verify_footer,
    em_width,
    fit_font_size,
    mm,
    open_canvas,
    vn_date_line,
    wrap,
)

__all__ = [
    "CONTENT_W",
    "HEADER_SPLIT",
    "LEFT",
    "RIGHT",
    "Block",
    "Cell",
    "Column",
    "Letter",
    "Prose",
    "Span",
    "Table",
    "line",
    "paginate",
    "render_letter",
    "space",
]


# --- Blocks and pagination -----------------------------------------------------------------------------------------


class Block(NamedTuple):
    """A measured piece of the body: draw(canvas, top) paints it within height points below top."""

    height: float
    draw: Callable[[Canvas, float], None]
    keep_with_next: bool = False
    continued_head: Block | None = None  # a table row repeats this head when it starts a page


def space(height: float, *, keep_with_next: bool = True) -> Block:
    """Return an empty block: vertical space, by default sticking to what follows."""
    return Block(height, lambda canvas, top: None, keep_with_next)


def paginate(blocks: list[Block], first_room: float, later_room: float, *, head_room: float) -> list[list[Block]]:
    """Distribute the blocks over pages, moving a keep-together group whole and repeating a table's head.

    Groups are capped at a continuation page's room less head_room (the table head a moved row repeats), so a
    group moved to a new page always fits.
    """
    pages: list[list[Block]] = [[]]
    room = first_room
    for group in _keep_groups(blocks, later_room - head_room):
        need = sum(block.height for block in group)
        if need > room:
            pages.append([])
            room = later_room
            head = group[0].continued_head
            if head is not None:
                pages[-1].append(head)
                room -= head.height
        if need > room + 0.01:
            raise ValueError("a block is taller than a page")
        pages[-1].extend(group)
        room -= need
    return pages


def _keep_groups(blocks: list[Block], limit: float) -> list[list[Block]]:
    """Chain blocks marked keep_with_next to their successor; a chain taller than limit breaks where it must."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    height = 0.0
    for block in blocks:
        if current and height + block.height > limit:
            groups.append(current)
            current, height = [], 0.0
        current.append(block)
        height += block.height
        if not block.keep_with_next:
            groups.append(current)
            current, height = [], 0.0
    if current:
        groups.append(current)
    return groups


# --- Lines and paragraphs ------------------------------------------------------------------------------------------

MAX_STRETCH = 0.3  # widest extra space per word gap when justifying, as a share of the type size


class Span(NamedTuple):
    """One run of text on a line; x is the anchor for the alignment ("justify" stretches it over width)."""

    x: float
    text: str
    font: str
    size: float
    align: str = "left"
    width: float = 0.0


def line(spans: tuple[Span, ...], height: float, *, keep_with_next: bool = False) -> Block:
    """Return a block drawing spans on one baseline, one type size below the block's top."""

    def draw(canvas: Canvas, top: float) -> None:
        baseline = top - max(span.size for span in spans)
        for span in spans:
            if span.align == "justify":
                _draw_justified(canvas, span.x, baseline, span.text, span.font, span.size, span.width)
            else:
                draw_text(canvas, span.x, baseline, span.text, span.font, span.size, span.align)

    return Block(height, draw, keep_with_next)


def _draw_justified(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
    """Draw text stretched to width by widening its spaces (Decree 30/2020: body text justified to both margins).

    The PDF word-spacing operator keeps each line one string, so it extracts as the sentence it is; reportlab keeps
    the space at code 32 in every TrueType subset, which the operator needs.
    """
    spaces = text.count(" ")
    slack = width - em_width(text, font) * size
    stretch = slack / spaces if spaces and slack > 0 else 0
    if stretch > MAX_STRETCH * size:  # a line left loose by a long number reads better ragged than full of holes
        stretch = 0
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    text_object.setWordSpace(stretch)
    text_object.textOut(text)
    # Word spacing is page text state and outlives the text object: reset it, or every later line is stretched.
    text_object.setWordSpace(0)
    canvas.drawText(text_object)


@dataclass(frozen=True, kw_only=True)
class Prose:
    """A document's body text: size, leading and paragraph gap, and the measure from left to right it runs in."""

    size: float
    leading: float
    gap: float  # extra space after a paragraph
    left: float
    right: float
    break_long_words: bool = True  # else a word wider than the measure runs past it

    def paragraph(self, text: str, font: str = FONT, *, size: float | None = None, first_x: float | None = None,
                  x: float | None = None, lead: tuple[Span, ...] = (), align: str = "left",
                  keep_with_next: bool = False) -> list[Block]:
        """Return one block per wrapped line, kept together; lead spans (a label, a number) open the first line.

        The first line starts at first_x (an indent, or room for the lead), the others at x (a hanging indent); both
        default to the left of the measure. A centred line is centred on the measure; the last line of a justified
        paragraph stays ragged.
        """
        size = self.size if size is None else size
        x = self.left if x is None else x
        first_x = self.left if first_x is None else first_x
        lines = wrap(text, font, size, self.right - first_x, self.right - x,
                     break_long_words=self.break_long_words) or [""]
        blocks = []
        for index, text_line in enumerate(lines):
            last = index == len(lines) - 1
            span = self._span(first_x if index == 0 else x, text_line, font, size,
                              "left" if last and align == "justify" else align)
            height = self.leading * size / self.size + (self.gap if last else 0)
            blocks.append(line((*lead, span) if index == 0 else (span,), height,
                               keep_with_next=keep_with_next or not last))
        return blocks

    def _span(self, x: float, text: str, font: str, size: float, align: str) -> Span:
        """Return the span of one paragraph line starting at x."""
        if align == "center":
            return Span(self.left + (self.right - self.left) / 2, text, font, size, "center")
        return Span(x, text, font, size, align, self.right - x)


# --- Tables --------------------------------------------------------------------------------------------------------

CELL_LEADING = 10.5
CELL_PAD = 3  # above and below a row's text
CELL_INSET = 2.5  # a cell's text keeps this clear of the rules left and right
MIN_CELL = 6  # a serial or a date shrinks down to this (still legible in print) before it would wrap
RGB = tuple[float, float, float]


class Column(NamedTuple):
    """One table column: heading lines, width, alignment, whether values shrink rather than wrap, text size."""

    head: tuple[str, ...]
    width_mm: float
    align: str = "left"
    whole: bool = False  # serials, numbers and dates stay one unbroken line, so they extract and search whole
    size: float | None = None  # the table's size unless set


class Cell(NamedTuple):
    """One table cell laid out: its (text, size) lines, its font and colour (None for black)."""

    lines: tuple[tuple[str, float], ...]
    font: str = FONT
    colour: RGB | None = None


@dataclass(frozen=True, kw_only=True)
class Table:
    """A ruled table whose rows flow as blocks: every row draws its own rules, so any row can start a page."""

    columns: tuple[Column, ...]
    left: float
    size: float  # headings and cells, unless a column sets its own
    min_wrapped: float  # prose shrinks down to this so its longest word (a circular's number) fits a line
    text_pad: float = CELL_INSET  # from the left rule to left-aligned text
    head_pad: float = CELL_INSET  # a heading fits its cell less this on either side
    min_lines: int = 1  # a row is at least this many lines tall
    break_long_words: bool = True  # else a word wider than its cell runs past the rule

    @cached_property
    def lefts(self) -> tuple[float, ...]:
        """Return the x of each column's left rule."""
        return tuple(self.left + sum(c.width_mm for c in self.columns[:i]) * mm for i in range(len(self.columns)))

    @cached_property
    def width(self) -> float:
        """Return the table's overall width."""
        return sum(column.width_mm for column in self.columns) * mm

    @cached_property
    def head_height(self) -> float:
        """Return the height of the heading row."""
        return max(len(column.head) for column in self.columns) * CELL_LEADING + 2 * CELL_PAD

    def flow(self, rows: Sequence[Sequence[Cell]], *, keep_last_with_next: bool = False) -> list[Block]:
        """Return the head and one block per row; a row that starts a new page repeats the head."""
        head = Block(self.head_height, self.draw_head, keep_with_next=True)
        blocks = [self._row(cells, head) for cells in rows]
        if blocks and keep_last_with_next:
            blocks[-1] = blocks[-1]._replace(keep_with_next=True)
        return [head, *blocks]

    def cell(self, index: int, *values: str, font: str = FONT, colour: RGB | None = None) -> Cell:
        """Lay out values in column index, each starting a line of its own; empty values are left out.

        Whole values (serial, date) shrink to stay one line; prose first shrinks until its longest word fits, so
        that a circular's number is not split unless it must be, then wraps.
        """
        column = self.columns[index]
        width = column.width_mm * mm - 2 * CELL_INSET
        lines: list[tuple[str, float]] = []
        for text in filter(None, values):
            size = column.size or self.size
            if column.whole:
                size = _fitted_size(em_width(text, font), size, width, MIN_CELL)
                if em_width(text, font) * size <= width:
                    lines.append((text, size))
                    continue
            else:
                longest = max((em_width(word, font) for word in text.split()), default=0.0)
                size = _fitted_size(longest, size, width, min(self.min_wrapped, size))
            wrapped = wrap(text, font, size, width, width, break_long_words=self.break_long_words)
            lines += [(text_line, size) for text_line in wrapped]
        return Cell(tuple(lines), font, colour)

    def draw_head(self, canvas: Canvas, top: float) -> None:
        """Draw the shaded heading row, each heading centred in its cell."""
        canvas.setFillGray(0.9)
        canvas.rect(self.left, top - self.head_height, self.width, self.head_height, stroke=0, fill=1)
        canvas.setFillGray(0)
        for column, x in zip(self.columns, self.lefts, strict=True):
            width = column.width_mm * mm
            first = _first_baseline(top, self.head_height, len(column.head))
            for index, text in enumerate(column.head):
                size = fit_font_size(text, FONT_BOLD, self.size, width - 2 * self.head_pad, 7)
                draw_text(canvas, x + width / 2, first - index * CELL_LEADING, text, FONT_BOLD, size, "center")
        self._draw_rules(canvas, top, top - self.head_height)

    def _row(self, cells: Sequence[Cell], head: Block) -> Block:
        """Return one row, as tall as its tallest cell."""
        height = max(self.min_lines, *(len(cell.lines) for cell in cells)) * CELL_LEADING + 2 * CELL_PAD

        def draw(canvas: Canvas, top: float) -> None:
            self._draw_row(canvas, top, height, cells)

        return Block(height, draw, continued_head=head)

    def _draw_row(self, canvas: Canvas, top: float, height: float, cells: Sequence[Cell]) -> None:
        """Draw one row's cells, each vertically centred, and its rules."""
        for column, cell, x in zip(self.columns, cells, self.lefts, strict=True):
            first = _first_baseline(top, height, len(cell.lines))
            for index, (text, size) in enumerate(cell.lines):
                if column.align == "center":
                    left = x + (column.width_mm * mm - em_width(text, cell.font) * size) / 2
                else:
                    left = x + self.text_pad
                _draw_string(canvas, left, first - index * CELL_LEADING, text, cell.font, size, cell.colour)
        self._draw_rules(canvas, top, top - height)

    def _draw_rules(self, canvas: Canvas, top: float, bottom: float) -> None:
        """Stroke one row's box and column lines as a single path."""
        canvas.setLineWidth(0.5)
        path = canvas.beginPath()
        path.rect(self.left, bottom, self.width, top - bottom)
        x = self.left
        for column in self.columns[:-1]:
            x += column.width_mm * mm
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        canvas.drawPath(path, stroke=1, fill=0)


def _first_baseline(top: float, height: float, lines: int) -> float:
    """Return the first baseline of lines of cell text centred vertically in a row of height below top."""
    return top - (height - lines * CELL_LEADING) / 2 - CELL_LEADING + 2.6


def _fitted_size(em: float, size: float, width: float, min_size: float) -> float:
    """Return the kit's fit_font_size for a text em wide at 1 pt: the largest 0.5 pt step that fits, not below min."""
    if em * size <= width:
        return size
    return max(int(width / em * 2) / 2, min_size)


def _draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, colour: RGB | None) -> None:
    """Draw one cell line as its own text object, as canvas.drawString does, without the kit's extra measuring.

    A long table draws thousands of these, and the kit's draw_text measures each string again and sets the canvas
    font in a text object of its own. textLine (not textOut) ends the string with a line feed (T*) just as
    drawString does, so that text extractors read each cell line (a serial, a date) as a line of its own rather
    than run the row's cells together.
    """
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    if colour:
        text_object.setFillColorRGB(*colour)
    text_object.textLine(text)
    if colour:
        text_object.setFillGray(0)
    canvas.drawText(text_object)


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
