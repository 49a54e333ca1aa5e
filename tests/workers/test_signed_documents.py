"""Signed documents end to end (issue 11, "Done when"): certificates issued through the API and rendered, sealed
and signed by a real Celery worker, then checked as a stranger would check them: pyHanko's own validator against
the demo root of the published keys file, `manage.py verify_document`, the stand-alone tools/verify_document.py,
the QR seal's page, a key rotation and a revocation, and a key that cannot be loaded.

The pure package's unit tests are in tests/docseal/ and the keys' in tests/signing/; here every PDF is the file the
service stores and serves.
"""

import base64
import hashlib
import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.core.management import call_command
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from certificates.models import Document, DocumentStatus
from certificates.signing.keys import DEMO_MARK, demo_key_enrol, keys_dir
from certificates.signing.models import SigningKey, SigningKeyStatus
from docseal import cbor, cose, qr
from docseal.claims import Claims
from docseal.demo import make_root
from docseal.keys import KeysFile
from docseal.verify import first_revision
from tests.conftest import ROOT, producer_broker, running_workers, start_redis, wait_until
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from tests.pdf_helpers import pdf_reader, qr_texts, seal_path

# reset_sequences: as tests/workers/test_pipeline.py, the long-lived workers cache content types' ids.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]

SCRIPT = ROOT / "tools" / "verify_document.py"


# --- issuing through the service --------------------------------------------------------------------------


def _request_certificate(client, technician) -> int:
    """A verification recorded through the API by the technician; returns its certificate's document id."""
    instrument = InstrumentFactory(assigned_body=technician.organization)
    response = client.post("/api/v1/verifications/", {
        "instrument": instrument.pk, "kind": "initial", "performed_on": timezone.localdate().isoformat(),
        "procedure": "ĐLVN 15:2009", "result": "pass", "stamp_number": "A-000777",
        "readings": [{"reference_value": "10", "measured_value": "10.002", "unit": "kg",
                      "max_permissible_error": "0.01"}]}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()["document"]["id"]


def _issued(document_id: int) -> Document:
    return wait_until(lambda: Document.objects.filter(pk=document_id, status=DocumentStatus.ISSUED)
                      .select_related("signing_key", "issuer").first(),
                      timeout=90, message=f"document {document_id} to be issued")


def _download(client, document: Document) -> bytes:
    response = client.get(f"/api/v1/documents/{document.pk}/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def _issue(client_for, technician) -> tuple[Document, bytes]:
    client = client_for(technician)
    document = _issued(_request_certificate(client, technician))
    return document, _download(client, document)


def _published_keys(api_client) -> dict:
    response = api_client.get("/.well-known/document-keys.json")
    assert response.status_code == 200
    return response.json()


def _trust(published: dict) -> ValidationContext:
    """pyHanko's validation context trusting the roots of a published keys file, offline."""
    roots = [asn1_x509.Certificate.load(base64.b64decode(root["x5c"][0])) for root in published["roots"]]
    assert roots and all(DEMO_MARK in root.subject.human_friendly for root in roots)
    return ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")


def _save(tmp_path: Path, name: str, data: bytes | dict) -> Path:
    path = tmp_path / name
    if isinstance(data, dict):
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _verify_command(path: Path, *args) -> tuple[int, str]:
    """`manage.py verify_document FILE ...`: (exit code, output)."""
    out = io.StringIO()
    try:
        call_command("verify_document", str(path), *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def _verify_script(pdf: Path, keys: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(pdf), "--keys", str(keys)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def _kid(certificate_der: bytes) -> str:
    return hashlib.sha256(certificate_der).digest()[:8].hex()


# --- ways to tamper with a signed file ---------------------------------------------------------------------


def _page_content_offset(pdf: bytes) -> int:
    """An offset inside the data of the first page's content stream as the renderer wrote it (the file's first
    revision: the sealing update wraps the page's contents in streams of its own), well inside the signed range."""
    rendered = first_revision(pdf, PdfFileReader(io.BytesIO(pdf)))
    contents = pdf_reader(rendered).pages[0].get_object().raw_get("/Contents")
    if isinstance(contents.get_object(), list):
        contents = contents.get_object()[0]
    header = rendered.index(f"\n{contents.idnum} 0 obj".encode()) + 1
    start = rendered.index(b"stream", rendered.index(b">>", header)) + len(b"stream")
    start += 2 if rendered[start:start + 2] == b"\r\n" else 1
    length = rendered.index(b"endstream", start) - start
    assert length > 100
    return start + length // 2


def _one_byte_changed(pdf: bytes) -> bytes:
    offset = _page_content_offset(pdf)
    changed = bytearray(pdf)
    changed[offset] ^= 0x01
    return bytes(changed)


def _annotation_appended(pdf: bytes) -> bytes:
    """An incremental update after the signature, as an editor would save one: a note on the first page."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page_ref, _resources = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    note = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (50, 50, 70, 70)]),
        generic.NameObject("/Contents"): generic.TextStringObject("Có giá trị đến 31/12/2099"),
    }))
    annotations = page.get("/Annots")
    if annotations is None:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([note])
    else:
        annotations.get_object().append(note)
        if isinstance(annotations, generic.IndirectObject):
            writer.mark_update(annotations)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- 1. pyHanko's own validator against the published demo root --------------------------------------------


def test_an_issued_certificate_validates_with_pyhanko_against_the_published_demo_root(celery_workers, api_client,
                                                                                      client_for, technician):
    document, pdf = _issue(client_for, technician)
    published = _published_keys(api_client)

    context = _trust(published)
    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    status = validate_pdf_signature(signatures[0], signer_validation_context=context)

    assert (status.intact, status.valid, status.trusted) == (True, True, True), status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signer_reported_dt is not None
    active = SigningKey.objects.get(issuer=technician.organization, status=SigningKeyStatus.ACTIVE)
    assert _kid(status.signing_cert.dump()) == active.kid == document.signing_key.kid
    assert active.kid in {key["kid"] for key in published["keys"]}
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    # The seal signs the rendered revision, not the signed file.
    assert document.content_sha256 and document.content_sha256 != document.sha256

    # The trust check can fail: another root trusts nothing here.
    _key, stranger = make_root()
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(stranger.public_bytes(Encoding.DER))],
                                allow_fetching=False, revocation_mode="soft-fail")
    status = validate_pdf_signature(signatures[0], signer_validation_context=context)
    assert status.intact and status.valid and not status.trusted


# --- 2 and 3. verify_document and the stand-alone script, intact and tampered ------------------------------


def test_verify_document_and_the_script_pass_the_intact_file_and_name_each_tampering(celery_workers, api_client,
                                                                                      client_for, technician,
                                                                                      tmp_path):
    document, pdf = _issue(client_for, technician)
    keys = _save(tmp_path, "keys.json", _published_keys(api_client))
    intact = _save(tmp_path, "intact.pdf", pdf)
    changed = _save(tmp_path, "one-byte.pdf", _one_byte_changed(pdf))
    appended = _save(tmp_path, "appended.pdf", _annotation_appended(pdf))
    signer = x509.load_pem_x509_certificate(document.signing_key.certificate_pem.encode()).subject.rfc4514_string()
    serial = document.subject_key

    code, output = _verify_command(intact)
    assert code == 0, output
    lines = output.splitlines()
    assert lines[-1] == "RESULT: VALID"
    assert any(line.startswith("OK: PDF signature intact and valid, signed by " + signer) for line in lines)
    assert f"OK: the QR seal's signature is valid (key {document.signing_key.kid}" in output
    assert f"number '{document.number}'" in output and f"subject '{serial}'" in output
    assert f"OK: the first revision's SHA-256 {document.content_sha256} equals the seal's" in output
    assert "OK: the QR code printed on the document is the signed seal" in output
    assert _verify_command(intact, "--keys", str(keys))[0] == 0

    code, output = _verify_command(changed, "--keys", str(keys))
    assert code == 1 and output.splitlines()[-1] == "RESULT: NOT VALID"
    assert "FAIL: the signature is NOT intact" in output, output
    assert f"differs from the seal's {document.content_sha256}" in output

    code, output = _verify_command(appended, "--keys", str(keys))
    assert code == 1 and output.splitlines()[-1] == "RESULT: NOT VALID"
    assert "the file was MODIFIED AFTER SIGNING" in output, output
    assert "OK: PDF signature intact and valid" in output  # what was signed is still intact: only appended to

    result = _verify_script(intact, keys)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "RESULT: VALID" in result.stdout
    for tampered, named in ((changed, ("NOT intact",)), (appended, ("MODIFIED AFTER SIGNING",))):
        result = _verify_script(tampered, keys)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "RESULT: NOT VALID" in result.stdout and any(word in result.stdout for word in named), result.stdout


# --- 4. a seal with one fact changed -----------------------------------------------------------------------


def _forged(seal: str) -> str:
    """The seal with its valid-until date one year later, under the ORIGINAL signature."""
    tagged = cbor.loads(qr.parse_seal_text(seal))
    protected, unprotected, payload, signature = tagged.value
    claims = Claims.from_cbor(payload)
    assert claims.valid_until is not None
    later = replace(claims, valid_until=date(claims.valid_until.year + 1, claims.valid_until.month,
                                             min(claims.valid_until.day, 28)))
    forged = cbor.dumps(cbor.Tag(cose.COSE_SIGN1_TAG, [protected, unprotected, later.to_cbor(), signature]))
    prefix = seal.rpartition(qr.SEPARATOR)[0]
    return qr.seal_text(prefix, forged)


def test_a_seal_with_one_fact_changed_fails_on_the_page_and_in_docseal(celery_workers, api_client, client_for,
                                                                       technician):
    document, _pdf = _issue(client_for, technician)
    keys = KeysFile.from_json(_published_keys(api_client))
    forged = _forged(document.seal)
    assert forged != document.seal

    assert api_client.get(seal_path(document.seal)).status_code == 200
    assert api_client.get(seal_path(forged)).status_code == 404

    for seal, expected in ((document.seal, True), (forged, False)):
        kid, _payload, to_be_signed, signature = cose.open1(qr.parse_seal_text(seal))
        assert kid.hex() == document.signing_key.kid
        assert cose.verify_es256(keys.key(kid).public_key, to_be_signed, signature) is expected
    assert Claims.from_cbor(cose.open1(qr.parse_seal_text(forged))[1]).number == document.number


# --- 5. rotation and revocation ----------------------------------------------------------------------------


def test_a_document_signed_before_a_rotation_verifies_after_it_and_says_so_once_its_key_is_revoked(
        celery_workers, api_client, client_for, technician, tmp_path):
    old_document, old_pdf = _issue(client_for, technician)
    old_kid = old_document.signing_key.kid
    old_file = _save(tmp_path, "before-rotation.pdf", old_pdf)
    issuer = technician.organization

    call_command("signing_keys", "rotate", "--issuer", str(issuer.pk), stdout=io.StringIO())
    keys = _save(tmp_path, "keys-after-rotation.json", _published_keys(api_client))
    code, output = _verify_command(old_file, "--keys", str(keys))
    assert code == 0, output
    assert f"OK: the signer's key {old_kid} ({issuer.name}) is retired" in output
    assert _verify_script(old_file, keys).returncode == 0

    new_document, new_pdf = _issue(client_for, technician)
    new_kid = SigningKey.objects.get(issuer=issuer, status=SigningKeyStatus.ACTIVE).kid
    assert new_document.signing_key.kid == new_kid != old_kid
    status = validate_pdf_signature(PdfFileReader(io.BytesIO(new_pdf)).embedded_signatures[0],
                                    signer_validation_context=_trust(_published_keys(api_client)))
    assert status.trusted and _kid(status.signing_cert.dump()) == new_kid

    call_command("signing_keys", "revoke", old_kid, "--reason", "Lộ khóa bí mật", stdout=io.StringIO())
    revoked_keys = _save(tmp_path, "keys-after-revocation.json", _published_keys(api_client))
    code, output = _verify_command(old_file)
    assert code == 1 and output.splitlines()[-1] == "RESULT: NOT VALID"
    assert f"the signer's key {old_kid} ({issuer.name}) was REVOKED" in output and "Lộ khóa bí mật" in output
    assert _verify_script(old_file, revoked_keys).returncode == 1
    assert _verify_command(_save(tmp_path, "after.pdf", new_pdf), "--keys", str(revoked_keys))[0] == 0

    revoked_on = SigningKey.objects.get(kid=old_kid).revoked_at
    answer = api_client.get(f"/api/v1/verify/{old_document.token}").json()
    assert answer["signing_key"] == {"kid": old_kid, "status": "revoked",
                                     "revoked_at": answer["signing_key"]["revoked_at"],
                                     "revocation_reason": "Lộ khóa bí mật"}
    assert answer["signing_key"]["revoked_at"].startswith(timezone.localtime(revoked_on).date().isoformat())
    warning = (f"Khóa ký số đã bị thu hồi ngày {timezone.localtime(revoked_on):%d/%m/%Y}: Lộ khóa bí mật. "
               f"Không thể tin cậy chữ ký trên văn bản này.")
    for path in (f"/verify/{old_document.token}", seal_path(old_document.seal)):
        page = api_client.get(path)
        assert page.status_code == 200
        html = page.content.decode()
        assert f"Chữ ký số: khóa {old_kid} của {issuer.name}" in html and warning in html, path
    new_page = api_client.get(f"/verify/{new_document.token}").content.decode()
    assert f"Chữ ký số: khóa {new_kid} của {issuer.name}" in new_page and "Khóa ký số đã bị thu hồi" not in new_page
    assert api_client.get(f"/api/v1/verify/{new_document.token}").json()["signing_key"]["status"] == "active"


# --- 6. a key that cannot be loaded ------------------------------------------------------------------------


def test_a_key_that_cannot_be_loaded_fails_the_document_in_the_worker(celery_workers, client_for):
    body = OrganizationFactory(kind="verification_body", name="Trung tâm Đo lường Không Khóa")
    technician = UserFactory(role="technician", organization=body)
    key = demo_key_enrol(issuer=body)  # registered, never loaded by a worker: nothing cached
    (keys_dir() / key.source).unlink()

    document_id = _request_certificate(client_for(technician), technician)
    document = wait_until(lambda: Document.objects.filter(pk=document_id).exclude(
        status=DocumentStatus.PENDING).first(), timeout=90, message="the render task to end")

    assert document.status == DocumentStatus.FAILED, document.status
    assert body.name in document.failure_reason and "SigningKeyError" in document.failure_reason
    assert "cannot be read" in document.failure_reason and key.source in document.failure_reason
    assert not document.file and document.sha256 == "" and document.seal == ""
    assert document.signing_key_id is None


def test_a_worker_with_the_wrong_passphrase_fails_the_document_naming_the_issuer(client_for, free_port):
    """A worker of its own, on a broker of its own, started with a passphrase that does not open the key."""
    body = OrganizationFactory(kind="verification_body", name="Trung tâm Đo lường Sai Mật Khẩu")
    technician = UserFactory(role="technician", organization=body)
    key = demo_key_enrol(issuer=body)
    broker = f"redis://127.0.0.1:{free_port}/0"
    redis = start_redis(free_port)
    try:
        with producer_broker(broker), running_workers(
                broker_url=broker, count=1, name="wrong-passphrase",
                extra_env={"DOCUMENT_SIGNING_PASSPHRASE": "not-the-passphrase", "WORKER_HEARTBEAT_SECONDS": "0"}):
            document_id = _request_certificate(client_for(technician), technician)
            document = wait_until(lambda: Document.objects.filter(pk=document_id).exclude(
                status=DocumentStatus.PENDING).first(), timeout=90, message="the render task to end")
    finally:
        redis.terminate()
        redis.wait(timeout=10)

    assert document.status == DocumentStatus.FAILED, document.status
    assert body.name in document.failure_reason and "wrong passphrase" in document.failure_reason
    assert key.source in document.failure_reason
    assert not document.file and document.sha256 == "" and document.seal == "" and document.signing_key_id is None


# --- 7. the QR code read from a 150 dpi render -------------------------------------------------------------


def test_the_qr_code_reads_at_150_dpi_and_is_the_seal_embedded_and_recorded(celery_workers, client_for,
                                                                            technician):
    document, pdf = _issue(client_for, technician)

    assert qr_texts(pdf) == [document.seal]
    attachments = pdf_reader(pdf).attachments
    assert attachments["seal.txt"][0].decode().strip() == document.seal
    assert document.seal.startswith(document.seal.rpartition(qr.SEPARATOR)[0]) and document.seal.isupper()
