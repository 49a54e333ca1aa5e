"""The PAdES signature's CMS, built from a template made once per key.

A PAdES baseline signature without a timestamp is a CMS SignedData whose every byte is the same from one document
to the next but for two values: the messageDigest attribute (the SHA-256 of the file's signed byte ranges) and the
signature over the signed attributes. The content type, the signing-certificate-v2 attribute, the algorithms and
the embedded certificates depend only on the key. pyHanko builds the whole structure through asn1crypto for every
signature, which costs about ten milliseconds (asn1crypto serialises each nested value again and again); that was
most of a seal's cost.

`TemplateSigner` wraps the issuer's pyHanko signer. The first time it signs, it asks pyHanko for a complete CMS
over a probe digest, keeps the encoded parts, and checks that reassembling them with the probe's digest and
signature gives pyHanko's bytes exactly. Every later signature fills in the digest, has the wrapped signer sign
the attributes (in memory or on a PKCS#11 token), and frames the result in DER. Anything other than that one
shape (a timestamp, a dry run, extra or revocation attributes, another digest) goes to pyHanko unchanged.

The template holds no time: PAdES puts the signing time in the signature dictionary's /M (which PdfSigner still
writes), not in the CMS.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import cms
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

__all__ = ["CmsTemplate", "TemplateSigner", "der"]

DIGEST = "sha256"
DIGEST_SIZE = 32


def der(tag: int, content: bytes) -> bytes:
    """One DER TLV: tag (one byte), definite length, content."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + content


@dataclass(frozen=True)
class CmsTemplate:
    """The encoded parts of one key's CMS SignedData, with the digest's place in the signed attributes."""

    signer_info_head: bytes  # version, sid, digestAlgorithm
    signed_attrs: bytes  # [0] IMPLICIT SET OF Attribute, holding a probe digest at digest_at
    digest_at: int
    signature_algorithm: bytes
    signed_data_head: bytes  # version, digestAlgorithms, encapContentInfo, [0] certificates (and [1] crls)
    content_type: bytes  # the OID id-signedData, encoded

    @classmethod
    def from_reference(cls, reference: cms.ContentInfo, probe_digest: bytes) -> CmsTemplate:
        """The template of a pyHanko-made CMS over probe_digest; ValueError if it has any other shape than one
        signer, signed attributes holding the probe once, no unsigned attributes."""
        signed_data = reference["content"]
        signer_infos = signed_data["signer_infos"]
        if reference["content_type"].native != "signed_data" or len(signer_infos) != 1:
            raise ValueError("the reference CMS is not a SignedData with one signer")
        signer_info = signer_infos[0]
        if signer_info["unsigned_attrs"].native is not None:
            raise ValueError("the reference CMS has unsigned attributes")
        signed_attrs = signer_info["signed_attrs"].dump()
        if signed_attrs.count(probe_digest) != 1:
            raise ValueError("the probe digest is not once in the signed attributes")
        head = b"".join(signed_data[name].dump() for name in ("version", "digest_algorithms", "encap_content_info"))
        for name in ("certificates", "crls"):
            if signed_data[name].native is not None:
                head += signed_data[name].dump()
        template = cls(
            signer_info_head=b"".join(signer_info[name].dump() for name in ("version", "sid", "digest_algorithm")),
            signed_attrs=signed_attrs, digest_at=signed_attrs.index(probe_digest),
            signature_algorithm=signer_info["signature_algorithm"].dump(),
            signed_data_head=head, content_type=reference["content_type"].dump(),
        )
        rebuilt = template.content_info(template.attributes(probe_digest), signer_info["signature"].native)
        if rebuilt != reference.dump(force=False):
            raise ValueError("the template does not rebuild the reference CMS byte for byte")
        return template

    def attributes(self, digest: bytes) -> bytes:
        """The signed attributes, [0] IMPLICIT as they are embedded, carrying digest."""
        if len(digest) != DIGEST_SIZE:
            raise ValueError("a SHA-256 digest is 32 bytes")
        return self.signed_attrs[:self.digest_at] + digest + self.signed_attrs[self.digest_at + DIGEST_SIZE:]

    @staticmethod
    def to_be_signed(attributes: bytes) -> bytes:
        """What the signature covers: the signed attributes encoded as a SET OF (RFC 5652 §5.4), not [0]."""
        return b"\x31" + attributes[1:]

    def content_info(self, attributes: bytes, signature: bytes) -> bytes:
        signer_info = der(0x30, self.signer_info_head + attributes + self.signature_algorithm + der(0x04, signature))
        signed_data = der(0x30, self.signed_data_head + der(0x31, signer_info))
        return der(0x30, self.content_type + der(0xA0, signed_data))


class TemplateSigner(signers.Signer):
    """A pyHanko Signer giving the same CMS as the signer it wraps, from a CmsTemplate (see the module)."""

    def __init__(self, inner: signers.Signer):
        super().__init__(prefer_pss=inner.prefer_pss, embed_roots=inner.embed_roots,
                         signature_mechanism=inner.signature_mechanism, signing_cert=inner.signing_cert,
                         cert_registry=inner.cert_registry, attribute_certs=inner.attribute_certs)
        self.inner = inner
        self._template: CmsTemplate | None = None
        self._lock = threading.Lock()

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run=False) -> bytes:
        return await self.inner.async_sign_raw(data, digest_algorithm, dry_run=dry_run)

    async def async_sign(self, data_digest: bytes, digest_algorithm: str, dry_run=False, use_pades=False,
                         timestamper=None, signed_attr_settings: PdfCMSSignedAttributes | None = None,
                         is_pdf_sig=True, encap_content_info=None):
        settings = signed_attr_settings
        plain = (not dry_run and use_pades and timestamper is None and is_pdf_sig and encap_content_info is None
                 and digest_algorithm == DIGEST and len(data_digest) == DIGEST_SIZE and settings is not None
                 and settings.adobe_revinfo_attr is None and settings.cades_signed_attrs is None
                 and self.signed_attr_prov_spec is None and self.unsigned_attr_prov_spec is None)
        if not plain:
            return await self.inner.async_sign(
                data_digest, digest_algorithm, dry_run=dry_run, use_pades=use_pades, timestamper=timestamper,
                signed_attr_settings=signed_attr_settings, is_pdf_sig=is_pdf_sig,
                encap_content_info=encap_content_info)
        template = self._template or await self._make_template()
        attributes = template.attributes(data_digest)
        signature = await self.inner.async_sign_raw(template.to_be_signed(attributes), DIGEST)
        return template.content_info(attributes, signature)

    async def _make_template(self) -> CmsTemplate:
        probe = os.urandom(DIGEST_SIZE)
        reference = await self.inner.async_sign(
            probe, DIGEST, use_pades=True, signed_attr_settings=PdfCMSSignedAttributes(signing_time=datetime.now(UTC)))
        template = CmsTemplate.from_reference(reference, probe)
        with self._lock:
            self._template = self._template or template
        return self._template

