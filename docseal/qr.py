"""The seal's QR text: a link a phone opens, which also carries the signed statement.

    text = PREFIX + "/V/" + BASE32(cose)

PREFIX is the service's public base URL upper-cased (e.g. "HTTPS://REGISTRY.EXAMPLE.VN"), BASE32 is RFC 4648
base32 of the COSE_Sign1 bytes (docseal.cose) without "=" padding. Every character is then in QR's alphanumeric
set (0-9 A-Z space $ % * + - . / :), which packs 5.5 bits per character, so the code stays small enough to scan
at the printed size. Scheme and host are case-insensitive, so the link still opens.

The QR symbol uses error correction level M (see `QR_ERROR`), chosen because it decodes from a 150 dpi render of
the 24 mm letter QR and the 28 mm certificate QR (tests/docseal/test_qr.py).

It uses one fixed data mask (`QR_MASK`). ISO/IEC 18004 lets the encoder choose the mask (the penalty evaluation
of 7.8.3 is how an encoder may choose, and a decoder reads the mask from the format information); segno's
evaluation of the eight masks in pure Python cost about 12 ms of the ~25 ms a seal took, and each text is drawn
once (it holds the document's hash and signature), so nothing can be cached. A fixed mask may give a symbol with
more penalty features than the best one; tests/docseal/test_qr.py shows zxing-cpp still decodes it from a 150 dpi
render at 24 and 28 mm for many different payloads.
"""

from __future__ import annotations

import base64
import binascii

__all__ = ["QR_ERROR", "SealTextError", "matrix", "parse_seal_text", "seal_text"]

QR_ERROR = "m"
QR_MASK = 1  # horizontal stripes of period 2 ((i mod 2) = 0): see the module's docstring
SEPARATOR = "/V/"
ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


class SealTextError(ValueError):
    """The text is not a seal text."""


def seal_text(prefix: str, cose: bytes) -> str:
    text = prefix.rstrip("/").upper() + SEPARATOR + base64.b32encode(cose).decode("ascii").rstrip("=")
    if not set(text) <= ALPHANUMERIC:
        raise SealTextError("the prefix must use only QR alphanumeric characters once upper-cased")
    return text


def parse_seal_text(text: str) -> bytes:
    """Return the COSE_Sign1 bytes a seal text carries (the part after the last "/V/")."""
    _head, separator, encoded = text.strip().upper().rpartition(SEPARATOR)
    if not separator or not encoded:
        raise SealTextError("the text has no /V/ part")
    try:
        return base64.b32decode(encoded + "=" * (-len(encoded) % 8))
    except (binascii.Error, ValueError) as error:
        raise SealTextError("the /V/ part is not base32") from error


def matrix(text: str) -> tuple[tuple[int, ...], ...]:
    """The QR symbol's modules (no quiet zone), rows top to bottom, 1 = dark."""
    import segno  # only the sealer draws; the verifier needs no segno

    return segno.make(text, error=QR_ERROR, mask=QR_MASK, micro=False, boost_error=False).matrix


def version(text: str) -> int:
    import segno

    return segno.make(text, error=QR_ERROR, mask=QR_MASK, micro=False, boost_error=False).version
