"""Plenary decisions (复核会评): accept the consensus or set a final score, with a reason.

Scores from before the plenary are never touched (method.md, "Process rules"): a decision
is a row of its own; a later decision on the same alliance supersedes the earlier one
through `superseded_by`, so the whole history stays readable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.consensus import consensus_table
from evaluator.errors import EvaluatorError, Problem
from evaluator.workspace import Workspace, now_iso

messages.register({
    "plenary.no_reason": {
        "zh": "复核会评决定必须填写理由",
        "en": "A plenary decision needs a reason",
    },
    "plenary.bad_score": {
        "zh": "最终得分 {score} 超出范围，应在 0 到 {max} 之间",
        "en": "Final score {score} is out of range; expected 0 to {max}",
    },
    "plenary.no_scores": {
        "zh": "联盟 {code} 还没有完整的专家评分，无法采纳共识分",
        "en": "Alliance {code} has no complete expert scores yet; there is no consensus to accept",
    },
    "plenary.unknown_alliance": {
        "zh": "联盟 {code} 不在联盟名录中",
        "en": "Alliance {code} is not in the registry",
    },
})


@dataclass(frozen=True)
class Decision:
    id: int
    year: int
    alliance_id: int
    decision: str  # 'accept' | 'override'
    score: float
    consensus_before: float | None
    reason: str
    decided_by: str
    decided_at: str
    superseded_by: int | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Decision:
        return cls(**{k: row[k] for k in cls.__dataclass_fields__})

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def decide(ws: Workspace, year: int | None, alliance_id: int, score: float | None,
           reason: str, decided_by: str | None = None) -> Decision:
    """Record a decision; `score=None` accepts the consensus as it stands now."""
    year = ws.require_year(year)
    code_row = ws.db.execute("SELECT code FROM alliances WHERE id = ?",
                             (alliance_id,)).fetchone()
    if code_row is None:
        raise EvaluatorError(Problem("plenary.unknown_alliance", {"code": alliance_id}))
    code = code_row[0]
    problems: list[Problem] = []
    if not reason or not reason.strip():
        problems.append(Problem("plenary.no_reason"))
    consensus = consensus_table(ws, year).get(alliance_id)
    max_total = ws.rubric(year).max_total
    if score is None and consensus is None:
        problems.append(Problem("plenary.no_scores", {"code": code}))
    if score is not None and not 0 <= score <= max_total:
        problems.append(Problem("plenary.bad_score", {"score": score, "max": max_total}))
    if problems:
        raise EvaluatorError(problems)
    final = float(score) if score is not None else consensus.consensus  # type: ignore[union-attr]
    backup_workspace(ws, "plenary")
    row = {"year": year, "alliance_id": alliance_id,
           "decision": "accept" if score is None else "override", "score": final,
           "consensus_before": consensus.consensus if consensus else None,
           "reason": reason.strip(), "decided_by": decided_by or ws.actor,
           "decided_at": now_iso(), "superseded_by": None}
    with ws.transaction():
        previous = current_decision(ws, year, alliance_id)
        new_id = int(ws.db.table("plenary_decisions").insert(row).last_pk)  # type: ignore[arg-type]
        if previous is not None:
            ws.db.execute("UPDATE plenary_decisions SET superseded_by = ? WHERE id = ?",
                          (new_id, previous.id))
        ws.audit("decide", "plenary_decision", code,
                 previous.as_dict() if previous else None, {**row, "id": new_id})
    return Decision(id=new_id, **row)  # type: ignore[arg-type]


def decisions(ws: Workspace, year: int | None = None, include_superseded: bool = True
              ) -> list[Decision]:
    year = ws.require_year(year)
    sql = "SELECT * FROM plenary_decisions WHERE year = ?"
    if not include_superseded:
        sql += " AND superseded_by IS NULL"
    return [Decision.from_row(r) for r in ws.db.query(sql + " ORDER BY id", [year])]


def last_chair(ws: Workspace, year: int | None) -> str | None:
    """Who chaired the year's last recorded decision (the plenary screen offers the name)."""
    row = ws.db.execute("SELECT decided_by FROM plenary_decisions WHERE year = ?"
                        " ORDER BY id DESC LIMIT 1", (year,)).fetchone()
    return None if row is None else str(row[0])


def current_decision(ws: Workspace, year: int | None, alliance_id: int) -> Decision | None:
    year = ws.require_year(year)
    rows = list(ws.db.query(
        "SELECT * FROM plenary_decisions WHERE year = ? AND alliance_id = ?"
        " AND superseded_by IS NULL ORDER BY id DESC LIMIT 1", [year, alliance_id]))
    return Decision.from_row(rows[0]) if rows else None
