"""Verify a document's PDF offline: `manage.py verify_document FILE.pdf [--keys keys.json] [--json]`.

What tools/verify_document.py reports (docseal.verify: the PDF signature, the QR seal, the signed facts against the
PDF's text, the first revision's hash against the seal's), with the service's own published keys unless --keys
names a file, and one check more that the stand-alone script leaves out for want of a renderer: the QR code printed
on the pages (drawn with pypdfium2, read with zxing-cpp) is the seal the signature covers. No network is used.
Exits 0 when the document is valid, 1 when it is not.
"""

import json
from io import BytesIO
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from docseal.keys import KeysError, KeysFile
from docseal.verify import Report, verify_pdf

# Pixels per PDF point when the pages are drawn to read their QR code: 150 dpi, as a print scanned at office quality.
QR_SCALE = 150 / 72


def pdf_text(data: bytes) -> str | None:
    import pypdf

    try:
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(BytesIO(data)).pages)
    except Exception:
        return None


def printed_qr_codes(data: bytes) -> list[str] | None:
    """The texts of the QR codes drawn on the pages, or None when the file cannot be drawn."""
    import pypdfium2
    import zxingcpp

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None
    try:
        return [result.text for page in document
                for result in zxingcpp.read_barcodes(page.render(scale=QR_SCALE).to_pil())]
    finally:
        document.close()


def check_printed_qr(report: Report, data: bytes) -> None:
    """The QR code a phone reads from the printed page must be the seal the signature covers."""
    sealed = report.seal.get("text")
    if not sealed:
        return
    codes = printed_qr_codes(data)
    report.seal["printed"] = codes
    if codes is None:
        report.problem("the pages cannot be drawn to read their QR code")
    elif sealed in codes:
        report.good("the QR code printed on the document is the signed seal")
    else:
        report.problem(f"the QR code printed on the document is NOT the signed seal (read: {codes or 'none'})")
    report.ok = not report.problems
    report.lines = [line for line in report.lines if not line.startswith("RESULT: ")]
    report.lines.append("RESULT: " + ("VALID" if report.ok else "NOT VALID"))


class Command(BaseCommand):
    help = "Verify a document's PDF offline: signature, QR seal, signed facts and hash."

    def add_arguments(self, parser):
        parser.add_argument("pdf", type=Path)
        parser.add_argument("--keys", type=Path, help="a published keys file (default: this service's keys)")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, pdf: Path, keys: Path | None, json: bool, **options):
        try:
            data = pdf.read_bytes()
            keys_file = KeysFile.from_json(self._keys(keys))
        except (OSError, ValueError, KeysError) as error:
            raise CommandError(str(error)) from error
        report = verify_pdf(data, keys_file, text=pdf_text(data))
        check_printed_qr(report, data)
        if json:
            self.stdout.write(_json_dumps(report.as_dict()))
        else:
            self.stdout.write("\n".join(report.lines))
        if not report.ok:
            raise SystemExit(1)

    def _keys(self, path: Path | None) -> dict:
        if path is not None:
            return json.loads(path.read_text(encoding="utf-8"))
        from certificates.signing.published import keys_file

        return keys_file()


def _json_dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
