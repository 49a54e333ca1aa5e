"""The seal's QR text: round trip, alphanumeric mode, and zxing-cpp decoding it from a 150 dpi render."""

import random
from datetime import date

import pypdfium2
import pytest
import zxingcpp
from reportlab.lib.units import mm

from docseal import qr
from docseal.claims import Claims
from docseal.seal import seal_pdf
from docseal.verify import _embedded_file
from tests.docseal.conftest import CLAIMS, QR_PREFIX, VERIFY_URL, sample_pdf


def test_seal_text_round_trip():
    for cose in (b"\x00", bytes(range(256)), b"\xd2\x84" * 111):
        text = qr.seal_text("https://registry.example.vn/", cose)
        assert text.startswith("HTTPS://REGISTRY.EXAMPLE.VN/V/")
        assert set(text) <= qr.ALPHANUMERIC and "=" not in text
        assert qr.parse_seal_text(text) == cose
        assert qr.parse_seal_text(text.lower()) == cose  # a scanner or a phone may lower-case the link


def test_seal_text_rejects():
    with pytest.raises(qr.SealTextError):
        qr.parse_seal_text("HTTPS://REGISTRY.EXAMPLE.VN/VERIFY/ABC")
    with pytest.raises(qr.SealTextError):
        qr.parse_seal_text("HTTPS://X/V/A1")  # 1 is not base32
    with pytest.raises(qr.SealTextError):
        qr.seal_text("https://registry.example.vn/?a=b", b"x")


def test_seal_text_uses_alphanumeric_mode(sealed):
    """segno says which version alphanumeric mode needs at level M; zxing-cpp's symbol (what is drawn) is no
    bigger, so its encoder used that mode (byte mode would need about 40 % more modules)."""
    import segno

    code = segno.make(sealed.seal_text, error=qr.QR_ERROR, micro=False, boost_error=False)
    assert code.mode == "alphanumeric"
    assert code.error == "M"
    assert qr.version(sealed.seal_text) == code.version
    assert len(qr.matrix(sealed.seal_text)) == 17 + 4 * code.version


@pytest.mark.parametrize("size_mm", [28, 24])
def test_zxing_decodes_the_seal_from_a_150_dpi_render(demo, size_mm):
    sealed = seal_pdf(sample_pdf(size_mm * mm), claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                      qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City")
    page = pypdfium2.PdfDocument(sealed.pdf)[0]
    image = page.render(scale=150 / 72).to_pil()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    # exactly one QR code on the page: the seal was drawn over the renderer's, which is no longer readable
    assert [result.text for result in found] == [sealed.seal_text]
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = _embedded_file(PdfFileReader(BytesIO(sealed.pdf)).root, "seal.txt")
    assert embedded.decode("utf-8") == sealed.seal_text
    matrix = qr.matrix(sealed.seal_text)
    assert len(matrix) == len(matrix[0]) and set(b"".join(matrix)) == {0, 1}
    modules = len(matrix) + 8
    assert qr.version(sealed.seal_text) <= 13
    assert size_mm / 25.4 * 150 / modules > 1.9  # pixels per module at 150 dpi


def _random_claims(rng) -> Claims:
    """Facts of realistic lengths, drawn at random: each seal's bits (hash, signature) differ anyway."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-"
    return Claims(
        kind=rng.choice(["verification_certificates", "licences", "notices", "penalty_decisions"]),
        number=f"KĐ-2026/{rng.randrange(1, 999999):06d}", year=2026,
        subject="".join(rng.choice(letters) for _ in range(rng.randrange(6, 33))),
        owner_tax_code=rng.choice(["", f"{rng.randrange(10**9, 10**10)}", f"{rng.randrange(10**12, 10**13)}"]),
        issued_on=date(2026, rng.randrange(1, 13), rng.randrange(1, 29)),
        valid_until=date(2027, rng.randrange(1, 13), rng.randrange(1, 29)),
    )


def test_zxing_decodes_the_seal_for_many_payloads(demo):
    """The seal's symbol, for 50 different payloads (each with its own mask choice), decodes from a 150 dpi
    render at both printed sizes, 24 and 28 mm."""
    rng = random.Random(18004)
    signers = [demo.key_a, demo.key_b]
    failures = []
    for index in range(50):
        claims = _random_claims(rng)
        for size_mm in (24, 28):
            sealed = seal_pdf(sample_pdf(size_mm * mm, claims), claims_without_hash=claims,
                              signer=signers[index % 2], link_uri=VERIFY_URL, qr_prefix=QR_PREFIX,
                              reason="Issued", location="Ho Chi Minh City")
            image = pypdfium2.PdfDocument(sealed.pdf)[0].render(scale=150 / 72).to_pil()
            found = [result.text for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
            if found != [sealed.seal_text]:
                failures.append((index, size_mm, claims, found))
    assert failures == []
