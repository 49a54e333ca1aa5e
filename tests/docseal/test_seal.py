"""seal_pdf and verify_pdf on a real reportlab PDF: pyHanko's own validator, tampering, rotation and revocation."""

import hashlib
from io import BytesIO

import pypdf
import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name, pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.lib.units import mm

from docseal.claims import Claims
from docseal.cose import open1
from docseal.demo import make_issuer, make_root
from docseal.qr import parse_seal_text
from docseal.seal import seal_pdf
from docseal.verify import first_revision, verify_pdf
from tests.docseal.conftest import CLAIMS, QR_PREFIX, VERIFY_URL, sample_pdf


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


def _asn1(certificate):
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def test_pyhanko_validates_the_seal_intact_trusted_whole_file(demo, sealed):
    reader = PdfFileReader(BytesIO(sealed.pdf))
    [signature] = reader.embedded_regular_signatures
    assert signature.field_name == "Signature"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.sig_object["/Reason"] == "Issued"
    context = ValidationContext(trust_roots=[_asn1(demo.root)], allow_fetching=False, revocation_mode="soft-fail")
    status = validate_pdf_signature(signature, signer_validation_context=context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.md_algorithm == "sha256"
    assert status.signer_reported_dt is not None
    assert status.signing_cert.dump() == demo.key_a.certificate.public_bytes(serialization.Encoding.DER)
    embedded = {cert.chosen.dump() for cert in signature.signed_data["certificates"]}
    assert _asn1(demo.root).dump() in embedded  # the chain travels with the file
    # an untrusted root: intact and valid, but not trusted
    other = ValidationContext(trust_roots=[], allow_fetching=False, revocation_mode="soft-fail")
    assert not validate_pdf_signature(signature, signer_validation_context=other).trusted


def test_the_first_revision_is_the_rendered_file_and_the_seal_binds_it(demo):
    pdf = sample_pdf()
    sealed = seal_pdf(pdf, claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                      qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City")
    assert sealed.pdf.startswith(pdf)
    assert first_revision(sealed.pdf, PdfFileReader(BytesIO(sealed.pdf))) == pdf
    assert sealed.content_sha256 == hashlib.sha256(pdf).hexdigest()
    assert sealed.kid == demo.key_a.kid.hex()
    kid, payload, _, _ = open1(parse_seal_text(sealed.seal_text))
    assert kid == demo.key_a.kid
    assert Claims.from_cbor(payload) == CLAIMS.with_hash(hashlib.sha256(pdf).digest())
    # the link still opens the verify page
    links = [a.get_object() for a in pypdf.PdfReader(BytesIO(sealed.pdf)).pages[0]["/Annots"]]
    assert [link["/A"]["/URI"] for link in links if link["/Subtype"] == "/Link"] == [VERIFY_URL]


def test_verify_pdf_reports_a_good_document(demo, sealed):
    report = verify_pdf(sealed.pdf, demo.keys(), text=text_of(sealed.pdf))
    assert report.ok, report.lines
    facts = report.as_dict()
    assert facts["signature"]["intact"] and facts["signature"]["trusted"]
    assert facts["signature"]["coverage"] == "ENTIRE_FILE" and not facts["signature"]["modified_after_signing"]
    assert "DEMO" in facts["signature"]["signer"]
    assert facts["signature"]["kid"] == facts["seal"]["kid"] == demo.key_a.kid.hex()
    assert facts["seal"]["valid"] and facts["seal"]["text"] == sealed.seal_text
    assert facts["statement"]["number"] == "KĐ-2026/000123"
    assert facts["text_check"]["missing"] == []
    assert facts["hash_check"]["matches"]
    assert report.lines[-1] == "RESULT: VALID"


def test_text_not_given_is_not_checked_and_a_different_text_fails(demo, sealed):
    report = verify_pdf(sealed.pdf, demo.keys(), text=None)
    assert report.ok and report.text_check == {"checked": False}
    assert any("not checked" in line for line in report.lines)
    report = verify_pdf(sealed.pdf, demo.keys(), text=text_of(sealed.pdf).replace("000123", "000124"))
    assert not report.ok and report.text_check["missing"] == ["number"]


def test_one_byte_changed_inside_the_signed_content_is_not_intact(demo, sealed):
    data = bytearray(sealed.pdf)
    start = data.index(b"stream", len(data) // 8) + 20  # inside the first revision's compressed page content
    data[start] ^= 0x01
    report = verify_pdf(bytes(data), demo.keys(), text=None)
    assert not report.ok
    assert report.readable and report.signature["intact"] is False
    assert any("NOT intact" in line for line in report.lines)
    assert report.hash_check["matches"] is False  # the first revision's hash no longer matches the seal either


def test_one_byte_changed_in_the_structure_is_unreadable(demo, sealed):
    data = bytearray(sealed.pdf)
    digit = data.rindex(b"startxref") + len(b"startxref\n")  # the first digit of the last xref's offset
    data[digit] = ord("1") if data[digit] != ord("1") else ord("2")
    report = verify_pdf(bytes(data), demo.keys(), text=None)
    assert not report.ok and not report.readable
    assert report.lines[0].startswith("FAIL: the file is UNREADABLE")


def add_annotation(pdf: bytes) -> bytes:
    """Append an incremental update that writes "valid until 2030" in a FreeText annotation over page 1."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    page_ref, _ = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    annotation = writer.add_object(generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Annot"), pdf_name("/Subtype"): pdf_name("/FreeText"),
        pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (70, 600, 300, 640)]),
        pdf_name("/Contents"): pdf_string("Valid until 28/02/2030"), pdf_name("/DA"): pdf_string("/Helv 12 Tf 0 g"),
    }))
    annots = page.raw_get("/Annots")
    if isinstance(annots, generic.IndirectObject):
        annots.get_object().append(annotation)
        writer.mark_update(annots)
    else:
        annots.append(annotation)
        writer.mark_update(page_ref)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_incremental_update_after_signing_is_reported(demo, sealed):
    changed = add_annotation(sealed.pdf)
    assert changed.startswith(sealed.pdf) and len(changed) > len(sealed.pdf)
    report = verify_pdf(changed, demo.keys(), text=text_of(changed))
    assert not report.ok
    assert report.signature["intact"] and report.signature["valid"]  # what was signed is untouched...
    assert report.signature["modified_after_signing"] and report.signature["coverage"] != "ENTIRE_FILE"
    assert any("MODIFIED AFTER SIGNING" in line for line in report.lines)
    assert report.seal["valid"] and report.hash_check["matches"]  # ...and the seal still reads from it


def test_a_document_sealed_before_a_key_rotation_still_verifies(demo, sealed):
    rotated = demo.keys(with_b=True, a_status="retired")
    assert rotated.key(demo.key_b.kid).status == "active"
    report = verify_pdf(sealed.pdf, rotated, text=text_of(sealed.pdf))
    assert report.ok, report.lines
    assert report.signature["key_status"] == "retired"
    # and the new key seals too
    new = seal_pdf(sample_pdf(), claims_without_hash=CLAIMS, signer=demo.key_b, link_uri=VERIFY_URL,
                   qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City")
    assert verify_pdf(new.pdf, rotated).kid == demo.key_b.kid.hex()
    assert verify_pdf(new.pdf, rotated).ok


def test_a_revoked_key_says_so(demo, sealed):
    keys = demo.keys(with_b=True, a_status="revoked", reason="key compromise")
    report = verify_pdf(sealed.pdf, keys, text=text_of(sealed.pdf))
    assert not report.ok
    assert report.signature["key_status"] == "revoked" and report.seal["key_status"] == "revoked"
    assert report.signature["intact"] and report.seal["valid"]
    assert any("REVOKED" in line and "key compromise" in line for line in report.lines)


def test_a_key_missing_from_the_keys_file_fails(demo, sealed):
    from docseal.keys import KeysFile, keys_json

    empty = KeysFile.from_json(keys_json([demo.root], [], generated_at=__import__("datetime").datetime.now()))
    report = verify_pdf(sealed.pdf, empty)
    assert not report.ok and any("not in the keys file" in line for line in report.lines)


@pytest.mark.parametrize("links", [0, 2])
def test_sealing_needs_exactly_one_link_over_the_qr(demo, links):
    from certificates.pdf.fonts import open_canvas, register_fonts

    register_fonts()
    out = BytesIO()
    canvas = open_canvas(out, 11)
    for index in range(links):
        canvas.linkURL(VERIFY_URL, (50 + 100 * index, 50, 130 + 100 * index, 130), relative=0, thickness=0)
    canvas.drawString(50, 700, "no QR here")
    canvas.showPage()
    canvas.save()
    with pytest.raises(ValueError, match=f"found {links}"):
        seal_pdf(out.getvalue(), claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                 qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City")


def test_sealing_cost_per_document(demo):
    import time

    pdf = sample_pdf(24 * mm)
    seal_pdf(pdf, claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL, qr_prefix=QR_PREFIX,
             reason="Issued", location="Ho Chi Minh City")
    started = time.perf_counter()
    for _ in range(10):
        seal_pdf(pdf, claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL, qr_prefix=QR_PREFIX,
                 reason="Issued", location="Ho Chi Minh City")
    per_document = (time.perf_counter() - started) / 10
    print(f"sealing: {per_document * 1000:.1f} ms per document")
    assert per_document < 1.0


def test_date_forms():
    from datetime import date

    from docseal.verify import date_forms

    assert date_forms(date(2027, 3, 1)) == [
        "01/03/2027", "ngày 01 tháng 03 năm 2027", "ngày 01 tháng 3 năm 2027", "ngày 1 tháng 03 năm 2027",
        "ngày 1 tháng 3 năm 2027"]


def test_a_demo_issuer_with_a_long_vietnamese_name_gets_a_certificate_cut_to_fit():
    """X.509 bounds a common name to 64 bytes of UTF-8; a province's centre can take twice that in Vietnamese."""
    name = "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng tỉnh Thừa Thiên Huế"
    root_key, root = make_root()

    _key, certificate = make_issuer(root_key, root, name)

    common_name = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    organization = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    assert len(common_name.encode()) <= 64 and common_name.endswith("…")
    assert f"DEMO {name}".startswith(common_name[:-1]) and len(organization) <= 64
