"""Ruled tables whose rows flow as blocks, so a long table continues over pages with its head repeated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf.flow import Block
from certificates.pdf.fonts import FONT, FONT_BOLD
from certificates.pdf.text import draw_text, em_width, fit_font_size, wrap

# --- Tables --------------------------------------------------------------------------------------------------------

CELL_LEADING = 10.5
CELL_PAD = 3  # above and below a row's text
CELL_INSET = 2.5  # a cell's text keeps this clear of the rules left and right
MIN_CELL = 6  # a serial or a date shrinks down to this (still legible in print) before it would wrap
RGB = tuple[float, float, float]


class Column(NamedTuple):
    """One table column: heading lines, width, alignment, whether values shrink rather than wrap, text size."""

    head: tuple[str, ...]
    width_mm: float
    align: str = "left"
    whole: bool = False  # serials, numbers and dates stay one unbroken line, so they extract and search whole
    size: float | None = None  # the table's size unless set


class Cell(NamedTuple):
    """One table cell laid out: its (text, size) lines, its font and colour (None for black)."""

    lines: tuple[tuple[str, float], ...]
    font: str = FONT
    colour: RGB | None = None


@dataclass(frozen=True, kw_only=True)
class Table:
    """A ruled table whose rows flow as blocks: every row draws its own rules, so any row can start a page."""

    columns: tuple[Column, ...]
    left: float
    size: float  # headings and cells, unless a column sets its own
    min_wrapped: float  # prose shrinks down to this so its longest word (a circular's number) fits a line
    text_pad: float = CELL_INSET  # from the left rule to left-aligned text
    head_pad: float = CELL_INSET  # a heading fits its cell less this on either side
    min_lines: int = 1  # a row is at least this many lines tall
    break_long_words: bool = True  # else a word wider than its cell runs past the rule

    @cached_property
    def lefts(self) -> tuple[float, ...]:
        """Return the x of each column's left rule."""
        return tuple(self.left + sum(c.width_mm for c in self.columns[:i]) * mm for i in range(len(self.columns)))

    @cached_property
    def width(self) -> float:
        """Return the table's overall width."""
        return sum(column.width_mm for column in self.columns) * mm

    @cached_property
    def head_height(self) -> float:
        """Return the height of the heading row."""
        return max(len(column.head) for column in self.columns) * CELL_LEADING + 2 * CELL_PAD

    def flow(self, rows: Sequence[Sequence[Cell]], *, keep_last_with_next: bool = False) -> list[Block]:
        """Return the head and one block per row; a row that starts a new page repeats the head."""
        head = Block(self.head_height, self.draw_head, keep_with_next=True)
        blocks = [self._row(cells, head) for cells in rows]
        if blocks and keep_last_with_next:
            blocks[-1] = blocks[-1]._replace(keep_with_next=True)
        return [head, *blocks]

    def cell(self, index: int, *values: str, font: str = FONT, colour: RGB | None = None) -> Cell:
        """Lay out values in column index, each starting a line of its own; empty values are left out.

        Whole values (serial, date) shrink to stay one line; prose first shrinks until its longest word fits, so
        that a circular's number is not split unless it must be, then wraps.
        """
        column = self.columns[index]
        width = column.width_mm * mm - 2 * CELL_INSET
        lines: list[tuple[str, float]] = []
        for text in filter(None, values):
            size = column.size or self.size
            if column.whole:
                size = _fitted_size(em_width(text, font), size, width, MIN_CELL)
                if em_width(text, font) * size <= width:
                    lines.append((text, size))
                    continue
            else:
                longest = max((em_width(word, font) for word in text.split()), default=0.0)
                size = _fitted_size(longest, size, width, min(self.min_wrapped, size))
            wrapped = wrap(text, font, size, width, width, break_long_words=self.break_long_words)
            lines += [(text_line, size) for text_line in wrapped]
        return Cell(tuple(lines), font, colour)

    def draw_head(self, canvas: Canvas, top: float) -> None:
        """Draw the shaded heading row, each heading centred in its cell."""
        canvas.setFillGray(0.9)
        canvas.rect(self.left, top - self.head_height, self.width, self.head_height, stroke=0, fill=1)
        canvas.setFillGray(0)
        for column, x in zip(self.columns, self.lefts, strict=True):
            width = column.width_mm * mm
            first = _first_baseline(top, self.head_height, len(column.head))
            for index, text in enumerate(column.head):
                size = fit_font_size(text, FONT_BOLD, self.size, width - 2 * self.head_pad, 7)
                draw_text(canvas, x + width / 2, first - index * CELL_LEADING, text, FONT_BOLD, size, "center")
        self._draw_rules(canvas, top, top - self.head_height)

    def _row(self, cells: Sequence[Cell], head: Block) -> Block:
        """Return one row, as tall as its tallest cell."""
        height = max(self.min_lines, *(len(cell.lines) for cell in cells)) * CELL_LEADING + 2 * CELL_PAD

        def draw(canvas: Canvas, top: float) -> None:
            self._draw_row(canvas, top, height, cells)

        return Block(height, draw, continued_head=head)

    def _draw_row(self, canvas: Canvas, top: float, height: float, cells: Sequence[Cell]) -> None:
        """Draw one row's cells, each vertically centred, and its rules."""
        for column, cell, x in zip(self.columns, cells, self.lefts, strict=True):
            first = _first_baseline(top, height, len(cell.lines))
            for index, (text, size) in enumerate(cell.lines):
                if column.align == "center":
                    left = x + (column.width_mm * mm - em_width(text, cell.font) * size) / 2
                else:
                    left = x + self.text_pad
                _draw_string(canvas, left, first - index * CELL_LEADING, text, cell.font, size, cell.colour)
        self._draw_rules(canvas, top, top - height)

    def _draw_rules(self, canvas: Canvas, top: float, bottom: float) -> None:
        """Stroke one row's box and column lines as a single path."""
        canvas.setLineWidth(0.5)
        path = canvas.beginPath()
        path.rect(self.left, bottom, self.width, top - bottom)
        x = self.left
        for column in self.columns[:-1]:
            x += column.width_mm * mm
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        canvas.drawPath(path, stroke=1, fill=0)


def _first_baseline(top: float, height: float, lines: int) -> float:
    """Return the first baseline of lines of cell text centred vertically in a row of height below top."""
    return top - (height - lines * CELL_LEADING) / 2 - CELL_LEADING + 2.6


def _fitted_size(em: float, size: float, width: float, min_size: float) -> float:
    """Return the kit's fit_font_size for a text em wide at 1 pt: the largest 0.5 pt step that fits, not below min."""
    if em * size <= width:
        return size
    return max(int(width / em * 2) / 2, min_size)


def _draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, colour: RGB | None) -> None:
    """Draw one cell line as its own text object, as canvas.drawString does, without the kit's extra measuring.

    A long table draws thousands of these, and the kit's draw_text measures each string again and sets the canvas
    font in a text object of its own. textLine (not textOut) ends the string with a line feed (T*) just as
    drawString does, so that text extractors read each cell line (a serial, a date) as a line of its own rather
    than run the row's cells together.
    """
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    if colour:
        text_object.setFillColorRGB(*colour)
    text_object.textLine(text)
    if colour:
        text_object.setFillGray(0)
    canvas.drawText(text_object)

