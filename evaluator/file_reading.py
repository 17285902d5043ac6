"""Reading a file the product did not write, before anything parses it: the limits, what
`stat` says (a regular file, not too large), the bytes read once, and the plain data a
sheet is read into (`Sheet`, `Table`, `Record`) with the cell helpers. Every refusal is a
`Problem` (its texts are registered here for the whole reading family); nothing here
writes.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

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
        "zh": "压缩包解压后过大（{unzipped} 字节，压缩比 {ratio}），已拒绝读取",
        "en": "The archive expands too much ({unzipped} bytes, ratio {ratio}); refused",
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
    "reading.bad_values": {
        "zh": "文件内容无法接受：{reason}",
        "en": "The file's content is refused: {reason}",
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

# Why a file is not what its name says (the `reason` of the refusals above), as
# `messages.Text`: a `detail` is the library's own words, kept after the explanation.
messages.register({
    "reading.reason.no_zip_signature": {
        "zh": "开头没有 zip 压缩包的标志，可能是改了扩展名的其他文件",
        "en": "no zip signature: perhaps another kind of file renamed",
    },
    "reading.reason.no_zip_directory": {
        "zh": "找不到压缩包的目录，文件可能在下载或复制时被截断",
        "en": "no end of central directory: the file may be cut short",
    },
    "reading.reason.broken_zip": {
        "zh": "压缩包结构已损坏：{detail}",
        "en": "broken zip: {detail}",
    },
    "reading.reason.member_twice": {
        "zh": "其中的“{member}”出现了两次",
        "en": "member '{member}' appears twice",
    },
    "reading.reason.member_encrypted": {
        "zh": "其中的“{member}”已加密，请取消密码后另存",
        "en": "member '{member}' is encrypted; remove the password and save it again",
    },
    "reading.reason.member_compression": {
        "zh": "其中的“{member}”使用了不支持的压缩方式",
        "en": "member '{member}' uses an unsupported compression",
    },
    "reading.reason.no_member": {
        "zh": "缺少其中的“{member}”",
        "en": "no member '{member}'",
    },
    "reading.reason.member_damaged": {
        "zh": "其中的“{member}”已损坏：{detail}",
        "en": "member '{member}' is damaged: {detail}",
    },
    "reading.reason.no_content_types": {
        "zh": "缺少工作簿必有的内容类型清单“{member}”",
        "en": "no '{member}', which every workbook has",
    },
    "reading.reason.doctype": {
        "zh": "工作簿的内部文件含有文档类型声明，即可以展开的实体，为安全起见不予读取",
        "en": "XML with a DOCTYPE (entity declarations), refused for safety",
    },
    "reading.reason.damaged_xml": {
        "zh": "工作簿内容已损坏或不完整：{detail}",
        "en": "the workbook's content is damaged or incomplete: {detail}",
    },
    "reading.reason.zip_content": {
        "zh": "内容是 zip 压缩包，可能是改了扩展名的 .xlsx 工作簿",
        "en": "zip content: perhaps an .xlsx workbook renamed",
    },
    "reading.reason.binary_content": {
        "zh": "内容是二进制数据，不是文本",
        "en": "binary content, not text",
    },
    "reading.reason.csv_syntax": {
        "zh": "文本格式有误：{detail}",
        "en": "malformed text: {detail}",
    },
    "reading.reason.json_too_large": {
        "zh": "内容有 {size} 字节，超过上限 {limit} 字节",
        "en": "{size} bytes, above the limit of {limit}",
    },
    "reading.reason.not_utf8": {
        "zh": "不是 UTF-8 编码的文本",
        "en": "not UTF-8 text",
    },
    "reading.reason.too_deep": {
        "zh": "嵌套超过 {limit} 层",
        "en": "nested deeper than {limit} levels",
    },
    "reading.reason.non_finite": {
        "zh": "含有非有限数值 {value}（无穷大、非数值或超出范围的数），这里只接受普通数字",
        "en": "holds the non-finite number {value} (infinite, not a number or out of range); "
              "only plain numbers are accepted",
    },
    "reading.reason.json_value": {
        "zh": "其中有无法接受的值：{detail}",
        "en": "a value is refused: {detail}",
    },
    "reading.reason.json_syntax": {
        "zh": "第 {line} 行第 {column} 列有语法错误：{detail}",
        "en": "syntax error at line {line}, column {column}: {detail}",
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
    if type(value) is str:  # the common case, first
        return value.strip()
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


def short_reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
