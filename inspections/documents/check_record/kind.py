"""The check record (biên bản kiểm tra, form 5.BBKT) as a document kind: what it states and the rows its renderer
needs (issue 9 point 3). One per subject of a case; the Document's subject is the inspections.Subject row, whose
fields hold what the team wrote down on the day (services/check_records.py)."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.kinds import ADMINISTRATIVE_NUMBER, DocumentFacts, KindSpec
from certificates.models import Document
from inspections.documents.check_record.renderer import CheckRecordContext, InstrumentCheckRow, render_check_record
from inspections.documents.layout import Person, RemedyRow
from inspections.models import ExaminedItem, ExaminedItemKind, Finding, FindingResult, Subject
from inspections.selectors.cases import CHECK_RECORD_KIND, check_record_document_scope
from registry.labels import XRAY_KIND_LABELS_VI

# What the record says the check was about ("Về <topic>", "kiểm tra nhà nước về <topic>"); other topics print
# their catalogue name with a small first letter.
TOPIC_WORDS = {"metrology": "đo lường", "radiation-safety": "an toàn bức xạ"}

LEGAL_BASIS = (
    "Căn cứ Luật Đo lường ngày 11 tháng 11 năm 2011;",
    "Căn cứ Thông tư số 28/2013/TT-BKHCN ngày 12 tháng 12 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ quy định "
    "kiểm tra nhà nước về đo lường, được sửa đổi, bổ sung bởi Thông tư số 10/2022/TT-BKHCN;",
)

# The table's columns a-d of Circular 28/2013 Art. 19.1, and the error: which checklist item fills each.
COLUMN_OF_ITEM = {"type-approval": "type_approval", "verification": "verification", "marking": "marking",
                  "storage-use": "use", "metrological-requirements": "error"}
RESULT_WORDS = {FindingResult.CONFORMING: "Phù hợp", FindingResult.NOT_CONFORMING: "Không phù hợp"}
NOT_RECORDED = "—"


def describe(subject: Subject) -> DocumentFacts:
    """Issued by the case's inspecting body, owned by the inspected organisation (who downloads it); no expiry."""
    return DocumentFacts(
        issuer_id=subject.inspection.inspecting_body_id, owner_id=subject.organization_id,
        subject_label=f"Biên bản kiểm tra: {subject.organization.name} ({subject.inspection.title})",
        valid_until=None,
        dated=timezone.localtime(subject.record_held_at).date() if subject.record_held_at else None,
        subject_key=subject.organization.name,
    )


def _subject(document: Document) -> Subject:
    findings = Finding.objects.select_related("checklist_item", "examined_item").order_by(
        "examined_item_id", "checklist_item__position", "id")
    items = ExaminedItem.objects.select_related("instrument__instrument_type", "xray_device").order_by("id")
    return (Subject.objects.select_related("organization", "inspection__inspecting_body", "inspection__topic")
            .prefetch_related(Prefetch("items", queryset=items), Prefetch("findings", queryset=findings))
            .get(pk=document.subject_id))


def _topic_words(subject: Subject) -> str:
    topic = subject.inspection.topic
    return TOPIC_WORDS.get(topic.code) or topic.name[:1].lower() + topic.name[1:]


def _item_name_and_model(item: ExaminedItem) -> tuple[str, str]:
    """The instrument type (or X-ray kind) and "maker, model"; for one the registry lacks, what the team saw."""
    device = item.instrument or item.xray_device
    if device is None:
        return item.description or str(item.get_kind_display()), ""
    if item.kind == ExaminedItemKind.INSTRUMENT:
        name = device.instrument_type.name
    else:
        name = XRAY_KIND_LABELS_VI.get(device.kind, device.kind)
    return name, ", ".join(part for part in (device.manufacturer, device.model) if part)


def _instrument_row(item: ExaminedItem, findings: list[Finding]) -> InstrumentCheckRow:
    """One examined item with its Art. 19.1 results; any non-conforming result makes it "Không đạt"."""
    columns = dict.fromkeys(COLUMN_OF_ITEM.values(), NOT_RECORDED)
    for finding in findings:
        column = COLUMN_OF_ITEM.get(finding.checklist_item.code)
        if column is not None:
            columns[column] = RESULT_WORDS.get(finding.result, NOT_RECORDED)
    results = {finding.result for finding in findings}
    if FindingResult.NOT_CONFORMING in results:
        conclusion = "Không đạt"
    else:
        conclusion = "Đạt" if FindingResult.CONFORMING in results else NOT_RECORDED
    name, model = _item_name_and_model(item)
    return InstrumentCheckRow(name=name, model=model, serial_number=item.serial_number, conclusion=conclusion,
                              **columns)


def _nonconformity(finding: Finding) -> str:
    """"<instrument>, số sản xuất <serial>: không phù hợp nội dung “<checklist item>”: <note>." (the checklist says
    what is required, so the record names the requirement not met); the establishment's own without the device."""
    text = f"không phù hợp nội dung “{finding.checklist_item.text}”"
    if finding.note:
        text = f"{text}: {finding.note.rstrip('.')}"
    if finding.examined_item is None:
        return f"{text[:1].upper()}{text[1:]}."
    name, _model = _item_name_and_model(finding.examined_item)
    return f"{name}, số sản xuất {finding.examined_item.serial_number}: {text}."


def _team(subject: Subject) -> tuple[Person, ...]:
    body = subject.inspection.inspecting_body.name
    team = subject.inspection.team.select_related("inspector").order_by("-is_leader", "id")
    return tuple(Person(name=member.inspector.display_name, organization=body) for member in team)


def _remedies(subject: Subject) -> tuple[RemedyRow, ...]:
    lines = [line.strip() for line in subject.remedies.splitlines() if line.strip()]
    return tuple(RemedyRow(text=line, deadline=subject.remedy_deadline) for line in lines)


def build_context(document: Document) -> CheckRecordContext:
    subject = _subject(document)
    inspection, organization = subject.inspection, subject.organization
    body = inspection.inspecting_body
    findings = list(subject.findings.all())
    per_item = {item.pk: [f for f in findings if f.examined_item_id == item.pk] for item in subject.items.all()}
    held, ended = timezone.localtime(subject.record_held_at), timezone.localtime(subject.record_ended_at)
    signer = " ".join(part for part in (inspection.decision_signer_title, body.name) if part)
    return CheckRecordContext(
        number=document.number, issuer_parent=body.parent_name.upper(), issuer_name=body.name.upper(),
        verify_url=f"{settings.PUBLIC_BASE_URL}{document.verify_path}", topic=_topic_words(subject),
        held_on=held.date(), started_at=held.time(), ended_at=ended.time(), place=subject.record_place,
        legal_basis=LEGAL_BASIS, decision_number=inspection.decision_number,
        decision_date=inspection.decision_date, decision_signer=signer, team=_team(subject),
        establishment_name=organization.name, establishment_address=organization.address,
        representatives=(Person(name=subject.representative_name, title=subject.representative_title,
                                organization=organization.name),),
        instruments=tuple(_instrument_row(item, per_item[item.pk]) for item in subject.items.all()),
        nonconformities=tuple(_nonconformity(f) for f in findings if f.result == FindingResult.NOT_CONFORMING),
        remedies=_remedies(subject), establishment_opinion=subject.establishment_opinion,
        representative_refused=subject.refused_to_sign, refusal_reason=subject.refusal_reason,
        witnesses=tuple(Person(name=w["name"], title=w.get("title", ""), organization=w.get("organization", ""))
                        for w in subject.witnesses),
    )


CHECK_RECORD = KindSpec(
    kind=CHECK_RECORD_KIND,
    label=_("Check record"),
    # "BB-KT" (biên bản kiểm tra): the inspecting body's own series of check records per year.
    number_prefix="BB-KT",
    number_format=ADMINISTRATIVE_NUMBER,
    describe=describe,
    build_context=build_context,
    render=render_check_record,
    scope=check_record_document_scope,
)
