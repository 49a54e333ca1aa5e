"""The verification certificate as a document kind: what it states and the data its renderer needs."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.kinds import DocumentFacts, KindSpec
from certificates.models import Document
from certificates.pdf import vn_number
from registry.documents.certificate.renderer import (
    ReadingRow,
    VerificationCertificateContext,
    render_verification_certificate,
)
from registry.labels import VERIFICATION_KIND_LABELS_VI
from registry.models import Verification


def describe(verification: Verification) -> DocumentFacts:
    instrument = verification.instrument
    return DocumentFacts(
        issuer_id=verification.verification_body_id,
        owner_id=instrument.owner_id,
        subject_label=", ".join(filter(None, [
            instrument.instrument_type.name,
            f"kiểu {instrument.model}" if instrument.model else "",
            f"số {instrument.serial_number}",
        ])),
        valid_until=verification.valid_until, subject_key=instrument.serial_number,
    )



def _reading_rows(verification: Verification) -> tuple[ReadingRow, ...]:
    return tuple(
        ReadingRow(
            reference_value=vn_number(r.reference_value), measured_value=vn_number(r.measured_value), unit=r.unit,
            error=vn_number(r.error, signed=True), max_permissible_error="±" + vn_number(r.max_permissible_error),
            within=r.within_tolerance,
        )
        for r in verification.readings.all()
    )


def build_context(document: Document) -> VerificationCertificateContext:
    verification = (
        Verification.objects.select_related(
            "instrument__instrument_type", "instrument__owner", "verification_body", "performed_by")
        .prefetch_related("readings").get(pk=document.subject_id)
    )
    instrument, body = verification.instrument, verification.verification_body
    return VerificationCertificateContext(
        number=document.number, issuer_parent=body.parent_name.upper(), issuer_name=body.name,
        place=body.province, issued_on=timezone.localdate(document.created_at),
        instrument_name=instrument.instrument_type.name, instrument_name_en=instrument.instrument_type.name_en,
        model=instrument.model, serial_number=instrument.serial_number, manufacturer=instrument.manufacturer,
        manufacturer_country=instrument.manufacturer_country, measuring_range=instrument.measuring_range,
        accuracy_class=instrument.accuracy_class, owner_name=instrument.owner.name,
        owner_address=instrument.owner.address, location=instrument.location, procedure=verification.procedure,
        verification_kind=VERIFICATION_KIND_LABELS_VI[verification.kind], performed_on=verification.performed_on,
        readings=_reading_rows(verification), stamp_number=verification.stamp_number,
        valid_until=document.valid_until, verifier_name=verification.performed_by.display_name,
        verify_url=f"{settings.PUBLIC_BASE_URL}{document.verify_path}",
    )


VERIFICATION_CERTIFICATE = KindSpec(
    kind="verification_certificate",
    label=_("Verification certificate"),
    # "KĐ" (kiểm định) as in DESIGN.md's example KĐ-2026/000123; each body's own series per year.
    number_prefix="KĐ",
    describe=describe,
    build_context=build_context,
    render=render_verification_certificate,
)
