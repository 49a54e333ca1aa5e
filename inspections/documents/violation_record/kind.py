"""The administrative violation record (MBB01) as a document kind: what it states, and the renderer's context read
from the record, its violations, the case's team and the refusal with its witnesses."""

from django.utils.translation import gettext_lazy as _

from certificates.kinds import ADMINISTRATIVE_NUMBER, DocumentFacts, KindSpec
from certificates.models import Document
from inspections.documents.layout import Person, ViolationRow
from inspections.documents.parties import act_text, issuer_names, team_people, verify_url, violator_of
from inspections.documents.violation_record.renderer import ViolationRecordContext, render_violation_record
from inspections.models import ViolationRecord
from inspections.selectors.penalties import violation_record_document_scope


def describe(record: ViolationRecord) -> DocumentFacts:
    """Issued by the case's inspecting body, owned by the violator (whose users download it)."""
    return DocumentFacts(issuer_id=record.inspection.inspecting_body_id, owner_id=record.violator_id,
                         subject_label=f"Biên bản vi phạm hành chính: {record.violator.name}", valid_until=None,
                         dated=record.made_on, subject_key=record.violator.name)


def _legal_basis(record: ViolationRecord) -> tuple[str, ...]:
    inspection = record.inspection
    signer = inspection.decision_signer_title or "người có thẩm quyền"
    return (f"Căn cứ Quyết định kiểm tra số {inspection.decision_number} ngày "
            f"{inspection.decision_date.strftime('%d/%m/%Y')} của {signer};",)


def build_context(document: Document) -> ViolationRecordContext:
    record = ViolationRecord.objects.select_related("inspection__inspecting_body", "violator").get(
        pk=document.subject_id)
    body = record.inspection.inspecting_body
    parent, name = issuer_names(body)
    violations = list(record.violations.select_related("violation_type").order_by("act_date", "id"))
    first = violations[0]
    return ViolationRecordContext(
        number=document.number, issuer_parent=parent, issuer_name=name, verify_url=verify_url(document),
        made_on=record.made_on, made_at=record.made_at, place=record.place, legal_basis=_legal_basis(record),
        makers=team_people(record.inspection, body),
        witnesses=tuple(Person(**witness) for witness in record.witnesses),
        violator=violator_of(record.violator, legal_form=record.violator_legal_form,
                             representative_name=record.representative_name,
                             representative_title=record.representative_title),
        violated_on=first.act_date, violation_place=first.place or record.place,
        violations=tuple(ViolationRow(act=act_text(v), provision=v.violation_type.provision) for v in violations),
        violator_statement=record.violator_statement, ended_at=record.ended_at,
        violator_refused=record.violator_refused, refusal_reason=record.refusal_reason,
    )


VIOLATION_RECORD = KindSpec(
    kind="violation_record",
    label=_("Administrative violation record"),
    # "…/BB-VPHC": the suffix of the violation record in the forms of Decree 118/2021 (inspections.md §1.1).
    number_prefix="BB-VPHC",
    number_format=ADMINISTRATIVE_NUMBER,
    describe=describe,
    build_context=build_context,
    render=render_violation_record,
    scope=violation_record_document_scope,
)
