"""Reads of the X-ray register, scoped to the caller: facilities see their own, officers and inspectors all."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from certificates.models import Document
from registry.dates import working_days_between
from registry.models import (
    ApplicationAttachment,
    ChecklistItem,
    DoseAlert,
    DoseReading,
    LicenseApplication,
    LicenseApplicationStatus,
    RadiationLicense,
    RadiationLicenseStatus,
    RadiationWorker,
    Role,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceVerification,
    identity_key,
)
from registry.selectors.instruments import VerificationState, state_from_verifications
from registry.selectors.organizations import READ_ALL_ROLES

__all__ = [
    "ApplicationCheckRow",
    "ApplicationDeadline",
    "ChecklistRow",
    "checklists_by_application_kind",
    "dose_alert_list",
    "dose_readings_of",
    "expiring_window_end",
    "license_application_attachment_get",
    "license_application_check_rows",
    "license_application_checklist",
    "license_application_deadlines",
    "license_application_get",
    "license_application_get_for_update",
    "license_application_list",
    "license_application_queue",
    "license_document",
    "license_status_q",
    "radiation_license_get",
    "radiation_license_get_for_update",
    "radiation_license_list",
    "radiation_worker_get",
    "radiation_worker_get_for_update",
    "radiation_worker_list",
    "xray_device_get",
    "xray_device_get_for_update",
    "xray_device_list",
    "xray_device_lookup",
    "xray_device_verification_state",
    "xray_device_verifications",
]

def _facility_scope(queryset: QuerySet, *, actor: User, field: str = "facility_id") -> QuerySet:
    if actor.role in READ_ALL_ROLES:
        return queryset
    if actor.role == Role.BUSINESS:
        return queryset.filter(**{field: actor.organization_id})
    return queryset.none()


def xray_device_list(*, actor: User) -> QuerySet[XrayDevice]:
    return _facility_scope(XrayDevice.objects.select_related("facility"), actor=actor)


def xray_device_get(*, actor: User, pk: int) -> XrayDevice:
    return get_object_or_404(xray_device_list(actor=actor), pk=pk)


def xray_device_get_for_update(*, actor: User, pk: int) -> XrayDevice:
    """Lock a device the caller may see (404 otherwise), alone: its relations are read after the lock."""
    locked = XrayDevice.objects.select_for_update(no_key=True)
    return get_object_or_404(_facility_scope(locked, actor=actor), pk=pk)


def xray_device_lookup(*, actor: User, serial_number: str) -> QuerySet[XrayDevice]:
    """X-ray units by their exact serial number (case and spacing aside), within the caller's scope."""
    return xray_device_list(actor=actor).filter(serial_key=identity_key(serial_number, drop_spaces=True))


def xray_device_verification_state(*, device: XrayDevice, on: date) -> VerificationState:
    """The verification state of an X-ray unit on a day, from its verifications performed on or before it; the
    certificate number is the one recorded with the last pass (these certificates are issued outside the service).
    The caller may see the device."""
    done = device.verifications.filter(performed_on__lte=on).order_by("-performed_on", "-id")
    latest = done.first()
    last_pass = done.filter(result=VerificationResult.PASS).first()
    return state_from_verifications(latest, last_pass, on, last_pass.certificate_number if last_pass else "")


def xray_device_verifications(*, device: XrayDevice) -> QuerySet[XrayDeviceVerification]:
    """A device's verifications (the caller may see the device), newest first."""
    return device.verifications.order_by("-performed_on", "-id")


def radiation_worker_list(*, actor: User) -> QuerySet[RadiationWorker]:
    flagged = DoseAlert.objects.filter(worker_id=OuterRef("pk"), acknowledged_at__isnull=True)
    workers = RadiationWorker.objects.select_related("facility").annotate(dose_flagged=Exists(flagged))
    return _facility_scope(workers, actor=actor)


def radiation_worker_get(*, actor: User, pk: int) -> RadiationWorker:
    return get_object_or_404(radiation_worker_list(actor=actor), pk=pk)


def radiation_worker_get_for_update(*, actor: User, pk: int) -> RadiationWorker:
    locked = RadiationWorker.objects.select_for_update(no_key=True)
    return get_object_or_404(_facility_scope(locked, actor=actor), pk=pk)


def dose_readings_of(*, worker: RadiationWorker) -> QuerySet[DoseReading]:
    """A worker's dose readings (the caller may see the worker), the latest period first."""
    return worker.dose_readings.order_by("-period_end", "-id")


def dose_alert_list(*, actor: User) -> QuerySet[DoseAlert]:
    return _facility_scope(DoseAlert.objects.select_related("worker", "facility"), actor=actor)


def license_application_list(*, actor: User) -> QuerySet[LicenseApplication]:
    applications = LicenseApplication.objects.select_related(
        "facility", "safety_officer", "previous_license", "license"
    ).prefetch_related("devices", "checks", "attachments__item")
    return _facility_scope(applications, actor=actor)


def license_application_get(*, actor: User, pk: int) -> LicenseApplication:
    return get_object_or_404(license_application_list(actor=actor), pk=pk)


def license_application_get_for_update(*, actor: User, pk: int) -> LicenseApplication:
    locked = LicenseApplication.objects.select_for_update(no_key=True)
    return get_object_or_404(_facility_scope(locked, actor=actor), pk=pk)


def license_application_queue(*, actor: User, status: str = "") -> QuerySet[LicenseApplication]:
    """Applications of one status (all when none): those still to decide by the nearest decision deadline, the
    others the latest filed first."""
    applications = license_application_list(actor=actor)
    if status:
        applications = applications.filter(status=status)
    if status == LicenseApplicationStatus.SUBMITTED:
        return applications.order_by("processing_deadline", "filed_on", "id")
    return applications


@dataclass(frozen=True)
class ApplicationDeadline:
    """One working-day deadline of an application (Decree 142/2020 Art. 29.4, 30.5): the day it falls on and the
    working days left, counted from today while the file is open and from the day of the decision once decided;
    0 on the day itself, negative when it was (or is being) missed."""

    code: str  # "completeness" (the check that the file is complete) or "decision"
    due_on: date
    working_days_left: int
    decided_on: date | None

    @property
    def working_days_late(self) -> int:
        return max(0, -self.working_days_left)

    @property
    def state(self) -> str:
        """open, due_today or late while undecided; met or missed once decided."""
        if self.decided_on is not None:
            return "met" if self.working_days_left >= 0 else "missed"
        if self.working_days_left == 0:
            return "due_today"
        return "open" if self.working_days_left > 0 else "late"


def license_application_deadlines(application: LicenseApplication, *,
                                  today: date | None = None) -> list[ApplicationDeadline]:
    """The application's deadlines counted down in working days (registry.dates: weekends, Vietnamese holidays and
    make-up Saturdays); the days themselves were computed when it was filed, from the legal numbers then in force.
    A refusal at filing (a failed prerequisite) or an officer's decision closes both. No query."""
    decided_on = timezone.localtime(application.decided_at).date() if application.decided_at else None
    counted_to = decided_on or today or timezone.localdate()
    return [ApplicationDeadline(code, due_on, working_days_between(counted_to, due_on), decided_on)
            for code, due_on in (("completeness", application.completeness_deadline),
                                 ("decision", application.processing_deadline))]


@dataclass(frozen=True)
class ApplicationCheckRow:
    """A prerequisite check recorded on an application, with the device it checked when it checked one."""

    kind: str  # device-verification, safety-officer, dosimetry-contract, previous-license, renewal-lead-time
    passed: bool
    reason: str
    device: XrayDevice | None = None


def license_application_check_rows(application: LicenseApplication) -> list[ApplicationCheckRow]:
    """The checks run on the application (at filing, and again at an issue), in the order they ran; a device's
    check (code device-verification-<id>) names its device. No query beyond the list's prefetches."""
    devices = {f"device-verification-{device.pk}": device for device in application.devices.all()}
    return [ApplicationCheckRow("device-verification" if check.code in devices else check.code, check.passed,
                                check.reason, devices.get(check.code))
            for check in application.checks.all()]


@dataclass(frozen=True)
class ChecklistRow:
    """A document the file of this kind must hold, and what the facility gave for it (None: nothing yet)."""

    item: ChecklistItem
    attachment: ApplicationAttachment | None


def license_application_checklist(application: LicenseApplication,
                                  checklists: dict[str, list[ChecklistItem]]) -> list[ChecklistRow]:
    """The officer's completeness check: each item of the checklist of the application's kind
    (checklists_by_application_kind) beside the attachment given for it."""
    given = {attachment.item.code: attachment for attachment in application.attachments.all()}
    return [ChecklistRow(item, given.get(item.code)) for item in checklists.get(application.kind, [])]


def checklists_by_application_kind() -> dict[str, list[ChecklistItem]]:
    """The checklist of each kind of application (Decree 142/2020 Art. 29): one query for a whole page."""
    checklists = {}
    for item in ChecklistItem.objects.all():
        checklists.setdefault(item.application_kind, []).append(item)
    return checklists


def license_application_attachment_get(*, actor: User, pk: int, item_code: str) -> ApplicationAttachment:
    """An uploaded checklist document, for those who may see its application; anyone else gets 404."""
    attachments = ApplicationAttachment.objects.select_related("item").exclude(file="")
    return get_object_or_404(attachments, application__in=license_application_list(actor=actor), application_id=pk,
                             item__code=item_code)


def expiring_window_end(today: date) -> date:
    return today + timedelta(days=settings.LICENSE_EXPIRING_DAYS)


def license_status_q(status: str) -> Q:
    """The condition for a licence's list status as of today: active / expiring / expired / suspended / ...."""
    today = timezone.localdate()
    active = Q(status=RadiationLicenseStatus.ACTIVE)
    conditions = {
        "active": active & Q(valid_until__gt=expiring_window_end(today)),
        "expiring": active & Q(valid_until__gte=today, valid_until__lte=expiring_window_end(today)),
        "expired": active & Q(valid_until__lt=today),
    }
    return conditions.get(status, Q(status=status))


def _with_list_status(licenses: QuerySet[RadiationLicense]) -> QuerySet[RadiationLicense]:
    statuses = ["expired", "expiring", "active", *[s.value for s in RadiationLicenseStatus if s != "active"]]
    return licenses.annotate(list_status=Case(
        *(When(license_status_q(status), then=Value(status)) for status in statuses), output_field=CharField(),
    ))


def radiation_license_list(*, actor: User) -> QuerySet[RadiationLicense]:
    licenses = RadiationLicense.objects.select_related("facility", "safety_officer").prefetch_related(
        Prefetch("devices", queryset=XrayDevice.objects.select_related("facility")), "documents")
    return _with_list_status(_facility_scope(licenses, actor=actor))


def radiation_license_get(*, actor: User, pk: int) -> RadiationLicense:
    return get_object_or_404(radiation_license_list(actor=actor), pk=pk)


def radiation_license_get_for_update(*, actor: User, pk: int) -> RadiationLicense:
    locked = RadiationLicense.objects.select_for_update(no_key=True)
    return get_object_or_404(_facility_scope(locked, actor=actor), pk=pk)


def license_document(license: RadiationLicense) -> Document | None:
    """The licence's document (one per licence), from prefetched documents when there are."""
    documents = sorted(license.documents.all(), key=lambda d: d.pk)
    return documents[-1] if documents else None
