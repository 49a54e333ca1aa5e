"""Fixtures for the docseal tests: a demo root, issuer keys, a keys file and a rendered sample PDF. No database."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from reportlab.lib.units import mm

from certificates.pdf.fonts import FONT, open_canvas, register_fonts
from certificates.pdf.parts import draw_qr_captioned
from docseal.claims import Claims
from docseal.demo import make_issuer, make_root
from docseal.keys import KeysFile, key_entry, keys_json
from docseal.seal import PrivateKeySigner

VERIFY_URL = "https://registry.example.vn/verify/3f9a1c2b7d"
QR_PREFIX = "https://registry.example.vn"
ISSUER = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"

# Realistic facts: a 25-character kind, a number as printed, a 20-character serial, a 13-character tax code.
CLAIMS = Claims(
    kind="verification_certificates", number="KĐ-2026/000123", year=2026, subject="SN-2026-ABCDEFGH-123",
    owner_tax_code="0312345678001", issued_on=date(2026, 3, 1), valid_until=date(2027, 2, 28),
)
assert len(CLAIMS.kind) == 25 and len(CLAIMS.subject) == 20 and len(CLAIMS.owner_tax_code) == 13


@dataclass
class Demo:
    root_key: ec.EllipticCurvePrivateKey
    root: x509.Certificate
    key_a: PrivateKeySigner
    key_b: PrivateKeySigner

    def keys(self, *, with_b: bool = False, a_status: str = "active", reason: str = "") -> KeysFile:
        return KeysFile.from_json(self.keys_json(with_b=with_b, a_status=a_status, reason=reason))

    def keys_json(self, *, with_b: bool = False, a_status: str = "active", reason: str = "") -> dict:
        revoked_at = datetime(2026, 6, 1, tzinfo=UTC) if a_status == "revoked" else None
        entries = [key_entry(self.key_a.certificate, [self.root], issuer_name=ISSUER,
                             issuer_tax_code="0300000001", status=a_status, revoked_at=revoked_at,
                             revocation_reason=reason)]
        if with_b:
            entries.append(key_entry(self.key_b.certificate, [self.root], issuer_name=ISSUER,
                                     issuer_tax_code="0300000001"))
        return keys_json([self.root], entries, generated_at=datetime(2026, 6, 1, tzinfo=UTC))


@pytest.fixture(scope="session")
def demo() -> Demo:
    root_key, root = make_root()
    key_a, cert_a = make_issuer(root_key, root, "Trung tam Do luong A")
    key_b, cert_b = make_issuer(root_key, root, "Trung tam Do luong A")
    return Demo(root_key, root, PrivateKeySigner(key_a, cert_a, [root]), PrivateKeySigner(key_b, cert_b, [root]))


def sample_pdf(qr_size: float = 28 * mm, claims: Claims = CLAIMS) -> bytes:
    """A one-page certificate-like PDF with the facts in its text and the verify QR drawn by draw_qr_captioned."""
    register_fonts()
    out = BytesIO()
    canvas = open_canvas(out, 11)
    canvas.setFont(FONT, 11)
    lines = [f"Certificate No. {claims.number}", f"Serial: {claims.subject}",
             f"Owner tax code: {claims.owner_tax_code}", f"Valid until: {claims.valid_until:%d/%m/%Y}"]
    for index, line in enumerate(lines):
        canvas.drawString(25 * mm, 250 * mm - index * 16, line)
    draw_qr_captioned(canvas, VERIFY_URL, 25 * mm, 40 * mm, qr_size)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="session")
def sealed(demo):
    from docseal.seal import seal_pdf

    return seal_pdf(sample_pdf(), claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                    qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City")
