"""Verify a sealed PDF offline: its PAdES signature, its QR seal, the seal's facts against the text, and the hash.

What `verify_pdf` checks, in order (each check adds lines to the report; `Report.ok` is True only if all pass):

1. The PDF signature (pyHanko's validator, no network: ValidationContext(trust_roots=keys file's roots,
   allow_fetching=False), revocation soft-fail): present, intact (the signed bytes hash to the signed digest),
   valid (the CMS signature verifies), trusted (the signer's chain leads to one of the roots), and covering the
   ENTIRE FILE. Anything appended after the signature (an incremental update) is reported as "modified after
   signing", with pyHanko's classification of the change. The signer's subject, the signing time (and the RFC 3161
   timestamp's time when present), and the signer certificate's kid with its status in the keys file: a revoked
   key makes the document invalid, saying when and why.
   A file pyHanko cannot parse (e.g. one byte changed in its structure) is reported as "unreadable"; a byte changed
   inside the signed content is reported as "not intact".
2. The seal: the embedded file "seal.txt" of the signed revision, parsed (docseal.qr), its COSE_Sign1
   (docseal.cose) verified with the published key named by its kid (which must be the PDF signer's key), and its
   statement (docseal.claims) decoded.
3. The statement against the PDF's text (extracted by the caller; "not checked" when None), compared with all
   white space removed and case folded: the number, the subject and the valid-until date (when any; as
   dd/mm/yyyy or "ngày D tháng M năm YYYY", see `date_forms`) must each appear. The owner's tax code (when not
   empty) is looked for too, but its absence is only a note: not every kind prints it.
4. The SHA-256 of the file's first revision (the bytes up to and including the first "%%EOF" after revision 0's
   cross-reference section, and its end-of-line marker) against the statement's content_sha256.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from io import BytesIO

from cryptography import x509
from pyhanko.pdf_utils import generic

from docseal import cose, qr
from docseal.claims import Claims, ClaimsError
from docseal.keys import KeysFile, kid_of
from docseal.seal import SEAL_FILE_NAME, run_coroutine

__all__ = ["Report", "first_revision", "verify_pdf"]


@dataclass
class Report:
    ok: bool = False
    lines: list[str] = field(default_factory=list)
    readable: bool = True
    signature: dict = field(default_factory=dict)
    seal: dict = field(default_factory=dict)
    text_check: dict = field(default_factory=dict)
    hash_check: dict = field(default_factory=dict)
    claims: Claims | None = None
    kid: str | None = None
    problems: list[str] = field(default_factory=list)

    def problem(self, line: str) -> None:
        self.problems.append(line)
        self.lines.append("FAIL: " + line)

    def good(self, line: str) -> None:
        self.lines.append("OK: " + line)

    def note(self, line: str) -> None:
        self.lines.append("NOTE: " + line)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "readable": self.readable,
            "signature": self.signature,
            "seal": self.seal,
            "statement": self.claims.to_json(bytes.fromhex(self.kid) if self.kid else None) if self.claims else None,
            "text_check": self.text_check,
            "hash_check": self.hash_check,
            "problems": self.problems,
            "lines": self.lines,
        }


def first_revision(data: bytes, reader) -> bytes:
    """The bytes of the file's first revision, found from revision 0's cross-reference section."""
    info = reader.xrefs.get_xref_container_info(0)
    end = data.find(b"%%EOF", info.end_location)
    if end < 0:
        raise ValueError("no %%EOF after the first revision's cross-reference section")
    end += len(b"%%EOF")
    if data[end:end + 2] == b"\r\n":
        end += 2
    elif data[end:end + 1] in (b"\n", b"\r"):
        end += 1
    return data[:end]


def _embedded_file(root, name: str) -> bytes | None:
    names = root.get("/Names")
    if names is None or "/EmbeddedFiles" not in names.get_object():
        return None
    tree = names.get_object()["/EmbeddedFiles"].get_object()
    pending = [tree]
    while pending:
        node = pending.pop().get_object()
        entries = node.get("/Names", generic.ArrayObject()).get_object()
        for index in range(0, len(entries) - 1, 2):
            if str(entries[index]) == name:
                return entries[index + 1].get_object()["/EF"]["/F"].get_object().data
        pending.extend(node.get("/Kids", generic.ArrayObject()).get_object())
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def _check_signature(report: Report, reader, keys: KeysFile):
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signatures = reader.embedded_regular_signatures
    if not signatures:
        report.signature = {"present": False}
        report.problem("the PDF has no signature")
        return None
    if len(signatures) > 1:
        report.note(f"the PDF has {len(signatures)} signatures; the first one is checked")
    embedded = signatures[0]
    context = ValidationContext(trust_roots=keys.roots, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = run_coroutine(async_validate_pdf_signature(embedded, signer_validation_context=context))
    except Exception as error:  # pyHanko raises several kinds for a mangled signature
        report.signature = {"present": True, "error": str(error)}
        report.problem(f"the signature could not be validated: {error}")
        return embedded
    certificate = x509.load_der_x509_certificate(status.signing_cert.dump())
    kid = kid_of(certificate)
    coverage = status.coverage.name if status.coverage else None
    modification = getattr(status, "modification_level", None)
    signing_time = status.signer_reported_dt.isoformat() if status.signer_reported_dt else None
    timestamp = status.timestamp_validity
    report.signature = {
        "present": True,
        "intact": status.intact,
        "valid": status.valid,
        "trusted": status.trusted,
        "coverage": coverage,
        "modified_after_signing": coverage != "ENTIRE_FILE",
        "modification_level": modification.name if modification else None,
        "signer": certificate.subject.rfc4514_string(),
        "signing_time": signing_time,
        "timestamp": timestamp.timestamp.isoformat() if timestamp else None,
        "kid": kid.hex(),
        "key_status": None,
    }
    if not status.intact:
        report.problem("the signature is NOT intact: the signed bytes were changed after signing")
    elif not status.valid:
        report.problem("the signature is intact but its cryptographic signature is NOT valid")
    else:
        report.good(f"PDF signature intact and valid, signed by {certificate.subject.rfc4514_string()}"
                    f" at {signing_time}" + (f", timestamped {timestamp.timestamp.isoformat()}" if timestamp else ""))
    if timestamp is not None:
        report.signature["timestamp_trusted"] = timestamp.trusted
        if not (timestamp.intact and timestamp.valid):
            report.problem("the signature's RFC 3161 timestamp is NOT valid")
        elif not timestamp.trusted:
            report.note("the signature's timestamp is valid, but its authority is not among the keys file's roots")
    if status.trusted:
        report.good("the signer's certificate chains to a trusted root of the keys file")
    else:
        report.problem(f"the signer's certificate is NOT trusted ({status.trust_problem_indic})")
    if coverage == "ENTIRE_FILE":
        report.good("the signature covers the entire file")
    else:
        level = f" (pyHanko classifies the changes as {modification.name})" if modification else ""
        report.problem(f"the file was MODIFIED AFTER SIGNING: the signature covers {coverage}, "
                       f"not the entire file{level}")
    published = keys.find(kid)
    if published is None:
        report.problem(f"the signer's key {kid.hex()} is not in the keys file")
    else:
        report.signature["key_status"] = published.status
        if published.revoked:
            when = published.revoked_at.isoformat() if published.revoked_at else "an unknown time"
            report.problem(f"the signer's key {kid.hex()} ({published.issuer_name}) was REVOKED at {when}: "
                           f"{published.revocation_reason or 'no reason given'}")
        else:
            report.good(f"the signer's key {kid.hex()} ({published.issuer_name}) is {published.status}")
    return embedded


def _check_seal(report: Report, root, keys: KeysFile) -> None:
    raw = _embedded_file(root, SEAL_FILE_NAME)
    if raw is None:
        report.seal = {"present": False}
        report.problem(f"the signed revision has no embedded {SEAL_FILE_NAME}")
        return
    text = raw.decode("utf-8", "replace").strip()
    report.seal = {"present": True, "text": text, "valid": False}
    try:
        kid, payload, to_be_signed, signature = cose.open1(qr.parse_seal_text(text))
    except ValueError as error:
        report.problem(f"the seal cannot be read: {error}")
        return
    report.seal["kid"] = report.kid = kid.hex()
    published = keys.find(kid)
    if published is None:
        report.problem(f"the seal's key {kid.hex()} is not in the keys file")
        return
    if not cose.verify_es256(published.public_key, to_be_signed, signature):
        report.problem(f"the seal's signature is NOT valid for key {kid.hex()}")
        return
    try:
        report.claims = Claims.from_cbor(payload)
    except ClaimsError as error:
        report.problem(f"the seal's statement cannot be read: {error}")
        return
    report.seal["valid"] = True
    report.seal["key_status"] = published.status
    report.good(f"the QR seal's signature is valid (key {kid.hex()}, {published.issuer_name}): "
                f"{report.claims.kind} {report.claims.number}")
    if published.revoked:
        when = published.revoked_at.isoformat() if published.revoked_at else "an unknown time"
        report.problem(f"the seal's key {kid.hex()} was REVOKED at {when}: "
                       f"{published.revocation_reason or 'no reason given'}")
    signer_kid = report.signature.get("kid")
    if signer_kid and signer_kid != kid.hex():
        report.problem(f"the seal's key {kid.hex()} is not the PDF signer's key {signer_kid}")


def date_forms(value) -> list[str]:
    """The ways the documents print a date: 31/03/2027, and "ngày 31 tháng 3 năm 2027" (day and month with or
    without a leading zero), as the certificates' "valid until" line writes it."""
    days = {f"{value.day:02d}", str(value.day)}
    months = {f"{value.month:02d}", str(value.month)}
    long_forms = sorted(f"ngày {day} tháng {month} năm {value.year}" for day in days for month in months)
    return [value.strftime("%d/%m/%Y"), *long_forms]


def _check_text(report: Report, text: str | None) -> None:
    claims = report.claims
    if claims is None:
        return
    if text is None:
        report.text_check = {"checked": False}
        report.note("the statement's facts were not checked against the PDF's text (no text extracted)")
        return
    squashed = _squash(text)
    required = {"number": [claims.number], "subject": [claims.subject]}
    if claims.valid_until:
        required["valid_until"] = date_forms(claims.valid_until)
    facts = {name: forms[0] for name, forms in required.items()}
    missing = [name for name, forms in required.items() if not any(_squash(form) in squashed for form in forms)]
    tax_code_shown = None
    if claims.owner_tax_code:
        facts["owner_tax_code"] = claims.owner_tax_code
        tax_code_shown = _squash(claims.owner_tax_code) in squashed
    report.text_check = {"checked": True, "facts": facts, "missing": missing, "owner_tax_code_shown": tax_code_shown}
    if missing:
        report.problem("the PDF's text does not show the statement's " + ", ".join(
            f"{name} {facts[name]!r}" for name in missing))
    else:
        report.good("the PDF's text shows the statement's " + ", ".join(
            f"{name} {facts[name]!r}" for name in required))
    if tax_code_shown is True:
        report.good(f"the PDF's text shows the owner's tax code {claims.owner_tax_code!r}")
    elif tax_code_shown is False:
        # Not every kind prints it (the verification certificate's form has no such line): the signed statement
        # and the first revision's hash still bind it, so this alone does not invalidate the document.
        report.note(f"the owner's tax code {claims.owner_tax_code!r} is not printed in the PDF's text")


def _check_hash(report: Report, data: bytes, reader) -> None:
    if report.claims is None:
        return
    try:
        digest = hashlib.sha256(first_revision(data, reader)).digest()
    except Exception as error:
        report.hash_check = {"matches": False, "error": str(error)}
        report.problem(f"the first revision cannot be found: {error}")
        return
    matches = digest == report.claims.content_sha256
    report.hash_check = {"first_revision_sha256": digest.hex(), "claimed": report.claims.content_sha256.hex(),
                         "matches": matches}
    if matches:
        report.good(f"the first revision's SHA-256 {digest.hex()} equals the seal's")
    else:
        report.problem(f"the first revision's SHA-256 {digest.hex()} differs from the seal's "
                       f"{report.claims.content_sha256.hex()}: the rendered document was changed")


def verify_pdf(data: bytes, keys: KeysFile, *, text: str | None = None) -> Report:
    from pyhanko.pdf_utils.reader import PdfFileReader

    report = Report()
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        reader.root  # noqa: B018 - parse the trailer and catalog now, to report an unreadable file here
        signatures = reader.embedded_regular_signatures
    except Exception as error:  # pyHanko raises PdfReadError and others for a broken file
        report.readable = False
        report.problem(f"the file is UNREADABLE as a PDF (changed or damaged): {error}")
        return report
    embedded = _check_signature(report, reader, keys)
    root = reader.root
    if embedded is not None and signatures:
        try:
            root = reader.get_historical_root(embedded.signed_revision)
        except Exception as error:
            report.problem(f"the signed revision cannot be read: {error}")
    _check_seal(report, root, keys)
    _check_text(report, text)
    _check_hash(report, data, reader)
    report.ok = not report.problems
    report.lines.append("RESULT: " + ("VALID" if report.ok else "NOT VALID"))
    return report

