"""Consensus of the experts' totals per alliance, published scores and bands.

The method (../shared/method.md): an expert's total for an alliance is the sum of the
rubric's indicators; all rounds count together; 1-4 totals give a plain mean, from
`consensus.trim_from` on one highest and one lowest are dropped. Only the total is
trimmed, never the sub-indicators. Median, min-max, n and a leniency-adjusted figure
(for information) are shown beside it.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from evaluator.workspace import Workspace

ROUNDS = ("initial", "review")


@dataclass(frozen=True)
class ScoreSet:
    """One expert's complete scores for one alliance in one round."""

    round: str
    expert_id: int
    alliance_id: int
    values: dict[str, float]
    comments: dict[str, str]

    @property
    def total(self) -> float:
        return float(sum(self.values.values()))


@dataclass(frozen=True)
class IncompleteScore:
    round: str
    expert_id: int
    alliance_id: int
    missing: tuple[str, ...]


@dataclass
class Consensus:
    alliance_id: int
    n: int
    totals: list[float]  # per expert and round, in the order of `sets`
    consensus: float
    median: float
    min: float
    max: float
    trimmed: bool
    leniency_adjusted: float | None
    by_round: dict[str, float]  # group mean per round
    sets: list[ScoreSet] = field(default_factory=list)


def round_half_up(value: float, places: int = 0) -> float:
    """Round half away from zero on the decimal written form (9.615 -> 9.62, 84.5 -> 85)."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def published_score(consensus_or_decision: float) -> int:
    """The integer published for an alliance: half-up rounding (method.md)."""
    return int(round_half_up(consensus_or_decision))


def band_of(score: float, ws: Workspace) -> str:
    """'high' | 'fairly_high' | 'average' | 'inactive' by the bands.* settings."""
    return band_classifier(ws)(score)


def band_classifier(ws: Workspace) -> Callable[[float], str]:
    """`band_of` with the bands.* settings read once, for many scores."""
    high = float(ws.setting("bands.high"))
    fairly_high = float(ws.setting("bands.fairly_high"))
    average = float(ws.setting("bands.average"))

    def band(score: float) -> str:
        if score >= high:
            return "high"
        if score >= fairly_high:
            return "fairly_high"
        if score >= average:
            return "average"
        return "inactive"

    return band


def band_cuts(ws: Workspace) -> list[float]:
    """The band boundaries, lowest first (50, 70, 85 by default)."""
    return sorted(float(ws.setting(k)) for k in ("bands.average", "bands.fairly_high",
                                                   "bands.high"))


def _load(ws: Workspace, year: int) -> tuple[list[ScoreSet], list[IncompleteScore]]:
    """Every score set of the year in one query (60,000 rows, 1.2 million scores at XL)."""
    codes = ws.rubric(year).codes
    values: dict[tuple[str, int, int], dict[str, float]] = {}
    comments: dict[tuple[str, int, int], dict[str, str]] = {}
    floats: dict[float, float] = {}
    names = {code: code for code in codes}
    for rnd, expert_id, alliance_id, scores_json, comments_json in ws.db.execute(
            "SELECT round, expert_id, alliance_id, scores_json, comments_json"
            " FROM score_sets WHERE year = ?", (year,)):
        key = (rnd, expert_id, alliance_id)
        # One float object per distinct value (a few hundred) and the rubric's own code
        # strings as keys, not one string per score: 60,000 sets at XL.
        found = values[key] = {names.get(code, code): floats.setdefault(value, float(value))
                               for code, value in json.loads(scores_json).items()}
        if comments_json != "{}":
            noted = {code: text for code, text in json.loads(comments_json).items()
                     if text and code in found}
            if noted:
                comments[key] = noted
    complete: list[ScoreSet] = []
    incomplete: list[IncompleteScore] = []
    no_comments: dict[str, str] = {}
    for key in sorted(values):
        vals = values[key]
        missing = tuple(c for c in codes if c not in vals)
        if missing:
            incomplete.append(IncompleteScore(key[0], key[1], key[2], missing))
            continue
        complete.append(ScoreSet(key[0], key[1], key[2],
                                 {c: vals[c] for c in codes},
                                 comments.get(key, no_comments)))
    complete.sort(key=lambda s: (s.alliance_id, ROUNDS.index(s.round), s.expert_id))
    return complete, incomplete


def score_sets(ws: Workspace, year: int) -> list[ScoreSet]:
    """Every complete score set of the year (incomplete ones do not count)."""
    return _load(ws, year)[0]


def incomplete_scores(ws: Workspace, year: int) -> list[IncompleteScore]:
    """Score sets lacking some indicators: reported, never counted."""
    return _load(ws, year)[1]


def consensus_of(totals: list[float], trim_from: int) -> tuple[float, bool]:
    """Plain mean below `trim_from` totals, else drop one highest and one lowest."""
    if not totals:
        raise ValueError("no totals")
    if len(totals) >= trim_from and len(totals) >= 3:
        kept = sorted(totals)[1:-1]
        return statistics.fmean(kept), True
    return statistics.fmean(totals), False


def consensus_table(ws: Workspace, year: int | None = None,
                    leniency: dict[int, float] | None = None,
                    sets: list[ScoreSet] | None = None) -> dict[int, Consensus]:
    """Consensus per alliance id from the complete score sets of all rounds.

    `leniency` (expert id -> points) is subtracted for the information-only figure; when
    not given it comes from the panel-quality leniency table. `sets`: `score_sets(ws,
    year)` if the caller has them already.
    """
    year = ws.require_year(year)
    sets = score_sets(ws, year) if sets is None else sets
    if leniency is None:
        from evaluator.quality import leniency_by_expert

        leniency = leniency_by_expert(sets)
    return consensus_from_sets(sets, int(ws.setting("consensus.trim_from")), leniency)


def consensus_from_sets(sets: list[ScoreSet], trim_from: int,
                        leniency: dict[int, float] | None = None) -> dict[int, Consensus]:
    """Consensus per alliance id from complete score sets: the workspace's (above) and a
    group leader's own (evaluator.group_merge.group_differences) use the same rule."""
    by_alliance: dict[int, list[ScoreSet]] = defaultdict(list)
    for s in sets:
        by_alliance[s.alliance_id].append(s)
    table: dict[int, Consensus] = {}
    for alliance_id, group in by_alliance.items():
        totals = [s.total for s in group]
        value, trimmed = consensus_of(totals, trim_from)
        adjusted: float | None = None
        if leniency:
            adjusted, _ = consensus_of([s.total - leniency.get(s.expert_id, 0.0)
                                        for s in group], trim_from)
        by_round = {r: statistics.fmean([s.total for s in group if s.round == r])
                    for r in ROUNDS if any(s.round == r for s in group)}
        table[alliance_id] = Consensus(
            alliance_id=alliance_id, n=len(totals), totals=totals, consensus=value,
            median=float(statistics.median(totals)), min=min(totals), max=max(totals),
            trimmed=trimmed, leniency_adjusted=adjusted,
            by_round=by_round, sets=group)
    return table
