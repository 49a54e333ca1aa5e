"""The CMS template (docseal.cms): the same bytes as pyHanko's CMS but for the signature, which verifies.

That a template-made signature passes pyHanko's own validator (intact, trusted, entire file) is shown by
test_seal.py and tests/signing, whose documents are all signed through it; the PKCS#11 token signs through it
too (tests/signing/test_pkcs11.py); with a timestamp, pyHanko builds the CMS itself (test_timestamp.py).
"""

import asyncio
import hashlib
import os
from datetime import UTC, datetime

import pytest
from asn1crypto import cms, core
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from docseal.cms import CmsTemplate, TemplateSigner, der


def _sign(signer, digest, **options):
    settings = PdfCMSSignedAttributes(signing_time=datetime.now(UTC))
    return asyncio.run(signer.async_sign(digest, "sha256", use_pades=True, signed_attr_settings=settings, **options))


def _without_signature(data: bytes) -> bytes:
    info = cms.ContentInfo.load(data)
    info["content"]["signer_infos"][0]["signature"] = b""
    return info.dump(force=True)


@pytest.mark.parametrize("size", [0, 1, 127, 128, 255, 256, 65535, 65536])
def test_der_matches_asn1crypto(size):
    content = bytes(size)
    assert der(0x04, content) == core.OctetString(content).dump()


def test_the_template_gives_pyhankos_cms_but_for_the_signature(demo):
    inner = demo.key_a.pyhanko_signer()
    template_signer = TemplateSigner(inner)
    for _ in range(3):  # the first call makes the template, the others use it
        digest = os.urandom(32)
        made = _sign(template_signer, digest)
        assert isinstance(made, bytes)
        reference = _sign(inner, digest).dump()
        assert _without_signature(made) == _without_signature(reference)
        signer_info = cms.ContentInfo.load(made)["content"]["signer_infos"][0]
        assert signer_info["signed_attrs"].native[1]["values"] == [digest]  # message_digest
        to_be_signed = b"\x31" + signer_info["signed_attrs"].dump()[1:]
        demo.key_a.certificate.public_key().verify(
            signer_info["signature"].native, to_be_signed, ec.ECDSA(hashes.SHA256()))


def test_anything_but_the_plain_shape_goes_to_pyhanko(demo):
    template_signer = TemplateSigner(demo.key_a.pyhanko_signer())
    digest = hashlib.sha256(b"document").digest()
    dry = _sign(template_signer, digest, dry_run=True)
    assert isinstance(dry, cms.ContentInfo)  # pyHanko's own object, not template bytes
    assert template_signer._template is None


def test_a_reference_of_another_shape_is_refused(demo):
    inner = demo.key_a.pyhanko_signer()
    probe = os.urandom(32)
    reference = _sign(inner, probe)
    with pytest.raises(ValueError, match="probe digest"):
        CmsTemplate.from_reference(reference, os.urandom(32))
    signer_info = reference["content"]["signer_infos"][0]
    signer_info["unsigned_attrs"] = [{"type": "signing_time", "values": [cms.Time({"utc_time": datetime.now(UTC)})]}]
    with pytest.raises(ValueError, match="unsigned attributes"):
        CmsTemplate.from_reference(cms.ContentInfo.load(reference.dump(force=True)), probe)
