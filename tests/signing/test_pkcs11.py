"""A key on a PKCS#11 token (SoftHSM): the token signs the QR statement (ES256) and the PDF (pyHanko's
PKCS11Signer); the private key never leaves it, and the signed PDF validates against the demo root."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.core.management import CommandError, call_command

from certificates.signing.keys import SigningKeyError, demo_certificate, demo_root, issuer_key, register_key
from certificates.signing.models import SigningKey
from tests.conftest import IN_CI

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN, PIN, KEY_LABEL = "issuer-token", "1234", "document-signing"


def _missing() -> str | None:
    if not SOFTHSM_MODULE.exists() or shutil.which("softhsm2-util") is None:
        return "SoftHSM is missing (apt-get install softhsm2; .ci/run installs it)"
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return "python-pkcs11 is not installed (make install)"
    return None


if _missing() and IN_CI:
    raise RuntimeError(f"CI must run the PKCS#11 tests: {_missing()}")
pytestmark = [pytest.mark.skipif(_missing() is not None, reason=str(_missing())), pytest.mark.django_db]


@pytest.fixture(scope="module")
def token_public_key(tmp_path_factory):
    """A SoftHSM token of the tests' own with one P-256 key pair generated on it; its public key."""
    import pkcs11
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

    directory = tmp_path_factory.mktemp("softhsm")
    (directory / "tokens").mkdir()
    conf = directory / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {directory / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read when the module is first loaded, by this process only
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "5678"],
                   check=True, capture_output=True)
    with pkcs11.lib(str(SOFTHSM_MODULE)).get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
        parameters = session.create_domain_parameters(
            pkcs11.KeyType.EC, {pkcs11.Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        public, _ = parameters.generate_keypair(store=True, label=KEY_LABEL)
        return serialization.load_der_public_key(encode_ec_public_key(public))


@pytest.fixture
def token_settings(settings):
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "PKCS11_MODULE": str(SOFTHSM_MODULE), "PKCS11_PIN": PIN}


def _register_token_key(issuer, public_key, *, key_label: str = KEY_LABEL):
    root_key, root = demo_root()
    certificate = demo_certificate(issuer, public_key, root_key, root)
    register_key(issuer=issuer, private_key=None, certificate=certificate, chain=[root],
                 source=f"pkcs11:token={TOKEN};object={key_label}")
    return certificate, root


def _one_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 750, "Signed on a token")
    page.save()
    return buffer.getvalue()


def test_the_token_signs_the_statement_and_the_key_cannot_be_exported(verification_body, token_public_key,
                                                                      token_settings):
    certificate, _ = _register_token_key(verification_body, token_public_key)

    loaded = issuer_key(verification_body)
    raw = loaded.token_signer.sign_es256(b"the statement")

    assert len(raw) == 64 and loaded.kid == loaded.token_signer.kid
    certificate.public_key().verify(encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:])),
                                    b"the statement", ec.ECDSA(hashes.SHA256()))
    certificate.public_key().verify(loaded.private_key.sign(b"more", ec.ECDSA(hashes.SHA256())), b"more",
                                    ec.ECDSA(hashes.SHA256()))
    with pytest.raises(TypeError):
        loaded.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())


def test_the_token_signs_a_pdf_that_validates_against_the_root(verification_body, token_public_key, token_settings):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    _, root = _register_token_key(verification_body, token_public_key)
    signer = issuer_key(verification_body).token_signer

    signed = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(_one_page_pdf())),
                              signers.PdfSignatureMetadata(field_name="Signature", subfilter=SigSeedSubFilter.PADES),
                              signer=signer.pyhanko_signer())

    [signature] = PdfFileReader(signed).embedded_signatures
    trust = asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[trust], allow_fetching=False))
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == verification_body.name


def test_a_key_the_token_does_not_hold_stops_signing_naming_the_issuer(verification_body, token_public_key,
                                                                        token_settings):
    _register_token_key(verification_body, token_public_key, key_label="no-such-key")

    with pytest.raises(SigningKeyError) as error:
        issuer_key(verification_body)

    assert verification_body.name in str(error.value) and "no-such-key" in str(error.value)


def _certificates_file(directory: Path, *certificates) -> Path:
    path = directory / "issuer-chain.pem"
    path.write_bytes(b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certificates))
    return path


def test_rotate_registers_a_token_key_with_its_certificate_file(verification_body, token_public_key,
                                                                token_settings, tmp_path):
    root_key, root = demo_root()
    certificate = demo_certificate(verification_body, token_public_key, root_key, root)
    chain_file = _certificates_file(tmp_path, certificate, root)

    call_command("signing_keys", "rotate", "--issuer", verification_body.tax_code, "--pkcs11",
                 f"pkcs11:token={TOKEN};object={KEY_LABEL}", "--certificate", str(chain_file), stdout=io.StringIO())

    key = SigningKey.objects.get(issuer=verification_body, status="active")
    assert key.source == f"pkcs11:token={TOKEN};object={KEY_LABEL}"
    assert issuer_key(verification_body).token_signer.certificate == certificate


def test_rotate_refuses_a_certificate_that_is_not_the_token_key(verification_body, token_public_key,
                                                                 token_settings, tmp_path):
    root_key, root = demo_root()
    other = demo_certificate(verification_body, ec.generate_private_key(ec.SECP256R1()).public_key(), root_key, root)
    chain_file = _certificates_file(tmp_path, other, root)

    with pytest.raises(CommandError, match="is not that of the key"):
        call_command("signing_keys", "rotate", "--issuer", str(verification_body.pk), "--pkcs11",
                     f"pkcs11:token={TOKEN};object={KEY_LABEL}", "--certificate", str(chain_file))

    assert not SigningKey.objects.filter(issuer=verification_body).exists()
