"""The public keys file (SIGNING_DESIGN.md): every key an issuer ever signed with, retired and revoked ones too,
so that a document signed before a rotation still verifies and one signed by a revoked key says so."""

import base64
from datetime import UTC
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.utils import timezone

from certificates.signing.keys import signing_settings
from certificates.signing.models import SigningKey


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def _iso(moment) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _key_entry(key: SigningKey) -> tuple[dict, x509.Certificate]:
    certificate = x509.load_pem_x509_certificate(key.certificate_pem.encode())
    chain = x509.load_pem_x509_certificates(key.chain_pem.encode())
    numbers = certificate.public_key().public_numbers()
    entry = {
        "kid": key.kid, "kty": "EC", "crv": "P-256", "alg": "ES256",
        "x": _b64url(numbers.x.to_bytes(32, "big")), "y": _b64url(numbers.y.to_bytes(32, "big")),
        "x5c": [_b64(_der(certificate)), *(_b64(_der(cert)) for cert in chain)],
        "issuer": {"name": key.issuer.name, "tax_code": key.issuer.tax_code or ""},
        "not_before": _iso(certificate.not_valid_before_utc), "not_after": _iso(certificate.not_valid_after_utc),
        "active_from": _iso(key.active_from), "active_until": _iso(key.active_until),
        "status": key.status, "revoked_at": _iso(key.revoked_at), "revocation_reason": key.revocation_reason,
    }
    return entry, chain[-1]


def keys_file() -> dict:
    """The published JSON: the trusted roots (the configured one and every key's), and every key."""
    roots: dict[bytes, x509.Certificate] = {}
    root_path = Path(signing_settings()["ROOT_CERT"])
    if root_path.exists():
        configured = x509.load_pem_x509_certificate(root_path.read_bytes())
        roots[_der(configured)] = configured
    keys = []
    for key in SigningKey.objects.select_related("issuer").order_by("issuer_id", "active_from", "id"):
        entry, root = _key_entry(key)
        keys.append(entry)
        roots.setdefault(_der(root), root)
    return {
        "version": 1,
        "generated_at": _iso(timezone.now()),
        "roots": [{"subject": root.subject.rfc4514_string(), "x5c": [_b64(der)]} for der, root in roots.items()],
        "keys": keys,
    }
