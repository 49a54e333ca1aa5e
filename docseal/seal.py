"""Seal a rendered PDF: a signed QR statement drawn over the document's QR code, and a PAdES signature.

`seal_pdf` works in one incremental update (the renderer's bytes stay the file's first revision, byte for byte):

1. content_sha256 = SHA-256 of the rendered PDF (the first revision). The statement (docseal.claims) gets it,
   and is signed as a COSE_Sign1 (docseal.cose) with the issuer's key; the QR text is docseal.qr.seal_text.
2. The renderer put exactly one /Link annotation whose /A /URI is the document's verify link over its QR code.
   Over that annotation's /Rect the sealer draws, in a content stream appended to the page (the existing
   content is wrapped in q ... Q first), a white square and the seal's QR code (error level docseal.qr.QR_ERROR,
   4-module quiet zone inside the square).
3. The seal text is embedded as the file "seal.txt" (UTF-8, in the catalog's /Names /EmbeddedFiles).
4. The file is signed: PAdES baseline (SubFilter ETSI.CAdES.detached), SHA-256, the signing time, the issuer
   certificate and its chain embedded in the CMS (built from a template made once per key: docseal.cms), an
   invisible signature field "Signature" with reason and location, and an RFC 3161 signature timestamp when a
   timestamp URL is given. The signature covers the whole file.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from typing import Protocol

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko_certvalidator.registry import SimpleCertificateStore

from docseal import cose, qr
from docseal.claims import Claims
from docseal.cms import TemplateSigner
from docseal.keys import kid_of

__all__ = ["PrivateKeySigner", "SealSigner", "Sealed", "find_link_box", "seal_pdf"]

SEAL_FILE_NAME = "seal.txt"


def run_coroutine(coroutine):
    """Run one of pyHanko's coroutines to its end from synchronous code. pyHanko's own synchronous wrappers call
    asyncio.run(), which refuses to run where an event loop is already running in the thread (a caller inside
    Playwright's or an async server's loop): there, the coroutine runs on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
SIGNATURE_FIELD = "Signature"
QUIET_ZONE = 4
_DARK_RUN = re.compile(b"\x01+")

_template_signers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_template_signers_lock = threading.Lock()


def _template_signer(signer: SealSigner) -> TemplateSigner:
    """The CMS-template signer of a SealSigner (docseal.cms), made once and kept as long as the SealSigner."""
    with _template_signers_lock:
        found = _template_signers.get(signer)
        if found is None:
            found = _template_signers[signer] = TemplateSigner(signer.pyhanko_signer())
        return found


class SealSigner(Protocol):
    kid: bytes
    certificate: x509.Certificate
    chain: list[x509.Certificate]

    def pyhanko_signer(self) -> signers.Signer: ...

    def sign_es256(self, data: bytes) -> bytes: ...


def _asn1_cert(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


class PrivateKeySigner:
    """A SealSigner for an EC P-256 key held in memory (e.g. loaded from a PKCS#12 file)."""

    def __init__(self, private_key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate,
                 chain: list[x509.Certificate]):
        if not isinstance(private_key, ec.EllipticCurvePrivateKey) or private_key.curve.name != "secp256r1":
            raise ValueError("the signing key must be an EC P-256 key")
        self.private_key = private_key
        self.certificate = certificate
        self.chain = list(chain)
        self.kid = kid_of(certificate)
        self._signer = None

    @classmethod
    def from_pkcs12(cls, data: bytes, passphrase: bytes | None) -> PrivateKeySigner:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, passphrase)
        if key is None or certificate is None:
            raise ValueError("the PKCS#12 file holds no key and certificate")
        return cls(key, certificate, list(extra or []))

    def pyhanko_signer(self) -> signers.Signer:
        if self._signer is None:
            key_info = asn1_keys.PrivateKeyInfo.load(self.private_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            self._signer = signers.SimpleSigner(
                signing_cert=_asn1_cert(self.certificate), signing_key=key_info,
                cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(item) for item in self.chain]),
            )
        return self._signer

    def sign_es256(self, data: bytes) -> bytes:
        return cose.der_to_raw(self.private_key.sign(data, ec.ECDSA(hashes.SHA256())))


@dataclass(frozen=True)
class Sealed:
    pdf: bytes
    content_sha256: str
    seal_text: str
    kid: str


def _pages(node):
    """The page objects under a /Pages node, in order."""
    node = node.get_object()
    if node.get("/Type") == "/Pages" or "/Kids" in node:
        for kid in node["/Kids"]:
            yield from _pages(kid)
    else:
        yield node


def find_link_box(root, link_uri: str) -> tuple[int, tuple[float, float, float, float]]:
    """(page index, (x1, y1, x2, y2)) of the one /Link annotation whose /A /URI is link_uri, given the document
    catalog (a pyHanko reader's or writer's .root); ValueError unless there is exactly one."""
    found = []
    for index, page in enumerate(_pages(root["/Pages"])):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is None or str(action.get_object().get("/URI", "")) != link_uri:
                continue
            x1, y1, x2, y2 = (float(value) for value in annotation["/Rect"])
            found.append((index, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
    if len(found) != 1:
        raise ValueError(f"expected exactly one link to {link_uri} over the QR code, found {len(found)}")
    return found[0]


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def qr_content(text: str, box: tuple[float, float, float, float]) -> bytes:
    """PDF content operators drawing text's QR code on a white square filling the largest square in box.

    The modules are drawn in module units (a `cm` that scales one module to its size and puts the origin at the
    symbol's top left, y downwards), so each run of dark modules is `x y w 1 re` in small integers: a third of
    the text, and no float formatting per rectangle."""
    x1, y1, x2, y2 = box
    size = min(x2 - x1, y2 - y1)
    x, y = x1 + (x2 - x1 - size) / 2, y1 + (y2 - y1 - size) / 2
    matrix = qr.matrix(text)
    module = size / (len(matrix) + 2 * QUIET_ZONE)
    ops = [f"q 1 g {_fmt(x)} {_fmt(y)} {_fmt(size)} {_fmt(size)} re f 0 g",
           f"{module:.6f} 0 0 {-module:.6f} {_fmt(x + QUIET_ZONE * module)} {_fmt(y + size - QUIET_ZONE * module)} cm"]
    for row_index, row in enumerate(matrix):
        # row i spans y (i, i + 1) downwards, i.e. "x i w 1 re" in the flipped module space
        ops.extend(f"{run.start()} {row_index} {run.end() - run.start()} 1 re" for run in _DARK_RUN.finditer(row))
    ops.append("f Q")
    return "\n".join(ops).encode("ascii")


def _add_page_stream(writer: IncrementalPdfFileWriter, page_index: int, content: bytes) -> None:
    before = writer.add_object(generic.StreamObject(stream_data=b"q\n"))
    drawing = generic.StreamObject(stream_data=b"\nQ\n" + content + b"\n")
    drawing.compress()  # a version-12 QR is ~2,000 rectangles: 40 KB as text, ~8 KB deflated
    after = writer.add_object(drawing)
    writer.add_stream_to_page(page_index, before, prepend=True)
    writer.add_stream_to_page(page_index, after)


def _bytes_reserved(signer: SealSigner, timestamp_url: str | None) -> int:
    """Room for the CMS signature in /Contents, in hex digits (two per byte). Giving it saves pyHanko a trial
    signature (and a trial timestamp request) to measure it. Besides the embedded certificates, the signed
    attributes and an ECDSA signature take about 1.3 KB; a timestamp token carries the TSA's certificates too."""
    certificates = sum(len(item.public_bytes(serialization.Encoding.DER))
                       for item in [signer.certificate, *signer.chain])
    return 2 * (3072 + certificates + (8192 if timestamp_url else 0))


def seal_pdf(pdf: bytes, *, claims_without_hash: Claims, signer: SealSigner, link_uri: str, qr_prefix: str,
             reason: str, location: str, timestamp_url: str | None = None) -> Sealed:
    digest = hashlib.sha256(pdf).digest()
    claims = claims_without_hash.with_hash(digest)
    statement = cose.sign1(claims.to_cbor(), kid=signer.kid, sign=signer.sign_es256)
    text = qr.seal_text(qr_prefix, statement)

    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    page_index, box = find_link_box(writer.root, link_uri)
    _add_page_stream(writer, page_index, qr_content(text, box))
    embed.embed_file(writer, embed.FileSpec(
        file_spec_string=SEAL_FILE_NAME, file_name=SEAL_FILE_NAME,
        embedded_data=embed.EmbeddedFileObject.from_file_data(
            writer, text.encode("utf-8"), mime_type="text/plain"),
        description="The signed statement printed in the QR code (COSE_Sign1, base32)",
        af_relationship=pdf_name("/Data"),
    ))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, md_algorithm="sha256", reason=reason, location=location,
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    timestamper = timestamps.HTTPTimeStamper(timestamp_url) if timestamp_url else None
    # With a timestamp, pyHanko builds the CMS itself (the token is an unsigned attribute the template lacks).
    cms_signer = signer.pyhanko_signer() if timestamper else _template_signer(signer)
    pdf_signer = signers.PdfSigner(metadata, signer=cms_signer, timestamper=timestamper)
    out = BytesIO()
    run_coroutine(pdf_signer.async_sign_pdf(writer, output=out,
                                            bytes_reserved=_bytes_reserved(signer, timestamp_url)))
    return Sealed(pdf=out.getvalue(), content_sha256=digest.hex(), seal_text=text, kid=signer.kid.hex())
