"""The business's pages (issue 10, point 3): one compliance page for a business or a hospital, with what it owns and
what it owes, each list filtered by the API's own FilterSets, paginated and exported to CSV and XLSX.

- its instruments by verification status, with counts, each count the link to the list behind it;
- for a hospital: its X-ray units, radiation workers and licences, and where it stands for its licence (each
  prerequisite a filing would be checked against, and the last day to file a renewal);
- the notices to acknowledge (the API's acknowledge service, one button each);
- the documents to download (certificates, licences, digests, inspection records and decisions), through the
  API's download route, so that who may download what is decided in one place;
- the open remedies and the unpaid fines, with their deadlines.

Every read goes through a selector with the signed-in user: another organisation's instrument, notice or document
is a 404, as on the API.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from certificates.api.filtersets import DocumentFilterSet
from certificates.models import DocumentStatus
from certificates.notices.api.filtersets import NoticeFilterSet
from certificates.notices.selectors import notice_list
from certificates.notices.services import notice_mark
from certificates.selectors import document_list
from inspections.api.penalties.filtersets import PenaltyDecisionFilterSet, RemedyFilterSet
from inspections.models import RemedyStatus
from inspections.selectors.penalties import PAID, PARTLY_PAID, UNPAID, penalty_decision_list, remedy_list
from registry import selectors
from registry.api.instruments.filtersets import InstrumentFilterSet
from registry.api.radiation.filtersets import RadiationLicenseFilterSet, RadiationWorkerFilterSet, XrayDeviceFilterSet
from registry.models import OrganizationKind, VerificationResult, VerificationStatus, XrayDeviceKind
from registry.services.radiation.licensing import license_prerequisites
from web.exports import csv_response, xlsx_response
from web.labels import VERIFICATION_STATUS_LABELS
from web.sections import Link
from web.tables import Column, Filter, Table, date_filter, yes_no_filter

links = [Link(_("Compliance"), "web:business:compliance",
              _("Your instruments, licences, notices, documents, remedies and fines, on one page."))]

EXPORT = "web:business:export"

# The order the page counts them in: what is fine, what needs acting on soon, what is overdue.
STATUS_ORDER = (VerificationStatus.VALID, VerificationStatus.DUE_SOON, VerificationStatus.EXPIRED,
                VerificationStatus.FAILED, VerificationStatus.NEVER_VERIFIED)

LICENSE_STATUS_LABELS = {
    "active": _("In force"), "expiring": _("Expiring"), "expired": _("Expired"), "suspended": _("Suspended"),
    "revoked": _("Revoked"), "superseded": _("Superseded"),
}
PAYMENT_STATUS_LABELS = {PAID: _("Paid"), PARTLY_PAID: _("Partly paid"), UNPAID: _("Unpaid")}
RESULT_LABELS = {VerificationResult.PASS: _("Passed"), VerificationResult.FAIL: _("Failed verification")}


def _status_label(status: str) -> str:
    if status == VerificationStatus.DUE_SOON:
        return _("Due within %(days)s days") % {"days": settings.DUE_SOON_DAYS}
    return VERIFICATION_STATUS_LABELS.get(status, status)


status_label = lazy(_status_label, str)


def _newest_document(subject):
    documents = sorted(subject.documents.all(), key=lambda document: document.pk)  # prefetched
    return documents[-1] if documents else None


def _number_of(subject) -> str:
    document = _newest_document(subject)
    return document.number if document else ""


INSTRUMENTS = Table(
    name="instruments", title=_("Instruments"), selector=selectors.instrument_list, filterset=InstrumentFilterSet,
    filters={
        "verification_status": Filter(_("Verification status"), widget=forms.CheckboxSelectMultiple,
                                      choices=[(status.value, status_label(status)) for status in STATUS_ORDER]),
        "q": Filter(_("Serial number, model, manufacturer or place contains")),
        "valid_until_after": date_filter(_("Valid until, from")),
        "valid_until_before": date_filter(_("Valid until, to")),
    },
    ordering=("valid_until", "serial_number", "id"),
    columns=(
        Column(_("Serial number"), lambda i: i.serial_number),
        Column(_("Instrument type"), lambda i: i.instrument_type.name),
        Column(_("Model"), lambda i: i.model),
        Column(_("Manufacturer"), lambda i: i.manufacturer),
        Column(_("Place of use"), lambda i: i.location),
        Column(_("Status"), lambda i: _status_label(i.verification_status)),
        Column(_("Last verified on"), lambda i: i.last_verified_on),
        Column(_("Valid until"), lambda i: i.valid_until),
    ),
    export_name="phuong-tien-do", export_view=EXPORT,
)

XRAY_DEVICES = Table(
    name="xray", title=_("X-ray units"), selector=selectors.xray_device_list, filterset=XrayDeviceFilterSet,
    filters={
        "kind": Filter(_("Kind")),
        "status": Filter(_("Use")),
        "q": Filter(_("Serial number, model or manufacturer contains")),
        "valid_until_before": date_filter(_("Verification valid until, to")),
    },
    ordering=("valid_until", "id"),
    columns=(
        Column(_("Kind"), lambda d: d.get_kind_display()),
        Column(_("Manufacturer"), lambda d: d.manufacturer),
        Column(_("Model"), lambda d: d.model),
        Column(_("Serial number"), lambda d: d.serial_number),
        Column(_("Room"), lambda d: d.room),
        Column(_("Use"), lambda d: d.get_status_display()),
        Column(_("Last verified on"), lambda d: d.last_verified_on),
        Column(_("Result"), lambda d: RESULT_LABELS.get(d.last_result, "")),
        Column(_("Valid until"), lambda d: d.valid_until),
    ),
    export_name="thiet-bi-x-quang", export_view=EXPORT,
)

WORKERS = Table(
    name="workers", title=_("Radiation workers"), selector=selectors.radiation_worker_list,
    filterset=RadiationWorkerFilterSet,
    filters={
        "active": yes_no_filter(_("Working"), _("Working"), _("Left")),
        "is_safety_officer": yes_no_filter(_("Safety officer"), _("Safety officers"), _("Others")),
        "dose_flagged": yes_no_filter(_("Dose over a limit"), _("Over a limit"), _("Within the limits")),
    },
    ordering=("full_name", "id"), defaults={"active": ["true"]},
    columns=(
        Column(_("Full name"), lambda w: w.full_name),
        Column(_("Job"), lambda w: w.job),
        Column(_("Radiation worker certificate"), lambda w: w.certificate_number),
        Column(_("Certificate issued on"), lambda w: w.certificate_issued_on),
        Column(_("Safety officer"), lambda w: w.is_safety_officer),
        Column(_("Dose over a limit"), lambda w: w.dose_flagged),
        Column(_("Working"), lambda w: w.active),
    ),
    export_name="nhan-vien-buc-xa", export_view=EXPORT,
)

LICENSES = Table(
    name="licenses", title=_("Licences"), selector=selectors.radiation_license_list,
    filterset=RadiationLicenseFilterSet,
    filters={
        "status": Filter(_("Status"), choices=list(LICENSE_STATUS_LABELS.items())),
        "valid_until_after": date_filter(_("Valid until, from")),
        "valid_until_before": date_filter(_("Valid until, to")),
    },
    ordering=("-valid_from", "-id"),
    columns=(
        Column(_("Number"), lambda lic: _number_of(lic) or lic.paper_number),
        Column(_("Kind"), lambda lic: lic.get_kind_display()),
        Column(_("Status"), lambda lic: LICENSE_STATUS_LABELS.get(lic.list_status, lic.list_status)),
        Column(_("Valid from"), lambda lic: lic.valid_from),
        Column(_("Valid until"), lambda lic: lic.valid_until),
        Column(_("X-ray units"), lambda lic: len(lic.devices.all())),
    ),
    export_name="giay-phep-buc-xa", export_view=EXPORT,
)

NOTICES = Table(
    name="notices", title=_("Notices"), selector=notice_list, filterset=NoticeFilterSet,
    filters={
        "acknowledged": yes_no_filter(_("Acknowledged"), _("Acknowledged"), _("To acknowledge")),
        "kind": Filter(_("About")),
        "due_date_after": date_filter(_("Due, from")),
        "due_date_before": date_filter(_("Due, to")),
    },
    ordering=("acknowledged_at", "due_date", "-id"), defaults={"acknowledged": ["false"]},
    columns=(
        Column(_("About"), lambda n: n.get_kind_display()),
        Column(_("Subject"), lambda n: n.subject_label),
        Column(_("Serial or number"), lambda n: n.serial_number),
        Column(_("Place"), lambda n: n.location),
        Column(_("Due on"), lambda n: n.due_date),
        Column(_("Notified on"), lambda n: n.stage_date),
        Column(_("Acknowledged"), lambda n: n.acknowledged_at),
    ),
    export_name="thong-bao", export_view=EXPORT,
)

DOCUMENTS = Table(
    name="documents", title=_("Documents"), selector=document_list, filterset=DocumentFilterSet,
    filters={
        "kind": Filter(_("Kind of document")),
        "number": Filter(_("Number")),
        "status": Filter(_("Status"), choices=[(s.value, s.label) for s in DocumentStatus]),
        "valid_until_after": date_filter(_("Valid until, from")),
        "valid_until_before": date_filter(_("Valid until, to")),
    },
    ordering=("-id",), defaults={"status": [DocumentStatus.ISSUED]},
    columns=(
        Column(_("Kind of document"), lambda d: d.kind_label),
        Column(_("Number"), lambda d: d.number),
        Column(_("Subject"), lambda d: d.subject_label),
        Column(_("Issued by"), lambda d: d.issuer.name),
        Column(_("Issued on"), lambda d: d.issued_at.date() if d.issued_at else None),
        Column(_("Valid until"), lambda d: d.valid_until),
        Column(_("Status"), lambda d: d.get_status_display()),
    ),
    export_name="van-ban", export_view=EXPORT,
)

REMEDIES = Table(
    name="remedies", title=_("Remedies"), selector=remedy_list, filterset=RemedyFilterSet,
    filters={
        "status": Filter(_("Status")),
        "overdue": yes_no_filter(_("Past the deadline"), _("Past the deadline"), _("Not past the deadline")),
    },
    ordering=("deadline", "id"), defaults={"status": [RemedyStatus.OPEN]},
    columns=(
        Column(_("Remedy"), lambda r: r.text),
        Column(_("Instrument"), lambda r: r.instrument.serial_number if r.instrument else ""),
        Column(_("Decision of"), lambda r: r.decision.decided_on),
        Column(_("Deadline"), lambda r: r.deadline),
        Column(_("Status"), lambda r: r.get_status_display()),
    ),
    export_name="bien-phap-khac-phuc", export_view=EXPORT,
)

FINES = Table(
    name="fines", title=_("Fines"), selector=penalty_decision_list, filterset=PenaltyDecisionFilterSet,
    filters={
        "unpaid": yes_no_filter(_("Balance to pay"), _("A balance remains"), _("Paid in full")),
        "overdue": yes_no_filter(_("Past the payment deadline"), _("Past the deadline"),
                                 _("Not past the deadline")),
    },
    ordering=("payment_due_on", "id"), defaults={"unpaid": ["true"]},
    columns=(
        Column(_("Decision number"), _number_of),
        Column(_("Decided on"), lambda d: d.decided_on),
        Column(_("Total fine (VND)"), lambda d: d.total_fine),
        Column(_("Paid (VND)"), lambda d: d.paid_amount),
        Column(_("Balance (VND)"), lambda d: d.total_fine - d.paid_amount),
        Column(_("Pay by"), lambda d: d.payment_due_on),
        Column(_("Payment"), lambda d: PAYMENT_STATUS_LABELS.get(d.payment_status, d.payment_status)),
    ),
    export_name="tien-phat", export_view=EXPORT,
)

TABLES = {table.name: table for table in (INSTRUMENTS, XRAY_DEVICES, WORKERS, LICENSES, NOTICES, DOCUMENTS,
                                          REMEDIES, FINES)}
RADIATION_TABLES = ("xray", "workers", "licenses")


def _keeps_radiation_register(request) -> bool:
    """A hospital's page shows the radiation register; so does any business that has registered an X-ray unit."""
    organization = request.user.organization
    return (organization is not None and organization.kind == OrganizationKind.HOSPITAL) or \
        selectors.xray_device_list(actor=request.user).exists()


def _prerequisites(standing) -> list[dict]:
    """Each check of the licence's standing with the words the page says it in (the reason is the service's)."""
    devices = {f"device-verification-{device.pk}": device for device in standing.devices}
    named = {
        "safety-officer": _("A radiation safety officer with a radiation worker certificate"),
        "dosimetry-contract": _("A personal dosimetry contract"),
        "previous-license": _("The licence to renew is in force"),
        "renewal-lead-time": _("The renewal is filed in time"),
    }
    rows = []
    for check in standing.checks:
        device = devices.get(check.code)
        label = (_("Verification of the %(kind)s, serial number %(serial)s") % {
            "kind": XrayDeviceKind(device.kind).label, "serial": device.serial_number}
            if device is not None else named.get(check.code, check.code))
        rows.append({"label": label, "passed": check.passed, "reason": check.reason})
    return rows


def compliance(request):
    counts = selectors.instrument_status_counts(actor=request.user)
    statuses = [{"status": status.value, "label": _status_label(status), "count": counts[status.value],
                 "url": f"?instruments-verification_status={status.value}#instruments"} for status in STATUS_ORDER]
    radiation = _keeps_radiation_register(request)
    shown = [name for name in TABLES if radiation or name not in RADIATION_TABLES]
    tables = {name: TABLES[name].bind(request) for name in shown}
    context = {"statuses": statuses, "tables": tables, "radiation": radiation}
    if radiation:
        standing = license_prerequisites(actor=request.user)
        context.update(standing=standing, prerequisites=_prerequisites(standing))
    return render(request, "web/business/compliance.html", context)


def export(request, table: str, fmt: str):
    """A list as CSV or XLSX, with the filters of the page (the same FilterSet, the same scope)."""
    chosen = TABLES.get(table)
    if chosen is None or fmt not in ("csv", "xlsx"):
        raise Http404
    rows = chosen.rows(request)
    if fmt == "csv":
        return csv_response(filename=chosen.export_name, columns=chosen.columns, rows=rows)
    return xlsx_response(filename=chosen.export_name, title=chosen.title, columns=chosen.columns, rows=rows)


def instrument(request, pk: int):
    """One instrument of the business: its facts, its status and its verifications with their certificates."""
    found = selectors.instrument_get(actor=request.user, pk=pk)
    verifications = selectors.instrument_verifications(actor=request.user, instrument=found)
    return render(request, "web/business/instrument.html", {
        "instrument": found, "verifications": verifications})


@require_POST
def notice_acknowledge(request, pk: int):
    """The organisation confirms it got the notice and will act: the API's service, through the user's scope."""
    notice_mark(actor=request.user, notice=pk, acknowledge=True)
    messages.success(request, _("The notice is acknowledged."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        back = reverse("web:business:compliance") + "#notices"
    return redirect(back)


urlpatterns = [
    path("compliance/", compliance, name="compliance"),
    path("compliance/<slug:table>.<str:fmt>", export, name="export"),
    path("instruments/<int:pk>/", instrument, name="instrument"),
    path("notices/<int:pk>/acknowledge/", notice_acknowledge, name="notice-acknowledge"),
]
