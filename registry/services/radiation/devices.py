"""The X-ray register: devices and their verifications, radiation workers and their doses."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from registry.dates import add_months
from registry.legal import legal_parameter
from registry.models import (
    DoseAlert,
    DoseAlertKind,
    DoseReading,
    Organization,
    OrganizationKind,
    RadiationWorker,
    Role,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceVerification,
    identity_key,
)
from registry.permissions import has_role, require
from registry.selectors import radiation_worker_get_for_update, xray_device_get_for_update
from registry.validators import normalize_serial

__all__ = [
    "FACILITY_KINDS",
    "acting_facility",
    "dose_limits_check",
    "dose_reading_record",
    "may_keep_radiation_register",
    "radiation_worker_register",
    "xray_device_register",
    "xray_device_verification_record",
]


FACILITY_KINDS = (OrganizationKind.HOSPITAL, OrganizationKind.BUSINESS)


def may_keep_radiation_register(actor: User) -> bool:
    """A facility's own users and officers register its X-ray units and workers and record their verifications
    and doses."""
    return has_role(actor, Role.BUSINESS, Role.OFFICER)


def acting_facility(actor: User, facility_id: int | None) -> Organization:
    """A facility user acts for its own facility; officers name one."""
    if actor.role == Role.BUSINESS:
        if facility_id not in (None, actor.organization_id):
            raise ValidationError({"facility": _("You may act only for your own facility.")})
        return actor.organization
    facility = Organization.objects.filter(pk=facility_id, kind__in=FACILITY_KINDS).first()
    if facility is None:
        raise ValidationError({"facility": _("Unknown facility.")})
    return facility


@transaction.atomic
def xray_device_register(*, actor: User, facility_id: int | None = None, **fields) -> XrayDevice:
    """Register a diagnostic X-ray unit of a facility (its own users or an officer)."""
    require(may_keep_radiation_register(actor))
    if "serial_number" in fields:
        fields["serial_number"] = normalize_serial(fields["serial_number"])
    device = XrayDevice(facility=acting_facility(actor, facility_id), **fields)
    device.full_clean(exclude=["serial_key", "manufacturer_key"], validate_constraints=False)
    if XrayDevice.objects.filter(manufacturer_key=identity_key(device.manufacturer),
                                 serial_key=identity_key(device.serial_number, drop_spaces=True)).exists():
        raise ValidationError({"serial_number": _("A device of this manufacturer with this serial is registered.")})
    try:
        with transaction.atomic():
            device.save()
    except IntegrityError as exc:
        raise ValidationError({"serial_number": _("A device of this manufacturer with this serial is registered.")}) \
            from exc
    return device


@transaction.atomic
def xray_device_verification_record(*, actor: User, device_id: int, performed_on: date, body_name: str,
                                    result: str, certificate_number: str = "") -> XrayDeviceVerification:
    """Record a verification of an X-ray unit; valid-until follows the cycle of its kind in force that day
    (12 months for CT and fluoroscopy, 24 for other diagnostic X-ray: Joint Circular 13/2014 Art. 9)."""
    device = xray_device_get_for_update(actor=actor, pk=device_id)  # 404 first: never reveal the rest
    require(may_keep_radiation_register(actor))
    if performed_on > timezone.localdate():
        raise ValidationError({"performed_on": _("A verification cannot be dated in the future (today is %(today)s).")
                               % {"today": timezone.localdate().isoformat()}})
    cycle = legal_parameter(f"xray.verification_cycle_months.{device.kind}", on=performed_on, field="performed_on")
    passed = result == VerificationResult.PASS
    verification = XrayDeviceVerification(
        device=device, performed_on=performed_on, body_name=body_name.strip(), result=result,
        certificate_number=certificate_number.strip(), recorded_by=actor, cycle_legal_basis=cycle.legal_basis,
        valid_until=add_months(performed_on, int(cycle.value)) if passed else None,
    )
    verification.full_clean()
    verification.save()
    if device.last_verified_on is None or performed_on >= device.last_verified_on:
        device.last_verified_on, device.last_result = performed_on, result
        device.valid_until = verification.valid_until
        device.save(update_fields=["last_verified_on", "last_result", "valid_until"])
    return verification


@transaction.atomic
def radiation_worker_register(*, actor: User, facility_id: int | None = None, **fields) -> RadiationWorker:
    """Register a radiation worker of a facility; the certificate has no expiry (Decree 142/2020 Art. 37.2)."""
    require(may_keep_radiation_register(actor))
    worker = RadiationWorker(facility=acting_facility(actor, facility_id), **fields)
    if worker.is_safety_officer and not worker.certificate_number:
        raise ValidationError({"certificate_number": _(
            "A radiation safety officer needs a radiation worker certificate (Decree 142/2020 Art. 8.1.b).")})
    worker.full_clean()
    worker.save()
    return worker


@transaction.atomic
def dose_reading_record(*, actor: User, worker_id: int, period_start: date, period_end: date,
                        hp10_msv: Decimal) -> DoseReading:
    """Record a personal dose reading and flag the worker and the facility when a limit is passed."""
    worker = radiation_worker_get_for_update(actor=actor, pk=worker_id)  # 404 first: never reveal the rest
    require(may_keep_radiation_register(actor))
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    if DoseReading.objects.filter(worker=worker, period_start=period_start, period_end=period_end).exists():
        raise ValidationError({"period_start": _("A reading for this period is already recorded.")})
    reading = DoseReading(worker=worker, period_start=period_start, period_end=period_end, hp10_msv=hp10_msv,
                          recorded_by=actor)
    reading.full_clean()
    reading.save()
    dose_limits_check(worker=worker, year=period_end.year)
    return reading


def _annual_dose(worker: RadiationWorker, year: int) -> Decimal:
    # A reading counts in the year its period ends in (dosimeters are read per quarter at most).
    total = worker.dose_readings.filter(period_end__year=year).aggregate(total=Sum("hp10_msv"))["total"]
    return total or Decimal(0)


def dose_limits_check(*, worker: RadiationWorker, year: int) -> list[DoseAlert]:
    """Decree 142/2020 Art. 5.2.a: at most 50 mSv in any year, and 20 mSv a year averaged over 5 years."""
    on = date(year, 12, 31)
    annual_limit = legal_parameter("dose.worker_annual_limit_msv", on=on, field="period_end")
    average_limit = legal_parameter("dose.worker_five_year_average_limit_msv", on=on, field="period_end")
    annual = _annual_dose(worker, year)
    five_years = sum((_annual_dose(worker, y) for y in range(year - 4, year + 1)), Decimal(0))
    alerts = []
    if annual > annual_limit.value:
        alerts.append(_alert(worker, DoseAlertKind.ANNUAL, year, annual, annual_limit))
    if five_years / 5 > average_limit.value:
        alerts.append(_alert(worker, DoseAlertKind.FIVE_YEAR_AVERAGE, year, five_years / 5, average_limit))
    return alerts


def _alert(worker, kind, year, total, limit) -> DoseAlert:
    alert, _created = DoseAlert.objects.update_or_create(
        worker=worker, kind=kind, year=year,
        defaults={"facility_id": worker.facility_id, "total_msv": total, "limit_msv": limit.value,
                  "legal_basis": limit.legal_basis},
    )
    return alert
