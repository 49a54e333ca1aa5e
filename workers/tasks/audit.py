"""The audit chain's daily head (issue 11, point 5)."""

import logging
from datetime import date

from celery import shared_task
from django.db import DatabaseError

from audit.services import audit_publish_daily_head

logger = logging.getLogger(__name__)


@shared_task(name="audit.publish_daily_head", acks_late=True, time_limit=300, soft_time_limit=280,
             autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def publish_daily_head(day: str | None = None) -> dict:
    """Record and log the chain's last entry at the end of a day (yesterday by default); safe to re-run. The log
    line is the publication: copied off this machine, it shows a rewrite of the whole chain."""
    head = audit_publish_daily_head(day=date.fromisoformat(day) if day else None)
    logger.info("audit chain head %s: #%d %s", head.day.isoformat(), head.sequence, head.hash)
    return {"day": head.day.isoformat(), "sequence": head.sequence, "hash": head.hash}
