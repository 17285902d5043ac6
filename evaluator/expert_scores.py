"""What one expert scored in a round, read back from the workspace (the guide pictures
fill packages with it), and taking a round's scores back out of a copy of the demo."""

from __future__ import annotations

from evaluator.workspace import Workspace


def expert_scores(ws: Workspace, year: int, round_: str, expert_id: int
                  ) -> dict[str, list[tuple[str, float, str]]]:
    """Alliance code -> (indicator, value, comment) of what the expert scored."""
    out: dict[str, list[tuple[str, float, str]]] = {}
    for code, indicator, value, comment in ws.db.execute(
            "SELECT a.code, s.indicator_code, s.value, s.comment FROM scores s"
            " JOIN alliances a ON a.id = s.alliance_id WHERE s.year = ? AND s.round = ?"
            " AND s.expert_id = ? ORDER BY a.code, s.indicator_code",
            (year, round_, expert_id)):
        out.setdefault(str(code), []).append((str(indicator), float(value), comment or ""))
    return out


def withdraw_round(ws: Workspace, year: int, round_: str, expert_id: int) -> int:
    """Remove the expert's scores and score files of the round (a workspace as it stood
    before his file was merged: the guide's merge pictures); audited. Returns how many
    scores went."""
    with ws.transaction():
        key = (year, round_, expert_id)
        gone = ws.count("scores", "year = ? AND round = ? AND expert_id = ?", key)
        ws.db.execute("DELETE FROM score_sets WHERE year = ? AND round = ?"
                      " AND expert_id = ?", key)
        ws.db.execute("DELETE FROM score_files WHERE year = ? AND round = ?"
                      " AND expert_id = ?", key)
        ws.audit("delete", "scores", f"{year}/{round_}/{expert_id}", {"scores": gone}, None)
    return int(gone)
