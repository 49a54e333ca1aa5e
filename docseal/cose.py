"""COSE_Sign1 (RFC 9052 §4.2) with ES256, as the QR code's seal carries it.

    COSE_Sign1 = Tag(18, [protected: bstr, unprotected: {}, payload: bstr, signature: bstr])
    protected  = bstr .cbor {1: -7, 4: kid}       ; alg ES256, kid = 8 raw bytes (see docseal.keys.kid_of)
    Sig_structure = ["Signature1", protected, b"", payload]   ; deterministic CBOR (docseal.cbor)
    signature  = ECDSA P-256 with SHA-256 over the encoded Sig_structure, as raw r || s (32 + 32 bytes, big endian)

The payload is the statement of docseal.claims. A verifier reads the kid from the protected header, finds that
key in the published keys file, re-encodes the Sig_structure and checks the signature.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from docseal import cbor

__all__ = ["COSEError", "der_to_raw", "open1", "sig_structure", "sign1", "verify_es256"]

COSE_SIGN1_TAG = 18
ALG = 1
KID = 4
ES256 = -7


class COSEError(ValueError):
    """The bytes are not a COSE_Sign1 with ES256 as this module writes it."""


def sig_structure(protected: bytes, payload: bytes) -> bytes:
    """The bytes that are signed: CBOR ["Signature1", protected, h'', payload]."""
    return cbor.dumps(["Signature1", protected, b"", payload])


def sign1(claims_cbor: bytes, *, kid: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """Return the COSE_Sign1 of claims_cbor; sign(to_be_signed) must return the raw r || s ES256 signature."""
    protected = cbor.dumps({ALG: ES256, KID: bytes(kid)})
    signature = sign(sig_structure(protected, claims_cbor))
    if len(signature) != 64:
        raise COSEError("an ES256 signature is 64 bytes (r || s)")
    return cbor.dumps(cbor.Tag(COSE_SIGN1_TAG, [protected, {}, claims_cbor, signature]))


def open1(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Parse a COSE_Sign1: return (kid, payload, to_be_signed, signature) without checking the signature."""
    try:
        item = cbor.loads(data)
        if isinstance(item, cbor.Tag):
            if item.number != COSE_SIGN1_TAG:
                raise COSEError(f"tag {item.number} is not COSE_Sign1 (18)")
            item = item.value
        if not isinstance(item, list) or len(item) != 4:
            raise COSEError("COSE_Sign1 must be an array of 4 items")
        protected, _unprotected, payload, signature = item
        if not all(isinstance(part, bytes) for part in (protected, payload, signature)):
            raise COSEError("protected header, payload and signature must be byte strings")
        header = cbor.loads(protected)
    except cbor.CBORError as error:
        raise COSEError(f"not CBOR: {error}") from error
    if not isinstance(header, dict) or header.get(ALG) != ES256:
        raise COSEError("the protected header must say alg ES256 (-7)")
    kid = header.get(KID)
    if not isinstance(kid, bytes):
        raise COSEError("the protected header has no kid")
    return kid, payload, sig_structure(protected, payload), signature


def raw_to_der(signature: bytes) -> bytes:
    return encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))


def der_to_raw(signature: bytes) -> bytes:
    """Turn cryptography's DER ECDSA signature into COSE's raw r || s."""
    r, s = decode_dss_signature(signature)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def verify_es256(public_key: ec.EllipticCurvePublicKey, to_be_signed: bytes, signature: bytes) -> bool:
    """Whether signature (raw r || s) is public_key's ES256 signature over to_be_signed."""
    if len(signature) != 64 or not isinstance(public_key, ec.EllipticCurvePublicKey):
        return False
    try:
        public_key.verify(raw_to_der(signature), to_be_signed, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True
