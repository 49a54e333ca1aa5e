"""One ASCII file name for a document, wherever it leaves the service (a download, an e-mail attachment)."""

import re
import unicodedata

from certificates.kinds import kind_spec


def ascii_filename(number: str, extension: str = "pdf") -> str:
    """KĐ-2026/000123 -> KD-2026-000123.pdf: plain ASCII survives every browser and mail client.

    Anything but letters, digits, "." and "-" (the "/" of every number, a space) becomes one "-", so the name is
    safe in a Content-Disposition header and on any file system.
    """
    folded = unicodedata.normalize("NFKD", number.replace("Đ", "D").replace("đ", "d"))
    stem = re.sub(r"[^A-Za-z0-9.-]+", "-", folded.encode("ascii", "ignore").decode()).strip("-.")
    return f"{stem or 'document'}.{extension}"


def document_filename(document, extension: str = "pdf") -> str:
    """The file name of a document: its number, and its year when the number does not tell it.

    A penalty decision is "01/QĐ-XPHC" in every year (Decree 30/2020 numbers carry no year), so its file is
    01-QD-XPHC-2026.pdf: two years' decisions saved in one folder do not overwrite each other.
    """
    try:
        has_year = kind_spec(document.kind).number_has_year
    except LookupError:  # a kind no app registers any more: say the year rather than guess
        has_year = False
    number = document.number if has_year else f"{document.number}-{document.year}"
    return ascii_filename(number, extension)
