"""Reads of plans and cases, scoped to the caller (issue 9 point 1).

A case is seen by the inspectors of its team, by officers, and by a subject organisation's business users once
its decision is issued (decision date set, status open or later), and then only their own subject's part of it.
Everyone else gets 404, on reads and writes alike: services fetch what they change through these selectors.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from certificates.models import Document
from inspections.models import (
    ChecklistItem,
    Evidence,
    ExaminedItem,
    Finding,
    Inspection,
    InspectionPlan,
    InspectionStatus,
    InspectionTransition,
    Subject,
    TeamMember,
    Topic,
)
from registry.models import Role, User
from registry.permissions import role_of

__all__ = [
    "CHECK_RECORD_KIND",
    "DECIDED_STATUSES",
    "ChecklistRow",
    "check_record_document",
    "check_record_document_scope",
    "checklist_rows",
    "evidence_get",
    "examined_item_list",
    "finding_list",
    "inspection_get",
    "inspection_get_for_update",
    "inspection_list",
    "inspection_plan_get",
    "inspection_plan_list",
    "is_team_leader",
    "is_team_member",
    "subject_list",
    "team_of",
    "topic_get",
    "topic_list",
]

CHECK_RECORD_KIND = "check_record"  # the document kind of inspections/documents/check_record/kind.py
# The statuses of a case whose decision was issued: from then on the inspected organisation sees it.
DECIDED_STATUSES = (InspectionStatus.OPEN, InspectionStatus.FINDINGS_RECORDED, InspectionStatus.CLOSED)


def topic_list(*, actor: User | None = None) -> QuerySet[Topic]:
    """Every topic with its checklist, in order: public law, read by every signed-in caller."""
    return Topic.objects.prefetch_related(
        Prefetch("checklist_items", queryset=ChecklistItem.objects.order_by("position", "code")))


def topic_get(*, pk: int, field: str = "topic") -> Topic:
    topic = Topic.objects.filter(pk=pk).first()
    if topic is None:
        raise ValidationError({field: _("Unknown inspection topic.")})
    return topic


def inspection_plan_list(*, actor: User) -> QuerySet[InspectionPlan]:
    """Officers and inspectors read the plans; the planned subjects are not told in advance (checks may be
    unannounced), so businesses and technicians see none."""
    plans = InspectionPlan.objects.select_related("topic", "inspecting_body").prefetch_related("subjects")
    if actor.role in (Role.OFFICER, Role.INSPECTOR):
        return plans
    return plans.none()


def inspection_plan_get(*, actor: User, pk: int) -> InspectionPlan:
    return get_object_or_404(inspection_plan_list(actor=actor), pk=pk)


def _inspection_scope(queryset: QuerySet[Inspection], *, actor: User) -> QuerySet[Inspection]:
    if actor.role == Role.OFFICER:
        return queryset
    if actor.role == Role.INSPECTOR:
        on_team = TeamMember.objects.filter(inspection_id=OuterRef("pk"), inspector_id=actor.pk)
        return queryset.filter(Exists(on_team))
    if actor.role == Role.BUSINESS and actor.organization_id:
        inspected = Subject.objects.filter(inspection_id=OuterRef("pk"), organization_id=actor.organization_id)
        return queryset.filter(Exists(inspected), decision_date__isnull=False, status__in=DECIDED_STATUSES)
    return queryset.none()


def inspection_list(*, actor: User) -> QuerySet[Inspection]:
    inspections = Inspection.objects.select_related("topic", "inspecting_body", "plan").prefetch_related(
        Prefetch("team", queryset=TeamMember.objects.select_related("inspector")),
        Prefetch("transitions", queryset=InspectionTransition.objects.select_related("actor")),
    )
    return _inspection_scope(inspections, actor=actor)


def inspection_get(*, actor: User, pk: int) -> Inspection:
    return get_object_or_404(inspection_list(actor=actor), pk=pk)


def inspection_get_for_update(*, actor: User, pk: int) -> Inspection:
    """Lock a case the caller may see (404 otherwise), alone; whether it may change it is the service's rule."""
    inspection = _inspection_scope(Inspection.objects.select_for_update(no_key=True), actor=actor).filter(pk=pk).first()
    if inspection is None:
        raise Http404
    return inspection


def team_of(inspection: Inspection) -> QuerySet[TeamMember]:
    return inspection.team.select_related("inspector").order_by("-is_leader", "id")


def is_team_member(actor: User, inspection: Inspection) -> bool:
    return actor.role == Role.INSPECTOR and inspection.team.filter(inspector_id=actor.pk).exists()


def is_team_leader(actor: User, inspection: Inspection) -> bool:
    return actor.role == Role.INSPECTOR and inspection.team.filter(inspector_id=actor.pk, is_leader=True).exists()


def _subject_scope(queryset: QuerySet, *, actor: User, inspection: Inspection, field: str = "") -> QuerySet:
    """Within a case the caller may see: a business sees only its own organisation's subject."""
    queryset = queryset.filter(**{f"{field}inspection": inspection})
    if actor.role == Role.BUSINESS:
        return queryset.filter(**{f"{field}organization_id": actor.organization_id})
    return queryset


def subject_list(*, actor: User, inspection: Inspection) -> QuerySet[Subject]:
    """The case's subjects the caller may see, each with what was examined there and its check record's
    document."""
    subjects = Subject.objects.select_related("organization").prefetch_related(
        Prefetch("items", queryset=ExaminedItem.objects.order_by("id")),
        Prefetch("documents", queryset=Document.objects.filter(kind=CHECK_RECORD_KIND).order_by("id")))
    return _subject_scope(subjects, actor=actor, inspection=inspection).order_by("id")


def check_record_document(subject: Subject) -> Document | None:
    """The subject's check record (the newest, should a correction supersede it), from prefetched documents."""
    documents = sorted((d for d in subject.documents.all() if d.kind == CHECK_RECORD_KIND), key=lambda d: d.pk)
    return documents[-1] if documents else None


def check_record_document_scope(actor) -> Q:
    """The check records' documents the caller sees (their kind's scope, certificates.kinds): those of the subjects
    it sees, the case's team's and the officers', a business its own; not every inspector's, as the access policy
    alone says."""
    if role_of(actor) is None:
        return Q(pk__in=[])
    subjects = Subject.objects.filter(inspection__in=_inspection_scope(Inspection.objects.all(), actor=actor))
    if actor.role == Role.BUSINESS:
        subjects = subjects.filter(organization_id=actor.organization_id)
    return Q(subject_id__in=subjects.values("pk"))


def finding_list(*, actor: User, inspection: Inspection) -> QuerySet[Finding]:
    """The case's findings the caller may see (a business: its own subject's), with their evidence."""
    findings = Finding.objects.select_related(
        "subject__organization", "examined_item", "checklist_item", "recorded_by",
    ).prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("id")))
    return _subject_scope(findings, actor=actor, inspection=inspection, field="subject__").order_by(
        "subject_id", "examined_item_id", "checklist_item__position", "id")


def evidence_get(*, actor: User, inspection: Inspection, pk: int) -> Evidence:
    """An evidence file of a case the caller may see, within its subjects in scope; anyone else gets 404."""
    evidence = Evidence.objects.filter(finding__in=finding_list(actor=actor, inspection=inspection))
    return get_object_or_404(evidence, pk=pk)


def examined_item_list(*, actor: User, inspection: Inspection) -> QuerySet[ExaminedItem]:
    """What was examined at the case's subjects the caller may see, with the registered device and its type."""
    items = ExaminedItem.objects.select_related(
        "subject__organization", "instrument__instrument_type", "xray_device")
    return _subject_scope(items, actor=actor, inspection=inspection, field="subject__").order_by("subject_id", "id")


@dataclass(frozen=True)
class ChecklistRow:
    """One point of the case's checklist and what was found on it (None: not yet checked)."""

    item: ChecklistItem
    finding: Finding | None


def checklist_rows(*, actor: User, inspection: Inspection, subject: Subject,
                   examined_item: ExaminedItem | None = None) -> list[ChecklistRow]:
    """The topic's checklist for a subject as a whole (or for one device examined there), each point with its
    finding and the finding's evidence: two queries, whatever the length of the list."""
    findings = finding_list(actor=actor, inspection=inspection).filter(subject=subject, examined_item=examined_item)
    found = {finding.checklist_item_id: finding for finding in findings}
    items = ChecklistItem.objects.filter(topic_id=inspection.topic_id).order_by("position", "code")
    return [ChecklistRow(item, found.get(item.pk)) for item in items]
