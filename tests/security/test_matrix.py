"""The role × endpoint × owner matrix (issue 7): every route of the API's routers, every action, every role.

Two sides, A and B, each with a department (an officer, an inspector), a verification body (a technician) and a
hospital (a business user) that owns one of everything: an instrument registered and verified by the body (with its
issued certificate), an X-ray unit, radiation workers with a dose over the limit, a licence, an application under
consideration with a scanned attachment, notices. Every caller is side A's user of its role. Each cell is one
request; every cell runs in a savepoint that is rolled back, so all cells see the same database.

What each cell expects (DESIGN.md §3-4, the selectors in registry/selectors and certificates/selectors.py):
- anonymous: 401, on every route;
- an object the caller may not read (READ below): 404, on reads and on writes alike;
- an object the caller may read but not change (WRITE below): 403;
- a create naming, in its body, an object the caller may not reach (REFERENCES below) answers exactly as it
  answers for an id that never existed: the same status and body, a 400 naming the field (or a 404). That is
  the decision written down: an out-of-scope id is indistinguishable from an unknown one;
- every refused request leaves every table's rows exactly as they were (a hash of each table's rows).

Routes are taken from the routers, so a new route or action has no row below and fails `test_every_route_...`
until someone writes down who may use it.
"""

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient
from stdnum.vn import mst

from certificates.api.urls import router as certificates_router
from certificates.notices.models import Notice
from certificates.notices.services import notices_scan
from certificates.services import document_render
from inspections.api.urls import router as inspections_router
from inspections.models import Circumstance, Subject, ViolationType
from inspections.services.cases import (
    TeamMemberInput,
    evidence_attach,
    finding_record,
    inspection_create,
    inspection_open,
    inspection_plan_create,
    inspection_team_set,
)
from inspections.services.penalties import (
    FineInput,
    RemedyInput,
    penalty_decision_issue,
    violation_add,
    violation_record_issue,
)
from registry.api.urls import router as registry_router
from registry.models import (
    DoseAlert,
    InstrumentTypeRevision,
    Verification,
    XrayDevice,
)
from registry.services import instrument_register, verification_record
from registry.services.radiation import dose_reading_record
from registry.services.radiation.licensing import license_application_attach, license_application_submit, license_issue
from tests.db_helpers import module_data
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.competence_fixtures import grant_power
from tests.pdf_helpers import real_pdf
from tests.registry.radiation_fixtures import make_hospital

ROUTERS = (registry_router, certificates_router, inspections_router)
ROLES = ("officer", "inspector", "technician", "business")
AB, A, NONE = "AB", "A", ""
FORBIDDEN = "403"  # a list the role may not use at all
MISSING_ID = 2_000_000_000  # an id that never existed


def row(officer, inspector, technician, business) -> dict[str, str]:
    return dict(zip(ROLES, (officer, inspector, technician, business), strict=True))


# Which side's objects each role may READ, per resource; any other object answers 404.
# For "organization" and "user", side A is the caller's own organisation / the caller itself, side B another
# organisation of the same kind / a user of the same role there.
READ = {
    #                             officer  inspector  technician  business
    "organization":           row(AB,      AB,        AB,         A),   # technicians pick any owner
    "user":                   row(AB,      A,         A,          A),   # others see themselves only
    "instrument-type":        row(AB,      AB,        AB,         AB),  # the public catalogue
    "instrument":             row(AB,      AB,        A,          A),   # a body: what it registered or was assigned
    "instrument-lookup":      row(AB,      AB,        A,          A),   # by exact serial, within the same scope
    "verification":           row(AB,      AB,        A,          A),   # a body: its own; an owner: on its own
    "xray-device":            row(AB,      AB,        NONE,       A),
    "radiation-worker":       row(AB,      AB,        NONE,       A),
    "dose-alert":             row(AB,      AB,        NONE,       A),
    "license-application":    row(AB,      AB,        NONE,       A),   # and its attachments' files
    "radiation-license":      row(AB,      AB,        NONE,       A),
    "notice":                 row(AB,      AB,        NONE,       A),
    "overdue":                row(AB,      AB,        FORBIDDEN,  FORBIDDEN),
    "document":               row(AB,      AB,        A,          A),   # a body: what it issued; an owner: its own
    "document-pdf":           row(AB,      AB,        A,          A),   # the PDF: whoever sees the document
    "document-twin":          row(AB,      AB,        A,          A),   # its JSON twin: whoever may have the PDF
    # inspections: the legal catalogue of sanctions (public law; officers edit it in the admin, not the API)
    "violation-type":         row(AB,      AB,        AB,         AB),
    "circumstance":           row(AB,      AB,        AB,         AB),
    # Inspections (issue 9): a case is its team's (side A's inspector leads side A's case), the officers', and
    # the inspected organisation's once the decision is issued; plans are not told to those they cover.
    "inspection-topic":       row(AB,      AB,        AB,         AB),  # the public checklists
    "inspection-plan":        row(AB,      AB,        NONE,       NONE),
    "inspection":             row(AB,      A,         NONE,       A),   # and its team, subjects, findings, evidence
    # Sanctions (issue 9 points 3-7): the case's team and officers; the violator's business once drawn up.
    "violation":              row(AB,      A,         NONE,       A),
    "violation-record":       row(AB,      A,         NONE,       A),
    "penalty-decision":       row(AB,      A,         NONE,       A),   # and its payments
    "remedy":                 row(AB,      A,         NONE,       A),
}

# Which side's objects each role may CHANGE through each write route (an object it reads but may not change
# answers 403). For creates, A or AB means the role may create, and REFERENCES says what it may name.
WRITE = {
    #                                                  officer  inspector  technician  business
    ("organization", "create", "post"):            row(AB,      NONE,      NONE,       NONE),
    ("user", "create", "post"):                    row(AB,      NONE,      NONE,       NONE),
    ("instrument", "create", "post"):              row(AB,      NONE,      A,          A),
    ("instrument", "assign", "post"):              row(AB,      NONE,      NONE,       A),   # the owner chooses
    ("verification", "create", "post"):            row(AB,      NONE,      A,          NONE),
    ("xray-device", "create", "post"):             row(AB,      NONE,      NONE,       A),
    ("xray-device", "verifications", "post"):      row(AB,      NONE,      NONE,       A),
    ("radiation-worker", "create", "post"):        row(AB,      NONE,      NONE,       A),
    ("radiation-worker", "doses", "post"):         row(AB,      NONE,      NONE,       A),
    ("license-application", "create", "post"):     row(AB,      NONE,      NONE,       A),
    ("license-application", "attachments", "post"): row(AB,    NONE,      NONE,       A),
    ("license-application", "issue", "post"):      row(AB,      NONE,      NONE,       NONE),
    ("license-application", "refuse", "post"):     row(AB,      NONE,      NONE,       NONE),
    ("radiation-license", "suspend", "post"):      row(AB,      NONE,      NONE,       NONE),
    ("radiation-license", "reinstate", "post"):    row(AB,      NONE,      NONE,       NONE),
    ("radiation-license", "revoke", "post"):       row(AB,      NONE,      NONE,       NONE),
    ("radiation-license", "transcribe", "post"):   row(AB,      NONE,      NONE,       NONE),
    ("notice", "read", "post"):                    row(NONE,    NONE,      NONE,       A),   # the owner confirms
    ("notice", "acknowledge", "post"):             row(NONE,    NONE,      NONE,       A),
    ("document", "revoke", "post"):                row(AB,      NONE,      NONE,       NONE),
    ("document", "supersede", "post"):             row(AB,      NONE,      NONE,       NONE),
    ("document", "retry", "post"):                 row(AB,      NONE,      NONE,       NONE),
    ("inspection-plan", "create", "post"):         row(AB,      NONE,      NONE,       NONE),
    ("inspection", "create", "post"):              row(AB,      NONE,      NONE,       NONE),
    ("inspection", "team", "post"):                row(AB,      NONE,      NONE,       NONE),
    ("inspection", "open", "post"):                row(AB,      NONE,      NONE,       NONE),
    ("inspection", "close", "post"):               row(AB,      NONE,      NONE,       NONE),
    ("inspection", "subjects", "post"):            row(AB,      A,         NONE,       NONE),
    ("inspection", "items", "post"):               row(NONE,    A,         NONE,       NONE),  # the team only
    ("inspection", "findings", "post"):            row(NONE,    A,         NONE,       NONE),
    ("inspection", "evidence", "post"):            row(NONE,    A,         NONE,       NONE),
    ("inspection", "record_findings", "post"):     row(NONE,    A,         NONE,       NONE),  # its leader
    ("inspection", "check_record", "post"):        row(NONE,    A,         NONE,       NONE),  # the team only
    ("violation", "create", "post"):               row(NONE,    A,         NONE,       NONE),  # the team
    ("violation-record", "create", "post"):        row(NONE,    A,         NONE,       NONE),
    ("penalty-decision", "create", "post"):        row(AB,      NONE,      NONE,       NONE),  # officers decide
    ("penalty-decision", "payments", "post"):      row(AB,      NONE,      NONE,       NONE),
}

# What a create may name by id in its body: the sides whose object each role may reference. Naming another one
# answers as for an id that never existed. A technician records verifications only on instruments its body
# registered or was assigned (Circular 23/2013 Art. 20.1, issue 7 defect 1).
REFERENCES = {
    #                                                  officer  inspector  technician  business
    ("user", "create", "post"): {
        "organization":                            row(AB,      NONE,      NONE,       NONE)},
    ("instrument", "create", "post"): {
        "owner":                                   row(AB,      NONE,      AB,         A)},
    ("verification", "create", "post"): {
        "instrument":                              row(AB,      NONE,      A,          NONE)},
    ("xray-device", "create", "post"): {
        "facility":                                row(AB,      NONE,      NONE,       A)},
    ("radiation-worker", "create", "post"): {
        "facility":                                row(AB,      NONE,      NONE,       A)},
    ("license-application", "create", "post"): {
        "facility":                                row(AB,      NONE,      NONE,       A),
        "devices":                                 row(AB,      NONE,      NONE,       A),
        "safety_officer":                          row(AB,      NONE,      NONE,       A),
        "previous_license":                        row(AB,      NONE,      NONE,       A)},
    ("inspection-plan", "create", "post"): {
        "subjects":                                row(AB,      NONE,      NONE,       NONE)},
    ("inspection", "create", "post"): {
        "subjects":                                row(AB,      NONE,      NONE,       NONE)},
    ("violation", "create", "post"): {
        "inspection":                              row(NONE,    A,         NONE,       NONE)},
    ("violation-record", "create", "post"): {
        "inspection":                              row(NONE,    A,         NONE,       NONE)},
    ("penalty-decision", "create", "post"): {
        "record":                                  row(AB,      NONE,      NONE,       NONE)},
    ("radiation-license", "transcribe", "post"): {  # a paper licence of a facility taken over, and its units
        "facility":                                row(AB,      NONE,      NONE,       NONE),
        "devices":                                 row(AB,      NONE,      NONE,       NONE)},
}


# --- the operations: how to call each one ------------------------------------------------------------------------

@dataclass(frozen=True)
class Op:
    kind: str  # list, read, write, create
    resource: str = ""  # the READ row that scopes it
    payload: object = None  # (world, side, role, refs) -> body
    multipart: bool = False
    allowed: tuple = (200, 201)  # what a permitted write may answer (a business rule may still say 400)
    kwargs: dict = field(default_factory=dict)  # extra URL parts


def _today() -> date:
    return timezone.localdate()


def _tax_code(n: int) -> str:
    base = f"03{n:07d}"
    return base + mst.calc_check_digit(base)


def _organization(world, side, role, refs):
    return {"name": "Cơ sở mới", "tax_code": _tax_code(4242), "address": "Số 9 Hoàng Liên", "province": "Lào Cai",
            "kind": "business"}


def _user(world, side, role, refs):
    return {"username": "matrix-new-user", "password": "Quy-trinh-kiem-dinh-2026", "full_name": "Người mới",
            "role": "business", "organization": world.ref("organization", refs)}


def _instrument(world, side, role, refs):
    return {"instrument_type": world.sides["A"].instrument_type.pk, "serial_number": "MX-NEW-0001",
            "manufacturer": "Công ty Cân Sông Hồng", "location": "Chợ Cốc Lếu", "owner": world.ref("owner", refs)}


def _verification(world, side, role, refs):
    # A "fail" is the attack of defect 1: it would revoke the owner's valid certificate.
    return {"instrument": world.ref("instrument", refs), "kind": "periodic", "performed_on": _today().isoformat(),
            "result": "fail"}


def _assign(world, side, role, refs):
    return {"assigned_body": world.sides["A"].technician.organization.pk}


def _xray_device(world, side, role, refs):
    return {"facility": world.ref("facility", refs), "kind": "general_radiography", "manufacturer": "Shimadzu",
            "model": "RADspeed", "serial_number": "XR-NEW-0001", "year_made": 2022}


def _xray_verification(world, side, role, refs):
    return {"performed_on": _today().isoformat(), "body_name": "Trung tâm Kỹ thuật", "result": "pass",
            "certificate_number": "KĐ-X-NEW"}


def _worker(world, side, role, refs):
    return {"facility": world.ref("facility", refs), "full_name": "Phạm Văn Mới", "job": "Kỹ thuật viên"}


def _dose(world, side, role, refs):
    year = _today().year - 1
    return {"period_start": date(year, 4, 1).isoformat(), "period_end": date(year, 6, 30).isoformat(),
            "hp10_msv": "0.4"}


def _application(world, side, role, refs):
    renewal = "previous_license" in refs
    return {"facility": world.ref("facility", refs), "kind": "renewal" if renewal else "new",
            "devices": [world.ref("devices", refs)], "safety_officer": world.ref("safety_officer", refs),
            "previous_license": world.ref("previous_license", refs) if renewal else None,
            "dosimetry_provider": "Viện KH&KT hạt nhân", "dosimetry_contract_number": "HĐ-2026/900"}


def _attachment(world, side, role, refs):
    return {"item_code": "area-survey", "file": SimpleUploadedFile("scan.pdf", world.pdf, "application/pdf")}


def _transcription(world, side, role, refs):
    # The side's clinic holds no licence yet, so the paper licence overlaps none.
    def clinic(name):
        side = refs.get(name, "A")
        return None if side == "missing" else world.sides[side].clinic
    facility, devices = clinic("facility"), clinic("devices")
    return {"facility": facility.organization.pk if facility else MISSING_ID,
            "devices": [devices.ct.pk if devices else MISSING_ID], "paper_number": "15/GP-SKHCN",
            "issued_on": (_today() - timedelta(days=300)).isoformat(),
            "valid_until": (_today() + timedelta(days=700)).isoformat(),
            "scan": SimpleUploadedFile("giay-phep.pdf", world.pdf, "application/pdf")}


def _reason(world, side, role, refs):
    return {"reason": "Kiểm tra ma trận phân quyền"}


def _empty(world, side, role, refs):
    return {}


def _inspection_plan(world, side, role, refs):
    return {"year": _today().year, "topic": world.sides["A"].inspection.topic_id, "title": "Kế hoạch ma trận",
            "planned_month": 6, "inspecting_body": world.sides["A"].officer.organization_id,
            "subjects": [world.ref("subjects", refs)]}


def _inspection(world, side, role, refs):
    return {"kind": "check", "title": "Kiểm tra ma trận", "topic": world.sides["A"].inspection.topic_id,
            "inspecting_body": world.sides["A"].officer.organization_id, "subjects": [world.ref("subjects", refs)]}


def _team(world, side, role, refs):
    return {"members": [{"inspector": world.sides[side].inspector.pk, "is_leader": True}]}


def _decision(world, side, role, refs):
    return {"decision_number": "99/QĐ-MT", "decision_date": _today().isoformat(),
            "decision_signer_name": "Người ký"}


def _subject(world, side, role, refs):
    return {"organization": world.sides[side].technician.organization.pk}


def _examined_item(world, side, role, refs):
    return {"subject": world.sides[side].subject.pk, "kind": "instrument", "serial_number": "CHUA-DK-01",
            "description": "Cân đĩa chưa đăng ký"}


def _finding(world, side, role, refs):
    return {"subject": world.sides[side].subject.pk, "checklist_item": world.sides[side].checklist_item.pk,
            "result": "conforming"}


def _check_record(world, side, role, refs):
    ended = timezone.localtime()
    held = max(ended - timedelta(minutes=30), ended.replace(hour=0, minute=0, second=0, microsecond=0))
    return {"held_at": held.isoformat(), "ended_at": ended.isoformat(), "place": "Tại cơ sở",
            "representative_name": "Người đại diện"}


def _evidence(world, side, role, refs):
    return {"finding": world.sides[side].finding.pk,
            "file": SimpleUploadedFile("tem.pdf", world.pdf, "application/pdf")}


def _violation(world, side, role, refs):
    return {"inspection": world.ref("inspection", refs), "violator": world.sides["A"].hospital.organization.pk,
            "violation_type": world.sides["A"].violation.violation_type_id, "facts": "Cân hết hạn kiểm định",
            "act_date": _today().isoformat()}


def _violation_record(world, side, role, refs):
    return {"inspection": world.ref("inspection", refs), "violator": world.sides["A"].hospital.organization.pk,
            "place": "Khoa xét nghiệm", "made_on": _today().isoformat(), "made_at": "09:00", "ended_at": "09:30"}


def _penalty_decision(world, side, role, refs):
    return {"record": world.ref("record", refs), "decided_on": _today().isoformat(), "signer_name": "Người ký",
            "signer_title": "Giám đốc", "fines": [{"violation": world.sides["A"].violation.pk, "amount": 1_500_000}]}


def _payment(world, side, role, refs):
    return {"paid_on": _today().isoformat(), "amount": 100_000, "receipt_number": "BL-MATRIX"}


OPS = {
    ("organization", "list", "get"): Op("list", "organization"),
    ("organization", "create", "post"): Op("create", payload=_organization),
    ("organization", "retrieve", "get"): Op("read", "organization"),
    ("user", "list", "get"): Op("list", "user"),
    ("user", "create", "post"): Op("create", payload=_user),
    ("user", "retrieve", "get"): Op("read", "user"),
    ("instrument-type", "list", "get"): Op("list", "instrument-type"),
    ("instrument-type", "retrieve", "get"): Op("read", "instrument-type"),
    ("instrument", "list", "get"): Op("list", "instrument"),
    ("instrument", "create", "post"): Op("create", payload=_instrument),
    ("instrument", "lookup", "get"): Op("list", "instrument-lookup"),
    ("instrument", "retrieve", "get"): Op("read", "instrument"),
    ("instrument", "history", "get"): Op("read", "instrument"),
    ("instrument", "assign", "post"): Op("write", "instrument", _assign),
    ("verification", "list", "get"): Op("list", "verification"),
    ("verification", "create", "post"): Op("create", payload=_verification),
    ("verification", "retrieve", "get"): Op("read", "verification"),
    ("xray-device", "list", "get"): Op("list", "xray-device"),
    ("xray-device", "create", "post"): Op("create", payload=_xray_device),
    ("xray-device", "retrieve", "get"): Op("read", "xray-device"),
    ("xray-device", "verifications", "get"): Op("read", "xray-device"),
    ("xray-device", "verifications", "post"): Op("write", "xray-device", _xray_verification),
    ("radiation-worker", "list", "get"): Op("list", "radiation-worker"),
    ("radiation-worker", "create", "post"): Op("create", payload=_worker),
    ("radiation-worker", "dose_alerts", "get"): Op("list", "dose-alert"),
    ("radiation-worker", "retrieve", "get"): Op("read", "radiation-worker"),
    ("radiation-worker", "doses", "get"): Op("read", "radiation-worker"),
    ("radiation-worker", "doses", "post"): Op("write", "radiation-worker", _dose),
    ("license-application", "list", "get"): Op("list", "license-application"),
    ("license-application", "create", "post"): Op("create", payload=_application),
    ("license-application", "retrieve", "get"): Op("read", "license-application"),
    ("license-application", "attachment_file", "get"): Op("read", "license-application",
                                                          kwargs={"item_code": "area-survey"}),
    ("license-application", "attachments", "post"): Op("write", "license-application", _attachment, multipart=True),
    ("license-application", "issue", "post"): Op("write", "license-application", _empty),
    ("license-application", "refuse", "post"): Op("write", "license-application", _reason),
    ("radiation-license", "list", "get"): Op("list", "radiation-license"),
    ("radiation-license", "retrieve", "get"): Op("read", "radiation-license"),
    ("radiation-license", "suspend", "post"): Op("write", "radiation-license", _reason),
    # Reinstating an active licence is a 400 on its status: the officer may, the licence is not suspended.
    ("radiation-license", "reinstate", "post"): Op("write", "radiation-license", _empty, allowed=(200, 400)),
    ("radiation-license", "revoke", "post"): Op("write", "radiation-license", _reason),
    ("radiation-license", "transcribe", "post"): Op("create", payload=_transcription, multipart=True),
    ("notice", "list", "get"): Op("list", "notice"),
    ("notice-overdue", "list", "get"): Op("list", "overdue"),
    ("notice", "retrieve", "get"): Op("read", "notice"),
    ("notice", "read", "post"): Op("write", "notice", _empty),
    ("notice", "acknowledge", "post"): Op("write", "notice", _empty),
    ("document", "list", "get"): Op("list", "document"),
    ("document", "retrieve", "get"): Op("read", "document"),
    ("document", "pdf", "get"): Op("read", "document-pdf"),
    ("document", "twin", "get"): Op("read", "document-twin"),
    ("document", "revoke", "post"): Op("write", "document", _reason),
    ("document", "supersede", "post"): Op("write", "document", _reason, allowed=(201,)),
    # Only a failed document renders again: the issued certificate answers 400 on its status, to an officer.
    ("document", "retry", "post"): Op("write", "document", _empty, allowed=(400,)),
    # inspections: the legal catalogue of sanctions
    ("violation-type", "list", "get"): Op("list", "violation-type"),
    ("violation-type", "retrieve", "get"): Op("read", "violation-type"),
    ("circumstance", "list", "get"): Op("list", "circumstance"),
    ("circumstance", "retrieve", "get"): Op("read", "circumstance"),
    ("inspection-topic", "list", "get"): Op("list", "inspection-topic"),
    ("inspection-topic", "retrieve", "get"): Op("read", "inspection-topic"),
    ("inspection-plan", "list", "get"): Op("list", "inspection-plan"),
    ("inspection-plan", "retrieve", "get"): Op("read", "inspection-plan"),
    ("inspection-plan", "create", "post"): Op("create", payload=_inspection_plan),
    ("inspection", "list", "get"): Op("list", "inspection"),
    ("inspection", "retrieve", "get"): Op("read", "inspection"),
    ("inspection", "create", "post"): Op("create", payload=_inspection),
    ("inspection", "team", "get"): Op("read", "inspection"),
    ("inspection", "subjects", "get"): Op("read", "inspection"),
    ("inspection", "findings", "get"): Op("read", "inspection"),
    ("inspection", "evidence_file", "get"): Op("read", "inspection", kwargs={"evidence_id": "evidence"}),
    # The sides' cases are open: the team is fixed (409), a case opens once (409), closes after its findings (409).
    ("inspection", "team", "post"): Op("write", "inspection", _team, allowed=(409,)),
    ("inspection", "open", "post"): Op("write", "inspection", _decision, allowed=(409,)),
    ("inspection", "close", "post"): Op("write", "inspection", _empty, allowed=(409,)),
    ("inspection", "subjects", "post"): Op("write", "inspection", _subject, allowed=(201,)),
    ("inspection", "items", "post"): Op("write", "inspection", _examined_item, allowed=(201,)),
    ("inspection", "findings", "post"): Op("write", "inspection", _finding, allowed=(201,)),
    ("inspection", "evidence", "post"): Op("write", "inspection", _evidence, multipart=True, allowed=(201,)),
    ("inspection", "record_findings", "post"): Op("write", "inspection", _empty),
    ("inspection", "check_record", "post"): Op("write", "inspection", _check_record, allowed=(201,),
                                               kwargs={"subject_id": "subject"}),
    # Sanctions: each side's hospital already has its record and decision, so a permitted create reaches the
    # service and answers 409 (one record per violator, one decision per record) having written nothing.
    ("violation", "list", "get"): Op("list", "violation"),
    ("violation", "retrieve", "get"): Op("read", "violation"),
    ("violation", "create", "post"): Op("create", payload=_violation, allowed=(409,)),
    ("violation-record", "list", "get"): Op("list", "violation-record"),
    ("violation-record", "retrieve", "get"): Op("read", "violation-record"),
    ("violation-record", "create", "post"): Op("create", payload=_violation_record, allowed=(409,)),
    ("penalty-decision", "list", "get"): Op("list", "penalty-decision"),
    ("penalty-decision", "retrieve", "get"): Op("read", "penalty-decision"),
    ("penalty-decision", "create", "post"): Op("create", payload=_penalty_decision, allowed=(409,)),
    ("penalty-decision", "payments", "get"): Op("read", "penalty-decision"),
    ("penalty-decision", "payments", "post"): Op("write", "penalty-decision", _payment, allowed=(201,)),
    ("remedy", "list", "get"): Op("list", "remedy"),
    ("remedy", "retrieve", "get"): Op("read", "remedy"),
}

# Routes under /api/v1/ that are not the routers' and so not in the matrix, each with the reason.
OUTSIDE_THE_MATRIX = {
    "api-token": "obtains a token: anyone may try, throttled (tests/test_project.py, the auth tests)",
    "api-verify": "the public verification answer: anyone, by the document's unguessable token",
    "api-logout": "ends the caller's own token (tests/security/test_auth.py); it would cut the matrix's callers",
    "api-logout-all": "ends every token of the caller (tests/security/test_auth.py)",
    "api-signing-keys": "the issuers' public keys: anyone, read only (tests/signing/test_published.py)",
}


def _router_operations() -> dict[tuple[str, str, str], dict]:
    """Every (basename, action, method) the routers serve, with the URL name to reverse it."""
    found = {}
    for router in ROUTERS:
        for _prefix, viewset, basename in router.registry:
            for route in router.get_routes(viewset):
                for method, action in route.mapping.items():
                    if not hasattr(viewset, action):
                        continue
                    found[(basename, action, method)] = {
                        "url_name": route.name.format(basename=basename), "detail": route.detail,
                        "params": re.findall(r"\(\?P<(\w+)>", route.url)}
    return found


ROUTES = _router_operations()


def _api_v1_names(patterns=None, prefix="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            names |= _api_v1_names(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
            names.add(pattern.name)
    return names


# --- the world: two sides, each owning one of everything --------------------------------------------------------

class World:
    """Two sides, A and B; callers are side A's users."""

    def __init__(self):
        self.sides = {"A": SimpleNamespace(), "B": SimpleNamespace()}
        self.pdf = real_pdf()

    def user(self, role: str, side: str):
        return getattr(self.sides[side], role)

    def organization(self, role: str, side: str):
        return self.user(role, side).organization

    def object_id(self, resource: str, role: str, side: str) -> int:
        if resource == "organization":
            return self.organization(role, side).pk
        if resource == "user":
            return self.user(role, side).pk
        if resource == "overdue":
            return self.sides[side].hospital.organization.pk
        if resource == "inspection-topic":
            return self.sides[side].inspection.topic_id
        attribute = {"instrument-lookup": "instrument", "document-pdf": "document",
                     "document-twin": "document"}.get(resource, resource)
        return getattr(self.sides[side], attribute.replace("-", "_")).pk

    def ref(self, name: str, refs: dict[str, str]):
        """The id a create names for `name`: that side's object, or an id that never existed."""
        side = refs.get(name, "A")
        if side == "missing":
            return MISSING_ID
        s = self.sides[side]
        return {"organization": s.hospital.organization.pk, "owner": s.hospital.organization.pk,
                "facility": s.hospital.organization.pk, "instrument": s.instrument.pk, "devices": s.hospital.ct.pk,
                "safety_officer": s.hospital.safety_officer.pk, "previous_license": s.radiation_license.pk,
                "subjects": s.clinic.organization.pk, "inspection": s.inspection.pk,
                "record": s.violation_record.pk}[name]


def _build_side(world: World, side: str) -> None:
    s = world.sides[side]
    today = _today()
    department = OrganizationFactory(kind="department", name=f"Sở KH&CN {side}")
    s.officer = UserFactory(role="officer", organization=department)
    grant_power(s.officer)  # the Director's power to sanction at the side's department
    s.inspector = UserFactory(role="inspector", organization=department)
    s.technician = UserFactory(role="technician",
                               organization=OrganizationFactory(kind="verification_body", name=f"Trung tâm KĐ {side}"))
    s.hospital = make_hospital(name=f"Bệnh viện {side}")
    s.clinic = make_hospital(name=f"Phòng khám {side}")  # licensed on paper, not yet in the register
    s.business = s.hospital.user
    taken = [other.instrument_type.pk for other in world.sides.values() if hasattr(other, "instrument_type")]
    revision = (InstrumentTypeRevision.objects.filter(periodic_verification=True, verification_cycle_months__gt=0,
                                                      in_force_from__lte=today - timedelta(days=60))
                .exclude(procedure="").exclude(instrument_type__in=taken).select_related("instrument_type").first())
    s.instrument_type = revision.instrument_type
    s.instrument = instrument_register(
        actor=s.technician, instrument_type_id=s.instrument_type.pk, serial_number=f"MX-{side}-0001",
        manufacturer="Công ty Cân Sông Hồng", owner_id=s.hospital.organization.pk, location="Khoa xét nghiệm")
    s.verification = verification_record(actor=s.technician, instrument_id=s.instrument.pk, kind="periodic",
                                         performed_on=today - timedelta(days=20), procedure="", result="pass")
    s.document = document_render(document_id=s.verification.documents.get().pk)
    s.xray_device, s.radiation_worker = s.hospital.ct, s.hospital.workers[0]
    dose_reading_record(actor=s.business, worker_id=s.radiation_worker.pk, period_start=date(today.year - 1, 1, 1),
                        period_end=date(today.year - 1, 3, 31), hp10_msv=Decimal("60"))
    s.dose_alert = DoseAlert.objects.get(worker=s.radiation_worker)
    application = {"kind": "new", "device_ids": [s.hospital.ct.pk, s.hospital.dental.pk],
                   "safety_officer_id": s.hospital.safety_officer.pk, "dosimetry_provider": "Viện KH&KT hạt nhân",
                   "dosimetry_contract_number": f"HĐ-{side}"}
    issued = license_application_submit(actor=s.business, **application)
    s.radiation_license = license_issue(actor=s.officer, application_id=issued.pk)
    s.license_application = license_application_submit(actor=s.business, **application)
    license_application_attach(actor=s.business, application_id=s.license_application.pk, item_code="area-survey",
                               file=SimpleUploadedFile("scan.pdf", world.pdf, "application/pdf"))
    # Due in a week (a notice), and the instrument three days overdue (the officers' overdue view).
    XrayDevice.objects.filter(pk=s.xray_device.pk).update(valid_until=today + timedelta(days=7))
    type(s.instrument).objects.filter(pk=s.instrument.pk).update(valid_until=today - timedelta(days=3))
    # The catalogue of sanctions is one for all: each side takes its own row of it, so that "AB" means both.
    s.violation_type = ViolationType.objects.exclude(pk__in=_taken(world, "violation_type")).order_by("pk").first()
    s.circumstance = Circumstance.objects.exclude(pk__in=_taken(world, "circumstance")).order_by("pk").first()
    _build_inspection(world, s)


def _taken(world: World, attribute: str) -> list[int]:
    return [getattr(other, attribute).pk for other in world.sides.values() if hasattr(other, attribute)]


def _build_inspection(world: World, s) -> None:
    """A plan, and an open case led by the side's inspector, of the side's hospital, with a finding and evidence."""
    from inspections.models import Topic

    topic = Topic.objects.get(code="metrology")
    s.inspection_plan = inspection_plan_create(
        actor=s.officer, year=_today().year, topic_id=topic.pk, title="Kế hoạch kiểm tra", planned_month=5,
        inspecting_body_id=s.officer.organization_id, subject_ids=[s.hospital.organization.pk])
    s.inspection = inspection_create(actor=s.officer, kind="check", title="Kiểm tra đo lường",
                                     plan_id=s.inspection_plan.pk, inspecting_body_id=s.officer.organization_id)
    inspection_team_set(actor=s.officer, inspection_id=s.inspection.pk,
                        members=[TeamMemberInput(s.inspector.pk, is_leader=True)])
    inspection_open(actor=s.officer, inspection_id=s.inspection.pk, decision_number="1/QĐ-KTĐL",
                    decision_date=_today(), decision_signer_name="Trần Văn Bình")
    s.subject = Subject.objects.get(inspection=s.inspection)
    s.checklist_item = topic.checklist_items.get(code="marking")
    s.finding = finding_record(actor=s.inspector, inspection_id=s.inspection.pk, subject_id=s.subject.pk,
                               checklist_item_id=topic.checklist_items.get(code="storage-use").pk,
                               result="not_conforming")
    s.evidence = evidence_attach(actor=s.inspector, inspection_id=s.inspection.pk, finding_id=s.finding.pk,
                                 file=SimpleUploadedFile("tem.pdf", world.pdf, "application/pdf"))
    _build_sanction(s)


def _build_sanction(s) -> None:
    """The hospital's violation in the side's case, its record and the officer's decision with a remedy."""
    s.violation = violation_add(
        actor=s.inspector, inspection_id=s.inspection.pk, violator_id=s.hospital.organization.pk,
        violation_type_id=ViolationType.objects.get(code="USE_G2_VIOLATION_BAND1").pk, facts="Cân hết hạn",
        act_date=_today())
    s.violation_record = violation_record_issue(
        actor=s.inspector, inspection_id=s.inspection.pk, violator_id=s.hospital.organization.pk, place="Khoa",
        made_on=_today(), made_at=time(9), ended_at=time(10))
    s.penalty_decision = penalty_decision_issue(
        actor=s.officer, record_id=s.violation_record.pk, decided_on=_today(),
        fines=[FineInput(s.violation.pk, 1_500_000)],
        remedies=[RemedyInput(kind="other", text="Buộc khắc phục", deadline=_today() + timedelta(days=30))])
    s.remedy = s.penalty_decision.remedies.get()


def _finish(world: World) -> None:
    notices_scan(as_of=_today())
    for side, s in world.sides.items():
        s.notice = Notice.objects.get(kind="xray_verification", organization=s.hospital.organization)
        assert Verification.objects.filter(verification_body=s.technician.organization).count() == 1, side


# --- the snapshot: every table's rows ----------------------------------------------------------------------------

def _snapshot() -> dict[str, tuple[int, str]]:
    tables = sorted(connection.introspection.table_names())
    selects = [f"SELECT '{t}', count(*), md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) "
               f"FROM {connection.ops.quote_name(t)} x" for t in tables]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects))
        return {name: (count, digest) for name, count, digest in cursor.fetchall()}


def _changed(before: dict, after: dict) -> list[str]:
    return [f"{t}: {before.get(t)} -> {after.get(t)}" for t in sorted(set(before) | set(after))
            if before.get(t) != after.get(t)]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction that is rolled back at its end."""
    with module_data(django_db_blocker, "load_catalog", "load_inspection_catalog", "load_inspection_topics"):
        built = World()
        for side in built.sides:
            _build_side(built, side)
        _finish(built)
        built.baseline = _snapshot()
        yield built


# --- the cells ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    role: str  # or "anonymous"
    operation: tuple[str, str, str]
    side: str = "A"  # the side of the object in the URL
    refs: tuple = ()  # (field, side) a create names

    def __str__(self) -> str:
        basename, action, method = self.operation
        refs = ",".join(f"{name}={side}" for name, side in self.refs)
        return f"{self.role}:{method.upper()} {basename}.{action}[{refs or self.side}]"


def _cells() -> list[Cell]:
    cells = []
    for operation in sorted(ROUTES):
        op = OPS.get(operation)
        cells.append(Cell("anonymous", operation))
        if op is None:
            continue  # test_every_route_is_in_the_matrix names it
        for role in ROLES:
            if op.kind == "list":
                cells.append(Cell(role, operation))
            elif op.kind in ("read", "write"):
                cells.extend(Cell(role, operation, side) for side in "AB")
            else:
                cells.append(Cell(role, operation))
                references = REFERENCES.get(operation, {}) if WRITE[operation][role] else {}
                if references and all("B" in scope[role] for scope in references.values()):
                    # May name side B's objects: one create naming all of them (a coherent body).
                    cells.append(Cell(role, operation, refs=tuple((name, "B") for name in references)))
                else:  # one field at a time names side B's object, the rest side A's
                    cells.extend(Cell(role, operation, refs=((name, "B"),)) for name in references)
    return cells


CELLS = _cells()


def test_every_route_is_in_the_matrix():
    unlisted = sorted(set(ROUTES) - set(OPS))
    stale = sorted(set(OPS) - set(ROUTES))
    writes = {key for key, op in OPS.items() if op.kind in ("write", "create")}
    assert not unlisted, f"routes with no row in OPS (and READ/WRITE): {unlisted}"
    assert not stale, f"rows in OPS for routes that no longer exist: {stale}"
    assert writes == set(WRITE), f"writes without a WRITE row, or WRITE rows that are not writes: {writes ^ set(WRITE)}"
    assert {op.resource for op in OPS.values() if op.resource} <= set(READ)


def test_every_api_route_outside_the_routers_is_named_with_its_reason():
    router_names = {info["url_name"] for info in ROUTES.values()}
    others = _api_v1_names() - router_names
    assert others == set(OUTSIDE_THE_MATRIX), (
        f"routes under /api/v1/ outside the matrix and not in OUTSIDE_THE_MATRIX: {others - set(OUTSIDE_THE_MATRIX)};"
        f" listed but gone: {set(OUTSIDE_THE_MATRIX) - others}")


def _url(world: World, cell: Cell, op: Op) -> str:
    route = ROUTES[cell.operation]
    kwargs = dict(op.kwargs)
    if kwargs.get("evidence_id") == "evidence":  # the evidence of the side's own case
        kwargs["evidence_id"] = world.sides[cell.side].evidence.pk
    if kwargs.get("subject_id") == "subject":  # the subject of the side's own case
        kwargs["subject_id"] = world.sides[cell.side].subject.pk
    if route["detail"]:
        kwargs["pk"] = world.object_id(op.resource, "officer" if cell.role == "anonymous" else cell.role, cell.side)
    return reverse(route["url_name"], kwargs=kwargs)


def _request(world: World, cell: Cell, op: Op, refs: dict | None = None):
    client = APIClient()
    if cell.role != "anonymous":
        client.force_authenticate(user=world.user(cell.role, "A"))
    method = cell.operation[2]
    url = _url(world, cell, op)
    if method == "get":
        params = {}
        if cell.operation == ("instrument", "lookup", "get"):
            params = {"serial_number": world.sides[cell.side].instrument.serial_number}
        return client.get(url, params)
    body = op.payload(world, cell.side, cell.role, dict(cell.refs) if refs is None else refs)
    return client.post(url, body, format="multipart" if op.multipart else "json")


def _ids(response, resource: str) -> set[int]:
    data = response.json()
    rows = data["results"] if isinstance(data, dict) and "results" in data else data
    key = "organization_id" if resource == "overdue" else "id"
    return {item[key] for item in rows}


def _expected(world: World, cell: Cell, op: Op) -> object:
    """The status the cell must answer, or "allowed" for a permitted write, or "visible" for a list."""
    if cell.role == "anonymous":
        return 401
    read = READ[op.resource][cell.role] if op.resource else AB
    if op.kind == "list":
        return 403 if read == FORBIDDEN else "visible"
    if op.kind == "read":
        return 200 if cell.side in read else 404
    may = WRITE[cell.operation][cell.role]
    if op.kind == "create":
        if not may:
            return 403
        scope = REFERENCES.get(cell.operation, {})
        if all(side in scope[name][cell.role] for name, side in cell.refs):
            return "allowed"
        return "as-missing"
    if cell.side not in read:
        return 404
    return "allowed" if cell.side in may else 403


@pytest.mark.django_db  # so pytest-django creates the test database; each cell also runs in its own savepoint
@pytest.mark.parametrize("cell", CELLS, ids=str)
def test_cell(world, cell):
    op = OPS.get(cell.operation)
    if op is None:
        pytest.fail(f"{cell}: route not in the matrix; add it to OPS and WRITE")
    expected = _expected(world, cell, op)
    with transaction.atomic():
        response = _request(world, cell, op)
        status = response.status_code
        after = _snapshot() if expected not in ("allowed", "visible") or status >= 400 else None
        if expected == "as-missing":
            missing = _request(world, cell, op, refs={name: "missing" for name, _side in cell.refs})
            missing_answer = (missing.status_code, missing.json())
        transaction.set_rollback(True)
    body = b"(a file)" if response.streaming else response.content[:300]
    assert status < 500, f"{cell}: server error {status}: {body}"
    if expected == "visible":
        _check_list(world, cell, op, response)
        return
    if expected == "allowed":
        assert status in op.allowed, f"{cell}: a permitted write answered {status}, not {op.allowed}: {body}"
        return
    if expected == "as-missing":
        answer = (status, response.json())
        named = [name for name, _side in cell.refs]
        assert status == 404 or (status == 400 and set(named) & set(answer[1])), (
            f"{cell}: naming another side's object must be 404 or a 400 naming {named}, got {status}: {body}")
        assert answer == missing_answer, (
            f"{cell}: the answer for another side's id differs from that for an id that never existed, "
            f"so it reveals that the object exists: {answer} vs {missing_answer}")
    else:
        assert status == expected, f"{cell}: expected {expected}, got {status}: {body}"
    changed = _changed(world.baseline, after)
    assert not changed, f"{cell}: a refused request ({status}) changed the database: {changed}"


def _check_list(world: World, cell: Cell, op: Op, response) -> None:
    """A list shows every object of the sides the role may read, and none of the others."""
    read = READ[op.resource][cell.role]
    listed = {}
    for side in "AB":
        if op.resource == "instrument-lookup":  # one exact serial per request
            response = _request(world, Cell(cell.role, cell.operation, side), op)
        status = response.status_code
        assert status == 200, f"{cell}: expected 200, got {status}: {response.content!r:.300}"
        listed[side] = world.object_id(op.resource, cell.role, side) in _ids(response, op.resource)
    for side, found in listed.items():
        assert found == (side in read), (
            f"{cell}: side {side}'s object is {'listed' if found else 'not listed'}, but READ says "
            f"{cell.role} {'may' if side in read else 'may not'} read it")
