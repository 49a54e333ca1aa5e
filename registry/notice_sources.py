"""The registry's answer to the notice engine (certificates.notices): its three sources and who the parties are.

The owner must have an instrument re-verified before its certificate runs out (Law on Metrology 2011 Art. 21;
Circular 23/2013 Art. 25); a diagnostic X-ray unit is verified periodically (Joint Circular 13/2014 Art. 9); a
facility must file its licence renewal at least 45 days before expiry (Decree 142/2020 Art. 30.1). The stages
themselves are data (registry/catalog/notices.json).
"""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from certificates.notices.parties import NoticeParties, Recipient
from certificates.notices.sources import Candidate, NoticeSource
from certificates.selectors import document_newest_number
from registry.legal import legal_value
from registry.models import (
    Instrument,
    LicenseApplicationKind,
    RadiationLicense,
    RadiationLicenseStatus,
    Role,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceStatus,
)
from registry.permissions import role_of
from registry.selectors import READ_ALL_ROLES, department_for


def _instrument_rows(as_of: date, horizon: int) -> QuerySet:
    return Instrument.objects.filter(last_result=VerificationResult.PASS, valid_until__isnull=False,
                                     valid_until__lte=as_of + timedelta(days=horizon))


def _instrument_candidate(row: dict) -> Candidate:
    label = ", ".join(filter(None, [row["instrument_type__name"], row["model"] and f"kiểu {row['model']}"]))
    return Candidate(row["id"], row["owner_id"], row["valid_until"], None, label, row["serial_number"],
                     row["location"])


def _device_rows(as_of: date, horizon: int) -> QuerySet:
    return XrayDevice.objects.filter(last_result=VerificationResult.PASS, valid_until__isnull=False,
                                     valid_until__lte=as_of + timedelta(days=horizon)).exclude(
        status=XrayDeviceStatus.DISPOSED)


def _device_candidate(row: dict) -> Candidate:
    return Candidate(row["id"], row["facility_id"], row["valid_until"], None, f"{row['model']} ({row['kind']})",
                     row["serial_number"], row["room"])


def _renewal_lead_days(as_of: date) -> int:
    """The renewal lead time in force on the scan day (Decree 142/2020 Art. 30.1: 45 days)."""
    return int(legal_value("license.renewal_lead_days", on=as_of))


def _license_rows(as_of: date, horizon: int) -> QuerySet:
    renewed = RadiationLicense.objects.filter(previous_id=OuterRef("pk"), kind=LicenseApplicationKind.RENEWAL)
    return RadiationLicense.objects.filter(
        status=RadiationLicenseStatus.ACTIVE, valid_until__lte=as_of + timedelta(days=horizon),
    ).exclude(Exists(renewed)).annotate(document_number=document_newest_number(RadiationLicense),
                                        lead_days=Value(_renewal_lead_days(as_of)))


def _license_candidate(row: dict) -> Candidate:
    renewal_deadline = row["valid_until"] - timedelta(days=row["lead_days"])
    return Candidate(row["id"], row["facility_id"], row["valid_until"], renewal_deadline,
                     "Giấy phép tiến hành công việc bức xạ", row["document_number"] or "", "")


INSTRUMENT_VERIFICATION = NoticeSource(
    key="instrument_verification", label=_("Instrument verification due"),
    digest_label="Kiểm định phương tiện đo", digest_topic="kiểm định phương tiện đo",
    legal_reminder=("Phương tiện đo phải được kiểm định lại trước thời hạn nêu trên; phương tiện đo hết hạn kiểm "
                    "định không được sử dụng (Luật Đo lường 2011, Điều 21; Nghị định 119/2017/NĐ-CP)."),
    model=Instrument, rows=_instrument_rows,
    fields=("id", "owner_id", "valid_until", "serial_number", "location", "model", "instrument_type__name"),
    candidate=_instrument_candidate,
)
XRAY_VERIFICATION = NoticeSource(
    key="xray_verification", label=_("X-ray device verification due"),
    digest_label="Kiểm định thiết bị X-quang", digest_topic="thiết bị X-quang",
    legal_reminder=("Thiết bị X-quang chẩn đoán phải được kiểm định định kỳ theo quy định tại Điều 9 Thông tư "
                    "liên tịch số 13/2014/TTLT-BKHCN-BYT."),
    model=XrayDevice, rows=_device_rows,
    fields=("id", "facility_id", "valid_until", "serial_number", "room", "model", "kind"),
    candidate=_device_candidate,
)
LICENSE_EXPIRY = NoticeSource(
    key="license_expiry", label=_("Licence renewal and expiry"),
    digest_label="Giấy phép tiến hành công việc bức xạ", digest_topic="giấy phép bức xạ",
    legal_reminder=("Hồ sơ đề nghị gia hạn giấy phép tiến hành công việc bức xạ phải được nộp ít nhất 45 ngày "
                    "trước ngày giấy phép hết hạn theo quy định tại khoản 1 Điều 30 Nghị định số "
                    "142/2020/NĐ-CP."),
    model=RadiationLicense, rows=_license_rows,
    fields=("id", "facility_id", "valid_until", "document_number", "lead_days"),
    candidate=_license_candidate, reach=_renewal_lead_days,
)
SOURCES = (INSTRUMENT_VERIFICATION, XRAY_VERIFICATION, LICENSE_EXPIRY)


def _visible(actor, notices: QuerySet) -> QuerySet:
    """All for officers and inspectors; its own organisation's for a business; none for anyone else."""
    role = role_of(actor)
    if role in READ_ALL_ROLES:
        return notices
    if role == Role.BUSINESS:
        return notices.filter(organization_id=actor.organization_id)
    return notices.none()


def _may_mark(actor) -> bool:
    """Only the organisation's own users confirm they got a notice."""
    return role_of(actor) == Role.BUSINESS


def _issuer_id(organization_id: int) -> int:
    return department_for().pk


def _recipients(organization_id: int) -> list[Recipient]:
    """Every active user of the organisation with an e-mail address."""
    users = User.objects.filter(organization_id=organization_id, is_active=True).exclude(email="").order_by("id")
    return [Recipient(name=user.display_name, email=user.email) for user in users]


REGISTRY_NOTICE_PARTIES = NoticeParties(visible=_visible, may_mark=_may_mark, issuer_id=_issuer_id,
                                        recipients=_recipients)
