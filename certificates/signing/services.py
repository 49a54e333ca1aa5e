"""Key changes: rotate (demo or imported PKCS#12), revoke, and the demo keys `make run` creates."""

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from certificates.signing.keys import (
    SigningKeyError,
    certificate_kid,
    demo_key_create,
    demo_key_enrol,
    load_token_key,
    lock_issuer,
    open_pkcs12,
    order_chain,
    register_key,
    signing_settings,
)
from certificates.signing.keys import certificates_pem as certificates_pem_text
from certificates.signing.models import SigningKey, SigningKeyStatus


def configured_root() -> x509.Certificate:
    """The root every issuer's certificate must lead to (DOCUMENT_SIGNING["ROOT_CERT"])."""
    path = Path(signing_settings()["ROOT_CERT"])
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise SigningKeyError(f"The root certificate {path} (DOCUMENT_SIGNING_ROOT_CERT) cannot be read: "
                              f"{exc}") from exc


def _check_imported(*, certificate: x509.Certificate, chain: list[x509.Certificate], what: str) -> None:
    """An imported certificate: its chain ends at the configured root, valid now, allowed to sign, new."""
    root = configured_root()
    if chain[-1].public_bytes(serialization.Encoding.DER) != root.public_bytes(serialization.Encoding.DER):
        raise SigningKeyError(f"The chain in {what} ends at {chain[-1].subject.rfc4514_string()}, not at the "
                              f"configured root {root.subject.rfc4514_string()}")
    now = timezone.now()
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
        raise SigningKeyError(f"The certificate in {what} is not valid now (from {start:%Y-%m-%d} to {end:%Y-%m-%d})")
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise SigningKeyError(f"The certificate in {what} does not allow signing (key usage)")
    if SigningKey.objects.filter(kid=certificate_kid(certificate).hex()).exists():
        raise SigningKeyError(f"The certificate in {what} is already registered")


def pkcs12_check(*, issuer, data: bytes, passphrase: bytes, what: str):
    """An imported PKCS#12 file, checked: P-256 key matching its certificate, valid now, signing key usage, and a
    chain that ends at the configured root. Returns (private key, certificate, chain)."""
    private_key, certificate, chain = open_pkcs12(data, passphrase, what=what, issuer=issuer)
    _check_imported(certificate=certificate, chain=chain, what=what)
    return private_key, certificate, chain


def token_key_check(*, issuer, uri: str, certificates_pem: bytes, what: str):
    """A key on a PKCS#11 token with its certificate and chain (PEM, the issuer's certificate first), checked like
    a PKCS#12 file, and the token's key must be the certificate's. Returns (certificate, chain)."""
    try:
        certificate, *others = x509.load_pem_x509_certificates(certificates_pem)
    except ValueError as exc:
        raise SigningKeyError(f"{what} holds no PEM certificate") from exc
    chain = order_chain(certificate, others, issuer=issuer, what=what)
    _check_imported(certificate=certificate, chain=chain, what=what)
    candidate = SigningKey(issuer_id=issuer.pk, kid=certificate_kid(certificate).hex(), source=uri,
                           certificate_pem=certificates_pem_text([certificate]), chain_pem=certificates_pem_text(chain))
    load_token_key(candidate, issuer=issuer)  # the token answers, holds the key, and it is the certificate's
    return certificate, chain


@transaction.atomic
def signing_key_rotate(*, issuer, pkcs12_file: Path | None = None, passphrase: bytes | None = None,
                       pkcs11_uri: str | None = None, certificates_file: Path | None = None) -> SigningKey:
    """Retire the issuer's active key (its documents still verify) and make a new one active: the PKCS#12 file
    given (production: checked against the root, stored again under KEYS_DIR with the service's passphrase), a key
    on a PKCS#11 token with its certificates' PEM file, or a new demo key when DEMO_KEYS is on."""
    issuer = lock_issuer(issuer)
    source = None
    if pkcs12_file is not None:
        data = Path(pkcs12_file).read_bytes()
        private_key, certificate, chain = pkcs12_check(
            issuer=issuer, data=data, passphrase=passphrase or signing_settings()["PASSPHRASE"].encode(),
            what=str(pkcs12_file))
    elif pkcs11_uri is not None:
        if certificates_file is None:
            raise ValidationError({"certificate": "A key on a token needs its certificate and chain (PEM file)."})
        certificate, chain = token_key_check(issuer=issuer, uri=pkcs11_uri, what=str(certificates_file),
                                             certificates_pem=Path(certificates_file).read_bytes())
        private_key, source = None, pkcs11_uri
    elif signing_settings()["DEMO_KEYS"]:
        private_key, certificate, chain = demo_key_create(issuer)
    else:
        raise ValidationError({"pkcs12": "A new key must be imported (--pkcs12 FILE or --pkcs11 URI): DEMO_KEYS is "
                                         "off."})
    now = timezone.now()
    active = SigningKey.objects.select_for_update(no_key=True).filter(issuer_id=issuer.pk,
                                                                     status=SigningKeyStatus.ACTIVE)
    for old in active:
        old.status = SigningKeyStatus.RETIRED
        old.active_until = now
        old.save(update_fields=["status", "active_until"])
    return register_key(issuer=issuer, private_key=private_key, certificate=certificate, chain=chain, source=source)


@transaction.atomic
def signing_key_revoke(*, kid: str, reason: str) -> SigningKey:
    """Revoke a key: its documents then say they were signed by a revoked key. An active key stops signing
    (with DEMO_KEYS off its issuer signs nothing until a key is rotated in)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "A revocation needs a reason."})
    key = SigningKey.objects.select_for_update(no_key=True).filter(kid=kid.lower()).first()
    if key is None:
        raise ValidationError({"kid": f"No signing key {kid}."})
    if key.status == SigningKeyStatus.REVOKED:
        raise ValidationError({"kid": f"Key {kid} was already revoked on {key.revoked_at:%Y-%m-%d}."})
    now = timezone.now()
    key.status = SigningKeyStatus.REVOKED
    key.revoked_at = now
    key.revocation_reason = reason
    key.active_until = key.active_until or now
    key.full_clean()
    key.save()
    return key


def signing_keys_demo(*, issuers) -> list[SigningKey]:
    """A demo key for each of these issuers that has no active key (`make run`, after the demo data)."""
    if not signing_settings()["DEMO_KEYS"]:
        raise ValidationError("Demo keys are off (DOCUMENT_SIGNING_DEMO_KEYS): import real keys with rotate --pkcs12.")
    created = []
    for issuer in issuers:
        if not SigningKey.objects.filter(issuer_id=issuer.pk, status=SigningKeyStatus.ACTIVE).exists():
            created.append(demo_key_enrol(issuer=issuer))
    return created
