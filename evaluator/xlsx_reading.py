"""Workbooks (.xlsx) read safely: each worksheet's extent and cell count from a streaming
parse of its XML (no DOCTYPE, no entities, no wide encodings), before python-calamine
reads the values.
"""

from __future__ import annotations

import io
import posixpath
import re
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from evaluator.bounded_zip import WORKBOOK_ZIP_LIMITS, BoundedZip, ZipLimits
from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    Sheet,
    is_blank,
    read_file_bytes,
    short_reason,
)
from evaluator.messages import Text

# -- worksheets: extent and cell count from a streaming parse, before calamine -----------

MAX_SHEET_CELLS = 2_000_000
MAX_SHEET_AREA = 2_000_000  # rows x columns of the rectangle a reader allocates
MAX_SHARED_STRINGS_BYTES = 60_000_000
WHOLE_MEMBER_BYTES = 4_000_000  # a sheet up to this size (inflated) is scanned in one piece
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
# A cell element (`<c` then a space, `/` or `>`) not in the form `_CELL_REF` reads.
_OTHER_CELL = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}\d{1,7}")')
_COLUMN_OF, _ROW_OF = itemgetter(0), itemgetter(1)  # of a `_CELL_REF` match


def _count_cells(stream: IO[bytes] | bytes, *, limit: int) -> bool:
    """Count a worksheet's cells and their extent from the bytes, chunk by chunk, for
    the form every spreadsheet writer uses: `<c r="B7" ...>`, unprefixed, the reference
    first. A chunk is cut at its last `<` (a tag holds none), so it holds whole tags;
    matches inside comments can only add to the counts. False when any cell is written
    otherwise (no reference, a prefix, another attribute first) or the XML is not in an
    ASCII-compatible encoding: then only a parse can tell (`_SheetScan`)."""
    if isinstance(stream, bytes):  # a small member, read at once: one piece
        whole, head = True, stream

        def more() -> bytes:
            return b""
    else:
        whole, head, source = False, stream.read(1 << 16), stream

        def more() -> bytes:
            return source.read(1 << 20)
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
        cut = data.rfind(b"<") if chunk and not whole else -1
        if cut == 0 and len(data) < (4 << 20):  # one tag so far: wait for its end
            carry = data
            chunk = more()
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
        if _OTHER_CELL.search(data) or _PREFIXED_CELL.search(data):
            return False
        found = _CELL_REF.findall(data)
        if found:
            cells += len(found)
            rows = list(map(int, set(map(_ROW_OF, found))))
            columns = [_column_number(c.decode("ascii"))
                       for c in set(map(_COLUMN_OF, found))]
            min_row, max_row = min(min_row, *rows), max(max_row, *rows)
            min_col, max_col = min(min_col, *columns), max(max_col, *columns)
            _check_extent(max_row - min_row + 1, max_col - min_col + 1, cells, False)
        if whole:
            break
        chunk = more()
        read += len(chunk)
        if read > limit:
            raise ValueError(f"more than {limit} bytes")
    return True


_WORKSHEET_PART = re.compile(r"(^|/)worksheets/[^/]+\.xml$", re.IGNORECASE)


def _worksheet_parts(archive: BoundedZip) -> dict[str, str]:
    """Worksheet part -> sheet name, from workbook.xml and its relationships; every part
    under a `worksheets/` folder is included, named by its part name if not listed."""
    limit = 10_000_000
    workbook, relationships = (archive.read(member, limit) if member in archive.infos else b""
                               for member in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"))
    remembered = len(workbook) + len(relationships) <= 65_536  # a few kept, small ones only
    parts = dict((_remembered_listed_parts if remembered else _listed_parts)(
        workbook, relationships))
    for member in archive.names():
        if _WORKSHEET_PART.search(member):
            parts.setdefault(member, member)
    return {part: name for part, name in parts.items() if part in archive.infos}


def _listed_parts(workbook: bytes, relationships: bytes) -> tuple[tuple[str, str], ...]:
    """(part, sheet name) of the sheets workbook.xml lists, through its relationships."""
    names: dict[str, str] = {}  # relationship id -> sheet name
    targets: dict[str, str] = {}  # relationship id -> part

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

    for data, handler in ((workbook, on_sheet), (relationships, on_rel)):
        if data:
            scan_xml(io.BytesIO(data), handler, limit=len(data))
    return tuple((targets[rid], name) for rid, name in names.items() if rid in targets)


# Remembered by content: the score files of one merge come from one writer, and their
# workbook.xml and relationships are the same byte for byte.
_remembered_listed_parts = lru_cache(maxsize=16)(_listed_parts)


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
                if archive.infos[part].file_size <= WHOLE_MEMBER_BYTES:
                    counted = _count_cells(archive.read(part), limit=WHOLE_MEMBER_BYTES)
                else:
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
            "reason": Text("reading.reason.doctype")}, file=name)) from None
    except Exception as exc:  # expat errors, bad CRC, truncated streams
        raise EvaluatorError(Problem("reading.unreadable", {"reason": Text(
            "reading.reason.damaged_xml", {"detail": short_reason(exc)})}, file=name)) from None


def open_workbook_zip(path: Path, data: bytes | None = None, *,
                      max_bytes: int = MAX_FILE_BYTES,
                      limits: ZipLimits = WORKBOOK_ZIP_LIMITS) -> BoundedZip:
    """The workbook's archive after the zip checks and `[Content_Types].xml` present."""
    if data is None:
        data = read_file_bytes(path, max_bytes)
    archive = BoundedZip(data, path.name, limits)
    if "[Content_Types].xml" not in archive.infos:
        archive.close()
        raise EvaluatorError(Problem("reading.not_xlsx", {"reason": Text(
            "reading.reason.no_content_types", {"member": "[Content_Types].xml"})},
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
    except (EvaluatorError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:
        # calamine raises many kinds (zip, xml, value) on damage, and a panic of its Rust
        # code (pyo3's PanicException, not an Exception) on some: a date cell out of range.
        raise EvaluatorError(Problem("reading.unreadable", {"reason": Text(
            "reading.reason.damaged_xml", {"detail": short_reason(exc)})},
            file=path.name)) from None
    return sheets
