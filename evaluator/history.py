"""Past years' published results, and the rules that look across years.

A history file holds one year's annex 2: 联盟代码, 联盟名称, 评分 (empty for the inactive
alliances, whose scores are not published) and 活跃度. Codes are resolved through the
registry, former codes included (半导体照明 is 109 in annex 2 and 110 in annex 3).
A-level (report 五): the high band in N consecutive years; stalled (report 七): registry
alliances that took part in none of the last N years.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.bands import BAND_NAMES, BAND_SHORT, BANDS
from evaluator.consensus import band_of
from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import Table, cell_text, is_blank, number_from_cell, shown_value
from evaluator.reading import read_tables, table_from_sheet
from evaluator.registry import Alliance, NameIndex, find_by_code, list_alliances, normalize_code
from evaluator.results import ResultRow, results_for_year
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

COLUMNS = ("联盟代码", "联盟名称", "评分", "活跃度")
# Annex 2 as transcribed in ../shared/reference (rank, alliance, code, score, band).
ENGLISH_COLUMNS = {"code": "联盟代码", "alliance": "联盟名称", "score": "评分", "band": "活跃度"}

messages.register({
    "history.unknown_code": {
        "zh": "联盟代码“{found}”不在联盟名录中（名称：{name}）",
        "en": "Alliance code '{found}' is not in the registry (name: {name})",
    },
    "history.missing_code": {
        "zh": "缺少联盟代码", "en": "The alliance code is missing",
    },
    "history.code_changed": {
        "zh": "联盟代码 {found} 是“{name}”的原代码，已按现代码 {current} 记录",
        "en": "Code {found} is a former code of '{name}'; recorded under its current code "
        "{current}",
    },
    "history.name_differs": {
        "zh": "代码 {found_code} 在名录中是“{registered}”，文件中的名称是“{found}”",
        "en": "Code {found_code} is '{registered}' in the registry, the file says '{found}'",
    },
    "history.bad_score": {
        "zh": "评分“{value}”不是 0 到 100 之间的数",
        "en": "Score '{value}' is not a number from 0 to 100",
    },
    "history.bad_band": {
        "zh": "活跃度“{value}”无法识别，应为 高、较高、一般 或 不活跃",
        "en": "Band '{value}' is not recognised: expected 高, 较高, 一般 or 不活跃",
    },
    "history.band_required": {
        "zh": "评分为空时必须填写活跃度",
        "en": "The band is required when the score is empty",
    },
    "history.band_mismatch": {
        "zh": "评分 {score} 属于“{expected}”，但活跃度填的是“{value}”",
        "en": "Score {score} falls in band '{expected}', but the band given is '{value}'",
    },
    "history.duplicate": {
        "zh": "联盟“{name}”（{found}）在第 {first} 行已出现",
        "en": "Alliance '{name}' ({found}) already appears in row {first}",
    },
    "history.empty": {"zh": "文件中没有结果行", "en": "The file holds no result rows"},
    "history.year_is_current": {
        "zh": "{year} 年度在本工作区中已有评分，不能用历史结果覆盖",
        "en": "Year {year} is scored in this workspace; history cannot replace it",
    },
    "history.missing_past": {
        "zh": "尚未导入 {years} 年度结果", "en": "the results of {years} are not imported",
    },
    "history.missing_current": {
        "zh": "{year} 年度尚无评价结果", "en": "{year} has no results yet",
    },
    "history.cannot_judge": {
        "zh": "{missing}，无法判定{what}：请在「评价结果 → 历年结果」导入往年结果",
        "en": "{missing}, so {what} cannot be judged: import past years under "
        "Results → Past years",
    },
    "history.imported": {
        "zh": "已导入 {year} 年度历史结果：{count} 家联盟（新增 {created} 家，更新 {updated} 家，"
        "未变 {unchanged} 家，移除 {removed} 家）",
        "en": "Imported the {year} results: {count} alliances ({created} added, {updated} "
        "updated, {unchanged} unchanged, {removed} removed)",
    },
})

_BAND_WORDS: dict[str, str] = {}
for _band in BANDS:
    for _word in (_band, BAND_SHORT[_band], BAND_NAMES[_band], f"活跃度{BAND_SHORT[_band]}",
                  _band.replace("_", " "), _band.replace("_", "-")):
        _BAND_WORDS[_word.lower()] = _band
_BAND_WORDS["不活跃度"] = "inactive"


@dataclass(frozen=True)
class HistoryImport:
    year: int
    count: int
    warnings: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0  # stored for the year, absent from the file


def parse_band(value: Any) -> str | None:
    return _BAND_WORDS.get("".join(cell_text(value).split()).lower())


def _read_history_table(path: Path, problems: list[Problem]) -> Table | None:
    sheets = read_tables(path)
    sheet = next(iter(sheets.values()))
    if sheet.rows:
        header_row, cells = sheet.rows[0]
        renamed = [ENGLISH_COLUMNS.get(cell_text(c).strip().lower(), c) for c in cells]
        sheet = type(sheet)(sheet.name, [(header_row, renamed), *sheet.rows[1:]])
    return table_from_sheet(sheet, required=("联盟代码", "活跃度"), file=path.name,
                            problems=problems)


def import_history(ws: Workspace, path: Path | str, year: int) -> HistoryImport:
    """Replace `year`'s history results by the file's rows; all problems at once."""
    path = Path(path)
    problems: list[Problem] = []
    if ws.count("scores", "year = ?", (year,)):
        raise EvaluatorError(Problem("history.year_is_current", {"year": year}))
    table = _read_history_table(path, problems)
    if table is None:
        raise EvaluatorError(problems)
    names = NameIndex(ws)
    rows: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    for record in table.records:
        raw_code = record.get("联盟代码")
        name = cell_text(record.get("联盟名称"))
        at = _Where(path.name, table.name, record.row)
        alliance: Alliance | None = None
        if is_blank(raw_code):
            problems.append(at.problem("history.missing_code", {}, "联盟代码"))
        else:
            code = normalize_code(raw_code)
            alliance = find_by_code(ws, code)
            if alliance is None:
                problems.append(at.problem("history.unknown_code",
                                           {"found": code, "name": name}, "联盟代码"))
            else:
                if alliance.code != code:
                    problems.append(at.problem("history.code_changed", {
                        "found": code, "name": alliance.name, "current": alliance.code},
                        "联盟代码", warning=True))
                match = names.match(name) if name else None
                if match is not None and match.alliance is not None \
                        and match.alliance.id != alliance.id:
                    problems.append(at.problem("history.name_differs", {
                        "found_code": code, "registered": alliance.name, "found": name},
                        "联盟名称", warning=True))
                if alliance.id in seen:
                    problems.append(at.problem("history.duplicate", {
                        "name": alliance.name, "found": code, "first": seen[alliance.id]},
                        "联盟代码"))
                else:
                    seen[alliance.id] = record.row
        score = _parse_score(record.get("评分"), problems, at)
        raw_band = record.get("活跃度")
        band = parse_band(raw_band) if not is_blank(raw_band) else None
        if not is_blank(raw_band) and band is None:
            problems.append(at.problem("history.bad_band", {"value": cell_text(raw_band)},
                                       "活跃度"))
        elif band is None and score is None and is_blank(record.get("评分")):
            problems.append(at.problem("history.band_required", {}, "活跃度"))
        if score is not None:
            expected = band_of(score, ws)
            if band is not None and band != expected:
                problems.append(at.problem("history.band_mismatch", {
                    "score": score, "expected": BAND_NAMES[expected],
                    "value": cell_text(raw_band)}, "活跃度"))
            band = expected
        if alliance is not None and band is not None:
            rows.append({"year": year, "alliance_id": alliance.id, "score": score,
                         "band": band, "source": "history",
                         "code_as_published": normalize_code(raw_code),
                         "name_as_published": name or None})
    if not table.records:
        problems.append(Problem("history.empty", {}, file=path.name, sheet=table.name))
    if any(p.severity == "error" for p in problems):
        raise EvaluatorError(problems)
    recorded = now_iso()
    fields = ("score", "band", "code_as_published", "name_as_published")
    stored = {int(r["alliance_id"]): {f: r[f] for f in fields} for r in ws.db.query(
        "SELECT * FROM results WHERE year = ? AND source = 'history'", [year])}
    given = {int(r["alliance_id"]): {f: r[f] for f in fields} for r in rows}
    created = [a for a in given if a not in stored]
    changed = [a for a in given if a in stored and stored[a] != given[a]]
    removed = [a for a in stored if a not in given]
    report = HistoryImport(year, len(rows), [p for p in problems if p.severity == "warning"],
                           created=len(created), updated=len(changed),
                           unchanged=len(given) - len(created) - len(changed),
                           removed=len(removed))
    created_ids = set(created)
    if created or changed or removed:
        backup_workspace(ws, "history-import")  # no backup for an import changing nothing
    with ws.transaction():
        codes = dict(ws.db.execute("SELECT id, code FROM alliances").fetchall())
        for alliance_id in removed:
            ws.db.execute("DELETE FROM results WHERE year = ? AND source = 'history'"
                          " AND alliance_id = ?", (year, alliance_id))
            ws.audit("delete", "history_result", f"{year}:{codes.get(alliance_id)}",
                     stored[alliance_id], None)
        for alliance_id in changed:
            ws.db.execute(
                "UPDATE results SET score = ?, band = ?, code_as_published = ?,"
                " name_as_published = ?, recorded_at = ? WHERE year = ?"
                " AND source = 'history' AND alliance_id = ?",
                (*(given[alliance_id][f] for f in fields), recorded, year, alliance_id))
            ws.audit("update", "history_result", f"{year}:{codes.get(alliance_id)}",
                     stored[alliance_id], given[alliance_id])
        ws.db.table("results").insert_all([{**r, "recorded_at": recorded} for r in rows
                                           if int(r["alliance_id"]) in created_ids])
        ws.audit("import", "history", str(year), {"rows": len(stored)} if stored else None,
                 {"file": path.name, "rows": len(rows), "created": report.created,
                  "updated": report.updated, "unchanged": report.unchanged,
                  "removed": report.removed, "warnings": [p.as_dict() for p in problems]})
    return report


@dataclass(frozen=True)
class _Where:
    file: str
    sheet: str
    row: int

    def problem(self, code: str, params: dict[str, Any], column: str,
                warning: bool = False) -> Problem:
        return Problem(code, params, file=self.file, sheet=self.sheet, row=self.row,
                       column=column, severity="warning" if warning else "error")


def _parse_score(value: Any, problems: list[Problem], at: _Where) -> int | None:
    if is_blank(value):
        return None
    found = number_from_cell(value)
    number = -1.0 if found is None else found
    if not (0 <= number <= 100) or not number.is_integer():
        problems.append(at.problem("history.bad_score", {"value": shown_value(value)}, "评分"))
        return None
    return int(number)


def years_with_results(ws: Workspace) -> list[int]:
    years = {r[0] for r in ws.db.execute("SELECT DISTINCT year FROM results")}
    return sorted(years | set(ws.years()))


@dataclass(frozen=True)
class ALevelRow:
    seq: int
    alliance_id: int
    code: str
    name: str
    batch_id: str
    scores: dict[int, int | None]  # year -> published score (None where not published)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _by_alliance(rows: list[ResultRow]) -> dict[int, ResultRow]:
    return {r.alliance_id: r for r in rows}


def _results_of(ws: Workspace, y: int, year: int,
                results: list[ResultRow] | None) -> list[ResultRow]:
    """`results_for_year(ws, y)`, taken from `results` (the caller's, for `year`) when
    given: the live computation reads every score of the year."""
    return results if results is not None and y == year else results_for_year(ws, y)


def window_years(ws: Workspace, year: int, setting: str) -> list[int]:
    n = int(ws.setting(setting))
    return list(range(year - n + 1, year + 1))


def missing_years(ws: Workspace, year: int, setting: str,
                  results: list[ResultRow] | None = None) -> list[int]:
    """The years of the rule's window (`history.a_level_years` or `history.stalled_years`)
    for which the workspace holds no results: the rule cannot be judged until they are
    imported (评价结果 → 历年结果) or, for `year` itself, scored."""
    return [y for y in window_years(ws, year, setting)
            if not _results_of(ws, y, year, results)]


def missing_text(ws: Workspace, year: int, missing: list[int], what: str,
                 lang: str | None = None) -> str:
    """Why a rule over several years cannot be judged, and how to fix it."""
    past = [y for y in missing if y != year]
    parts = []
    if past:
        parts.append(messages.text("history.missing_past", lang,
                                   years="、".join(str(y) for y in past) if (
                                       lang or messages.current_language()) == "zh"
                                   else ", ".join(str(y) for y in past)))
    if year in missing:
        parts.append(messages.text("history.missing_current", lang, year=year))
    return messages.text("history.cannot_judge", lang, missing="；".join(parts)
                         if (lang or messages.current_language()) == "zh"
                         else "; ".join(parts), what=what)


def a_level(ws: Workspace, year: int,
            results: list[ResultRow] | None = None) -> list[ALevelRow]:
    """Alliances in the high band in each of the N years ending at `year` (annex 3 order:
    by code). Empty while a year of the window has no results (`missing_years`).
    `results`: `results_for_year(ws, year)` if the caller has it already."""
    years = window_years(ws, year, "history.a_level_years")
    per_year = {y: _by_alliance(_results_of(ws, y, year, results)) for y in years}
    if not all(per_year.values()):
        return []
    registry = {a.id: a for a in list_alliances(ws)}
    chosen = [aid for aid in per_year[year]
              if all(aid in per_year[y] and per_year[y][aid].band == "high" for y in years)]
    chosen.sort(key=lambda aid: (_batch_sort(registry[aid].batch_id), registry[aid].code))
    return [ALevelRow(seq=i + 1, alliance_id=aid, code=registry[aid].code,
                      name=registry[aid].name, batch_id=registry[aid].batch_id,
                      scores={y: per_year[y][aid].score for y in years})
            for i, aid in enumerate(chosen)]


def _batch_sort(batch_id: str) -> int:
    return {"1": 0, "2": 1, "3": 2, "d": 3}.get(batch_id, 9)


def stalled(ws: Workspace, year: int,
            results: list[ResultRow] | None = None) -> list[Alliance]:
    """Registry alliances absent from the results (any source) of each of the N years
    ending at `year` (report 七: 11 alliances absent 2016-2018). Not submitting this year
    is not enough: empty while a year of the window has no results (`missing_years`).
    `results`: as for `a_level`."""
    per_year = [_results_of(ws, y, year, results)
                for y in window_years(ws, year, "history.stalled_years")]
    if not all(per_year):
        return []
    took_part = {r.alliance_id for rows in per_year for r in rows}
    return [a for a in list_alliances(ws) if a.id not in took_part]


def history_years(ws: Workspace) -> list[dict[str, Any]]:
    """The years whose results were imported: count, when, by whom, from which file."""
    years = []
    for year, count, recorded in ws.db.execute(
            "SELECT year, count(*), max(recorded_at) FROM results WHERE source = 'history'"
            " GROUP BY year ORDER BY year DESC").fetchall():
        entry = ws.db.execute(
            "SELECT actor, at, json_extract(new_json, '$.file'),"
            " json_extract(new_json, '$.source') FROM audit_log"
            " WHERE action = 'import' AND entity = 'history' AND (entity_key = ?"
            " OR (entity_key LIKE '%-%' AND substr(entity_key, 1, 4) <= ?"
            " AND substr(entity_key, 6, 4) >= ?)) ORDER BY id DESC LIMIT 1",
            (str(year), str(year), str(year))).fetchone()
        years.append({"year": int(year), "alliances": int(count),
                      "recorded_at": entry[1] if entry else recorded,
                      "by": entry[0] if entry else None,
                      "file": (entry[2] or entry[3]) if entry else None})
    return years
