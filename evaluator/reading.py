"""Safe reading of the spreadsheets and CSV files that offices send in.

A file is checked before it is parsed: its size, that its bytes are what its name claims
(an .xlsx is a zip holding `[Content_Types].xml`), and that the zip does not expand
beyond a set ratio or size (a zip bomb). Workbooks are read with python-calamine; CSV files
are decoded as UTF-16 with a BOM, UTF-8 (with or without BOM) or GB18030, the encodings
Chinese Excel writes, and read as RFC 4180 with only the delimiter guessed.
Every refusal is a `Problem`; nothing here writes.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import posixpath
import re
import stat
import struct
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

MAX_FILE_BYTES = 50_000_000
MAX_UNZIPPED_BYTES = 300_000_000
MAX_ZIP_RATIO = 100  # generous for xlsx (text XML compresses ~10-20x), far below a bomb
MAX_DATABASE_BYTES = 1 << 40  # workspaces, packages, backups: only stat-checked here
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
    "reading.zip_member_too_large": {
        "zh": "压缩包中的“{member}”解压后为 {size} 字节，超过上限 {limit} 字节，已拒绝读取",
        "en": "'{member}' in the archive expands to {size} bytes, above the limit of {limit}; "
              "refused",
    },
    "reading.zip_too_many_members": {
        "zh": "压缩包含 {count} 个成员，超过上限 {limit} 个，已拒绝读取",
        "en": "The archive holds {count} members, above the limit of {limit}; refused",
    },
    "reading.not_zip": {
        "zh": "文件不是有效的压缩包（{reason}）",
        "en": "The file is not a valid archive ({reason})",
    },
    "reading.is_folder": {
        "zh": "{path} 是文件夹，不是文件",
        "en": "{path} is a folder, not a file",
    },
    "reading.not_a_file": {
        "zh": "{path} 不是普通文件（是管道、套接字或设备），未读取",
        "en": "{path} is not a regular file (a pipe, socket or device); not read",
    },
    "reading.bad_json": {
        "zh": "JSON 内容无法接受：{reason}",
        "en": "The JSON content is refused: {reason}",
    },
    "reading.sheet_too_large": {
        "zh": "工作表过大（{rows} 行 × {columns} 列，{cells} 个单元格；上限 {max_rows} 行、"
              "{max_columns} 列、共 {max_cells} 个单元格），已在读取前拒绝",
        "en": "The sheet is too large ({rows} rows x {columns} columns, {cells} cells; limit "
              "{max_rows} rows, {max_columns} columns, {max_cells} cells); refused before "
              "reading",
    },
    "reading.sheet_declared_too_large": {
        "zh": "工作表声明的范围过大（{rows} 行 × {columns} 列；上限 {max_rows} 行、"
              "{max_columns} 列、共 {max_cells} 个单元格），已在读取前拒绝",
        "en": "The sheet declares too large a range ({rows} rows x {columns} columns; limit "
              "{max_rows} rows, {max_columns} columns, {max_cells} cells); refused before "
              "reading",
    },
    "reading.unreadable": {
        "zh": "无法读取工作簿：{reason}",
        "en": "The workbook cannot be read: {reason}",
    },
    "reading.encoding": {
        "zh": "CSV 文件的编码无法识别（应为 UTF-8、GB18030/GBK，或带字节顺序标记的 UTF-16）",
        "en": "The CSV file's encoding is not recognised (expected UTF-8, GB18030/GBK or "
        "UTF-16 with a BOM, 'Unicode text')",
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


# -- numbers as users type them -----------------------------------------------------------

_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def typed_text(value: str) -> str:
    """Text as the user meant it: NFKC (full-width digits and ．, the ideographic space)
    and trimmed."""
    return unicodedata.normalize("NFKC", value).strip()


def number_from_cell(value: Any) -> float | None:
    """The number a cell holds: a finite int/float as is, or text that is a plain decimal
    number after `typed_text` ('4.5', '４．５', ' 3 ', as WPS stores numbers typed as
    text); None for anything else (blanks, booleans, '3分', 'inf', '1e3')."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = typed_text(value)
        if _NUMBER_TEXT.fullmatch(text):
            return float(text)
    return None


def shown_value(value: Any, limit: int = 60) -> str:
    """A cell as the user sees it in Excel (spaces kept), for messages."""
    text = value if isinstance(value, str) else cell_text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- files: what stat says before anything is opened ------------------------------------

def file_problems(path: Path, max_bytes: int, name: str | None = None
                  ) -> tuple[int, list[Problem]]:
    """(size, problems) of `path` from `stat` alone: a missing file, a directory, a FIFO or
    a device (never opened: a FIFO would block), an empty or too large file."""
    name = name or path.name
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return 0, [Problem("file.missing", {"path": str(path)}, file=name)]
    except OSError as exc:
        return 0, [Problem("file.unreadable", {"path": str(path),
                                               "reason": exc.strerror or str(exc)}, file=name)]
    if not stat.S_ISREG(st.st_mode):
        code = "reading.is_folder" if stat.S_ISDIR(st.st_mode) else "reading.not_a_file"
        return 0, [Problem(code, {"path": str(path)}, file=name)]
    if st.st_size == 0:
        return 0, [Problem("reading.empty_file", {}, file=name)]
    if st.st_size > max_bytes:
        return st.st_size, [Problem("reading.too_large",
                                    {"size": st.st_size, "limit": max_bytes}, file=name)]
    return st.st_size, []


def refuse_special_file(path: Path) -> None:
    """Refuse a FIFO, socket or device by `stat` alone (SQLite, like `open`, would block on
    a FIFO); a missing file or a folder is left to the caller's own message."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        _size, problems = file_problems(path, MAX_DATABASE_BYTES)
        raise EvaluatorError(problems)


def require_regular_file(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> int:
    """The size of `path`, a regular file within `max_bytes`; EvaluatorError otherwise."""
    size, problems = file_problems(Path(path), max_bytes)
    if problems:
        raise EvaluatorError(problems)
    return size


def open_regular_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> IO[bytes]:
    """`path` opened for binary reading after `stat` says it is a regular file within
    `max_bytes`; opened non-blocking and checked again on the descriptor, so a file swapped
    for a FIFO cannot hang the reader."""
    require_regular_file(path, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise EvaluatorError(Problem("file.unreadable", {
            "path": str(path), "reason": exc.strerror or str(exc)}, file=path.name)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise EvaluatorError(Problem("reading.not_a_file", {"path": str(path)},
                                     file=path.name))
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_file_bytes(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, read once (`open_regular_file`)."""
    path = Path(path)
    with open_regular_file(path, max_bytes) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise EvaluatorError(Problem("file.unreadable", {
                "path": str(path), "reason": exc.strerror or str(exc)}, file=path.name)) from None
    if len(data) > max_bytes:
        raise EvaluatorError(Problem("reading.too_large", {"size": len(data),
                                                           "limit": max_bytes}, file=path.name))
    if not data:
        raise EvaluatorError(Problem("reading.empty_file", {}, file=path.name))
    return data


# -- zip archives: sizes from the directory, checked before anything is inflated ---------

@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 1_000
    max_member_bytes: int = 100_000_000
    max_total_bytes: int = MAX_UNZIPPED_BYTES
    max_ratio: float = MAX_ZIP_RATIO


WORKBOOK_ZIP_LIMITS = ZipLimits()
_EOCD = b"PK\x05\x06"
_MAX_CENTRAL_DIRECTORY = 4_000_000  # ~40,000 entries: far above any real workbook


class BoundedZip:
    """A zip archive (in memory) whose members are listed and inflated within `ZipLimits`:
    the member count, each member's and the total inflated size and the ratio are checked
    from the central directory before anything is inflated; `zipfile` then stops inflating
    a member at its recorded size (and checks its CRC), so a lying directory cannot help."""

    def __init__(self, data: bytes | IO[bytes], name: str,
                 limits: ZipLimits = WORKBOOK_ZIP_LIMITS, kind: str = "not_xlsx") -> None:
        self.name = name
        self.limits = limits
        self._kind = kind
        source = io.BytesIO(data) if isinstance(data, bytes) else data
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
        if source.read(4) != ZIP_MAGIC:
            raise self._refuse("no zip signature")
        source.seek(max(0, size - 65_557))
        self._check_directory_size(source.read())
        source.seek(0)
        self._source = source
        try:
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except Exception as exc:  # damaged archives raise BadZipFile, ValueError, ...
            raise self._refuse(f"broken zip: {_reason(exc)}") from None
        if len(infos) > limits.max_members:
            raise self._too_many(len(infos))
        seen: set[str] = set()
        total = 0
        for info in infos:
            if info.filename in seen:
                raise self._refuse(f"member {info.filename[:80]!r} appears twice")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise self._refuse(f"member {info.filename[:80]!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._refuse(f"member {info.filename[:80]!r}: unsupported compression")
            if info.file_size > limits.max_member_bytes:
                raise self._too_large(info.filename, info.file_size, limits.max_member_bytes)
            total += info.file_size
        ratio = total / max(size, 1)
        if total > limits.max_total_bytes or ratio > limits.max_ratio:
            raise EvaluatorError(Problem("reading.zip_bomb", {
                "unzipped": total, "ratio": round(ratio)}, file=name))
        self.infos = {i.filename: i for i in infos}
        self.size = size

    def _refuse(self, reason: str) -> EvaluatorError:
        code = "reading.not_xlsx" if self._kind == "not_xlsx" else "reading.not_zip"
        return EvaluatorError(Problem(code, {"reason": reason}, file=self.name))

    def _too_large(self, member: str, size: int, limit: int) -> EvaluatorError:
        return EvaluatorError(Problem("reading.zip_member_too_large", {
            "member": member[:80], "size": size, "limit": limit}, file=self.name))

    def _too_many(self, count: int | str) -> EvaluatorError:
        return EvaluatorError(Problem("reading.zip_too_many_members", {
            "count": count, "limit": self.limits.max_members}, file=self.name))

    def _check_directory_size(self, tail: bytes) -> None:
        """Refuse before `zipfile` builds an object per directory entry for a huge one."""
        at = tail.rfind(_EOCD)
        if at < 0 or at + 22 > len(tail):
            raise self._refuse("no end of central directory")
        entries, cd_size = struct.unpack("<HI", tail[at + 10: at + 16])
        if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
            raise self._too_many("≥ 65535")
        if entries > self.limits.max_members or cd_size > _MAX_CENTRAL_DIRECTORY:
            raise self._too_many(entries)

    def names(self) -> list[str]:
        return list(self.infos)

    def open(self, member: str) -> IO[bytes]:
        try:
            return self._zip.open(self.infos[member])
        except KeyError:
            raise self._refuse(f"no member {member[:80]!r}") from None
        except Exception as exc:
            raise self._refuse(f"{member[:80]}: {_reason(exc)}") from None

    def read(self, member: str, max_bytes: int | None = None) -> bytes:
        """A member's bytes, refused if it is larger than `max_bytes` (or the member limit)."""
        info = self.infos.get(member)
        if info is None:
            raise self._refuse(f"no member {member[:80]!r}")
        limit = self.limits.max_member_bytes if max_bytes is None else max_bytes
        if info.file_size > limit:
            raise self._too_large(member, info.file_size, limit)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(limit + 1)
        except EvaluatorError:
            raise
        except Exception as exc:  # bad CRC, truncated deflate stream, ...
            raise self._refuse(f"{member[:80]}: {_reason(exc)}") from None
        if len(data) > limit:
            raise self._too_large(member, len(data), limit)
        return data

    def close(self) -> None:
        self._zip.close()
        self._source.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_zip(path: Path | str, limits: ZipLimits, *, max_bytes: int = MAX_FILE_BYTES
             ) -> BoundedZip:
    """A zip file read within `limits` (for `.evgroup` files and other archives); the file
    stays open (not read into memory) until the archive is closed."""
    path = Path(path)
    fh = open_regular_file(path, max_bytes)
    try:
        return BoundedZip(fh, path.name, limits, kind="zip")
    except BaseException:
        fh.close()
        raise


# -- JSON: size, depth and finite numbers ------------------------------------------------

MAX_JSON_BYTES = 20_000_000
MAX_JSON_DEPTH = 64
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _non_finite(token: str) -> float:
    raise ValueError(f"non-finite number {token}")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(f"number out of range {token[:40]}")
    return value


def load_json(text: str | bytes, *, file: str | None = None, max_bytes: int = MAX_JSON_BYTES,
              max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON refused (EvaluatorError `reading.bad_json`) if larger than `max_bytes`, nested
    deeper than `max_depth`, or holding NaN, Infinity or a number beyond a float."""
    def refuse(reason: str) -> EvaluatorError:
        return EvaluatorError(Problem("reading.bad_json", {"reason": reason}, file=file))

    if len(text) > max_bytes:
        raise refuse(f"{len(text)} bytes (limit {max_bytes})")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refuse("not UTF-8") from None
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise refuse(f"nested deeper than {max_depth}")
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(text, parse_constant=_non_finite, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise refuse(_reason(exc)) from None


def check_finite(data: Any, *, file: str | None = None, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Refuse data (from TOML, say) nested deeper than `max_depth` or holding a non-finite
    float (TOML has `inf` and `nan`)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            raise EvaluatorError(Problem("reading.bad_json", {
                "reason": f"nested deeper than {max_depth}"}, file=file))
        if isinstance(value, float) and not math.isfinite(value):
            raise EvaluatorError(Problem("reading.bad_json", {
                "reason": f"non-finite number {value}"}, file=file))
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


# -- worksheets: extent and cell count from a streaming parse, before calamine -----------

MAX_SHEET_CELLS = 2_000_000
MAX_SHEET_AREA = 2_000_000  # rows x columns of the rectangle a reader allocates
MAX_SHARED_STRINGS_BYTES = 60_000_000
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


class _SheetTooLarge(Exception):
    def __init__(self, rows: int, columns: int, cells: int, declared: bool) -> None:
        super().__init__()
        self.rows, self.columns, self.cells, self.declared = rows, columns, cells, declared


class _DoctypeRefused(Exception):
    pass


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _parse_ref(ref: str) -> tuple[int, int] | None:
    match = _REF.fullmatch(ref.strip())
    if not match:
        return None
    return int(match.group(2)), _column_number(match.group(1))


def _check_extent(rows: int, columns: int, cells: int, declared: bool) -> None:
    if (rows > MAX_ROWS or columns > MAX_COLUMNS or cells > MAX_SHEET_CELLS
            or rows * columns > MAX_SHEET_AREA):
        raise _SheetTooLarge(rows, columns, cells, declared)


class _SheetScan:
    """Counts a worksheet's cells and tracks their extent, element by element."""

    def __init__(self) -> None:
        self.row = 0
        self.col = 0
        self.cells = 0
        self.min_row = self.min_col = 1 << 30
        self.max_row = self.max_col = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition(" ")[2]
        if local == "c":
            ref = _parse_ref(attrs["r"]) if "r" in attrs else None
            if ref is None:
                self.col += 1
                row, col = max(self.row, 1), self.col
            else:
                row, col = ref
                self.col = col
            self.cells += 1
            self.min_row, self.max_row = min(self.min_row, row), max(self.max_row, row)
            self.min_col, self.max_col = min(self.min_col, col), max(self.max_col, col)
            _check_extent(self.max_row - self.min_row + 1, self.max_col - self.min_col + 1,
                          self.cells, False)
        elif local == "row":
            r = attrs.get("r", "")
            self.row = int(r) if r.isdigit() and len(r) < 9 else self.row + 1
            self.col = 0
        elif local == "dimension":
            parts = [_parse_ref(p) for p in attrs.get("ref", "").split(":")]
            if len(parts) == 2 and parts[0] and parts[1]:
                (r1, c1), (r2, c2) = parts[0], parts[1]
                _check_extent(abs(r2 - r1) + 1, abs(c2 - c1) + 1, 0, True)


def _refuse_doctype(*_args: object) -> None:
    raise _DoctypeRefused()


def scan_xml(stream: IO[bytes], start: Any, *, limit: int) -> None:
    """Feed `stream` (at most `limit` bytes) to expat, calling `start(tag, attrs)` for each
    element (tags as "namespace local"). A DOCTYPE (entity expansion) is refused."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    read = 0
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        read += len(chunk)
        if read > limit:
            raise ValueError(f"more than {limit} bytes")
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_DIMENSION_REF = re.compile(rb"""<dimension\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_WIDE_ENCODING = re.compile(rb"""encoding\s*=\s*["'](?:utf-?16|utf-?32|ucs|cp0?37|ebcdic)""",
                            re.IGNORECASE)
# Elements of a worksheet whose names start with "c" but are not cells.
_NOT_CELLS = (b"<co", b"<cf", b"<cu", b"<ce")


def _count_cells(stream: IO[bytes], *, limit: int) -> bool:
    """Count a worksheet's cells and their extent from the bytes, chunk by chunk, for
    the form every spreadsheet writer uses: `<c r="B7" ...>`, unprefixed, the reference
    first. A chunk is cut at its last `<` (a tag holds none), so it holds whole tags;
    matches inside comments can only add to the counts. False when any cell is written
    otherwise (no reference, a prefix, another attribute first) or the XML is not in an
    ASCII-compatible encoding: then only a parse can tell (`_SheetScan`)."""
    head = stream.read(1 << 16)
    if head.removeprefix(b"\xef\xbb\xbf")[:1] != b"<" or _WIDE_ENCODING.search(head[:200]):
        return False
    cells = 0
    min_row = min_col = 1 << 30
    max_row = max_col = 0
    carry = b""
    read = len(head)
    chunk = head
    while chunk or carry:
        data = carry + chunk
        cut = data.rfind(b"<") if chunk else -1
        if cut == 0 and len(data) < (4 << 20):  # one tag so far: wait for its end
            carry = data
            chunk = stream.read(1 << 20)
            read += len(chunk)
            continue
        carry, data = (data[cut:], data[:cut]) if cut > 0 else (b"", data)
        if b"<!" in data and _DOCTYPE.search(data):
            raise _DoctypeRefused()
        dimension = _DIMENSION_REF.search(data) if b"<dimension" in data else None
        if dimension:
            parts = [_parse_ref(p) for p in dimension.group(1).decode("ascii", "replace")
                     .split(":")]
            if len(parts) == 2 and parts[0] and parts[1]:
                (r1, c1), (r2, c2) = parts[0], parts[1]
                _check_extent(abs(r2 - r1) + 1, abs(c2 - c1) + 1, 0, True)
        found = _CELL_REF.findall(data)
        others = data.count(b"<c") - sum(data.count(tag) for tag in _NOT_CELLS)
        if others != len(found) or _PREFIXED_CELL.search(data):
            return False
        if found:
            cells += len(found)
            letters, numbers = zip(*found, strict=True)
            rows = [int(n) for n in set(numbers)]
            columns = [_column_number(c.decode("ascii")) for c in set(letters)]
            min_row, max_row = min(min_row, *rows), max(max_row, *rows)
            min_col, max_col = min(min_col, *columns), max(max_col, *columns)
            _check_extent(max_row - min_row + 1, max_col - min_col + 1, cells, False)
        chunk = stream.read(1 << 20)
        read += len(chunk)
        if read > limit:
            raise ValueError(f"more than {limit} bytes")
    return True


def _worksheet_parts(archive: BoundedZip) -> dict[str, str]:
    """Worksheet part -> sheet name, from workbook.xml and its relationships; every part
    under a `worksheets/` folder is included, named by its part name if not listed."""
    names: dict[str, str] = {}  # relationship id -> sheet name
    targets: dict[str, str] = {}  # relationship id -> part
    limit = 10_000_000

    def on_sheet(tag: str, attrs: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] == "sheet":
            rid = next((v for k, v in attrs.items() if k.rpartition(" ")[2] == "id"), "")
            names[rid] = attrs.get("name", rid)

    def on_rel(tag: str, attrs: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] == "Relationship" and "Id" in attrs:
            target = attrs.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            targets[attrs["Id"]] = part

    for member, handler in (("xl/workbook.xml", on_sheet),
                            ("xl/_rels/workbook.xml.rels", on_rel)):
        if member in archive.infos:
            with archive.open(member) as fh:
                scan_xml(fh, handler, limit=limit)
    parts = {targets[rid]: name for rid, name in names.items() if rid in targets}
    for member in archive.names():
        if re.search(r"(^|/)worksheets/[^/]+\.xml$", member, re.IGNORECASE):
            parts.setdefault(member, member)
    return {part: name for part, name in parts.items() if part in archive.infos}


def check_worksheets(archive: BoundedZip) -> None:
    """Refuse a workbook whose sheets, declared or counted, exceed the limits, or whose
    shared strings are too large, before a reader allocates anything for them."""
    name = archive.name
    shared = archive.infos.get("xl/sharedStrings.xml")
    if shared is not None and shared.file_size > MAX_SHARED_STRINGS_BYTES:
        raise EvaluatorError(Problem("reading.zip_member_too_large", {
            "member": shared.filename, "size": shared.file_size,
            "limit": MAX_SHARED_STRINGS_BYTES}, file=name))
    try:
        parts = _worksheet_parts(archive)
        for part, sheet in parts.items():
            try:
                with archive.open(part) as fh:
                    counted = _count_cells(fh, limit=archive.limits.max_member_bytes)
                if not counted:  # cells without references, or not UTF-8 XML: parse it
                    with archive.open(part) as fh:
                        scan_xml(fh, _SheetScan().start, limit=archive.limits.max_member_bytes)
            except _SheetTooLarge as big:
                raise EvaluatorError(Problem(
                    "reading.sheet_too_large" if not big.declared else
                    "reading.sheet_declared_too_large",
                    {"rows": big.rows, "columns": big.columns, "cells": big.cells,
                     "max_rows": MAX_ROWS, "max_columns": MAX_COLUMNS,
                     "max_cells": MAX_SHEET_AREA}, file=name, sheet=sheet)) from None
    except EvaluatorError:
        raise
    except _DoctypeRefused:
        raise EvaluatorError(Problem("reading.not_xlsx", {
            "reason": "XML with a DOCTYPE (entity declarations)"}, file=name)) from None
    except Exception as exc:  # expat errors, bad CRC, truncated streams
        raise EvaluatorError(Problem("reading.unreadable", {"reason": _reason(exc)},
                                     file=name)) from None


def open_workbook_zip(path: Path, data: bytes | None = None, *,
                      max_bytes: int = MAX_FILE_BYTES,
                      limits: ZipLimits = WORKBOOK_ZIP_LIMITS) -> BoundedZip:
    """The workbook's archive after the zip checks and `[Content_Types].xml` present."""
    if data is None:
        data = read_file_bytes(path, max_bytes)
    archive = BoundedZip(data, path.name, limits)
    if "[Content_Types].xml" not in archive.infos:
        archive.close()
        raise EvaluatorError(Problem("reading.not_xlsx", {"reason": "no [Content_Types].xml"},
                                     file=path.name))
    return archive


def check_workbook_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES,
                        max_ratio: float = MAX_ZIP_RATIO,
                        max_unzipped: int = MAX_UNZIPPED_BYTES) -> list[Problem]:
    """Problems that make `path` unsafe or not an xlsx, from stat and the zip directory
    (no XML parsed; `read_workbook` also checks every sheet's extent)."""
    limits = ZipLimits(max_total_bytes=max_unzipped, max_ratio=max_ratio)
    try:
        open_workbook_zip(path, max_bytes=max_bytes, limits=limits).close()
    except EvaluatorError as exc:
        return exc.problems
    return []


def read_workbook(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES,
                  max_ratio: float = MAX_ZIP_RATIO, data: bytes | None = None
                  ) -> dict[str, Sheet]:
    """All sheets of an .xlsx, by name, after the file, zip and sheet-extent checks
    (`data`: the file's bytes, if the caller has read them with `read_file_bytes`)."""
    path = Path(path)
    if data is None:
        data = read_file_bytes(path, max_bytes)
    with open_workbook_zip(path, data, limits=ZipLimits(max_ratio=max_ratio)) as archive:
        check_worksheets(archive)
    from python_calamine import CalamineWorkbook

    sheets: dict[str, Sheet] = {}
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
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
    raw = read_file_bytes(path, max_bytes)
    if raw.startswith(ZIP_MAGIC):
        raise EvaluatorError(Problem("reading.not_csv", {"reason": "zip/xlsx content"},
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
        raise EvaluatorError(Problem("reading.not_csv", {"reason": _reason(exc)},
                                     file=name)) from None
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
        raise EvaluatorError(Problem("reading.not_csv", {"reason": "binary content"},
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
