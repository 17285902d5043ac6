"""The score files already merged for a year, as the merge screen lists them."""

from __future__ import annotations

from dataclasses import dataclass

from evaluator.workspace import Workspace


@dataclass(frozen=True)
class ReceivedFile:
    """A score file already merged for the year (a row of `score_files`)."""

    file_name: str
    expert: str
    round: str
    sequence: int
    signed: bool
    status: str  # 'accepted' | 'superseded'
    received_at: str
    sha256: str


def received_files(ws: Workspace, year: int | None) -> list[ReceivedFile]:
    """The year's merged score files, newest first."""
    rows = ws.db.execute(
        "SELECT f.file_name, e.name, f.round, f.sequence, f.signed, f.status,"
        " f.received_at, f.sha256 FROM score_files f JOIN experts e ON e.id = f.expert_id"
        " WHERE f.year = ? ORDER BY f.received_at DESC, f.round, e.name, f.sequence DESC",
        (year,)).fetchall()
    return [ReceivedFile(str(r[0]), str(r[1]), str(r[2]), int(r[3]), bool(r[4]), str(r[5]),
                         str(r[6]), str(r[7])) for r in rows]
