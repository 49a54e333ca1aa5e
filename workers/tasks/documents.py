"""Rendering documents, and the outbox sweeper that enqueues what the broker missed."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError
from django.utils import timezone

from certificates.selectors import documents_awaiting_enqueue
from certificates.services import (
    document_mark_enqueued,
    document_mark_failed,
    document_render,
    idempotency_records_prune,
)
from registry.services.organizations import tokens_prune_expired

logger = logging.getLogger(__name__)

# Transient: the storage or the database was unreachable. Anything else is a defect; retrying won't help.
TRANSIENT_ERRORS = (OSError, DatabaseError)


def _render_failed(self, exc, task_id, args, kwargs, einfo) -> None:
    """After the last retry (or a non-transient error): the document is failed, with the reason."""
    document_id = kwargs.get("document_id", args[0] if args else None)
    if document_id is not None:
        document_mark_failed(document_id=document_id, reason=f"{type(exc).__name__}: {exc}")


@shared_task(name="documents.render", acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True,
             retry_backoff_max=300, max_retries=5, on_failure=_render_failed, throws=(ObjectDoesNotExist,))
def render_document(document_id: int) -> None:
    """Render, store and issue one pending document; a no-op if it is no longer pending."""
    document_render(document_id=document_id)


@shared_task(name="documents.sweep", acks_late=True, time_limit=50, soft_time_limit=45)
def sweep_documents(older_than_seconds: int | None = None) -> int:
    """Enqueue documents still pending `older_than_seconds` after their request; returns how many."""
    age = settings.DOCUMENT_SWEEP_AFTER_SECONDS if older_than_seconds is None else older_than_seconds
    now = timezone.now()
    ids = documents_awaiting_enqueue(older_than=now - timedelta(seconds=age), requeue_before=now - timedelta(
        minutes=settings.DOCUMENT_REQUEUE_AFTER_MINUTES))
    for document_id in ids:
        render_document.apply_async(kwargs={"document_id": document_id})
    document_mark_enqueued(document_ids=ids)
    if ids:
        logger.info("sweeper enqueued %d pending documents", len(ids))
    return len(ids)


@shared_task(name="maintenance.prune_expired", acks_late=True, time_limit=300, soft_time_limit=280)
def prune_expired() -> int:
    """Forget old Idempotency-Key answers and delete expired API tokens; returns how many rows went."""
    return idempotency_records_prune() + tokens_prune_expired()
