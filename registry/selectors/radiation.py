"""Reads of the X-ray register, scoped to the caller: facilities see their own, officers and inspectors all."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Case, CharField, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from certificates.models import Document
from registry.models import (
    ApplicationAttachment,
    ChecklistItem,
    DoseAlert,
    DoseReading,
    LicenseApplication,
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
    "checklists_by_application_kind",
    "dose_alert_list",
    "dose_readings_of",
    "expiring_window_end",
    "license_application_attachment_get",
    "license_application_get",
    "license_application_get_for_update",
    "license_application_list",
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
    return get_object_or_404(_facility_scope(XrayDevice.objects.select_for_update(), actor=actor), pk=pk)


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
    return get_object_or_404(_facility_scope(RadiationWorker.objects.select_for_update(), actor=actor), pk=pk)


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
    return get_object_or_404(_facility_scope(LicenseApplication.objects.select_for_update(), actor=actor), pk=pk)


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
    return get_object_or_404(_facility_scope(RadiationLicense.objects.select_for_update(), actor=actor), pk=pk)


def license_document(license: RadiationLicense) -> Document | None:
    """The licence's document (one per licence), from prefetched documents when there are."""
    documents = sorted(license.documents.all(), key=lambda d: d.pk)
    return documents[-1] if documents else None
