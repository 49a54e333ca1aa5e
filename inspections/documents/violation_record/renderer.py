"""Pure PDF renderer of the administrative violation record (biên bản vi phạm hành chính).

Circular 28/2013/TT-BKHCN Art. 6.1 names its form 11.BBVPHC, whose own fields we have not seen; since 2022 the
general form is MBB01 of Decree 118/2021/NĐ-CP, so this record carries MBB01's content in MBB01's order
(domain/inspections.md §1.2; the minimum content is Law on Handling Administrative Violations Art. 58): time and
place of drawing up, legal bases, the persons drawing it up, witnesses and interpreter, the violator's fields, the
acts and the provisions sanctioning them, the damaged party, the statements, the demand to stop and the measures
applied, the right to explain, the summons, the closing and every party's signature. A violator who refuses to sign
is recorded with the reason and the witnesses who saw it (Law Art. 58.3).

Plain data in, PDF bytes out: no Django, no queries, no storage. Many violations flow over pages with the table
head repeated; the closing sentences stay with the signatures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from functools import partial

from certificates.pdf import FONT_ITALIC, Block, register_fonts, vn_date_words
from inspections.documents.layout import (
    VIOLATIONS_TABLE,
    Person,
    RecordPage,
    Signature,
    ViolationRow,
    Violator,
    clock,
    copies,
    frozen_tuples,
    heading,
    item,
    labelled,
    normalised,
    paragraph,
    render_record,
    signatures_block,
    violations_table,
    violator_blocks,
    when_and_where,
)

__all__ = ["ViolationRecordContext", "render_violation_record"]


@dataclass(frozen=True, kw_only=True)
class ViolationRecordContext:
    """Everything printed on a violation record, as plain values; the first maker signs as the one drawing it up.

    explanation_note is the right and deadline to explain (Law Art. 61), written by the caller, which knows whether
    the fine range reaches the threshold; empty when it does not.
    """

    number: str
    issuer_parent: str
    issuer_name: str
    verify_url: str
    subject_matter: str = "đo lường"  # the subtitle reads "Về <subject_matter>"
    made_on: date
    made_at: time
    place: str
    legal_basis: tuple[str, ...] = ()
    not_at_scene_reason: str = ""
    makers: tuple[Person, ...]
    witnesses: tuple[Person, ...] = ()
    interpreter: Person | None = None
    violator: Violator
    violated_on: date
    violation_place: str
    violations: tuple[ViolationRow, ...]
    damaged_party: str = ""
    violator_statement: str = ""
    witness_statement: str = ""
    damaged_party_statement: str = ""
    preventive_measures: str = ""
    seized: str = ""
    explanation_note: str = ""
    summons: str = ""
    ended_at: time
    copies: int = 2
    violator_refused: bool = False
    refusal_reason: str = ""

    def __post_init__(self) -> None:
        frozen_tuples(self, "legal_basis", "makers", "witnesses", "violations")


TITLE = "BIÊN BẢN VI PHẠM HÀNH CHÍNH"
NONE = "Không."


def render_violation_record(ctx: ViolationRecordContext) -> bytes:
    """Render the violation record as A4 PDF bytes with embedded fonts.

    Pure: no database, no storage. A record without its maker or without a violation is a caller's bug.
    """
    if not ctx.makers or not ctx.violations:
        raise ValueError("a violation record needs the person drawing it up and at least one violation")
    register_fonts()
    ctx = normalised(ctx)
    page = RecordPage(
        title=TITLE, subtitle=f"Về {ctx.subject_matter}", form_code="Mẫu MBB01", number=ctx.number,
        issuer_parent=ctx.issuer_parent, issuer_name=ctx.issuer_name, verify_url=ctx.verify_url,
        verify_prefix="Tra cứu tính xác thực của Biên bản tại:",
        pdf_title=f"Biên bản vi phạm hành chính số {ctx.number}", pdf_subject=ctx.violator.called,
    )
    return render_record(page, partial(_body_blocks, ctx), head_room=VIOLATIONS_TABLE.head_height)


def _body_blocks(ctx: ViolationRecordContext, sheets: int) -> list[Block]:
    """Return the body in MBB01's order, ending with the closing sentences kept with the signatures."""
    return [
        *_opening(ctx),
        *_present(ctx),
        *_violations(ctx),
        *_statements(ctx),
        *_measures(ctx),
        *_closing(ctx, sheets),
        signatures_block(_signatures(ctx)),
    ]


def _opening(ctx: ViolationRecordContext) -> list[Block]:
    """Return when and where the record is drawn up, its legal bases and why not at the scene (if so)."""
    blocks = paragraph(f"{when_and_where(ctx.made_on, ctx.made_at, ctx.place)}.", keep_with_next=True)
    for basis in ctx.legal_basis:
        blocks += paragraph(basis, FONT_ITALIC, keep_with_next=True)
    if ctx.not_at_scene_reason:
        blocks += paragraph(f"Lý do lập biên bản không tại nơi xảy ra vi phạm: {ctx.not_at_scene_reason}",
                            keep_with_next=True)
    return blocks


def _present(ctx: ViolationRecordContext) -> list[Block]:
    """Return "Chúng tôi gồm": the persons drawing up the record, witnesses and interpreter."""
    blocks = heading("Chúng tôi gồm:", gap=2)
    blocks += paragraph("1. Người có thẩm quyền lập biên bản:", keep_with_next=True)
    for maker in ctx.makers:
        blocks += item("-", f"{maker.described()};", keep_with_next=True)
    if ctx.witnesses:
        blocks += paragraph("2. Người chứng kiến:", keep_with_next=True)
        for witness in ctx.witnesses:
            blocks += item("-", f"{witness.described()};", keep_with_next=True)
    if ctx.interpreter:
        blocks += paragraph(f"{3 if ctx.witnesses else 2}. Người phiên dịch:", keep_with_next=True)
        blocks += item("-", f"{ctx.interpreter.described()}.", keep_with_next=True)
    return blocks


def _violations(ctx: ViolationRecordContext) -> list[Block]:
    """Return the violator's fields, when and where, the acts with their provisions, and the damaged party."""
    violator = ctx.violator
    blocks = heading(f"Tiến hành lập biên bản vi phạm hành chính đối với {violator.kind_word} có tên sau đây:")
    blocks += violator_blocks(violator)
    blocks += labelled("Thời gian, địa điểm xảy ra vi phạm:",
                       f"{vn_date_words(ctx.violated_on)}, tại {ctx.violation_place}.")
    blocks += paragraph(f"{violator.kind_word.capitalize()} {violator.called} đã có các hành vi vi phạm hành chính "
                        "sau đây:", keep_with_next=True)
    blocks += violations_table(ctx.violations)
    blocks += labelled("Cá nhân, tổ chức bị thiệt hại:", _sentence(ctx.damaged_party), keep_with_next=False)
    return blocks


def _statements(ctx: ViolationRecordContext) -> list[Block]:
    """Return each party's statement under its own heading (MBB01 item 8)."""
    who = "đại diện tổ chức vi phạm" if ctx.violator.is_organization else "người vi phạm"
    statements = [(f"Ý kiến trình bày của {who}:", ctx.violator_statement or "Không có ý kiến.")]
    if ctx.witnesses:
        statements.append(("Ý kiến trình bày của người chứng kiến:", ctx.witness_statement or "Không có ý kiến."))
    if ctx.damaged_party:
        statements.append(("Ý kiến trình bày của cá nhân, tổ chức bị thiệt hại:",
                           ctx.damaged_party_statement or "Không có ý kiến."))
    blocks: list[Block] = []
    for label, text in statements:
        blocks += heading(label, gap=2)
        blocks += paragraph(text)
    return blocks


def _measures(ctx: ViolationRecordContext) -> list[Block]:
    """Return the demand to stop, the preventive measures, seizures, the right to explain and the summons."""
    violator = ctx.violator
    blocks = paragraph(f"Người có thẩm quyền lập biên bản đã yêu cầu {violator.kind_word} {violator.called} chấm dứt "
                       "ngay hành vi vi phạm.")
    blocks += labelled("Các biện pháp ngăn chặn và bảo đảm xử lý vi phạm hành chính được áp dụng:",
                       _sentence(ctx.preventive_measures), keep_with_next=False)
    blocks += labelled("Tang vật, phương tiện, giấy phép bị tạm giữ:", _sentence(ctx.seized), keep_with_next=False)
    if ctx.explanation_note:
        blocks += heading("Quyền và thời hạn giải trình:", gap=2)
        blocks += paragraph(ctx.explanation_note)
    if ctx.summons:
        blocks += paragraph(ctx.summons)
    return blocks


def _sentence(text: str) -> str:
    """Return text ending with a full stop, or "Không." when empty."""
    return f"{text.rstrip('.;')}." if text else NONE


def _closing(ctx: ViolationRecordContext, sheets: int) -> list[Block]:
    """Return the end, sheets and copies, and on a refusal the reason and the witnesses; kept with the signatures."""
    receiver = "đại diện tổ chức vi phạm" if ctx.violator.is_organization else "người vi phạm"
    agreed = "" if ctx.violator_refused else ", công nhận là đúng và cùng ký tên dưới đây"
    text = (f"Biên bản lập xong hồi {clock(ctx.ended_at)} cùng ngày, gồm {sheets:02d} tờ, được lập thành "
            f"{copies(ctx.copies)} bản có nội dung và giá trị như nhau; đã được đọc lại cho những người có tên trên "
            f"cùng nghe{agreed}; đã giao cho {receiver} 01 bản.")
    blocks = paragraph(text, keep_with_next=True)
    if ctx.violator_refused:
        blocks += _refusal(ctx, receiver)
    return blocks


def _refusal(ctx: ViolationRecordContext, receiver: str) -> list[Block]:
    """Return the refusal to sign, its reason and the witnesses who confirm it (Law Art. 58.3)."""
    refusal = f"{receiver.capitalize()} không ký biên bản"
    if ctx.refusal_reason:
        refusal += f". Lý do: {ctx.refusal_reason.rstrip('.')}"
    blocks = paragraph(f"{refusal}.", keep_with_next=True)
    if ctx.witnesses:
        names = "; ".join(witness.described() for witness in ctx.witnesses)
        blocks += paragraph(f"Việc {receiver} không ký biên bản có sự chứng kiến và xác nhận của: {names}.",
                            keep_with_next=True)
    return blocks


def _signatures(ctx: ViolationRecordContext) -> tuple[Signature, ...]:
    """Return the violator (left), the person drawing up the record (right), then witnesses and interpreter."""
    violator = ctx.violator
    if violator.is_organization:
        first = Signature(role="ĐẠI DIỆN TỔ CHỨC VI PHẠM", name=violator.representative_name)
    else:
        first = Signature(role="NGƯỜI VI PHẠM", name=violator.name)
    if ctx.violator_refused:
        first = Signature(role=first.role, name=first.name, remark="(Không ký biên bản)")
    signatures = [first, Signature(role="NGƯỜI LẬP BIÊN BẢN", name=ctx.makers[0].name)]
    signatures += [Signature(role="NGƯỜI CHỨNG KIẾN", name=witness.name) for witness in ctx.witnesses]
    if ctx.interpreter:
        signatures.append(Signature(role="NGƯỜI PHIÊN DỊCH", name=ctx.interpreter.name))
    return tuple(signatures)
