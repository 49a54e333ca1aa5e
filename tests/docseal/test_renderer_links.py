"""Every renderer that draws the verify QR puts exactly one link to the verify URL over it, and the sealer finds it.

The renderers are pure (no database): their test modules' sample contexts are reused here.
"""

from io import BytesIO

import pypdf
import pypdfium2
import pytest
import zxingcpp

from certificates.notices.digest.renderer import render_expiry_notice
from docseal.seal import seal_pdf
from docseal.verify import verify_pdf
from inspections.documents.check_record.renderer import render_check_record
from inspections.documents.penalty_decision.renderer import render_penalty_decision
from inspections.documents.violation_record.renderer import render_violation_record
from registry.documents.certificate.renderer import render_verification_certificate
from registry.documents.license.renderer import render_radiation_license
from tests.certificates.notices.test_renderer import _context as notice_context
from tests.certificates.notices.test_renderer import _many_items
from tests.docseal.conftest import CLAIMS, QR_PREFIX
from tests.inspections.documents import samples
from tests.registry.documents.test_certificate_renderer import _context as certificate_context
from tests.registry.documents.test_license_renderer import _context as license_context
from tests.registry.documents.test_license_renderer import _devices

DOCUMENTS = {
    "certificate (renderer.py)": lambda: (certificate_context(), render_verification_certificate),
    "licence, 1 page (letter.py)": lambda: (license_context(), render_radiation_license),
    "licence, 30 devices (letter.py)": lambda: (license_context(devices=_devices(30)), render_radiation_license),
    "expiry notice, 300 items (letter.py)": lambda: (notice_context(items=_many_items(300)), render_expiry_notice),
    "check record (layout.py)": lambda: (samples.check_record(), render_check_record),
    "violation record (layout.py)": lambda: (samples.violation_record(), render_violation_record),
    "penalty decision, 12 rows (layout.py)": lambda: (
        samples.penalty_decision(violations=samples.penalty_rows(12), total_fine=18_000_000,
                                 total_fine_words="Mười tám triệu đồng"), render_penalty_decision),
}


def links(pdf: bytes) -> list[tuple[int, str, list[float]]]:
    found = []
    for index, page in enumerate(pypdf.PdfReader(BytesIO(pdf)).pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Link":
                found.append((index, annotation["/A"]["/URI"], [float(v) for v in annotation["/Rect"]]))
    return found


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_one_link_over_the_qr_and_the_seal_drawn_there(demo, name):
    context, render = DOCUMENTS[name]()
    pdf = render(context)
    found = links(pdf)
    assert [uri for _, uri, _ in found] == [context.verify_url]
    page_index, _, (x1, y1, x2, y2) = found[0]
    assert abs((x2 - x1) - (y2 - y1)) < 0.01 and 60 < x2 - x1 < 90  # the QR's square, 24-28 mm

    sealed = seal_pdf(pdf, claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=context.verify_url,
                      qr_prefix=QR_PREFIX, reason="Issued", location="Lào Cai")
    assert verify_pdf(sealed.pdf, demo.keys()).ok
    page = pypdfium2.PdfDocument(sealed.pdf)[page_index]
    decoded = [r.text for r in zxingcpp.read_barcodes(page.render(scale=150 / 72).to_pil(),
                                                      formats=zxingcpp.BarcodeFormat.QRCode)]
    assert decoded == [sealed.seal_text]


def test_the_real_certificate_shows_the_sealed_facts(demo):
    """The certificate prints "valid until" in words (ngày 31 tháng 3 năm 2027) and no tax code: the text check
    accepts the first and only notes the second."""
    import dataclasses
    from datetime import date

    context = certificate_context()
    claims = dataclasses.replace(CLAIMS, number=context.number, subject=context.serial_number,
                                 valid_until=context.valid_until, issued_on=context.issued_on)
    sealed = seal_pdf(render_verification_certificate(context), claims_without_hash=claims, signer=demo.key_a,
                      link_uri=context.verify_url, qr_prefix=QR_PREFIX, reason="Issued", location="Hà Nội")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(sealed.pdf)).pages)
    report = verify_pdf(sealed.pdf, demo.keys(), text=text)
    assert report.ok, report.lines
    assert report.text_check["missing"] == [] and report.text_check["owner_tax_code_shown"] is False
    assert any("tax code" in line and line.startswith("NOTE") for line in report.lines)
    # a valid-until date the certificate does not show fails
    forged = dataclasses.replace(claims, valid_until=date(2028, 3, 31))
    resealed = seal_pdf(render_verification_certificate(context), claims_without_hash=forged, signer=demo.key_a,
                        link_uri=context.verify_url, qr_prefix=QR_PREFIX, reason="Issued", location="Hà Nội")
    report = verify_pdf(resealed.pdf, demo.keys(), text=text)
    assert not report.ok and report.text_check["missing"] == ["valid_until"]
