"""Read rendered PDFs back for tests: text with pypdf, QR codes with pypdfium2 + zxing-cpp, font embedding."""

import io

import pypdf
import pypdfium2
import zxingcpp

QR_SCALE = 150 / 72  # render at 150 dpi, as a phone camera would see a print


def pdf_reader(pdf: bytes) -> pypdf.PdfReader:
    """Return a pypdf reader over the PDF bytes."""
    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """Return the extracted text of every page, pages joined by a line break."""
    return "\n".join(page.extract_text() for page in pdf_reader(pdf).pages)


def pdf_lines(pdf: bytes) -> list[str]:
    """Return the extracted text's lines, stripped: a value printed unbroken is one of them."""
    return [line.strip() for line in pdf_text(pdf).splitlines()]


def qr_texts(pdf: bytes, page: int = 0) -> list[str]:
    """Return the decoded QR codes on one page."""
    return _decode(pypdfium2.PdfDocument(pdf)[page])


def qr_texts_by_page(pdf: bytes) -> list[list[str]]:
    """Return the decoded QR codes of each page."""
    return [_decode(page) for page in pypdfium2.PdfDocument(pdf)]


def _decode(page: pypdfium2.PdfPage) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(page.render(scale=QR_SCALE).to_pil())]


def font_embedding(pdf: bytes) -> list[tuple[str, bool]]:
    """Return (BaseFont, whether its TrueType program is embedded) for every font resource of every page."""
    found = []
    for page in pdf_reader(pdf).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = (font["/DescendantFonts"][0] if "/DescendantFonts" in font else font)["/FontDescriptor"]
            found.append((font["/BaseFont"], "/FontFile2" in descriptor))
    return found


def real_pdf(text: str = "Bien ban kiem xa") -> bytes:
    """A small real PDF, as a scanner would upload (reportlab: one page, one line)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def seal_path(qr_text: str) -> str:
    """The path a phone opens from a document's QR seal ("HTTPS://HOST/V/<seal>" -> "/V/<seal>")."""
    head, separator, seal = qr_text.rpartition("/V/")
    assert separator and head.startswith(("HTTP://", "HTTPS://")), qr_text
    return f"/V/{seal}"
