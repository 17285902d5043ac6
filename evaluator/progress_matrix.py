"""Who has sent what: experts x assigned alliances for one round, and the chase list.

A cell is 'received' (complete scores from the expert's current file), 'partial' (some
indicators), 'superseded' (only an older, superseded file had it) or 'missing'.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from evaluator import messages
from evaluator.merge_checks import stored_signed_text
from evaluator.rounds import round_label
from evaluator.workspace import Workspace

messages.register({
    "progress_matrix.head": {
        "zh": "{round}：{received}/{cells} 份评分已收到，{experts} 位专家中 {done} 位已交齐",
        "en": "{round}: {received}/{cells} score sets received; {done} of {experts} experts "
              "complete",
    },
    "progress_matrix.expert": {
        "zh": "{name}：已收 {received}/{assigned}，最新导出 {sequence}；待交：{missing}",
        "en": "{name}: {received}/{assigned} received, latest export {sequence}; "
              "still missing: {missing}",
    },
})


@dataclass(frozen=True)
class Cell:
    alliance_id: int
    code: str
    status: str  # 'received' | 'partial' | 'superseded' | 'missing'


@dataclass
class ExpertRow:
    expert_id: int
    name: str
    group: str
    cells: list[Cell] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def missing(self) -> list[Cell]:
        return [c for c in self.cells if c.status != "received"]

    @property
    def latest_sequence(self) -> int | None:
        seqs = [f["sequence"] for f in self.files if f["status"] == "accepted"]
        return max(seqs) if seqs else None


@dataclass
class ProgressMatrix:
    year: int
    round: str
    experts: list[ExpertRow]

    @property
    def alliances(self) -> list[tuple[int, str]]:
        seen: dict[int, str] = {}
        for e in self.experts:
            for c in e.cells:
                seen.setdefault(c.alliance_id, c.code)
        return sorted(seen.items(), key=lambda kv: kv[1])

    def chase_list(self) -> dict[str, list[str]]:
        """Expert name -> codes still to be sent."""
        return {e.name: [c.code for c in e.missing] for e in self.experts if e.missing}

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "round": self.round,
                "experts": [{"expert_id": e.expert_id, "name": e.name, "group": e.group,
                             "latest_sequence": e.latest_sequence, "files": e.files,
                             "cells": [asdict(c) for c in e.cells]} for e in self.experts],
                "chase_list": self.chase_list()}

    def lines(self) -> list[str]:
        cells = sum(len(e.cells) for e in self.experts)
        received = sum(1 for e in self.experts for c in e.cells if c.status == "received")
        out = [messages.text("progress_matrix.head", round=round_label(self.round),
                             received=received, cells=cells, experts=len(self.experts),
                             done=sum(1 for e in self.experts if not e.missing))]
        for e in self.experts:
            out.append(messages.text(
                "progress_matrix.expert", name=e.name,
                received=len(e.cells) - len(e.missing), assigned=len(e.cells),
                sequence=e.latest_sequence if e.latest_sequence is not None else "—",
                missing="、".join(f"{c.code}({c.status})" for c in e.missing) or "—"))
        return out


def progress_matrix(ws: Workspace, year: int | None, round: str) -> ProgressMatrix:
    year = ws.require_year(year)
    n_codes = len(ws.rubric(year).codes)
    experts = list(ws.db.query(
        "SELECT e.id, e.name, COALESCE(g.name, '') AS grp FROM experts e"
        " LEFT JOIN expert_groups g ON g.id = e.group_id"
        " WHERE e.year = ? AND e.id IN (SELECT expert_id FROM assignments"
        " WHERE year = ? AND round = ?) ORDER BY g.sort, g.name, e.sort, e.id",
        [year, year, round]))
    counts = {(r[0], r[1]): r[2] for r in ws.db.execute(
        "SELECT expert_id, alliance_id, COUNT(*) FROM scores WHERE year = ? AND round = ?"
        " GROUP BY expert_id, alliance_id", (year, round))}
    files: dict[int, list[dict[str, Any]]] = {}
    superseded_codes: dict[int, set[str]] = {}
    for row in ws.db.query(
            "SELECT id, expert_id, sequence, status, file_name, signed, received_at,"
            " content_json FROM score_files WHERE year = ? AND round = ? ORDER BY sequence",
            [year, round]):
        content = row.pop("content_json")
        files.setdefault(row["expert_id"], []).append(row)
        if row["status"] == "superseded" and content:
            codes = set(stored_signed_text(content)[2])
            superseded_codes.setdefault(row["expert_id"], set()).update(codes)
    rows: list[ExpertRow] = []
    for e in experts:
        er = ExpertRow(e["id"], e["name"], e["grp"], files=files.get(e["id"], []))
        for aid, code in ws.db.execute(
                "SELECT a.id, a.code FROM assignments s JOIN alliances a ON a.id = s.alliance_id"
                " WHERE s.year = ? AND s.round = ? AND s.expert_id = ? ORDER BY a.code",
                (year, round, e["id"])):
            n = counts.get((e["id"], aid), 0)
            if n >= n_codes:
                status = "received"
            elif n:
                status = "partial"
            elif code in superseded_codes.get(e["id"], set()):
                status = "superseded"
            else:
                status = "missing"
            er.cells.append(Cell(aid, code, status))
        rows.append(er)
    return ProgressMatrix(year, round, rows)
