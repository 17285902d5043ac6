"""The panel file (annex 1: 角色, 姓名, 单位, 职务, 分组) imported into a year's panel.

Each expert's organisation is matched to the registry and a conflict of interest recorded
for that alliance; a group named in the file is created, and its highest-ranked member
leads it. A file with errors changes nothing; importing the same file again changes
nothing either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator.backups import backup_workspace
from evaluator.errors import ImportRefused, Problem
from evaluator.file_reading import Sheet, cell_text
from evaluator.panel import (
    NO_PROGRESS,
    add_expert,
    ensure_group,
    find_expert_by_name,
    get_expert,
    lead_groups_by_rank,
    list_experts,
    list_groups,
    normalize_person_name,
    parse_role,
    set_expert_group,
    update_expert,
)
from evaluator.progress import Progress, check
from evaluator.reading import normalize_header, read_tables, table_from_sheet
from evaluator.registry import NameIndex
from evaluator.workspace import Workspace

PANEL_COLUMNS = ("角色", "姓名", "单位", "职务", "分组")
REQUIRED_COLUMNS = ("角色", "姓名", "单位", "职务")
# English headers (as in the annex CSVs of ../shared/reference) read as the Chinese ones.
_HEADER_ALIASES = {
    "role": "角色", "name": "姓名", "alliance": "单位", "organisation": "单位",
    "organization": "单位", "title": "职务", "group": "分组", "工作单位": "单位",
    "所在联盟": "单位", "联盟": "单位", "职称": "职务", "组别": "分组",
}


@dataclass
class ImportReport:
    file: str
    year: int
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (expert name, organisation, alliance code, how matched)
    matched: list[tuple[str, str, str, str]] = field(default_factory=list)
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "year": self.year, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged,
            "matched": [{"name": n, "organisation": o, "code": c, "how": h}
                        for n, o, c, h in self.matched],
            "unmatched": [{"name": n, "organisation": o} for n, o in self.unmatched],
            "groups_created": self.groups_created,
            "warnings": [w.as_dict() for w in self.warnings],
        }


@dataclass(frozen=True)
class _PanelRow:
    row: int
    name: str
    role: str
    organisation: str
    title: str
    group: str | None


def import_panel(ws: Workspace, path: Path | str, year: int | None = None,
                 progress: Progress = NO_PROGRESS) -> ImportReport:
    """Read a panel file (角色, 姓名, 单位, 职务, 分组) and add or update its experts.

    Every problem is reported at once with its row and column; nothing is written when
    there is one. Experts already in the workspace (by name) are updated in place, so their
    keys and assignments survive a corrected file.
    """
    path = Path(path)
    year = ws.require_year(year)
    sheets = read_tables(path)
    sheet = next(iter(sheets.values()))
    sheet = _with_chinese_headers(sheet)
    problems: list[Problem] = []
    table = table_from_sheet(sheet, required=REQUIRED_COLUMNS, file=path.name,
                             problems=problems)
    if table is None:
        raise ImportRefused(problems)
    has_group = "分组" in table.columns
    rows: list[_PanelRow] = []
    seen: dict[str, int] = {}
    for record in table.records:
        where = {"file": path.name, "sheet": table.name, "row": record.row}
        raw_role = cell_text(record.get("角色"))
        role = parse_role(raw_role)
        if role is None:
            problems.append(Problem("panel.bad_role", {"value": raw_role}, column="角色",
                                    **where))  # type: ignore[arg-type]
        name = normalize_person_name(cell_text(record.get("姓名")))
        if not name:
            problems.append(Problem("panel.empty_name", {}, column="姓名",
                                    **where))  # type: ignore[arg-type]
        elif name in seen:
            problems.append(Problem("panel.duplicate_name",
                                    {"name": name, "other_row": seen[name]}, column="姓名",
                                    **where))  # type: ignore[arg-type]
        else:
            seen[name] = record.row
        group = cell_text(record.get("分组")) if has_group else ""
        if group and role == "advisor":
            problems.append(Problem("panel.advisor_not_in_group", {"name": name},
                                    column="分组", **where))  # type: ignore[arg-type]
        rows.append(_PanelRow(record.row, name, role or "member",
                              cell_text(record.get("单位")), cell_text(record.get("职务")),
                              " ".join(group.split()) or None))
    if not rows and not problems:
        problems.append(Problem("panel.no_rows", {}, file=path.name, sheet=table.name))
    if problems:
        raise ImportRefused(problems)

    report = ImportReport(file=path.name, year=year)
    index = NameIndex(ws)
    existing_groups = {g.name for g in list_groups(ws, year)}
    if _panel_would_change(ws, year, rows, has_group):
        backup_workspace(ws, "panel-import")  # no backup for an import changing nothing
    with ws.transaction():
        for i, item in enumerate(rows):
            check(progress)
            progress.report(i, len(rows), item.name)
            match = index.match(item.organisation)
            current = find_expert_by_name(ws, year, item.name)
            if current is None:
                expert_id = add_expert(ws, year, item.name, item.role, item.organisation,
                                       item.title, index=index)
                report.added.append(item.name)
            else:
                expert_id = current.id
                changed = update_expert(ws, expert_id, role=item.role,
                                        organisation=item.organisation, title=item.title,
                                        index=index)
                (report.updated if changed else report.unchanged).append(item.name)
            if has_group:
                group_id = ensure_group(ws, year, item.group) if item.group else None
                if item.group and item.group not in existing_groups:
                    existing_groups.add(item.group)
                    report.groups_created.append(item.group)
                before = get_expert(ws, expert_id).group_id
                set_expert_group(ws, expert_id, group_id)
                if before != group_id and item.name in report.unchanged:
                    report.unchanged.remove(item.name)
                    report.updated.append(item.name)
            if match.alliance is not None:
                report.matched.append((item.name, item.organisation, match.alliance.code,
                                       match.how))
                if match.how == "similar":
                    report.warnings.append(Problem("panel.similar_match", {
                        "name": item.name, "organisation": item.organisation,
                        "code": match.alliance.code, "alliance": match.alliance.name},
                        file=path.name, sheet=table.name, row=item.row, column="单位",
                        severity="warning"))
            elif item.organisation:
                report.unmatched.append((item.name, item.organisation))
                report.warnings.append(Problem("panel.unmatched_organisation", {
                    "name": item.name, "organisation": item.organisation},
                    file=path.name, sheet=table.name, row=item.row, column="单位",
                    severity="warning"))
        if has_group:
            lead_groups_by_rank(ws, year)
        ws.audit("import", "panel", path.name, None,
                 {"added": len(report.added), "updated": len(report.updated),
                  "unchanged": len(report.unchanged)})
    progress.report(len(rows), len(rows))
    return report


def _panel_would_change(ws: Workspace, year: int, rows: list[_PanelRow],
                        has_group: bool) -> bool:
    """Whether importing `rows` would write anything (an expert added or changed, a
    group created or changed, a leaderless group given its leader)."""
    for item in rows:
        current = find_expert_by_name(ws, year, item.name)
        if current is None:
            return True
        if (item.role, item.organisation.strip(), item.title.strip()) != (
                current.role, current.organisation, current.title):
            return True
        if has_group and (item.group or None) != current.group_name:
            return True
    if has_group:
        leaders: dict[int, bool] = {}
        for expert in list_experts(ws, year):
            if expert.group_id is not None:
                leaders[expert.group_id] = leaders.get(expert.group_id, False) \
                    or bool(expert.is_group_leader)
        if not all(leaders.values()):
            return True
    return False


def _with_chinese_headers(sheet: Any) -> Any:
    """The sheet with English or variant headers renamed to 角色/姓名/单位/职务/分组."""
    if not sheet.rows:
        return sheet
    header_row, cells = sheet.rows[0]
    renamed = []
    for cell in cells:
        key = normalize_header(cell)
        renamed.append(_HEADER_ALIASES.get(key.lower(), _HEADER_ALIASES.get(key, cell)))
    return Sheet(sheet.name, [(header_row, renamed), *sheet.rows[1:]])
