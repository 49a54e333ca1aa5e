"""The daily expiry notice (Thông báo) as a document kind: what it states and the data its renderer needs."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from certificates.kinds import DocumentFacts, KindSpec
from certificates.models import Document
from registry.models import NoticeDigest, NoticeKind, NoticeStage
from registry.notice_document import ExpiryNoticeContext, NoticeItemRow, render_expiry_notice
from registry.selectors import department_for

KIND_LABELS_VI = {
    NoticeKind.INSTRUMENT_VERIFICATION: "Kiểm định phương tiện đo",
    NoticeKind.XRAY_VERIFICATION: "Kiểm định thiết bị X-quang",
    NoticeKind.LICENSE_EXPIRY: "Giấy phép tiến hành công việc bức xạ",
}


def describe(digest: NoticeDigest) -> DocumentFacts:
    return DocumentFacts(
        issuer_id=department_for().pk, owner_id=digest.organization_id,
        subject_label=f"Thông báo ngày {digest.digest_date:%d/%m/%Y}: {digest.organization.name}", valid_until=None,
    )


def _items(digest: NoticeDigest) -> tuple[NoticeItemRow, ...]:
    labels = {(stage.kind, stage.code): stage.label for stage in NoticeStage.objects.all()}
    notices = digest.notices.order_by("due_date", "kind", "id")
    return tuple(
        NoticeItemRow(
            kind_label=KIND_LABELS_VI.get(notice.kind, notice.kind), subject=notice.subject_label,
            serial_number=notice.serial_number, location=notice.location, valid_until=notice.due_date,
            stage_label=labels.get((notice.kind, notice.stage), notice.stage), legal_basis=notice.legal_basis,
            overdue=notice.stage == "overdue" or notice.due_date < digest.digest_date,
        )
        for notice in notices
    )


def build_context(document: Document) -> ExpiryNoticeContext:
    digest = NoticeDigest.objects.select_related("organization").get(pk=document.subject_id)
    issuer = document.issuer
    return ExpiryNoticeContext(
        number=document.number, issuer_parent=issuer.parent_name.upper(), issuer_name=issuer.name.upper(),
        # Dated the scan day it reports (a scan re-run for a past day says that day), not the rendering day.
        place=issuer.province or digest.organization.province, issued_on=digest.digest_date,
        recipient_name=digest.organization.name, recipient_address=digest.organization.address,
        items=_items(digest), verify_url=f"{settings.PUBLIC_BASE_URL}{document.verify_path}",
    )


EXPIRY_NOTICE = KindSpec(
    kind="expiry_notice",
    label=_("Expiry notice"),
    # "TB" (thông báo), as in Decree 30/2020's type codes for notices.
    number_prefix="TB",
    describe=describe,
    build_context=build_context,
    render=render_expiry_notice,
)
