"""The alliances' yearly submissions file and its parsing.

A submissions file is a workbook with sheets 基本信息 (one row per alliance) and 活动记录
(one row per evidence record), or the same two tables as a pair of CSV files. Here: the
sheet and column names, the parsing of cells, and the check of a whole file against the
registry and the rubric, every problem reported at once. Storing it is
`submissions_store`; the export and the blank template are `submissions_export`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from evaluator import messages
from evaluator.errors import EvaluatorError, ImportRefused, Problem
from evaluator.file_reading import (
    Record,
    Sheet,
    Table,
    cell_text,
    is_blank,
    number_from_cell,
    shown_value,
    typed_text,
)
from evaluator.progress import NullProgress, Progress, check
from evaluator.reading import read_csv, read_tables, table_from_sheet
from evaluator.registry import Alliance, NameIndex, list_alliances, normalize_code
from evaluator.workspace import Workspace

T = TypeVar("T")

SHEET_BASIC = "基本信息"
SHEET_RECORDS = "活动记录"
SHEET_NOTES = "说明"

COL_CODE = "联盟代码"
COL_NAME = "联盟名称"
COL_YEAR = "年度"
COL_CONTACT = "联系人"
COL_PHONE = "联系电话"
COL_FILED_ON = "填报日期"
COL_INDICATOR = "指标代码"
COL_TITLE = "名称"
COL_DATE = "日期"
COL_DESCRIPTION = "说明"
COL_QUANTITY = "数量"
COL_LINK = "链接"

BASIC_COLUMNS = (COL_CODE, COL_NAME, COL_YEAR, COL_CONTACT, COL_PHONE, COL_FILED_ON)
RECORD_COLUMNS = (COL_CODE, COL_INDICATOR, COL_TITLE, COL_DATE, COL_DESCRIPTION,
                  COL_QUANTITY, COL_LINK)
BASIC_REQUIRED_CELLS = (COL_CODE, COL_NAME, COL_YEAR)
RECORD_REQUIRED_CELLS = (COL_CODE, COL_INDICATOR, COL_TITLE)

# Rows whose 联盟代码 starts with this are the template's examples and are skipped.
EXAMPLE_MARKER = "示例"

NO_PROGRESS: Progress = NullProgress()

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)

messages.register({
    "submissions.empty_cell": {
        "zh": "“{column}”不能为空",
        "en": "'{column}' must not be empty",
    },
    "submissions.unknown_code": {
        "zh": "联盟代码“{value}”不在联盟名录中{hint}",
        "en": "Alliance code '{value}' is not in the registry{hint}",
    },
    "submissions.hint_name": {
        "zh": "（名称“{name}”对应名录中的 {alliance}）",
        "en": " (the name '{name}' is {alliance} in the registry)",
    },
    "submissions.code_alias": {
        "zh": "联盟代码 {value} 是 {alliance}“{name}”的曾用代码，已按 {alliance} 导入",
        "en": "Code {value} is a former code of {alliance} '{name}'; imported as {alliance}",
    },
    "submissions.code_name_disagree": {
        "zh": "联盟代码 {alliance} 在名录中是“{registry_name}”，但联盟名称“{value}”对应的是 {other_code}“{other_name}”（{how}），请核对代码或名称",
        "en": "Code {alliance} is '{registry_name}' in the registry, but the name '{value}' is "
        "{other_code} '{other_name}' ({how}); check the code or the name",
    },
    "submissions.name_unknown": {
        "zh": "联盟名称“{value}”与名录中代码 {alliance} 的名称“{registry_name}”不符；如果是曾用名，请在联盟名录的“曾用名”中加上它",
        "en": "The name '{value}' does not match code {alliance}, registered as "
        "'{registry_name}'; if it is a former name, add it to the registry's 曾用名",
    },
    "submissions.name_alias": {
        "zh": "联盟名称“{value}”是 {alliance}“{registry_name}”的曾用名",
        "en": "The name '{value}' is a former name of {alliance} '{registry_name}'",
    },
    "submissions.name_similar": {
        "zh": "联盟名称“{value}”与名录中 {alliance}“{registry_name}”名称相近，按同一联盟导入",
        "en": "The name '{value}' is close to {alliance} '{registry_name}' in the registry; "
        "imported as that alliance",
    },
    "submissions.wrong_year": {
        "zh": "年度为“{value}”，但本次导入的是 {expected} 年度",
        "en": "The year is '{value}', but this import is for {expected}",
    },
    "submissions.bad_date": {
        "zh": "“{value}”不是日期，应为日期或 2018-05-01、2018/5/1、2018年5月1日 这样的写法",
        "en": "'{value}' is not a date: expected a date cell or 2018-05-01, 2018/5/1, "
        "2018年5月1日",
    },
    "submissions.bad_quantity": {
        "zh": "数量“{value}”不是非负数（应为 0 或正数，可以留空）",
        "en": "The quantity '{value}' is not a non-negative number (0 or more, or empty)",
    },
    "submissions.unknown_indicator": {
        "zh": "指标代码“{value}”不在 {year} 年度指标体系中（应为 {first}…{last} 之一）",
        "en": "Indicator code '{value}' is not in the {year} rubric (expected one of "
        "{first}…{last})",
    },
    "submissions.duplicate_alliance": {
        "zh": "联盟 {alliance} 在基本信息中出现了两次（第 {first_row} 行已出现）",
        "en": "Alliance {alliance} appears twice in 基本信息 (first in row {first_row})",
    },
    "submissions.duplicate_record": {
        "zh": "与第 {first_row} 行重复（同一联盟、指标、名称和日期）",
        "en": "Duplicates row {first_row} (same alliance, indicator, title and date)",
    },
    "submissions.no_basic_info": {
        "zh": "联盟 {alliance} 有活动记录，但基本信息表中没有它",
        "en": "Alliance {alliance} has records but no row in 基本信息",
    },
    "submissions.incomplete_basic": {
        "zh": "联盟 {alliance} 的基本信息不完整：缺少 {missing}",
        "en": "Basic information of alliance {alliance} is incomplete: {missing} missing",
    },
    "submissions.missing_pair": {
        "zh": "找不到 CSV 文件“{name}”（CSV 格式需要“基本信息”和“活动记录”两个文件）",
        "en": "CSV file '{name}' not found (CSV input needs both a 基本信息 and a 活动记录 file)",
    },
    "submissions.no_rows": {
        "zh": "文件中没有任何联盟的基本信息",
        "en": "The file holds no alliance's basic information",
    },
    "submissions.done": {
        "zh": "{year} 年度填报已导入：新增 {created} 家，更新 {updated} 家，未变 {unchanged} 家，"
        "共 {records} 条记录",
        "en": "Submissions for {year} imported: {created} added, {updated} updated, "
        "{unchanged} unchanged, {records} records",
    },
    "submissions.exported": {
        "zh": "已导出 {alliances} 家联盟的 {records} 条记录到 {path}",
        "en": "Exported {records} records of {alliances} alliances to {path}",
    },
    "submissions.template_written": {
        "zh": "已写出填报模板 {path}",
        "en": "Submissions template written to {path}",
    },
    "submissions.how_exact": {"zh": "名称一致", "en": "exact name"},
    "submissions.how_alias": {"zh": "曾用名", "en": "former name"},
    "submissions.how_similar": {"zh": "名称相近", "en": "similar name"},
})


# -- parsed content ------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedSubmission:
    row: int
    alliance: Alliance
    name_as_filed: str
    contact: str
    phone: str
    filed_on: str | None
    extra: dict[str, Any]


@dataclass(frozen=True)
class ParsedRecord:
    row: int
    alliance_id: int
    indicator_code: str
    title: str
    record_date: str | None
    description: str
    quantity: float | None
    link: str
    extra: dict[str, Any]


@dataclass
class ParsedSubmissions:
    year: int
    file: str
    submissions: list[ParsedSubmission] = field(default_factory=list)
    records: list[ParsedRecord] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)


# -- cell parsing ----------------------------------------------------------------------
def parse_date(value: Any) -> str | None:
    """ISO date text for a date cell or date text; None for a blank; ValueError otherwise."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = typed_text(value)
        for pattern in _DATE_PATTERNS:
            m = pattern.match(text)
            if m:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    raise ValueError(value)


def parse_quantity(value: Any) -> float | None:
    """A non-negative finite number, or None for a blank; ValueError otherwise."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    found = number_from_cell(value.replace(",", "") if isinstance(value, str) else value)
    if found is None:
        raise ValueError(value)
    number = found
    if not math.isfinite(number) or number < 0:
        raise ValueError(value)
    return number


def parse_year(value: Any) -> int | None:
    text = typed_text(cell_text(value)).removesuffix("年").strip()
    return int(text) if text.isdigit() else None


def indicator_code_text(value: Any) -> str:
    """Indicator codes typed as numbers come back as floats (1.1); keep them as text."""
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return cell_text(value).replace("．", ".")


def plain_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def display_value(value: Any) -> str:
    return shown_value(value, 80)


# -- reading the input files -------------------------------------------------------------
def _csv_partner(path: Path, word: str, other: str) -> Path:
    return path.with_name(path.name.replace(word, other))


def read_submission_sheets(paths: Sequence[Path | str] | Path | str
                           ) -> tuple[str, dict[str, Sheet]]:
    """The 基本信息 and 活动记录 sheets, from one workbook, a CSV pair or a folder of both."""
    if isinstance(paths, str | Path):
        paths = [paths]
    items = [Path(p) for p in paths]
    if len(items) == 1 and items[0].is_dir():
        folder = items[0]
        items = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv")
        if not items:
            raise EvaluatorError(Problem("submissions.missing_pair",
                                         {"name": f"{folder}/*{SHEET_BASIC}*.csv"}))
    if len(items) == 1 and items[0].suffix.lower() not in (".csv", ".txt"):
        path = items[0]
        if not path.exists():
            raise EvaluatorError(Problem("file.missing", {"path": str(path)}, file=path.name))
        return path.name, read_tables(path)
    basic = next((p for p in items if SHEET_BASIC in p.name), None)
    records = next((p for p in items if SHEET_RECORDS in p.name), None)
    if basic is None and records is not None:
        basic = _csv_partner(records, SHEET_RECORDS, SHEET_BASIC)
    if records is None and basic is not None:
        records = _csv_partner(basic, SHEET_BASIC, SHEET_RECORDS)
    problems = []
    for wanted, candidate in ((SHEET_BASIC, basic), (SHEET_RECORDS, records)):
        if candidate is None or not candidate.exists():
            problems.append(Problem("submissions.missing_pair", {
                "name": candidate.name if candidate else f"*{wanted}*.csv"},
                file="、".join(p.name for p in items)))
    if problems or basic is None or records is None:
        raise EvaluatorError(problems)
    sheets = {SHEET_BASIC: read_csv(basic, sheet_name=SHEET_BASIC),
              SHEET_RECORDS: read_csv(records, sheet_name=SHEET_RECORDS)}
    return f"{basic.name} + {records.name}", sheets


class _AllianceLookup:
    """Registry codes (current and former) and names, loaded once per import."""

    def __init__(self, ws: Workspace) -> None:
        self.names = NameIndex(ws)
        self.by_code: dict[str, Alliance] = {a.code: a for a in list_alliances(ws)}
        self.by_former_code: dict[str, Alliance] = {}
        by_id = {a.id: a for a in self.by_code.values()}
        for alliance_id, alias in ws.db.execute(
                "SELECT alliance_id, alias FROM alliance_aliases WHERE kind = 'code'"):
            self.by_former_code[alias] = by_id[alliance_id]

    def by_any_code(self, code: str) -> tuple[Alliance | None, bool]:
        """The alliance and whether it was found by a former code."""
        if code in self.by_code:
            return self.by_code[code], False
        if code in self.by_former_code:
            return self.by_former_code[code], True
        return None, False


def _how_text(how: str) -> str:
    return messages.text(f"submissions.how_{how}")


def _check_alliance(record: Record, lookup: _AllianceLookup, where: dict[str, Any],
                    problems: list[Problem]) -> Alliance | None:
    """Match a 基本信息 row's code and name to the registry (see module docstring)."""
    raw_code = record.get(COL_CODE)
    code = normalize_code(raw_code)
    name = cell_text(record.get(COL_NAME))
    name_match = lookup.names.match(name) if name else None
    if not code:
        return None  # reported as an empty cell
    alliance, by_former = lookup.by_any_code(code)
    at_code = {**where, "column": COL_CODE}
    at_name = {**where, "column": COL_NAME}
    if alliance is None:
        hint = ""
        if name_match is not None and name_match.alliance is not None:
            hint = messages.text("submissions.hint_name", name=name,
                                 alliance=name_match.alliance.code)
        problems.append(Problem("submissions.unknown_code",
                                {"value": display_value(raw_code), "hint": hint}, **at_code))
        return None
    if by_former:
        problems.append(Problem("submissions.code_alias",
                                {"value": code, "alliance": alliance.code, "name": alliance.name},
                                severity="warning", **at_code))
    if not name or name_match is None:
        return alliance  # reported as an empty cell
    params = {"value": name, "alliance": alliance.code, "registry_name": alliance.name}
    if name_match.alliance is None:
        problems.append(Problem("submissions.name_unknown", params, **at_name))
        return None
    if name_match.alliance.id != alliance.id:
        other = name_match.alliance
        problems.append(Problem("submissions.code_name_disagree",
                                {**params, "other_code": other.code, "other_name": other.name,
                                 "how": _how_text(name_match.how)}, **at_name))
        return None
    if name_match.how == "alias":
        problems.append(Problem("submissions.name_alias", params, severity="warning",
                                **at_name))
    elif name_match.how == "similar":
        problems.append(Problem("submissions.name_similar", params, severity="warning",
                                **at_name))
    return alliance


def _check_required(record: Record, columns: tuple[str, ...], at: dict[str, Any],
                    problems: list[Problem]) -> bool:
    """Report every empty required cell of the row; True when there is none."""
    empty = [column for column in columns if is_blank(record.get(column))]
    problems.extend(Problem("submissions.empty_cell", {"column": column}, **at, column=column)
                    for column in empty)
    return not empty


def _parse_cell(record: Record, column: str, parse: Callable[[Any], T],
                message: str, at: dict[str, Any], problems: list[Problem]
                ) -> tuple[T | None, bool]:
    """`parse` the cell; on ValueError report `message` with the value found."""
    try:
        return parse(record.get(column)), True
    except ValueError:
        problems.append(Problem(message, {"value": display_value(record.get(column))},
                                **at, column=column))
        return None, False


def _is_example(record: Record) -> bool:
    return cell_text(record.get(COL_CODE)).startswith(EXAMPLE_MARKER)


def _extra(record: Record, known: tuple[str, ...]) -> dict[str, Any]:
    return {k: plain_value(v) for k, v in record.values.items()
            if k not in known and not is_blank(v)}


def parse_submissions(ws: Workspace, paths: Sequence[Path | str] | Path | str,
                      year: int | None = None,
                      progress: Progress = NO_PROGRESS) -> ParsedSubmissions:
    """Read and check a submissions file; raise ImportRefused listing every problem."""
    year = ws.require_year(year)
    rubric = ws.rubric(year)
    file, sheets = read_submission_sheets(paths)
    problems: list[Problem] = []
    tables: dict[str, Table | None] = {}
    for name, required in ((SHEET_BASIC, BASIC_COLUMNS), (SHEET_RECORDS, RECORD_COLUMNS)):
        sheet = sheets.get(name)
        if sheet is None:
            problems.append(Problem("reading.missing_sheet",
                                    {"name": name, "found": "、".join(sheets) or "-"},
                                    file=file))
            tables[name] = None
            continue
        tables[name] = table_from_sheet(sheet, required=required, file=file,
                                        problems=problems)
    basic, records = tables[SHEET_BASIC], tables[SHEET_RECORDS]
    if basic is None or records is None:
        raise ImportRefused(problems)
    parsed = ParsedSubmissions(year=year, file=file)
    lookup = _AllianceLookup(ws)
    total = len(basic.records) + len(records.records)
    counter = itertools.count(1)

    def rows_of(table: Table, label: str) -> Iterator[tuple[Record, dict[str, Any]]]:
        """The sheet's rows but the template's example rows, each with where it stands;
        reports progress and honours Cancel on the way."""
        for record in table.records:
            done = next(counter)
            if done % 200 == 0:
                check(progress)
                progress.report(done, total, label)
            if not _is_example(record):
                yield record, {"file": file, "sheet": table.name, "row": record.row}

    # 基本信息
    seen_alliances: dict[Any, int] = {}
    code_status: dict[str, Alliance | None] = {}
    for record, at in rows_of(basic, SHEET_BASIC):
        row_ok = _check_required(record, BASIC_REQUIRED_CELLS, at, problems)
        alliance = _check_alliance(record, lookup, at, problems)
        code_status[normalize_code(record.get(COL_CODE))] = alliance
        raw_year = record.get(COL_YEAR)
        if not is_blank(raw_year) and parse_year(raw_year) != year:
            problems.append(Problem("submissions.wrong_year",
                                    {"value": display_value(raw_year), "expected": year},
                                    **at, column=COL_YEAR))
            row_ok = False
        filed_on, filed_ok = _parse_cell(record, COL_FILED_ON, parse_date,
                                         "submissions.bad_date", at, problems)
        row_ok = row_ok and filed_ok
        # By alliance (a former and a current code are the same alliance), or by the
        # code as written when it did not resolve, so a duplicate is reported either way.
        raw = normalize_code(record.get(COL_CODE))
        key: Any = alliance.id if alliance is not None else raw
        if key and key in seen_alliances:
            problems.append(Problem("submissions.duplicate_alliance",
                                    {"alliance": alliance.code if alliance else raw,
                                     "first_row": seen_alliances[key]},
                                    **at, column=COL_CODE))
            row_ok = False
        elif key:
            seen_alliances[key] = record.row
        if alliance is None or not row_ok:
            continue
        contact = cell_text(record.get(COL_CONTACT))
        phone = cell_text(record.get(COL_PHONE))
        missing = [c for c, v in ((COL_CONTACT, contact), (COL_PHONE, phone),
                                  (COL_FILED_ON, filed_on)) if not v]
        if missing:
            parsed.warnings.append(Problem("submissions.incomplete_basic",
                                           {"alliance": alliance.code, "missing": "、".join(missing)},
                                           severity="warning", **at))
        parsed.submissions.append(ParsedSubmission(
            row=record.row, alliance=alliance, name_as_filed=cell_text(record.get(COL_NAME)),
            contact=contact, phone=phone, filed_on=filed_on,
            extra=_extra(record, BASIC_COLUMNS)))
    if not basic.records:
        problems.append(Problem("submissions.no_rows", {}, file=file, sheet=basic.name))

    # 活动记录
    codes = set(rubric.codes)
    seen_records: dict[tuple[Any, ...], int] = {}
    for record, at in rows_of(records, SHEET_RECORDS):
        row_ok = _check_required(record, RECORD_REQUIRED_CELLS, at, problems)
        raw_code = record.get(COL_CODE)
        code = normalize_code(raw_code)
        alliance = None
        if code:
            if code in code_status:
                alliance = code_status[code]  # None: already reported in 基本信息
                row_ok = row_ok and alliance is not None
            else:
                found, _ = lookup.by_any_code(code)
                if found is None:
                    problems.append(Problem("submissions.unknown_code",
                                            {"value": display_value(raw_code), "hint": ""},
                                            **at, column=COL_CODE))
                else:
                    problems.append(Problem("submissions.no_basic_info", {"alliance": found.code},
                                            **at, column=COL_CODE))
                row_ok = False
        indicator = indicator_code_text(record.get(COL_INDICATOR))
        if indicator and indicator not in codes:
            problems.append(Problem("submissions.unknown_indicator",
                                    {"value": display_value(record.get(COL_INDICATOR)),
                                     "year": year, "first": rubric.codes[0],
                                     "last": rubric.codes[-1]},
                                    **at, column=COL_INDICATOR))
            row_ok = False
        record_date: str | None = None
        record_date, date_ok = _parse_cell(record, COL_DATE, parse_date,
                                           "submissions.bad_date", at, problems)
        quantity, quantity_ok = _parse_cell(record, COL_QUANTITY, parse_quantity,
                                            "submissions.bad_quantity", at, problems)
        row_ok = row_ok and date_ok and quantity_ok
        title = cell_text(record.get(COL_TITLE))
        key = (alliance.id if alliance else code, indicator, "".join(title.split()),
               record_date or cell_text(record.get(COL_DATE)))
        if key in seen_records:
            problems.append(Problem("submissions.duplicate_record",
                                    {"first_row": seen_records[key]}, **at))
            row_ok = False
        else:
            seen_records[key] = record.row
        if not row_ok or alliance is None:
            continue
        parsed.records.append(ParsedRecord(
            row=record.row, alliance_id=alliance.id, indicator_code=indicator, title=title,
            record_date=record_date, description=cell_text(record.get(COL_DESCRIPTION)),
            quantity=quantity, link=cell_text(record.get(COL_LINK)),
            extra=_extra(record, RECORD_COLUMNS)))
    _drop_unfilled(parsed)
    warnings = [p for p in problems if p.severity == "warning"] + parsed.warnings
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ImportRefused(errors + warnings)
    parsed.warnings = warnings
    return parsed


def _drop_unfilled(parsed: ParsedSubmissions) -> None:
    """Rows with only code, name and year and no records are not submissions.

    The template pre-fills 基本信息 with the registry; an alliance whose row was left as
    written there did not submit, and must stay "not submitted" rather than "incomplete".
    """
    with_records = {r.alliance_id for r in parsed.records}
    unfilled = {s.row for s in parsed.submissions
                if not (s.contact or s.phone or s.filed_on or s.extra)
                and s.alliance.id not in with_records}
    parsed.submissions = [s for s in parsed.submissions if s.row not in unfilled]
    parsed.skipped_rows = sorted(unfilled)
    parsed.warnings = [w for w in parsed.warnings
                       if not (w.code == "submissions.incomplete_basic" and w.row in unfilled)]
