"""What a workspace holds for a year, as counts: the 概览 screen's cards and checklist and
`evaluator info` read them here.

Plain counts over the schema tables; a stage is done when the data says so (every
assignment of a round has its scores, a plenary decision is recorded, results are
published).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from evaluator.programme import programme_sizes
from evaluator.submissions import list_submissions
from evaluator.workspace import Workspace

ROUNDS = ("initial", "review")


@dataclass(frozen=True)
class RoundCounts:
    assignments: int  # (expert, alliance) pairs assigned
    sheets: int  # (expert, alliance) pairs with at least one score
    experts: int  # experts who sent scores
    assigned_sheets_scored: int  # assigned pairs that have scores

    @property
    def done(self) -> bool:
        """Every assignment of the round has its scores."""
        return self.assignments > 0 and self.assigned_sheets_scored == self.assignments


@dataclass(frozen=True)
class YearOverview:
    year: int
    title: str
    batches: list[dict[str, Any]]  # id, name, name_en, size (that year's), registered, source
    alliances: int
    submissions: int
    eligible: int | None  # None when eligibility cannot be assessed
    experts: int
    groups: int
    rounds: dict[str, RoundCounts]
    plenary_decisions: int
    results_published: int
    history_years: list[int]


def _one(ws: Workspace, sql: str, params: tuple[Any, ...]) -> int:
    return int(ws.db.execute(sql, params).fetchone()[0] or 0)


def eligible_count(ws: Workspace, year: int) -> int:
    return sum(1 for s in list_submissions(ws, year) if s.status == "eligible")


def history_years(ws: Workspace) -> list[int]:
    """The years whose results were imported from past evaluations."""
    return [int(r[0]) for r in ws.db.execute(
        "SELECT DISTINCT year FROM results WHERE source = 'history' ORDER BY year")]


def rounds_scored(ws: Workspace) -> list[str]:
    """The rounds that have scores in any year."""
    return [str(r[0]) for r in ws.db.execute("SELECT DISTINCT round FROM scores ORDER BY round")]


def score_count(ws: Workspace, year: int) -> int:
    """How many scores the year holds (the results screen computes large years in a job)."""
    return _one(ws, "SELECT COUNT(*) FROM scores WHERE year = ?", (year,))


def round_counts(ws: Workspace, year: int, round_: str) -> RoundCounts:
    params = (year, round_)
    return RoundCounts(
        assignments=_one(ws, "SELECT count(*) FROM assignments WHERE year = ? AND round = ?",
                         params),
        sheets=_one(ws, "SELECT count(*) FROM (SELECT DISTINCT expert_id, alliance_id"
                        " FROM scores WHERE year = ? AND round = ?)", params),
        experts=_one(ws, "SELECT count(DISTINCT expert_id) FROM scores"
                         " WHERE year = ? AND round = ?", params),
        assigned_sheets_scored=_one(
            ws, "SELECT count(*) FROM assignments a WHERE a.year = ? AND a.round = ?"
                " AND EXISTS (SELECT 1 FROM scores s WHERE s.year = a.year"
                " AND s.round = a.round AND s.expert_id = a.expert_id"
                " AND s.alliance_id = a.alliance_id)", params),
    )


def year_overview(ws: Workspace, year: int) -> YearOverview:
    registered = {r[0]: r[1] for r in ws.db.execute(
        "SELECT batch_id, count(*) FROM alliances GROUP BY batch_id")}
    batches = [{"id": b.batch_id, "name": b.name, "name_en": b.name_en, "size": b.size,
                "registered": registered.get(b.batch_id, 0), "source": b.source_text()}
               for b in programme_sizes(ws, year)]
    title_row = ws.db.execute("SELECT title FROM years WHERE year = ?", (year,)).fetchone()
    return YearOverview(
        year=year,
        title=title_row[0] if title_row else str(year),
        batches=batches,
        alliances=ws.count("alliances"),
        submissions=ws.count("submissions", "year = ?", (year,)),
        eligible=eligible_count(ws, year),
        experts=ws.count("experts", "year = ?", (year,)),
        groups=ws.count("expert_groups", "year = ?", (year,)),
        rounds={rnd: round_counts(ws, year, rnd) for rnd in ROUNDS},
        plenary_decisions=ws.count("plenary_decisions",
                                   "year = ? AND superseded_by IS NULL", (year,)),
        results_published=ws.count("results", "year = ? AND source = 'computed'", (year,)),
        history_years=history_years(ws),
    )


def workspace_summary(ws: Workspace) -> dict[str, Any]:
    """The whole workspace in a few numbers (`evaluator info`)."""
    return {
        "path": str(ws.path),
        "years": ws.years(),
        "batches": {b.batch_id: b.size for b in programme_sizes(ws, ws.current_year())},
        "alliances": ws.count("alliances"),
        "experts": ws.count("experts"),
        "indicators": len(ws.rubric().indicators),
        "rounds_scored": rounds_scored(ws),
        "scores": ws.count("scores"),
        "history_years": history_years(ws),
    }
