"""Turning committed outbox rows into Celery messages."""

import logging

from certificates.services import document_mark_enqueued

logger = logging.getLogger(__name__)


def enqueue_requested_document(sender, document_id: int, **kwargs) -> None:
    """After commit: publish the render task. A broker outage is logged, never raised: the fact and its
    pending document are committed, and the sweeper will enqueue it (DESIGN.md, document pipeline)."""
    from workers.tasks.documents import render_document

    try:
        render_document.apply_async(kwargs={"document_id": document_id})
    except Exception:
        logger.warning("broker unavailable; document %s left for the sweeper", document_id, exc_info=True)
        return
    document_mark_enqueued(document_ids=[document_id])
