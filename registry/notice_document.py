"""Pure PDF renderer of the expiry notice (thông báo) that a provincial Department of Science and Technology sends.

Once a day the Department tells one organisation (a business, a hospital) what of theirs reaches an expiry stage:
measuring instruments due for re-verification (Law on Metrology 2011 Art. 21; Circular 23/2013/TT-BKHCN Art. 20,
25), diagnostic X-ray units due for verification (Joint Circular 13/2014/TTLT-BKHCN-BYT Art. 9) and radiation work
licences near the last day to file a renewal, or expiring (Decree 142/2020/NĐ-CP Art. 30.1: at least 45 days
before expiry). Plain data in, PDF bytes out: no Django, no queries, no storage. The service numbers the notice,
stores the bytes and records their SHA-256. The layout follows Decree 30/2020/NĐ-CP App. I.

The body flows as measured blocks, as in registry.license_document: a long list continues on further pages with
the table head repeated and every page marked "Trang x/y"; the last row and the closing paragraph always stay
with the signature.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
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
    draw_qr,
    draw_text,
    fit_font_size,
    mm,
    nfc,
    register_fonts,
    vn_date,
    vn_date_line,
)

__all__ = ["ExpiryNoticeContext", "NoticeItemRow", "render_expiry_notice"]


@dataclass(frozen=True, kw_only=True)
class NoticeItemRow:
    """One thing reaching an expiry stage, every value already formatted for print.

    serial_number is the instrument's or device's serial; a licence has none, so the caller puts the licence
    number there (it is printed in the same "Số" column).
    """

    kind_label: str
    subject: str
    serial_number: str
    location: str
    valid_until: date
    stage_label: str
    legal_basis: str
    overdue: bool


@dataclass(frozen=True, kw_only=True)
class ExpiryNoticeContext:
    """Everything printed on one organisation's expiry notice, as plain values."""

    number: str
    issuer_parent: str
    issuer_name: str
    place: str
    issued_on: date
    recipient_name: str
    recipient_address: str
    items: tuple[NoticeItemRow, ...]
    verify_url: str
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""

    def __post_init__(self) -> None:
        # Callers often build the rows in a list; a tuple keeps the context hashable and immutable.
        object.__setattr__(self, "items", tuple(self.items))


# --- Geometry (points; origin bottom left) -------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
# Decree 30/2020 App. I margins: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
LEFT = 30 * mm
RIGHT = PAGE_W - 15 * mm
CONTENT_W = RIGHT - LEFT
TOP = PAGE_H - 20 * mm
BOTTOM = 9 * mm  # the verification footer lives in the bottom margin
FOOTER_TOP = 18 * mm  # the body never runs below this line
HEADER_SPLIT = 0.42  # issuer column share of the width; passed to the kit so the columns below line up
HEADER_GUTTER = 4  # the kit's gap between the two header columns
ISSUER_W = CONTENT_W * HEADER_SPLIT - HEADER_GUTTER
NATIONAL_W = CONTENT_W * (1 - HEADER_SPLIT) - HEADER_GUTTER
ISSUER_CX = LEFT + ISSUER_W / 2
NATIONAL_CX = LEFT + CONTENT_W * HEADER_SPLIT + HEADER_GUTTER + NATIONAL_W / 2

BODY = 13  # Decree 30/2020 App. I: body text 13-14 pt
LEADING = 15.5  # single spacing or a little more, which Decree 30 allows
PARA_GAP = 6  # Decree 30/2020 App. I: at least 6 pt between paragraphs
INDENT = 10 * mm  # Decree 30: first-line indent 1-1.27 cm
MAX_STRETCH = 0.3  # widest extra space per word gap when justifying, as a share of the type size

CELL = 9  # table text size: eight columns on a portrait page
CELL_LEADING = 10.5
CELL_PAD = 3  # above and below a row's text
CELL_INSET = 2.5  # left and right of a cell's text
MIN_CELL = 6  # a serial or a date shrinks down to this (still legible in print) before it would wrap
MIN_WRAPPED = 7.5  # prose shrinks down to this so that its longest word (a circular's number) fits a line
HEAD_H = 2 * CELL_LEADING + 2 * CELL_PAD
OVERDUE_RED = (0.75, 0.05, 0.05)


class _Column(NamedTuple):
    """One table column: heading lines, width, alignment, whether values shrink rather than wrap, text size."""

    head: tuple[str, ...]
    width_mm: float
    align: str = "left"
    whole: bool = False  # serials, numbers and dates stay one unbroken line, so they extract and search whole
    size: float = CELL


COLUMNS = (  # widths sum to 165 mm = CONTENT_W
    _Column(("STT",), 8, "center", whole=True),
    _Column(("Nội dung",), 22),
    _Column(("Đối tượng",), 25),
    _Column(("Số sản xuất", "/ số giấy phép"), 26, "center", whole=True),  # a 20-character serial fits at 6 pt
    _Column(("Nơi", "sử dụng"), 21),
    _Column(("Có giá trị", "đến"), 18, "center", whole=True),
    _Column(("Mức", "cảnh báo"), 20, "center"),
    _Column(("Căn cứ",), 25, size=8),  # 25 mm: "23/2013/TT-BKHCN" fits a line at 7.5 pt
)
COLUMN_LEFTS = tuple(LEFT + sum(column.width_mm for column in COLUMNS[:index]) * mm for index in range(len(COLUMNS)))
STAGE_COLUMN = 6  # printed bold red on overdue rows
DATE_COLUMN = 5  # printed red on overdue rows

QR_SIZE = 24 * mm
QR_CAPTION_H = 10
SIGN_SPACE = 25 * mm  # room for the signature and the round seal between the note and the name
CLOSING_GAP = 8  # between the closing paragraph and the signature block
RECIPIENT_SIZE = 11
RECIPIENT_LEADING = 12.5
RECIPIENTS_W = CONTENT_W * HEADER_SPLIT  # the "Nơi nhận" column, under the issuer block
CAPTION_GREY = 0.33

TITLE = "THÔNG BÁO"
SUBJECT = "Về việc kiểm định phương tiện đo, thiết bị X-quang và giấy phép sắp hết hạn"
INTRO = (
    "Theo dữ liệu đăng ký tại Sở, các phương tiện đo, thiết bị và giấy phép dưới đây của quý cơ sở đã hoặc sắp "
    "hết hạn:"
)
# Only what the cited texts say: Law on Metrology 2011 Art. 21 (periodic verification of Group 2 instruments in
# use; Decree 119/2017 sanctions using one without it), Joint Circular 13/2014 Art. 9 (X-ray verification cycle)
# and Decree 142/2020 Art. 30.1 (file a renewal at least 45 days before the licence expires).
CLOSING = (
    "Đề nghị quý cơ sở tổ chức kiểm định lại phương tiện đo, thiết bị X-quang và nộp hồ sơ gia hạn giấy phép "
    "trước thời hạn nêu trên. Phương tiện đo hết hạn kiểm định không được sử dụng (Luật Đo lường 2011, Điều 21; "
    "Nghị định 119/2017/NĐ-CP).",
    "Thiết bị X-quang chẩn đoán phải được kiểm định định kỳ theo quy định tại Điều 9 Thông tư liên tịch số "
    "13/2014/TTLT-BKHCN-BYT; hồ sơ đề nghị gia hạn giấy phép tiến hành công việc bức xạ phải được nộp ít nhất "
    "45 ngày trước ngày giấy phép hết hạn theo quy định tại khoản 1 Điều 30 Nghị định số 142/2020/NĐ-CP.",
)


class _Block(NamedTuple):
    """A measured piece of the body: draw(canvas, top) paints it within height points below top."""

    height: float
    draw: Callable[[Canvas, float], None]
    keep_with_next: bool = False
    continued_head: _Block | None = None  # a table row repeats this head when it starts a page


class _Cell(NamedTuple):
    """One table cell laid out: its (text, size) lines, font and whether it prints red."""

    lines: tuple[tuple[str, float], ...]
    font: str = FONT
    red: bool = False


def render_expiry_notice(ctx: ExpiryNoticeContext) -> bytes:
    """Render the expiry notice as A4 portrait PDF bytes with embedded fonts.

    Pure: no database, no storage. Rows that do not fit continue on further pages; the closing paragraph, the
    signature, "Nơi nhận" and the QR code always close the last page. A notice without items is a caller's bug.
    """
    if not ctx.items:
        raise ValueError("an expiry notice needs at least one item")
    register_fonts()
    ctx = _normalised(ctx)
    buffer = BytesIO()
    # Start on our own font: the default initial Helvetica would be a non-embedded font resource.
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, lang="vi", initialFontName=FONT, initialFontSize=BODY)
    _set_metadata(canvas, ctx)
    y = _draw_first_page_top(canvas, ctx)
    pages = _paginate(_body_blocks(ctx), y - FOOTER_TOP, _continuation_top() - FOOTER_TOP)
    for index, blocks in enumerate(pages):
        if index:
            canvas.showPage()
            y = _draw_continuation_top(canvas, ctx)
        for block in blocks:
            block.draw(canvas, y)
            y -= block.height
        if index == len(pages) - 1:
            _draw_qr_code(canvas, ctx.verify_url)
        _draw_footer(canvas, ctx.verify_url, index + 1, len(pages))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _normalised(ctx: ExpiryNoticeContext) -> ExpiryNoticeContext:
    """Return ctx with every string in NFC (TCVN 6909:2001), so decomposed input draws, wraps and extracts right."""
    items = tuple(dataclasses.replace(item, **_nfc_strings(item)) for item in ctx.items)
    return dataclasses.replace(ctx, items=items, **_nfc_strings(ctx))


def _nfc_strings(instance) -> dict[str, str]:
    """Return {field name: NFC value} for the string fields of a dataclass instance."""
    values = ((f.name, getattr(instance, f.name)) for f in dataclasses.fields(instance))
    return {name: nfc(value) for name, value in values if isinstance(value, str)}


def _set_metadata(canvas: Canvas, ctx: ExpiryNoticeContext) -> None:
    """Fill the PDF document information so archives and viewers show what the file is."""
    canvas.setTitle(f"Thông báo số {ctx.number} {SUBJECT[0].lower()}{SUBJECT[1:]}")
    canvas.setAuthor(ctx.issuer_name)
    canvas.setSubject(ctx.recipient_name)


# --- First page: national header, number, date line, title and subject ---------------------------------------------


def _draw_first_page_top(canvas: Canvas, ctx: ExpiryNoticeContext) -> float:
    """Draw the header, "Số:" and the date line under it, the title and the subject; return the y below them."""
    y = draw_national_header(
        canvas, ctx.issuer_parent, ctx.issuer_name, top=TOP, left=LEFT, right=RIGHT, split=HEADER_SPLIT
    )
    # Decree 30/2020 App. I: the number centred under the issuer, the italic date line under the motto.
    y -= 16
    draw_fitted(canvas, LEFT, y, f"Số: {ctx.number}", FONT, 13, ISSUER_W, min_size=9, align="center")
    draw_fitted(canvas, NATIONAL_CX - NATIONAL_W / 2, y, vn_date_line(ctx.place, ctx.issued_on), FONT_ITALIC, 13,
                NATIONAL_W, min_size=10, align="center")
    return _draw_title(canvas, y - 32)


def _draw_title(canvas: Canvas, y: float) -> float:
    """Draw "THÔNG BÁO" and the bold subject line with the short rule under it; return the y where the body starts.

    Decree 30/2020 App. I: the type name in upright bold capitals 13-14 pt, the subject (trích yếu) in bold
    13-14 pt under it, then a rule between a third and a half of the subject's length.
    """
    centre = LEFT + CONTENT_W / 2
    draw_text(canvas, centre, y, TITLE, FONT_BOLD, 14, "center")
    y -= 17
    draw_fitted(canvas, LEFT, y, SUBJECT, FONT_BOLD, 13, CONTENT_W, min_size=11, align="center")
    rule = _em(SUBJECT, FONT_BOLD) * 13 / 3
    y -= 9  # clear of the descenders, so the rule reads as a separator rather than an underline
    canvas.setLineWidth(0.6)
    canvas.line(centre - rule / 2, y, centre + rule / 2, y)
    return y - 12


# --- Continuation pages --------------------------------------------------------------------------------------------


def _continuation_top() -> float:
    """Return the y where the body continues on pages after the first."""
    return TOP - 26


def _draw_continuation_top(canvas: Canvas, ctx: ExpiryNoticeContext) -> float:
    """Head a continuation page with the notice's number so loose pages can be matched."""
    text = f"{TITLE} số {ctx.number} (tiếp theo)"
    draw_fitted(canvas, LEFT, TOP - 10, text, FONT_BOLD, 11, CONTENT_W, min_size=8, align="center")
    return _continuation_top()


# --- Flow: measured blocks and pagination --------------------------------------------------------------------------


def _paginate(blocks: list[_Block], first_room: float, later_room: float) -> list[list[_Block]]:
    """Distribute the blocks over pages, moving a keep-together group whole and repeating the table's head."""
    pages: list[list[_Block]] = [[]]
    room = first_room
    # Groups are capped below a continuation page's room less a table head, so a moved group always fits.
    for group in _keep_groups(blocks, later_room - HEAD_H):
        need = sum(block.height for block in group)
        if need > room:
            pages.append([])
            room = later_room
            head = group[0].continued_head
            if head is not None:
                pages[-1].append(head)
                room -= head.height
        if need > room + 0.01:
            raise ValueError("a notice row is taller than a page")
        pages[-1].extend(group)
        room -= need
    return pages


def _keep_groups(blocks: list[_Block], limit: float) -> list[list[_Block]]:
    """Chain blocks marked keep_with_next to their successor; a chain taller than limit breaks where it must."""
    groups: list[list[_Block]] = []
    current: list[_Block] = []
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


def _space(height: float, *, keep_with_next: bool = True) -> _Block:
    """Return an empty block: vertical space, by default sticking to what follows."""
    return _Block(height, lambda canvas, top: None, keep_with_next)


@lru_cache(maxsize=8192)
def _em(text: str, font: str) -> float:
    """Return the width of text at 1 pt, cached: the same words recur in every row, and measuring is pure Python.

    A TrueType string's width is the sum of its glyph advances times the size (reportlab does not kern), so
    widths scale with the size and add up across words.
    """
    return pdfmetrics.stringWidth(text, font, 1)


def _wrap(text: str, font: str, size: float, first_width: float, width: float) -> list[str]:
    """Greedy word wrap, the first line narrower when indented; a word wider than a line is split."""
    lines: list[str] = []
    current, used = "", 0.0
    limit = first_width / size
    space = _em(" ", font)
    for word in text.split():
        for piece in _split_long(word, font, width / size):
            piece_w = _em(piece, font)
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


def _split_long(word: str, font: str, em_width: float) -> list[str]:
    """Split a word wider than em_width, preferably after "/" or "-" (13/2014/TTLT-BKHCN-BYT), else anywhere."""
    pieces = []
    while _em(word, font) > em_width and len(word) > 1:
        fitting = 1
        while fitting < len(word) and _em(word[: fitting + 1], font) <= em_width:
            fitting += 1
        breaks = [index + 1 for index in range(fitting) if word[index] in "/-"]
        cut = breaks[-1] if breaks and breaks[-1] < len(word) else fitting
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _text_line(x: float, text: str, font: str, size: float, *, align: str = "left", height: float = LEADING,
               keep_with_next: bool = False) -> _Block:
    """Return a block drawing one line one type size below its top; "justify" stretches it to the right margin."""

    def draw(canvas: Canvas, top: float) -> None:
        baseline = top - size
        if align == "center":
            draw_text(canvas, LEFT + CONTENT_W / 2, baseline, text, font, size, "center")
        elif align == "justify":
            _draw_justified(canvas, x, baseline, text, font, size, RIGHT - x)
        else:
            draw_text(canvas, x, baseline, text, font, size)

    return _Block(height, draw, keep_with_next)


def _draw_justified(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
    """Draw text stretched to width by widening its spaces (Decree 30/2020: body text justified to both margins).

    The PDF word-spacing operator keeps each line one string, so it extracts as the sentence it is; reportlab keeps
    the space at code 32 in every TrueType subset, which the operator needs.
    """
    spaces = text.count(" ")
    slack = width - _em(text, font) * size
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


def _paragraph(text: str, font: str = FONT, *, size: float = BODY, indent: float = INDENT, align: str = "justify",
               keep_with_next: bool = False) -> list[_Block]:
    """Return one block per wrapped line, kept together; the last line of a justified paragraph stays ragged."""
    lines = _wrap(text, font, size, CONTENT_W - indent, CONTENT_W) or [""]
    blocks = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        mode = "left" if last and align == "justify" else align
        height = LEADING * size / BODY + (PARA_GAP if last else 0)
        blocks.append(_text_line(LEFT + (0 if index else indent), line, font, size, align=mode, height=height,
                                 keep_with_next=keep_with_next or not last))
    return blocks


# --- Body ----------------------------------------------------------------------------------------------------------


def _body_blocks(ctx: ExpiryNoticeContext) -> list[_Block]:
    """Return the body in print order: addressee, intro, the table, the closing paragraph and the signatures."""
    return [
        *_addressee(ctx),
        *_paragraph(INTRO, keep_with_next=True),
        _space(2),
        *_item_table(ctx.items),
        *(block for paragraph in CLOSING for block in _paragraph(paragraph, keep_with_next=True)),
        _closing(ctx),
    ]


def _addressee(ctx: ExpiryNoticeContext) -> list[_Block]:
    """Return "Kính gửi: <recipient>" centred in 14 pt and its address centred in italic under it.

    The name shrinks a little rather than wrap, so that it extracts as one line; only a very long one wraps.
    """
    line = f"Kính gửi: {ctx.recipient_name}"
    size = fit_font_size(line, FONT, 14, CONTENT_W, 12)
    blocks = _paragraph(line, size=size, indent=0, align="center", keep_with_next=True)
    if ctx.recipient_address:
        blocks += _paragraph(f"Địa chỉ: {ctx.recipient_address}", FONT_ITALIC, size=12, indent=0, align="center",
                             keep_with_next=True)
    return [*blocks, _space(4)]


# --- Item table ----------------------------------------------------------------------------------------------------


def _item_table(items: tuple[NoticeItemRow, ...]) -> list[_Block]:
    """Return the table head and one block per item; a row that starts a new page repeats the head.

    The last row is kept with the closing paragraph so the signature never stands on a page without the list.
    """
    head = _Block(HEAD_H, _draw_table_head, keep_with_next=True)
    rows = [_item_row(position, item, head, last=position == len(items)) for position, item in enumerate(items, 1)]
    return [head, *rows, _space(8)]


def _item_row(position: int, item: NoticeItemRow, head: _Block, *, last: bool) -> _Block:
    """Return one item row: every cell vertically centred, the row as tall as its tallest cell."""
    values = (str(position), item.kind_label, item.subject, item.serial_number, item.location,
              vn_date(item.valid_until), item.stage_label, item.legal_basis)
    cells = []
    for index, (column, value) in enumerate(zip(COLUMNS, values, strict=True)):
        font = FONT_BOLD if item.overdue and index == STAGE_COLUMN else FONT
        red = item.overdue and index in (STAGE_COLUMN, DATE_COLUMN)
        cells.append(_Cell(_cell_lines(value, column, font), font, red))
    height = max(1, *(len(cell.lines) for cell in cells)) * CELL_LEADING + 2 * CELL_PAD

    def draw(canvas: Canvas, top: float) -> None:
        _draw_row(canvas, top, height, cells)

    return _Block(height, draw, keep_with_next=last, continued_head=head)


def _cell_lines(text: str, column: _Column, font: str) -> tuple[tuple[str, float], ...]:
    """Return (line, size) for one cell: whole values (serial, date) shrink to stay one line, prose wraps.

    Prose first shrinks until its longest word fits, so that a circular's number is not split unless it must be.
    """
    width = column.width_mm * mm - 2 * CELL_INSET
    if not text:
        return ()
    if column.whole:
        size = _fitted_size(_em(text, font), column.size, width, MIN_CELL)
        if _em(text, font) * size <= width:
            return ((text, size),)
    else:
        longest = max(_em(word, font) for word in text.split())
        size = _fitted_size(longest, column.size, width, min(MIN_WRAPPED, column.size))
    return tuple((line, size) for line in _wrap(text, font, size, width, width))


def _fitted_size(em: float, size: float, width: float, min_size: float) -> float:
    """Return the kit's fit_font_size for a text em wide at 1 pt: the largest 0.5 pt step that fits, not below min."""
    if em * size <= width:
        return size
    return max(int(width / em * 2) / 2, min_size)


def _draw_row(canvas: Canvas, top: float, height: float, cells: list[_Cell]) -> None:
    """Draw one row's cells, vertically centred, and its rules."""
    for column, cell, x in zip(COLUMNS, cells, COLUMN_LEFTS, strict=True):
        first = top - (height - len(cell.lines) * CELL_LEADING) / 2 - CELL_LEADING + 2.6
        for index, (line, size) in enumerate(cell.lines):
            if column.align == "center":
                left = x + (column.width_mm * mm - _em(line, cell.font) * size) / 2
            else:
                left = x + CELL_INSET
            _draw_string(canvas, left, first - index * CELL_LEADING, line, cell.font, size, cell.red)
    _draw_cell_rules(canvas, top, top - height)


def _draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, red: bool) -> None:
    """Draw one cell line as its own text object, as canvas.drawString does, without the kit's extra measuring.

    A long notice draws thousands of these, and the kit's draw_text measures each string again and sets the
    canvas font in a text object of its own. textLine (not textOut) ends the string with a line feed (T*) just as
    drawString does, so that text extractors read each cell line (a serial, a date) as a line of its own rather
    than run the row's cells together.
    """
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    if red:
        text_object.setFillColorRGB(*OVERDUE_RED)
    text_object.textLine(text)
    if red:
        text_object.setFillGray(0)
    canvas.drawText(text_object)


def _draw_table_head(canvas: Canvas, top: float) -> None:
    """Draw the shaded heading row, each heading centred in its cell."""
    canvas.setFillGray(0.9)
    canvas.rect(LEFT, top - HEAD_H, CONTENT_W, HEAD_H, stroke=0, fill=1)
    canvas.setFillGray(0)
    x = LEFT
    for column in COLUMNS:
        width = column.width_mm * mm
        first = top - (HEAD_H - len(column.head) * CELL_LEADING) / 2 - CELL_LEADING + 2.6
        for index, line in enumerate(column.head):
            size = fit_font_size(line, FONT_BOLD, CELL, width - 2 * CELL_INSET, 7)
            draw_text(canvas, x + width / 2, first - index * CELL_LEADING, line, FONT_BOLD, size, "center")
        x += width
    _draw_cell_rules(canvas, top, top - HEAD_H)


def _draw_cell_rules(canvas: Canvas, top: float, bottom: float) -> None:
    """Stroke one row's box and column lines as a single path."""
    canvas.setLineWidth(0.5)
    path = canvas.beginPath()
    path.rect(LEFT, bottom, CONTENT_W, top - bottom)
    x = LEFT
    for column in COLUMNS[:-1]:
        x += column.width_mm * mm
        path.moveTo(x, top)
        path.lineTo(x, bottom)
    canvas.drawPath(path, stroke=1, fill=0)


# --- Closing: signature, "Nơi nhận", QR code, footer ---------------------------------------------------------------


def _closing(ctx: ExpiryNoticeContext) -> _Block:
    """Return the signature (right) and "Nơi nhận" (left) block, tall enough to leave the QR code its corner.

    The QR code itself is drawn at the bottom left of the last page, above the footer; reserving its height
    here guarantees "Nơi nhận" never runs into it.
    """
    title_lines = ctx.signer_title.upper().splitlines() or [""]
    sign_h = CLOSING_GAP + 13 + len(title_lines) * 15 + SIGN_SPACE + 4
    recipients = _recipient_lines(ctx.recipient_name)
    left_h = CLOSING_GAP + 12 + len(recipients) * RECIPIENT_LEADING + 10 + QR_SIZE + QR_CAPTION_H
    height = max(sign_h, left_h)

    def draw(canvas: Canvas, top: float) -> None:
        _draw_signature(canvas, title_lines, ctx.signer_name, top - CLOSING_GAP - 13)
        _draw_recipients(canvas, recipients, top - CLOSING_GAP - 12)

    return _Block(height, draw)


def _draw_signature(canvas: Canvas, title_lines: list[str], name: str, y: float) -> None:
    """Draw the signer's title, the signing note and the name centred under the motto (Decree 30/2020)."""
    # A deputy signs as "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" (Decree 30/2020), hence the line breaks.
    for line in title_lines:
        draw_text(canvas, NATIONAL_CX, y, line, FONT_BOLD, 13, "center")
        y -= 15
    draw_text(canvas, NATIONAL_CX, y, "(Ký, ghi rõ họ tên, đóng dấu)", FONT_ITALIC, 11, "center")
    if name:
        draw_fitted(canvas, NATIONAL_CX - NATIONAL_W / 2, y - SIGN_SPACE, name, FONT_BOLD, 13, NATIONAL_W,
                    min_size=9, align="center")


def _recipient_lines(recipient_name: str) -> list[tuple[float, str]]:
    """Return (indent, text) lines of the "Nơi nhận" items: the recipient and the archive (Decree 30/2020).

    An item too long for the left column wraps with its continuation under the text, clear of the dash.
    """
    dash = pdfmetrics.stringWidth("- ", FONT, RECIPIENT_SIZE)
    lines: list[tuple[float, str]] = []
    for item in (f"- {recipient_name};", "- Lưu: VT."):
        wrapped = _wrap(item, FONT, RECIPIENT_SIZE, RECIPIENTS_W, RECIPIENTS_W - dash)
        lines += [(dash if index else 0, line) for index, line in enumerate(wrapped)]
    return lines


def _draw_recipients(canvas: Canvas, lines: list[tuple[float, str]], y: float) -> None:
    """Draw "Nơi nhận:" in bold italic 12 pt and its items in 11 pt (Decree 30/2020 App. I)."""
    draw_text(canvas, LEFT, y, "Nơi nhận:", FONT_BOLD_ITALIC, 12)
    for indent, line in lines:
        y -= RECIPIENT_LEADING
        draw_text(canvas, LEFT + indent, y, line, FONT, RECIPIENT_SIZE)


def _draw_qr_code(canvas: Canvas, url: str) -> None:
    """Draw the verification QR code in the bottom left corner above the footer, with its caption."""
    draw_qr(canvas, url, LEFT, FOOTER_TOP + QR_CAPTION_H, QR_SIZE)
    canvas.setFillGray(CAPTION_GREY)
    draw_text(canvas, LEFT + QR_SIZE / 2, FOOTER_TOP + 2, "Quét mã để tra cứu", FONT_ITALIC, 8, "center")
    canvas.setFillGray(0)


def _draw_footer(canvas: Canvas, url: str, page: int, pages: int) -> None:
    """Draw the verification link and "Trang x/y" under a thin rule.

    The sentence and link stay one line when they fit at 6.5 pt; a longer link moves to a line of its own,
    where it shrinks rather than breaks, because a broken link cannot be typed or clicked.
    """
    canvas.setLineWidth(0.4)
    canvas.line(LEFT, BOTTOM + 19, RIGHT, BOTTOM + 19)
    width = CONTENT_W - draw_text(canvas, RIGHT, BOTTOM + 5, f"Trang {page}/{pages}", FONT_ITALIC, 8.5, "right") - 18
    prefix = "Tra cứu tính xác thực của Thông báo tại:"
    text = f"{prefix} {url}"
    size = fit_font_size(text, FONT_ITALIC, 8.5, width, 6.5)
    if pdfmetrics.stringWidth(text, FONT_ITALIC, size) <= width:
        draw_text(canvas, LEFT, BOTTOM + 5, text, FONT_ITALIC, size)
    else:
        draw_text(canvas, LEFT, BOTTOM + 9, prefix, FONT_ITALIC, 8)
        draw_text(canvas, LEFT, BOTTOM, url, FONT_ITALIC, fit_font_size(url, FONT_ITALIC, 8, width, 4))
