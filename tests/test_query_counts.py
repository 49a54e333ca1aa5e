"""Every list route of the API routers costs a fixed number of queries, pinned in tests/query_counts.json.

The routes are read from the routers themselves (lists, and GET @actions that list), so a new one cannot be
forgotten. Each is counted twice, for an officer and for a business (whose scope differs): once with a few rows,
once after every table has grown, related tables too (more readings per verification, more verifications per
instrument and device, more doses and workers per facility, more documents, notices and licences). The count
must not grow with the rows and must equal the pinned one (as NetBox's query_counts.json does).

To pin a new route or accept a changed count: UPDATE_QUERY_COUNTS=1 pytest tests/test_query_counts.py
(then review the JSON diff: a count that went up is a regression unless explained).
"""

import io
import json
import os
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from certificates.api.urls import router as certificates_router
from certificates.notices.services import notices_scan
from inspections.api.urls import router as inspections_router
from inspections.models import Topic, ViolationType
from inspections.services.cases import (
    TeamMemberInput,
    evidence_attach,
    examined_item_add,
    finding_record,
    inspection_create,
    inspection_open,
    inspection_plan_create,
    inspection_team_set,
    subject_add,
)
from inspections.services.penalties import (
    FineInput,
    RemedyInput,
    payment_record,
    penalty_decision_issue,
    violation_add,
    violation_record_issue,
)
from registry.api.urls import router as registry_router
from registry.models import Instrument, InstrumentType
from registry.services import ReadingInput, verification_record
from registry.services.radiation import dose_reading_record, radiation_worker_register, xray_device_register
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from tests.inspections.competence_fixtures import grant_power
from tests.pdf_helpers import real_pdf
from tests.registry.radiation_fixtures import application_payload, make_hospital, verify_device

pytestmark = pytest.mark.django_db

PINNED = Path(__file__).with_name("query_counts.json")
UPDATE = os.environ.get("UPDATE_QUERY_COUNTS", "") == "1"
# GET actions on one object that list its related rows; every other detail GET action must be named below.
DETAIL_LISTS = {("xray-devices", "verifications"), ("radiation-workers", "doses"), ("instruments", "history"),
                ("inspections", "team"), ("inspections", "subjects"), ("inspections", "findings"),
                ("penalty-decisions", "payments")}
NOT_LISTS = {("license-applications", "attachment_file"), ("documents", "pdf"),  # a file download each
             ("inspections", "evidence_file"),
             ("documents", "twin")}  # one document's JSON twin (its facts were kept when it was rendered)
QUERY_PARAMS = {("instruments", "lookup"): {"serial_number": "QC-0"}}


def list_routes() -> list[tuple[str, str | None, bool]]:
    """(prefix, action name or None for the list itself, detail) of every GET list route of both routers."""
    routes = []
    for router in (registry_router, certificates_router, inspections_router):
        for prefix, viewset, _basename in router.registry:
            if hasattr(viewset, "list"):
                routes.append((prefix, None, False))
            for action in viewset.get_extra_actions():
                if "get" not in action.mapping:
                    continue
                key = (prefix, action.__name__)
                if not action.detail:
                    routes.append((prefix, action.__name__, False))
                elif key in DETAIL_LISTS:
                    routes.append((prefix, action.__name__, True))
                else:
                    assert key in NOT_LISTS, f"{key} is a detail GET action: add it to DETAIL_LISTS or NOT_LISTS"
    return routes


def _url(prefix: str, action: str | None, detail: bool, subjects: dict | None = None) -> str:
    """The route's path; without `subjects`, as pinned ("{id}" for the object of a detail action)."""
    if action is None:
        return f"/api/v1/{prefix}/"
    path = action.replace("_", "-")
    if detail:
        return f"/api/v1/{prefix}/{subjects[prefix] if subjects else '{id}'}/{path}"
    return f"/api/v1/{prefix}/{path}"


class World:
    """The rows every list shows; `grow(n)` adds n of each, and n more related rows to the counted subjects."""

    def __init__(self, officer, technician):
        self.officer, self.technician = officer, technician
        grant_power(officer)  # the Director's power to sanction: they sign the decisions of the counted cases
        self.hospital = make_hospital(name="Bệnh viện Đa khoa tỉnh Quảng Trị")
        self.scale = InstrumentType.objects.get(code="PLATFORM_COUNTER_SCALE")
        self.instrument = self._instrument(serial="QC-0")
        self.worker = self.hospital.workers[0]
        self.rounds = 0
        self.officer_client = _client(officer)
        self._licence(self.hospital)
        self.leader = UserFactory(role="inspector", organization=officer.organization)
        self.case = self._case([self.hospital.organization])
        self.subject = self.case.subjects.get()
        self.decision = self._sanction(self.case)

    def _sanction(self, case):
        """The hospital's violation in `case`, its record, and a decision with two remedies."""
        violation = violation_add(
            actor=self.leader, inspection_id=case.pk, violator_id=self.hospital.organization.pk, facts="Cân hết hạn",
            violation_type_id=ViolationType.objects.get(code="USE_G2_VIOLATION_BAND1").pk,
            act_date=timezone.localdate(), instrument_ids=[], circumstance_ids=[])
        record = violation_record_issue(actor=self.leader, inspection_id=case.pk,
                                        violator_id=self.hospital.organization.pk, place="Khoa",
                                        made_on=timezone.localdate(), made_at=time(9), ended_at=time(10))
        deadline = timezone.localdate() + timedelta(days=30)
        return penalty_decision_issue(
            actor=self.officer, record_id=record.pk, decided_on=timezone.localdate(),
            fines=[FineInput(violation.pk, 1_500_000)],
            remedies=[RemedyInput(kind="other", text=f"Biện pháp {n}", deadline=deadline) for n in (1, 2)])

    def _instrument(self, serial: str | None = None) -> Instrument:
        extra = {"serial_number": serial} if serial else {}
        return InstrumentFactory(instrument_type=self.scale, owner=self.hospital.organization,
                                 assigned_body=self.technician.organization, **extra)

    def _verify(self, instrument: Instrument, days_ago: int, readings: int) -> None:
        verification_record(actor=self.technician, instrument_id=instrument.pk, kind="periodic",
                            performed_on=timezone.localdate() - timedelta(days=days_ago), procedure="ĐLVN 15:2009",
                            result="pass", readings=[ReadingInput(i, i, "kg", 1) for i in range(1, readings + 1)])

    def _licence(self, hospital) -> None:
        client = _client(hospital.user)
        application = client.post("/api/v1/license-applications/", application_payload(hospital),
                                  format="json").json()
        issued = self.officer_client.post(f"/api/v1/license-applications/{application['id']}/issue",
                                          {"conditions": ["Chỉ sử dụng tại phòng đã kiểm xạ."]}, format="json")
        assert issued.status_code == 201, issued.json()

    def _case(self, organizations):
        """An open metrology check of `organizations` by the leader's team, from a plan."""
        topic = Topic.objects.get(code="metrology")
        plan = inspection_plan_create(actor=self.officer, year=2022, topic_id=topic.pk, title="Kế hoạch",
                                      planned_month=5, inspecting_body_id=self.officer.organization_id,
                                      subject_ids=[organization.pk for organization in organizations])
        case = inspection_create(actor=self.officer, kind="check", title="Kiểm tra", plan_id=plan.pk,
                                 inspecting_body_id=self.officer.organization_id)
        inspection_team_set(actor=self.officer, inspection_id=case.pk, members=[
            TeamMemberInput(self.leader.pk, is_leader=True),
            *(TeamMemberInput(UserFactory(role="inspector", organization=self.officer.organization).pk)
              for _ in range(self.rounds))])
        inspection_open(actor=self.officer, inspection_id=case.pk, decision_number=f"{case.pk}/QĐ",
                        decision_date=timezone.localdate(), decision_signer_name="Trần Văn Bình")
        return case

    def _grow_case(self, index: int) -> None:
        """Another case, and in the counted one another subject, examined items, findings and evidence."""
        self._sanction(self._case([self.hospital.organization, OrganizationFactory()]))
        payment_record(actor=self.officer, decision_id=self.decision.pk, paid_on=timezone.localdate(),
                       amount=1_000, receipt_number=f"BL-{index}")
        subject_add(actor=self.leader, inspection_id=self.case.pk, organization_id=OrganizationFactory().pk)
        topic = Topic.objects.get(code="metrology")
        for code in ("marking", "storage-use"):
            item = examined_item_add(actor=self.leader, inspection_id=self.case.pk, subject_id=self.subject.pk,
                                     kind="instrument", serial_number=f"QC-FOUND-{index}-{code}",
                                     description="Cân chưa đăng ký")
            finding = finding_record(actor=self.leader, inspection_id=self.case.pk, subject_id=self.subject.pk,
                                     examined_item_id=item.pk, checklist_item_id=topic.checklist_items.get(
                                         code=code).pk, result="not_conforming")
            evidence_attach(actor=self.leader, inspection_id=self.case.pk, finding_id=finding.pk,
                            file=SimpleUploadedFile("tem.pdf", real_pdf(), "application/pdf"))

    def grow(self, n: int) -> None:
        user = self.hospital.user
        for _ in range(n):
            self.rounds += 1
            index = self.rounds
            # Instruments of the business, each with more verifications and readings than the last round.
            for _k in range(2):
                self._verify(self._instrument(), days_ago=400 - index, readings=index + 1)
            self._verify(self.instrument, days_ago=300 - index, readings=index + 1)
            # Another facility with its devices, workers, an issued licence; the business's own grow too.
            other = make_hospital(name=f"Phòng khám số {index}")
            self._licence(other)
            device = xray_device_register(actor=user, kind="dental_intraoral", manufacturer="Planmeca",
                                          model="ProX", serial_number=f"QC-PX-{index}", room=f"Phòng {index}")
            verify_device(user, device, timezone.localdate() - timedelta(days=20))
            verify_device(user, self.hospital.ct, timezone.localdate() - timedelta(days=index))
            worker = radiation_worker_register(actor=user, full_name=f"Nhân viên {index}", job="Kỹ thuật viên",
                                               certificate_number=f"CC-QC-{index:04d}")
            year = timezone.localdate().year - 1 - index
            for target in (worker, self.worker):
                dose_reading_record(actor=user, worker_id=target.pk, period_start=date(year, 1, 1),
                                    period_end=date(year, 12, 31), hp10_msv=Decimal("25"))
            UserFactory(role="business", organization=self.hospital.organization)
            # Due soon: the scan writes notices and a digest (a document) for the business.
            Instrument.objects.filter(owner=self.hospital.organization, pk__gt=self.instrument.pk).update(
                valid_until=timezone.localdate() + timedelta(days=5))
            _client(user).post("/api/v1/license-applications/", application_payload(
                self.hospital, devices=[device.pk], dosimetry_contract_number=f"HĐ-QC-{index}"), format="json")
            # An amendment of the catalogue of sanctions: a new version of a violation type.
            amended = ViolationType.objects.order_by("pk").first()
            amended.pk, amended.in_force_from = None, date(2030 + index, 1, 1)
            amended.save()
            self._grow_case(index)
        notices_scan(as_of=timezone.localdate() + timedelta(days=self.rounds))

    def subjects(self) -> dict:
        return {"xray-devices": self.hospital.ct.pk, "radiation-workers": self.worker.pk,
                "instruments": self.instrument.pk, "inspections": self.case.pk,
                "penalty-decisions": self.decision.pk}


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _count(client, url: str, params: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response.status_code, len(queries)


def test_every_list_route_costs_its_pinned_number_of_queries_whatever_the_rows(officer, technician,
                                                                                inspection_catalog):
    call_command("load_inspection_topics", stdout=io.StringIO())
    world = World(officer, technician)
    callers = {"officer": _client(officer), "business": _client(world.hospital.user)}
    routes = list_routes()

    world.grow(1)
    for client in callers.values():  # process-wide caches (catalogue, content types) filled before counting
        for prefix, action, detail in routes:
            client.get(_url(prefix, action, detail, world.subjects()), QUERY_PARAMS.get((prefix, action), {}))
    few = {}
    for role, client in callers.items():
        for prefix, action, detail in routes:
            url = _url(prefix, action, detail, world.subjects())
            few[(role, _url(prefix, action, detail))] = _count(client, url, QUERY_PARAMS.get((prefix, action), {}))
    world.grow(3)
    many = {}
    for role, client in callers.items():
        for prefix, action, detail in routes:
            url = _url(prefix, action, detail, world.subjects())
            many[(role, _url(prefix, action, detail))] = _count(client, url, QUERY_PARAMS.get((prefix, action), {}))

    measured, problems = {}, []
    for (role, url), (status, count) in many.items():
        few_status, few_count = few[(role, url)]
        if role == "officer":
            assert status == few_status == 200, f"{url} answers the officer {status}"
        elif status != 200:
            continue  # a business may not list this one (403), nothing to count
        measured[f"{role} GET {url}"] = count
        if count != few_count:
            problems.append(f"{role} GET {url}: {few_count} queries with few rows, {count} with more")
    assert len({key.split(" ")[2] for key in measured}) == len(routes)

    if UPDATE:
        PINNED.write_text(json.dumps(dict(sorted(measured.items())), indent=2, ensure_ascii=False) + "\n")
    pinned = json.loads(PINNED.read_text()) if PINNED.exists() else {}
    for key, count in measured.items():
        if key not in pinned:
            problems.append(f"{key}: no pinned count in tests/{PINNED.name}; pin it ({count}) with "
                            "UPDATE_QUERY_COUNTS=1 pytest tests/test_query_counts.py")
        elif pinned[key] != count:
            problems.append(f"{key}: {count} queries, pinned {pinned[key]} (UPDATE_QUERY_COUNTS=1 to accept)")
    stale = sorted(set(pinned) - set(measured))
    assert not stale, f"pinned routes that no longer exist (UPDATE_QUERY_COUNTS=1 rewrites the file): {stale}"
    assert not problems, "\n".join(problems)
