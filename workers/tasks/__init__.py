"""Task entry points: each a few lines that call one service."""

from workers.tasks.documents import render_document, sweep_documents

__all__ = ["render_document", "sweep_documents"]
