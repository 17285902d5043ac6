"""Safe reading of the spreadsheets and CSV files that offices send in.

A file is checked before it is parsed: its size, that its bytes are what its name claims
(an .xlsx is a zip holding `[Content_Types].xml`), and that the zip does not expand
beyond a set ratio or size (a zip bomb). Workbooks are read with python-calamine; CSV files
are decoded as UTF-8 (with or without BOM) or GB18030, the encoding Chinese Excel writes.
Every refusal is a `Problem`; nothing here writes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

MAX_FILE_BYTES = 50_000_000
MAX_UNZIPPED_BYTES = 500_000_000
MAX_ZIP_RATIO = 100  # generous for xlsx (text XML compresses ~10-20x), far below a bomb
MAX_ROWS = 200_000
MAX_COLUMNS = 500

ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
CSV_ENCODINGS = ("utf-8-sig", "gb18030")

messages.register({
    "reading.too_large": {
        "zh": "文件过大（{size} 字节，上限 {limit} 字节）",
        "en": "The file is too large ({size} bytes, limit {limit})",
    },
    "reading.empty_file": {"zh": "文件是空的", "en": "The file is empty"},
    "reading.unsupported_type": {
        "zh": "不支持的文件类型“{suffix}”，应为 .xlsx 工作簿或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）",
        "en": "Unsupported file type '{suffix}': expected an .xlsx workbook or a .csv file "
        "(save an old .xls as .xlsx first)",
    },
    "reading.not_xlsx": {
        "zh": "文件名为 .xlsx，但内容不是 Excel 工作簿（{reason}）",
        "en": "The file is named .xlsx but is not an Excel workbook ({reason})",
    },
    "reading.not_csv": {
        "zh": "文件名为 .csv，但内容不是文本表格（{reason}）",
        "en": "The file is named .csv but is not a text table ({reason})",
    },
    "reading.zip_bomb": {
        "zh": "工作簿解压后过大（{unzipped} 字节，压缩比 {ratio}），已拒绝读取",
        "en": "The workbook expands too much ({unzipped} bytes, ratio {ratio}); refused",
    },
    "reading.unreadable": {
        "zh": "无法读取工作簿：{reason}",
        "en": "The workbook cannot be read: {reason}",
    },
    "reading.encoding": {
        "zh": "CSV 文件的编码无法识别（应为 UTF-8 或 GB18030/GBK）",
        "en": "The CSV file's encoding is not recognised (expected UTF-8 or GB18030/GBK)",
    },
    "reading.too_many_rows": {
        "zh": "表格过大（{rows} 行 × {columns} 列，上限 {max_rows} 行 × {max_columns} 列）",
        "en": "The table is too large ({rows} rows x {columns} columns, limit {max_rows} x "
        "{max_columns})",
    },
    "reading.missing_sheet": {
        "zh": "缺少工作表“{name}”（文件中有：{found}）",
        "en": "Sheet '{name}' is missing (the file has: {found})",
    },
    "reading.no_header": {
        "zh": "工作表没有标题行",
        "en": "The sheet has no header row",
    },
    "reading.missing_column": {
        "zh": "缺少列“{name}”（标题行中有：{found}）",
        "en": "Column '{name}' is missing (the header row has: {found})",
    },
    "reading.duplicate_column": {
        "zh": "列名“{name}”出现了两次",
        "en": "Column '{name}' appears twice",
    },
})


@dataclass(frozen=True)
class Sheet:
    """A sheet's non-empty rows, each with its 1-based row number in the file."""

    name: str
    rows: list[tuple[int, list[Any]]]


@dataclass(frozen=True)
class Record:
    row: int
    values: dict[str, Any]

    def get(self, column: str) -> Any:
        return self.values.get(column)


@dataclass(frozen=True)
class Table:
    """A sheet read under its header row: columns in file order, one record per row."""

    name: str
    header_row: int
    columns: list[str]
    records: list[Record] = field(default_factory=list)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as text: integral floats lose their `.0` (calamine reads 109 as 109.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _check_size(path: Path, name: str, max_bytes: int) -> tuple[int, list[Problem]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return 0, [Problem("file.unreadable", {"path": str(path), "reason": exc.strerror},
                           file=name)]
    if size == 0:
        return 0, [Problem("reading.empty_file", {}, file=name)]
    if size > max_bytes:
        return size, [Problem("reading.too_large", {"size": size, "limit": max_bytes},
                              file=name)]
    return size, []


def check_workbook_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES,
                        max_ratio: float = MAX_ZIP_RATIO,
                        max_unzipped: int = MAX_UNZIPPED_BYTES) -> list[Problem]:
    """Problems that make `path` unsafe or not an xlsx; checked without parsing any XML."""
    name = path.name
    size, problems = _check_size(path, name, max_bytes)
    if problems:
        return problems
    with path.open("rb") as fh:
        head = fh.read(4)
    if head != ZIP_MAGIC:
        return [Problem("reading.not_xlsx", {"reason": "no zip signature"}, file=name)]
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            unzipped = sum(i.file_size for i in infos)
    except Exception as exc:  # damaged archives raise BadZipFile, NotImplementedError, ...
        return [Problem("reading.not_xlsx", {"reason": f"broken zip: {exc}"}, file=name)]
    if "[Content_Types].xml" not in names:
        return [Problem("reading.not_xlsx", {"reason": "no [Content_Types].xml"}, file=name)]
    ratio = unzipped / max(size, 1)
    if unzipped > max_unzipped or ratio > max_ratio:
        return [Problem("reading.zip_bomb", {"unzipped": unzipped, "ratio": round(ratio)},
                        file=name)]
    return []


def read_workbook(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES,
                  max_ratio: float = MAX_ZIP_RATIO) -> dict[str, Sheet]:
    """All sheets of an .xlsx, by name, after the safety checks."""
    path = Path(path)
    problems = check_workbook_file(path, max_bytes=max_bytes, max_ratio=max_ratio)
    if problems:
        raise EvaluatorError(problems)
    from python_calamine import CalamineWorkbook

    sheets: dict[str, Sheet] = {}
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            for sheet_name in workbook.sheet_names:
                sheet = workbook.get_sheet_by_name(sheet_name)
                start = sheet.start or (0, 0)
                end = sheet.end or (0, 0)
                height = end[0] - start[0] + 1
                width = end[1] - start[1] + 1
                if height > MAX_ROWS or width > MAX_COLUMNS:
                    raise EvaluatorError(Problem(
                        "reading.too_many_rows",
                        {"rows": height, "columns": width, "max_rows": MAX_ROWS,
                         "max_columns": MAX_COLUMNS}, file=path.name, sheet=sheet_name))
                rows: list[tuple[int, list[Any]]] = []
                pad = [None] * start[1]
                for i, raw in enumerate(sheet.to_python(skip_empty_area=True)):
                    cells = [None if c == "" else c for c in raw]
                    if all(is_blank(c) for c in cells):
                        continue
                    rows.append((start[0] + i + 1, pad + cells))
                sheets[sheet_name] = Sheet(sheet_name, rows)
        finally:
            workbook.close()
    except EvaluatorError:
        raise
    except Exception as exc:  # calamine raises many kinds (zip, xml, value) on damage
        raise EvaluatorError(Problem("reading.unreadable", {"reason": _reason(exc)},
                                     file=path.name)) from None
    return sheets


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def read_csv(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES,
             sheet_name: str | None = None) -> Sheet:
    """A CSV file as one sheet (named `sheet_name` or the file's stem)."""
    path = Path(path)
    name = path.name
    _size, problems = _check_size(path, name, max_bytes)
    if problems:
        raise EvaluatorError(problems)
    raw = path.read_bytes()
    if raw.startswith(ZIP_MAGIC):
        raise EvaluatorError(Problem("reading.not_csv", {"reason": "zip/xlsx content"},
                                     file=name))
    if b"\x00" in raw:
        raise EvaluatorError(Problem("reading.not_csv", {"reason": "binary content"},
                                     file=name))
    text = None
    for encoding in CSV_ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise EvaluatorError(Problem("reading.encoding", {}, file=name))
    try:
        # Sniff the header line only: free text in later rows holds commas and semicolons.
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, list[Any]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
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
        raise EvaluatorError(Problem("reading.not_csv", {"reason": _reason(exc)},
                                     file=name)) from None
    return Sheet(sheet_name or path.stem, rows)


def read_tables(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Sheet]:
    """Sheets of a workbook, or the single sheet of a CSV file, by the file's suffix."""
    path = Path(path)
    if not path.exists():
        raise EvaluatorError(Problem("file.missing", {"path": str(path)}, file=path.name))
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
