"""The inspections' periodic work."""

import logging

from celery import shared_task
from django.db import DatabaseError

from inspections.services.remedies import remedies_reconcile

logger = logging.getLogger(__name__)


@shared_task(name="inspections.reconcile_remedies", acks_late=True, time_limit=300, soft_time_limit=280,
             autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def reconcile_remedies() -> int:
    """Close the remedies a passing verification answers whose announcement was lost."""
    closed = remedies_reconcile()
    if closed:
        logger.warning("closed %d remedies whose verification's announcement had not closed them", closed)
    return closed
