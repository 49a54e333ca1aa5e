"""The statement a document's QR code signs (SIGNING_DESIGN.md, docseal's Claims), in its readable JSON form: the
JSON twin shows it as "statement", and the sealer signs the same facts.

issued_on, the one rule: the day the document bears. That is the kind's own date when the kind dates the document
(`DocumentFacts.dated`, copied to `Document.dated`: a decision's or record's date, a check record's day, a
notice's scan day), otherwise the local date of the request (`created_at`), which is what the certificate and the
licence print as their issue date (their renderers' `timezone.localdate(document.created_at)`).
"""

from datetime import date

from django.utils import timezone

from certificates.models import Document
from docseal import cose, qr
from docseal.claims import Claims

STATEMENT_VERSION = 1


def document_issued_on(document: Document) -> date:
    """The day the document bears, as its PDF prints it (the rule above)."""
    return document.dated or timezone.localdate(document.created_at)


def document_statement(document: Document) -> dict:
    """The signed facts of a document, keys in the statement's order. Once sealed, exactly what its seal signed
    (read back from the seal, so a later change of the owner's tax code does not change it); before, the facts
    the sealer will sign, content_sha256 and kid None."""
    if document.seal:
        kid, payload, _to_be_signed, _signature = cose.open1(qr.parse_seal_text(document.seal))
        return Claims.from_cbor(payload).to_json(kid)
    return {
        "version": STATEMENT_VERSION,
        "kind": document.kind,
        "number": document.number,
        "year": document.year,
        "subject": document.subject_key,
        "owner_tax_code": document.owner.tax_code or "",
        "issued_on": document_issued_on(document).isoformat(),
        "valid_until": document.valid_until.isoformat() if document.valid_until else None,
        "content_sha256": document.content_sha256 or None,
        "kid": None,
    }
