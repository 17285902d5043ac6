"""The year's results: published score, band and rank per alliance (annex 2).

Published score (method.md): the current plenary decision where there is one, else the
consensus of the experts' totals; rounded half-up to an integer; the band is taken from
the published score. Ranking by score, ties by code (annex 2's order). A published
snapshot (`results` rows with source 'computed') freezes the year; imported history
(source 'history') stands in for years scored outside the product.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from evaluator import messages
from evaluator.consensus import ScoreSet, band_classifier, consensus_table, published_score
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
