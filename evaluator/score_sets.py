"""Writing scores: one row per score set (one expert, one alliance, one round).

The workspace keeps an expert's scores for an alliance as one `score_sets` row whose
`scores_json` maps each indicator to its value (and `comments_json` each commented
indicator to its comment); the `scores` view shows one row per score for every reader
(schema migration 0006, docs/performance.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from math import isfinite
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from evaluator.workspace import Workspace

INSERT_SET = (
    "INSERT INTO score_sets (year, round, expert_id, alliance_id, scores_json, comments_json,"
    " entered_at, score_file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def score_set_rows(year: int, round_: str, expert_id: int, alliance_ids: Mapping[str, int],
                   rows: Iterable[tuple[str, str, float]],
                   comments: Iterable[tuple[str, str, str]], entered_at: str,
                   score_file_id: int | None
                   ) -> list[tuple[int, str, int, int, str, str, str, int | None]]:
    """The `score_sets` rows of one expert's (code, indicator, value) scores and
    (code, indicator, comment) comments; `alliance_ids` maps each code to its alliance."""
    rows = list(rows)
    pairs = set(map(_CODE_AND_INDICATOR, rows))
    if len(pairs) != len(rows):
        raise ValueError("an alliance's indicator is scored twice")
    values: dict[str, list[str]] = {}
    parts = _PARTS
    if len(parts) > 100_000:
        parts.clear()
    for code, indicator, value in rows:
        part = parts.get((indicator, value))
        if part is None:
            part = parts[(indicator, value)] = _part(indicator, value)
        scored = values.get(code)
        if scored is None:
            values[code] = [part]
        else:
            scored.append(part)
    notes: dict[str, dict[str, str]] = {}
    for code, indicator, text in comments:
        if text and (code, indicator) in pairs:
            notes.setdefault(code, {})[indicator] = text
    return [(year, round_, expert_id, alliance_ids[code], "{" + ",".join(scored) + "}",
             json.dumps(notes[code], ensure_ascii=False, separators=(",", ":"))
             if code in notes else "{}", entered_at, score_file_id)
            for code, scored in values.items()]


_CODE_AND_INDICATOR = itemgetter(0, 1)
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
                     score_file_id: int | None) -> int:
    """Insert one expert's score sets (inside the caller's transaction); returns how many."""
    sets = score_set_rows(year, round_, expert_id, alliance_ids, rows, comments, entered_at,
                          score_file_id)
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
