"""Signals other apps may listen to; `workers` turns them into Celery tasks."""

from django.dispatch import Signal

# Sent after the transaction that requested a document commits; kwargs: document_id.
document_requested = Signal()

# Sent after the transaction that issued a document commits; kwargs: document_id, kind.
document_issued = Signal()
