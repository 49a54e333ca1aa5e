"""Keys on a PKCS#11 token (an HSM, a USB token, SoftHSM in tests): the private key never leaves it.

A key's `source` names it as an RFC 7512 URI, `pkcs11:token=<token label>;object=<key label>`; the module (the
vendor's .so) is DOCUMENT_SIGNING["PKCS11_MODULE"] and the user PIN DOCUMENT_SIGNING["PKCS11_PIN"]. Needs the
python-pkcs11 package (pyHanko's `pkcs11` extra).

`TokenSigner` is a SealSigner (SIGNING_DESIGN.md): `.kid`, `.certificate`, `.chain`, `.pyhanko_signer()` (pyHanko's
PKCS11Signer on the same session) and `.sign_es256(data)` (raw r||s, as PKCS#11's CKM_ECDSA returns it).
"""

import hashlib
import threading
from urllib.parse import unquote

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def parse_uri(uri: str) -> dict[str, str]:
    """The path attributes of a `pkcs11:` URI (RFC 7512 §2.3): {"token": ..., "object": ...}."""
    if not uri.startswith("pkcs11:"):
        raise ValueError(f"{uri!r} is not a pkcs11: URI")
    path = uri[len("pkcs11:"):].split("?", 1)[0]
    attributes = dict(part.split("=", 1) for part in path.split(";") if "=" in part)
    return {name: unquote(value) for name, value in attributes.items()}


_sessions: dict[tuple[str, str], object] = {}
_sessions_lock = threading.Lock()


def token_session(module: str, token_label: str, pin: str):
    """One logged-in session per module and token for the process (opening one costs a login)."""
    import pkcs11  # python-pkcs11: imported here, so that the service runs without it until a token is used

    with _sessions_lock:
        session = _sessions.get((module, token_label))
        if session is None:
            token = pkcs11.lib(module).get_token(token_label=token_label)
            session = token.open(user_pin=pin)
            _sessions[(module, token_label)] = session
        return session


class TokenSigner:
    """An issuer's key on a token, with its certificate and chain (from the SigningKey row)."""

    def __init__(self, *, kid: bytes, certificate: x509.Certificate, chain: list[x509.Certificate], session,
                 key_label: str):
        import pkcs11

        self.kid = kid
        self.certificate = certificate
        self.chain = chain
        self._session = session
        self._key_label = key_label
        self._key = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, label=key_label)
        self._lock = threading.Lock()  # a PKCS#11 session runs one operation at a time

    def sign_es256(self, data: bytes) -> bytes:
        """ECDSA P-256 over SHA-256 of `data`, as raw r||s (64 bytes). Hashed here and signed with CKM_ECDSA, the
        mechanism every token has (SoftHSM 2.6 has no CKM_ECDSA_SHA256)."""
        import pkcs11

        digest = hashlib.sha256(data).digest()
        with self._lock:
            return bytes(self._key.sign(digest, mechanism=pkcs11.Mechanism.ECDSA))

    def pyhanko_signer(self):
        """pyHanko's signer on the token: the digest computed here, signed with raw CKM_ECDSA (use_raw_mechanism)."""
        from pyhanko.sign.pkcs11 import PKCS11Signer

        der = self.certificate.public_bytes(serialization.Encoding.DER)
        chain = [asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)) for cert in self.chain]
        return PKCS11Signer(self._session, key_label=self._key_label, signing_cert=asn1_x509.Certificate.load(der),
                            ca_chain=chain, other_certs_to_pull=None, use_raw_mechanism=True)

    def private_key(self) -> "TokenPrivateKey":
        return TokenPrivateKey(self)


class TokenPrivateKey(ec.EllipticCurvePrivateKey):
    """The token's key seen as a cryptography key: it signs (ECDSA with SHA-256 only) and tells its public key;
    it cannot be exported, exchanged or serialised."""

    def __init__(self, signer: TokenSigner):
        self._signer = signer

    @property
    def curve(self) -> ec.EllipticCurve:
        return ec.SECP256R1()

    @property
    def key_size(self) -> int:
        return 256

    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self._signer.certificate.public_key()

    def sign(self, data: bytes, signature_algorithm: ec.EllipticCurveSignatureAlgorithm) -> bytes:
        if not isinstance(signature_algorithm, ec.ECDSA) or not isinstance(signature_algorithm.algorithm,
                                                                           hashes.SHA256):
            raise ValueError("A token key signs ECDSA with SHA-256 only")
        raw = self._signer.sign_es256(data)
        return encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:]))

    def exchange(self, algorithm, peer_public_key) -> bytes:
        raise TypeError("A token's signing key does not do key exchange")

    def private_numbers(self):
        raise TypeError("A token's private key cannot be exported")

    def private_bytes(self, encoding, format, encryption_algorithm) -> bytes:
        raise TypeError("A token's private key cannot be exported")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


__all__ = ["TokenPrivateKey", "TokenSigner", "parse_uri", "token_session"]
