"""Safe reading of the spreadsheets and CSV files that offices send in.

A file is checked before it is parsed: its size, that its bytes are what its name claims
(an .xlsx is a zip holding `[Content_Types].xml`), and that the zip does not expand
beyond a set ratio or size (a zip bomb): `file_reading`, `bounded_zip`, `xlsx_reading`.
Here: CSV files, decoded as UTF-16 with a BOM, UTF-8 (with or without BOM) or GB18030, the
encodings Chinese Excel writes, and read as RFC 4180 with only the delimiter guessed; any
input file as its sheets; a sheet as a table under its header row.
Every refusal is a `Problem`; nothing here writes.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import (
    CSV_ENCODINGS,
    CSV_SUFFIXES,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    WORKBOOK_SUFFIXES,
    ZIP_MAGIC,
    Record,
    Sheet,
    Table,
    cell_text,
    is_blank,
    read_file_bytes,
    require_regular_file,
    short_reason,
)
from evaluator.messages import Text
from evaluator.xlsx_reading import read_workbook


def read_csv(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES,
             sheet_name: str | None = None) -> Sheet:
    """A CSV file as one sheet (named `sheet_name` or the file's stem)."""
    path = Path(path)
    name = path.name
    raw = read_file_bytes(path, max_bytes)
    if raw.startswith(ZIP_MAGIC):
        raise EvaluatorError(Problem("reading.not_csv", {"reason": Text("reading.reason.zip_content")},
                                     file=name))
    text = decode_csv_bytes(raw, name)
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[Any]]] = []
    try:
        # RFC 4180 as Excel and WPS write it: "" inside quotes is one quote, always.
        reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
        for cells in reader:
            line = reader.line_num
            if len(rows) > MAX_ROWS or len(cells) > MAX_COLUMNS:
                raise EvaluatorError(Problem(
                    "reading.too_many_rows",
                    {"rows": line, "columns": len(cells), "max_rows": MAX_ROWS,
                     "max_columns": MAX_COLUMNS}, file=name))
            values: list[Any] = [None if is_blank(c) else c.strip() for c in cells]
            if all(v is None for v in values):
                continue
            rows.append((line, values))
    except csv.Error as exc:
        raise EvaluatorError(Problem("reading.not_csv", {"reason": Text(
            "reading.reason.csv_syntax", {"detail": short_reason(exc)})}, file=name)) from None
    return Sheet(sheet_name or path.stem, rows)


def decode_csv_bytes(raw: bytes, name: str) -> str:
    """Text of a CSV file as Excel/WPS save it: UTF-16 with a BOM ("Unicode text"), UTF-8
    with or without a BOM, or GB18030 (GBK), the encoding Chinese Excel writes by default."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise EvaluatorError(Problem("reading.encoding", {}, file=name)) from None
    if b"\x00" in raw:
        raise EvaluatorError(Problem("reading.not_csv", {"reason": Text("reading.reason.binary_content")},
                                     file=name))
    for encoding in CSV_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise EvaluatorError(Problem("reading.encoding", {}, file=name))


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first line (tab, comma or semicolon, counted outside quotes);
    only the delimiter is guessed, never the quoting."""
    counts = {",": 0, "\t": 0, ";": 0}
    quoted = False
    for ch in text[:100_000]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            if any(counts.values()):
                break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_tables(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Sheet]:
    """Sheets of a workbook, or the single sheet of a CSV file, by the file's suffix."""
    path = Path(path)
    require_regular_file(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, max_bytes=max_bytes)
    if suffix in CSV_SUFFIXES:
        sheet = read_csv(path, max_bytes=max_bytes)
        return {sheet.name: sheet}
    raise EvaluatorError(Problem("reading.unsupported_type", {"suffix": suffix or path.name},
                                 file=path.name))


def table_from_sheet(sheet: Sheet, *, required: tuple[str, ...], file: str | None = None,
                     problems: list[Problem]) -> Table | None:
    """Read `sheet` under its first non-empty row; missing columns go to `problems`."""
    if not sheet.rows:
        problems.append(Problem("reading.no_header", {}, file=file, sheet=sheet.name))
        return None
    header_row, header_cells = sheet.rows[0]
    columns: list[str] = []
    positions: list[tuple[int, str]] = []
    ok = True
    for index, cell in enumerate(header_cells):
        name = normalize_header(cell)
        if not name:
            continue
        if name in columns:
            problems.append(Problem("reading.duplicate_column", {"name": name}, file=file,
                                    sheet=sheet.name, row=header_row))
            ok = False
            continue
        columns.append(name)
        positions.append((index, name))
    for name in required:
        if name not in columns:
            problems.append(Problem("reading.missing_column",
                                    {"name": name, "found": "、".join(columns) or "-"},
                                    file=file, sheet=sheet.name, row=header_row))
            ok = False
    if not ok:
        return None
    records = []
    for row, cells in sheet.rows[1:]:
        values = {name: (cells[i] if i < len(cells) else None) for i, name in positions}
        records.append(Record(row, values))
    return Table(sheet.name, header_row, columns, records)


def normalize_header(cell: Any) -> str:
    """Header text without spaces or a trailing required-marker (`联盟代码*`, `联系人（必填）`)."""
    text = "".join(cell_text(cell).split())
    for marker in ("（必填）", "(必填)", "*", "＊"):
        if text.endswith(marker):
            text = text[: -len(marker)]
    return text
