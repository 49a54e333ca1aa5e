"""Shared drawing kit for the PDF documents we issue (certificates, licences, decisions, notices).

Pure helpers around a reportlab canvas: no Django models, no queries, no storage. Every document
kind draws its own layout with these so that fonts, dates and the national header look the same
everywhere. Coordinates are reportlab points with the origin at the bottom left of the page.

- fonts: the embedded serif family, NFC and the A4 canvas;
- text: dates, and measuring, wrapping, fitting and drawing text;
- parts: national header, signer's title, verification footer and QR code;
- flow: measured blocks, pagination, wrapped prose;
- table: ruled tables that flow over pages;
- letter: the administrative letter of Decree 30/2020 App. I around a flowing body.

Import from here: the package's public names are all re-exported.
"""

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from certificates.pdf.flow import Block, Prose, Span, line, paginate, space
from certificates.pdf.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    nfc,
    nfc_strings,
    open_canvas,
    register_fonts,
)
from certificates.pdf.letter import CONTENT_W, HEADER_SPLIT, LEFT, RIGHT, Letter, render_letter
from certificates.pdf.parts import (
    draw_national_header,
    draw_qr,
    draw_qr_captioned,
    draw_signer_title,
    draw_verify_footer,
)
from certificates.pdf.table import Cell, Column, Table
from certificates.pdf.text import (
    draw_fitted,
    draw_text,
    em_width,
    fit_font_size,
    vn_date,
    vn_date_line,
    vn_date_words,
    vn_number,
    wrap,
)

__all__ = [
    "A4",
    "CONTENT_W",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "HEADER_SPLIT",
    "LEFT",
    "RIGHT",
    "Block",
    "Cell",
    "Column",
    "Letter",
    "Prose",
    "Span",
    "Table",
    "draw_fitted",
    "draw_national_header",
    "draw_qr",
    "draw_qr_captioned",
    "draw_signer_title",
    "draw_text",
    "draw_verify_footer",
    "em_width",
    "fit_font_size",
    "line",
    "mm",
    "nfc",
    "nfc_strings",
    "open_canvas",
    "paginate",
    "register_fonts",
    "render_letter",
    "space",
    "vn_date",
    "vn_date_line",
    "vn_date_words",
    "vn_number",
    "wrap",
]
