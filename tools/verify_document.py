#!/usr/bin/env python3
"""Verify a sealed document offline: python tools/verify_document.py FILE.pdf --keys keys.json [--json]

Needs only the docseal package (this repository's docseal/), cryptography and pyhanko; pypdf, when installed, is
used to extract the PDF's text so that the signed facts can be checked against what the document shows.
The keys file is the issuers' published keys (GET /.well-known/document-keys.json). No network is used.

Exit status: 0 the document is valid, 1 it is not (the report says why), 2 usage error (bad arguments, a file
that cannot be read, a malformed keys file).
"""

from __future__ import annotations

import argparse
import json
import sys
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docseal.keys import KeysError, KeysFile
from docseal.verify import verify_pdf


def pdf_text(data: bytes) -> str | None:
    """The PDF's text with pypdf, or None when pypdf is not installed or cannot read it."""
    try:
        import pypdf
    except ImportError:
        return None
    try:
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(BytesIO(data)).pages)
    except Exception:  # a damaged file: the verifier reports why
        return None


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too; keep its message
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description="Verify a sealed document's signature, QR seal, facts and hash, offline.")
    parser.add_argument("pdf", type=Path, help="the PDF file")
    parser.add_argument("--keys", type=Path, required=True, help="the published keys file (JSON)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        data = args.pdf.read_bytes()
        keys = KeysFile.from_json(json.loads(args.keys.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeysError) as error:
        print(f"verify_document: {error}", file=sys.stderr)
        return 2
    report = verify_pdf(data, keys, text=pdf_text(data))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
