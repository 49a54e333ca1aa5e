"""Reads of the X-ray register, scoped to the caller: facilities see their own, officers and inspectors all."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Document
from registry.models import (
    ApplicationAttachment,
    DoseAlert,
    LegalParameter,
    LicenseApplication,
    Organization,
    OrganizationKind,
    RadiationLicense,
    RadiationLicenseStatus,
    RadiationWorker,
    Role,
    User,
    XrayDevice,
)

__all__ = [
    "department_for",
    "dose_alert_list",
    "expiring_window_end",
    "legal_parameter",
    "legal_value",
    "license_application_attachment_get",
    "license_application_get",
    "license_application_list",
    "license_document",
    "license_status_q",
    "radiation_license_get",
    "radiation_license_list",
    "radiation_worker_get",
    "radiation_worker_list",
    "xray_device_get",
    "xray_device_list",
]

_READ_ALL_ROLES = (Role.OFFICER, Role.INSPECTOR)


def legal_parameter(key: str, *, on: date, field: str | None = None) -> LegalParameter:
    """The row of a legal number in force on a day; a missing one is a configuration error worth a clear 400.

    `field` names the input date that chose the day: when the catalogue has the number but only from a later day,
    the date is what is wrong, and the answer names that field (issue 7, defect 9)."""
    parameter = LegalParameter.objects.filter(key=key, in_force_from__lte=on).order_by("-in_force_from").first()
    first = LegalParameter.objects.filter(key=key).order_by("in_force_from").first() if parameter is None else None
    if parameter is None and field and first is not None:
        raise ValidationError({field: _("The rules for this date are not in the catalogue, which starts on "
                                        "%(first)s: enter a date on or after it.") % {"first": first.in_force_from}})
    if parameter is None:
        raise ValidationError(_("The legal parameter %(key)s has no value in force on %(day)s; an officer must "
                                "load it.") % {"key": key, "day": on.isoformat()})
    return parameter


def legal_value(key: str, *, on: date, field: str | None = None) -> Decimal:
    return legal_parameter(key, on=on, field=field).value


def department_for(actor: User | None = None) -> Organization:
    """The department that issues licences and notices: the officer's own, else the registered one, else one
    created from settings (DEPARTMENT_NAME, ...)."""
    if actor is not None and actor.organization_id and actor.organization.kind == OrganizationKind.DEPARTMENT:
        return actor.organization
    department = Organization.objects.filter(kind=OrganizationKind.DEPARTMENT).order_by("id").first()
    if department is None:
        department = Organization.objects.create(
            kind=OrganizationKind.DEPARTMENT, name=settings.DEPARTMENT_NAME, province=settings.DEPARTMENT_PROVINCE,
            address=settings.DEPARTMENT_ADDRESS, parent_name=settings.DEPARTMENT_PARENT_NAME,
        )
    return department


def _facility_scope(queryset: QuerySet, *, actor: User, field: str = "facility_id") -> QuerySet:
    if actor.role in _READ_ALL_ROLES:
        return queryset
    if actor.role == Role.BUSINESS:
        return queryset.filter(**{field: actor.organization_id})
    return queryset.none()


def xray_device_list(*, actor: User) -> QuerySet[XrayDevice]:
    return _facility_scope(XrayDevice.objects.select_related("facility"), actor=actor)


def xray_device_get(*, actor: User, pk: int) -> XrayDevice:
    return get_object_or_404(xray_device_list(actor=actor), pk=pk)


def radiation_worker_list(*, actor: User) -> QuerySet[RadiationWorker]:
    flagged = DoseAlert.objects.filter(worker_id=OuterRef("pk"), acknowledged_at__isnull=True)
    workers = RadiationWorker.objects.select_related("facility").annotate(dose_flagged=Exists(flagged))
    return _facility_scope(workers, actor=actor)


def radiation_worker_get(*, actor: User, pk: int) -> RadiationWorker:
    return get_object_or_404(radiation_worker_list(actor=actor), pk=pk)


def dose_alert_list(*, actor: User) -> QuerySet[DoseAlert]:
    return _facility_scope(DoseAlert.objects.select_related("worker", "facility"), actor=actor)


def license_application_list(*, actor: User) -> QuerySet[LicenseApplication]:
    applications = LicenseApplication.objects.select_related(
        "facility", "safety_officer", "previous_license", "license"
    ).prefetch_related("devices", "checks", "attachments__item")
    return _facility_scope(applications, actor=actor)


def license_application_get(*, actor: User, pk: int) -> LicenseApplication:
    return get_object_or_404(license_application_list(actor=actor), pk=pk)


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


def license_document(license: RadiationLicense) -> Document | None:
    """The licence's document (one per licence), from prefetched documents when there are."""
    documents = sorted(license.documents.all(), key=lambda d: d.pk)
    return documents[-1] if documents else None
