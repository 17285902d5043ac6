"""The body rows of a big sheet, written as sheet XML to a temporary file and spliced
into the workbook openpyxl saves.

openpyxl spends some 6-10 microseconds a cell even in write-only mode, and a normal
worksheet holds every cell as an object: the scores sheet at XL (60,000 rows x 26 columns)
took minutes and gigabytes (docs/performance.md). openpyxl still writes everything else
of the sheet (header rows, column widths, frozen panes, print titles, page setup, the
styles); only the rows below the header are written here, with the style of a prototype
cell that openpyxl registered in the workbook's style table.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.excel_text import is_formula_like

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_ILLEGAL_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


def clean_text(value: str) -> str:
    """Text as a cell can hold it: control characters (but tab and newline) dropped."""
    return _ILLEGAL_XML.sub("", _CONTROL.sub("", value))


class StreamedRows:
    """Rows appended below a sheet's header, every cell with one body style (text that
    Excel would read as a formula gets the same style with a quote prefix, and stays
    text: it is written as an inline string, never as a formula)."""

    def __init__(self, sheet: Worksheet, first_row: int, body: Cell, text_body: Cell,
                 fit: Callable[[int, Any], None]) -> None:
        self.sheet = sheet
        self.first_row = first_row
        self.row = first_row
        self.columns = 0
        self._fit = fit
        self._style = body.style_id
        self._text_style = text_body.style_id
        self._letters: list[str] = []
        self._cells: dict[tuple[int, type, Any], str] = {}
        # Closed by `close`, which the exporter calls whatever happens.
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115

    def append(self, values: Iterable[Any]) -> None:
        row = self.row
        parts = [f'<row r="{row}">']
        letters = self._letters
        known = self._cells
        for i, value in enumerate(values):
            if i >= len(letters):
                letters.append(get_column_letter(i + 1))
            key = (i, value.__class__, value)
            rest = known.get(key)  # the cell's XML after its reference
            if rest is None:
                rest, shown = self._cell_xml(value)
                self._fit(i + 1, shown)
                if not isinstance(value, str) or len(value) <= 100:
                    known[key] = rest  # names, codes and scores repeat; long text rarely
            parts.append(f'<c r="{letters[i]}{row}"{rest}')
        parts.append("</row>")
        self.columns = max(self.columns, len(letters))
        self.file.write("".join(parts).encode("utf-8"))
        self.row += 1

    def _cell_xml(self, value: Any) -> tuple[str, Any]:
        style = self._style
        if value is None:
            return f' s="{style}"/>', value
        if isinstance(value, bool):
            return f' s="{style}" t="b"><v>{int(value)}</v></c>', value
        if isinstance(value, int | float):
            return f' s="{style}"><v>{value!r}</v></c>', value
        text = clean_text(str(value))
        s = self._text_style if is_formula_like(text) else style
        return (f' s="{s}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t>'
                f"</is></c>"), text

    @property
    def last_row(self) -> int:
        return self.row - 1

    def close(self) -> None:
        self.file.close()


def save_with_streamed_rows(book: Workbook, path: Path,
                            streamed: list[StreamedRows]) -> None:
    """Save `book` to `path`, each sheet of `streamed` with its rows spliced in."""
    with tempfile.TemporaryFile() as saved:
        book.save(saved)  # type: ignore[arg-type]
        saved.seek(0)
        by_path = {s.sheet.path.lstrip("/"): s for s in streamed}
        with zipfile.ZipFile(saved) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=4) as out:
            for info in source.infolist():
                data = source.read(info.filename)
                rows = by_path.get(info.filename)
                if rows is None:
                    out.writestr(info, data)
                    continue
                _write_spliced(out, info, data, rows)


def _write_spliced(out: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bytes,
                   rows: StreamedRows) -> None:
    if rows.last_row >= rows.first_row:
        last_col = get_column_letter(max(rows.columns, rows.sheet.max_column))
        xml = _DIMENSION.sub(f'<dimension ref="A1:{last_col}{rows.last_row}"/>'.encode(),
                             xml, count=1)
    if b"</sheetData>" in xml:
        head, tail = xml.split(b"</sheetData>", 1)
        tail = b"</sheetData>" + tail
    else:
        head, tail = xml.split(b"<sheetData/>", 1)
        head += b"<sheetData>"
        tail = b"</sheetData>" + tail
    target = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    target.compress_type = zipfile.ZIP_DEFLATED
    with out.open(target, "w", force_zip64=True) as dst:
        dst.write(head)
        rows.file.seek(0)
        shutil.copyfileobj(rows.file, dst, 1 << 20)
        dst.write(tail)
