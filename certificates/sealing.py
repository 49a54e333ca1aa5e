"""Sealing an issued document: its QR code's signed statement and the issuer's PAdES signature (issue 11).

The render task calls `document_seal` between rendering and storing, in the same idempotent task: the file stored,
and the SHA-256 recorded, are those of the signed file. A key that cannot sign raises SigningKeyError, which the
task does not retry: the document ends failed with the reason, never issued unsigned.

The statement signs the facts of `certificates.statement.document_statement` (the JSON twin's "statement"), with
the SHA-256 of the rendered file (the signed file's first revision: a QR code inside a file cannot carry the hash
of the file that carries it). docseal.seal_pdf overlays the seal's QR over the renderer's own QR box (found by
the link to the document's verify page that every renderer puts over it), embeds the seal text as seal.txt and
signs the whole.
"""

import threading
from datetime import date

from django.conf import settings
from django.utils import translation

from certificates.models import Document
from certificates.signing.keys import LoadedKey, issuer_key
from certificates.statement import document_statement
from docseal.claims import Claims
from docseal.seal import PrivateKeySigner, Sealed, SealSigner, seal_pdf

# One pyHanko signer per key and process: building it converts the key and the chain (a few ms a document).
_signers: dict[bytes, SealSigner] = {}
_signers_lock = threading.Lock()


def seal_prefix() -> str:
    """What the QR's link starts with: the public base URL, upper-cased (docseal.qr)."""
    return settings.PUBLIC_BASE_URL.upper()


def document_claims(document: Document) -> Claims:
    """The statement's facts, as docseal signs them (the hash is added when sealing)."""
    facts = document_statement(document)
    return Claims(
        kind=facts["kind"], number=facts["number"], year=facts["year"], subject=facts["subject"],
        owner_tax_code=facts["owner_tax_code"], issued_on=date.fromisoformat(facts["issued_on"]),
        valid_until=date.fromisoformat(facts["valid_until"]) if facts["valid_until"] else None,
    )


def _signer(key: LoadedKey) -> SealSigner:
    if key.token_signer is not None:
        return key.token_signer
    with _signers_lock:
        signer = _signers.get(key.kid)
        if signer is None:
            signer = _signers[key.kid] = PrivateKeySigner(key.private_key, key.certificate, key.chain)
        return signer


def document_seal(document: Document, pdf: bytes) -> tuple[Sealed, str]:
    """Seal and sign a rendered document with its issuer's active key; returns the sealed file and the key's kid.

    Raises SigningKeyError when the issuer's key cannot sign."""
    key = issuer_key(document.issuer)
    with translation.override("vi"):
        reason = f"Phát hành {document.kind_label} số {document.number}"
    sealed = seal_pdf(
        pdf, claims_without_hash=document_claims(document), signer=_signer(key),
        link_uri=f"{settings.PUBLIC_BASE_URL}{document.verify_path}", qr_prefix=seal_prefix(),
        reason=reason, location=document.issuer.province or "Việt Nam",
        timestamp_url=settings.DOCUMENT_SIGNING.get("TSA_URL") or None,
    )
    return sealed, key.kid.hex()
