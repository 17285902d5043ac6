"""The alliance registry: stable ids, codes, batches, names and former names.

Codes (annex 2's note): three digits, the first is the batch, the next two the order in the
approval document; a leading `d` marks a network member (网员联盟). Names are matched
after NFKC normalisation (full-width brackets, spaces); former names and former codes are
aliases, so `110` (annex 3) finds the alliance registered as `109` (annex 2).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

CODE_RE = re.compile(r"^(?:[123]\d\d|d\d\d\d?)$")

# Endings that vary between the report's annexes for the same alliance
# (e.g. 汽车轻量化产业技术创新战略联盟 / 汽车轻量化技术创新战略联盟,
# 集成电路封测产业技术创新战略联盟 / 集成电路封测产业链技术创新战略联盟).
_NAME_ENDINGS = (
    "产业链技术创新战略联盟", "产业技术创新战略联盟", "技术创新战略联盟", "产业技术创新联盟",
    "技术创新产学研联盟", "产业技术创新战略盟", "技术创新战略盟", "创新战略联盟", "战略联盟",
    "联盟",
)

messages.register(
    {
        "registry.bad_code": {
            "zh": "联盟代码“{code}”格式不对，应为三位数字（首位为批次 1-3）或 d 开头的网员联盟代码",
            "en": "Alliance code '{code}' is malformed: expected three digits (first digit the "
            "batch, 1-3) or a network-member code starting with d",
        },
        "registry.unknown_batch": {
            "zh": "批次“{batch}”不存在（应为 1、2、3 或 d）",
            "en": "Batch '{batch}' does not exist (expected 1, 2, 3 or d)",
        },
        "registry.batch_mismatch": {
            "zh": "联盟代码 {code} 表示批次 {derived}，但填写的批次是 {given}",
            "en": "Code {code} means batch {derived}, but the batch given is {given}",
        },
        "registry.duplicate_code": {
            "zh": "联盟代码 {code} 已被“{name}”使用",
            "en": "Alliance code {code} is already used by '{name}'",
        },
        "registry.unknown_code": {
            "zh": "联盟代码 {code} 不在联盟名录中",
            "en": "Alliance code {code} is not in the registry",
        },
    }
)


@dataclass(frozen=True)
class Alliance:
    id: int
    code: str
    batch_id: str
    name: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Alliance:
        return cls(id=row["id"], code=row["code"], batch_id=row["batch_id"], name=row["name"])


@dataclass(frozen=True)
class NameMatch:
    """How a name found in a file relates to the registry."""

    alliance: Alliance | None
    how: str  # "exact", "alias", "similar" (same core name: a suggestion), "none"


def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    return re.sub(r"\s+", "", text)


def core_name(name: str) -> str:
    text = normalize_name(name)
    for ending in _NAME_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def normalize_code(code: Any) -> str:
    """Codes arrive as text or numbers from spreadsheets (109, 109.0, ' D106 ')."""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return unicodedata.normalize("NFKC", str(code if code is not None else "")).strip().lower()


def batch_of_code(code: str) -> str | None:
    code = normalize_code(code)
    if not CODE_RE.match(code):
        return None
    return "d" if code.startswith("d") else code[0]


def add_alliance(ws: Workspace, code: str, name: str, batch_id: str | None = None,
                 former_names: list[str] | tuple[str, ...] = (),
                 former_codes: list[str] | tuple[str, ...] = ()) -> Alliance:
    code = normalize_code(code)
    derived = batch_of_code(code)
    if derived is None:
        raise EvaluatorError(Problem("registry.bad_code", {"code": code}))
    batch_id = batch_id or derived
    if batch_id != derived:
        raise EvaluatorError(Problem("registry.batch_mismatch",
                                     {"code": code, "derived": derived, "given": batch_id}))
    existing = find_by_code(ws, code)
    if existing is not None:
        raise EvaluatorError(Problem("registry.duplicate_code",
                                     {"code": code, "name": existing.name}))
    with ws.transaction():
        row = {"code": code, "batch_id": batch_id, "name": name.strip(), "created_at": now_iso()}
        aid = ws.db.table("alliances").insert(row).last_pk
        for alias in former_names:
            add_alias(ws, int(aid), "name", alias)  # type: ignore[arg-type]
        for alias in former_codes:
            add_alias(ws, int(aid), "code", alias)  # type: ignore[arg-type]
        ws.audit("create", "alliance", code, None, row)
    return Alliance(id=int(aid), code=code, batch_id=batch_id, name=row["name"])  # type: ignore[arg-type]


def add_alias(ws: Workspace, alliance_id: int, kind: str, alias: str, note: str = "") -> None:
    alias = normalize_code(alias) if kind == "code" else alias.strip()
    if not alias:
        return
    existing = ws.db.execute("SELECT alliance_id FROM alliance_aliases WHERE kind=? AND alias=?",
                             (kind, alias)).fetchone()
    if existing:
        return
    ws.db.table("alliance_aliases").insert({"alliance_id": alliance_id, "kind": kind,
                                      "alias": alias, "note": note})
    ws.audit("create", "alliance_alias", f"{alliance_id}:{kind}", None, alias)


def list_alliances(ws: Workspace) -> list[Alliance]:
    rows = ws.db.query(
        "SELECT a.* FROM alliances a JOIN batches b ON b.id = a.batch_id"
        " ORDER BY b.sort, a.code")
    return [Alliance.from_row(r) for r in rows]


def get_alliance(ws: Workspace, alliance_id: int) -> Alliance:
    row = next(ws.db.query("SELECT * FROM alliances WHERE id = ?", [alliance_id]))
    return Alliance.from_row(row)


def aliases(ws: Workspace, alliance_id: int, kind: str = "name") -> list[str]:
    return [r[0] for r in ws.db.execute(
        "SELECT alias FROM alliance_aliases WHERE alliance_id = ? AND kind = ? ORDER BY id",
        (alliance_id, kind))]


def find_by_code(ws: Workspace, code: Any) -> Alliance | None:
    """By current code, else by a former code."""
    code = normalize_code(code)
    rows = list(ws.db.query("SELECT * FROM alliances WHERE code = ?", [code]))
    if not rows:
        rows = list(ws.db.query(
            "SELECT a.* FROM alliances a JOIN alliance_aliases x ON x.alliance_id = a.id"
            " WHERE x.kind = 'code' AND x.alias = ?", [code]))
    return Alliance.from_row(rows[0]) if rows else None


class NameIndex:
    """All registry names, normalised, for matching many names quickly."""

    def __init__(self, ws: Workspace) -> None:
        self.by_name: dict[str, Alliance] = {}
        self.by_alias: dict[str, Alliance] = {}
        self.by_core: dict[str, list[Alliance]] = {}
        self.by_id: dict[int, Alliance] = {}
        for alliance in list_alliances(ws):
            self.by_id[alliance.id] = alliance
            self.by_name[normalize_name(alliance.name)] = alliance
            self.by_core.setdefault(core_name(alliance.name), []).append(alliance)
        for alliance_id, alias in ws.db.execute(
                "SELECT alliance_id, alias FROM alliance_aliases WHERE kind = 'name'"):
            alliance = self.by_id[alliance_id]
            self.by_alias[normalize_name(alias)] = alliance
            self.by_core.setdefault(core_name(alias), []).append(alliance)

    def match(self, name: str) -> NameMatch:
        key = normalize_name(name)
        if not key:
            return NameMatch(None, "none")
        if key in self.by_name:
            return NameMatch(self.by_name[key], "exact")
        if key in self.by_alias:
            return NameMatch(self.by_alias[key], "alias")
        candidates = {a.id: a for a in self.by_core.get(core_name(name), [])}
        if len(candidates) == 1:
            return NameMatch(next(iter(candidates.values())), "similar")
        return NameMatch(None, "none")


def match_name(ws: Workspace, name: str) -> NameMatch:
    return NameIndex(ws).match(name)
