"""Turning committed outbox rows into Celery messages."""

import logging

from certificates.models import Document
from certificates.notices.digest.kind import EXPIRY_NOTICE
from certificates.services import document_mark_not_enqueued

logger = logging.getLogger(__name__)


def enqueue_requested_document(sender, document_id: int, **kwargs) -> None:
    """After commit: publish the render task. A broker outage is logged, never raised: the fact and its
    pending document are committed, and the sweeper will enqueue it (DESIGN.md, document pipeline)."""
    from workers.tasks.documents import render_document

    try:
        render_document.apply_async(kwargs={"document_id": document_id})
    except Exception:  # any broker failure must leave the committed request successful
        logger.warning("broker unavailable; document %s left for the sweeper", document_id, exc_info=True)
        document_mark_not_enqueued(document_id=document_id)


def email_issued_digest(sender, document_id: int, kind: str, **kwargs) -> None:
    """After a digest's document is issued: e-mail it. A broker outage leaves it to the e-mail sweeper."""
    if kind != EXPIRY_NOTICE.kind:
        return
    from workers.tasks.notices import email_digest

    digest_id = Document.objects.filter(pk=document_id).values_list("subject_id", flat=True).first()
    try:
        email_digest.apply_async(kwargs={"digest_id": digest_id})
    except Exception:
        logger.warning("broker unavailable; digest %s left for the e-mail sweeper", digest_id, exc_info=True)
