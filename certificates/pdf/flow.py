"""Measured blocks and their pagination, and the lines and paragraphs of body text built on them.

A body is a list of Blocks, each of a known height with a draw(canvas, top) callback. paginate() spreads them over
pages, moving keep-together chains whole and repeating a table's head where a row starts a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from reportlab.pdfgen.canvas import Canvas

from certificates.pdf.fonts import FONT
from certificates.pdf.text import draw_text, em_width, wrap

# --- Blocks and pagination -----------------------------------------------------------------------------------------


class Block(NamedTuple):
    """A measured piece of the body: draw(canvas, top) paints it within height points below top."""

    height: float
    draw: Callable[[Canvas, float], None]
    keep_with_next: bool = False
    continued_head: Block | None = None  # a table row repeats this head when it starts a page


def space(height: float, *, keep_with_next: bool = True) -> Block:
    """Return an empty block: vertical space, by default sticking to what follows."""
    return Block(height, lambda canvas, top: None, keep_with_next)


def paginate(blocks: list[Block], first_room: float, later_room: float, *, head_room: float) -> list[list[Block]]:
    """Distribute the blocks over pages, moving a keep-together group whole and repeating a table's head.

    Groups are capped at a continuation page's room less head_room (the table head a moved row repeats), so a
    group moved to a new page always fits.
    """
    pages: list[list[Block]] = [[]]
    room = first_room
    for group in _keep_groups(blocks, later_room - head_room):
        need = sum(block.height for block in group)
        if need > room:
            pages.append([])
            room = later_room
            head = group[0].continued_head
            if head is not None:
                pages[-1].append(head)
                room -= head.height
        if need > room + 0.01:
            raise ValueError("a block is taller than a page")
        pages[-1].extend(group)
        room -= need
    return pages


def _keep_groups(blocks: list[Block], limit: float) -> list[list[Block]]:
    """Chain blocks marked keep_with_next to their successor; a chain taller than limit breaks where it must."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    height = 0.0
    for block in blocks:
        if current and height + block.height > limit:
            groups.append(current)
            current, height = [], 0.0
        current.append(block)
        height += block.height
        if not block.keep_with_next:
            groups.append(current)
            current, height = [], 0.0
    if current:
        groups.append(current)
    return groups


# --- Lines and paragraphs ------------------------------------------------------------------------------------------

MAX_STRETCH = 0.3  # widest extra space per word gap when justifying, as a share of the type size


class Span(NamedTuple):
    """One run of text on a line; x is the anchor for the alignment ("justify" stretches it over width)."""

    x: float
    text: str
    font: str
    size: float
    align: str = "left"
    width: float = 0.0


def line(spans: tuple[Span, ...], height: float, *, keep_with_next: bool = False) -> Block:
    """Return a block drawing spans on one baseline, one type size below the block's top."""

    def draw(canvas: Canvas, top: float) -> None:
        baseline = top - max(span.size for span in spans)
        for span in spans:
            if span.align == "justify":
                _draw_justified(canvas, span.x, baseline, span.text, span.font, span.size, span.width)
            else:
                draw_text(canvas, span.x, baseline, span.text, span.font, span.size, span.align)

    return Block(height, draw, keep_with_next)


def _draw_justified(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
    """Draw text stretched to width by widening its spaces (Decree 30/2020: body text justified to both margins).

    The PDF word-spacing operator keeps each line one string, so it extracts as the sentence it is; reportlab keeps
    the space at code 32 in every TrueType subset, which the operator needs.
    """
    spaces = text.count(" ")
    slack = width - em_width(text, font) * size
    stretch = slack / spaces if spaces and slack > 0 else 0
    if stretch > MAX_STRETCH * size:  # a line left loose by a long number reads better ragged than full of holes
        stretch = 0
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    text_object.setWordSpace(stretch)
    text_object.textOut(text)
    # Word spacing is page text state and outlives the text object: reset it, or every later line is stretched.
    text_object.setWordSpace(0)
    canvas.drawText(text_object)


@dataclass(frozen=True, kw_only=True)
class Prose:
    """A document's body text: size, leading and paragraph gap, and the measure from left to right it runs in."""

    size: float
    leading: float
    gap: float  # extra space after a paragraph
    left: float
    right: float
    break_long_words: bool = True  # else a word wider than the measure runs past it

    def paragraph(self, text: str, font: str = FONT, *, size: float | None = None, first_x: float | None = None,
                  x: float | None = None, lead: tuple[Span, ...] = (), align: str = "left",
                  keep_with_next: bool = False) -> list[Block]:
        """Return one block per wrapped line, kept together; lead spans (a label, a number) open the first line.

        The first line starts at first_x (an indent, or room for the lead), the others at x (a hanging indent); both
        default to the left of the measure. A centred line is centred on the measure; the last line of a justified
        paragraph stays ragged.
        """
        size = self.size if size is None else size
        x = self.left if x is None else x
        first_x = self.left if first_x is None else first_x
        lines = wrap(text, font, size, self.right - first_x, self.right - x,
                     break_long_words=self.break_long_words) or [""]
        blocks = []
        for index, text_line in enumerate(lines):
            last = index == len(lines) - 1
            span = self._span(first_x if index == 0 else x, text_line, font, size,
                              "left" if last and align == "justify" else align)
            height = self.leading * size / self.size + (self.gap if last else 0)
            blocks.append(line((*lead, span) if index == 0 else (span,), height,
                               keep_with_next=keep_with_next or not last))
        return blocks

    def _span(self, x: float, text: str, font: str, size: float, align: str) -> Span:
        """Return the span of one paragraph line starting at x."""
        if align == "center":
            return Span(self.left + (self.right - self.left) / 2, text, font, size, "center")
        return Span(x, text, font, size, align, self.right - x)

