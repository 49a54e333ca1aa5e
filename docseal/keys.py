"""The issuers' published public keys (served at /.well-known/document-keys.json and /api/v1/signing-keys).

    {"version": 1, "generated_at": ISO 8601,
     "roots": [{"subject": str, "x5c": [base64 DER certificate]}],
     "keys": [{"kid": 16 lowercase hex, "kty": "EC", "crv": "P-256", "alg": "ES256",
               "x": base64url(32 bytes), "y": base64url(32 bytes),
               "x5c": [base64 DER issuer certificate, base64 DER root certificate],
               "issuer": {"name": str, "tax_code": str},
               "not_before": ISO, "not_after": ISO, "active_from": ISO, "active_until": ISO | null,
               "status": "active" | "retired" | "revoked", "revoked_at": ISO | null, "revocation_reason": str}]}

kid = the first 8 bytes of SHA-256 over the issuer certificate's DER (`kid_of`). A key is trusted for the QR seal
through this file (x5c[0]'s public key, which must equal x/y); the PDF signature's chain is checked against the
roots. "retired" keys no longer sign but their documents stay valid; "revoked" keys' documents say so.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

__all__ = ["KeysError", "KeysFile", "PublishedKey", "key_entry", "keys_json", "kid_of"]

STATUSES = ("active", "retired", "revoked")


class KeysError(ValueError):
    """The keys file is malformed, or names no such key."""


def kid_of(certificate: x509.Certificate) -> bytes:
    """The key id: the first 8 bytes of SHA-256 over the certificate's DER."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()[:8]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class PublishedKey:
    kid: bytes
    public_key: ec.EllipticCurvePublicKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    issuer_name: str
    issuer_tax_code: str
    status: str
    revoked_at: datetime | None
    revocation_reason: str
    active_from: datetime | None
    active_until: datetime | None

    @property
    def revoked(self) -> bool:
        return self.status == "revoked"


def _parse_time(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError) as error:
        raise KeysError(f"{value!r} is not an ISO 8601 time") from error


def _certificate(text: str) -> x509.Certificate:
    try:
        return x509.load_der_x509_certificate(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise KeysError("an x5c entry is not a base64 DER certificate") from error


class KeysFile:
    """The keys file, parsed. `key(kid)` finds a key; `roots` are the trust anchors for pyHanko."""

    def __init__(self, keys: list[PublishedKey], roots: list[x509.Certificate]):
        self._keys = {key.kid: key for key in keys}
        self.root_certificates = roots

    @classmethod
    def from_json(cls, data: dict) -> KeysFile:
        if not isinstance(data, dict) or data.get("version") != 1:
            raise KeysError("the keys file must be a JSON object with version 1")
        roots = []
        for root in data.get("roots", []):
            roots.extend(_certificate(entry) for entry in root.get("x5c", [])[:1])
        keys = []
        for entry in data.get("keys", []):
            try:
                kid = bytes.fromhex(entry["kid"])
                chain = tuple(_certificate(item) for item in entry["x5c"])
                status = entry["status"]
                issuer = entry.get("issuer") or {}
            except (KeyError, TypeError, ValueError) as error:
                raise KeysError(f"a key entry is malformed: {error}") from error
            if not chain:
                raise KeysError(f"key {entry['kid']} has no certificate (x5c)")
            if kid_of(chain[0]) != kid:
                raise KeysError(f"key {entry['kid']}: kid is not the hash of its certificate")
            public_key = chain[0].public_key()
            if not isinstance(public_key, ec.EllipticCurvePublicKey) or public_key.curve.name != "secp256r1":
                raise KeysError(f"key {entry['kid']} is not an EC P-256 key")
            numbers = public_key.public_numbers()
            if "x" in entry and (_b64url_decode(entry["x"]) != numbers.x.to_bytes(32, "big")
                                 or _b64url_decode(entry["y"]) != numbers.y.to_bytes(32, "big")):
                raise KeysError(f"key {entry['kid']}: x/y differ from its certificate's key")
            if status not in STATUSES:
                raise KeysError(f"key {entry['kid']}: unknown status {status!r}")
            keys.append(PublishedKey(
                kid=kid, public_key=public_key, certificate=chain[0], chain=chain,
                issuer_name=issuer.get("name", ""), issuer_tax_code=issuer.get("tax_code", ""), status=status,
                revoked_at=_parse_time(entry.get("revoked_at")),
                revocation_reason=entry.get("revocation_reason") or "",
                active_from=_parse_time(entry.get("active_from")),
                active_until=_parse_time(entry.get("active_until")),
            ))
        return cls(keys, roots)

    def key(self, kid: bytes) -> PublishedKey:
        try:
            return self._keys[bytes(kid)]
        except KeyError:
            raise KeysError(f"no published key with kid {bytes(kid).hex()}") from None

    def find(self, kid: bytes) -> PublishedKey | None:
        return self._keys.get(bytes(kid))

    @property
    def keys(self) -> list[PublishedKey]:
        return list(self._keys.values())

    @property
    def roots(self) -> list[asn1_x509.Certificate]:
        """The roots as asn1crypto certificates (pyHanko's ValidationContext(trust_roots=...))."""
        return [asn1_x509.Certificate.load(_der(root)) for root in self.root_certificates]


def key_entry(certificate: x509.Certificate, chain: list[x509.Certificate], *, issuer_name: str,
              issuer_tax_code: str, status: str = "active", active_from: datetime | None = None,
              active_until: datetime | None = None, revoked_at: datetime | None = None,
              revocation_reason: str = "") -> dict:
    """One "keys" entry of the keys file for an issuer certificate and the chain above it (root last)."""
    numbers = certificate.public_key().public_numbers()
    return {
        "kid": kid_of(certificate).hex(),
        "kty": "EC", "crv": "P-256", "alg": "ES256",
        "x": _b64url(numbers.x.to_bytes(32, "big")),
        "y": _b64url(numbers.y.to_bytes(32, "big")),
        "x5c": [base64.b64encode(_der(item)).decode("ascii") for item in [certificate, *chain]],
        "issuer": {"name": issuer_name, "tax_code": issuer_tax_code},
        "not_before": certificate.not_valid_before_utc.isoformat(),
        "not_after": certificate.not_valid_after_utc.isoformat(),
        "active_from": _iso(active_from or certificate.not_valid_before_utc),
        "active_until": _iso(active_until),
        "status": status,
        "revoked_at": _iso(revoked_at),
        "revocation_reason": revocation_reason,
    }


def keys_json(roots: list[x509.Certificate], entries: list[dict], *, generated_at: datetime) -> dict:
    """The whole keys file from the roots and the key entries (key_entry)."""
    return {
        "version": 1,
        "generated_at": generated_at.isoformat(),
        "roots": [{"subject": root.subject.rfc4514_string(),
                   "x5c": [base64.b64encode(_der(root)).decode("ascii")]} for root in roots],
        "keys": entries,
    }
