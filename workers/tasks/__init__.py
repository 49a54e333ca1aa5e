"""Task entry points: each a few lines that call one service."""

from workers.tasks.documents import prune_expired, render_document, sweep_documents
from workers.tasks.notices import email_digest, scan_expiries, sweep_digest_emails

__all__ = [
    "email_digest", "prune_expired", "render_document", "scan_expiries", "sweep_digest_emails",
    "sweep_documents",
]
