"""Score files: the signed .xlsx an expert sends back (the interchange format).

Sheets (docs/formats.md, "Score files"): `评分` (联盟代码, 联盟名称, one column per
second-level indicator code, 合计; one row per alliance), `意见` (联盟代码, 指标代码, 意见)
and `元数据` (key/value). The signature is Ed25519, made with the private key of the
expert's package, over the canonical JSON of the metadata (all keys but 签名, so the
public-key fingerprint 签名公钥指纹 included), every score (values as plain decimal
strings) and every comment. A person can read and print the file in Excel or WPS; any
edit to a score, a comment or the metadata breaks the signature. Files of format 1 (the
first release) carry an HMAC-SHA256 instead, which only the secretariat can verify.

Writing a score file from a package is `scorefile_export`. `read_score_file` never raises
on damaged input: it returns a `ScoreFile` whose
`problems` list every structural problem with its sheet, row and column.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from evaluator import messages, signing
from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import (
    Sheet,
    cell_text,
    is_blank,
    number_from_cell,
    read_file_bytes,
    short_reason,
    shown_value,
    typed_text,
)
from evaluator.packages import format_value
from evaluator.rounds import round_from_text
from evaluator.xlsx_reading import read_workbook

if TYPE_CHECKING:
    from evaluator.rubric import Rubric

FORMAT_VERSION = "2"  # Ed25519; "1": the first release's HMAC-SHA256
LEGACY_FORMAT_VERSION = "1"
MAX_SEQUENCE = 2**31 - 1
YEAR_RANGE = (1900, 9999)
SCORES_SHEET = "评分"
COMMENTS_SHEET = "意见"
META_SHEET = "元数据"
CODE_COLUMN = "联盟代码"
NAME_COLUMN = "联盟名称"
TOTAL_COLUMN = "合计"
UNSCORED_TOTAL = "未评"
INDICATOR_COLUMN = "指标代码"
COMMENT_COLUMN = "意见"
META_HEADER = ("项目", "值")

# Metadata keys, in the order they are written.
K_VERSION = "格式版本"
K_EXPERT = "专家"
K_ROUND = "轮次"
K_YEAR = "年度"
K_FINGERPRINT = "指标体系指纹"
K_WORKSPACE = "工作区标识"
K_COMPLETE = "完整"
K_SEQUENCE = "导出序号"
K_EXPORTED = "导出时间"
K_KEY = "签名公钥指纹"
K_SIGNATURE = "签名"
META_KEYS = (K_VERSION, K_EXPERT, K_ROUND, K_YEAR, K_FINGERPRINT, K_WORKSPACE, K_COMPLETE,
             K_SEQUENCE, K_EXPORTED, K_KEY, K_SIGNATURE)
REQUIRED_META = (K_EXPERT, K_ROUND, K_YEAR, K_FINGERPRINT, K_SEQUENCE, K_EXPORTED,
                 K_SIGNATURE)

# An indicator column's header: its code, or its code and name ("1.1 理事会会议").
INDICATOR_HEADER_RE = re.compile(r"(\d+\.\d+)(?:\s+\S.*)?", re.DOTALL)

messages.register({
    "merge.duplicate_alliance": {
        "zh": "联盟 {codes} 是同一家联盟（第 {rows} 行），每家联盟只能评一行",
        "en": "{codes} are the same alliance (rows {rows}); score each alliance in one "
              "row only",
    },
    "merge.duplicate_score": {
        "zh": "联盟 {code} 的指标 {indicator} 出现了 {count} 次",
        "en": "Alliance {code}, indicator {indicator} appears {count} times",
    },
    "scorefile.missing_scores": {
        "zh": "联盟 {code}“{name}”还有 {count} 项未评分：{indicators}",
        "en": "Alliance {code} '{name}' has {count} indicators unscored: {indicators}",
    },
    "scorefile.missing_meta": {
        "zh": "元数据缺少“{key}”",
        "en": "The metadata lacks '{key}'",
    },
    "scorefile.bad_meta": {
        "zh": "元数据“{key}”的值“{value}”无效，应为{expected}",
        "en": "Metadata '{key}' is '{value}', expected {expected}",
    },
    "scorefile.bad_meta_cell": {
        "zh": "单元格 {cell}：元数据“{key}”的值“{value}”无效，应为{expected}",
        "en": "Cell {cell}: metadata '{key}' is '{value}', expected {expected}",
    },
    "scorefile.duplicate_meta": {
        "zh": "元数据“{key}”出现了两次",
        "en": "Metadata '{key}' appears twice",
    },
    "scorefile.unknown_column": {
        "zh": "列“{name}”不是联盟代码、联盟名称、指标代码或合计",
        "en": "Column '{name}' is none of 联盟代码, 联盟名称, an indicator code or 合计",
    },
    "scorefile.no_indicator_columns": {
        "zh": "评分表中没有指标列（应为 1.1、1.2 …）",
        "en": "The score sheet has no indicator columns (expected 1.1, 1.2, ...)",
    },
    "scorefile.blank_code": {
        "zh": "单元格 {cell}：有评分但联盟代码为空",
        "en": "Cell {cell}: the row has scores but no alliance code",
    },
    "scorefile.duplicate_row": {
        "zh": "联盟 {code} 出现了两次（第 {first} 行和第 {row} 行）",
        "en": "Alliance {code} appears twice (rows {first} and {row})",
    },
    "scorefile.not_number": {
        "zh": "单元格 {cell}：“{value}”不是数字",
        "en": "Cell {cell}: '{value}' is not a number",
    },
    "scorefile.formula": {
        "zh": "单元格 {cell}：是公式（{value}），请直接填写数字",
        "en": "Cell {cell}: holds a formula ({value}); type the number itself",
    },
    "scorefile.total_mismatch": {
        "zh": "单元格 {cell}：合计 {found} 与各项之和 {expected} 不符",
        "en": "Cell {cell}: the total {found} differs from the sum of the scores {expected}",
    },
    "scorefile.bad_value": {
        "zh": "单元格 {cell}：评分 {value} 无效，指标 {code} 应在 0 到 {max} 之间，且为 {step} 的整数倍",
        "en": "Cell {cell}: score {value} is invalid; indicator {code} takes 0 to {max} in "
        "steps of {step}",
    },
    "scorefile.alliance_bad_value": {
        "zh": "联盟 {alliance} 的指标 {code}：评分 {value} 无效，应在 0 到 {max} 之间，且为 {step} 的整数倍",
        "en": "Alliance {alliance}, indicator {code}: score {value} is invalid; it takes 0 to "
        "{max} in steps of {step}",
    },
    "scorefile.alliance_unknown_indicator": {
        "zh": "联盟 {alliance}：指标代码“{code}”不在指标体系中",
        "en": "Alliance {alliance}: indicator code '{code}' is not in the indicator system",
    },
    "scorefile.unknown_indicator": {
        "zh": "单元格 {cell}：指标代码“{code}”不在指标体系中",
        "en": "Cell {cell}: indicator code '{code}' is not in the indicator system",
    },
    "scorefile.not_assigned": {
        "zh": "单元格 {cell}：联盟 {code} 不在本专家的分配名单中",
        "en": "Cell {cell}: alliance {code} is not assigned to this expert",
    },
    "scorefile.comment_without_score": {
        "zh": "单元格 {cell}：联盟 {code} 的指标 {indicator} 有意见但没有评分",
        "en": "Cell {cell}: a comment on {code} {indicator} that has no score",
    },
    "scorefile.bad_comment_row": {
        "zh": "意见表第 {row} 行缺少联盟代码或指标代码",
        "en": "Row {row} of the comments sheet lacks the alliance or the indicator code",
    },
    "scorefile.template_mismatch": {
        "zh": "模板的“{key}”为“{found}”，而评审包中为“{expected}”：这不是本评审包的模板",
        "en": "The template's '{key}' is '{found}' but the package's is '{expected}': this "
        "template belongs to another package",
    },
    "scorefile.empty": {
        "zh": "评分表中没有任何评分",
        "en": "The score sheet holds no score",
    },
})


_CODE_AND_INDICATOR = itemgetter(0, 1)


@dataclass
class ScoreFile:
    """What a score file holds, as read; `problems` says what is wrong with it."""

    path: Path
    sha256: str = ""
    format_version: str = ""
    expert: str = ""
    round: str = ""  # 'initial' or 'review' ('' if unknown)
    year: int | None = None
    fingerprint: str = ""
    workspace_id: str = ""
    complete: bool | None = None
    sequence: int | None = None
    exported_at: str = ""
    key_fingerprint: str = ""  # '' in a format 1 (HMAC) file
    signature: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    rows_of: dict[str, int] = field(default_factory=dict)  # alliance code -> its row
    rows: list[tuple[str, str, float]] = field(default_factory=list)  # (code, indicator, value)
    names: dict[str, str] = field(default_factory=dict)  # alliance code -> name as written
    comments: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The signed text, made once (in the reading worker when a merge reads many files:
    # evaluator/parallel_reading.py). A file is not changed after it is read.
    _signed_text: str = field(default="", repr=False, compare=False)
    _duplicate_scores: list[Problem] | None = field(default=None, repr=False, compare=False)
    # Each alliance code's score-set texts (`score_sets.score_set_texts`), when made.
    set_texts: dict[str, tuple[str, str]] | None = field(default=None, repr=False,
                                                          compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_but_signature(self) -> list[Problem]:
        """The file's errors less a missing signature: whether an unsigned file is taken
        is the merge's call (it says so in its own words)."""
        return [p for p in self.errors
                if not (p.code == "scorefile.missing_meta" and p.params.get("key") == K_SIGNATURE)]

    def duplicate_score_problems(self) -> list[Problem]:
        """One problem per (alliance, indicator) the file scores more than once."""
        if self._duplicate_scores is None:
            keys = list(map(_CODE_AND_INDICATOR, self.rows))
            self._duplicate_scores = [] if len(set(keys)) == len(keys) else [
                Problem("merge.duplicate_score",
                        {"code": code, "indicator": indicator, "count": count},
                        file=self.path.name)
                for (code, indicator), count in Counter(keys).items() if count > 1]
        return list(self._duplicate_scores)

    def duplicate_alliance_problems(self, alliance_of: Callable[[str], int | None]
                                    ) -> list[Problem]:
        """Rows that name one alliance twice under different codes (a former code,
        full-width digits; `alliance_of` gives a code's alliance id): a merge would
        otherwise write its scores twice."""
        codes_of: dict[int, list[str]] = {}
        for code in self.names:
            alliance_id = alliance_of(code)
            if alliance_id is not None:
                codes_of.setdefault(alliance_id, []).append(code)
        return [Problem("merge.duplicate_alliance", {
            "codes": "、".join(codes),
            "rows": "、".join(str(self.rows_of.get(c, "?")) for c in codes)},
            file=self.path.name, sheet=SCORES_SHEET, column=CODE_COLUMN)
            for codes in codes_of.values() if len(codes) > 1]

    def alliance_codes(self) -> list[str]:
        return list(self.names)

    def totals(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for code, _, value in self.rows:
            out[code] = out.get(code, 0.0) + value
        return out

    def canonical_json(self) -> str:
        """The signed text (`canonical_content`)."""
        if not self._signed_text:
            self._signed_text = canonical_content(self.meta, self.rows, self.comments)
        return self._signed_text

    def record_json(self) -> str:
        """What the workspace keeps of the file (`score_files.content_json`): the
        signature and the signed text itself, so that a stored file can be verified
        again from the workspace alone (docs/formats.md)."""
        return (f'{{"signature":{json.dumps(self.signature)},"signed":'
                f'{self.canonical_json()}}}')

    @property
    def legacy_signature(self) -> bool:
        """Signed the first release's way (HMAC-SHA256, no public-key fingerprint)."""
        return bool(self.signature) and not self.key_fingerprint


@lru_cache(maxsize=4096)
def signed_value_text(value: float) -> str:
    """`format_value`, remembered: a panel uses a few hundred distinct values, and
    every score is formatted to check its file's signature (docs/performance.md)."""
    return format_value(value)


_CODE, _INDICATOR, _VALUE = itemgetter(0), itemgetter(1), itemgetter(2)


def canonical_content(meta: dict[str, str], rows: list[tuple[str, str, float]],
                      comments: list[tuple[str, str, str]]) -> str:
    """The signed text: metadata without the signature, scores and comments, sorted."""
    # Each distinct value formatted once, the triples built in C (zip, map).
    values = list(map(_VALUE, rows))
    texts = {v: signed_value_text(v) for v in set(values)}
    data = {
        "meta": {k: v for k, v in meta.items() if k != K_SIGNATURE},
        "scores": sorted(zip(map(_CODE, rows), map(_INDICATOR, rows),
                             map(texts.__getitem__, values), strict=True)),
        "comments": sorted([c, i, t] for c, i, t in comments if t),
    }
    return canonical_dumps(data)


def canonical_dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def verify_signature(score_file: ScoreFile, public_key: str, *,
                     despite_errors: bool = False) -> bool:
    """True only for an Ed25519-signed file without structural errors (unless
    `despite_errors`: a merge lists those itself) that names the fingerprint of
    `public_key` and whose signature that key verifies."""
    if (score_file.errors and not despite_errors) or not score_file.signature \
            or not public_key or score_file.legacy_signature:
        return False
    if score_file.key_fingerprint != signing.fingerprint(public_key):
        return False
    return signing.verify(public_key, score_file.canonical_json(), score_file.signature)


def verify_legacy_signature(score_file: ScoreFile, secret: str, *,
                            despite_errors: bool = False) -> bool:
    """True only for a format 1 file (HMAC-SHA256) that `secret`, the expert's
    first-release key as the workspace or a format 1 group package holds it, verifies."""
    if (score_file.errors and not despite_errors) or not score_file.legacy_signature \
            or not secret:
        return False
    return signing.verify_legacy_hmac(secret, score_file.canonical_json(),
                                      score_file.signature)


# -- reading ----------------------------------------------------------------------------

@dataclass
class ScoresSheet:
    """The `评分` sheet as read: (code, indicator, value) in sheet order, names, the row of
    each code. Plain tuples: a merge reads 1.2 million scores at XL."""

    scores: list[tuple[str, str, float]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    rows_of: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # indicator -> column letter
    indicators: list[str] = field(default_factory=list)


def normalize_alliance_code(value: Any) -> str:
    """As registry.normalize_code: full-width digits are the same code (１０９ is 109)."""
    return unicodedata.normalize("NFKC", cell_text(value)).strip().lower()


_NUMBER_TYPES = frozenset((float, int))  # not bool: True is no score


def parse_scores_sheet(sheet: Sheet, file: str, problems: list[Problem],
                       formula_cells: dict[tuple[int, int], str] | None = None,
                       check_totals: bool = True,
                       indicator_names: dict[str, str] | None = None) -> ScoresSheet:
    """Read a `评分` sheet; every problem (with its cell) goes to `problems`.

    `formula_cells` maps (row, 0-based column) to the formula found there (by openpyxl:
    calamine only sees values); a formula in a score column is refused.
    `indicator_names` maps an indicator's name (spaces removed) to its code, for headers
    that hold the name alone; "1.1" and "1.1 理事会会议" are read without it.
    """
    out = ScoresSheet()
    name = sheet.name
    if not sheet.rows:
        problems.append(Problem("reading.no_header", {}, file=file, sheet=name))
        return out
    header_row, header = sheet.rows[0]
    code_col = name_col = total_col = None
    ind_cols: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, raw in enumerate(header):
        text = "".join(cell_text(raw).split())
        if not text:
            continue
        typed = typed_text(cell_text(raw))
        indicator_match = INDICATOR_HEADER_RE.fullmatch(typed)
        if indicator_match:
            text = indicator_match.group(1)
        elif indicator_names and "".join(typed.split()) in indicator_names:
            text = indicator_names["".join(typed.split())]  # a header with the name only
            indicator_match = INDICATOR_HEADER_RE.fullmatch(text)
        if text in seen:
            problems.append(Problem("reading.duplicate_column", {"name": text}, file=file,
                                    sheet=name, row=header_row, column=get_column_letter(index + 1)))
            continue
        seen.add(text)
        if text == CODE_COLUMN:
            code_col = index
        elif text == NAME_COLUMN:
            name_col = index
        elif text == TOTAL_COLUMN:
            total_col = index
        elif indicator_match:
            ind_cols.append((index, text))
        else:
            problems.append(Problem("scorefile.unknown_column", {"name": text}, file=file,
                                    sheet=name, row=header_row, column=get_column_letter(index + 1)))
    found = "、".join(sorted(seen)) or "-"
    if code_col is None:
        problems.append(Problem("reading.missing_column", {"name": CODE_COLUMN, "found": found},
                                file=file, sheet=name, row=header_row))
        return out
    if not ind_cols:
        problems.append(Problem("scorefile.no_indicator_columns", {}, file=file, sheet=name,
                                row=header_row))
        return out
    out.indicators = [code for _, code in ind_cols]
    formula_cells = formula_cells or {}
    letters = {index: get_column_letter(index + 1) for index, _ in ind_cols}
    out.columns = {indicator: letters[index] for index, indicator in ind_cols}
    # The common row, every score cell a number and no formula, is read in C (zip, map):
    # a merge reads 1.2 million scores at XL. Any other row takes the loop below.
    indices = [index for index, _ in ind_cols]
    indicators = out.indicators
    last = max(indices)
    pick = itemgetter(*indices) if len(indices) > 1 else (lambda cells: (cells[last],))
    for row, cells in sheet.rows[1:]:
        width = len(cells)
        code = normalize_alliance_code(cells[code_col] if code_col < width else None)
        row_cells: list[tuple[str, str, float]] = []
        row_bad = False
        fast = not formula_cells and width > last
        if fast:
            values = pick(cells)
            fast = _NUMBER_TYPES.issuperset(map(type, values))
            if fast:
                row_cells = list(zip(repeat(code), indicators, map(float, values)))
        for index, indicator in () if fast else ind_cols:
            if formula_cells and (row, index) in formula_cells:
                problems.append(Problem("scorefile.formula", {
                    "cell": f"{letters[index]}{row}", "value": formula_cells[(row, index)][:40]}, file=file,
                    sheet=name, row=row, column=indicator))
                row_bad = True
                continue
            value: Any = cells[index] if index < width else None
            kind = type(value)
            if kind is float or kind is int:  # the common case, first
                row_cells.append((code, indicator, float(value)))
                continue
            if is_blank(value):
                continue
            number = number_from_cell(value)  # '4.5', '４', ' 3 ' as WPS stores them
            if number is None:
                problems.append(Problem("scorefile.not_number", {
                    "cell": f"{letters[index]}{row}", "value": shown_value(value, 40)},
                    file=file, sheet=name, row=row, column=indicator))
                row_bad = True
                continue
            row_cells.append((code, indicator, number))
        if not code:
            if row_cells or row_bad:
                problems.append(Problem("scorefile.blank_code", {
                    "cell": f"{get_column_letter(code_col + 1)}{row}"}, file=file, sheet=name,
                    row=row, column=CODE_COLUMN))
            continue
        if code in out.rows_of:
            problems.append(Problem("scorefile.duplicate_row", {
                "code": code, "first": out.rows_of[code], "row": row}, file=file, sheet=name,
                row=row, column=CODE_COLUMN))
            continue
        out.rows_of[code] = row
        out.names[code] = cell_text(cells[name_col]) \
            if name_col is not None and name_col < width else ""
        out.scores.extend(row_cells)
        if check_totals and total_col is not None and not row_bad:
            found_total = cells[total_col] if total_col < width else None
            expected = sum(map(_VALUE, row_cells))
            if isinstance(found_total, int | float) and not isinstance(found_total, bool) \
                    and abs(float(found_total) - expected) > 1e-6:
                problems.append(Problem("scorefile.total_mismatch", {
                    "cell": f"{get_column_letter(total_col + 1)}{row}",
                    "found": format_value(float(found_total)),
                    "expected": format_value(expected)}, file=file, sheet=name, row=row,
                    column=TOTAL_COLUMN, severity="warning"))
    return out


def parse_comments_sheet(sheet: Sheet, file: str,
                         problems: list[Problem]) -> list[tuple[str, str, str, int]]:
    """(alliance code, indicator, comment, row) from a `意见` sheet."""
    name = sheet.name
    if not sheet.rows:
        return []
    header_row, header = sheet.rows[0]
    columns = {"".join(cell_text(c).split()): i for i, c in enumerate(header)}
    wanted = (CODE_COLUMN, INDICATOR_COLUMN, COMMENT_COLUMN)
    missing = [w for w in wanted if w not in columns]
    for w in missing:
        problems.append(Problem("reading.missing_column", {
            "name": w, "found": "、".join(k for k in columns if k) or "-"}, file=file,
            sheet=name, row=header_row))
    if missing:
        return []
    out: list[tuple[str, str, str, int]] = []
    for row, cells in sheet.rows[1:]:
        def at(i: int, cells: list[Any] = cells) -> Any:
            return cells[i] if i < len(cells) else None

        code = normalize_alliance_code(at(columns[CODE_COLUMN]))
        indicator = cell_text(at(columns[INDICATOR_COLUMN]))
        text = cell_text(at(columns[COMMENT_COLUMN]))
        if not text:
            continue
        if not code or not indicator:
            problems.append(Problem("scorefile.bad_comment_row", {"row": row}, file=file,
                                    sheet=name, row=row))
            continue
        out.append((code, indicator, text, row))
    return out


def parse_meta_sheet(sheet: Sheet, file: str, problems: list[Problem],
                     rows: dict[str, int] | None = None) -> dict[str, str]:
    """The key/value pairs; `rows`, if given, receives the row of each key."""
    meta: dict[str, str] = {}
    for row, cells in sheet.rows:
        key = cell_text(cells[0]) if cells else ""
        value = cell_text(cells[1]) if len(cells) > 1 else ""
        if not key or (key, value) == META_HEADER:
            continue
        if key in meta:
            problems.append(Problem("scorefile.duplicate_meta", {"key": key}, file=file,
                                    sheet=sheet.name, row=row, column="A"))
            continue
        meta[key] = value
        if rows is not None:
            rows[key] = row
    return meta


def read_score_file(path: Path | str) -> ScoreFile:
    """Read a score file; never raises on damaged input (see `ScoreFile.problems`)."""
    path = Path(path)
    sf = ScoreFile(path=path)
    name = path.name
    if not path.exists():
        sf.problems.append(Problem("file.missing", {"path": str(path)}, file=name))
        return sf
    try:
        data = read_file_bytes(path)  # read once: digest, checks and reader see the same
    except EvaluatorError as exc:  # a FIFO, a folder, empty or too large
        sf.problems.extend(exc.problems)
        return sf
    sf.sha256 = hashlib.sha256(data).hexdigest()
    try:
        sheets = read_workbook(path, data=data)
    except EvaluatorError as exc:
        sf.problems.extend(exc.problems)
        return sf
    except Exception as exc:  # read_workbook guards calamine; stay total on the unforeseen
        sf.problems.append(Problem("reading.unreadable", {"reason": messages.Text(
            "reading.reason.damaged_xml", {"detail": short_reason(exc)})},
                                   file=name))
        return sf
    found = "、".join(sheets) or "-"
    for sheet_name in (SCORES_SHEET, COMMENTS_SHEET, META_SHEET):
        if sheet_name not in sheets:
            sf.problems.append(Problem("reading.missing_sheet",
                                       {"name": sheet_name, "found": found}, file=name))
    if META_SHEET in sheets:
        parse_meta_into(sf, sheets[META_SHEET], name)
    if SCORES_SHEET in sheets:
        parsed = parse_scores_sheet(sheets[SCORES_SHEET], name, sf.problems)
        sf.rows = parsed.scores
        sf.names = parsed.names
        sf.rows_of = parsed.rows_of
    if COMMENTS_SHEET in sheets:
        comments = parse_comments_sheet(sheets[COMMENTS_SHEET], name, sf.problems)
        scored = set(map(_CODE_AND_INDICATOR, sf.rows)) if comments else set()
        for code, indicator, text, row in comments:
            if (code, indicator) not in scored:
                sf.problems.append(Problem("scorefile.comment_without_score", {
                    "cell": f"C{row}", "code": code, "indicator": indicator}, file=name,
                    sheet=COMMENTS_SHEET, row=row, column=COMMENT_COLUMN))
            sf.comments.append((code, indicator, text))
    return sf


def parse_meta_into(sf: ScoreFile, sheet: Sheet, name: str) -> None:
    """Fill `sf` from its `元数据` sheet; every bad value is a problem naming its cell."""
    rows: dict[str, int] = {}
    meta = parse_meta_sheet(sheet, name, sf.problems, rows)
    sf.meta = meta

    def bad(key: str, expected: str) -> None:
        sf.problems.append(Problem("scorefile.bad_meta_cell", {
            "cell": f"B{rows[key]}", "key": key, "value": meta.get(key, "")[:40],
            "expected": expected}, file=name, sheet=META_SHEET, row=rows[key], column="B"))

    for key in REQUIRED_META:
        if not meta.get(key):
            sf.problems.append(Problem("scorefile.missing_meta", {"key": key}, file=name,
                                       sheet=META_SHEET))
    sf.format_version = meta.get(K_VERSION, "")
    sf.expert = meta.get(K_EXPERT, "")
    sf.fingerprint = meta.get(K_FINGERPRINT, "")
    sf.workspace_id = meta.get(K_WORKSPACE, "")
    sf.exported_at = meta.get(K_EXPORTED, "")
    sf.signature = meta.get(K_SIGNATURE, "")
    sf.key_fingerprint = meta.get(K_KEY, "")
    if meta.get(K_ROUND):
        sf.round = round_from_text(meta[K_ROUND])
        if not sf.round:
            bad(K_ROUND, "分组初评 / 交叉复评")
    if meta.get(K_YEAR):
        sf.year = bounded_int(meta[K_YEAR], *YEAR_RANGE)
        if sf.year is None:
            bad(K_YEAR, f"{YEAR_RANGE[0]} 到 {YEAR_RANGE[1]} 之间的年份 / a year")
    if meta.get(K_SEQUENCE):
        sf.sequence = bounded_int(meta[K_SEQUENCE], 1, MAX_SEQUENCE)
        if sf.sequence is None:
            bad(K_SEQUENCE, f"1 到 {MAX_SEQUENCE} 之间的整数 / an integer from 1 to "
                            f"{MAX_SEQUENCE}")
    if meta.get(K_COMPLETE):
        sf.complete = {"是": True, "否": False}.get(meta[K_COMPLETE])
        if sf.complete is None:
            bad(K_COMPLETE, "是 / 否")


_DIGITS = re.compile(r"[0-9]{1,10}")


def bounded_int(text: str, low: int, high: int) -> int | None:
    """`text` as an integer from `low` to `high`, written in ASCII digits only (no sign,
    no full-width digits, no 1_000); None otherwise."""
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def check_against_rubric(score_file: ScoreFile, rubric: Rubric,
                         allowed: dict[str, frozenset[float]] | None = None) -> list[Problem]:
    """Values and indicator codes of a file that the rubric does not allow. `allowed`:
    `allowed_values(rubric)`, if the caller checks many files."""
    problems: list[Problem] = []
    file = score_file.path.name
    maxima = {i.code: i.max_points for i in rubric.indicators}
    allowed = allowed_values(rubric) if allowed is None else allowed
    valid = rubric.is_valid_value
    for code, indicator, value in score_file.rows:
        maximum = maxima.get(indicator)
        if maximum is None:
            problems.append(Problem("scorefile.alliance_unknown_indicator", {
                "alliance": code, "code": indicator}, file=file,
                sheet=SCORES_SHEET, column=indicator))
        elif value in allowed.get(indicator, ()):
            continue
        elif not valid(indicator, value):
            problems.append(Problem("scorefile.alliance_bad_value", {
                "alliance": code, "value": format_value(value),
                "code": indicator, "max": format_value(maximum),
                "step": format_value(rubric.step)}, file=file, sheet=SCORES_SHEET,
                column=indicator))
    return problems


def allowed_values(rubric: Rubric) -> dict[str, frozenset[float]]:
    """Each indicator's valid values 0, step, 2 x step ... max, as `Rubric.is_valid_value`
    judges them: a set look-up per score instead of a call (1.2 million at XL). A value
    not in its set still goes through `is_valid_value`, so the answer is the same."""
    step = rubric.step
    out: dict[str, frozenset[float]] = {}
    for ind in rubric.indicators:
        count = round(ind.max_points / step)
        if count > 10_000:
            continue
        out[ind.code] = frozenset(k * step for k in range(count + 1)
                                  if rubric.is_valid_value(ind.code, k * step))
    return out
