"""The radiation work licence as a document kind: what it states and the data its renderer needs."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.kinds import DocumentFacts, KindSpec
from certificates.models import Document
from certificates.pdf import vn_number
from registry.documents.license.renderer import LicenseDeviceRow, RadiationLicenseContext, render_radiation_license
from registry.labels import LICENSE_KIND_LABELS_VI, TRANSCRIBED_KIND_LABEL, XRAY_KIND_LABELS_VI
from registry.models import RadiationLicense

# The "Căn cứ" lines of the licence: the law and decree under which the department licenses X-ray use.
LEGAL_BASIS_LINES = (
    "Căn cứ Luật Năng lượng nguyên tử số 94/2025/QH15;",
    "Căn cứ Nghị định số 142/2020/NĐ-CP của Chính phủ quy định về việc tiến hành công việc bức xạ "
    "và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử;",
    "Xét hồ sơ đề nghị cấp giấy phép của cơ sở và kết quả thẩm định,",
)


def _legal_basis(license: RadiationLicense) -> tuple[str, ...]:
    if not license.transcribed:
        return LEGAL_BASIS_LINES
    return (*LEGAL_BASIS_LINES[:2], f"Căn cứ Giấy phép tiến hành công việc bức xạ bản giấy số {license.paper_number} "
            f"cấp ngày {license.valid_from.strftime('%d/%m/%Y')},")


def describe(license: RadiationLicense) -> DocumentFacts:
    return DocumentFacts(
        issuer_id=license.issuer_id, owner_id=license.facility_id,
        subject_label=f"Giấy phép tiến hành công việc bức xạ: {license.facility.name}",
        valid_until=license.valid_until, subject_key=license.facility.name,
    )


def _device_rows(license: RadiationLicense) -> tuple[LicenseDeviceRow, ...]:
    return tuple(
        LicenseDeviceRow(kind_label=XRAY_KIND_LABELS_VI[d.kind], manufacturer=d.manufacturer, model=d.model,
                         serial_number=d.serial_number, year_made=str(d.year_made or ""), max_kv=vn_number(d.max_kv),
                         max_ma=vn_number(d.max_ma), room=d.room)
        for d in license.devices.order_by("id")
    )


def build_context(document: Document) -> RadiationLicenseContext:
    license = RadiationLicense.objects.select_related("facility", "issuer", "safety_officer", "previous").get(
        pk=document.subject_id)
    officer = license.safety_officer
    previous = document.supersedes.number if document.supersedes_id else ""
    kind_label = TRANSCRIBED_KIND_LABEL if license.transcribed else LICENSE_KIND_LABELS_VI[license.kind]
    return RadiationLicenseContext(
        number=document.number, issuer_parent=license.issuer.parent_name.upper(),
        issuer_name=license.issuer.name.upper(), place=license.issuer.province or license.facility.province,
        issued_on=timezone.localdate(document.created_at), license_kind_label=kind_label,
        legal_basis=_legal_basis(license), licensee_name=license.facility.name,
        licensee_address=license.facility.address, licensee_tax_code=license.facility.tax_code or "",
        work_description="Sử dụng thiết bị X-quang chẩn đoán trong y tế", devices=_device_rows(license),
        safety_officer_name=officer.full_name if officer else "",
        safety_officer_certificate=officer.certificate_number if officer else "",
        conditions=tuple(license.condition_lines), valid_from=license.valid_from, valid_until=license.valid_until,
        replaces_number=previous, paper_number=license.paper_number,
        paper_issued_on=license.valid_from if license.transcribed else None,
        verify_url=f"{settings.PUBLIC_BASE_URL}{document.verify_path}",
    )


RADIATION_LICENSE = KindSpec(
    kind="radiation_license",
    label=_("Radiation work licence"),
    # "GP" (giấy phép): the department's own series of licences per year.
    number_prefix="GP",
    describe=describe,
    build_context=build_context,
    render=render_radiation_license,
)
