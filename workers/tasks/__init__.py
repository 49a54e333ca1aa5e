"""Task entry points: each a few lines that call one service."""

from workers.tasks.documents import prune_expired, render_document, sweep_documents
from workers.tasks.inspections import reconcile_remedies
from workers.tasks.notices import email_digest, scan_expiries, sweep_digest_emails

__all__ = [
    "email_digest", "prune_expired", "reconcile_remedies", "render_document", "scan_expiries", "sweep_digest_emails",
    "sweep_documents",
]
