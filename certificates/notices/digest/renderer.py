"""Pure PDF renderer of the expiry notice (thông báo) that a provincial Department of Science and Technology sends.

Once a day the Department tells one organisation (a company, a hospital) what of theirs reaches an expiry stage:
each row is one subject of a registered source (a measuring instrument due for re-verification, a licence near
the last day to file its renewal...). What the notice is about and the law it reminds of come from those sources,
in the context. Plain data in, PDF bytes out: no Django, no queries, no storage. The service numbers the notice,
stores the bytes and records their SHA-256. The layout follows Decree 30/2020/NĐ-CP App. I.

The body flows as measured blocks in the letter layout of certificates.pdf, as the radiation licence does: a
long list continues on further pages with the table head repeated and every page marked "Trang x/y"; the last row
and the closing paragraph always stay with the signature.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import partial

from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    CONTENT_W,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    LEFT,
    RIGHT,
    Block,
    Cell,
    Column,
    Letter,
    Prose,
    Table,
    draw_fitted,
    draw_text,
    em_width,
    fit_font_size,
    mm,
    nfc,
    nfc_strings,
    register_fonts,
    render_letter,
    space,
    vn_date,
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
    # "Về việc ..." under the title, and the closing paragraphs (what the law requires of what is listed).
    subject_line: str
    closing: tuple[str, ...]
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""

    def __post_init__(self) -> None:
        # Callers often build the rows in a list; a tuple keeps the context hashable and immutable.
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "closing", tuple(self.closing))


# --- Geometry (points; origin bottom left; the margins are the letter layout's) ------------------------------------

BODY = 13  # Decree 30/2020 App. I: body text 13-14 pt
LEADING = 15.5  # single spacing or a little more, which Decree 30 allows
PARA_GAP = 6  # Decree 30/2020 App. I: at least 6 pt between paragraphs
INDENT = 10 * mm  # Decree 30: first-line indent 1-1.27 cm
PROSE = Prose(size=BODY, leading=LEADING, gap=PARA_GAP, left=LEFT, right=RIGHT)

TABLE = Table(
    columns=(  # widths sum to 165 mm = CONTENT_W
        Column(("STT",), 8, "center", whole=True),
        Column(("Nội dung",), 22),
        Column(("Đối tượng",), 25),
        Column(("Số sản xuất", "/ số giấy phép"), 26, "center", whole=True),  # a 20-character serial fits at 6 pt
        Column(("Nơi", "sử dụng"), 21),
        Column(("Có giá trị", "đến"), 18, "center", whole=True),
        Column(("Mức", "cảnh báo"), 20, "center"),
        Column(("Căn cứ",), 25, size=8),  # 25 mm: "23/2013/TT-BKHCN" fits a line at 7.5 pt
    ),
    left=LEFT, size=9, min_wrapped=7.5,  # 9 pt: eight columns on a portrait page
)
STAGE_COLUMN = 6  # printed bold red on overdue rows
DATE_COLUMN = 5  # printed red on overdue rows
OVERDUE_RED = (0.75, 0.05, 0.05)

QR_SIZE = 24 * mm

TITLE = "THÔNG BÁO"
INTRO = "Theo dữ liệu đăng ký tại Sở, những mục dưới đây của quý cơ sở đã hoặc sắp hết hạn:"
REQUEST = "Đề nghị quý cơ sở thực hiện các việc cần làm trước thời hạn nêu trên."


def render_expiry_notice(ctx: ExpiryNoticeContext) -> bytes:
    """Render the expiry notice as A4 portrait PDF bytes with embedded fonts.

    Pure: no database, no storage. Rows that do not fit continue on further pages; the closing paragraph, the
    signature, "Nơi nhận" and the QR code always close the last page. A notice without items is a caller's bug.
    """
    if not ctx.items:
        raise ValueError("an expiry notice needs at least one item")
    register_fonts()
    ctx = _normalised(ctx)
    letter = Letter(
        title=TITLE, number=ctx.number, issuer_parent=ctx.issuer_parent, issuer_name=ctx.issuer_name,
        place=ctx.place, issued_on=ctx.issued_on, signer_title=ctx.signer_title, signer_name=ctx.signer_name,
        recipients=(f"- {ctx.recipient_name};", "- Lưu: VT."), verify_url=ctx.verify_url,
        verify_prefix="Tra cứu tính xác thực của Thông báo tại:", qr_size=QR_SIZE, prose=PROSE,
        pdf_title=f"Thông báo số {ctx.number} {ctx.subject_line[:1].lower()}{ctx.subject_line[1:]}",
        pdf_subject=ctx.recipient_name,
    )
    return render_letter(letter, _body_blocks(ctx), partial(_draw_title, subject=ctx.subject_line),
                         head_room=TABLE.head_height)


def _normalised(ctx: ExpiryNoticeContext) -> ExpiryNoticeContext:
    """Return ctx with every string in NFC (TCVN 6909:2001), so decomposed input draws, wraps and extracts right."""
    items = tuple(dataclasses.replace(item, **nfc_strings(item)) for item in ctx.items)
    return dataclasses.replace(ctx, items=items, closing=tuple(nfc(paragraph) for paragraph in ctx.closing),
                               **nfc_strings(ctx))


def _draw_title(canvas: Canvas, y: float, *, subject: str) -> float:
    """Draw "THÔNG BÁO" and the subject with a short rule under it, below the number line at y; return the body's y.

    Decree 30/2020 App. I: the type name in upright bold capitals 13-14 pt, the subject (trích yếu) in bold
    13-14 pt under it, then a rule between a third and a half of the subject's length.
    """
    y -= 32  # below the number and date line
    centre = LEFT + CONTENT_W / 2
    draw_text(canvas, centre, y, TITLE, FONT_BOLD, 14, "center")
    y -= 17
    height = draw_fitted(canvas, LEFT, y, subject, FONT_BOLD, 13, CONTENT_W, min_size=11, align="center")
    y -= max(0.0, height - 13 * 1.2)  # a subject too long for one line wraps below it
    rule = min(em_width(subject, FONT_BOLD) * 13 / 3, CONTENT_W / 2)
    y -= 9  # clear of the descenders, so the rule reads as a separator rather than an underline
    canvas.setLineWidth(0.6)
    canvas.line(centre - rule / 2, y, centre + rule / 2, y)
    return y - 12


# --- Body ----------------------------------------------------------------------------------------------------------


def _body_blocks(ctx: ExpiryNoticeContext) -> list[Block]:
    """Return the body in print order: addressee, intro, the table and the closing paragraphs (before the signature)."""
    return [
        *_addressee(ctx),
        *_paragraph(INTRO, keep_with_next=True),
        space(2),
        *_item_table(ctx.items),
        *(block for paragraph in (REQUEST, *ctx.closing) for block in _paragraph(paragraph, keep_with_next=True)),
    ]


def _addressee(ctx: ExpiryNoticeContext) -> list[Block]:
    """Return "Kính gửi: <recipient>" centred in 14 pt and its address centred in italic under it.

    The name shrinks a little rather than wrap, so that it extracts as one line; only a very long one wraps.
    """
    line = f"Kính gửi: {ctx.recipient_name}"
    size = fit_font_size(line, FONT, 14, CONTENT_W, 12)
    blocks = _paragraph(line, size=size, indent=0, align="center", keep_with_next=True)
    if ctx.recipient_address:
        blocks += _paragraph(f"Địa chỉ: {ctx.recipient_address}", FONT_ITALIC, size=12, indent=0, align="center",
                             keep_with_next=True)
    return [*blocks, space(4)]


def _paragraph(text: str, font: str = FONT, *, size: float = BODY, indent: float = INDENT, align: str = "justify",
               keep_with_next: bool = False) -> list[Block]:
    """Return one block per wrapped line, kept together; the last line of a justified paragraph stays ragged."""
    return PROSE.paragraph(text, font, size=size, first_x=LEFT + indent, align=align, keep_with_next=keep_with_next)


# --- Item table ----------------------------------------------------------------------------------------------------


def _item_table(items: tuple[NoticeItemRow, ...]) -> list[Block]:
    """Return the table head and one row per item; a row that starts a new page repeats the head.

    The last row is kept with the closing paragraph so the signature never stands on a page without the list.
    """
    rows = [_item_cells(position, item) for position, item in enumerate(items, 1)]
    return [*TABLE.flow(rows, keep_last_with_next=True), space(8)]


def _item_cells(position: int, item: NoticeItemRow) -> list[Cell]:
    """Return one item's cells; an overdue item's stage prints bold red and its date red."""
    values = (str(position), item.kind_label, item.subject, item.serial_number, item.location,
              vn_date(item.valid_until), item.stage_label, item.legal_basis)
    cells = []
    for index, value in enumerate(values):
        font = FONT_BOLD if item.overdue and index == STAGE_COLUMN else FONT
        red = item.overdue and index in (STAGE_COLUMN, DATE_COLUMN)
        cells.append(TABLE.cell(index, value, font=font, colour=OVERDUE_RED if red else None))
    return cells
