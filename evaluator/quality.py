"""Panel quality: inter-rater reliability and per-expert leniency (shown, never applied).

Method (../shared/method.md): Krippendorff's alpha at the interval level with missing
data, since each expert scores only a subset of the alliances (an ICC needs complete,
balanced data); per expert the mean difference from the other experts on the same
alliances. No per-expert z-scores: experts see non-random subsets.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from evaluator.score_sets import ScoreSet, expert_differences, score_sets
from evaluator.workspace import Workspace

# Krippendorff's conventional cut-offs, as named in method.md.
ALPHA_RELIABLE = 0.80
ALPHA_TENTATIVE = 0.667


@dataclass(frozen=True)
class AlphaRow:
    level: str  # 'total', 'group' (first-level), 'indicator' (second-level)
    code: str
    name: str
    name_en: str
    alpha: float | None  # None when alpha is undefined (no variation, no pairs)
    band: str  # 'reliable' | 'tentative' | 'unreliable' | 'undefined'
    units: int  # alliances scored by at least two experts


@dataclass(frozen=True)
class ExpertLeniency:
    expert_id: int
    name: str
    n: int  # score sets that share the alliance with at least one other expert
    leniency: float | None
    se: float | None
    consistency: float | None  # SD of the differences around the expert's own leniency
    correlation: float | None  # own totals vs the others' means
    flagged: bool


@dataclass(frozen=True)
class QualityReport:
    year: int
    alpha: list[AlphaRow]
    leniency: list[ExpertLeniency]
    thresholds: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "thresholds": self.thresholds,
                "alpha": [asdict(a) for a in self.alpha],
                "leniency": [asdict(e) for e in self.leniency]}


def alpha_band(alpha: float | None) -> str:
    if alpha is None:
        return "undefined"
    if alpha >= ALPHA_RELIABLE:
        return "reliable"
    if alpha >= ALPHA_TENTATIVE:
        return "tentative"
    return "unreliable"


def interval_alpha(matrix: np.ndarray) -> float | None:
    """Alpha (interval) of an experts x alliances matrix with NaN for missing."""
    if not matrix.size:
        return None
    present = ~np.isnan(matrix)
    units = np.broadcast_to(np.arange(matrix.shape[1]), matrix.shape)[present]
    return interval_alpha_of_cells(units, matrix[present], matrix.shape[1])


def interval_alpha_of_cells(units: np.ndarray, values: np.ndarray,
                            unit_count: int) -> float | None:
    """Alpha (interval) from the filled cells only: `units[k]` is the unit (alliance)
    index of value `values[k]`, each expert giving at most one value per unit.

    Krippendorff's coincidence definition in closed form, O(cells) in time and memory
    (`krippendorff.alpha` builds units x values x values: 6 GB at XL,
    docs/performance.md). With n pairable values, a unit u holding m_u values of sum
    S1_u and sum of squares S2_u: D_o = 2/n sum_u (m_u S2_u - S1_u^2) / (m_u - 1) and
    D_e = 2 (n T2 - T1^2) / (n (n - 1)) over all pairable values; alpha = 1 - D_o/D_e.
    None when no alliance has two values or the pairable values do not vary.
    """
    if not len(values):
        return None
    counts = np.bincount(units, minlength=unit_count)
    pairable = counts[units] >= 2
    if not pairable.any():
        return None
    units, values = units[pairable], values[pairable]
    if float(values.max()) == float(values.min()):
        return None
    x = values - values.mean()  # centred (alpha does not move with a shift): small sums
    s1 = np.bincount(units, weights=x, minlength=unit_count)
    s2 = np.bincount(units, weights=x * x, minlength=unit_count)
    keep = counts >= 2
    m, s1, s2 = counts[keep].astype(float), s1[keep], s2[keep]
    n, t1, t2 = m.sum(), s1.sum(), s2.sum()
    expected = n * t2 - t1 * t1
    if not expected > 0:
        return None
    value = float(1 - (n - 1) * np.sum((m * s2 - s1 * s1) / (m - 1)) / expected)
    return None if math.isnan(value) else value


def reliability_matrix(sets: list[ScoreSet], measure: Any) -> tuple[np.ndarray, int]:
    """Experts x alliances of `measure(score_set)`; an expert's later round wins."""
    experts = sorted({s.expert_id for s in sets})
    alliances = sorted({s.alliance_id for s in sets})
    row = {e: i for i, e in enumerate(experts)}
    col = {a: j for j, a in enumerate(alliances)}
    matrix = np.full((len(experts), len(alliances)), np.nan)
    for s in sets:  # sets come initial first, so a review score replaces an initial one
        matrix[row[s.expert_id], col[s.alliance_id]] = float(measure(s))
    units = int(np.sum(np.sum(~np.isnan(matrix), axis=0) >= 2)) if matrix.size else 0
    return matrix, units


def alpha_table(ws: Workspace, year: int, sets: list[ScoreSet] | None = None) -> list[AlphaRow]:
    rubric = ws.rubric(year)
    sets = score_sets(ws, year) if sets is None else sets
    rows: list[AlphaRow] = []
    # The filled cells of the experts x alliances matrix, found once for every measure;
    # an expert's later round wins (sets come initial first, so a review score replaces
    # an initial one).
    alliances = {a: j for j, a in enumerate(sorted({s.alliance_id for s in sets}))}
    last = {(s.expert_id, s.alliance_id): k for k, s in enumerate(sets)}
    kept = [sets[k] for k in sorted(last.values())]
    at_col = np.fromiter((alliances[s.alliance_id] for s in kept), dtype=np.intp,
                         count=len(kept))
    counts = np.bincount(at_col, minlength=len(alliances))
    units = int(np.sum(counts >= 2))

    def add(level: str, code: str, name: str, name_en: str, values: list[float]) -> None:
        alpha = interval_alpha_of_cells(at_col, np.asarray(values, dtype=float),
                                        len(alliances)) if units else None
        rows.append(AlphaRow(level, code, name, name_en, alpha, alpha_band(alpha), units))

    add("total", "total", "总分", "Total", [s.total for s in kept])
    for group in rubric.groups:
        codes = [i.code for i in group.indicators]
        add("group", group.code, group.name, group.name_en,
            [sum(s.values[c] for c in codes) for s in kept])
    for ind in rubric.indicators:
        add("indicator", ind.code, ind.name, ind.name_en,
            [s.values[ind.code] for s in kept])
    return rows


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3 or statistics.pstdev(xs) == 0 or statistics.pstdev(ys) == 0:
        return None
    return statistics.correlation(xs, ys)


def leniency_table(ws: Workspace, year: int,
                   sets: list[ScoreSet] | None = None) -> list[ExpertLeniency]:
    sets = score_sets(ws, year) if sets is None else sets
    points = float(ws.setting("quality.leniency_points"))
    se_times = float(ws.setting("quality.leniency_se"))
    names = {r[0]: r[1] for r in ws.db.execute(
        "SELECT id, name FROM experts WHERE year = ?", (year,))}
    pairs = expert_differences(sets)
    order = [r[0] for r in ws.db.execute(
        "SELECT id FROM experts WHERE year = ? ORDER BY sort, id", (year,))]
    order += sorted(e for e in pairs if e not in order)
    rows: list[ExpertLeniency] = []
    for expert_id in order:
        p = pairs.get(expert_id, [])
        diffs = [own - others for own, others in p]
        n = len(diffs)
        leniency = statistics.fmean(diffs) if diffs else None
        sd = statistics.stdev(diffs) if n >= 2 else None
        se = sd / math.sqrt(n) if sd is not None else None
        corr = _correlation([a for a, _ in p], [b for _, b in p])
        flagged = (leniency is not None and se is not None
                   and abs(leniency) >= points and abs(leniency) >= se_times * se)
        rows.append(ExpertLeniency(expert_id, names.get(expert_id, str(expert_id)), n,
                                   leniency, se, sd, corr, flagged))
    return rows


def quality_report(ws: Workspace, year: int | None = None) -> QualityReport:
    year = ws.require_year(year)
    sets = score_sets(ws, year)
    return QualityReport(
        year=year, alpha=alpha_table(ws, year, sets), leniency=leniency_table(ws, year, sets),
        thresholds={"alpha_reliable": ALPHA_RELIABLE, "alpha_tentative": ALPHA_TENTATIVE,
                    "leniency_points": float(ws.setting("quality.leniency_points")),
                    "leniency_se": float(ws.setting("quality.leniency_se"))})
