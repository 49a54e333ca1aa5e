"""Pure PDF renderer of the penalty decision (quyết định xử phạt vi phạm hành chính, form MQĐ02 of Decree 118/2021).

Law on Handling Administrative Violations Art. 68.1 sets its content; domain/inspections.md §1.3 its layout: the
header, the "Căn cứ" lines (the laws, the violation record, and optional records), Điều 1 with the violator's
fields, the acts and the provisions, the circumstances and the penalties ("Phạt tiền. Cụ thể: 1.500.000 đồng (Bằng
chữ: ...)"), the remedial measures with their deadlines and who bears their cost; then the decision's effect, its
delivery and where and by when the fine is paid (10 days of receipt, Art. 73.1; the State Treasury or the account
stated, Art. 78.1; late payment 0.05 % a day), and the signer with "Nơi nhận".

Which article says what is unconfirmed, so the articles' wording and split are data (articles.json beside this
module), not code: the renderer builds the structured parts an article names and fills the placeholders of its
paragraphs. Plain data in, PDF bytes out: no Django, no queries, no storage. The layout is the kit's Decree 30/2020
letter: a long list of violations flows over pages with the table head repeated; the last article stays with the
signature.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    CONTENT_W,
    FONT_BOLD,
    FONT_ITALIC,
    LEFT,
    Block,
    Cell,
    Column,
    Letter,
    Span,
    Table,
    draw_fitted,
    em_width,
    register_fonts,
    render_letter,
    space,
    vn_date_words,
)
from inspections.documents.layout import (
    BODY,
    INDENT,
    PROSE,
    QR_SIZE,
    RemedyRow,
    Violator,
    frozen_tuples,
    item,
    money,
    normalised,
    paragraph,
    remedy_items,
    violator_blocks,
)

__all__ = ["PenaltyDecisionContext", "PenaltyViolationRow", "articles_template", "render_penalty_decision"]

ARTICLES_FILE = Path(__file__).resolve().parent / "articles.json"


@dataclass(frozen=True, kw_only=True)
class PenaltyViolationRow:
    """One violation sanctioned: the act and facts, the provision that sanctions it, and its fine in whole VND."""

    act: str
    provision: str  # "điểm a khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP, được sửa đổi, bổ sung bởi ..."
    fine: int


@dataclass(frozen=True, kw_only=True)
class PenaltyDecisionContext:
    """Everything printed on a penalty decision, as plain values.

    total_fine is the sum of the rows' fines and total_fine_words its words ("Một triệu năm trăm nghìn đồng"),
    written by the caller (the law's amount_in_words). A total of 0 is a warning. signer_authority is the title and
    agency the decision speaks as, under its title ("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ"); signer_title signs it
    ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC").
    """

    number: str
    issuer_parent: str
    issuer_name: str
    place: str
    issued_on: date
    verify_url: str
    signer_authority: str
    signer_title: str
    signer_name: str
    legal_basis: tuple[str, ...]  # the laws and decrees, one "Căn cứ ..." line each, before the record's line
    record_number: str
    record_date: date
    further_basis: tuple[str, ...] = ()  # optional lines after the record's: explanation, verification, delegation
    violator: Violator
    violations: tuple[PenaltyViolationRow, ...]
    aggravating: tuple[str, ...] = ()
    mitigating: tuple[str, ...] = ()
    total_fine: int
    total_fine_words: str
    additional_penalty: str = ""
    remedies: tuple[RemedyRow, ...] = ()
    effective_on: date | None = None  # None: from the day it is signed
    payment_days: int = 10  # Law Art. 73.1; a decision may state a longer period
    treasury: str  # "tỉnh Quảng Trị"
    treasury_account: str
    executor: str  # who organises the execution, named in the last paragraph
    recipients: tuple[str, ...] = ()  # the template's "Nơi nhận" unless given

    def __post_init__(self) -> None:
        frozen_tuples(self, "legal_basis", "further_basis", "violations", "aggravating", "mitigating", "remedies",
                      "recipients")


# --- Geometry -------------------------------------------------------------------------------------------------------

TABLE = Table(
    columns=(  # widths sum to 165 mm = CONTENT_W
        Column(("STT",), 10, "center", whole=True),
        Column(("Hành vi vi phạm",), 78),
        Column(("Quy định tại",), 52),
        Column(("Mức phạt", "(đồng)"), 25, "center", whole=True),
    ),
    left=LEFT, size=9.5, min_wrapped=8,  # the kit's cell leading (10.5 pt) suits 9-9.5 pt text
)


@cache
def articles_template() -> dict:
    """Return the decision's wording (articles.json), read once per process."""
    return json.loads(ARTICLES_FILE.read_text(encoding="utf-8"))


def render_penalty_decision(ctx: PenaltyDecisionContext) -> bytes:
    """Render the penalty decision as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. A decision without violations, or whose total is not the sum of its fines, is
    a caller's bug and raises ValueError rather than print a wrong amount.
    """
    if not ctx.violations:
        raise ValueError("a penalty decision needs at least one violation")
    if sum(row.fine for row in ctx.violations) != ctx.total_fine:
        raise ValueError("the total fine is not the sum of the violations' fines")
    register_fonts()
    ctx = normalised(ctx)
    template = articles_template()
    letter = Letter(
        title="Quyết định xử phạt vi phạm hành chính", number=ctx.number, issuer_parent=ctx.issuer_parent,
        issuer_name=ctx.issuer_name, place=ctx.place, issued_on=ctx.issued_on, signer_title=ctx.signer_title,
        signer_name=ctx.signer_name, recipients=ctx.recipients or tuple(template["recipients"]),
        verify_url=ctx.verify_url, verify_prefix="Tra cứu tính xác thực của Quyết định tại:", qr_size=QR_SIZE,
        prose=PROSE, pdf_title=f"Quyết định xử phạt vi phạm hành chính số {ctx.number}",
        pdf_subject=ctx.violator.called,
    )
    return render_letter(letter, _body_blocks(ctx, template), partial(_draw_title, template=template),
                         head_room=TABLE.head_height)


def _draw_title(canvas: Canvas, y: float, *, template: dict) -> float:
    """Draw "QUYẾT ĐỊNH" and "Xử phạt vi phạm hành chính" below the number line at y; return the body's y."""
    y -= 32
    draw_fitted(canvas, LEFT, y, template["title"], FONT_BOLD, 14, CONTENT_W, align="center")
    y -= 17
    draw_fitted(canvas, LEFT, y, template["subtitle"], FONT_BOLD, 13, CONTENT_W, align="center")
    return y - 14


def _values(ctx: PenaltyDecisionContext) -> dict[str, str]:
    """Return the placeholders of the template's paragraphs."""
    kind = ctx.violator.kind_word
    return {
        "violator_kind": kind,
        "Violator_kind": kind[:1].upper() + kind[1:],
        "violator_name": ctx.violator.called,
        "record_number": ctx.record_number,
        "record_date": vn_date_words(ctx.record_date),
        "effective": vn_date_words(ctx.effective_on) if ctx.effective_on else "ngày ký",
        "total": money(ctx.total_fine),
        "total_words": ctx.total_fine_words,
        "additional": ctx.additional_penalty,
        "payment_days": str(ctx.payment_days),
        "treasury": ctx.treasury,
        "treasury_account": ctx.treasury_account,
        "late_rate": articles_template()["late_rate"],
        "executor": ctx.executor,
    }


def _body_blocks(ctx: PenaltyDecisionContext, template: dict) -> list[Block]:
    """Return the body: the authority, the "Căn cứ" lines, "QUYẾT ĐỊNH:" and the template's articles."""
    values = _values(ctx)
    blocks = PROSE.paragraph(ctx.signer_authority, FONT_BOLD, align="center", keep_with_next=True)
    blocks.append(space(4))
    record_basis = template["record_basis"].format_map(values)
    for basis in (*ctx.legal_basis, record_basis, *ctx.further_basis):
        # Decree 30/2020 App. I: the legal basis in italics, one paragraph each, first line indented.
        blocks += paragraph(basis, FONT_ITALIC, keep_with_next=True)
    blocks += [space(4), *PROSE.paragraph(template["decides"], FONT_BOLD, align="center", keep_with_next=True)]
    articles = template["articles"]
    for index, article in enumerate(articles):
        blocks += _article(ctx, article, values, template, last=index == len(articles) - 1)
    return blocks


def _article(ctx: PenaltyDecisionContext, article: dict, values: dict[str, str], template: dict, *,
             last: bool) -> list[Block]:
    """Return one article: its bold heading opening its lead, its structured parts, then its paragraphs.

    The last article is kept whole with the signature, as Decree 30/2020 wants the signature not alone on a page.
    """
    heading = article["heading"]
    lead = (Span(LEFT + INDENT, heading, FONT_BOLD, BODY),)
    first_x = LEFT + INDENT + em_width(f"{heading} ", FONT_BOLD) * BODY
    blocks = [space(4), *PROSE.paragraph(article["lead"].format_map(values), first_x=first_x, lead=lead,
                                         align="justify", keep_with_next=True)]
    for part in article["parts"]:
        blocks += PARTS[part["part"]](ctx, part.get("label", ""), values, template)
    for text in article["paragraphs"]:
        blocks += paragraph(text.format_map(values), keep_with_next=last)
    return blocks


# --- The structured parts an article may name ----------------------------------------------------------------------


def _violator_part(ctx: PenaltyDecisionContext, label: str, values: dict, template: dict) -> list[Block]:
    """Return the violator's fields in the forms' order."""
    return violator_blocks(ctx.violator)


def _violations_part(ctx: PenaltyDecisionContext, label: str, values: dict, template: dict) -> list[Block]:
    """Return the acts, their provisions and fines as a table whose head repeats on a new page."""
    rows = [_violation_cells(position, row) for position, row in enumerate(ctx.violations, start=1)]
    return [*paragraph(label, keep_with_next=True), space(2), *TABLE.flow(rows), space(6, keep_with_next=False)]


def _violation_cells(position: int, row: PenaltyViolationRow) -> list[Cell]:
    """Return one violation's cells."""
    values = (str(position), row.act, row.provision, money(row.fine))
    return [TABLE.cell(index, value) for index, value in enumerate(values)]


def _circumstances(items: tuple[str, ...], label: str, template: dict) -> list[Block]:
    """Return a circumstances line: "label none", or the label and one dashed item per circumstance."""
    if not items:
        return paragraph(f"{label} {template['penalties']['none']}")
    blocks = paragraph(label, keep_with_next=True)
    for index, text in enumerate(items):
        blocks += item("-", text, keep_with_next=index < len(items) - 1)
    return blocks


def _aggravating_part(ctx: PenaltyDecisionContext, label: str, values: dict, template: dict) -> list[Block]:
    """Return the aggravating circumstances (Law Art. 10)."""
    return _circumstances(ctx.aggravating, label, template)


def _mitigating_part(ctx: PenaltyDecisionContext, label: str, values: dict, template: dict) -> list[Block]:
    """Return the mitigating circumstances (Law Art. 9)."""
    return _circumstances(ctx.mitigating, label, template)


def _penalties_part(ctx: PenaltyDecisionContext, label: str, values: dict, template: dict) -> list[Block]:
    """Return the main penalty (the fine in figures and words), the additional one, and the remedies with costs."""
    wording = template["penalties"]
    main = wording["fine"] if ctx.total_fine else wording["warning"]
    blocks = paragraph(label, keep_with_next=True)
    blocks += paragraph(main.format_map(values))
    additional = wording["additional"].format_map({**values, "additional": ctx.additional_penalty or "không"})
    blocks += paragraph(additional)
    if not ctx.remedies:
        return blocks + paragraph(f"{wording['remedies']} {wording['none']}")
    blocks += paragraph(wording["remedies"], keep_with_next=True)
    blocks += remedy_items(ctx.remedies)
    blocks += paragraph(wording["remedy_costs"].format_map(values))
    return blocks


PARTS = {
    "violator": _violator_part,
    "violations": _violations_part,
    "aggravating": _aggravating_part,
    "mitigating": _mitigating_part,
    "penalties": _penalties_part,
}
