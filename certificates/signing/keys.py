"""An issuer's active key, loaded from its PKCS#12 file; the demo root and the demo keys of development.

`issuer_key(issuer)` is what the render task calls before sealing a document. Any reason the key cannot sign
(no key, a missing file, a wrong passphrase, a certificate that does not match the key or has expired) raises
`SigningKeyError` naming the issuer and the cause: the document fails with it, it is never issued unsigned.
"""

import contextlib
import fcntl
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.signing.models import SigningKey, SigningKeyStatus
from docseal.demo import fit_name
from docseal.keys import kid_of

DEMO_MARK = "DEMO - not for legal use"
ROOT_YEARS = 10
ISSUER_YEARS = 5
# Certificates start a few minutes in the past: a worker whose clock is slightly behind still signs inside them.
CLOCK_SKEW = timedelta(minutes=5)


class SigningKeyError(Exception):
    """An issuer's key cannot sign. Not transient: retrying does not help, the document fails with this message."""


@dataclass(frozen=True)
class LoadedKey:
    """A key ready to sign. `chain` holds the certificates above `certificate`, up to and including the root."""

    kid: bytes
    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate]
    # For a key on a PKCS#11 token: a ready SealSigner (certificates.signing.pkcs11.TokenSigner). Its private_key
    # then signs through the token (ECDSA SHA-256) but cannot be exported: sign with this signer instead.
    token_signer: object | None = None

    @property
    def kid_hex(self) -> str:
        return self.kid.hex()


def signing_settings() -> dict:
    return settings.DOCUMENT_SIGNING


def keys_dir() -> Path:
    return Path(signing_settings()["KEYS_DIR"])


def _passphrase() -> bytes:
    return signing_settings()["PASSPHRASE"].encode()


# The first 8 bytes of SHA-256 of the certificate's DER: docseal's definition, which verifiers read.
certificate_kid = kid_of


def certificates_pem(certificates: list[x509.Certificate]) -> str:
    return "".join(cert.public_bytes(serialization.Encoding.PEM).decode() for cert in certificates)


def _describe(issuer) -> str:
    return f"{issuer.name} (organisation {issuer.pk})"


def _fail(issuer, cause: str) -> SigningKeyError:
    return SigningKeyError(f"The signing key of {_describe(issuer)} cannot sign: {cause}")


# --- loading ------------------------------------------------------------------------------------------------

# Loaded keys of this process, by kid: opening a PKCS#12 file (its key derivation) costs more than a signature.
_cache: dict[str, LoadedKey] = {}
_cache_lock = threading.Lock()


def issuer_key_cache_clear() -> None:
    with _cache_lock:
        _cache.clear()


def issuer_key(issuer) -> LoadedKey:
    """The issuer's active key, loaded (cached per process). With DEMO_KEYS on, an issuer with no active key gets
    a demo key first."""
    key = SigningKey.objects.filter(issuer_id=issuer.pk, status=SigningKeyStatus.ACTIVE).first()
    if key is None:
        if not signing_settings()["DEMO_KEYS"]:
            raise _fail(issuer, _why_no_active_key(issuer))
        key = demo_key_enrol(issuer=issuer)
    with _cache_lock:
        loaded = _cache.get(key.kid)
    if loaded is None:
        loaded = load_key(key, issuer=issuer)
        with _cache_lock:
            _cache[key.kid] = loaded
    _check_validity(issuer, loaded.certificate)  # a cached key expires too
    return loaded


def _why_no_active_key(issuer) -> str:
    last = SigningKey.objects.filter(issuer_id=issuer.pk).order_by("-active_from", "-id").first()
    if last is None:
        return "it has no signing key (import one: manage.py signing_keys rotate --issuer ... --pkcs12 FILE)"
    if last.status == SigningKeyStatus.REVOKED:
        return (f"its key {last.kid} was revoked on {last.revoked_at:%Y-%m-%d} ({last.revocation_reason}) and no "
                f"key replaced it (manage.py signing_keys rotate)")
    return f"it has no active key (its last, {last.kid}, is {last.status}; manage.py signing_keys rotate)"


def load_key(key: SigningKey, *, issuer=None) -> LoadedKey:
    """Open the key's PKCS#12 file and check it: the registered certificate, matching the key, valid now."""
    issuer = issuer or key.issuer
    if key.is_pkcs11:
        return load_token_key(key, issuer=issuer)
    path = keys_dir() / key.source
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(issuer, f"its PKCS#12 file {path} cannot be read ({exc.strerror or exc})") from exc
    private_key, certificate, chain = open_pkcs12(data, _passphrase(), what=str(path), issuer=issuer)
    if certificate_kid(certificate) != bytes.fromhex(key.kid):
        raise _fail(issuer, f"{path} holds certificate {certificate_kid(certificate).hex()}, not the registered "
                            f"key {key.kid}")
    _check_validity(issuer, certificate)
    return LoadedKey(kid=bytes.fromhex(key.kid), private_key=private_key, certificate=certificate, chain=chain)


def load_token_key(key: SigningKey, *, issuer) -> LoadedKey:
    """A key on a PKCS#11 token: the token signs; the certificate and chain are the registered ones."""
    module = signing_settings().get("PKCS11_MODULE")
    if not module:
        raise _fail(issuer, f"key {key.kid} is on a PKCS#11 token ({key.source}) but DOCUMENT_SIGNING_PKCS11_MODULE "
                            f"names no module")
    try:
        from certificates.signing.pkcs11 import TokenSigner, parse_uri, token_session

        where = parse_uri(key.source)
        session = token_session(module, where["token"], signing_settings().get("PKCS11_PIN") or "")
        certificate = x509.load_pem_x509_certificate(key.certificate_pem.encode())
        chain = x509.load_pem_x509_certificates(key.chain_pem.encode())
        signer = TokenSigner(kid=bytes.fromhex(key.kid), certificate=certificate, chain=chain, session=session,
                             key_label=where["object"])
        # The token's key must be the certificate's: it signs a challenge that the certificate's public key
        # verifies (a token need not hold the public key as an object).
        challenge = b"certificate match " + os.urandom(16)
        raw = signer.sign_es256(challenge)
    except ImportError as exc:
        raise _fail(issuer, f"key {key.kid} is on a PKCS#11 token, and python-pkcs11 is not installed") from exc
    except KeyError as exc:
        raise _fail(issuer, f"{key.source} must name token= and object=") from exc
    except Exception as exc:  # python-pkcs11's PKCS11Error (no such token or key, wrong PIN), a damaged PEM
        raise _fail(issuer, f"the PKCS#11 token {key.source} cannot be used: {type(exc).__name__} {exc}") from exc
    try:
        certificate.public_key().verify(encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:])),
                                        challenge, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise _fail(issuer, f"the registered certificate is not that of the key on {key.source}") from exc
    _check_validity(issuer, certificate)
    return LoadedKey(kid=bytes.fromhex(key.kid), private_key=signer.private_key(), certificate=certificate,
                     chain=chain, token_signer=signer)


def open_pkcs12(data: bytes, passphrase: bytes, *, what: str, issuer):
    """(private key, certificate, chain up to the root) from a PKCS#12 file, or SigningKeyError saying why not."""
    try:
        private_key, certificate, others = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError as exc:
        raise _fail(issuer, f"{what} cannot be opened: wrong passphrase (DOCUMENT_SIGNING_PASSPHRASE) or not a "
                            f"PKCS#12 file") from exc
    if private_key is None or certificate is None:
        raise _fail(issuer, f"{what} must hold a private key and its certificate")
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or private_key.curve.name != "secp256r1":
        raise _fail(issuer, f"{what} holds a key that is not ECDSA P-256 (ES256 needs P-256)")
    if certificate.public_key() != private_key.public_key():
        raise _fail(issuer, f"the certificate in {what} does not match its private key")
    return private_key, certificate, order_chain(certificate, list(others), issuer=issuer, what=what)


def order_chain(certificate: x509.Certificate, others: list[x509.Certificate], *, issuer, what: str):
    """The certificates above `certificate`, each issuing the one before, ending with a self-signed root."""
    chain: list[x509.Certificate] = []
    current = certificate
    while current.issuer != current.subject:
        parent = next((cert for cert in others if cert.subject == current.issuer), None)
        if parent is None:
            raise _fail(issuer, f"{what} lacks the certificate of {current.issuer.rfc4514_string()}, which issued "
                                f"{current.subject.rfc4514_string()}: its chain must lead to the root")
        try:
            current.verify_directly_issued_by(parent)
        except (ValueError, TypeError, InvalidSignature) as exc:
            raise _fail(issuer, f"in {what}, {current.subject.rfc4514_string()} is not signed by its issuer's "
                                f"certificate") from exc
        chain.append(parent)
        others = [cert for cert in others if cert is not parent]
        current = parent
    if not chain:
        raise _fail(issuer, f"the certificate in {what} is self-signed: it must be issued by the root")
    return chain


def _check_validity(issuer, certificate: x509.Certificate) -> None:
    now = datetime.now(UTC)
    if now > certificate.not_valid_after_utc:
        raise _fail(issuer, f"its certificate expired on {certificate.not_valid_after_utc:%Y-%m-%d %H:%M} UTC "
                            f"(manage.py signing_keys rotate)")
    if now < certificate.not_valid_before_utc:
        raise _fail(issuer, f"its certificate is valid only from {certificate.not_valid_before_utc:%Y-%m-%d %H:%M} "
                            f"UTC")


# --- files --------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def keys_dir_lock():
    """One process (and thread) at a time writes under KEYS_DIR: two workers must not both create the root."""
    directory = keys_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield directory
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner reads, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def write_pkcs12(*, kid: str, private_key, certificate: x509.Certificate, chain: list[x509.Certificate]) -> str:
    """Store a key as PKCS#12 under KEYS_DIR/issuers/, encrypted with the passphrase; its path relative to
    KEYS_DIR (SigningKey.source)."""
    relative = f"issuers/{kid}.p12"
    data = pkcs12.serialize_key_and_certificates(
        kid.encode(), private_key, certificate, chain, serialization.BestAvailableEncryption(_passphrase()))
    _write_private(keys_dir() / relative, data)
    return relative


# --- the demo root and demo keys ----------------------------------------------------------------------------

def demo_root() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """The demo root's key and certificate, created once under KEYS_DIR (its certificate at ROOT_CERT)."""
    root_cert_path = Path(signing_settings()["ROOT_CERT"])
    with keys_dir_lock() as directory:
        key_path = directory / "demo-root.p12"
        if key_path.exists():
            private_key, certificate, _ = pkcs12.load_key_and_certificates(key_path.read_bytes(), _passphrase())
            if not root_cert_path.exists():  # the published root, written again if someone removed it
                root_cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
            return private_key, certificate
        if root_cert_path.exists():
            raise SigningKeyError(f"DEMO_KEYS is on, but the root at {root_cert_path} is not the demo root (no "
                                  f"{key_path}): demo keys cannot be issued under it")
        private_key = ec.generate_private_key(ec.SECP256R1())
        # Kept under 128 bytes of DER: with a longer issuer name, asn1crypto (under pyHanko) re-serialises the
        # name in the signing-certificate attribute thousands of times a signature, about 30 ms more per document
        # (measured: tests/signing/test_keys.py pins the size; bench/certificates.py shows the cost).
        name = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Metrology registry (DEMO)"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
            x509.NameAttribute(NameOID.COMMON_NAME, "DEMO signing root"),
        ])
        now = datetime.now(UTC) - CLOCK_SKEW
        public_key = private_key.public_key()
        certificate = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=365 * ROOT_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .sign(private_key, hashes.SHA256())
        )
        _write_private(key_path, pkcs12.serialize_key_and_certificates(
            b"demo-root", private_key, certificate, None, serialization.BestAvailableEncryption(_passphrase())))
        root_cert_path.parent.mkdir(parents=True, exist_ok=True)
        root_cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return private_key, certificate


def demo_certificate(issuer, public_key, root_key, root_certificate, *, days: int = 365 * ISSUER_YEARS,
                     start: datetime | None = None) -> x509.Certificate:
    """A demo certificate for the issuer, signed by the demo root: CN and O the issuer's name, its tax code as
    serialNumber, and DEMO in the subject."""
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, fit_name(issuer.name)),
                  x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
                  x509.NameAttribute(NameOID.COMMON_NAME, fit_name(issuer.name, in_bytes=True))]
    if getattr(issuer, "tax_code", None):
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, issuer.tax_code))
    start = start or datetime.now(UTC) - CLOCK_SKEW
    return (
        x509.CertificateBuilder().subject_name(x509.Name(attributes)).issuer_name(root_certificate.subject)
        .public_key(public_key).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_certificate.public_key()),
                       critical=False)
        .sign(root_key, hashes.SHA256())
    )


def demo_key_create(issuer) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate, list[x509.Certificate]]:
    """A new demo key and certificate for the issuer (not registered)."""
    root_key, root_certificate = demo_root()
    private_key = ec.generate_private_key(ec.SECP256R1())
    certificate = demo_certificate(issuer, private_key.public_key(), root_key, root_certificate)
    return private_key, certificate, [root_certificate]


def register_key(*, issuer, private_key, certificate, chain, source: str | None = None) -> SigningKey:
    """Store the key's PKCS#12 file (unless it lives elsewhere: `source`) and record it as the issuer's active key.
    The caller holds the issuer's row lock and has retired the previous active key."""
    kid = certificate_kid(certificate).hex()
    if source is None:
        source = write_pkcs12(kid=kid, private_key=private_key, certificate=certificate, chain=chain)
    key = SigningKey(issuer_id=issuer.pk, kid=kid, certificate_pem=certificates_pem([certificate]),
                     chain_pem=certificates_pem(chain), status=SigningKeyStatus.ACTIVE, active_from=timezone.now(),
                     source=source)
    key.full_clean()
    key.save()
    return key


def lock_issuer(issuer):
    """The issuer's row, locked until the transaction ends: one key change per issuer at a time."""
    model = SigningKey._meta.get_field("issuer").related_model
    return model.objects.select_for_update(no_key=True).get(pk=issuer.pk)


def demo_key_enrol(*, issuer) -> SigningKey:
    """The issuer's active key, creating a demo key first if it has none. Race-safe: the issuer's row lock
    serialises callers, and the one-active-key constraint catches a database that cannot lock rows."""
    try:
        with transaction.atomic():
            issuer = lock_issuer(issuer)
            active = SigningKey.objects.filter(issuer_id=issuer.pk, status=SigningKeyStatus.ACTIVE).first()
            if active is not None:
                return active
            private_key, certificate, chain = demo_key_create(issuer)
            return register_key(issuer=issuer, private_key=private_key, certificate=certificate, chain=chain)
    except IntegrityError:
        return SigningKey.objects.get(issuer_id=issuer.pk, status=SigningKeyStatus.ACTIVE)
