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
from dataclasses import dataclass
from datetime import date

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    CONTENT_W,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    HEADER_SPLIT,
    LEFT,
    RIGHT,
    Block,
    Cell,
    Column,
    Letter,
    Prose,
    Span,
    Table,
    draw_fitted,
    draw_text,
    fit_font_size,
    line,
    mm,
    nfc,
    nfc_strings,
    register_fonts,
    render_letter,
    space,
    vn_date,
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
    # A licence issued on paper before the service existed: the paper's number and date. Such a document says it
    # transcribes the paper licence, in its title, its legal basis and its last article.
    paper_number: str = ""
    paper_issued_on: date | None = None
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    verify_url: str

    def __post_init__(self) -> None:
        # Callers often build these in lists; tuples keep the context hashable and immutable.
        for name in ("legal_basis", "devices", "conditions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


# --- Geometry (points; origin bottom left; the margins are the letter layout's) ------------------------------------

BODY = 12.5  # Decree 30 asks 13-14 pt; half a point less keeps five devices and the signature on one page
LEADING = 14.5  # Decree 30 allows single to 1.5-line spacing
PARA_GAP = 2  # extra space after a paragraph
ARTICLE_GAP = 6  # extra space before "Điều n."
INDENT = 8 * mm  # first-line indent of the "Căn cứ" lines and the hanging indent of wrapped values
# Licences have never split a word (one wider than its line or cell runs on): kept, so every licence prints as before.
PROSE = Prose(size=BODY, leading=LEADING, gap=PARA_GAP, left=LEFT, right=RIGHT, break_long_words=False)

CELL = 9.5  # table text size; prose in a cell wraps at it and never shrinks
TABLE = Table(
    columns=(  # widths sum to 165 mm = CONTENT_W
        Column(("STT",), 8, "center", whole=True),
        Column(("Loại thiết bị",), 40),
        Column(("Hãng sản xuất", "/ Kiểu"), 33, "center", whole=True),
        Column(("Số sản xuất", "(serial)"), 26, "center", whole=True),
        Column(("Năm", "SX"), 12, "center", whole=True),
        Column(("kV", "max"), 11, "center", whole=True),
        Column(("mA", "max"), 12, "center", whole=True),
        Column(("Phòng", "đặt máy"), 23, "center"),
    ),
    left=LEFT, size=CELL, min_wrapped=CELL, text_pad=3, head_pad=2, min_lines=2, break_long_words=False,
)

QR_SIZE = 26 * mm
ENGLISH_GREY = 0.33
SIGNER_NAME_W = CONTENT_W * (1 - HEADER_SPLIT)  # the whole column under the motto (the notice leaves a gutter)

NO_SAFETY_OFFICER = "Không bắt buộc (chỉ có thiết bị X-quang nha khoa trong miệng)"
TITLE = "GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ"


def render_radiation_license(ctx: RadiationLicenseContext) -> bytes:
    """Render the radiation work licence as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. Devices that do not fit continue on further pages; the validity article,
    the signature, "Nơi nhận" and the QR code always close the last page.
    """
    register_fonts()
    ctx = _normalised(ctx)
    letter = Letter(
        title=TITLE, number=ctx.number, issuer_parent=ctx.issuer_parent, issuer_name=ctx.issuer_name,
        place=ctx.place, issued_on=ctx.issued_on, signer_title=ctx.signer_title, signer_name=ctx.signer_name,
        recipients=(f"- {ctx.licensee_name};", "- Lưu: VT, QLCN."), verify_url=ctx.verify_url,
        verify_prefix="Tra cứu tính xác thực của Giấy phép tại:", qr_size=QR_SIZE, prose=PROSE,
        pdf_title=f"Giấy phép tiến hành công việc bức xạ số {ctx.number}",
        pdf_subject=f"{ctx.licensee_name} – {ctx.work_description}",
        signer_name_width=SIGNER_NAME_W,
    )

    def draw_title(canvas: Canvas, y: float) -> float:
        return _draw_title(canvas, ctx.license_kind_label, y - 30)

    return render_letter(letter, _body_blocks(ctx), draw_title, head_room=TABLE.head_height)


def _normalised(ctx: RadiationLicenseContext) -> RadiationLicenseContext:
    """Return ctx with every string in NFC (TCVN 6909:2001), so decomposed input draws and extracts right."""
    devices = tuple(dataclasses.replace(row, **nfc_strings(row)) for row in ctx.devices)
    return dataclasses.replace(
        ctx,
        devices=devices,
        legal_basis=tuple(nfc(text) for text in ctx.legal_basis),
        conditions=tuple(nfc(text) for text in ctx.conditions),
        **nfc_strings(ctx),
    )


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


# --- Body: labelled lines ------------------------------------------------------------------------------------------


def _labelled(label: str, value: str, *, label_font: str = FONT, value_font: str = FONT, whole: bool = False,
              keep_with_next: bool = False) -> list[Block]:
    """Return "label value" lines: prose wraps under a hanging indent; a whole value (name, number) shrinks.

    A label in the value's font is drawn in the same string as the value, so that the PDF's text reads
    "Địa chỉ: ..." on one line (a separate string comes out of pypdf on a line of its own).
    """
    if whole:
        return _labelled_whole(label, value, label_font, value_font, keep_with_next)
    if label_font == value_font:
        return PROSE.paragraph(f"{label} {value}", value_font, x=LEFT + INDENT, keep_with_next=keep_with_next)
    lead = (Span(LEFT, label, label_font, BODY),)
    first_x = LEFT + pdfmetrics.stringWidth(f"{label} ", label_font, BODY)
    return PROSE.paragraph(value, value_font, first_x=first_x, x=LEFT + INDENT, lead=lead,
                           keep_with_next=keep_with_next)


def _labelled_whole(label: str, value: str, label_font: str, value_font: str, keep_with_next: bool) -> list[Block]:
    """Return a label and a value that must stay unbroken (a name, a number): shrink it before anything wraps.

    The line shrinks a little to keep the value beside its label, else the value takes a line of its own where it
    may shrink further, and wraps only if even that is too long.
    """
    if label_font == value_font:
        spans = (Span(LEFT, f"{label} {value}", value_font, BODY),)
    else:
        spans = (Span(LEFT, label, label_font, BODY),
                 Span(LEFT + pdfmetrics.stringWidth(f"{label} ", label_font, BODY), value, value_font, BODY))
    natural = spans[-1].x - LEFT + pdfmetrics.stringWidth(spans[-1].text, value_font, BODY)
    # Shrink label and value together in 0.5 pt steps, as the kit's fit_font_size does for one string.
    scale = min(1.0, int(BODY * CONTENT_W / natural * 2) / 2 / BODY)
    if scale >= 0.9:
        spans = tuple(span._replace(x=LEFT + (span.x - LEFT) * scale, size=BODY * scale) for span in spans)
        return [line(spans, LEADING + PARA_GAP, keep_with_next=keep_with_next)]
    size = fit_font_size(value, value_font, BODY, CONTENT_W - INDENT, BODY * 0.72)
    return [line((Span(LEFT, label, label_font, BODY),), LEADING, keep_with_next=True),
            *PROSE.paragraph(value, value_font, first_x=LEFT + INDENT, x=LEFT + INDENT, size=size,
                             keep_with_next=keep_with_next)]


# --- Body: articles ------------------------------------------------------------------------------------------------


def _body_blocks(ctx: RadiationLicenseContext) -> list[Block]:
    """Return the body in print order: legal basis, Điều 1 with the device table, Điều 2 and Điều 3."""
    blocks: list[Block] = []
    for index, basis in enumerate(ctx.legal_basis, start=1):
        # Decree 30/2020 App. I: the legal basis is italic, one paragraph per instrument, first line indented.
        blocks += PROSE.paragraph(basis, FONT_ITALIC, first_x=LEFT + INDENT,
                                  keep_with_next=index == len(ctx.legal_basis))
    blocks += _article_1(ctx)
    blocks += _device_table(ctx.devices)
    blocks += _labelled("Người phụ trách an toàn bức xạ:", _safety_officer(ctx), whole=True)
    blocks += _article_2(ctx.conditions)
    blocks += _article_3(ctx)
    return blocks


def _article_heading(text: str) -> list[Block]:
    """Return the bold "Điều n. ..." line, with space above it, kept with what follows."""
    return [space(ARTICLE_GAP), line((Span(LEFT, text, FONT_BOLD, BODY),), LEADING, keep_with_next=True)]


def _article_1(ctx: RadiationLicenseContext) -> list[Block]:
    """Return Điều 1: whom the licence allows, where they are and what radiation work they may do.

    The tax code line is left out when there is none rather than printed as an empty field.
    """
    tax_code = _labelled("Mã số thuế:", ctx.licensee_tax_code, whole=True, keep_with_next=True)
    return [
        space(ARTICLE_GAP),
        *_labelled("Điều 1. Cho phép:", ctx.licensee_name, label_font=FONT_BOLD, value_font=FONT_BOLD, whole=True,
                   keep_with_next=True),
        *_labelled("Địa chỉ:", ctx.licensee_address, keep_with_next=True),
        *(tax_code if ctx.licensee_tax_code else []),
        *_labelled("được tiến hành công việc bức xạ:", ctx.work_description, value_font=FONT_BOLD,
                   keep_with_next=True),
        space(3),
    ]


def _safety_officer(ctx: RadiationLicenseContext) -> str:
    """Return the safety officer line's value; Decree 142/2020 Art. 8.1.b exempts intra-oral dental units."""
    if not ctx.safety_officer_name and ctx.paper_number:  # not transcribed: the paper licence names them
        return f"Theo Giấy phép bản giấy số {ctx.paper_number}"
    if not ctx.safety_officer_name:
        return NO_SAFETY_OFFICER
    if not ctx.safety_officer_certificate:
        return ctx.safety_officer_name
    return f"{ctx.safety_officer_name}, chứng chỉ số {ctx.safety_officer_certificate}"


def _article_2(conditions: tuple[str, ...]) -> list[Block]:
    """Return Điều 2: the licence conditions as a numbered list with hanging indents."""
    blocks = _article_heading("Điều 2. Điều kiện")
    # The number shares the item's string so that the PDF's text reads "1. Chỉ sử dụng ..." on one line.
    hanging = LEFT + INDENT
    for position, condition in enumerate(conditions, start=1):
        numbered = f"{position}. {condition}"
        first_x = hanging - pdfmetrics.stringWidth(f"{position}. ", FONT, BODY)
        blocks += PROSE.paragraph(numbered, first_x=first_x, x=hanging)
    return blocks


def _article_3(ctx: RadiationLicenseContext) -> list[Block]:
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
        blocks.append(line((Span(LEFT, one_line, FONT, size),), LEADING + PARA_GAP, keep_with_next=True))
    else:  # two clean lines: the sentence, then the date in words
        blocks.append(line((Span(LEFT, main, FONT, fit_font_size(main, FONT, BODY, CONTENT_W, 8)),), LEADING,
                           keep_with_next=True))
        blocks.append(line((Span(LEFT, words, FONT, BODY),), LEADING + PARA_GAP, keep_with_next=True))
    if ctx.replaces_number:
        blocks += _labelled("Giấy phép này thay thế Giấy phép số", f"{ctx.replaces_number}.", whole=True,
                            keep_with_next=True)
    if ctx.paper_number:
        blocks += PROSE.paragraph(
            f"Giấy phép này là bản chuyển đổi từ Giấy phép bản giấy số {ctx.paper_number} cấp ngày "
            f"{vn_date(ctx.paper_issued_on)}; nội dung và thời hạn theo Giấy phép bản giấy đó.", keep_with_next=True)
    return blocks


# --- Device table --------------------------------------------------------------------------------------------------


def _device_table(devices: tuple[LicenseDeviceRow, ...]) -> list[Block]:
    """Return the table head and one row per device; a row that starts a new page repeats the head."""
    if not devices:
        return []
    rows = [_device_cells(position, device) for position, device in enumerate(devices, start=1)]
    return [*TABLE.flow(rows), space(6, keep_with_next=False)]


def _device_cells(position: int, device: LicenseDeviceRow) -> list[Cell]:
    """Return one device's cells; the manufacturer and the model share a cell, each on a line of its own."""
    values = ((str(position),), (device.kind_label,), (device.manufacturer, device.model), (device.serial_number,),
              (device.year_made,), (device.max_kv,), (device.max_ma,), (device.room,))
    return [TABLE.cell(index, *texts) for index, texts in enumerate(values)]
