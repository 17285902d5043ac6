"""The year's results: published score, band and rank per alliance (annex 2).

Published score (method.md): the current plenary decision where there is one, else the
consensus of the experts' totals; rounded half-up to an integer; the band is taken from
the published score. Ranking by score, ties by code (annex 2's order). A published
snapshot (`results` rows with source 'computed') freezes the year; imported history
(source 'history') stands in for years scored outside the product.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from evaluator import messages
from evaluator.consensus import (
    ROUNDS,
    Consensus,
    ScoreSet,
    band_classifier,
    consensus_table,
    published_score,
    score_sets,
)
from evaluator.errors import EvaluatorError, Problem
from evaluator.workspace import Workspace, now_iso

BANDS: tuple[str, ...] = ("high", "fairly_high", "average", "inactive")
BAND_NAMES: dict[str, str] = {
    "high": "活跃度高", "fairly_high": "活跃度较高", "average": "活跃度一般", "inactive": "不活跃",
}
BAND_NAMES_EN: dict[str, str] = {
    "high": "High", "fairly_high": "Fairly high", "average": "Average", "inactive": "Inactive",
}
# The short forms of a history file's 活跃度 column.
BAND_SHORT: dict[str, str] = {"high": "高", "fairly_high": "较高", "average": "一般",
                              "inactive": "不活跃"}

messages.register({
    "results.nothing": {
        "zh": "{year} 年度还没有可发布的结果（没有共识分，也没有复核会评决定）",
        "en": "Nothing to publish for {year}: no consensus scores and no plenary decisions",
    },
    "results.published": {
        "zh": "已发布 {year} 年度结果：{count} 家联盟",
        "en": "Published the {year} results: {count} alliances",
    },
})


@dataclass(frozen=True)
class ResultRow:
    rank: int
    alliance_id: int
    code: str
    name: str
    batch_id: str
    score: int | None
    band: str
    # 'plenary' | 'consensus' (live); 'published' (snapshot); 'history' (imported)
    source: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def consensus_scores(ws: Workspace, year: int,
                     sets: list[ScoreSet] | None = None) -> dict[int, float]:
    """Each scored alliance's consensus of the experts' totals (method.md)."""
    return {int(aid): float(c.consensus)
            for aid, c in consensus_table(ws, year, sets=sets).items()}


def current_plenary(ws: Workspace, year: int) -> dict[int, dict[str, Any]]:
    rows = ws.db.query(
        "SELECT * FROM plenary_decisions WHERE year = ? AND superseded_by IS NULL"
        " ORDER BY id", [year])
    return {int(r["alliance_id"]): r for r in rows}


def _alliances(ws: Workspace) -> dict[int, dict[str, Any]]:
    return {int(r["id"]): r for r in ws.db.query("SELECT * FROM alliances")}


def rank_rows(rows: list[dict[str, Any]]) -> list[ResultRow]:
    """Sort by band, score desc (unknown scores last within their band), then code."""
    def key(r: dict[str, Any]) -> tuple[int, float, str]:
        score = r["score"]
        return (BANDS.index(r["band"]), -(score if score is not None else -1), r["code"])

    ordered = sorted(rows, key=key)
    return [ResultRow(rank=i + 1, alliance_id=r["alliance_id"], code=r["code"],
                      name=r["name"], batch_id=r["batch_id"], score=r["score"],
                      band=r["band"], source=r["source"]) for i, r in enumerate(ordered)]


def compute_results(ws: Workspace, year: int,
                    sets: list[ScoreSet] | None = None) -> list[ResultRow]:
    """The live results: plenary decision else consensus, rounded half-up, ranked.
    `sets`: `consensus.score_sets(ws, year)` if the caller has them already."""
    alliances = _alliances(ws)
    band_of = band_classifier(ws)
    values: dict[int, tuple[float, str]] = {
        aid: (value, "consensus") for aid, value in consensus_scores(ws, year, sets).items()}
    for aid, decision in current_plenary(ws, year).items():
        values[aid] = (float(decision["score"]), "plenary")
    rows = []
    for aid, (value, source) in values.items():
        alliance = alliances[aid]
        score = published_score(value)
        rows.append({"alliance_id": aid, "code": alliance["code"], "name": alliance["name"],
                     "batch_id": alliance["batch_id"], "score": score,
                     "band": band_of(score), "source": source})
    return rank_rows(rows)


def stored_results(ws: Workspace, year: int, source: str) -> list[ResultRow]:
    """Rows of the `results` table ('computed' snapshot or 'history'), ranked."""
    rows = ws.db.query(
        "SELECT r.*, a.code, a.name, a.batch_id FROM results r"
        " JOIN alliances a ON a.id = r.alliance_id WHERE r.year = ? AND r.source = ?",
        [year, source])
    label = "published" if source == "computed" else "history"
    return rank_rows([{"alliance_id": r["alliance_id"], "code": r["code"], "name": r["name"],
                       "batch_id": r["batch_id"], "score": r["score"], "band": r["band"],
                       "source": label} for r in rows])


def results_for_year(ws: Workspace, year: int,
                     sets: list[ScoreSet] | None = None) -> list[ResultRow]:
    """The published snapshot if any, else the live computation, else imported history.
    `sets`: as for `compute_results`."""
    published = stored_results(ws, year, "computed")
    if published:
        return published
    live = compute_results(ws, year, sets) if year in ws.years() else []
    if live:
        return live
    return stored_results(ws, year, "history")


def publish_results(ws: Workspace, year: int) -> list[ResultRow]:
    """Freeze the live results of `year` into `results` (source 'computed'), audited."""
    year = ws.require_year(year)
    rows = compute_results(ws, year)
    if not rows:
        raise EvaluatorError(Problem("results.nothing", {"year": year}))
    old = [r.as_dict() for r in stored_results(ws, year, "computed")]
    recorded = now_iso()
    from evaluator.backups import backup_workspace

    backup_workspace(ws, "publish")  # publishing replaces the previous snapshot
    with ws.transaction():
        ws.db.execute("DELETE FROM results WHERE year = ? AND source = 'computed'", (year,))
        ws.db.table("results").insert_all([
            {"year": year, "alliance_id": r.alliance_id, "score": r.score, "band": r.band,
             "source": "computed", "code_as_published": r.code, "name_as_published": r.name,
             "recorded_at": recorded} for r in rows])
        ws.audit("publish", "results", str(year), old or None,
                 [{"code": r.code, "score": r.score, "band": r.band, "from": r.source}
                  for r in rows])
    return stored_results(ws, year, "computed")


# -- where a published score comes from (read-only queries for the trace view) -----------

@dataclass(frozen=True)
class ScoreFileRow:
    """A score file that holds some of an alliance's current scores."""

    id: int
    expert_id: int
    expert: str
    round: str
    sequence: int  # the expert's export number
    signed: bool
    status: str
    exported_at: str | None
    received_at: str
    file_name: str
    via_group_file: str | None  # the group leader's .evgroup it arrived in, if any
    sha256: str


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_key: str
    old: Any
    new: Any


def alliance_score_sets(ws: Workspace, year: int, alliance_id: int) -> list[ScoreSet]:
    """The complete score sets of one alliance, in `consensus.score_sets` order (by round,
    then expert); incomplete sets do not count, as there."""
    codes = ws.rubric(year).codes
    values: dict[tuple[str, int], dict[str, float]] = {}
    comments: dict[tuple[str, int], dict[str, str]] = {}
    for rnd, expert_id, code, value, comment in ws.db.execute(
            "SELECT round, expert_id, indicator_code, value, comment FROM scores"
            " WHERE year = ? AND alliance_id = ?", (year, alliance_id)):
        values.setdefault((rnd, expert_id), {})[code] = value
        if comment:
            comments.setdefault((rnd, expert_id), {})[code] = comment
    sets = [ScoreSet(rnd, expert_id, alliance_id, {c: vals[c] for c in codes},
                     comments.get((rnd, expert_id), {}))
            for (rnd, expert_id), vals in values.items() if all(c in vals for c in codes)]
    return sorted(sets, key=lambda s: (ROUNDS.index(s.round), s.expert_id))


def alliance_consensus(ws: Workspace, year: int, alliance_id: int,
                       leniency: dict[int, float] | None = None) -> Consensus | None:
    """`consensus_table(ws, year)[alliance_id]` without computing every alliance's.
    `leniency` (expert id -> points) as that table uses it; when not given it is computed
    from all the year's scores (the experts' leniency is a property of the whole year)."""
    if leniency is None:
        from evaluator.quality import leniency_by_expert

        leniency = leniency_by_expert(score_sets(ws, year))
    sets = alliance_score_sets(ws, year, alliance_id)
    return consensus_table(ws, year, leniency=leniency, sets=sets).get(alliance_id)


def score_files_for_alliance(ws: Workspace, year: int,
                             alliance_id: int) -> list[ScoreFileRow]:
    """The score files the alliance's current scores came from, by round then expert."""
    rows = ws.db.execute(
        "SELECT f.id, f.expert_id, e.name, f.round, f.sequence, f.signed, f.status,"
        " f.exported_at, f.received_at, f.file_name, f.via_group_file, f.sha256"
        " FROM score_files f JOIN experts e ON e.id = f.expert_id"
        " WHERE f.id IN (SELECT DISTINCT score_file_id FROM scores"
        "                WHERE year = ? AND alliance_id = ?)"
        " ORDER BY CASE f.round WHEN 'initial' THEN 0 ELSE 1 END, e.sort, e.id, f.sequence",
        (year, alliance_id)).fetchall()
    return [ScoreFileRow(int(r[0]), int(r[1]), str(r[2]), str(r[3]), int(r[4]), bool(r[5]),
                         str(r[6]), r[7], str(r[8]), str(r[9]), r[10], str(r[11]))
            for r in rows]


def stored_result(ws: Workspace, year: int, alliance_id: int,
                  source: str) -> dict[str, Any] | None:
    """The alliance's row of `results` ('computed' snapshot or 'history'), if any."""
    rows = list(ws.db.query(
        "SELECT * FROM results WHERE year = ? AND alliance_id = ? AND source = ?",
        [year, alliance_id, source]))
    return rows[0] if rows else None


def _covers(key: str, year: int) -> bool:
    """Whether an audit key names `year`: '2018' or a span such as '2016-2018'."""
    first, _, last = key.partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        return False
    return int(first) <= year <= int(last or first)


def audit_for_alliance(ws: Workspace, year: int, alliance_id: int) -> list[AuditRow]:
    """The audit entries behind an alliance's score of `year`, oldest first: plenary
    decisions on it, the merges of the score files its scores came from, score and
    history imports, and the publication of the year's results."""
    code_row = ws.db.execute("SELECT code FROM alliances WHERE id = ?",
                             (alliance_id,)).fetchone()
    code = code_row[0] if code_row else ""
    hashes = [f.sha256 for f in score_files_for_alliance(ws, year, alliance_id)]
    marks = ",".join("?" * len(hashes)) or "NULL"
    rows = ws.db.execute(
        "SELECT id, at, actor, action, entity, entity_key, old_json, new_json FROM audit_log"
        " WHERE (entity = 'plenary_decision' AND entity_key = ?"
        "        AND json_extract(new_json, '$.year') = ?)"
        f"   OR (entity = 'score_file' AND action = 'merge'"
        f"       AND json_extract(new_json, '$.sha256') IN ({marks}))"
        "   OR (entity IN ('scores', 'results', 'history'))"
        " ORDER BY id", [code, year, *hashes]).fetchall()
    found = []
    for r in rows:
        if r[4] in ("scores", "results", "history") and not _covers(str(r[5]), year):
            continue
        found.append(AuditRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                              str(r[5]), None if r[6] is None else json.loads(r[6]),
                              None if r[7] is None else json.loads(r[7])))
    return found
