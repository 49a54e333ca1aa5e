"""A list's rows as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads the Vietnamese; dates dd/mm/yyyy)
or XLSX (openpyxl; dates are real date cells shown dd/mm/yyyy, numbers real numbers). Headers are Vietnamese:
the files go to the department and to accountants, whatever language the page was in.

Both are written row by row from the database's cursor: CSV streams to the client as it is written; XLSX is a zip
that must be finished before it is sent, so openpyxl's write-only workbook writes it to a temporary file (never the
whole sheet in memory), which is then streamed.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from web.tables import Column, cell_text

CHUNK = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(rows: Iterable) -> Iterator:
    return rows.iterator(chunk_size=CHUNK) if hasattr(rows, "iterator") else iter(rows)


class _Line:
    """csv.writer writes into this; each row's text is handed on at once."""

    def write(self, text: str) -> str:
        return text


def csv_response(*, filename: str, columns: tuple[Column, ...], rows: Iterable) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        writer = csv.writer(_Line())
        with translation.override("vi"):
            yield "\ufeff" + writer.writerow([str(column.header) for column in columns])
            for row in _rows(rows):
                yield writer.writerow([cell_text(column.value(row)) for column in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_value(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, bool):
        return cell_text(value)
    if value is None or isinstance(value, (date, int, float)):
        return value
    return str(value)


def xlsx_response(*, filename: str, title: str, columns: tuple[Column, ...], rows: Iterable) -> FileResponse:
    workbook = Workbook(write_only=True)
    with translation.override("vi"):
        sheet = workbook.create_sheet(title=str(title)[:31])
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=str(column.header))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in _rows(rows):
            cells = []
            for column in columns:
                value = _xlsx_value(column.value(row))
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, datetime):
                    cell.number_format = "HH:MM DD/MM/YYYY"
                elif isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(value, int):
                    cell.number_format = "#,##0"
                cells.append(cell)
            sheet.append(cells)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)
