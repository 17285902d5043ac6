"""The year's experts as the screens list them: names in panel order, who is assigned in
a round, a group's members, and each expert's progress (scoring screen)."""

from __future__ import annotations

from dataclasses import dataclass, field

from evaluator.progress_matrix import progress_matrix
from evaluator.workspace import Workspace

ROUNDS = ("initial", "review")


def expert_names(ws: Workspace, year: int | None) -> dict[int, str]:
    """Expert id -> name, in panel order."""
    return {int(i): str(n) for i, n in ws.db.execute(
        "SELECT id, name FROM experts WHERE year = ? ORDER BY sort, id", (year,))}


def experts_assigned(ws: Workspace, year: int | None, round_: str) -> list[tuple[int, str]]:
    """(id, name) of the experts with assignments in `round_`, in panel order."""
    return [(int(i), str(n)) for i, n in ws.db.execute(
        "SELECT e.id, e.name FROM experts e WHERE e.year = ? AND EXISTS (SELECT 1 FROM"
        " assignments a WHERE a.expert_id = e.id AND a.round = ?) ORDER BY e.sort, e.id",
        (year, round_))]


def first_group(ws: Workspace, year: int | None) -> str | None:
    """The name of the year's first group, groups with a leader first."""
    row = ws.db.execute(
        "SELECT g.name FROM expert_groups g WHERE g.year = ? ORDER BY NOT EXISTS (SELECT 1"
        " FROM experts e WHERE e.group_id = g.id AND e.is_group_leader = 1), g.sort, g.id"
        " LIMIT 1", (year,)).fetchone()
    return None if row is None else str(row[0])


def group_members_assigned(ws: Workspace, year: int | None, round_: str, group: str
                           ) -> list[tuple[int, str]]:
    """(id, name) of the group's members with assignments in `round_`, in panel order."""
    return [(int(i), str(n)) for i, n in ws.db.execute(
        "SELECT DISTINCT e.id, e.name FROM assignments a JOIN experts e ON e.id = a.expert_id"
        " JOIN expert_groups g ON g.id = e.group_id WHERE a.year = ? AND a.round = ?"
        " AND g.name = ? ORDER BY e.sort, e.id", (year, round_, group))]


@dataclass(frozen=True)
class ExpertProgress:
    """An expert with (received, assigned) score sheets per round that has assignments."""

    expert_id: int
    name: str
    group: str
    sheets: dict[str, tuple[int, int]] = field(default_factory=dict)


def expert_progress(ws: Workspace, year: int) -> list[ExpertProgress]:
    """Each expert of the year with (received, assigned) score sheets per round."""
    rows: dict[int, ExpertProgress] = {}
    for expert_id, name, group in ws.db.execute(
            "SELECT e.id, e.name, COALESCE(g.name, '') FROM experts e"
            " LEFT JOIN expert_groups g ON g.id = e.group_id WHERE e.year = ?"
            " ORDER BY e.sort, e.id", (year,)):
        rows[int(expert_id)] = ExpertProgress(int(expert_id), str(name), str(group))
    for round_ in ROUNDS:
        for e in progress_matrix(ws, year, round_).experts:
            if e.expert_id in rows and e.cells:
                rows[e.expert_id].sheets[round_] = (len(e.cells) - len(e.missing), len(e.cells))
    return list(rows.values())
