"""Reads of the notice ledger, scoped to the caller by the registered parties; digests awaiting their e-mail."""

from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from certificates.models import Document, DocumentStatus
from certificates.notices.models import Notice, NoticeDigest
from certificates.notices.parties import notice_parties


def notice_list(*, actor) -> QuerySet[Notice]:
    """The notices the caller may see, each with its organisation and its digest's documents, newest first."""
    notices = Notice.objects.select_related("organization", "digest").prefetch_related(
        Prefetch("digest__documents", queryset=Document.objects.order_by("-id")))
    return notice_parties().visible(actor, notices)


def notice_get(*, actor, pk: int) -> Notice:
    return get_object_or_404(notice_list(actor=actor), pk=pk)


def notice_digests_awaiting_email(*, issued_before: datetime, claimed_before: datetime,
                                  limit: int = 500) -> list[int]:
    """Digests whose document is issued, not e-mailed yet, issued before `issued_before` and not claimed since
    `claimed_before` (a claim older than that was left by a worker that died)."""
    return list(NoticeDigest.objects.filter(
        Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=claimed_before),
        emailed_at__isnull=True, created_at__lt=issued_before,
        documents__status=DocumentStatus.ISSUED).values_list("pk", flat=True)[:limit])

