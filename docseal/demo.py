"""Demo keys for development and tests: a root CA and issuer certificates, EC P-256, "DEMO" in every subject.

Production keys come from the province's CA; these exist so that a fresh checkout signs its documents too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["fit_name", "make_issuer", "make_root", "to_pkcs12"]


def fit_name(text: str, limit: int = 64, *, in_bytes: bool = False) -> str:
    """X.520 bounds a common name and an organisation's name to 64 characters; cryptography counts a common name's
    UTF-8 bytes (a Vietnamese name's letters take two or three). Cut on a character, ending with "…"."""
    def size(value: str) -> int:
        return len(value.encode()) if in_bytes else len(value)

    if size(text) <= limit:
        return text
    while size(text + "…") > limit:
        text = text[:-1]
    return text.rstrip() + "…"


def _name(common_name: str, organization: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def make_root(common_name: str = "DEMO Document Signing Root", *, years: int = 20,
              now: datetime | None = None) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name, "DEMO - not a real authority")
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def make_issuer(root_key: ec.EllipticCurvePrivateKey, root: x509.Certificate, organization: str, *,
                years: int = 5, now: datetime | None = None) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """An issuer's signing key and certificate, signed by root; the subject says DEMO."""
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder().subject_name(_name(fit_name(f"DEMO {organization}", in_bytes=True),
                                                    fit_name(f"DEMO {organization}")))
        .issuer_name(root.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return key, certificate


def to_pkcs12(key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate, chain: list[x509.Certificate],
              passphrase: bytes | None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(b"document-signing", key, certificate, chain, encryption)
