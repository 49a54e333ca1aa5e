"""One ASCII file name for a document, wherever it leaves the service (a download, an e-mail attachment)."""

import unicodedata


def ascii_filename(number: str, extension: str = "pdf") -> str:
    """KĐ-2026/000123 -> KD-2026-000123.pdf: plain ASCII survives every browser and mail client."""
    folded = unicodedata.normalize("NFKD", number.replace("Đ", "D").replace("đ", "d"))
    return f"{folded.encode('ascii', 'ignore').decode().replace('/', '-')}.{extension}"
