"""What the three inspection documents share: the record page, the parties, signatures, money and clock formats.

A record (biên bản) is laid out like the biên bản of Decree 30/2020/NĐ-CP App. III: the national header with the
number under the issuer, no place-and-date line (the record's own "Hôm nay, hồi ... ngày ..., tại ..." sentence dates
it), the title, then a body that flows over pages, every page marked "Trang x/y", and the signatures of every party
side by side closing the last page with the QR code under them. The penalty decision is a letter (the kit's
render_letter); it shares the parties' fields, the violations table and the formats here.

Pure: no Django, no queries, no storage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    CONTENT_W,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    LEFT,
    RIGHT,
    Block,
    Column,
    Prose,
    Table,
    draw_fitted,
    draw_national_header,
    draw_qr_captioned,
    draw_text,
    draw_verify_footer,
    em_width,
    fit_font_size,
    mm,
    nfc,
    open_canvas,
    paginate,
    space,
    vn_date_words,
)
from certificates.pdf.letter import BOTTOM, CONTINUED_TOP, FOOTER_TOP, HEADER_SPLIT, ISSUER_W, QR_CAPTION_H, TOP

# --- Geometry and text settings (points; origin bottom left; Decree 30/2020 App. I margins) ------------------------

BODY = 13  # Decree 30/2020 App. I: body text 13-14 pt
LEADING = 15.5  # single spacing or a little more
PARA_GAP = 3
INDENT = 10 * mm  # Decree 30/2020: first-line indent 1-1.27 cm
PROSE = Prose(size=BODY, leading=LEADING, gap=PARA_GAP, left=LEFT, right=RIGHT)
QR_SIZE = 24 * mm
SIGN_SPACE = 20 * mm  # room for a signature between the note and the name
SIGN_TITLE = 12
SIGN_STEP = 14

VIOLATIONS_TABLE = Table(
    columns=(  # widths sum to 165 mm = CONTENT_W
        Column(("STT",), 10, "center", whole=True),
        Column(("Hành vi vi phạm",), 95),
        Column(("Quy định tại",), 60),
    ),
    left=LEFT, size=9.5, min_wrapped=8,  # the kit's cell leading (10.5 pt) suits 9-9.5 pt text
)


# --- Plain values ---------------------------------------------------------------------------------------------------


def money(amount: int) -> str:
    """Return whole VND with dots between thousands, as Vietnamese documents write it: 1500000 -> "1.500.000"."""
    return f"{amount:,}".replace(",", ".")


def clock(moment: time) -> str:
    """Return a time of day as the forms write it: "09 giờ 30 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def copies(count: int) -> str:
    """Return a count of copies two digits wide, as the forms write it ("02 bản")."""
    return f"{count:02d}"


def normalised(value):
    """Return value with every string, in it or in its tuples and nested dataclasses, in Unicode NFC.

    Decomposed input (base letter + combining marks) would draw misplaced diacritics and extract badly.
    """
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, tuple):
        return tuple(normalised(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {field.name: normalised(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def frozen_tuples(instance, *names: str) -> None:
    """Turn the named fields of a frozen dataclass into tuples: callers build rows in lists, tuples stay immutable."""
    for name in names:
        object.__setattr__(instance, name, tuple(getattr(instance, name)))


@dataclass(frozen=True, kw_only=True)
class Person:
    """A person named on a document (team member, representative, witness, interpreter), formatted for print."""

    name: str
    title: str = ""  # position: "Trưởng đoàn kiểm tra", "Giám đốc"
    organization: str = ""  # where they work, or where a witness lives

    def described(self) -> str:
        """Return "Ông (bà) <name>, chức vụ: <title>, <organization>", leaving out what is empty."""
        parts = [f"Ông (bà) {self.name}"]
        if self.title:
            parts.append(f"chức vụ: {self.title}")
        if self.organization:
            parts.append(self.organization)
        return ", ".join(parts)


# A value the register does not hold, left for the officer to write in by hand, as the printed forms leave it.
BLANK = "…" * 14


@dataclass(frozen=True, kw_only=True)
class Violator:
    """The individual or organisation a record or decision is about, with the fields Decree 118/2021's forms ask.

    An organisation prints its name, head office, enterprise code, registration and legal representative, empty
    optional values left out. An individual (a person, or a household business sanctioned as one) prints the
    form's seven fields: name, sex, birth date, nationality, occupation, residence and identity paper, each left
    as a dotted BLANK when not known (the officer writes it in); then, for a household business, its name, place
    of business and tax code.
    """

    is_organization: bool = True
    name: str
    address: str  # the organisation's head office, or the individual's current residence
    enterprise_code: str = ""  # an organisation's enterprise code; an individual's tax code
    registration: str = ""  # "số ...; ngày cấp: ...; nơi cấp: ..." of the registration certificate or licence
    representative_name: str = ""
    representative_gender: str = ""
    representative_title: str = ""
    gender: str = ""
    born_on: date | None = None
    nationality: str = ""
    occupation: str = ""
    identity: str = ""  # "số định danh cá nhân ...; ngày cấp: ...; nơi cấp: ..."
    business_name: str = ""  # the household business an individual answers for
    business_address: str = ""

    @property
    def kind_word(self) -> str:
        """Return how the forms address the violator: "tổ chức" or "ông (bà)"."""
        return "tổ chức" if self.is_organization else "ông (bà)"

    @property
    def called(self) -> str:
        """Return the name the sentences use; a household business's owner not named yet is "chủ hộ kinh doanh X"."""
        if self.name or self.is_organization:
            return self.name
        return f"chủ hộ kinh doanh {self.business_name}" if self.business_name else BLANK

    def fields(self) -> tuple[tuple[str, str], ...]:
        """Return (label, value) pairs in the forms' order (MBB01 item 5, MQĐ02 Điều 1)."""
        if self.is_organization:
            pairs = (
                ("Tên của tổ chức:", self.name),
                ("Địa chỉ trụ sở chính:", self.address),
                ("Mã số doanh nghiệp:", self.enterprise_code),
                ("Giấy chứng nhận đăng ký doanh nghiệp / giấy phép:", self.registration),
                ("Người đại diện theo pháp luật:", self.representative_name),
                ("Giới tính:", self.representative_gender),
                ("Chức danh:", self.representative_title),
            )
            return tuple((label, value) for label, value in pairs if value)
        return self._individual_fields()

    def _individual_fields(self) -> tuple[tuple[str, str], ...]:
        """Return the individual's seven fields, a BLANK for each not known, then the household business's."""
        form = (
            ("Họ và tên:", self.name),
            ("Giới tính:", self.gender),
            ("Ngày, tháng, năm sinh:", self.born_on.strftime("%d/%m/%Y") if self.born_on else ""),
            ("Quốc tịch:", self.nationality),
            ("Nghề nghiệp:", self.occupation),
            ("Nơi ở hiện tại:", self.address),
            ("Số định danh cá nhân / CCCD / hộ chiếu:", self.identity),
        )
        business = (
            ("Hộ kinh doanh:", self.business_name),
            ("Địa điểm kinh doanh:", self.business_address),
            ("Mã số thuế:", self.enterprise_code),
        )
        return (*((label, value or BLANK) for label, value in form),
                *((label, value) for label, value in business if value))


@dataclass(frozen=True, kw_only=True)
class ViolationRow:
    """One violation as printed: the act and its facts, and the provision that sanctions it.

    provision is written out as the law cites it: "điểm a khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP ...".
    """

    act: str
    provision: str


@dataclass(frozen=True, kw_only=True)
class RemedyRow:
    """One remedial measure and its deadline: a date, or a period in words ("30 ngày kể từ ngày nhận Quyết định")."""

    text: str
    deadline: date | None = None
    deadline_text: str = ""

    def deadline_words(self) -> str:
        """Return the deadline as printed: "đến hết ngày 02 tháng 3 năm 2023", or the period in words."""
        if self.deadline is not None:
            return f"đến hết {vn_date_words(self.deadline)}"
        return self.deadline_text


@dataclass(frozen=True, kw_only=True)
class Signature:
    """One signing party: the role in capitals (a line break for two lines), the name, a remark such as a refusal."""

    role: str
    name: str
    remark: str = ""  # printed in the signing room, e.g. "(Không ký biên bản)"
    note: str = "(Ký, ghi rõ họ tên)"


# --- Body pieces ----------------------------------------------------------------------------------------------------


def paragraph(text: str, font: str = FONT, *, indent: bool = True, keep_with_next: bool = False,
              align: str = "justify") -> list[Block]:
    """Return a body paragraph, first line indented and justified (Decree 30/2020 App. I)."""
    return PROSE.paragraph(text, font, first_x=LEFT + INDENT if indent else LEFT, align=align,
                           keep_with_next=keep_with_next)


def labelled(label: str, value: str, *, keep_with_next: bool = True) -> list[Block]:
    """Return "label value" as one string (so it extracts as one line), wrapped under a hanging indent."""
    return PROSE.paragraph(f"{label} {value}", first_x=LEFT + INDENT, x=LEFT + INDENT, keep_with_next=keep_with_next)


def item(marker: str, text: str, font: str = FONT, *, keep_with_next: bool = False) -> list[Block]:
    """Return a numbered or dashed item ("1. ...", "- ...") whose wrapped lines hang under its text."""
    hanging = LEFT + INDENT + em_width(f"{marker} ", font) * BODY
    return PROSE.paragraph(f"{marker} {text}", font, first_x=LEFT + INDENT, x=hanging, align="justify",
                           keep_with_next=keep_with_next)


def heading(text: str, *, gap: float = 4) -> list[Block]:
    """Return a bold line opening a section, with space above it, kept with what follows."""
    return [space(gap), *PROSE.paragraph(text, FONT_BOLD, keep_with_next=True)]


def violator_blocks(violator: Violator) -> list[Block]:
    """Return the violator's fields, one labelled line each, in the forms' order; all kept with what follows."""
    return [block for label, value in violator.fields() for block in labelled(label, value)]


def violations_table(violations: tuple[ViolationRow, ...], *, keep_last_with_next: bool = False) -> list[Block]:
    """Return the violations as a table whose head repeats where a row starts a new page."""
    table = VIOLATIONS_TABLE
    rows = [(table.cell(0, str(position)), table.cell(1, violation.act), table.cell(2, violation.provision))
            for position, violation in enumerate(violations, start=1)]
    return [space(2), *table.flow(rows, keep_last_with_next=keep_last_with_next), space(6, keep_with_next=False)]


def remedy_items(remedies: tuple[RemedyRow, ...], *, keep_with_next: bool = False) -> list[Block]:
    """Return the remedies as numbered items, each with its deadline: "1. <measure>. Thời hạn thực hiện: ..."."""
    blocks: list[Block] = []
    for position, remedy in enumerate(remedies, start=1):
        text = remedy.text.rstrip(".;")
        if remedy.deadline_words():
            text = f"{text}. Thời hạn thực hiện: {remedy.deadline_words()}"
        blocks += item(f"{position}.", f"{text}.", keep_with_next=keep_with_next)
    return blocks


def when_and_where(day: date, moment: time, place: str) -> str:
    """Return the forms' opening "Hôm nay, hồi 09 giờ 30 phút, ngày 02 tháng 02 năm 2023, tại <place>"."""
    return f"Hôm nay, hồi {clock(moment)}, {vn_date_words(day)}, tại {place}"


# --- Signatures -----------------------------------------------------------------------------------------------------


def signatures_block(signatures: tuple[Signature, ...], *, qr_reserve: float = QR_SIZE + QR_CAPTION_H + 6) -> Block:
    """Return every party's signature, two to a row, with room left under them for the QR code.

    The first signature takes the left column and the second the right, as the forms put the inspected party left
    and the drawing-up official right; witnesses and interpreters follow in further rows.
    """
    rows = [signatures[index:index + 2] for index in range(0, len(signatures), 2)]
    heights = [max(_signature_height(signature) for signature in row) for row in rows]

    def draw(canvas: Canvas, top: float) -> None:
        y = top
        for row, height in zip(rows, heights, strict=True):
            for column, signature in enumerate(row):
                _draw_signature(canvas, signature, LEFT + CONTENT_W * (0.25 + 0.5 * column), y)
            y -= height

    return Block(sum(heights) + qr_reserve, draw)


def _signature_height(signature: Signature) -> float:
    """Return the height of one signature: role lines, note, signing room, name, and a gap before the next row."""
    return 8 + len(signature.role.splitlines()) * SIGN_STEP + SIGN_STEP + SIGN_SPACE + SIGN_STEP + 14


def _draw_signature(canvas: Canvas, signature: Signature, centre: float, top: float) -> None:
    """Draw a signature centred on centre: bold role, italic note, the remark in the signing room, the bold name."""
    width = CONTENT_W / 2 - 8
    y = top - 8 - SIGN_TITLE
    for role_line in signature.role.splitlines():
        size = fit_font_size(role_line, FONT_BOLD, SIGN_TITLE, width, 9)
        draw_text(canvas, centre, y, role_line, FONT_BOLD, size, "center")
        y -= SIGN_STEP
    draw_text(canvas, centre, y, signature.note, FONT_ITALIC, 11, "center")
    if signature.remark:
        draw_fitted(canvas, centre - width / 2, y - SIGN_SPACE / 2 - 4, signature.remark, FONT_ITALIC, 11, width,
                    min_size=8, align="center")
    y -= SIGN_SPACE + SIGN_STEP
    draw_fitted(canvas, centre - width / 2, y, signature.name, FONT_BOLD, SIGN_TITLE, width, min_size=9,
                align="center")


# --- The record page ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RecordPage:
    """What the record layout prints around a body: header, number, title, subtitle, footer and the PDF's metadata."""

    title: str  # "BIÊN BẢN KIỂM TRA"
    subtitle: str  # "Về đo lường"
    form_code: str  # printed small in the top right corner, as the forms' appendices carry it
    number: str
    issuer_parent: str
    issuer_name: str
    verify_url: str
    verify_prefix: str
    pdf_title: str
    pdf_subject: str


def render_record(page: RecordPage, body: Callable[[int], list[Block]], *, head_room: float) -> bytes:
    """Render a record as A4 PDF bytes: the body flows over as many pages as it needs, each marked "Trang x/y".

    body(sheets) returns the blocks given the record's count of sheets, which the closing sentence states ("gồm 02
    tờ", one-sided A4); it is laid out again until the count it states is the count it takes. The body's last block
    is the signatures (with room for the QR code); the QR code is drawn at the bottom left of the last page.
    head_room is as for paginate(): the tallest table head a moved row repeats.
    """
    buffer = BytesIO()
    canvas = open_canvas(buffer, BODY)
    canvas.setTitle(page.pdf_title)
    canvas.setAuthor(page.issuer_name)
    canvas.setSubject(page.pdf_subject)
    y = _draw_record_head(canvas, page)
    pages = _laid_out(body, y - FOOTER_TOP, head_room)
    for index, blocks in enumerate(pages):
        if index:
            canvas.showPage()
            y = _draw_continuation_top(canvas, page)
        for block in blocks:
            block.draw(canvas, y)
            y -= block.height
        if index == len(pages) - 1:
            draw_qr_captioned(canvas, page.verify_url, LEFT, FOOTER_TOP + QR_CAPTION_H, QR_SIZE)
        draw_verify_footer(canvas, page.verify_url, page.verify_prefix, f"Trang {index + 1}/{len(pages)}",
                           left=LEFT, right=RIGHT, bottom=BOTTOM)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _laid_out(body: Callable[[int], list[Block]], first_room: float, head_room: float) -> list[list[Block]]:
    """Return the body's pages, laid out until the count of sheets the body states is the count it fills."""
    sheets = 1
    for _attempt in range(4):  # a longer number can push a line over once; it settles at once in practice
        pages = paginate(body(sheets), first_room, CONTINUED_TOP - FOOTER_TOP, head_room=head_room)
        if len(pages) == sheets:
            return pages
        sheets = len(pages)
    return pages


def _draw_record_head(canvas: Canvas, page: RecordPage) -> float:
    """Draw the form code, the national header, "Số:" under the issuer and the title; return where the body starts."""
    canvas.setFillGray(0.33)
    draw_text(canvas, RIGHT, TOP + 8, page.form_code, FONT_ITALIC, 9, "right")
    canvas.setFillGray(0)
    y = draw_national_header(canvas, page.issuer_parent, page.issuer_name, top=TOP, left=LEFT, right=RIGHT,
                             split=HEADER_SPLIT)
    y -= 16
    draw_fitted(canvas, LEFT, y, f"Số: {page.number}", FONT, 13, ISSUER_W, min_size=9, align="center")
    y -= 34
    centre = LEFT + CONTENT_W / 2
    # Decree 30/2020 App. I: the type name in upright bold capitals 13-14 pt, the subject in bold under it.
    draw_fitted(canvas, LEFT, y, page.title, FONT_BOLD, 14, CONTENT_W, min_size=11, align="center")
    y -= 17
    if page.subtitle:
        draw_fitted(canvas, LEFT, y, page.subtitle, FONT_BOLD, 13, CONTENT_W, min_size=10, align="center")
        rule = min(em_width(page.subtitle, FONT_BOLD) * 13 / 2, CONTENT_W / 2)
        y -= 7
        canvas.setLineWidth(0.6)
        canvas.line(centre - rule / 2, y, centre + rule / 2, y)
    return y - 12


def _draw_continuation_top(canvas: Canvas, page: RecordPage) -> float:
    """Head a continuation page with the record's name and number, so loose pages match; return the body's y."""
    text = f"{page.title.capitalize()} số {page.number} (tiếp theo)"
    draw_fitted(canvas, LEFT, TOP - 10, text, FONT_BOLD, 11, CONTENT_W, min_size=8, align="center")
    return CONTINUED_TOP


__all__ = [
    "BLANK",
    "BODY",
    "INDENT",
    "LEADING",
    "PROSE",
    "QR_SIZE",
    "VIOLATIONS_TABLE",
    "Person",
    "RecordPage",
    "RemedyRow",
    "Signature",
    "ViolationRow",
    "Violator",
    "clock",
    "copies",
    "frozen_tuples",
    "heading",
    "item",
    "labelled",
    "money",
    "normalised",
    "paragraph",
    "remedy_items",
    "render_record",
    "signatures_block",
    "violations_table",
    "violator_blocks",
    "when_and_where",
]
