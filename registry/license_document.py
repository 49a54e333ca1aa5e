"""Pure PDF renderer of the radiation work licence (giấy phép tiến hành công việc bức xạ).

A provincial Department of Science and Technology licenses a hospital or clinic to use medical diagnostic X-ray
equipment (Decree 142/2020/NĐ-CP Art. 28.2; from 2026 Law 94/2025/QH15 and Decree 332/2025/NĐ-CP). Plain data
in, PDF bytes out: no Django, no queries, no storage. The service numbers the licence, stores the bytes and
records their SHA-256. The layout follows the administrative document format of Decree 30/2020/NĐ-CP App. I.

The body flows as a list of measured blocks, so a long device list continues on further pages (the table head
repeated, every page marked "Trang x/y") and the validity article always stays with the signature.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
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
    vn_date_words,
)

__all__ = ["LicenseDeviceRow", "RadiationLicenseContext", "render_radiation_license"]


@dataclass(frozen=True, kw_only=True)
class LicenseDeviceRow:
    """One licensed X-ray device, every value already formatted for print."""

    kind_label: str
    manufacturer: str
    model: str
    serial_number: str
    year_made: str
    max_kv: str
    max_ma: str
    room: str


@dataclass(frozen=True, kw_only=True)
class RadiationLicenseContext:
    """Everything printed on a radiation work licence, as plain values.

    safety_officer_name is "" when the facility needs no radiation safety officer: Decree 142/2020 Art. 8.1.b
    exempts facilities whose only X-ray units are intra-oral dental ones.
    """

    number: str
    issuer_parent: str
    issuer_name: str
    place: str
    issued_on: date
    license_kind_label: str
    legal_basis: tuple[str, ...]
    licensee_name: str
    licensee_address: str
    licensee_tax_code: str
    work_description: str
    devices: tuple[LicenseDeviceRow, ...]
    safety_officer_name: str
    safety_officer_certificate: str
    conditions: tuple[str, ...]
    valid_from: date
    valid_until: date
    replaces_number: str = ""
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    verify_url: str

    def __post_init__(self) -> None:
        # Callers often build these in lists; tuples keep the context hashable and immutable.
        for name in ("legal_basis", "devices", "conditions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


# --- Geometry (points; origin bottom left) -----------------------------------------------------------------

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
ISSUER_CX = LEFT + (CONTENT_W * HEADER_SPLIT - HEADER_GUTTER) / 2
NATIONAL_CX = LEFT + CONTENT_W * HEADER_SPLIT + HEADER_GUTTER + (CONTENT_W * (1 - HEADER_SPLIT) - HEADER_GUTTER) / 2

BODY = 12.5  # Decree 30 asks 13-14 pt; half a point less keeps five devices and the signature on one page
LEADING = 14.5  # Decree 30 allows single to 1.5-line spacing
PARA_GAP = 2  # extra space after a paragraph
ARTICLE_GAP = 6  # extra space before "Điều n."
INDENT = 8 * mm  # first-line indent of the "Căn cứ" lines and the hanging indent of wrapped values

CELL = 9.5  # table text size
CELL_LEADING = 10.5
CELL_PAD = 3
HEAD_H = 2 * CELL_LEADING + 2 * CELL_PAD


class _Column(NamedTuple):
    """One device table column: heading lines, width, alignment and whether values shrink rather than wrap."""

    head: tuple[str, ...]
    width_mm: float
    centred: bool = True
    whole: bool = True  # names, serials and numbers stay one unbroken line


COLUMNS = (  # widths sum to 165 mm = CONTENT_W
    _Column(("STT",), 8),
    _Column(("Loại thiết bị",), 40, centred=False, whole=False),
    _Column(("Hãng sản xuất", "/ Kiểu"), 33),
    _Column(("Số sản xuất", "(serial)"), 26),
    _Column(("Năm", "SX"), 12),
    _Column(("kV", "max"), 11),
    _Column(("mA", "max"), 12),
    _Column(("Phòng", "đặt máy"), 23, whole=False),
)

QR_SIZE = 26 * mm
QR_CAPTION_H = 10
SIGN_SPACE = 25 * mm  # room for the signature and the round seal between the note and the name
CLOSING_GAP = 8  # between the last article and the signature block
RECIPIENT_SIZE = 11
RECIPIENT_LEADING = 12.5
RECIPIENTS_W = CONTENT_W * HEADER_SPLIT  # the "Nơi nhận" column, under the issuer block
ENGLISH_GREY = 0.33

NO_SAFETY_OFFICER = "Không bắt buộc (chỉ có thiết bị X-quang nha khoa trong miệng)"
TITLE = "GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ"


class _Block(NamedTuple):
    """A measured piece of the body: draw(canvas, top) paints it within height points below top."""

    height: float
    draw: Callable[[Canvas, float], None]
    keep_with_next: bool = False
    continued_head: _Block | None = None  # a table row repeats this head when it starts a page


class _Span(NamedTuple):
    """One run of text on a line; x is the anchor for the alignment."""

    x: float
    text: str
    font: str
    size: float
    align: str = "left"


def render_radiation_license(ctx: RadiationLicenseContext) -> bytes:
    """Render the radiation work licence as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. Devices that do not fit continue on further pages; the validity article,
    the signature, "Nơi nhận" and the QR code always close the last page.
    """
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


def _normalised(ctx: RadiationLicenseContext) -> RadiationLicenseContext:
    """Return ctx with every string in NFC (TCVN 6909:2001), so decomposed input draws and extracts right."""
    devices = tuple(dataclasses.replace(row, **_nfc_strings(row)) for row in ctx.devices)
    return dataclasses.replace(
        ctx,
        devices=devices,
        legal_basis=tuple(nfc(line) for line in ctx.legal_basis),
        conditions=tuple(nfc(line) for line in ctx.conditions),
        **_nfc_strings(ctx),
    )


def _nfc_strings(instance) -> dict[str, str]:
    """Return {field name: NFC value} for the string fields of a dataclass instance."""
    values = ((f.name, getattr(instance, f.name)) for f in dataclasses.fields(instance))
    return {name: nfc(value) for name, value in values if isinstance(value, str)}


def _set_metadata(canvas: Canvas, ctx: RadiationLicenseContext) -> None:
    """Fill the PDF document information so archives and viewers show what the file is."""
    canvas.setTitle(f"Giấy phép tiến hành công việc bức xạ số {ctx.number}")
    canvas.setAuthor(ctx.issuer_name)
    canvas.setSubject(f"{ctx.licensee_name} – {ctx.work_description}")


# --- First page: national header, number, date line and title ------------------------------------------------


def _draw_first_page_top(canvas: Canvas, ctx: RadiationLicenseContext) -> float:
    """Draw the header, "Số:" and the date line under it, and the title block; return the y below them."""
    y = draw_national_header(
        canvas, ctx.issuer_parent, ctx.issuer_name, top=TOP, left=LEFT, right=RIGHT, split=HEADER_SPLIT
    )
    # Decree 30/2020 App. I: the number centred under the issuer, the italic date line under the motto.
    y -= 16
    issuer_w = CONTENT_W * HEADER_SPLIT - HEADER_GUTTER
    draw_fitted(canvas, ISSUER_CX - issuer_w / 2, y, f"Số: {ctx.number}", FONT, 13, issuer_w, min_size=9,
                align="center")
    national_w = CONTENT_W * (1 - HEADER_SPLIT) - HEADER_GUTTER
    draw_fitted(canvas, NATIONAL_CX - national_w / 2, y, vn_date_line(ctx.place, ctx.issued_on), FONT_ITALIC, 13,
                national_w, min_size=10, align="center")
    return _draw_title(canvas, ctx.license_kind_label, y - 30)


def _draw_title(canvas: Canvas, kind_label: str, y: float) -> float:
    """Draw the bold title, "(<kind>)" and the small English name; return the y where the body starts."""
    centre = LEFT + CONTENT_W / 2
    # Decree 30/2020 App. I: the document's type name in upright bold capitals, 13-14 pt.
    draw_text(canvas, centre, y, TITLE, FONT_BOLD, 14, "center")
    y -= 16
    if kind_label:
        draw_fitted(canvas, LEFT, y, f"({kind_label})", FONT_BOLD, 13, CONTENT_W, align="center")
        y -= 13
    canvas.setFillGray(ENGLISH_GREY)
    draw_text(canvas, centre, y, "RADIATION WORK LICENCE", FONT_ITALIC, 8.5, "center")
    canvas.setFillGray(0)
    return y - 12


# --- Continuation pages ----------------------------------------------------------------------------------------


def _continuation_top() -> float:
    """Return the y where the body continues on pages after the first."""
    return TOP - 26


def _draw_continuation_top(canvas: Canvas, ctx: RadiationLicenseContext) -> float:
    """Head a continuation page with the licence's number so loose pages can be matched."""
    text = f"{TITLE} số {ctx.number} (tiếp theo)"
    draw_fitted(canvas, LEFT, TOP - 10, text, FONT_BOLD, 11, CONTENT_W, min_size=8, align="center")
    return _continuation_top()


# --- Flow: measured blocks and pagination ------------------------------------------------------------------------


def _paginate(blocks: list[_Block], first_room: float, later_room: float) -> list[list[_Block]]:
    """Distribute the blocks over pages, moving a keep-together group whole and repeating a table's head."""
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
            raise ValueError("a licence block is taller than a page")
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


def _line(spans: tuple[_Span, ...], height: float = LEADING, *, keep_with_next: bool = False) -> _Block:
    """Return a block drawing spans on one baseline, one type size below the block's top."""

    def draw(canvas: Canvas, top: float) -> None:
        baseline = top - max(span.size for span in spans)
        for span in spans:
            draw_text(canvas, span.x, baseline, span.text, span.font, span.size, span.align)

    return _Block(height, draw, keep_with_next)


def _space(height: float, *, keep_with_next: bool = True) -> _Block:
    """Return an empty block: vertical space, by default sticking to what follows."""
    return _Block(height, lambda canvas, top: None, keep_with_next)


def _wrap(text: str, font: str, size: float, first_width: float, width: float) -> list[str]:
    """Greedy word wrap with a different width for the first line (for a label or a hanging indent)."""
    lines: list[str] = []
    current = ""
    limit = first_width
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, font, size) > limit:
            lines.append(current)
            current, limit = word, width
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _paragraph(text: str, font: str = FONT, *, first_x: float = LEFT, x: float = LEFT, lead: tuple[_Span, ...] = (),
               keep_with_next: bool = False, size: float = BODY) -> list[_Block]:
    """Return one block per wrapped line, kept together; lead spans (a label, a number) open the first line."""
    lines = _wrap(text, font, size, RIGHT - first_x, RIGHT - x) or [""]
    blocks = []
    for index, line in enumerate(lines):
        spans = (*lead, _Span(first_x, line, font, size)) if index == 0 else (_Span(x, line, font, size),)
        last = index == len(lines) - 1
        height = LEADING * size / BODY + (PARA_GAP if last else 0)
        blocks.append(_line(spans, height, keep_with_next=keep_with_next or not last))
    return blocks


def _labelled(label: str, value: str, *, label_font: str = FONT, value_font: str = FONT, whole: bool = False,
              keep_with_next: bool = False) -> list[_Block]:
    """Return "label value" lines: prose wraps under a hanging indent; a whole value (name, number) shrinks.

    A label in the value's font is drawn in the same string as the value, so that the PDF's text reads
    "Địa chỉ: ..." on one line (a separate string comes out of pypdf on a line of its own).
    """
    if whole:
        return _labelled_whole(label, value, label_font, value_font, keep_with_next)
    if label_font == value_font:
        return _paragraph(f"{label} {value}", value_font, x=LEFT + INDENT, keep_with_next=keep_with_next)
    lead = (_Span(LEFT, label, label_font, BODY),)
    first_x = LEFT + pdfmetrics.stringWidth(f"{label} ", label_font, BODY)
    return _paragraph(value, value_font, first_x=first_x, x=LEFT + INDENT, lead=lead, keep_with_next=keep_with_next)


def _labelled_whole(label: str, value: str, label_font: str, value_font: str, keep_with_next: bool) -> list[_Block]:
    """Return a label and a value that must stay unbroken (a name, a number): shrink it before anything wraps.

    The line shrinks a little to keep the value beside its label, else the value takes a line of its own where it
    may shrink further, and wraps only if even that is too long.
    """
    if label_font == value_font:
        spans = (_Span(LEFT, f"{label} {value}", value_font, BODY),)
    else:
        spans = (_Span(LEFT, label, label_font, BODY),
                 _Span(LEFT + pdfmetrics.stringWidth(f"{label} ", label_font, BODY), value, value_font, BODY))
    natural = spans[-1].x - LEFT + pdfmetrics.stringWidth(spans[-1].text, value_font, BODY)
    # Shrink label and value together in 0.5 pt steps, as the kit's fit_font_size does for one string.
    scale = min(1.0, int(BODY * CONTENT_W / natural * 2) / 2 / BODY)
    if scale >= 0.9:
        spans = tuple(span._replace(x=LEFT + (span.x - LEFT) * scale, size=BODY * scale) for span in spans)
        return [_line(spans, LEADING + PARA_GAP, keep_with_next=keep_with_next)]
    size = fit_font_size(value, value_font, BODY, CONTENT_W - INDENT, BODY * 0.72)
    return [_line((_Span(LEFT, label, label_font, BODY),), keep_with_next=True),
            *_paragraph(value, value_font, first_x=LEFT + INDENT, x=LEFT + INDENT, size=size,
                        keep_with_next=keep_with_next)]


# --- Body ----------------------------------------------------------------------------------------------------------


def _body_blocks(ctx: RadiationLicenseContext) -> list[_Block]:
    """Return the body in print order: legal basis, Điều 1 with the device table, Điều 2, Điều 3 and signatures."""
    blocks: list[_Block] = []
    for index, line in enumerate(ctx.legal_basis, start=1):
        # Decree 30/2020 App. I: the legal basis is italic, one paragraph per instrument, first line indented.
        blocks += _paragraph(line, FONT_ITALIC, first_x=LEFT + INDENT, keep_with_next=index == len(ctx.legal_basis))
    blocks += _article_1(ctx)
    blocks += _device_table(ctx.devices)
    blocks += _labelled("Người phụ trách an toàn bức xạ:", _safety_officer(ctx), whole=True)
    blocks += _article_2(ctx.conditions)
    blocks += _article_3(ctx)
    blocks.append(_closing(ctx))
    return blocks


def _article_heading(text: str) -> list[_Block]:
    """Return the bold "Điều n. ..." line, with space above it, kept with what follows."""
    return [_space(ARTICLE_GAP), _line((_Span(LEFT, text, FONT_BOLD, BODY),), keep_with_next=True)]


def _article_1(ctx: RadiationLicenseContext) -> list[_Block]:
    """Return Điều 1: whom the licence allows, where they are and what radiation work they may do.

    The tax code line is left out when there is none rather than printed as an empty field.
    """
    tax_code = _labelled("Mã số thuế:", ctx.licensee_tax_code, whole=True, keep_with_next=True)
    return [
        _space(ARTICLE_GAP),
        *_labelled("Điều 1. Cho phép:", ctx.licensee_name, label_font=FONT_BOLD, value_font=FONT_BOLD, whole=True,
                   keep_with_next=True),
        *_labelled("Địa chỉ:", ctx.licensee_address, keep_with_next=True),
        *(tax_code if ctx.licensee_tax_code else []),
        *_labelled("được tiến hành công việc bức xạ:", ctx.work_description, value_font=FONT_BOLD,
                   keep_with_next=True),
        _space(3),
    ]


def _safety_officer(ctx: RadiationLicenseContext) -> str:
    """Return the safety officer line's value; Decree 142/2020 Art. 8.1.b exempts intra-oral dental units."""
    if not ctx.safety_officer_name:
        return NO_SAFETY_OFFICER
    if not ctx.safety_officer_certificate:
        return ctx.safety_officer_name
    return f"{ctx.safety_officer_name}, chứng chỉ số {ctx.safety_officer_certificate}"


def _article_2(conditions: tuple[str, ...]) -> list[_Block]:
    """Return Điều 2: the licence conditions as a numbered list with hanging indents."""
    blocks = _article_heading("Điều 2. Điều kiện")
    # The number shares the item's string so that the PDF's text reads "1. Chỉ sử dụng ..." on one line.
    hanging = LEFT + INDENT
    for position, condition in enumerate(conditions, start=1):
        numbered = f"{position}. {condition}"
        first_x = hanging - pdfmetrics.stringWidth(f"{position}. ", FONT, BODY)
        blocks += _paragraph(numbered, first_x=first_x, x=hanging)
    return blocks


def _article_3(ctx: RadiationLicenseContext) -> list[_Block]:
    """Return Điều 3: the term, and the licence this one replaces; all kept with the signature.

    Decree 142/2020 Art. 37 sets the term (3 years for medical X-ray, Art. 37.1.đ); a renewal runs on from the
    old expiry (Art. 37.3) and an amended or reissued licence keeps the old one's (Art. 37.4). The service
    computes the dates; the licence prints the end date both as DD/MM/YYYY and in words, each unbroken.
    """
    blocks = _article_heading("Điều 3. Thời hạn")
    main = f"Giấy phép có giá trị từ ngày {vn_date(ctx.valid_from)} đến hết ngày {vn_date(ctx.valid_until)}"
    words = f"({vn_date_words(ctx.valid_until)})."
    one_line = f"{main} {words}"
    size = fit_font_size(one_line, FONT, BODY, CONTENT_W, BODY - 1)
    if pdfmetrics.stringWidth(one_line, FONT, size) <= CONTENT_W:
        blocks.append(_line((_Span(LEFT, one_line, FONT, size),), LEADING + PARA_GAP, keep_with_next=True))
    else:  # two clean lines: the sentence, then the date in words
        blocks.append(_line((_Span(LEFT, main, FONT, fit_font_size(main, FONT, BODY, CONTENT_W, 8)),),
                            keep_with_next=True))
        blocks.append(_line((_Span(LEFT, words, FONT, BODY),), LEADING + PARA_GAP, keep_with_next=True))
    if ctx.replaces_number:
        blocks += _labelled("Giấy phép này thay thế Giấy phép số", f"{ctx.replaces_number}.", whole=True,
                            keep_with_next=True)
    return blocks


# --- Device table ----------------------------------------------------------------------------------------------------


def _device_table(devices: tuple[LicenseDeviceRow, ...]) -> list[_Block]:
    """Return the table head and one block per device; a row that starts a new page repeats the head."""
    if not devices:
        return []
    head = _Block(HEAD_H, _draw_table_head, keep_with_next=True)
    rows = [_device_row(position, device, head) for position, device in enumerate(devices, start=1)]
    return [head, *rows, _space(6, keep_with_next=False)]


def _cell_lines(text: str, width: float, whole: bool) -> list[tuple[str, float]]:
    """Return (line, size) for one cell: whole values (model, serial, numbers) shrink, prose wraps."""
    if whole:
        size = fit_font_size(text, FONT, CELL, width, 6)
        if pdfmetrics.stringWidth(text, FONT, size) <= width:
            return [(text, size)]
        return [(line, size) for line in _wrap(text, FONT, size, width, width)]
    return [(line, CELL) for line in _wrap(text, FONT, CELL, width, width)]


def _device_row(position: int, device: LicenseDeviceRow, head: _Block) -> _Block:
    """Return one device row: every cell vertically centred, the row as tall as its tallest cell."""
    texts = ((str(position),), (device.kind_label,), (device.manufacturer, device.model), (device.serial_number,),
             (device.year_made,), (device.max_kv,), (device.max_ma,), (device.room,))
    cells = [
        [line for value in values if value for line in _cell_lines(value, column.width_mm * mm - 5, column.whole)]
        for column, values in zip(COLUMNS, texts, strict=True)
    ]
    height = max(2, *(len(lines) for lines in cells)) * CELL_LEADING + 2 * CELL_PAD

    def draw(canvas: Canvas, top: float) -> None:
        _draw_row(canvas, top, height, cells)

    return _Block(height, draw, continued_head=head)


def _draw_row(canvas: Canvas, top: float, height: float, cells: list[list[tuple[str, float]]]) -> None:
    """Draw one row's cells and its rules."""
    x = LEFT
    for column, lines in zip(COLUMNS, cells, strict=True):
        width = column.width_mm * mm
        first = top - (height - len(lines) * CELL_LEADING) / 2 - CELL_LEADING + 2.6
        anchor, align = (x + width / 2, "center") if column.centred else (x + 3, "left")
        for index, (text, size) in enumerate(lines):
            draw_text(canvas, anchor, first - index * CELL_LEADING, text, FONT, size, align)
        x += width
    _draw_cell_rules(canvas, top, top - height)


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
            size = fit_font_size(line, FONT_BOLD, CELL, width - 4, 7)
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


# --- Closing: signature, "Nơi nhận", QR code, footer ------------------------------------------------------------------


def _closing(ctx: RadiationLicenseContext) -> _Block:
    """Return the signature (right) and "Nơi nhận" (left) block, tall enough to leave the QR code its corner.

    The QR code itself is drawn at the bottom left of the last page, above the footer; reserving its height
    here guarantees "Nơi nhận" never runs into it.
    """
    title_lines = ctx.signer_title.upper().splitlines() or [""]
    sign_h = CLOSING_GAP + 13 + len(title_lines) * 15 + SIGN_SPACE + 4
    recipients = _recipient_lines(ctx.licensee_name)
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
        width = CONTENT_W * (1 - HEADER_SPLIT)
        draw_fitted(canvas, NATIONAL_CX - width / 2, y - SIGN_SPACE, name, FONT_BOLD, 13, width, min_size=9,
                    align="center")


def _recipient_lines(licensee_name: str) -> list[tuple[float, str]]:
    """Return (indent, text) lines of the "Nơi nhận" items: the licensee and the archive (Decree 30/2020).

    An item too long for the left column wraps with its continuation under the text, clear of the dash.
    """
    dash = pdfmetrics.stringWidth("- ", FONT, RECIPIENT_SIZE)
    lines: list[tuple[float, str]] = []
    for item in (f"- {licensee_name};", "- Lưu: VT, QLCN."):
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
    canvas.setFillGray(ENGLISH_GREY)
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
    prefix = "Tra cứu tính xác thực của Giấy phép tại:"
    text = f"{prefix} {url}"
    size = fit_font_size(text, FONT_ITALIC, 8.5, width, 6.5)
    if pdfmetrics.stringWidth(text, FONT_ITALIC, size) <= width:
        draw_text(canvas, LEFT, BOTTOM + 5, text, FONT_ITALIC, size)
    else:
        draw_text(canvas, LEFT, BOTTOM + 9, prefix, FONT_ITALIC, 8)
        draw_text(canvas, LEFT, BOTTOM, url, FONT_ITALIC, fit_font_size(url, FONT_ITALIC, 8, width, 4))
