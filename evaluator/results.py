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
from evaluator.audit_labels import value_text
from evaluator.audit_log import audit_names
from evaluator.bands import BANDS
from evaluator.consensus import (
    Consensus,
    ScoreSet,
    band_classifier,
    consensus_table,
    published_score,
    score_sets,
)
from evaluator.errors import EvaluatorError, Problem
from evaluator.rounds import ROUNDS
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

messages.register({
    "results.nothing": {
        "zh": "{year} 年度还没有可发布的结果（没有共识分，也没有复核会评决定）",
        "en": "Nothing to publish for {year}: no consensus scores and no plenary decisions",
    },
    "results.undecided": {
        "zh": "{year} 年度还有 {count} 个复核会评议题没有决定，发布前请逐一决定，或确认按现有共识分发布"
              "（命令行加 --accept-undecided）：",
        "en": "{count} plenary agenda item(s) of {year} have no decision: decide them, or "
              "confirm publishing with the consensus as it stands (--accept-undecided "
              "on the command line):",
    },
    "results.undecided_item": {
        "zh": "{code} {name}：{rules}，共识分 {consensus}",
        "en": "{code} {name}: {rules}, consensus {consensus}",
    },
    "results.undecided_changed": {
        "zh": "确认时有 {accepted} 个未决议题，现在有 {count} 个：请重新确认",
        "en": "{accepted} undecided item(s) were confirmed, there are now {count}: confirm "
              "again",
    },
    "results.published": {
        "zh": "{by} 已发布 {year} 年度结果：{count} 家联盟",
        "en": "{by} published the {year} results: {count} alliances",
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
    # For a published row: 'plenary' or 'consensus', what the score was frozen from.
    basis: str | None = None

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
                      band=r["band"], source=r["source"], basis=r.get("basis"))
            for i, r in enumerate(ordered)]


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
                       "source": label, "basis": r["basis"]} for r in rows])


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


@dataclass(frozen=True)
class Undecided:
    """An agenda item without a current plenary decision, at the time of publishing."""

    alliance_id: int
    code: str
    name: str
    rules: list[str]  # 'F1' .. 'F4', F1 (a band cut) first
    consensus: float
    published_score: int

    def text(self, lang: str | None = None) -> str:
        return messages.text("results.undecided_item", lang, code=self.code, name=self.name,
                             rules="、".join(self.rules) if (
                                 lang or messages.current_language()) == "zh"
                             else ", ".join(self.rules),
                             consensus=f"{self.consensus:.2f}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def undecided_items(ws: Workspace, year: int) -> list[Undecided]:
    """The agenda items (method.md flags) without a current decision; the F1 cases, whose
    band turns on the rounding, first."""
    from evaluator.flags import RULE_ORDER, flag_disagreements

    decided = set(current_plenary(ws, year))
    items = [Undecided(item.alliance_id, item.code, item.name,
                       sorted(item.rule_names, key=RULE_ORDER.index),
                       float(item.consensus.consensus),
                       published_score(float(item.consensus.consensus)))
             for item in flag_disagreements(ws, year) if item.alliance_id not in decided]
    return sorted(items, key=lambda u: ("F1" not in u.rules,))


def _undecided_problems(year: int, items: list[Undecided]) -> list[Problem]:
    return [Problem("results.undecided", {"year": year, "count": len(items)}),
            *[Problem("results.undecided_item", {
                "code": u.code, "name": u.name, "rules": "、".join(u.rules),
                "consensus": f"{u.consensus:.2f}"}) for u in items]]


def publish_results(ws: Workspace, year: int, *, accepted_undecided: int = 0,
                    by: str | None = None) -> list[ResultRow]:
    """Freeze the live results of `year` into `results` (source 'computed'), audited and
    recorded in `publications` with who published. Refused while agenda items have no
    decision, unless the publisher confirmed exactly that many (`accepted_undecided`:
    the count they were shown)."""
    year = ws.require_year(year)
    ws.require_writable()  # a read-only workspace says so before listing the agenda
    who = by or ws.actor
    rows = compute_results(ws, year)
    if not rows:
        raise EvaluatorError(Problem("results.nothing", {"year": year}))
    undecided = undecided_items(ws, year)
    if undecided and accepted_undecided != len(undecided):
        problems = _undecided_problems(year, undecided)
        if accepted_undecided:
            problems.insert(0, Problem("results.undecided_changed", {
                "accepted": accepted_undecided, "count": len(undecided)}))
        raise EvaluatorError(problems)
    old = [r.as_dict() for r in stored_results(ws, year, "computed")]
    recorded = now_iso()
    from evaluator.backups import backup_workspace

    backup_workspace(ws, "publish")  # publishing replaces the previous snapshot
    with ws.transaction():
        ws.db.execute("DELETE FROM results WHERE year = ? AND source = 'computed'", (year,))
        ws.db.table("results").insert_all([
            {"year": year, "alliance_id": r.alliance_id, "score": r.score, "band": r.band,
             "source": "computed", "code_as_published": r.code, "name_as_published": r.name,
             "recorded_at": recorded, "basis": r.source} for r in rows])
        ws.db.table("publications").insert({
            "year": year, "published_at": recorded, "published_by": who,
            "alliances": len(rows),
            "undecided_json": json.dumps([u.as_dict() for u in undecided],
                                         ensure_ascii=False)})
        ws.audit("publish", "results", str(year), old or None,
                 [{"code": r.code, "score": r.score, "band": r.band, "from": r.source}
                  for r in rows], by=who)
    return stored_results(ws, year, "computed")


def last_publication(ws: Workspace, year: int) -> dict[str, Any] | None:
    """Who published `year` last, when, and what was undecided then."""
    rows = list(ws.db.query("SELECT * FROM publications WHERE year = ? ORDER BY id DESC"
                            " LIMIT 1", [year]))
    if not rows:
        return None
    row = dict(rows[0])
    row["undecided"] = json.loads(row.pop("undecided_json"))
    return row


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
    details: str = ""  # what it recorded, as people read it (audit_labels), UI language


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
        from evaluator.score_sets import leniency_by_expert

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
    names = audit_names(ws)
    for r in rows:
        if r[4] in ("scores", "results", "history") and not _covers(str(r[5]), year):
            continue
        new = None if r[7] is None else json.loads(r[7])
        found.append(AuditRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                              str(r[5]), None if r[6] is None else json.loads(r[6]), new,
                              value_text(new, names=names, entity=str(r[4]))
                              if new is not None else ""))
    return found
