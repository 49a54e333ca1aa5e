"""The issuers' keys: demo keys made on first use, loading and its failures, rotation and revocation."""

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.exceptions import ValidationError

from certificates.signing.keys import (
    SigningKeyError,
    certificate_kid,
    demo_certificate,
    demo_root,
    issuer_key,
    issuer_key_cache_clear,
    keys_dir,
    register_key,
)
from certificates.signing.models import SigningKey, SigningKeyStatus
from certificates.signing.services import signing_key_revoke, signing_key_rotate
from tests.conftest import SIGNING_PASSPHRASE
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _subject(certificate, oid) -> list[str]:
    return [attribute.value for attribute in certificate.subject.get_attributes_for_oid(oid)]


def test_an_issuer_without_a_key_gets_a_demo_key_marked_demo_and_issued_by_the_demo_root(verification_body):
    loaded = issuer_key(verification_body)

    key = SigningKey.objects.get(issuer=verification_body)
    assert (key.status, key.kid) == (SigningKeyStatus.ACTIVE, loaded.kid.hex())
    assert loaded.kid == certificate_kid(loaded.certificate) and len(key.kid) == 16
    certificate, [root] = loaded.certificate, loaded.chain
    assert _subject(certificate, NameOID.COMMON_NAME) == [verification_body.name]
    assert _subject(certificate, NameOID.ORGANIZATION_NAME) == [verification_body.name]
    assert _subject(certificate, NameOID.SERIAL_NUMBER) == [verification_body.tax_code]
    assert "DEMO" in certificate.subject.rfc4514_string() and "DEMO" in root.subject.rfc4514_string()
    certificate.verify_directly_issued_by(root)
    root.verify_directly_issued_by(root)
    assert isinstance(loaded.private_key.curve, ec.SECP256R1)
    assert loaded.private_key.public_key() == certificate.public_key()
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert certificate.not_valid_after_utc - certificate.not_valid_before_utc == timedelta(days=5 * 365)
    assert root.not_valid_after_utc - root.not_valid_before_utc == timedelta(days=10 * 365)


def test_the_demo_key_is_stored_as_pkcs12_that_opens_with_the_passphrase_only(verification_body):
    loaded = issuer_key(verification_body)

    data = (keys_dir() / SigningKey.objects.get(issuer=verification_body).source).read_bytes()
    private_key, certificate, others = pkcs12.load_key_and_certificates(data, SIGNING_PASSPHRASE.encode())
    assert certificate == loaded.certificate and others == loaded.chain
    assert private_key.private_numbers() == loaded.private_key.private_numbers()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(data, b"another passphrase")


def test_a_long_vietnamese_name_is_cut_to_fit_the_certificate(db):
    name = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng tỉnh Quảng Trị và các vùng lân cận"
    issuer = OrganizationFactory(kind="verification_body", name=name)

    loaded = issuer_key(issuer)

    [common_name] = _subject(loaded.certificate, NameOID.COMMON_NAME)
    [organization] = _subject(loaded.certificate, NameOID.ORGANIZATION_NAME)
    assert len(common_name.encode()) <= 64 and common_name.endswith("…") and name.startswith(common_name[:-1])
    assert len(organization) <= 64 and name.startswith(organization[:-1].rstrip())


def test_the_department_without_a_tax_code_gets_a_key_without_serial_number(department):
    department.tax_code = None
    department.save()

    loaded = issuer_key(department)

    assert _subject(loaded.certificate, NameOID.SERIAL_NUMBER) == []


def test_a_loaded_key_is_kept_for_the_next_document(verification_body):
    first = issuer_key(verification_body)

    assert issuer_key(verification_body) is first
    assert SigningKey.objects.filter(issuer=verification_body).count() == 1


def test_a_wrong_passphrase_stops_signing_naming_the_issuer(verification_body, settings):
    issuer_key(verification_body)
    issuer_key_cache_clear()
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "PASSPHRASE": "not the passphrase"}

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and "wrong passphrase" in str(error.value)


def test_a_missing_key_file_stops_signing_naming_the_issuer_and_the_file(verification_body):
    issuer_key(verification_body)
    issuer_key_cache_clear()
    path = keys_dir() / SigningKey.objects.get(issuer=verification_body).source
    path.unlink()

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and str(path) in str(error.value)


def test_an_expired_certificate_stops_signing_naming_the_issuer(verification_body):
    root_key, root = demo_root()
    private_key = ec.generate_private_key(ec.SECP256R1())
    expired = demo_certificate(verification_body, private_key.public_key(), root_key, root, days=1,
                               start=datetime.now(UTC) - timedelta(days=3))
    register_key(issuer=verification_body, private_key=private_key, certificate=expired, chain=[root])

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and "expired" in str(error.value)


def test_a_pkcs11_key_without_a_module_configured_says_so(verification_body):
    root_key, root = demo_root()
    private_key = ec.generate_private_key(ec.SECP256R1())
    certificate = demo_certificate(verification_body, private_key.public_key(), root_key, root)
    register_key(issuer=verification_body, private_key=None, certificate=certificate, chain=[root],
                 source="pkcs11:token=issuer;object=signing")

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and "DOCUMENT_SIGNING_PKCS11_MODULE" in str(error.value)


def test_without_demo_keys_an_issuer_with_no_key_cannot_sign(verification_body, settings):
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "DEMO_KEYS": False}

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and "no signing key" in str(error.value)
    assert not SigningKey.objects.exists()


def test_rotation_retires_the_old_key_and_signs_with_the_new(verification_body):
    old = issuer_key(verification_body)

    new_key = signing_key_rotate(issuer=verification_body)

    retired = SigningKey.objects.get(kid=old.kid.hex())
    assert retired.status == SigningKeyStatus.RETIRED and retired.active_until is not None
    assert new_key.status == SigningKeyStatus.ACTIVE and new_key.active_from >= retired.active_until
    assert issuer_key(verification_body).kid.hex() == new_key.kid != retired.kid


def _pkcs12_under(root_key, root, issuer, passphrase: bytes) -> bytes:
    private_key = ec.generate_private_key(ec.SECP256R1())
    certificate = demo_certificate(issuer, private_key.public_key(), root_key, root)
    return pkcs12.serialize_key_and_certificates(b"imported", private_key, certificate, [root],
                                                 serialization.BestAvailableEncryption(passphrase))


def test_rotation_imports_a_pkcs12_whose_chain_leads_to_the_configured_root(verification_body, tmp_path):
    root_key, root = demo_root()
    imported = tmp_path / "issuer.p12"
    imported.write_bytes(_pkcs12_under(root_key, root, verification_body, b"the file's own passphrase"))

    key = signing_key_rotate(issuer=verification_body, pkcs12_file=imported, passphrase=b"the file's own passphrase")

    assert key.status == SigningKeyStatus.ACTIVE and key.source == f"issuers/{key.kid}.p12"
    assert issuer_key(verification_body).kid.hex() == key.kid  # stored again under the service's passphrase


def test_rotation_refuses_a_pkcs12_from_another_root(verification_body, tmp_path):
    other_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Another CA")])
    now = datetime.now(UTC)
    other_root = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(other_key.public_key())
                  .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
                  .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                  .sign(other_key, hashes.SHA256()))
    demo_root()
    imported = tmp_path / "issuer.p12"
    imported.write_bytes(_pkcs12_under(other_key, other_root, verification_body, SIGNING_PASSPHRASE.encode()))

    with pytest.raises(SigningKeyError) as error:
        signing_key_rotate(issuer=verification_body, pkcs12_file=imported)

    assert "not at the configured root" in str(error.value)
    assert not SigningKey.objects.filter(issuer=verification_body).exists()


def test_revocation_records_the_reason_and_time_and_stops_the_key_signing(verification_body, settings):
    loaded = issuer_key(verification_body)
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "DEMO_KEYS": False}

    key = signing_key_revoke(kid=loaded.kid.hex(), reason="The token was lost")

    key.refresh_from_db()
    assert (key.status, key.revocation_reason) == (SigningKeyStatus.REVOKED, "The token was lost")
    assert key.revoked_at is not None and key.active_until == key.revoked_at
    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)
    assert verification_body.name in str(error.value) and "revoked" in str(error.value)


def test_revocation_needs_a_reason_and_a_known_key(verification_body):
    loaded = issuer_key(verification_body)

    with pytest.raises(ValidationError) as no_reason:
        signing_key_revoke(kid=loaded.kid.hex(), reason="  ")
    with pytest.raises(ValidationError) as unknown:
        signing_key_revoke(kid="00" * 8, reason="lost")

    assert "reason" in no_reason.value.message_dict and "kid" in unknown.value.message_dict
    assert SigningKey.objects.get().status == SigningKeyStatus.ACTIVE


def test_an_issuer_has_at_most_one_active_key(verification_body):
    issuer_key(verification_body)
    root_key, root = demo_root()
    private_key = ec.generate_private_key(ec.SECP256R1())

    with pytest.raises(ValidationError):
        register_key(issuer=verification_body, private_key=private_key, chain=[root],
                     certificate=demo_certificate(verification_body, private_key.public_key(), root_key, root))


def test_the_demo_root_s_name_stays_under_128_bytes_of_der():
    """Past 127 bytes (a long DER length), asn1crypto under pyHanko re-serialises the issuer's name in the
    signing-certificate attribute thousands of times a signature: ~30 ms more per document (bench/certificates.py).
    The demo root stays short; DEMO is still in its subject."""
    _root_key, root = demo_root()

    assert len(root.subject.public_bytes()) < 128
    assert "DEMO" in root.subject.rfc4514_string()
