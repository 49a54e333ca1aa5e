"""The seal's QR text: a link a phone opens, which also carries the signed statement.

    text = PREFIX + "/V/" + BASE32(cose)

PREFIX is the service's public base URL upper-cased (e.g. "HTTPS://REGISTRY.EXAMPLE.VN"), BASE32 is RFC 4648
base32 of the COSE_Sign1 bytes (docseal.cose) without "=" padding. Every character is then in QR's alphanumeric
set (0-9 A-Z space $ % * + - . / :), which packs 5.5 bits per character, so the code stays small enough to scan
at the printed size. Scheme and host are case-insensitive, so the link still opens.

The QR symbol uses error correction level M (see `QR_ERROR`), chosen because it decodes from a 150 dpi render of
the 24 mm letter QR and the 28 mm certificate QR (tests/docseal/test_qr.py).

The symbol is made by zxing-cpp's encoder (C++; the same library the tests read codes with), which chooses the
mode (alphanumeric for this text), the smallest version for level M and the data mask by ISO/IEC 18004's penalty
rules in about 1 ms. segno, in pure Python, took 6 ms with one fixed mask and 12 ms more to choose it; each text is
drawn once (it holds the document's hash and signature), so nothing could be cached.
"""

from __future__ import annotations

import base64
import binascii

__all__ = ["QR_ERROR", "SealTextError", "matrix", "parse_seal_text", "seal_text"]

QR_ERROR = "m"
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


def _image(text: str):
    import zxingcpp  # only the sealer draws; the verifier needs no encoder

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=QR_ERROR.upper())
    return code.to_image(scale=1, add_quiet_zones=False)  # one pixel a module, 0 = dark


def matrix(text: str) -> tuple[bytes, ...]:
    """The QR symbol's modules (no quiet zone), rows top to bottom, each a bytes of 1 (dark) and 0 (light)."""
    image = _image(text)
    size = image.shape[0]
    pixels = bytes(memoryview(image)).translate(_DARK)
    return tuple(pixels[row * size:(row + 1) * size] for row in range(size))


def version(text: str) -> int:
    """The symbol's version (1-40): it has 17 + 4 x version modules a side."""
    return (_image(text).shape[0] - 17) // 4


_DARK = bytes([1] + [0] * 255)  # pixel value -> module: only 0 (black) is dark
