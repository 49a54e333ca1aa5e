"""Pure PDF renderer of the verification certificate.

The verification certificate (giấy chứng nhận kiểm định, form 18.GCNKĐ, Circular 24/2013/TT-BKHCN
Art. 41): plain data in, PDF bytes out. No queries and no storage; the service numbers the
document, stores the bytes and records their SHA-256.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import NamedTuple

from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    A4,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    draw_fitted,
    draw_national_header,
    draw_qr_captioned,
    draw_signer_title,
    draw_text,
    draw_verify_footer,
    fit_font_size,
    mm,
    nfc_strings,
    open_canvas,
    register_fonts,
    vn_date,
    vn_date_line,
    vn_date_words,
)

__all__ = ["ReadingRow", "VerificationCertificateContext", "render_verification_certificate"]


@dataclass(frozen=True)
class ReadingRow:
    """One measuring point of the verification, every value already formatted for print."""

    reference_value: str
    measured_value: str
    unit: str
    error: str
    max_permissible_error: str
    within: bool


@dataclass(frozen=True, kw_only=True)
class VerificationCertificateContext:
    """Everything printed on a verification certificate (Circular 24/2013 Art. 41), as plain values."""

    number: str
    form_code: str = "18.GCNKĐ"
    issuer_parent: str
    issuer_name: str
    place: str
    issued_on: date
    instrument_name: str
    instrument_name_en: str
    model: str
    serial_number: str
    manufacturer: str
    manufacturer_country: str
    measuring_range: str
    accuracy_class: str
    owner_name: str
    owner_address: str
    location: str
    procedure: str
    verification_kind: str
    performed_on: date
    readings: tuple[ReadingRow, ...]
    stamp_number: str
    valid_until: date | None
    verifier_name: str
    head_title: str = "GIÁM ĐỐC"
    head_name: str = ""
    verify_url: str

    def __post_init__(self) -> None:
        # Callers often build the rows in a list; a tuple keeps the context hashable and immutable.
        object.__setattr__(self, "readings", tuple(self.readings))


# --- Geometry (points; origin bottom left) -----------------------------------------------------

PAGE_W, PAGE_H = A4
LEFT = 20 * mm
RIGHT = PAGE_W - 20 * mm
CONTENT_W = RIGHT - LEFT
TOP = PAGE_H - 13 * mm
BOTTOM = 13 * mm
FRAME_INSET = 8 * mm
FOOTER_TOP = BOTTOM + 28  # nothing but the footer below this line

LABEL_W = 55 * mm
VALUE_X = LEFT + LABEL_W
VALUE_W = RIGHT - VALUE_X
BODY = 11.5
FIELD_GAP = 22  # label line + its small English line, clear of the next row's diacritics

ROW_H = 14
HEAD_H = 25
TABLE_INTRO_H = 13  # the "Kết quả kiểm định:" line above the table
COLUMNS = (  # Vietnamese heading, English heading, width in mm (sum = 170 mm = CONTENT_W)
    ("STT", "No.", 11),
    ("Giá trị chuẩn", "Reference value", 30),
    ("Giá trị đo", "Measured value", 30),
    ("Đơn vị", "Unit", 18),
    ("Sai số", "Error", 25),
    ("Sai số cho phép", "Max. permissible error", 31),
    ("Kết quả", "Result", 25),
)

QR_SIZE = 28 * mm
SIGN_LEFT_CX = LEFT + 64 * mm  # verifier column centre; the QR code takes the first 30 mm
SIGN_RIGHT_CX = LEFT + 132 * mm  # head column centre; the date line is centred over it too
DATE_GAP = 6  # between the validity row and the date line
SIGN_GAP = 18  # between the date line and the signature titles
# conclusion, stamp and validity rows, the date line, then the QR code (the tallest signature column) and its caption
CLOSING_H = 6 + 3 * FIELD_GAP + DATE_GAP + SIGN_GAP + QR_SIZE + 2

TITLE_COLOUR = (0.62, 0.07, 0.07)
ENGLISH_GREY = 0.33


def render_verification_certificate(ctx: VerificationCertificateContext) -> bytes:
    """Render the verification certificate (form 18.GCNKĐ) as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. Readings that do not fit on the first page continue on further
    pages, each numbered "Trang x/y"; the conclusion and signatures always close the last page.
    """
    register_fonts()
    ctx = _normalised(ctx)
    buffer = BytesIO()
    canvas = open_canvas(buffer, BODY)
    _set_metadata(canvas, ctx)
    y = _draw_first_page_top(canvas, ctx)
    pages = _paginate(len(ctx.readings), y - FOOTER_TOP, _continuation_top() - FOOTER_TOP)
    start = 0
    for index, count in enumerate(pages):
        if index:
            canvas.showPage()
            y = _draw_continuation_top(canvas, ctx)
        y = _draw_readings(canvas, ctx.readings, start, count, y)
        start += count
        if index == len(pages) - 1:
            _draw_closing(canvas, ctx, y)
        draw_verify_footer(canvas, ctx.verify_url, "Tra cứu tính xác thực của Giấy chứng nhận kiểm định tại:",
                           f"Mẫu {ctx.form_code}  ·  Trang {index + 1}/{len(pages)}", left=LEFT, right=RIGHT,
                           bottom=BOTTOM)
        _draw_frame(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _normalised(ctx: VerificationCertificateContext) -> VerificationCertificateContext:
    """Return ctx with every string in NFC (TCVN 6909:2001), so decomposed input draws and extracts right."""
    readings = tuple(dataclasses.replace(row, **nfc_strings(row)) for row in ctx.readings)
    return dataclasses.replace(ctx, readings=readings, **nfc_strings(ctx))


def _set_metadata(canvas: Canvas, ctx: VerificationCertificateContext) -> None:
    """Fill the PDF document information so archives and viewers show what the file is."""
    canvas.setTitle(f"Giấy chứng nhận kiểm định số {ctx.number}")
    canvas.setAuthor(ctx.issuer_name)
    canvas.setSubject(f"{ctx.instrument_name} – {ctx.serial_number}")
    canvas.setCreator(f"Mẫu {ctx.form_code}")


# --- First page: header, title, instrument and owner fields --------------------------------------


def _draw_first_page_top(canvas: Canvas, ctx: VerificationCertificateContext) -> float:
    """Draw the national header, the title, the number and the field rows; return the y below them."""
    y = draw_national_header(canvas, ctx.issuer_parent, ctx.issuer_name, top=TOP, left=LEFT, right=RIGHT)
    y = _draw_title(canvas, ctx.number, y - 22)
    for field in _field_rows(ctx):
        y = _draw_field(canvas, y, field)
    return y


def _draw_title(canvas: Canvas, number: str, y: float) -> float:
    """Draw the title, its smaller English line (Art. 41.2) and "Số: <number>"; return the next y."""
    canvas.setFillColorRGB(*TITLE_COLOUR)
    draw_text(canvas, PAGE_W / 2, y, "GIẤY CHỨNG NHẬN KIỂM ĐỊNH", FONT_BOLD, 19, "center")
    canvas.setFillGray(ENGLISH_GREY)
    draw_text(canvas, PAGE_W / 2, y - 14, "VERIFICATION CERTIFICATE", FONT_ITALIC, 10, "center")
    canvas.setFillGray(0)
    y -= 32
    y -= draw_fitted(canvas, LEFT, y, f"Số: {number}", FONT_BOLD, 13, CONTENT_W, min_size=10, align="center")
    return y - 10


class _Field(NamedTuple):
    """One label/value row; names and numbers shrink to stay on one line, prose wraps at full size."""

    label: str
    english: str
    value: str
    extra: str = ""  # a smaller second line under the value (the instrument's English name)
    keep_whole: bool = True


def _field_rows(ctx: VerificationCertificateContext) -> list[_Field]:
    """Return the instrument and owner rows that Circular 24/2013 Art. 41 requires, in print order."""
    maker = f"{ctx.manufacturer} - {ctx.manufacturer_country}" if ctx.manufacturer_country else ctx.manufacturer
    characteristics = f"Phạm vi đo: {ctx.measuring_range}; cấp chính xác: {ctx.accuracy_class}"
    return [
        _Field("Tên phương tiện đo", "Measuring instrument", ctx.instrument_name, ctx.instrument_name_en),
        _Field("Kiểu / Số", "Type / Serial No.", f"{ctx.model} / {ctx.serial_number}"),
        _Field("Cơ sở sản xuất", "Manufacturer", maker),
        _Field("Đặc trưng kỹ thuật đo lường", "Metrological characteristics", characteristics, keep_whole=False),
        _Field("Chế độ kiểm định", "Kind of verification", ctx.verification_kind),
        _Field("Ngày kiểm định", "Date of verification", vn_date(ctx.performed_on)),
        _Field("Cơ sở sử dụng", "User", ctx.owner_name),
        _Field("Địa chỉ", "Address", ctx.owner_address, keep_whole=False),
        _Field("Nơi sử dụng", "Place of use", ctx.location, keep_whole=False),
        _Field("Phương pháp thực hiện", "Verification procedure", ctx.procedure, keep_whole=False),
    ]


def _draw_field(canvas: Canvas, y: float, field: _Field, value_font: str = FONT) -> float:
    """Draw one label/value row with the label's English underneath; return the next row's y.

    A keep_whole value shrinks (down to 8 pt) before it wraps so that names, serials and numbers stay
    one line a search of the PDF's text can find; prose wraps at the body size instead.
    """
    draw_text(canvas, LEFT, y, f"{field.label}:", FONT_BOLD, BODY)
    min_size = 8 if field.keep_whole else BODY
    used = draw_fitted(canvas, VALUE_X, y, field.value, value_font, BODY, VALUE_W, min_size=min_size)
    canvas.setFillGray(ENGLISH_GREY)
    draw_text(canvas, LEFT, y - 9, field.english, FONT_ITALIC, 7)
    if field.extra:
        # Level with the English label under a one-line value; under the last line of a wrapped one.
        below = max(9, used - 5)
        used = below + draw_fitted(canvas, VALUE_X, y - below, field.extra, FONT_ITALIC, 7.5, VALUE_W, min_size=6.5)
    canvas.setFillGray(0)
    return y - max(FIELD_GAP, used + 5)


# --- Readings table ------------------------------------------------------------------------------


def _paginate(rows: int, first_room: float, later_room: float) -> list[int]:
    """Return how many reading rows go on each page; the last page also holds the closing block.

    A continued table keeps at least two rows with the conclusion so the last page never carries
    the signatures alone.
    """
    table_extra = TABLE_INTRO_H + HEAD_H if rows else 0
    pages: list[int] = []
    room, remaining = first_room, rows
    while remaining * ROW_H + table_extra + CLOSING_H > room:
        fit = max(0, int((room - table_extra) // ROW_H))
        if fit >= remaining:
            fit = max(remaining - 2, 0)
        pages.append(fit)
        remaining -= fit
        room = later_room
        if room < table_extra + CLOSING_H + 2 * ROW_H:
            raise ValueError("page too small for the certificate layout")
    pages.append(remaining)
    return pages


def _draw_readings(canvas: Canvas, readings: tuple[ReadingRow, ...], start: int, count: int, y: float) -> float:
    """Draw the heading and rows start..start+count of the readings table; return the y below it."""
    if not count:
        return y
    width = draw_text(canvas, LEFT, y - 4, "Kết quả kiểm định:", FONT_BOLD, BODY)
    canvas.setFillGray(ENGLISH_GREY)
    draw_text(canvas, LEFT + width + 5, y - 4, "Verification results", FONT_ITALIC, 7)
    canvas.setFillGray(0)
    top = y - TABLE_INTRO_H
    _draw_table_head(canvas, top)
    for offset in range(count):
        row_top = top - HEAD_H - offset * ROW_H
        _draw_reading(canvas, start + offset + 1, readings[start + offset], row_top)
    bottom = top - HEAD_H - count * ROW_H
    _draw_grid(canvas, top, bottom)
    return bottom - 8


def _draw_table_head(canvas: Canvas, top: float) -> None:
    """Draw the shaded heading row: Vietnamese headings with smaller English under them."""
    canvas.setFillGray(0.9)
    canvas.rect(LEFT, top - HEAD_H, CONTENT_W, HEAD_H, stroke=0, fill=1)
    x = LEFT
    for vietnamese, english, width_mm in COLUMNS:
        width = width_mm * mm
        canvas.setFillGray(0)
        size = fit_font_size(vietnamese, FONT_BOLD, 9.5, width - 4, 7)
        draw_text(canvas, x + width / 2, top - 11, vietnamese, FONT_BOLD, size, "center")
        canvas.setFillGray(ENGLISH_GREY)
        size = fit_font_size(english, FONT_ITALIC, 7, width - 4, 5.5)
        draw_text(canvas, x + width / 2, top - 20, english, FONT_ITALIC, size, "center")
        x += width
    canvas.setFillGray(0)


def _draw_reading(canvas: Canvas, position: int, row: ReadingRow, top: float) -> None:
    """Draw one reading row, every cell centred on one line (shrunk if long, never wrapped)."""
    cells = (str(position), row.reference_value, row.measured_value, row.unit, row.error,
             row.max_permissible_error, "Đạt" if row.within else "Không đạt")
    x = LEFT
    baseline = top - ROW_H + 4.2
    for index, (text, (_vi, _en, width_mm)) in enumerate(zip(cells, COLUMNS, strict=True)):
        width = width_mm * mm
        font = FONT_BOLD if index == len(cells) - 1 and not row.within else FONT
        size = fit_font_size(text, font, 10, width - 4, 6)
        draw_text(canvas, x + width / 2, baseline, text, font, size, "center")
        x += width


def _draw_grid(canvas: Canvas, top: float, bottom: float) -> None:
    """Stroke the table's rules as one path: outer box, column lines and thin row lines."""
    canvas.setLineWidth(0.5)
    path = canvas.beginPath()
    path.rect(LEFT, bottom, CONTENT_W, top - bottom)
    x = LEFT
    for _vi, _en, width_mm in COLUMNS[:-1]:
        x += width_mm * mm
        path.moveTo(x, top)
        path.lineTo(x, bottom)
    y = top - HEAD_H
    while y > bottom + 1:
        path.moveTo(LEFT, y)
        path.lineTo(RIGHT, y)
        y -= ROW_H
    canvas.drawPath(path, stroke=1, fill=0)


# --- Continuation pages ---------------------------------------------------------------------------


def _continuation_top() -> float:
    """Return the y where content starts on a continuation page."""
    return TOP - 30


def _draw_continuation_top(canvas: Canvas, ctx: VerificationCertificateContext) -> float:
    """Head a continuation page with the certificate's number so loose pages can be matched."""
    text = f"GIẤY CHỨNG NHẬN KIỂM ĐỊNH Số: {ctx.number} (tiếp theo)"
    draw_fitted(canvas, LEFT, TOP - 12, text, FONT_BOLD, 12, CONTENT_W, min_size=9, align="center")
    return _continuation_top()


# --- Closing: conclusion, stamp, validity, date line, signatures, QR -------------------------------


def _draw_closing(canvas: Canvas, ctx: VerificationCertificateContext, y: float) -> None:
    """Draw the result, stamp, validity, date line, signature blocks and the QR code."""
    # Art. 41.8: this exact wording is the result of a passed verification.
    y = _draw_field(canvas, y - 6, _Field("Kết luận", "Conclusion", "Đạt yêu cầu kỹ thuật đo lường"), FONT_BOLD)
    # Art. 41.9: with no stamp the field stays blank rather than saying "none".
    y = _draw_field(canvas, y, _Field("Số tem kiểm định", "Verification stamp No.", ctx.stamp_number))
    y = _draw_field(canvas, y, _Field("Có giá trị đến", "Valid until", _validity(ctx.valid_until)))
    y -= DATE_GAP
    draw_text(canvas, SIGN_RIGHT_CX, y, vn_date_line(ctx.place, ctx.issued_on), FONT_ITALIC, BODY, "center")
    _draw_signatures(canvas, ctx, y - SIGN_GAP)


def _validity(valid_until: date | None) -> str:
    """Return the "valid until" value: the last day of the cycle (Art. 41.10) or the no-cycle wording."""
    if valid_until is None:
        return "Không quy định chu kỳ kiểm định"
    return vn_date_words(valid_until)


def _draw_signatures(canvas: Canvas, ctx: VerificationCertificateContext, y: float) -> None:
    """Draw the QR code (left), the verifier's block (middle) and the head's block (right).

    Art. 41.11 needs the verifier's and the head's signature and full name; the head also seals.
    """
    draw_qr_captioned(canvas, ctx.verify_url, LEFT, y - QR_SIZE + 10, QR_SIZE)
    blocks = (
        (SIGN_LEFT_CX, "KIỂM ĐỊNH VIÊN", "(Ký, ghi rõ họ tên)", ctx.verifier_name),
        (SIGN_RIGHT_CX, ctx.head_title.upper(), "(Ký, ghi rõ họ tên, đóng dấu)", ctx.head_name),
    )
    for centre, title, note, name in blocks:
        draw_signer_title(canvas, centre, y, title, note, size=12, step=13, note_size=9.5)
        if name:
            draw_fitted(canvas, centre - 34 * mm, y - QR_SIZE + 2, name, FONT_BOLD, 12, 68 * mm, align="center")


# --- Frame ----------------------------------------------------------------------------------------


def _draw_frame(canvas: Canvas) -> None:
    """Draw the double border that marks the page as a certificate rather than a letter."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*TITLE_COLOUR)
    canvas.setLineWidth(1.6)
    canvas.rect(FRAME_INSET, FRAME_INSET, PAGE_W - 2 * FRAME_INSET, PAGE_H - 2 * FRAME_INSET)
    canvas.setLineWidth(0.5)
    inner = FRAME_INSET + 2.5
    canvas.rect(inner, inner, PAGE_W - 2 * inner, PAGE_H - 2 * inner)
    canvas.restoreState()
