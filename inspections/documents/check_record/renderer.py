"""Pure PDF renderer of the check record (biên bản kiểm tra về đo lường, form 5.BBKT, Circular 28/2013/TT-BKHCN).

A check team draws it up per inspected establishment when it finds a non-conformity (Circular 28/2013 Art. 15.4,
20.5, 25.4). The form itself is an attached .doc we have not seen; the fields and their order follow what the
Circular's rules ask of it (domain/inspections.md §1.4): time and place; the team and the establishment's
representatives; the decision it executes; per instrument its identification and the check content of Art. 19.1
a-d with the result; the non-conformities; the remedial measures and their deadline "ghi trong biên bản" (Art.
21.1.a-b); the signatures of the team leader and the establishment's representative. If the representative refuses
to sign, the leader writes "đại diện cơ sở không ký biên bản" and the witnesses are named; the record stays valid
(Art. 21.2.b).

Plain data in, PDF bytes out: no Django, no queries, no storage. Many instruments flow over pages with the table
head repeated; the closing sentences stay with the signatures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from functools import partial

from certificates.pdf import FONT_ITALIC, LEFT, Block, Cell, Column, Table, mm, register_fonts, space, vn_date_words
from inspections.documents.layout import (
    PROSE,
    Person,
    RecordPage,
    RemedyRow,
    Signature,
    clock,
    copies,
    frozen_tuples,
    heading,
    item,
    labelled,
    normalised,
    paragraph,
    remedy_items,
    render_record,
    signatures_block,
    when_and_where,
)

__all__ = ["CHECK_CONTENT", "CheckRecordContext", "InstrumentCheckRow", "render_check_record"]

# Circular 28/2013 Art. 19.1 a-d, the check content for instruments in use, as inspections.md §1.4 derives it (the
# Circular's own words unseen): the legend under the table. A context may carry the topic's own checklist instead.
CHECK_CONTENT = (
    "a) Sự phù hợp của phương tiện đo với quyết định phê duyệt mẫu;",
    "b) Việc kiểm định, hiệu chuẩn: chứng chỉ kiểm định (giấy chứng nhận, dấu, tem) còn hiệu lực;",
    "c) Dấu, tem, niêm phong và ghi nhãn trên phương tiện đo;",
    "d) Việc bảo quản, sử dụng phương tiện đo theo yêu cầu của văn bản kỹ thuật đo lường Việt Nam (ĐLVN);",
    "Sai số: sai số của phương tiện đo tại các điểm đo do Trưởng đoàn lựa chọn (Điều 20.4.a).",
)


@dataclass(frozen=True, kw_only=True)
class InstrumentCheckRow:
    """One instrument checked, every value formatted for print; each result reads "Phù hợp", "Không phù hợp" or "—"."""

    name: str  # the instrument type: "Cân đồng hồ lò xo"
    model: str  # maker and model: "Nhơn Hòa, NHS-30"
    serial_number: str
    type_approval: str
    verification: str
    marking: str
    use: str
    error: str  # the error found, or "—" when not measured
    conclusion: str  # "Đạt" / "Không đạt"


@dataclass(frozen=True, kw_only=True)
class CheckRecordContext:
    """Everything printed on a check record, as plain values; the team's leader comes first in team."""

    number: str
    issuer_parent: str
    issuer_name: str
    verify_url: str
    topic: str = "đo lường"  # the subtitle reads "Về <topic>"
    held_on: date
    started_at: time
    ended_at: time
    place: str
    legal_basis: tuple[str, ...] = ()
    decision_number: str
    decision_date: date
    decision_signer: str  # "Giám đốc Sở Khoa học và Công nghệ tỉnh Quảng Trị"
    team: tuple[Person, ...]
    establishment_name: str
    establishment_address: str
    representatives: tuple[Person, ...]
    instruments: tuple[InstrumentCheckRow, ...]
    check_content: tuple[str, ...] = CHECK_CONTENT
    nonconformities: tuple[str, ...] = ()
    remedies: tuple[RemedyRow, ...] = ()
    establishment_opinion: str = ""
    representative_refused: bool = False
    refusal_reason: str = ""
    witnesses: tuple[Person, ...] = ()
    copies: int = 2

    def __post_init__(self) -> None:
        frozen_tuples(self, "legal_basis", "team", "representatives", "instruments", "check_content",
                      "nonconformities", "remedies", "witnesses")


# --- Geometry -------------------------------------------------------------------------------------------------------

TABLE = Table(
    columns=(  # widths sum to 165 mm = CONTENT_W
        Column(("STT",), 8, "center", whole=True),
        Column(("Phương tiện đo", "(kiểu, hãng)"), 36),
        Column(("Số sản xuất",), 23, "center", whole=True),
        Column(("a) Phê", "duyệt mẫu"), 17, "center"),
        Column(("b) Kiểm", "định"), 17, "center"),
        Column(("c) Dấu, tem,", "niêm phong"), 17, "center"),
        Column(("d) Bảo quản,", "sử dụng"), 17, "center"),
        Column(("Sai số",), 13, "center", whole=True),
        Column(("Kết luận",), 17, "center"),
    ),
    left=LEFT, size=9.5, min_wrapped=8, min_lines=2,
)
NOT_CONFORMING = ("Không phù hợp", "Không đạt")
CONCERN_RED = (0.75, 0.05, 0.05)

TITLE = "BIÊN BẢN KIỂM TRA"
REFUSAL_NOTE = "đại diện cơ sở không ký biên bản"


def render_check_record(ctx: CheckRecordContext) -> bytes:
    """Render the check record as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. A record without a team or without instruments is a caller's bug.
    """
    if not ctx.team:
        raise ValueError("a check record needs its team, the leader first")
    register_fonts()
    ctx = normalised(ctx)
    page = RecordPage(
        title=TITLE, subtitle=f"Về {ctx.topic}", form_code="Mẫu 5. BBKT", number=ctx.number,
        issuer_parent=ctx.issuer_parent, issuer_name=ctx.issuer_name, verify_url=ctx.verify_url,
        verify_prefix="Tra cứu tính xác thực của Biên bản tại:",
        pdf_title=f"Biên bản kiểm tra số {ctx.number}", pdf_subject=ctx.establishment_name,
    )
    return render_record(page, partial(_body_blocks, ctx), head_room=TABLE.head_height)


def _body_blocks(ctx: CheckRecordContext, sheets: int) -> list[Block]:
    """Return the body in the form's order, ending with the closing sentences kept with the signatures."""
    blocks: list[Block] = []
    for basis in ctx.legal_basis:
        blocks += paragraph(basis, FONT_ITALIC, keep_with_next=True)
    blocks += paragraph(f"{when_and_where(ctx.held_on, ctx.started_at, ctx.place)}, chúng tôi gồm:",
                        keep_with_next=True)
    blocks += _parties(ctx)
    blocks += paragraph(
        f"Thực hiện Quyết định kiểm tra số {ctx.decision_number} {vn_date_words(ctx.decision_date)} của "
        f"{ctx.decision_signer}, Đoàn kiểm tra đã tiến hành kiểm tra nhà nước về {ctx.topic} tại cơ sở. "
        "Kết quả kiểm tra như sau:", keep_with_next=True)
    blocks += _instruments(ctx)
    blocks += _findings(ctx)
    blocks += _closing(ctx, sheets)
    blocks.append(signatures_block(_signatures(ctx)))
    return blocks


def _parties(ctx: CheckRecordContext) -> list[Block]:
    """Return the team (leader first), the establishment and its representatives, and any witnesses."""
    leader, *members = ctx.team
    blocks = heading("1. Đoàn kiểm tra:", gap=2)
    blocks += item("-", f"Trưởng đoàn: {leader.described()};", keep_with_next=True)
    for member in members:
        blocks += item("-", f"Thành viên: {member.described()};", keep_with_next=True)
    blocks += heading("2. Cơ sở được kiểm tra:", gap=2)
    blocks += labelled("Tên cơ sở:", ctx.establishment_name)
    blocks += labelled("Địa chỉ:", ctx.establishment_address)
    blocks += labelled("Đại diện cơ sở:", "" if ctx.representatives else "không có mặt.")
    for representative in ctx.representatives:
        blocks += item("-", f"{representative.described()};", keep_with_next=True)
    if ctx.witnesses:
        blocks += heading("3. Người chứng kiến:", gap=2)
        for witness in ctx.witnesses:
            blocks += item("-", f"{witness.described()};", keep_with_next=True)
    return blocks


def _instruments(ctx: CheckRecordContext) -> list[Block]:
    """Return the instruments' table (head repeated where a row starts a page) and the legend of its columns."""
    number = 4 if ctx.witnesses else 3
    blocks = heading(f"{number}. Phương tiện đo được kiểm tra và kết quả kiểm tra:")
    if not ctx.instruments:
        return blocks + paragraph("Không có phương tiện đo được kiểm tra.")
    rows = [_instrument_cells(position, row) for position, row in enumerate(ctx.instruments, start=1)]
    blocks += [space(2), *TABLE.flow(rows), space(4)]
    for legend in ("Nội dung kiểm tra (khoản 1 Điều 19 Thông tư số 28/2013/TT-BKHCN):", *ctx.check_content):
        blocks += _legend(legend)
    return blocks


def _legend(text: str) -> list[Block]:
    """Return one legend line of the table in small italics, wrapped lines hanging under the text."""
    return PROSE.paragraph(text, FONT_ITALIC, size=10.5, first_x=LEFT, x=LEFT + 5 * mm)


def _instrument_cells(position: int, row: InstrumentCheckRow) -> list[Cell]:
    """Return one instrument's cells; a result that does not conform prints red, so the eye finds it."""
    values = ((str(position),), (row.name, row.model), (row.serial_number,), (row.type_approval,),
              (row.verification,), (row.marking,), (row.use,), (row.error,), (row.conclusion,))
    cells = []
    for index, texts in enumerate(values):
        red = index >= 3 and texts[0] in NOT_CONFORMING
        cells.append(TABLE.cell(index, *texts, colour=CONCERN_RED if red else None))
    return cells


def _findings(ctx: CheckRecordContext) -> list[Block]:
    """Return the non-conformities, the remedies with their deadlines, and the establishment's opinion."""
    number = 5 if ctx.witnesses else 4
    blocks = heading(f"{number}. Những nội dung không phù hợp:")
    if ctx.nonconformities:
        for position, text in enumerate(ctx.nonconformities, start=1):
            blocks += item(f"{position}.", text)
    else:
        blocks += paragraph("Không phát hiện nội dung không phù hợp.")
    blocks += heading(f"{number + 1}. Biện pháp khắc phục và thời hạn thực hiện:")
    blocks += remedy_items(ctx.remedies) if ctx.remedies else paragraph("Không.")
    blocks += heading(f"{number + 2}. Ý kiến của đại diện cơ sở:")
    blocks += paragraph(ctx.establishment_opinion or "Không có ý kiến.")
    return blocks


def _closing(ctx: CheckRecordContext, sheets: int) -> list[Block]:
    """Return the end, sheets and copies, and on a refusal the leader's note and witnesses; kept with signatures."""
    text = (f"Việc kiểm tra kết thúc hồi {clock(ctx.ended_at)} cùng ngày. Biên bản gồm {sheets:02d} tờ, được lập "
            f"thành {copies(ctx.copies)} bản có nội dung và giá trị như nhau, đã được đọc lại cho những người có tên "
            "trên cùng nghe; Đoàn kiểm tra giữ 01 bản, cơ sở được kiểm tra giữ 01 bản.")
    blocks = [space(4), *paragraph(text, keep_with_next=True)]
    if ctx.representative_refused:
        refusal = f"Trưởng đoàn kiểm tra ghi nhận: {REFUSAL_NOTE}"
        if ctx.refusal_reason:
            refusal += f". Lý do: {ctx.refusal_reason.rstrip('.')}"
        names = "; ".join(witness.described() for witness in ctx.witnesses)
        refusal += f". Người chứng kiến: {names}." if names else "."
        blocks += paragraph(refusal, keep_with_next=True)
        blocks += paragraph("Biên bản có giá trị pháp lý khi có chữ ký của Trưởng đoàn kiểm tra "
                            "(điểm b khoản 2 Điều 21 Thông tư số 28/2013/TT-BKHCN).", keep_with_next=True)
    return blocks


def _signatures(ctx: CheckRecordContext) -> tuple[Signature, ...]:
    """Return the establishment's representative (left), the team leader (right), then each witness."""
    representative = ctx.representatives[0].name if ctx.representatives else ""
    remark = "(Không ký biên bản)" if ctx.representative_refused else ""
    signatures = [Signature(role="ĐẠI DIỆN CƠ SỞ", name=representative, remark=remark),
                  Signature(role="TRƯỞNG ĐOÀN KIỂM TRA", name=ctx.team[0].name)]
    signatures += [Signature(role="NGƯỜI CHỨNG KIẾN", name=witness.name) for witness in ctx.witnesses]
    return tuple(signatures)
