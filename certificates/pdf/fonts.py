"""The kit's typeface and canvas: the embedded serif family, Unicode NFC, and an A4 canvas that starts on it."""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"

# Liberation Serif is metric-compatible with Times New Roman, the typeface Decree 30/2020 App. I
# prescribes, and covers every precomposed Vietnamese letter (TCVN 6909:2001 Unicode).
FONT = "Serif"
FONT_BOLD = "Serif-Bold"
FONT_ITALIC = "Serif-Italic"
FONT_BOLD_ITALIC = "Serif-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_registered = False
_register_lock = threading.Lock()


def register_fonts() -> None:
    """Register the embedded serif family once per process.

    Parsing the four TTFs costs about 110 ms, so it must never happen per document; the guard makes
    repeated calls free. The family registration lets <b>/<i> work in platypus Paragraphs.
    """
    global _registered
    if _registered:
        return
    with _register_lock:
        if _registered:
            return
        for name, filename in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _registered = True


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the precomposed form the fonts and TCVN 6909:2001 expect.

    Decomposed input (base letter + combining marks, as some keyboards and macOS produce) would
    otherwise be drawn as separate glyphs with misplaced diacritics and extract badly.
    """
    return unicodedata.normalize("NFC", text)


def nfc_strings(instance) -> dict[str, str]:
    """Return {field name: NFC value} for the string fields of a dataclass instance, for dataclasses.replace()."""
    values = ((f.name, getattr(instance, f.name)) for f in dataclasses.fields(instance))
    return {name: nfc(value) for name, value in values if isinstance(value, str)}


def open_canvas(buffer: BytesIO, font_size: float) -> Canvas:
    """Return an A4 canvas writing into buffer, in Vietnamese, starting on our serif at font_size.

    Starting on our own font matters: the default initial Helvetica would be a non-embedded font resource.
    """
    return Canvas(buffer, pagesize=A4, pageCompression=1, lang="vi", initialFontName=FONT, initialFontSize=font_size)
