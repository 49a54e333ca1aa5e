"""Licences for radiation work (use of diagnostic X-ray): applications, their checks, decisions.

Every legal number (licence term, renewal lead time, verification age, processing times) is a LegalParameter
in force on the day it applies; the 2026 regime (Decree 332/2025) may change them without a code change.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record_created
from certificates.services import document_reinstate, document_request, document_revoke, document_suspend
from registry.dates import add_months, add_working_days
from registry.documents.license.kind import RADIATION_LICENSE
from registry.labels import XRAY_KIND_LABELS_VI
from registry.legal import legal_parameter, legal_value
from registry.models import (
    ApplicationAttachment,
    ApplicationCheck,
    ChecklistItem,
    LicenseApplication,
    LicenseApplicationKind,
    LicenseApplicationStatus,
    Organization,
    RadiationLicense,
    RadiationLicenseStatus,
    RadiationWorker,
    Role,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceKind,
    XrayDeviceStatus,
)
from registry.permissions import has_role, require
from registry.scans import display_name, scan_inspect
from registry.selectors import (
    department_for,
    license_application_get_for_update,
    license_application_list,
    license_document,
    radiation_license_get_for_update,
    radiation_license_list,
    radiation_worker_list,
    xray_device_list,
)
from registry.services.radiation.devices import acting_facility
from registry.validators import normalize_serial

__all__ = [
    "KINDS_WITHOUT_SAFETY_OFFICER",
    "AttachmentInput",
    "CheckResult",
    "LicensePrerequisites",
    "license_application_attach",
    "license_application_checks",
    "license_application_refuse",
    "license_application_submit",
    "license_issue",
    "license_prerequisites",
    "license_reinstate",
    "license_revoke",
    "license_suspend",
    "license_transcribe",
    "may_apply_for_license",
    "may_decide_license",
]


# Decree 142/2020 Art. 8.1.b: no safety officer is required where a facility has only intra-oral dental units.
KINDS_WITHOUT_SAFETY_OFFICER = {XrayDeviceKind.DENTAL_INTRAORAL}


@dataclass(frozen=True)
class CheckResult:
    code: str
    passed: bool
    reason: str = ""


@dataclass(frozen=True)
class AttachmentInput:
    item_code: str
    reference: str = ""
    file: object = None


def may_apply_for_license(actor: User) -> bool:
    """A facility's own users (or an officer for it) file applications and add to their files."""
    return has_role(actor, Role.BUSINESS, Role.OFFICER)


def may_decide_license(actor: User) -> bool:
    """Officers issue, refuse, suspend, reinstate, revoke and transcribe licences."""
    return has_role(actor, Role.OFFICER)


@transaction.atomic
def license_application_submit(
    *, actor: User, kind: str, device_ids: list[int], facility_id: int | None = None, filed_on: date | None = None,
    safety_officer_id: int | None = None, dosimetry_provider: str = "", dosimetry_contract_number: str = "",
    previous_license_id: int | None = None, requested_changes: str = "", attachments: list[AttachmentInput] = (),
) -> LicenseApplication:
    """File an application. The prerequisite checks run at once; any that fails refuses the application,
    one reason per failed check, and no licence is written."""
    require(may_apply_for_license(actor))
    facility = acting_facility(actor, facility_id)
    filed_on = filed_on or timezone.localdate()
    if filed_on > timezone.localdate():
        raise ValidationError({"filed_on": _("An application cannot be filed in the future.")})
    application = LicenseApplication(
        facility=facility, kind=kind, filed_on=filed_on, submitted_by=actor,
        safety_officer=_facility_worker(facility, safety_officer_id),
        previous_license=_previous_license(facility, kind, previous_license_id),
        dosimetry_provider=dosimetry_provider.strip(), dosimetry_contract_number=dosimetry_contract_number.strip(),
        requested_changes=requested_changes.strip(), **_deadlines(kind, filed_on),
    )
    application.full_clean()
    application.save()
    application.devices.set(_facility_devices(facility, device_ids))
    _attach(application, attachments)
    _record_checks(application, actor=actor)
    return application


def _deadlines(kind: str, filed_on: date) -> dict:
    """Decree 142/2020 Art. 29.4 and 30.5: a completeness check, then the processing time, in working days."""
    completeness = int(legal_value("license.completeness_check_working_days", on=filed_on, field="filed_on"))
    processing = int(legal_value(f"license.processing_working_days.{kind}", on=filed_on, field="filed_on"))
    completeness_deadline = add_working_days(filed_on, completeness)
    return {"completeness_deadline": completeness_deadline,
            "processing_deadline": add_working_days(completeness_deadline, processing)}


def _facility_worker(facility, worker_id: int | None) -> RadiationWorker | None:
    if worker_id is None:
        return None
    worker = RadiationWorker.objects.filter(pk=worker_id, facility=facility).first()
    if worker is None:
        raise ValidationError({"safety_officer": _("Unknown radiation worker of this facility.")})
    return worker


def _facility_devices(facility, device_ids: list[int]) -> list[XrayDevice]:
    devices = list(XrayDevice.objects.filter(pk__in=device_ids, facility=facility))
    if not device_ids or len(devices) != len(set(device_ids)):
        raise ValidationError({"devices": _("List at least one device, each one of this facility.")})
    return devices


def _previous_license(facility, kind: str, license_id: int | None) -> RadiationLicense | None:
    if kind == LicenseApplicationKind.NEW:
        if license_id is not None:  # ignoring it silently hid a client's mistake (issue 7, defect 9)
            raise ValidationError({"previous_license": _("A new application names no previous licence.")})
        return None
    previous = RadiationLicense.objects.filter(pk=license_id, facility=facility).first() if license_id else None
    if previous is None:
        raise ValidationError({"previous_license": _("A renewal, amendment or re-issue names the facility's "
                                                     "current licence.")})
    return previous


def _attach(application: LicenseApplication, attachments) -> None:
    items = {item.code: item for item in ChecklistItem.objects.filter(application_kind=application.kind)}
    for attachment in attachments:
        item = items.get(attachment.item_code)
        if item is None:
            raise ValidationError({"attachments": _("%(code)s is not on the checklist of this kind of file.")
                                   % {"code": attachment.item_code}})
        if not (attachment.reference or attachment.file):
            raise ValidationError({"attachments": _("%(code)s needs a file or a reference.")
                                   % {"code": attachment.item_code}})
        ApplicationAttachment.objects.create(application=application, item=item, reference=attachment.reference,
                                             file=attachment.file or "")


@transaction.atomic
def license_application_attach(*, actor: User, application_id: int, item_code: str, file=None,
                               reference: str = "") -> ApplicationAttachment:
    """Add (or replace) one checklist document of a file still under consideration: a PDF or image scan, or a
    reference to a paper document. The file is parsed whole and stored under a name the server chooses from
    the type it found; a replaced file leaves storage once the replacement is committed."""
    application = license_application_get_for_update(actor=actor, pk=application_id)  # 404 first
    require(may_apply_for_license(actor))
    if application.status != LicenseApplicationStatus.SUBMITTED:
        raise ValidationError({"status": _("This application is already decided.")})
    if file is not None:
        scan_type = scan_inspect(file)
        original_name = display_name(file.name)
        file.name = f"{uuid.uuid4().hex}.{scan_type.extension}"
    replaced = ApplicationAttachment.objects.filter(application=application, item__code=item_code).first()
    if replaced is not None:
        replaced.delete()
    _attach(application, [AttachmentInput(item_code=item_code, reference=reference.strip(), file=file)])
    attachment = application.attachments.get(item__code=item_code)
    if file is not None:
        attachment.content_type, attachment.original_name = scan_type.content_type, original_name
        attachment.save(update_fields=["content_type", "original_name"])
    return attachment


def _record_checks(application: LicenseApplication, *, actor: User) -> list[CheckResult]:
    results = license_application_checks(application)
    application.checks.all().delete()
    audit_record_created(actor=actor, instances=ApplicationCheck.objects.bulk_create(
        ApplicationCheck(application=application, code=r.code, passed=r.passed, reason=r.reason) for r in results))
    failed = [r.reason for r in results if not r.passed]
    if failed:
        application.status = LicenseApplicationStatus.REFUSED
        application.refusal_reasons = failed
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "refusal_reasons", "decided_at"])
    return results


def license_application_checks(application: LicenseApplication) -> list[CheckResult]:
    """The prerequisite checks, each with its own reason."""
    devices = list(application.devices.all())
    return [
        *(_device_check(device, application.filed_on) for device in devices),
        _safety_officer_check(application, devices),
        _dosimetry_check(application),
        *_previous_license_checks(application),
    ]


@dataclass(frozen=True)
class LicensePrerequisites:
    """Where a facility stands for its licence on a day (issue 10, the business's compliance page): the licence in
    force (or none), the last day a renewal of it may be filed, and the prerequisite checks an application filed
    that day would meet (a renewal of the licence in force, a new licence otherwise), each passed or with the reason
    the filing would be refused. `devices[i]` is the unit of the check `device-verification-<its id>`."""

    license: RadiationLicense | None
    kind: str  # LicenseApplicationKind: what the facility would file that day
    devices: list[XrayDevice]
    checks: list[CheckResult]
    renewal_deadline: date | None = None
    renewal_lead_days: int | None = None
    renewal_basis: str = ""

    @property
    def renewal_days_left(self) -> int | None:
        if self.renewal_deadline is None:
            return None
        return (self.renewal_deadline - timezone.localdate()).days


def license_prerequisites(*, actor: User, on: date | None = None) -> LicensePrerequisites:
    """The caller's facility's standing for its licence on a day (today by default), read through the caller's
    scope and judged by the very checks a filing runs (license_application_checks): nothing is written. The
    application it imagines names the licence's units still in use (the facility's units in use when it holds
    none), the licence's safety officer (or the facility's certified one) and the dosimetry contract of the
    facility's latest application that recorded one."""
    on = on or timezone.localdate()
    in_force = (radiation_license_list(actor=actor).filter(status=RadiationLicenseStatus.ACTIVE, valid_from__lte=on,
                                                          valid_until__gte=on).order_by("-valid_until", "-id").first())
    if in_force is not None:
        devices = [device for device in in_force.devices.all() if device.status != XrayDeviceStatus.DISPOSED]
    else:
        devices = list(xray_device_list(actor=actor).filter(status=XrayDeviceStatus.IN_USE).order_by("id"))
    safety_officer = in_force.safety_officer if in_force is not None else (
        radiation_worker_list(actor=actor).filter(active=True, is_safety_officer=True)
        .exclude(certificate_number="").order_by("id").first())
    contract = (license_application_list(actor=actor).exclude(dosimetry_contract_number="")
                .order_by("-filed_on", "-id").first())
    kind = LicenseApplicationKind.RENEWAL if in_force is not None else LicenseApplicationKind.NEW
    imagined = LicenseApplication(
        kind=kind, filed_on=on, previous_license=in_force, safety_officer=safety_officer,
        dosimetry_provider=contract.dosimetry_provider if contract else "",
        dosimetry_contract_number=contract.dosimetry_contract_number if contract else "")
    checks = [
        *(_device_check(device, on) for device in devices),
        _safety_officer_check(imagined, devices),
        _dosimetry_check(imagined),
        *_previous_license_checks(imagined),
    ]
    if in_force is None:
        return LicensePrerequisites(license=None, kind=kind, devices=devices, checks=checks)
    lead = legal_parameter("license.renewal_lead_days", on=on)
    return LicensePrerequisites(
        license=in_force, kind=kind, devices=devices, checks=checks,
        renewal_deadline=in_force.valid_until - timedelta(days=int(lead.value)), renewal_lead_days=int(lead.value),
        renewal_basis=lead.legal_basis)


def _device_check(device: XrayDevice, filed_on: date) -> CheckResult:
    max_age = legal_parameter("license.device_verification_max_age_months", on=filed_on, field="filed_on")
    latest = device.verifications.filter(result=VerificationResult.PASS).order_by("-performed_on").first()
    label = f"{XRAY_KIND_LABELS_VI[device.kind]} số {device.serial_number}"
    code = f"device-verification-{device.pk}"
    if latest is None:
        return CheckResult(code, False, _("%(device)s has no passing verification.") % {"device": label})
    too_old = add_months(latest.performed_on, int(max_age.value)) <= filed_on
    expired = latest.valid_until is not None and latest.valid_until < filed_on
    if too_old or expired:
        return CheckResult(code, False, _(
            "%(device)s: its last passing verification, on %(day)s, is not younger than %(months)s months "
            "(%(basis)s).") % {"device": label, "day": latest.performed_on.strftime("%d/%m/%Y"),
                               "months": int(max_age.value), "basis": max_age.legal_basis})
    return CheckResult(code, True)


def _safety_officer_check(application: LicenseApplication, devices: list[XrayDevice]) -> CheckResult:
    if devices and all(device.kind in KINDS_WITHOUT_SAFETY_OFFICER for device in devices):
        return CheckResult("safety-officer", True)
    officer = application.safety_officer
    if officer is None or not officer.is_safety_officer or not officer.certificate_number:
        return CheckResult("safety-officer", False, _(
            "No radiation safety officer with a radiation worker certificate is named (Decree 142/2020 Art. 8.1.b)."))
    return CheckResult("safety-officer", True)


def _dosimetry_check(application: LicenseApplication) -> CheckResult:
    if not (application.dosimetry_provider and application.dosimetry_contract_number):
        return CheckResult("dosimetry-contract", False, _(
            "No personal dosimetry contract is recorded (Joint Circular 13/2014 Art. 16)."))
    return CheckResult("dosimetry-contract", True)


def _previous_license_checks(application: LicenseApplication) -> list[CheckResult]:
    previous = application.previous_license
    if previous is None:
        return []
    if previous.status != RadiationLicenseStatus.ACTIVE or previous.valid_until < application.filed_on:
        return [CheckResult("previous-license", False, _(
            "The licence named is no longer in force; apply for a new licence."))]
    if application.kind != LicenseApplicationKind.RENEWAL:
        return [CheckResult("previous-license", True)]
    lead = legal_parameter("license.renewal_lead_days", on=application.filed_on)
    days_before = (previous.valid_until - application.filed_on).days
    if days_before < lead.value:
        return [CheckResult("renewal-lead-time", False, _(
            "A renewal must be filed at least %(days)s days before the licence expires on %(end)s; this one was "
            "filed %(before)s days before. Apply for a new licence (%(basis)s).") % {
                "days": int(lead.value), "end": previous.valid_until.strftime("%d/%m/%Y"), "before": days_before,
                "basis": lead.legal_basis})]
    return [CheckResult("renewal-lead-time", True)]


@transaction.atomic
def license_issue(*, actor: User, application_id: int, conditions: list[str] = ()) -> RadiationLicense:
    """An officer issues the licence: the checks run again; its validity follows Decree 142/2020 Art. 37."""
    application = license_application_get_for_update(actor=actor, pk=application_id)  # 404 first
    require(may_decide_license(actor))
    if application.status != LicenseApplicationStatus.SUBMITTED:
        raise ValidationError({"status": application.refusal_reasons or [_("This application is already decided.")]})
    failed = [r.reason for r in _record_checks(application, actor=actor) if not r.passed]
    if failed:
        raise ValidationError({"checks": failed})
    valid_from, valid_until = _validity(application)
    license = RadiationLicense(
        facility=application.facility, application=application, kind=application.kind,
        safety_officer=application.safety_officer, conditions="\n".join(c.strip() for c in conditions if c.strip()),
        valid_from=valid_from, valid_until=valid_until, previous=application.previous_license,
        issuer=department_for(actor), issued_by=actor,
    )
    license.full_clean()
    license.save()
    license.devices.set(application.devices.all())
    _decide(application, actor, LicenseApplicationStatus.ISSUED)
    document_request(kind=RADIATION_LICENSE.kind, subject=license, requested_by=actor,
                     supersedes=_replaced_document(license), supersession_reason=_replacement_reason(license))
    return license


def _validity(application: LicenseApplication) -> tuple[date, date]:
    """New: from today for the term. Renewal: from the old licence's end (Art. 37.3).
    Amendment and re-issue: from today to the old licence's end (Art. 37.4)."""
    today = timezone.localdate()
    previous = application.previous_license
    if application.kind == LicenseApplicationKind.NEW:
        return today, add_months(today, int(legal_value("license.term_months", on=today)))
    if application.kind == LicenseApplicationKind.RENEWAL:
        start = previous.valid_until
        return start, add_months(start, int(legal_value("license.term_months", on=start)))
    return today, previous.valid_until


def _replaced_document(license: RadiationLicense):
    """An amendment or re-issue replaces the old licence's document at once; a renewal follows it."""
    if license.kind in (LicenseApplicationKind.AMENDMENT, LicenseApplicationKind.REISSUE):
        return license_document(license.previous)
    return None


def _replacement_reason(license: RadiationLicense) -> str:
    if _replaced_document(license) is None:
        return ""
    return _("Replaced by the %(kind)s of %(day)s") % {"kind": license.get_kind_display(),
                                                      "day": timezone.localdate().strftime("%d/%m/%Y")}


def _decide(application: LicenseApplication, actor: User, status: str, reasons: list[str] = ()) -> None:
    application.status = status
    application.refusal_reasons = list(reasons)
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "refusal_reasons", "decided_by", "decided_at"])
    previous = application.previous_license
    if status == LicenseApplicationStatus.ISSUED and application.kind in (
            LicenseApplicationKind.AMENDMENT, LicenseApplicationKind.REISSUE):
        previous.status = RadiationLicenseStatus.SUPERSEDED
        previous.status_reason = _("Replaced by a %(kind)s.") % {"kind": application.get_kind_display()}
        previous.status_changed_at = timezone.now()
        previous.save(update_fields=["status", "status_reason", "status_changed_at"])


@transaction.atomic
def license_application_refuse(*, actor: User, application_id: int, reason: str) -> LicenseApplication:
    """An officer refuses an application, with the reason the facility will read."""
    application = license_application_get_for_update(actor=actor, pk=application_id)  # 404 first
    require(may_decide_license(actor))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("A refusal needs a reason.")})
    if application.status != LicenseApplicationStatus.SUBMITTED:
        raise ValidationError({"status": _("This application is already decided.")})
    _decide(application, actor, LicenseApplicationStatus.REFUSED, [reason.strip()])
    return application


def _change_status(actor: User, license_id: int, status: str, reason: str) -> RadiationLicense:
    license = radiation_license_get_for_update(actor=actor, pk=license_id)  # 404 first
    require(may_decide_license(actor))
    if status != RadiationLicenseStatus.ACTIVE and not (reason or "").strip():
        raise ValidationError({"reason": _("This decision needs a reason.")})
    allowed = {RadiationLicenseStatus.SUSPENDED: (RadiationLicenseStatus.ACTIVE,),
               RadiationLicenseStatus.ACTIVE: (RadiationLicenseStatus.SUSPENDED,),
               RadiationLicenseStatus.REVOKED: (RadiationLicenseStatus.ACTIVE, RadiationLicenseStatus.SUSPENDED)}
    if license.status not in allowed[status]:
        raise ValidationError({"status": _("A %(from)s licence cannot become %(to)s.") % {
            "from": license.status, "to": status}})
    license.status, license.status_reason = status, (reason or "").strip()
    license.status_changed_at = timezone.now()
    license.save(update_fields=["status", "status_reason", "status_changed_at"])
    return license


@transaction.atomic
def license_suspend(*, actor: User, license_id: int, reason: str) -> RadiationLicense:
    """Suspend a licence; its document says so on the public page until reinstated."""
    license = _change_status(actor, license_id, RadiationLicenseStatus.SUSPENDED, reason)
    if (document := license_document(license)) is not None:
        document_suspend(actor=actor, document_id=document.pk, reason=license.status_reason)
    return license


@transaction.atomic
def license_reinstate(*, actor: User, license_id: int) -> RadiationLicense:
    license = _change_status(actor, license_id, RadiationLicenseStatus.ACTIVE, "")
    if (document := license_document(license)) is not None:
        document_reinstate(actor=actor, document_id=document.pk)
    return license


@transaction.atomic
def license_revoke(*, actor: User, license_id: int, reason: str) -> RadiationLicense:
    """Revoke a licence for good; its document is revoked with the same reason."""
    license = _change_status(actor, license_id, RadiationLicenseStatus.REVOKED, reason)
    if (document := license_document(license)) is not None:
        document_revoke(actor=actor, document_id=document.pk, reason=license.status_reason)
    return license


@transaction.atomic
def license_transcribe(*, actor: User, facility_id: int, paper_number: str, issued_on: date, valid_until: date,
                       device_ids: list[int], scan, safety_officer_id: int | None = None,
                       conditions: list[str] = ()) -> RadiationLicense:
    """An officer records a licence the department issued on paper before the service existed (a province taking
    over licensed hospitals): no application, no checks of a new file, but the facility, its devices, the dates
    and the paper number are checked, and its document says it transcribes the paper licence."""
    require(may_decide_license(actor))
    facility = acting_facility(actor, facility_id)
    Organization.objects.select_for_update(no_key=True).get(pk=facility.pk)  # one transcription of a facility at a time
    paper_number = normalize_serial(paper_number)
    if not paper_number:
        raise ValidationError({"paper_number": _("Enter the number printed on the paper licence.")})
    _check_paper_dates(issued_on=issued_on, valid_until=valid_until)
    issuer = department_for(actor)
    if RadiationLicense.objects.filter(issuer=issuer, paper_number__iexact=paper_number).exists():
        raise ValidationError({"paper_number": _("A paper licence with this number was already transcribed.")})
    devices = _facility_devices(facility, device_ids)
    overlapping = RadiationLicense.objects.filter(
        facility=facility, status__in=[RadiationLicenseStatus.ACTIVE, RadiationLicenseStatus.SUSPENDED],
        valid_from__lte=valid_until, valid_until__gte=issued_on).first()
    if overlapping is not None:
        raise ValidationError({"facility": _(
            "This facility already holds a licence in force from %(start)s to %(end)s, which overlaps this one.")
            % {"start": overlapping.valid_from.strftime("%d/%m/%Y"),
               "end": overlapping.valid_until.strftime("%d/%m/%Y")}})
    license = RadiationLicense(
        facility=facility, application=None, kind=LicenseApplicationKind.NEW, paper_number=paper_number,
        safety_officer=_facility_worker(facility, safety_officer_id), valid_from=issued_on, valid_until=valid_until,
        conditions="\n".join(c.strip() for c in conditions if c.strip()), issuer=issuer, issued_by=actor,
        paper_scan=_paper_scan(scan),
    )
    license.full_clean()
    license.save()
    license.devices.set(devices)
    document_request(kind=RADIATION_LICENSE.kind, subject=license, requested_by=actor)
    return license


def _check_paper_dates(*, issued_on: date, valid_until: date) -> None:
    today = timezone.localdate()
    if issued_on > today:
        raise ValidationError({"issued_on": _("A paper licence cannot be dated in the future (today is %(today)s).")
                               % {"today": today.isoformat()}})
    if valid_until <= issued_on:
        raise ValidationError({"valid_until": _("A licence must end after the day it was issued.")})
    if valid_until < today:
        raise ValidationError({"valid_until": _(
            "This paper licence has expired: the facility applies for a new licence instead.")})


def _paper_scan(scan):
    """The scan, parsed whole (a PDF, JPEG or PNG) and stored under a name the server chooses."""
    try:
        scan_type = scan_inspect(scan)
    except ValidationError as exc:
        raise ValidationError({"scan": exc.messages}) from exc
    scan.name = f"{uuid.uuid4().hex}.{scan_type.extension}"
    return scan
