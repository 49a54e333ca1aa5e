"""The penalty decision (MQĐ02) as a document kind: what it states, and the renderer's context read from the
decision, its fines, circumstances, remedies and violation record; the total in words by the law's arithmetic."""

from django.utils.translation import gettext_lazy as _

from certificates.kinds import ADMINISTRATIVE_NUMBER, DocumentFacts, KindSpec
from certificates.models import Document
from certificates.pdf import vn_date_words
from inspections import law
from inspections.documents.layout import RemedyRow
from inspections.documents.parties import act_text, issuer_names, verify_url, violator_of
from inspections.documents.penalty_decision.renderer import (
    PenaltyDecisionContext,
    PenaltyViolationRow,
    articles_template,
    render_penalty_decision,
)
from inspections.models import CircumstanceKind, PenaltyDecision
from inspections.selectors.catalog import legal_period
from inspections.selectors.penalties import penalty_decision_document_scope

LEGAL_BASIS_LINES = (
    "Căn cứ Điều 57, Điều 68, Điều 70, Điều 78 Luật Xử lý vi phạm hành chính (sửa đổi, bổ sung năm 2020);",
)


def describe(decision: PenaltyDecision) -> DocumentFacts:
    """Issued by the case's inspecting body, owned by the violator (whose users download it)."""
    return DocumentFacts(issuer_id=decision.inspection.inspecting_body_id, owner_id=decision.violator_id,
                         subject_label=f"Quyết định xử phạt vi phạm hành chính: {decision.violator.name}",
                         valid_until=None, dated=decision.decided_on, subject_key=decision.violator.name)


def _decree_lines(items) -> tuple[str, ...]:
    """One "Căn cứ Nghị định ..." line per decree the fines apply, in order of first use."""
    decrees = dict.fromkeys((item.violation.violation_type.decree, item.violation.violation_type.amended_by)
                            for item in items)
    return tuple(f"Căn cứ Nghị định số {decree}"
                 + (f", được sửa đổi, bổ sung bởi Nghị định số {amended}" if amended else "") + ";"
                 for decree, amended in decrees)


def _circumstances(items, kind: str) -> tuple[str, ...]:
    found = {c.pk: c for item in items for c in item.violation.circumstances.all() if c.kind == kind}
    return tuple(f"{c.description} ({c.provision} Luật Xử lý vi phạm hành chính)" for c in found.values())


def _signer(decision: PenaltyDecision, body) -> dict:
    """The signer's block as the competence has it (inspections.md §6): "GIÁM ĐỐC" for the title's holder; "KT. GIÁM
    ĐỐC" over "PHÓ GIÁM ĐỐC" for a deputy by delegation, whose decision then cites the delegation decision (MQĐ34,
    "…/QĐ-GQXP") after the record. A decision issued before the competence was recorded keeps its typed title."""
    authority = decision.signer_authority or f"{decision.signer_title} {body.name}"
    title = decision.signer_title.upper()
    further = ()
    if decision.signed_for:
        title = f"KT. {decision.signed_for.upper()}\n{title}"
        further = (articles_template()["delegation_basis"].format(
            delegation_number=decision.delegation_number, delegation_date=vn_date_words(decision.delegation_date)),)
    return {"signer_authority": authority.upper(), "signer_title": title, "further_basis": further,
            "executor": authority}


def build_context(document: Document) -> PenaltyDecisionContext:
    decision = PenaltyDecision.objects.select_related("inspection__inspecting_body", "violator", "record").get(
        pk=document.subject_id)
    items = list(decision.items.select_related("violation__violation_type").prefetch_related(
        "violation__circumstances").order_by("violation__act_date", "violation_id"))
    body = decision.inspection.inspecting_body
    parent, name = issuer_names(body)
    record = decision.record
    record_document = record.documents.order_by("-id").first()
    payment_days = legal_period("penalty-payment-deadline", on=decision.received_on).amount
    return PenaltyDecisionContext(
        number=document.number, issuer_parent=parent, issuer_name=name, place=body.province,
        issued_on=decision.decided_on, verify_url=verify_url(document),
        signer_name=decision.signer_name, legal_basis=(*LEGAL_BASIS_LINES, *_decree_lines(items)),
        record_number=record_document.number if record_document else "", record_date=record.made_on,
        violator=violator_of(decision.violator, legal_form=record.violator_legal_form,
                             representative_name=record.representative_name,
                             representative_title=record.representative_title),
        violations=tuple(PenaltyViolationRow(act=act_text(item.violation),
                                             provision=item.violation.violation_type.provision, fine=item.fine)
                         for item in items),
        aggravating=_circumstances(items, CircumstanceKind.AGGRAVATING),
        mitigating=_circumstances(items, CircumstanceKind.MITIGATING),
        total_fine=decision.total_fine, total_fine_words=law.amount_in_words(decision.total_fine),
        remedies=tuple(RemedyRow(text=remedy.text, deadline=remedy.deadline)
                       for remedy in decision.remedies.order_by("id")),
        payment_days=payment_days, treasury=body.province, treasury_account=decision.treasury_account,
        **_signer(decision, body),
    )


PENALTY_DECISION = KindSpec(
    kind="penalty_decision",
    label=_("Penalty decision"),
    # "…/QĐ-XPHC": how penalty decisions are numbered in practice (inspections.md §1.1).
    number_prefix="QĐ-XPHC",
    number_format=ADMINISTRATIVE_NUMBER,
    describe=describe,
    build_context=build_context,
    render=render_penalty_decision,
    scope=penalty_decision_document_scope,
)
