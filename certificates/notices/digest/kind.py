"""The daily expiry notice (Thông báo) as a document kind: what it states and the data its renderer needs.

The engine's own kind: the rows come from the ledger, their names and the law they remind of from the sources
that produced them, the issuer from the registered parties.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from certificates.kinds import DocumentFacts, KindSpec
from certificates.models import Document
from certificates.notices.digest.renderer import ExpiryNoticeContext, NoticeItemRow, render_expiry_notice
from certificates.notices.models import NoticeDigest, NoticeStage
from certificates.notices.parties import notice_parties
from certificates.notices.sources import NoticeSource, notice_source, notice_sources


def describe(digest: NoticeDigest) -> DocumentFacts:
    return DocumentFacts(
        issuer_id=notice_parties().issuer_id(digest.organization_id), owner_id=digest.organization_id,
        subject_label=f"Thông báo ngày {digest.digest_date:%d/%m/%Y}: {digest.organization.name}", valid_until=None,
        # Dated the scan day it reports, as it prints (build_context), even when a scan is re-run for a past day.
        dated=digest.digest_date, subject_key=digest.organization.name,
    )


def _joined(words: list[str]) -> str:
    """a; a và b; a, b và c."""
    return " và ".join([", ".join(words[:-1]), words[-1]] if len(words) > 2 else words)


def _sources(digest: NoticeDigest) -> list[NoticeSource]:
    """The registered sources of the digest's notices, in the order they were registered."""
    kinds = set(digest.notices.order_by().values_list("kind", flat=True).distinct())
    return [source for source in notice_sources() if source.key in kinds]


def _topics(sources: list[NoticeSource]) -> str:
    return _joined([source.digest_topic for source in sources]) or "các mục"


def digest_topics(digest: NoticeDigest) -> str:
    """What the digest lists, in the sources' words: "phương tiện đo, thiết bị X-quang và giấy phép"."""
    return _topics(_sources(digest))


def _items(digest: NoticeDigest) -> tuple[NoticeItemRow, ...]:
    labels = {(stage.kind, stage.code): stage.label for stage in NoticeStage.objects.all()}
    notices = digest.notices.order_by("due_date", "kind", "id")
    return tuple(
        NoticeItemRow(
            kind_label=source.digest_label if (source := notice_source(notice.kind)) else notice.kind,
            subject=notice.subject_label, serial_number=notice.serial_number, location=notice.location,
            valid_until=notice.due_date, stage_label=labels.get((notice.kind, notice.stage), notice.stage),
            legal_basis=notice.legal_basis,
            overdue=notice.stage == "overdue" or notice.due_date < digest.digest_date,
        )
        for notice in notices
    )


def build_context(document: Document) -> ExpiryNoticeContext:
    digest = NoticeDigest.objects.select_related("organization").get(pk=document.subject_id)
    issuer = document.issuer
    sources = _sources(digest)
    return ExpiryNoticeContext(
        number=document.number, issuer_parent=issuer.parent_name.upper(), issuer_name=issuer.name.upper(),
        # Dated the scan day it reports (a scan re-run for a past day says that day), not the rendering day.
        place=issuer.province or digest.organization.province, issued_on=digest.digest_date,
        recipient_name=digest.organization.name, recipient_address=digest.organization.address,
        items=_items(digest), verify_url=f"{settings.PUBLIC_BASE_URL}{document.verify_path}",
        subject_line=f"Về việc {_topics(sources)} đã hoặc sắp hết hạn",
        closing=tuple(dict.fromkeys(source.legal_reminder for source in sources if source.legal_reminder)),
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
