"""Plans and cases: creating them, the team, the decision that opens a case, what is examined and found, the
evidence, and the steps of a case's life (issue 9 points 1-2).

Who may do what (DESIGN.md §4): officers plan, create cases, set the team, issue the decision and close the
case; the inspectors of a case's team add subjects and examined items, record findings and evidence while it is
open, and its leader declares the findings recorded. Every write locks the case first (through the caller's
scope: 404 outside it), so the writes on one case run one after another.

The life of a case is a table (`NEXT_STATUS`) checked in one place (`_move`) rather than a state-machine
library: four statuses in a line, each step with its own preconditions and actor rule that a library would not
hold for us, and each step recorded as an InspectionTransition row (who, when), readable by the API.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record_created
from config.exceptions import Conflict
from inspections.models import (
    ChecklistItem,
    Evidence,
    ExaminedItem,
    ExaminedItemKind,
    Finding,
    FindingResult,
    Inspection,
    InspectionKind,
    InspectionPlan,
    InspectionStatus,
    InspectionTransition,
    Subject,
    TeamMember,
)
from inspections.selectors.cases import (
    finding_list,
    inspection_get_for_update,
    is_team_leader,
    is_team_member,
    subject_list,
    topic_get,
)
from inspections.selectors.catalog import inspecting_body_kind
from registry.models import STATE_AGENCY_KINDS, Organization, OrganizationKind, Role, User
from registry.permissions import has_role, require
from registry.scans import display_name, scan_inspect
from registry.selectors import (
    instrument_list,
    instrument_lookup,
    instrument_verification_state,
    organization_list,
    user_list,
    xray_device_list,
    xray_device_lookup,
    xray_device_verification_state,
)
from registry.validators import normalize_serial

__all__ = [
    "NEXT_STATUS",
    "TeamMemberInput",
    "evidence_attach",
    "examined_item_add",
    "finding_record",
    "inspection_close",
    "inspection_create",
    "inspection_open",
    "inspection_plan_create",
    "inspection_record_findings",
    "inspection_team_set",
    "may_direct_inspections",
    "may_plan_inspections",
    "may_staff_cases",
    "may_work_cases",
    "subject_add",
]

# The one way through a case's life: each status and the only status it may move to.
NEXT_STATUS = {
    InspectionStatus.PLANNED: InspectionStatus.OPEN,
    InspectionStatus.OPEN: InspectionStatus.FINDINGS_RECORDED,
    InspectionStatus.FINDINGS_RECORDED: InspectionStatus.CLOSED,
}


@dataclass(frozen=True)
class TeamMemberInput:
    inspector: int
    is_leader: bool = False


def may_plan_inspections(actor: User) -> bool:
    """Officers draw up the yearly plan."""
    return has_role(actor, Role.OFFICER)


def may_direct_inspections(actor: User) -> bool:
    """Officers create cases, set their team, issue the decision that opens them and close them."""
    return has_role(actor, Role.OFFICER)


def may_staff_cases(actor: User) -> bool:
    """Officers (setting a case up) and the team's inspectors (at the site) add the organisations checked."""
    return has_role(actor, Role.OFFICER, Role.INSPECTOR)


def may_work_cases(actor: User) -> bool:
    """Inspectors record what their team examined and found, with evidence; the case's scope says which team."""
    return has_role(actor, Role.INSPECTOR)


# --- plans and cases ---------------------------------------------------------------------------------------------

def _organizations(actor: User, ids, *, field: str) -> list[Organization]:
    found = {organization.pk: organization for organization in organization_list(actor=actor).filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({field: _("Unknown organization: %(id)s.") % {"id": missing[0]}})
    return [found[pk] for pk in dict.fromkeys(ids)]


def _inspecting_body(actor: User, pk: int) -> Organization:
    """The department or, since 2025-07-01, the provincial inspectorate: a state agency among the organisations."""
    body = _organizations(actor, [pk], field="inspecting_body")[0]
    if body.kind not in STATE_AGENCY_KINDS:
        raise ValidationError({"inspecting_body": _(
            "The inspecting body must be a state agency: the department or the provincial inspectorate.")})
    return body


def _inspecting_body_check(inspection: Inspection, decision_date: date) -> None:
    """The case's body is the agency the law gives a case of its kind on the day of its decision: a 400 naming it
    otherwise (a check: the department; an inspection: the provincial inspectorate from 2025-07-01)."""
    expected = inspecting_body_kind(inspection.kind, on=decision_date)
    if inspection.inspecting_body.kind != expected:
        raise ValidationError({"inspecting_body": _(
            "A %(kind)s decided on %(day)s is carried out by the %(expected)s, not by %(body)s (Law on Inspection "
            "84/2025/QH15, in force from 01/07/2025: inspections are the provincial inspectorate's; state "
            "metrology checks stay the department's).") % {
            "kind": InspectionKind(inspection.kind).label.lower(), "day": decision_date.strftime("%d/%m/%Y"),
            "expected": OrganizationKind(expected).label.lower(), "body": inspection.inspecting_body.name}})


@transaction.atomic
def inspection_plan_create(*, actor: User, year: int, topic_id: int, title: str, planned_month: int,
                           inspecting_body_id: int, subject_ids: list[int] = ()) -> InspectionPlan:
    """Add a planned inspection to a year's plan, with the organisations it is to cover."""
    require(may_plan_inspections(actor))
    plan = InspectionPlan(year=year, topic=topic_get(pk=topic_id), title=title.strip(), planned_month=planned_month,
                          inspecting_body=_inspecting_body(actor, inspecting_body_id), created_by=actor)
    subjects = _organizations(actor, list(subject_ids), field="subjects")
    plan.full_clean()
    plan.save()
    plan.subjects.set(subjects)
    return plan


def _plan(pk: int | None) -> InspectionPlan | None:
    if pk is None:
        return None
    plan = InspectionPlan.objects.filter(pk=pk).prefetch_related("subjects").first()
    if plan is None:
        raise ValidationError({"plan": _("Unknown inspection plan.")})
    return plan


@transaction.atomic
def inspection_create(*, actor: User, kind: str, title: str, inspecting_body_id: int, topic_id: int | None = None,
                      plan_id: int | None = None, subject_ids: list[int] | None = None) -> Inspection:
    """Create a planned case. From a plan it takes the plan's topic and, unless others are named, its subjects."""
    require(may_direct_inspections(actor))
    plan = _plan(plan_id)
    if topic_id is None and plan is None:
        raise ValidationError({"topic": _("This field is required.")})
    topic = topic_get(pk=topic_id) if topic_id is not None else plan.topic
    if plan is not None and plan.topic_id != topic.pk:
        raise ValidationError({"topic": _("The case's topic must be its plan's.")})
    inspection = Inspection(kind=kind, plan=plan, topic=topic, title=title.strip(), created_by=actor,
                            inspecting_body=_inspecting_body(actor, inspecting_body_id))
    if subject_ids is None:
        organizations = list(plan.subjects.all()) if plan else []
    else:
        organizations = _organizations(actor, subject_ids, field="subjects")
    inspection.full_clean()
    inspection.save()
    audit_record_created(actor=actor, instances=Subject.objects.bulk_create(
        Subject(inspection=inspection, organization=organization, added_by=actor) for organization in organizations))
    InspectionTransition.objects.create(inspection=inspection, to_status=InspectionStatus.PLANNED, actor=actor)
    return inspection


def _check_move(inspection: Inspection, *, to: str) -> None:
    """409 unless the table allows the step from where the case stands."""
    if NEXT_STATUS.get(inspection.status) != to:
        raise Conflict({"status": _("A case that is %(status)s cannot become %(target)s.") % {
            "status": InspectionStatus(inspection.status).label, "target": InspectionStatus(to).label}})


def _move(inspection: Inspection, *, to: str, actor: User) -> Inspection:
    """One step of the case's life, if the table allows it, recorded with who and when."""
    _check_move(inspection, to=to)
    InspectionTransition.objects.create(inspection=inspection, from_status=inspection.status, to_status=to,
                                        actor=actor)
    inspection.status = to
    inspection.save(update_fields=["status"])
    return inspection


def _check_members(actor: User, members: list[TeamMemberInput]) -> dict[int, User]:
    ids = [member.inspector for member in members]
    if not members:
        raise ValidationError({"members": _("A team needs at least one inspector.")})
    if len(set(ids)) != len(ids):
        raise ValidationError({"members": _("An inspector is named twice.")})
    if sum(member.is_leader for member in members) != 1:
        raise ValidationError({"members": _("A team has exactly one leader.")})
    inspectors = {user.pk: user for user in user_list(actor=actor).filter(pk__in=ids, role=Role.INSPECTOR,
                                                                          is_active=True)}
    missing = [pk for pk in ids if pk not in inspectors]
    if missing:
        raise ValidationError({"members": _("User %(id)s is not an active inspector.") % {"id": missing[0]}})
    return inspectors


@transaction.atomic
def inspection_team_set(*, actor: User, inspection_id: int, members: list[TeamMemberInput]) -> Inspection:
    """Name the team of a planned case, exactly one leader. The decision fixes it: an open case's team is a 409."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_direct_inspections(actor))
    if inspection.status != InspectionStatus.PLANNED:
        raise Conflict({"status": _("The decision has fixed this case's team.")})
    _check_members(actor, members)
    inspection.team.all().delete()
    audit_record_created(actor=actor, instances=TeamMember.objects.bulk_create(
        TeamMember(inspection=inspection, inspector_id=member.inspector, is_leader=member.is_leader)
        for member in members))
    return inspection


@transaction.atomic
def inspection_open(*, actor: User, inspection_id: int, decision_number: str, decision_date: date,
                    decision_signer_name: str, decision_signer_title: str = "") -> Inspection:
    """Issue the case's decision (form 4.QĐKTĐL, Circular 28/2013 Art. 5.2): from then on the case is open, its
    team may work and the inspected organisations see it. It needs a team with its leader and a subject."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_direct_inspections(actor))
    _check_move(inspection, to=InspectionStatus.OPEN)
    if decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("A decision cannot be dated in the future.")})
    if not inspection.team.filter(is_leader=True).exists():
        raise ValidationError({"team": _("Name the team and its leader before the decision is issued.")})
    if not inspection.subjects.exists():
        raise ValidationError({"subjects": _("Name at least one organization to check before the decision.")})
    _inspecting_body_check(inspection, decision_date)
    inspection.decision_number = decision_number.strip()
    inspection.decision_date = decision_date
    inspection.decision_signer_name = decision_signer_name.strip()
    inspection.decision_signer_title = decision_signer_title.strip()
    inspection.full_clean(exclude=["topic", "plan", "inspecting_body", "created_by"])
    inspection.save(update_fields=["decision_number", "decision_date", "decision_signer_name",
                                   "decision_signer_title"])
    return _move(inspection, to=InspectionStatus.OPEN, actor=actor)


@transaction.atomic
def inspection_record_findings(*, actor: User, inspection_id: int) -> Inspection:
    """The team's leader declares the findings recorded (the check record is drawn up from them); from then on
    they no longer change."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_work_cases(actor) and is_team_leader(actor, inspection))
    _check_move(inspection, to=InspectionStatus.FINDINGS_RECORDED)
    if not Finding.objects.filter(subject__inspection=inspection).exists():
        raise ValidationError({"findings": _("Record at least one finding first.")})
    return _move(inspection, to=InspectionStatus.FINDINGS_RECORDED, actor=actor)


@transaction.atomic
def inspection_close(*, actor: User, inspection_id: int) -> Inspection:
    """An officer closes a case whose findings are recorded."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_direct_inspections(actor))
    return _move(inspection, to=InspectionStatus.CLOSED, actor=actor)


# --- subjects, examined items, findings, evidence ------------------------------------------------------------------

def _case_for_work(actor: User, inspection_id: int, *, statuses=(InspectionStatus.OPEN,)) -> Inspection:
    """The case locked, for a member of its team (403 for anyone else who sees it), while it is in `statuses`."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_work_cases(actor) and is_team_member(actor, inspection))
    if inspection.status not in statuses:
        raise Conflict({"status": _("Findings are recorded only while the case is open.")})
    return inspection


@transaction.atomic
def subject_add(*, actor: User, inspection_id: int, organization_id: int) -> Subject:
    """Add an organisation to check: officers while the case is planned or open, its team's inspectors while it is
    open (a check of a market finds its sellers on the spot)."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_staff_cases(actor))
    if actor.role == Role.INSPECTOR and not is_team_member(actor, inspection):
        raise PermissionDenied
    if inspection.status not in (InspectionStatus.PLANNED, InspectionStatus.OPEN):
        raise Conflict({"status": _("Subjects are added only before the findings are recorded.")})
    organization = _organizations(actor, [organization_id], field="organization")[0]
    if inspection.subjects.filter(organization=organization).exists():
        raise Conflict({"organization": _("This organization is already a subject of this case.")})
    return Subject.objects.create(inspection=inspection, organization=organization, added_by=actor)


def _subject(actor: User, inspection: Inspection, pk: int) -> Subject:
    subject = subject_list(actor=actor, inspection=inspection).filter(pk=pk).first()
    if subject is None:
        raise ValidationError({"subject": _("Unknown subject of this case.")})
    return subject


def _one_registered(candidates, subject: Subject, *, owner_field: str):
    """The registered device a serial names: the subject's own if exactly one is, else the only one; several
    without one of the subject's are a 400 asking for the id."""
    candidates = list(candidates[:20])
    owned = [device for device in candidates if getattr(device, owner_field) == subject.organization_id]
    if len(owned) == 1:
        return owned[0]
    if len(candidates) > 1:
        raise ValidationError({"serial_number": _(
            "Several registered devices carry this serial number; name the one examined by its id.")})
    return candidates[0] if candidates else None


def _registered(actor: User, subject: Subject, *, kind: str, serial_number: str, instrument_id: int | None,
                xray_device_id: int | None):
    """The registered instrument or X-ray unit examined, by id or found by serial in the registry; None if none."""
    if kind == ExaminedItemKind.INSTRUMENT:
        if xray_device_id is not None:
            raise ValidationError({"xray_device": _("An instrument is not an X-ray device.")})
        if instrument_id is not None:
            found = instrument_list(actor=actor).filter(pk=instrument_id).first()
            if found is None:
                raise ValidationError({"instrument": _("Unknown instrument.")})
            return found
        return _one_registered(instrument_lookup(actor=actor, serial_number=serial_number), subject,
                               owner_field="owner_id")
    if instrument_id is not None:
        raise ValidationError({"instrument": _("An X-ray device is not an instrument.")})
    if xray_device_id is not None:
        found = xray_device_list(actor=actor).filter(pk=xray_device_id).first()
        if found is None:
            raise ValidationError({"xray_device": _("Unknown X-ray device.")})
        return found
    return _one_registered(xray_device_lookup(actor=actor, serial_number=serial_number), subject,
                           owner_field="facility_id")


def _check_examined_on(inspection: Inspection, examined_on: date) -> None:
    if examined_on > timezone.localdate():
        raise ValidationError({"examined_on": _("An examination cannot be dated in the future.")})
    if examined_on < inspection.decision_date:
        raise ValidationError({"examined_on": _("An examination cannot be dated before the case's decision.")})


@transaction.atomic
def examined_item_add(*, actor: User, inspection_id: int, subject_id: int, kind: str, serial_number: str = "",
                      instrument_id: int | None = None, xray_device_id: int | None = None, description: str = "",
                      examined_on: date | None = None) -> ExaminedItem:
    """Record an instrument or X-ray unit examined at a subject: the registered one (by id, or found by its serial
    in the registry), else as found (kind, serial, description). A registered one whose verification had expired
    or failed on the day is pre-filled not conforming on the topic's verification item, with its certificate."""
    inspection = _case_for_work(actor, inspection_id)
    subject = _subject(actor, inspection, subject_id)
    examined_on = examined_on or timezone.localdate()
    _check_examined_on(inspection, examined_on)
    serial_number = normalize_serial(serial_number or "")
    device = _registered(actor, subject, kind=kind, serial_number=serial_number, instrument_id=instrument_id,
                         xray_device_id=xray_device_id)
    if device is None and not (serial_number and description.strip()):
        raise ValidationError({"description": _(
            "Nothing registered carries this serial number: record the serial number and a description as found.")})
    item = ExaminedItem(subject=subject, kind=kind, serial_number=device.serial_number if device else serial_number,
                        description=description.strip(), examined_on=examined_on, recorded_by=actor,
                        **{"instrument" if kind == ExaminedItemKind.INSTRUMENT else "xray_device": device})
    item.full_clean(exclude=["subject", "instrument", "xray_device", "recorded_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:
        raise Conflict({"serial_number": _("This device was already examined at this subject.")}) from exc
    if device is not None:
        _prefill_verification(item, inspection, actor)
    return item


def _verification_evidence(state, day: date) -> str:
    details = {"number": state.certificate_number or "—", "day": day.strftime("%d/%m/%Y"),
               "valid_until": state.valid_until.strftime("%d/%m/%Y") if state.valid_until else "—",
               "failed_on": state.performed_on.strftime("%d/%m/%Y") if state.performed_on else "—"}
    if state.status == "failed":
        return _("Failed verification on %(failed_on)s; the last certificate, no. %(number)s, was valid until "
                 "%(valid_until)s (verification register, as of %(day)s).") % details
    return _("Verification expired: certificate no. %(number)s was valid until %(valid_until)s (verification "
             "register, as of %(day)s).") % details


def _prefill_verification(item: ExaminedItem, inspection: Inspection, actor: User) -> Finding | None:
    """The registry answers for itself: its verification state of the device on the day of the examination."""
    checklist_item = ChecklistItem.objects.filter(topic_id=inspection.topic_id, checks_verification=True).first()
    if checklist_item is None:
        return None
    if item.instrument_id is not None:
        state = instrument_verification_state(instrument=item.instrument, on=item.examined_on)
    else:
        state = xray_device_verification_state(device=item.xray_device, on=item.examined_on)
    if not state.lapsed:
        return None
    return Finding.objects.create(
        subject=item.subject, examined_item=item, checklist_item=checklist_item,
        result=FindingResult.NOT_CONFORMING, note=_verification_evidence(state, item.examined_on), prefilled=True,
        recorded_by=actor)


@transaction.atomic
def finding_record(*, actor: User, inspection_id: int, subject_id: int, checklist_item_id: int, result: str,
                   note: str = "", examined_item_id: int | None = None) -> Finding:
    """Record (or correct) one checklist item's result for a subject or one of its examined items. A correction
    of a pre-filled finding makes it the inspector's (`prefilled` false); the history keeps the registry's."""
    inspection = _case_for_work(actor, inspection_id)
    subject = _subject(actor, inspection, subject_id)
    item = None
    if examined_item_id is not None:
        item = subject.items.filter(pk=examined_item_id).first()
        if item is None:
            raise ValidationError({"examined_item": _("Unknown examined item of this subject.")})
    checklist_item = ChecklistItem.objects.filter(pk=checklist_item_id, topic_id=inspection.topic_id).first()
    if checklist_item is None:
        raise ValidationError({"checklist_item": _("This item is not on the checklist of the case's topic.")})
    finding = Finding.objects.filter(subject=subject, examined_item=item, checklist_item=checklist_item).first()
    if finding is None:
        finding = Finding(subject=subject, examined_item=item, checklist_item=checklist_item)
    finding.result, finding.note, finding.prefilled = result, note.strip(), False
    finding.recorded_by, finding.recorded_at = actor, timezone.now()
    finding.full_clean(exclude=["subject", "examined_item", "checklist_item", "recorded_by"],
                       validate_constraints=False)
    finding.save()
    return finding


@transaction.atomic
def evidence_attach(*, actor: User, inspection_id: int, finding_id: int, file) -> Evidence:
    """Attach a photo or PDF to a finding. The file is parsed whole (registry.scans: a PDF that opens, a JPEG or
    PNG that decodes, at most 20 MB) and stored under a name the server draws, with the type it found."""
    inspection = _case_for_work(actor, inspection_id)
    finding = finding_list(actor=actor, inspection=inspection).filter(pk=finding_id).first()
    if finding is None:
        raise ValidationError({"finding": _("Unknown finding of this case.")})
    scan_type = scan_inspect(file)
    original_name = display_name(file.name)
    file.name = f"{uuid.uuid4().hex}.{scan_type.extension}"
    return Evidence.objects.create(finding=finding, file=file, content_type=scan_type.content_type, size=file.size,
                                   original_name=original_name, uploaded_by=actor)
