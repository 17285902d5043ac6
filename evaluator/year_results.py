"""A year's results as the results screen shows them, computed in one pass over the
year's scores: ranked rows, statistics, A-level and stalled lists, the experts' leniency."""

from __future__ import annotations

from dataclasses import dataclass, field

from evaluator.consensus import score_sets
from evaluator.history import ALevelRow, a_level, missing_years, stalled
from evaluator.quality import leniency_by_expert
from evaluator.registry import Alliance
from evaluator.results import ResultRow, results_for_year
from evaluator.statistics import Statistics, compute_statistics
from evaluator.workspace import Workspace


@dataclass
class YearResults:
    """What the results screen shows of a year."""

    rows: list[ResultRow]
    stats: Statistics
    a_level: list[ALevelRow]
    stalled: list[Alliance]
    leniency: dict[int, float]  # expert id -> points, for the trace's information figure
    a_level_missing: list[int] = field(default_factory=list)  # years without results
    stalled_missing: list[int] = field(default_factory=list)


def year_results(ws: Workspace, year: int) -> YearResults:
    """The year's results, statistics, A-level and stalled lists and the experts'
    leniency; the scores are read once and shared (at national scale the GUI runs it as
    a background job)."""
    sets = score_sets(ws, year) if year in ws.years() else []
    rows = results_for_year(ws, year, sets)
    return YearResults(rows, compute_statistics(ws, year, rows),
                       a_level(ws, year, results=rows), stalled(ws, year, results=rows),
                       leniency_by_expert(sets),
                       missing_years(ws, year, "history.a_level_years", rows),
                       missing_years(ws, year, "history.stalled_years", rows))
