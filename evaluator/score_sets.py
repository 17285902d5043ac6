"""Score sets: one expert's complete scores for one alliance in one round, as the workspace
holds them (the input of the consensus, the flags and the panel-quality figures), and how
each expert's totals sit against the other experts' on the same alliances (leniency).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from evaluator.rounds import ROUNDS
from evaluator.workspace import Workspace


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


def _load(ws: Workspace, year: int) -> tuple[list[ScoreSet], list[IncompleteScore]]:
    """Every score of the year in one query, grouped here (1.2 million rows at XL)."""
    codes = ws.rubric(year).codes
    values: dict[tuple[str, int, int], dict[str, float]] = {}
    comments: dict[tuple[str, int, int], dict[str, str]] = {}
    floats: dict[float, float] = {}
    for rnd, expert_id, alliance_id, code, value, comment in ws.db.execute(
            "SELECT round, expert_id, alliance_id, indicator_code, value, comment"
            " FROM scores WHERE year = ?", (year,)):
        key = (rnd, expert_id, alliance_id)
        found = values.get(key)
        if found is None:
            found = values[key] = {}
        # One float object per distinct value (a few hundred): 120,000 sets at XL.
        found[code] = floats.setdefault(value, value)
        if comment:
            comments.setdefault(key, {})[code] = comment
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


def expert_differences(sets: list[ScoreSet]) -> dict[int, list[tuple[float, float]]]:
    """Expert id -> [(own total, mean of the other experts' totals on that alliance)]."""
    by_alliance: dict[int, list[ScoreSet]] = defaultdict(list)
    for s in sets:
        by_alliance[s.alliance_id].append(s)
    pairs: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for s in sets:
        others = [o.total for o in by_alliance[s.alliance_id] if o.expert_id != s.expert_id]
        if others:
            pairs[s.expert_id].append((s.total, statistics.fmean(others)))
    return pairs


def leniency_by_expert(sets: list[ScoreSet]) -> dict[int, float]:
    """Expert id -> mean(own total - mean of the others on the same alliance)."""
    return {e: statistics.fmean(own - others for own, others in p)
            for e, p in expert_differences(sets).items() if p}
