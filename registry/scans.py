"""What an uploaded checklist document really is: a PDF that opens, or a JPEG/PNG that decodes (issue 7, defect 10).

The first bytes prove nothing (`%PDF-` followed by HTML, a PNG signature followed by SVG), so the whole file is
parsed, and the type found here, never the client's name or declared type, decides how the file is stored and
served.
"""

import io
import unicodedata
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
# An A4 page scanned at 600 dpi is about 35 megapixels; a decoded RGB image of the bound takes ~150 MB.
ATTACHMENT_MAX_PIXELS = 50_000_000
DISPLAY_NAME_MAX_CHARS = 120


@dataclass(frozen=True)
class ScanType:
    content_type: str
    extension: str


PDF = ScanType("application/pdf", "pdf")
_IMAGE_TYPES = {"JPEG": ScanType("image/jpeg", "jpg"), "PNG": ScanType("image/png", "png")}
SCAN_TYPES = (PDF, *_IMAGE_TYPES.values())


def _refuse() -> ValidationError:
    return ValidationError({"file": _("Send a PDF, JPEG or PNG scan.")})


def scan_inspect(file) -> ScanType:
    """Parse the upload fully and return its type; anything that is not a whole PDF, JPEG or PNG is refused."""
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError({"file": _("A document may be at most 20 MB.")})
    file.seek(0)
    data = file.read()
    file.seek(0)
    if data.startswith(b"%PDF-"):
        _check_pdf(data)
        return PDF
    return _check_image(data)


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted or len(reader.pages) < 1:
                raise _refuse()
            reader.pages[0].mediabox  # noqa: B018 - the first page's dictionary must resolve
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError, OSError) as exc:
        raise _refuse() from exc


def _check_image(data: bytes) -> ScanType:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = _IMAGE_TYPES.get(probe.format)
                if kind is None or probe.width * probe.height > ATTACHMENT_MAX_PIXELS:
                    raise _refuse()
                probe.verify()  # checksums and structure; the image cannot be used after this
            with Image.open(io.BytesIO(data)) as image:  # verify() does not decode: decode every pixel
                image.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise _refuse() from exc
    return kind


def display_name(name: str | None) -> str:
    """The client's file name as display metadata only: no path, no control or bidi characters, bounded."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C")
    return kept.strip()[:DISPLAY_NAME_MAX_CHARS]
