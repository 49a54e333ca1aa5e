"""The public keys file (SIGNING_DESIGN.md): every key an issuer ever signed with, retired and revoked ones too,
so that a document signed before a rotation still verifies and one signed by a revoked key says so. The file's
shape is docseal's (docseal.keys.key_entry, keys_json), the one its verifiers read."""

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.utils import timezone

from certificates.signing.keys import signing_settings
from certificates.signing.models import SigningKey
from docseal.keys import key_entry, keys_json


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def keys_file() -> dict:
    """The published JSON: the trusted roots (the configured one and every key's), and every key."""
    roots: dict[bytes, x509.Certificate] = {}
    root_path = Path(signing_settings()["ROOT_CERT"])
    if root_path.exists():
        configured = x509.load_pem_x509_certificate(root_path.read_bytes())
        roots[_der(configured)] = configured
    entries = []
    for key in SigningKey.objects.select_related("issuer").order_by("issuer_id", "active_from", "id"):
        certificate = x509.load_pem_x509_certificate(key.certificate_pem.encode())
        chain = x509.load_pem_x509_certificates(key.chain_pem.encode())
        entries.append(key_entry(
            certificate, chain, issuer_name=key.issuer.name, issuer_tax_code=key.issuer.tax_code or "",
            status=key.status, active_from=key.active_from, active_until=key.active_until,
            revoked_at=key.revoked_at, revocation_reason=key.revocation_reason))
        roots.setdefault(_der(chain[-1]), chain[-1])
    return keys_json(list(roots.values()), entries, generated_at=timezone.now())
