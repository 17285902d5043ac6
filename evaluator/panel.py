"""The expert panel of a year: experts, their roles and groups, and conflicts of interest.

Most experts are secretaries-general of alliances that are themselves evaluated (report
二.1, annex 1), so each expert's organisation is matched to the registry and a conflict of
interest is recorded for that alliance; more conflicts can be declared by hand, with a
reason. An expert never scores an alliance he or she is conflicted with (assignments.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.errors import EvaluatorError, ImportRefused, Problem
from evaluator.progress import NullProgress, Progress, check
from evaluator.registry import NameIndex, get_alliance, normalize_name
from evaluator.workspace import Workspace, now_iso

ROLES = ("advisor", "leader", "deputy_leader", "member")
ROLE_LABELS_ZH = {"advisor": "顾问", "leader": "组长", "deputy_leader": "副组长", "member": "成员"}
ROLE_LABELS_EN = {"advisor": "Advisor", "leader": "Leader", "deputy_leader": "Deputy leader",
                  "member": "Member"}
# Annex 1 heads its roles 顾问 / 组长 / 副组长 / 成员; files written by hand vary a little.
_ROLE_WORDS = {
    "顾问": "advisor", "专家组顾问": "advisor",
    "组长": "leader", "专家组组长": "leader",
    "副组长": "deputy_leader", "专家组副组长": "deputy_leader",
    "成员": "member", "组员": "member", "专家": "member", "专家组成员": "member",
    "deputy": "deputy_leader", "deputyleader": "deputy_leader",
}

NO_PROGRESS: Progress = NullProgress()

PANEL_COLUMNS = ("角色", "姓名", "单位", "职务", "分组")
REQUIRED_COLUMNS = ("角色", "姓名", "单位", "职务")
# English headers (as in the annex CSVs of ../shared/reference) read as the Chinese ones.
_HEADER_ALIASES = {
    "role": "角色", "name": "姓名", "alliance": "单位", "organisation": "单位",
    "organization": "单位", "title": "职务", "group": "分组", "工作单位": "单位",
    "所在联盟": "单位", "联盟": "单位", "职称": "职务", "组别": "分组",
}

messages.register({
    "panel.bad_role": {
        "zh": "角色“{value}”无法识别（应为 顾问、组长、副组长 或 成员）",
        "en": "Role '{value}' is not recognised (expected advisor, leader, deputy leader or "
        "member: 顾问、组长、副组长、成员)",
    },
    "panel.empty_name": {"zh": "姓名为空", "en": "The name is empty"},
    "panel.advisor_not_in_group": {
        "zh": "{name} 是顾问专家，不参加分组评审，“分组”应留空",
        "en": "{name} is an advisor and scores in no group; leave 分组 empty",
    },
    "panel.duplicate_name": {
        "zh": "专家“{name}”在文件中出现了两次（另见第 {other_row} 行）",
        "en": "Expert '{name}' appears twice in the file (see also row {other_row})",
    },
    "panel.expert_exists": {
        "zh": "{year} 年度已有专家“{name}”",
        "en": "Expert '{name}' already exists for {year}",
    },
    "panel.unknown_expert": {
        "zh": "{year} 年度没有专家“{name}”",
        "en": "There is no expert '{name}' for {year}",
    },
    "panel.unknown_expert_id": {
        "zh": "专家编号 {id} 不存在", "en": "Expert id {id} does not exist",
    },
    "panel.unknown_group": {
        "zh": "分组编号 {id} 不存在", "en": "Group id {id} does not exist",
    },
    "panel.group_year": {
        "zh": "分组“{group}”属于 {group_year} 年度，专家“{name}”属于 {year} 年度",
        "en": "Group '{group}' belongs to {group_year}, expert '{name}' to {year}",
    },
    "panel.empty_group_name": {"zh": "分组名称为空", "en": "The group name is empty"},
    "panel.leader_without_group": {
        "zh": "专家“{name}”尚未分组，不能担任组长",
        "en": "Expert '{name}' is in no group, so cannot lead one",
    },
    "panel.reason_required": {
        "zh": "申报回避必须写明理由",
        "en": "A declared conflict of interest needs a reason",
    },
    "panel.conflict_exists": {
        "zh": "专家“{name}”与联盟 {code}（{alliance}）已登记回避：{reason}",
        "en": "Expert '{name}' already has a conflict with alliance {code} ({alliance}): "
        "{reason}",
    },
    "panel.unknown_conflict": {
        "zh": "回避记录 {id} 不存在", "en": "Conflict record {id} does not exist",
    },
    "panel.conflict_not_declared": {
        "zh": "回避记录 {id} 来自专家所在单位（{reason}），不能删除；请修改专家的单位",
        "en": "Conflict {id} comes from the expert's organisation ({reason}) and cannot be "
        "removed; change the expert's organisation instead",
    },
    "panel.conflict_has_scores": {
        "zh": "专家“{name}”已为联盟 {code} 评分（{round}），请先处理这些评分再登记回避",
        "en": "Expert '{name}' has already scored alliance {code} ({round}); deal with "
        "those scores before declaring the conflict",
    },
    "panel.affiliation_reason": {
        "zh": "本人所在单位：{organisation}",
        "en": "Own organisation: {organisation}",
    },
    "panel.no_rows": {
        "zh": "文件中没有专家", "en": "The file lists no experts",
    },
    "panel.unmatched_organisation": {
        "zh": "专家“{name}”的单位“{organisation}”不在联盟名录中，未登记回避；如为参评联盟请在名录中添加别名",
        "en": "The organisation '{organisation}' of expert '{name}' is not in the registry, "
        "so no conflict was recorded; add an alias if it is an evaluated alliance",
    },
    "panel.similar_match": {
        "zh": "专家“{name}”的单位“{organisation}”按相近名称匹配到联盟 {code}（{alliance}），已登记回避，请核对",
        "en": "The organisation '{organisation}' of expert '{name}' was matched by a similar "
        "name to alliance {code} ({alliance}); a conflict was recorded, please check",
        },
})


@dataclass(frozen=True)
class Expert:
    id: int
    year: int
    name: str
    role: str
    organisation: str
    title: str
    alliance_id: int | None
    alliance_code: str | None
    group_id: int | None
    group_name: str | None
    is_group_leader: bool
    sort: int

    @property
    def scores(self) -> bool:
        """The advisor (评价顾问, annex 1) scores only when the secretariat puts him or her
        in a group; forming groups automatically leaves the advisor out."""
        return self.role != "advisor" or self.group_id is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "year": self.year, "name": self.name, "role": self.role,
            "role_label": ROLE_LABELS_ZH[self.role], "organisation": self.organisation,
            "title": self.title, "alliance_id": self.alliance_id,
            "alliance_code": self.alliance_code, "group_id": self.group_id,
            "group_name": self.group_name, "is_group_leader": self.is_group_leader,
        }


@dataclass(frozen=True)
class Group:
    id: int
    year: int
    name: str
    sort: int
    members: int
    leader_id: int | None
    leader_name: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "year": self.year, "name": self.name, "sort": self.sort,
                "members": self.members, "leader_id": self.leader_id,
                "leader_name": self.leader_name}


@dataclass(frozen=True)
class Conflict:
    id: int
    expert_id: int
    expert_name: str
    alliance_id: int
    alliance_code: str
    alliance_name: str
    source: str  # 'affiliation' or 'declared'
    reason: str
    created_at: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "expert_id": self.expert_id, "expert_name": self.expert_name,
                "alliance_id": self.alliance_id, "alliance_code": self.alliance_code,
                "alliance_name": self.alliance_name, "source": self.source,
                "reason": self.reason, "created_at": self.created_at}


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


# -- names and roles -------------------------------------------------------------------

def normalize_person_name(name: str) -> str:
    """Annex 1 pads two-character names with a space (王 荣 for 王荣)."""
    return normalize_name(name)


def parse_role(value: Any) -> str | None:
    """'advisor'/'顾问' ... to the stored role, or None when not recognised."""
    text = normalize_name(str(value or "")).lower().replace("_", "").replace("-", "")
    for role in ROLES:
        if text == role.replace("_", ""):
            return role
    return _ROLE_WORDS.get(text)


def role_label(role: str, lang: str | None = None) -> str:
    lang = lang or messages.current_language()
    return (ROLE_LABELS_ZH if lang == "zh" else ROLE_LABELS_EN).get(role, role)


# -- experts -------------------------------------------------------------------------------

_EXPERT_SQL = (
    "SELECT e.*, a.code AS alliance_code, g.name AS group_name FROM experts e"
    " LEFT JOIN alliances a ON a.id = e.alliance_id"
    " LEFT JOIN expert_groups g ON g.id = e.group_id")

_ROLE_ORDER = "CASE e.role WHEN 'advisor' THEN 0 WHEN 'leader' THEN 1" \
    " WHEN 'deputy_leader' THEN 2 ELSE 3 END"


def _expert_from_row(row: dict[str, Any]) -> Expert:
    return Expert(id=row["id"], year=row["year"], name=row["name"], role=row["role"],
                  organisation=row["organisation"], title=row["title"],
                  alliance_id=row["alliance_id"], alliance_code=row["alliance_code"],
                  group_id=row["group_id"], group_name=row["group_name"],
                  is_group_leader=bool(row["is_group_leader"]), sort=row["sort"])


def list_experts(ws: Workspace, year: int | None = None) -> list[Expert]:
    """The panel in annex-1 order: advisor, leader, deputies, members, each in file order."""
    year = ws.require_year(year)
    rows = ws.db.query(f"{_EXPERT_SQL} WHERE e.year = ? ORDER BY {_ROLE_ORDER}, e.sort, e.id",
                       [year])
    return [_expert_from_row(r) for r in rows]


def get_expert(ws: Workspace, expert_id: int) -> Expert:
    rows = list(ws.db.query(f"{_EXPERT_SQL} WHERE e.id = ?", [expert_id]))
    if not rows:
        raise EvaluatorError(Problem("panel.unknown_expert_id", {"id": expert_id}))
    return _expert_from_row(rows[0])


def find_expert_by_name(ws: Workspace, year: int | None, name: str) -> Expert | None:
    year = ws.require_year(year)
    rows = list(ws.db.query(f"{_EXPERT_SQL} WHERE e.year = ? AND e.name = ?",
                            [year, normalize_person_name(name)]))
    return _expert_from_row(rows[0]) if rows else None


def get_expert_by_name(ws: Workspace, year: int | None, name: str) -> Expert:
    year = ws.require_year(year)
    expert = find_expert_by_name(ws, year, name)
    if expert is None:
        raise EvaluatorError(Problem("panel.unknown_expert", {"year": year, "name": name}))
    return expert


def secret_key(ws: Workspace, expert_id: int) -> str:
    """The expert's first-release HMAC key ('' for experts added since Ed25519 signing:
    their keys are made with each package, evaluator.packages)."""
    row = ws.db.execute("SELECT secret_key FROM experts WHERE id = ?", (expert_id,)).fetchone()
    if row is None:
        raise EvaluatorError(Problem("panel.unknown_expert_id", {"id": expert_id}))
    return str(row[0])


def add_expert(ws: Workspace, year: int | None, name: str, role: str,
               organisation: str = "", title: str = "", group: str | int | None = None,
               *, index: NameIndex | None = None) -> int:
    """Add one expert; the organisation is matched to the registry and recorded as a conflict."""
    year = ws.require_year(year)
    name = normalize_person_name(name)
    parsed = parse_role(role)
    problems = []
    if not name:
        problems.append(Problem("panel.empty_name"))
    if parsed is None:
        problems.append(Problem("panel.bad_role", {"value": role}))
    elif find_expert_by_name(ws, year, name) is not None:
        problems.append(Problem("panel.expert_exists", {"year": year, "name": name}))
    if problems:
        raise EvaluatorError(problems)
    assert parsed is not None
    index = index or NameIndex(ws)
    match = index.match(organisation)
    alliance_id = match.alliance.id if match.alliance else None
    with ws.transaction():
        sort = int(ws.db.execute("SELECT coalesce(max(sort), -1) + 1 FROM experts WHERE year = ?",
                                 (year,)).fetchone()[0])
        group_id = _group_id(ws, year, group)
        row = {"year": year, "name": name, "role": parsed,
               "organisation": organisation.strip(), "title": title.strip(),
               "alliance_id": alliance_id, "group_id": group_id, "is_group_leader": 0,
               "secret_key": "", "sort": sort}
        expert_id = int(ws.db.table("experts").insert(row).last_pk)  # type: ignore[arg-type]
        ws.audit("create", "expert", f"{year}:{name}", None,
                 {k: v for k, v in row.items() if k != "secret_key"})
        if alliance_id is not None:
            _record_affiliation(ws, expert_id, alliance_id, organisation)
    return expert_id


def _group_id(ws: Workspace, year: int, group: str | int | None) -> int | None:
    if group is None or group == "":
        return None
    if isinstance(group, int):
        return group
    return ensure_group(ws, year, group)


def _record_affiliation(ws: Workspace, expert_id: int, alliance_id: int,
                        organisation: str) -> None:
    """The conflict from the expert's own organisation (replacing any earlier one)."""
    old = ws.db.execute("SELECT id, alliance_id, source FROM conflicts WHERE expert_id = ?"
                        " AND alliance_id = ?", (expert_id, alliance_id)).fetchone()
    reason = messages.text("panel.affiliation_reason", "zh", organisation=organisation.strip())
    if old is not None:
        if old[2] == "affiliation":
            return
        ws.db.execute("DELETE FROM conflicts WHERE id = ?", (old[0],))
    ws.db.table("conflicts").insert({
        "expert_id": expert_id, "alliance_id": alliance_id, "source": "affiliation",
        "reason": reason, "created_at": now_iso()})
    ws.audit("create", "conflict", f"{expert_id}:{alliance_id}", None,
             {"source": "affiliation", "reason": reason})
    _drop_assignments(ws, expert_id, alliance_id)


def update_expert(ws: Workspace, expert_id: int, *, role: str | None = None,
                  organisation: str | None = None, title: str | None = None,
                  index: NameIndex | None = None) -> bool:
    """Change role, organisation or title; a new organisation moves the affiliation conflict."""
    expert = get_expert(ws, expert_id)
    new_role = expert.role if role is None else parse_role(role)
    if new_role is None:
        raise EvaluatorError(Problem("panel.bad_role", {"value": role}))
    new_org = expert.organisation if organisation is None else organisation.strip()
    new_title = expert.title if title is None else title.strip()
    if (new_role, new_org, new_title) == (expert.role, expert.organisation, expert.title):
        return False
    alliance_id = expert.alliance_id
    if new_org != expert.organisation:
        match = (index or NameIndex(ws)).match(new_org)
        alliance_id = match.alliance.id if match.alliance else None
    with ws.transaction():
        ws.db.execute("UPDATE experts SET role = ?, organisation = ?, title = ?, alliance_id = ?"
                      " WHERE id = ?", (new_role, new_org, new_title, alliance_id, expert_id))
        if new_role == "advisor" and expert.group_id is not None:
            ws.db.execute("UPDATE experts SET group_id = NULL, is_group_leader = 0 WHERE id = ?",
                          (expert_id,))
        ws.audit("update", "expert", f"{expert.year}:{expert.name}",
                 {"role": expert.role, "organisation": expert.organisation,
                  "title": expert.title, "alliance_id": expert.alliance_id},
                 {"role": new_role, "organisation": new_org, "title": new_title,
                  "alliance_id": alliance_id})
        if alliance_id != expert.alliance_id:
            for cid, aid in ws.db.execute(
                    "SELECT id, alliance_id FROM conflicts WHERE expert_id = ?"
                    " AND source = 'affiliation'", (expert_id,)).fetchall():
                ws.db.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
                ws.audit("delete", "conflict", f"{expert_id}:{aid}", {"source": "affiliation"},
                         None)
            if alliance_id is not None:
                _record_affiliation(ws, expert_id, alliance_id, new_org)
    return True


# -- groups --------------------------------------------------------------------------------

def ensure_group(ws: Workspace, year: int | None, name: str) -> int:
    """The id of the year's group called `name`, created if missing."""
    year = ws.require_year(year)
    name = " ".join(str(name).split())
    if not name:
        raise EvaluatorError(Problem("panel.empty_group_name"))
    row = ws.db.execute("SELECT id FROM expert_groups WHERE year = ? AND name = ?",
                        (year, name)).fetchone()
    if row:
        return int(row[0])
    with ws.transaction():
        sort = int(ws.db.execute(
            "SELECT coalesce(max(sort), -1) + 1 FROM expert_groups WHERE year = ?",
            (year,)).fetchone()[0])
        gid = int(ws.db.table("expert_groups").insert(  # type: ignore[arg-type]
            {"year": year, "name": name, "sort": sort}).last_pk)
        ws.audit("create", "expert_group", f"{year}:{name}", None, {"sort": sort})
    return gid


def list_groups(ws: Workspace, year: int | None = None) -> list[Group]:
    year = ws.require_year(year)
    rows = ws.db.query(
        "SELECT g.*, (SELECT count(*) FROM experts e WHERE e.group_id = g.id) AS members,"
        " (SELECT e.id FROM experts e WHERE e.group_id = g.id AND e.is_group_leader = 1)"
        "   AS leader_id,"
        " (SELECT e.name FROM experts e WHERE e.group_id = g.id AND e.is_group_leader = 1)"
        "   AS leader_name"
        " FROM expert_groups g WHERE g.year = ? ORDER BY g.sort, g.id", [year])
    return [Group(id=r["id"], year=r["year"], name=r["name"], sort=r["sort"],
                  members=r["members"], leader_id=r["leader_id"],
                  leader_name=r["leader_name"]) for r in rows]


def get_group(ws: Workspace, group_id: int) -> Group:
    row = ws.db.execute("SELECT year FROM expert_groups WHERE id = ?", (group_id,)).fetchone()
    if row is None:
        raise EvaluatorError(Problem("panel.unknown_group", {"id": group_id}))
    return next(g for g in list_groups(ws, row[0]) if g.id == group_id)


def set_expert_group(ws: Workspace, expert_id: int, group_id: int | None) -> None:
    """Move an expert to a group (None: out of every group). Leading is lost on a move."""
    expert = get_expert(ws, expert_id)
    if group_id is not None:
        group = get_group(ws, group_id)
        if group.year != expert.year:
            raise EvaluatorError(Problem("panel.group_year", {
                "group": group.name, "group_year": group.year, "name": expert.name,
                "year": expert.year}))
    if group_id == expert.group_id:
        return
    with ws.transaction():
        ws.db.execute("UPDATE experts SET group_id = ?, is_group_leader = 0 WHERE id = ?",
                      (group_id, expert_id))
        ws.audit("update", "expert.group", f"{expert.year}:{expert.name}",
                 expert.group_name, None if group_id is None else get_group(ws, group_id).name)


def set_group_leader(ws: Workspace, expert_id: int) -> None:
    """Make the expert the leader of his or her group (the previous leader steps down)."""
    expert = get_expert(ws, expert_id)
    if expert.group_id is None:
        raise EvaluatorError(Problem("panel.leader_without_group", {"name": expert.name}))
    if expert.is_group_leader:
        return
    with ws.transaction():
        old = ws.db.execute("SELECT name FROM experts WHERE group_id = ? AND is_group_leader = 1",
                            (expert.group_id,)).fetchone()
        ws.db.execute("UPDATE experts SET is_group_leader = (id = ?) WHERE group_id = ?",
                      (expert_id, expert.group_id))
        ws.audit("update", "expert_group.leader", f"{expert.year}:{expert.group_name}",
                 old[0] if old else None, expert.name)


def clear_group_leader(ws: Workspace, group_id: int) -> None:
    """The group has no leader any more (undoes making someone leader of a group that had
    none)."""
    group = get_group(ws, group_id)
    old = ws.db.execute("SELECT name FROM experts WHERE group_id = ? AND is_group_leader = 1",
                        (group_id,)).fetchone()
    if old is None:
        return
    with ws.transaction():
        ws.db.execute("UPDATE experts SET is_group_leader = 0 WHERE group_id = ?", (group_id,))
        ws.audit("update", "expert_group.leader", f"{group.year}:{group.name}", old[0], None)


def remove_empty_groups(ws: Workspace, year: int | None = None) -> list[str]:
    """Delete the year's groups that have no members and no assignments."""
    year = ws.require_year(year)
    removed = []
    with ws.transaction():
        for gid, name in ws.db.execute(
                "SELECT id, name FROM expert_groups g WHERE year = ? AND NOT EXISTS"
                " (SELECT 1 FROM experts e WHERE e.group_id = g.id) AND NOT EXISTS"
                " (SELECT 1 FROM assignments a WHERE a.group_id = g.id)", (year,)).fetchall():
            ws.db.execute("DELETE FROM expert_groups WHERE id = ?", (gid,))
            ws.audit("delete", "expert_group", f"{year}:{name}", {"id": gid}, None)
            removed.append(name)
    return removed


# -- conflicts of interest ----------------------------------------------------------------------

_CONFLICT_SQL = (
    "SELECT c.*, e.name AS expert_name, a.code AS alliance_code, a.name AS alliance_name"
    " FROM conflicts c JOIN experts e ON e.id = c.expert_id"
    " JOIN alliances a ON a.id = c.alliance_id")


def _conflict_from_row(r: dict[str, Any]) -> Conflict:
    return Conflict(id=r["id"], expert_id=r["expert_id"], expert_name=r["expert_name"],
                    alliance_id=r["alliance_id"], alliance_code=r["alliance_code"],
                    alliance_name=r["alliance_name"], source=r["source"], reason=r["reason"],
                    created_at=r["created_at"])


def conflicts(ws: Workspace, year: int | None = None) -> list[Conflict]:
    year = ws.require_year(year)
    rows = ws.db.query(f"{_CONFLICT_SQL} WHERE e.year = ? ORDER BY e.sort, a.code", [year])
    return [_conflict_from_row(r) for r in rows]


def conflict_for(ws: Workspace, expert_id: int, alliance_id: int) -> Conflict | None:
    rows = list(ws.db.query(f"{_CONFLICT_SQL} WHERE c.expert_id = ? AND c.alliance_id = ?",
                            [expert_id, alliance_id]))
    return _conflict_from_row(rows[0]) if rows else None


def has_conflict(ws: Workspace, expert_id: int, alliance_id: int) -> bool:
    return ws.db.execute("SELECT 1 FROM conflicts WHERE expert_id = ? AND alliance_id = ?",
                         (expert_id, alliance_id)).fetchone() is not None


def declare_conflict(ws: Workspace, expert_id: int, alliance_id: int, reason: str) -> int:
    """Record a declared conflict; the expert's assignments to that alliance are withdrawn.

    Refused when the expert has already scored the alliance: those scores need a decision
    first (they are not deleted silently).
    """
    reason = (reason or "").strip()
    if not reason:
        raise EvaluatorError(Problem("panel.reason_required"))
    expert = get_expert(ws, expert_id)
    alliance = get_alliance(ws, alliance_id)
    existing = conflict_for(ws, expert_id, alliance_id)
    if existing is not None:
        raise EvaluatorError(Problem("panel.conflict_exists", {
            "name": expert.name, "code": alliance.code, "alliance": alliance.name,
            "reason": existing.reason}))
    scored = ws.db.execute("SELECT DISTINCT round FROM scores WHERE expert_id = ?"
                           " AND alliance_id = ?", (expert_id, alliance_id)).fetchall()
    if scored:
        raise EvaluatorError(Problem("panel.conflict_has_scores", {
            "name": expert.name, "code": alliance.code,
            "round": ", ".join(r[0] for r in scored)}))
    with ws.transaction():
        cid = int(ws.db.table("conflicts").insert({  # type: ignore[arg-type]
            "expert_id": expert_id, "alliance_id": alliance_id, "source": "declared",
            "reason": reason, "created_at": now_iso()}).last_pk)
        ws.audit("create", "conflict", f"{expert.name}:{alliance.code}", None,
                 {"source": "declared", "reason": reason})
        _drop_assignments(ws, expert_id, alliance_id)
    return cid


def remove_conflict(ws: Workspace, conflict_id: int) -> None:
    """Withdraw a declared conflict (affiliation conflicts follow the organisation)."""
    rows = list(ws.db.query(f"{_CONFLICT_SQL} WHERE c.id = ?", [conflict_id]))
    if not rows:
        raise EvaluatorError(Problem("panel.unknown_conflict", {"id": conflict_id}))
    conflict = _conflict_from_row(rows[0])
    if conflict.source != "declared":
        raise EvaluatorError(Problem("panel.conflict_not_declared",
                                     {"id": conflict_id, "reason": conflict.reason}))
    with ws.transaction():
        ws.db.execute("DELETE FROM conflicts WHERE id = ?", (conflict_id,))
        ws.audit("delete", "conflict", f"{conflict.expert_name}:{conflict.alliance_code}",
                 {"source": "declared", "reason": conflict.reason}, None)


def _drop_assignments(ws: Workspace, expert_id: int, alliance_id: int) -> None:
    for aid, rnd in ws.db.execute("SELECT id, round FROM assignments WHERE expert_id = ?"
                                  " AND alliance_id = ?", (expert_id, alliance_id)).fetchall():
        ws.db.execute("DELETE FROM assignments WHERE id = ?", (aid,))
        ws.audit("delete", "assignment", f"{rnd}:{expert_id}:{alliance_id}",
                 {"reason": "conflict"}, None)


# -- import -----------------------------------------------------------------------------------

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
    from evaluator.reading import cell_text, read_tables, table_from_sheet

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


def lead_groups_by_rank(ws: Workspace, year: int | None = None) -> None:
    """Give each leaderless group a leader: its highest-ranking member (leader, deputy, ...)."""
    year = ws.require_year(year)
    by_group: dict[int, list[Expert]] = {}
    for expert in list_experts(ws, year):
        if expert.group_id is not None:
            by_group.setdefault(expert.group_id, []).append(expert)
    for members in by_group.values():
        if not any(m.is_group_leader for m in members):
            set_group_leader(ws, members[0].id)  # list_experts orders by rank


def _with_chinese_headers(sheet: Any) -> Any:
    """The sheet with English or variant headers renamed to 角色/姓名/单位/职务/分组."""
    from evaluator.reading import Sheet, normalize_header

    if not sheet.rows:
        return sheet
    header_row, cells = sheet.rows[0]
    renamed = []
    for cell in cells:
        key = normalize_header(cell)
        renamed.append(_HEADER_ALIASES.get(key.lower(), _HEADER_ALIASES.get(key, cell)))
    return Sheet(sheet.name, [(header_row, renamed), *sheet.rows[1:]])
