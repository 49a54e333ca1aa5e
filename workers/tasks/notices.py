"""The daily expiry scan and the e-mailing of digests."""

import logging
from datetime import date, timedelta

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from certificates.notices.selectors import notice_digests_awaiting_email
from certificates.notices.services import notice_digest_email, notices_scan

logger = logging.getLogger(__name__)


@shared_task(name="notices.scan", acks_late=True, time_limit=3600, soft_time_limit=3500,
             autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def scan_expiries(as_of: str | None = None, chunk_size: int | None = None) -> dict:
    """Record every notice due as of a day (today by default) and issue the day's digests; safe to re-run."""
    result = notices_scan(
        as_of=date.fromisoformat(as_of) if as_of else None,
        chunk_size=chunk_size or settings.NOTICE_SCAN_CHUNK, pause_seconds=settings.NOTICE_SCAN_PAUSE_SECONDS,
    )
    logger.info("expiry scan as of %s: %d notices, %d digests", result.as_of, result.notices, result.digests)
    return {"as_of": result.as_of.isoformat(), "notices": result.notices, "digests": result.digests}


@shared_task(name="notices.email_digest", bind=True, acks_late=True, time_limit=300, soft_time_limit=280,
             autoretry_for=(OSError, DatabaseError), retry_backoff=True, max_retries=8)
def email_digest(self, digest_id: int) -> int:
    """E-mail an issued digest to its organisation's users, once (the digest row records it). The task's id
    is its claim: delivered again after its worker died, it takes its own claim back at once."""
    return notice_digest_email(digest_id=digest_id, claim=self.request.id or "")


@shared_task(name="notices.email_sweep", acks_late=True, time_limit=240, soft_time_limit=230)
def sweep_digest_emails() -> int:
    """Enqueue the e-mail of digests issued more than five minutes ago and not yet sent."""
    now = timezone.now()
    ids = notice_digests_awaiting_email(issued_before=now - timedelta(minutes=5),
                                        claimed_before=now - timedelta(minutes=settings.DIGEST_EMAIL_CLAIM_MINUTES))
    for digest_id in ids:
        email_digest.apply_async(kwargs={"digest_id": digest_id})
    return len(ids)
