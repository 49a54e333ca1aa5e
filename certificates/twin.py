"""The JSON twin of a document (issue 11 point 4): the facts its PDF prints, in a versioned schema ("document/v1",
SIGNING_DESIGN.md), with the statement its QR code signs.

The kind-specific facts ("details") are the renderer's context, the dataclass that IS what the PDF prints, made
JSON-safe when the document is rendered and kept beside its file (`Document.details`): the twin then says what the
PDF says even after the subject's rows change (an owner renamed, a device moved), and the same bytes every time.
"""

import dataclasses
import json
from datetime import date, datetime, time
from decimal import Decimal

from django.utils.functional import Promise

from certificates.models import Document
from certificates.statement import document_issued_on, document_statement

TWIN_SCHEMA = "document/v1"
# Fields of a context that are presentation, not facts: the QR's link (the seal replaces it; `id` finds the document).
PRESENTATION_FIELDS = frozenset({"verify_url"})


def _plain(value):
    """A context value as JSON: dates ISO 8601, Decimal as a string (no float rounding), tuples as lists."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    raise TypeError(f"A document's context holds a {type(value).__name__}, which the JSON twin cannot state")


def context_details(context) -> dict:
    """The facts a renderer's context prints, JSON-safe, in the context's own field order."""
    details = _plain(context)
    for name in PRESENTATION_FIELDS:
        details.pop(name, None)
    return details


def context_details_json(context) -> str:
    """What `Document.details` keeps: the details as JSON text (text keeps the fields' order; jsonb would not)."""
    return json.dumps(context_details(context), ensure_ascii=False, separators=(",", ":"))


def _party(organization) -> dict:
    return {"name": organization.name, "tax_code": organization.tax_code or ""}


def document_twin(document: Document) -> dict:
    """The twin of a rendered document (`details` None for one rendered before the twin existed)."""
    return {
        "schema": TWIN_SCHEMA,
        "id": document.pk,
        "kind": document.kind,
        "kind_label": document.kind_label,
        "number": document.number,
        "year": document.year,
        "status": document.status,
        "issuer": _party(document.issuer),
        "owner": _party(document.owner),
        "subject_label": document.subject_label,
        "issued_on": document_issued_on(document).isoformat(),
        "valid_until": document.valid_until.isoformat() if document.valid_until else None,
        "pdf_sha256": document.sha256,
        "statement": document_statement(document),
        "seal": document.seal,
        "details": json.loads(document.details) if document.details else None,
    }
