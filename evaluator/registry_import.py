"""Import the alliance registry (联盟名录) from a workbook or CSV file.

Columns: 联盟代码, 联盟名称, 批次 (optional: derived from the code), 曾用名 (optional,
`;`-separated former names), 曾用代码 (optional, `;`-separated former codes, e.g. annex 3
prints 半导体照明 as 110 where annex 2 has 109). Re-importing updates alliances in place
(a changed name keeps the old one as a former name) and logs every change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.errors import ImportRefused, Problem
from evaluator.file_reading import cell_text
from evaluator.progress import NullProgress, Progress, check
from evaluator.reading import read_tables, table_from_sheet
from evaluator.registry import CODE_RE, batch_of_code, normalize_code, normalize_name
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

COL_CODE = "联盟代码"
COL_NAME = "联盟名称"
COL_BATCH = "批次"
COL_FORMER_NAMES = "曾用名"
COL_FORMER_CODES = "曾用代码"
REGISTRY_SHEET = "联盟名录"

BATCH_WORDS = {
    "1": "1", "一": "1", "第一批": "1", "2": "2", "二": "2", "第二批": "2",
    "3": "3", "三": "3", "第三批": "3", "d": "d", "网员": "d", "网员联盟": "d",
}
NO_PROGRESS: Progress = NullProgress()
ALIAS_SEPARATORS = re.compile(r"[;；]")

messages.register({
    "registry_import.empty_cell": {
        "zh": "“{column}”不能为空",
        "en": "'{column}' must not be empty",
    },
    "registry_import.bad_code": {
        "zh": "联盟代码“{value}”格式不对，应为三位数字（首位为批次 1-3）或 d 开头的网员联盟代码",
        "en": "Alliance code '{value}' is malformed: expected three digits (first digit the "
        "batch, 1-3) or a network-member code starting with d",
    },
    "registry_import.bad_batch": {
        "zh": "批次“{value}”无法识别，应为 1、2、3、d（或 第一批/第二批/第三批/网员联盟）",
        "en": "Batch '{value}' is not recognised: expected 1, 2, 3 or d",
    },
    "registry_import.batch_mismatch": {
        "zh": "联盟代码 {alliance} 表示批次 {derived}，但填写的批次是“{value}”",
        "en": "Code {alliance} means batch {derived}, but the batch given is '{value}'",
    },
    "registry_import.duplicate_code": {
        "zh": "联盟代码 {alliance} 重复（第 {first_row} 行已出现）",
        "en": "Alliance code {alliance} appears twice (first in row {first_row})",
    },
    "registry_import.duplicate_name": {
        "zh": "联盟名称“{name}”重复（第 {first_row} 行已出现）",
        "en": "Alliance name '{name}' appears twice (first in row {first_row})",
    },
    "registry_import.alias_conflict": {
        "zh": "“{alias}”同时属于联盟 {alliance} 和 {other}",
        "en": "'{alias}' belongs both to alliance {alliance} and to {other}",
    },
    "registry_import.no_rows": {
        "zh": "名录中没有任何联盟",
        "en": "The registry file lists no alliance",
    },
    "registry_import.done": {
        "zh": "联盟名录已导入：新增 {created} 家，更新 {updated} 家，未变 {unchanged} 家",
        "en": "Registry imported: {created} added, {updated} updated, {unchanged} unchanged",
    },
})


@dataclass(frozen=True)
class RegistryEntry:
    row: int
    code: str
    name: str
    batch_id: str
    former_names: tuple[str, ...]
    former_codes: tuple[str, ...]


@dataclass
class RegistryImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated,
                "unchanged": self.unchanged,
                "warnings": [w.as_dict() for w in self.warnings]}


def split_aliases(value: Any) -> tuple[str, ...]:
    return tuple(p.strip() for p in ALIAS_SEPARATORS.split(cell_text(value)) if p.strip())


def parse_registry(path: Path | str) -> list[RegistryEntry]:
    """Read and check a registry file; raise ImportRefused listing every problem."""
    path = Path(path)
    file = path.name
    sheets = read_tables(path)
    sheet = sheets.get(REGISTRY_SHEET) or next(iter(sheets.values()), None)
    problems: list[Problem] = []
    if sheet is None:
        raise ImportRefused(Problem("registry_import.no_rows", {}, file=file))
    table = table_from_sheet(sheet, required=(COL_CODE, COL_NAME), file=file,
                             problems=problems)
    if table is None:
        raise ImportRefused(problems)
    entries: list[RegistryEntry] = []
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    alias_owner: dict[tuple[str, str], str] = {}

    def where(row: int, column: str) -> dict[str, Any]:
        return {"file": file, "sheet": table.name, "row": row, "column": column}

    for record in table.records:
        row = record.row
        code = normalize_code(record.get(COL_CODE))
        name = cell_text(record.get(COL_NAME))
        bad = False
        if not code:
            problems.append(Problem("registry_import.empty_cell", {"column": COL_CODE},
                                    **where(row, COL_CODE)))
            bad = True
        elif not CODE_RE.match(code):
            problems.append(Problem("registry_import.bad_code",
                                    {"value": cell_text(record.get(COL_CODE))},
                                    **where(row, COL_CODE)))
            bad = True
        if not name:
            problems.append(Problem("registry_import.empty_cell", {"column": COL_NAME},
                                    **where(row, COL_NAME)))
            bad = True
        derived = batch_of_code(code) if not bad else None
        raw_batch = cell_text(record.get(COL_BATCH)).lower()
        batch_id = derived or ""
        if raw_batch:
            given = BATCH_WORDS.get(raw_batch)
            if given is None:
                problems.append(Problem("registry_import.bad_batch", {"value": raw_batch},
                                        **where(row, COL_BATCH)))
                bad = True
            elif derived is not None and given != derived:
                problems.append(Problem("registry_import.batch_mismatch",
                                        {"alliance": code, "derived": derived, "value": raw_batch},
                                        **where(row, COL_BATCH)))
                bad = True
        if code and code in codes:
            problems.append(Problem("registry_import.duplicate_code",
                                    {"alliance": code, "first_row": codes[code]},
                                    **where(row, COL_CODE)))
            bad = True
        key = normalize_name(name)
        if key and key in names:
            problems.append(Problem("registry_import.duplicate_name",
                                    {"name": name, "first_row": names[key]},
                                    **where(row, COL_NAME)))
            bad = True
        codes.setdefault(code, row)
        names.setdefault(key, row)
        former_names = split_aliases(record.get(COL_FORMER_NAMES))
        former_codes = tuple(normalize_code(c) for c in
                             split_aliases(record.get(COL_FORMER_CODES)))
        for kind, column, values in (("name", COL_FORMER_NAMES, former_names),
                                     ("code", COL_FORMER_CODES, former_codes)):
            for alias in values:
                akey = (kind, normalize_name(alias) if kind == "name" else alias)
                owner = alias_owner.get(akey)
                if owner is not None and owner != code:
                    problems.append(Problem("registry_import.alias_conflict",
                                            {"alias": alias, "alliance": code, "other": owner},
                                            **where(row, column)))
                    bad = True
                alias_owner[akey] = code
        if not bad:
            entries.append(RegistryEntry(row, code, name, batch_id, former_names,
                                         former_codes))
    # A former name or code may not be another alliance's current one.
    for entry in entries:
        for alias in entry.former_names:
            other = names.get(normalize_name(alias))
            if other is not None and other != entry.row:
                problems.append(Problem("registry_import.alias_conflict",
                                        {"alias": alias, "alliance": entry.code,
                                         "other": f"row {other}"},
                                        **where(entry.row, COL_FORMER_NAMES)))
        for alias in entry.former_codes:
            other = codes.get(alias)
            if other is not None and other != entry.row:
                problems.append(Problem("registry_import.alias_conflict",
                                        {"alias": alias, "alliance": entry.code,
                                         "other": f"row {other}"},
                                        **where(entry.row, COL_FORMER_CODES)))
    if not table.records:
        problems.append(Problem("registry_import.no_rows", {}, file=file, sheet=table.name))
    if problems:
        raise ImportRefused(problems)
    return entries


def import_registry(ws: Workspace, path: Path | str,
                    progress: Progress = NO_PROGRESS) -> RegistryImportReport:
    """Add or update the alliances listed in `path`, in one transaction."""
    entries = parse_registry(path)
    file = Path(path).name
    report = RegistryImportReport()
    existing = {r["code"]: r for r in ws.db.query("SELECT * FROM alliances")}
    alias_rows = {(r["kind"], r["alias"]): r["alliance_id"]
                  for r in ws.db.query("SELECT kind, alias, alliance_id FROM alliance_aliases")}
    id_by_code = {code: r["id"] for code, r in existing.items()}
    problems: list[Problem] = []
    for entry in entries:
        own = id_by_code.get(entry.code)
        for kind, values, column in (("name", entry.former_names, COL_FORMER_NAMES),
                                     ("code", entry.former_codes, COL_FORMER_CODES)):
            for alias in values:
                owner = alias_rows.get((kind, alias))
                if owner is not None and owner != own:
                    other = next((c for c, i in id_by_code.items() if i == owner), str(owner))
                    problems.append(Problem("registry_import.alias_conflict",
                                            {"alias": alias, "alliance": entry.code,
                                             "other": other},
                                            file=file, row=entry.row, column=column))
    if problems:
        raise ImportRefused(problems)
    total = len(entries)
    if any(_would_change(entry, existing.get(entry.code), alias_rows) for entry in entries):
        backup_workspace(ws, "registry-import")  # no backup for an import changing nothing
    with ws.transaction():
        for done, entry in enumerate(entries):
            if done % 50 == 0:
                check(progress)
                progress.report(done, total, entry.code)
            old = existing.get(entry.code)
            if old is None:
                row = {"code": entry.code, "batch_id": entry.batch_id, "name": entry.name,
                       "created_at": now_iso()}
                alliance_id = int(ws.db.table("alliances").insert(row).last_pk)  # type: ignore[arg-type]
                ws.audit("create", "alliance", entry.code, None,
                         {**row, "source_file": file})
                report.created += 1
                _add_aliases(ws, alliance_id, entry, alias_rows)
                continue
            alliance_id = int(old["id"])
            changes: dict[str, Any] = {}
            if old["name"] != entry.name:
                changes["name"] = entry.name
            if old["batch_id"] != entry.batch_id:
                changes["batch_id"] = entry.batch_id
            if changes:
                ws.db.table("alliances").update(alliance_id, changes)
                ws.audit("update", "alliance", entry.code,
                         {k: old[k] for k in changes}, {**changes, "source_file": file})
            if "name" in changes:
                # The name it had before is now a former name, so old files still match.
                key = ("name", str(old["name"]))
                if key not in alias_rows:
                    ws.db.table("alliance_aliases").insert({
                        "alliance_id": alliance_id, "kind": "name", "alias": old["name"],
                        "note": "renamed by registry import"})
                    alias_rows[key] = alliance_id
                    ws.audit("create", "alliance_alias", f"{alliance_id}:name", None,
                             old["name"])
            added = _add_aliases(ws, alliance_id, entry, alias_rows)
            if changes or added:
                report.updated += 1
            else:
                report.unchanged += 1
        ws.audit("import", "registry", file, None,
                 {"created": report.created, "updated": report.updated,
                  "unchanged": report.unchanged})
    progress.report(total, total, "")
    return report


def _would_change(entry: RegistryEntry, old: Any, alias_rows: dict[tuple[str, str], int]
                  ) -> bool:
    if old is None or old["name"] != entry.name or old["batch_id"] != entry.batch_id:
        return True
    return any((kind, alias) not in alias_rows and not (kind == "name" and alias == entry.name)
               for kind, values in (("name", entry.former_names), ("code", entry.former_codes))
               for alias in values)


def _add_aliases(ws: Workspace, alliance_id: int, entry: RegistryEntry,
                 alias_rows: dict[tuple[str, str], int]) -> int:
    added = 0
    for kind, values in (("name", entry.former_names), ("code", entry.former_codes)):
        for alias in values:
            if (kind, alias) in alias_rows or (kind == "name" and alias == entry.name):
                continue
            ws.db.table("alliance_aliases").insert({"alliance_id": alliance_id, "kind": kind,
                                                    "alias": alias, "note": ""})
            alias_rows[(kind, alias)] = alliance_id
            ws.audit("create", "alliance_alias", f"{alliance_id}:{kind}", None, alias)
            added += 1
    return added
