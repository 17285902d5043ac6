"""Score sets: one expert's scores for one alliance in one round.

Writing them: the workspace keeps an expert's scores for an alliance as one `score_sets`
row whose `scores_json` maps each indicator to its value (and `comments_json` each
commented indicator to its comment); the `scores` view shows one row per score for every
reader (schema migration 0006, docs/performance.md). Reading them back: the complete sets
(`ScoreSet`, the input of the consensus, the flags and the panel-quality figures) and the
incomplete ones; and how each expert's totals sit against the other experts' on the same
alliances (leniency).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from math import isfinite
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from evaluator.rounds import ROUNDS
from evaluator.workspace import Workspace

INSERT_SET = (
    "INSERT INTO score_sets (year, round, expert_id, alliance_id, scores_json, comments_json,"
    " entered_at, score_file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def score_set_texts(rows: Iterable[tuple[str, str, float]],
                    comments: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Each scored alliance code's `scores_json` and `comments_json`, from an expert's
    (code, indicator, value) scores and (code, indicator, comment) comments."""
    rows = list(rows)
    pairs = set(map(_CODE_AND_INDICATOR, rows))
    if len(pairs) != len(rows):
        raise ValueError("an alliance's indicator is scored twice")
    parts = _PARTS
    if len(parts) > 100_000:
        parts.clear()
    keys = list(map(_INDICATOR_AND_VALUE, rows))
    for key in set(keys).difference(parts):
        parts[key] = _part(*key)
    # A file's rows come alliance by alliance: each run of one code is one set.
    values: dict[str, list[str]] = {}
    for code, run in groupby(zip(map(_CODE, rows), map(parts.__getitem__, keys),
                                 strict=True), key=_CODE):
        values.setdefault(code, []).extend(map(_PART, run))
    notes: dict[str, dict[str, str]] = {}
    for code, indicator, text in comments:
        if text and (code, indicator) in pairs:
            notes.setdefault(code, {})[indicator] = text
    return {code: ("{" + ",".join(scored) + "}",
                   json.dumps(notes[code], ensure_ascii=False, separators=(",", ":"))
                   if code in notes else "{}")
            for code, scored in values.items()}


def score_set_rows(year: int, round_: str, expert_id: int, alliance_ids: Mapping[str, int],
                   rows: Iterable[tuple[str, str, float]],
                   comments: Iterable[tuple[str, str, str]], entered_at: str,
                   score_file_id: int | None,
                   texts: Mapping[str, tuple[str, str]] | None = None
                   ) -> list[tuple[int, str, int, int, str, str, str, int | None]]:
    """The `score_sets` rows of one expert's (code, indicator, value) scores and
    (code, indicator, comment) comments; `alliance_ids` maps each code to its alliance.
    `texts`: `score_set_texts` of the same scores and comments, if already made."""
    if texts is None:
        texts = score_set_texts(rows, comments)
    return [(year, round_, expert_id, alliance_ids[code], scores, notes, entered_at,
             score_file_id) for code, (scores, notes) in texts.items()]


_CODE_AND_INDICATOR = itemgetter(0, 1)
_INDICATOR_AND_VALUE = itemgetter(1, 2)
_CODE, _PART = itemgetter(0), itemgetter(1)
# '"1.1":4.5' by (indicator, value): a panel uses a few hundred of them, and a merge writes
# 1.2 million scores at XL (json.dumps of each set's dict costs three times as much).
_PARTS: dict[tuple[str, float], str] = {}


def _part(indicator: str, value: float) -> str:
    if not isfinite(value):
        raise ValueError(f"score {value!r} for {indicator} is not a number")
    return f"{json.dumps(indicator, ensure_ascii=False)}:{float(value)!r}"


def write_score_sets(ws: Workspace, year: int, round_: str, expert_id: int,
                     alliance_ids: Mapping[str, int],
                     rows: Iterable[tuple[str, str, float]],
                     comments: Iterable[tuple[str, str, str]], entered_at: str,
                     score_file_id: int | None,
                     texts: Mapping[str, tuple[str, str]] | None = None) -> int:
    """Insert one expert's score sets (inside the caller's transaction); returns how many.
    `texts`: as for `score_set_rows`."""
    sets = score_set_rows(year, round_, expert_id, alliance_ids, rows, comments, entered_at,
                          score_file_id, texts)
    ws.db.conn.executemany(INSERT_SET, sets)
    return len(sets)


SCORE_COLUMNS = ("year", "round", "expert_id", "alliance_id", "indicator_code", "value",
                 "comment", "entered_at", "score_file_id")


def insert_scores(ws_or_db: Workspace | Database, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert single scores, given as the `scores` view's columns (comment and score file
    optional), through the view's INSERT trigger, which adds each to its set: for a few
    scores at a time (tests, corrections); a merge writes whole sets. Returns how many."""
    db = ws_or_db.db if isinstance(ws_or_db, Workspace) else ws_or_db
    values = [(r["year"], r["round"], r["expert_id"], r["alliance_id"], r["indicator_code"],
               r["value"], r.get("comment") or "", r["entered_at"], r.get("score_file_id"))
              for r in rows]
    db.conn.executemany(f"INSERT INTO scores ({', '.join(SCORE_COLUMNS)})"
                        f" VALUES ({', '.join('?' * len(SCORE_COLUMNS))})", values)
    return len(values)


# -- reading score sets back ----------------------------------------------------------------

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
