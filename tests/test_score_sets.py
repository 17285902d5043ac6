"""Scores stored one row per score set (migration 0006): the `scores` view, its triggers,
the set writer and the migration of per-score rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from evaluator.registry import add_alliance
from evaluator.schema import SCORE_SETS_SQL
from evaluator.score_sets import insert_scores, score_set_rows, write_score_sets
from evaluator.workspace import Workspace


@pytest.fixture
def panel(workspace: Workspace) -> tuple[Workspace, int, int, int]:
    with workspace.transaction():
        a = add_alliance(workspace, "101", "甲联盟").id
        b = add_alliance(workspace, "102", "乙联盟").id
        expert = int(workspace.db.table("experts").insert({
            "year": 2018, "name": "张", "role": "member", "secret_key": ""}).last_pk)
    return workspace, expert, a, b


def rows(ws: Workspace) -> list[tuple[object, ...]]:
    return list(ws.db.execute(
        "SELECT round, expert_id, alliance_id, indicator_code, value, comment FROM scores"
        " ORDER BY round, expert_id, alliance_id, indicator_code"))


def test_sets_read_back_as_one_row_per_score(panel: tuple[Workspace, int, int, int]) -> None:
    ws, expert, a, b = panel
    with ws.transaction():
        written = write_score_sets(
            ws, 2018, "initial", expert, {"101": a, "102": b},
            [("101", "1.1", 4.5), ("101", "1.2", 3.0), ("102", "1.1", 0.0)],
            [("101", "1.2", "证明材料不足 \"引号\""), ("102", "1.1", "")], "t", None)
    assert written == 2
    assert ws.count("score_sets") == 2
    assert rows(ws) == [("initial", expert, a, "1.1", 4.5, ""),
                        ("initial", expert, a, "1.2", 3.0, "证明材料不足 \"引号\""),
                        ("initial", expert, b, "1.1", 0.0, "")]
    assert all(isinstance(r[4], float) for r in rows(ws))


def test_the_view_takes_plain_inserts_updates_and_deletes(
        panel: tuple[Workspace, int, int, int]) -> None:
    ws, expert, a, _ = panel
    base = {"year": 2018, "round": "review", "expert_id": expert, "alliance_id": a,
            "entered_at": "t"}
    insert_scores(ws, [base | {"indicator_code": "1.1", "value": 3},
                       base | {"indicator_code": "1.2", "value": 2.5, "comment": "意见"}])
    assert ws.count("score_sets") == 1
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert_scores(ws, [base | {"indicator_code": "1.1", "value": 1}])
    ws.db.execute("UPDATE scores SET value = 0, comment = '改' WHERE indicator_code = '1.1'")
    assert rows(ws) == [("review", expert, a, "1.1", 0.0, "改"),
                        ("review", expert, a, "1.2", 2.5, "意见")]
    ws.db.execute("DELETE FROM scores WHERE indicator_code = '1.2'")
    assert rows(ws) == [("review", expert, a, "1.1", 0.0, "改")]
    ws.db.execute("DELETE FROM scores")
    assert ws.count("score_sets") == 0


def test_set_rows_refuse_a_score_twice_and_what_is_not_a_number() -> None:
    with pytest.raises(ValueError, match="twice"):
        score_set_rows(2018, "initial", 1, {"101": 1},
                       [("101", "1.1", 1.0), ("101", "1.1", 2.0)], [], "t", None)
    with pytest.raises(ValueError, match="not a number"):
        score_set_rows(2018, "initial", 1, {"101": 1}, [("101", "1.1", float("nan"))], [],
                       "t", None)
    (only,) = score_set_rows(2018, "initial", 1, {"101": 7},
                             [("101", "1.1", 4), ("101", "2.1", 1e-05)],
                             [("101", "9.9", "no score, no comment")], "t", 3)
    assert only[3] == 7
    assert json.loads(only[4]) == {"1.1": 4.0, "2.1": 1e-05}
    assert only[5] == "{}"


def test_migration_moves_every_score_into_its_set(tmp_path: Path) -> None:
    from evaluator.schema import migrations

    path = tmp_path / "old.evdb"
    with Workspace.create(path, year=2018) as ws, ws.transaction():
        a = add_alliance(ws, "101", "甲联盟").id
        expert = int(ws.db.table("experts").insert({
            "year": 2018, "name": "张", "role": "member", "secret_key": ""}).last_pk)
    # The workspace as 0005 left it: per-score rows.
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP VIEW scores; DROP TABLE score_sets;"
        "CREATE TABLE scores (id INTEGER PRIMARY KEY, year INTEGER NOT NULL,"
        " round TEXT NOT NULL, expert_id INTEGER NOT NULL, alliance_id INTEGER NOT NULL,"
        " indicator_code TEXT NOT NULL, value REAL NOT NULL, comment TEXT NOT NULL DEFAULT '',"
        " entered_at TEXT NOT NULL, score_file_id INTEGER,"
        " UNIQUE (year, round, expert_id, alliance_id, indicator_code));"
        "DELETE FROM _sqlite_migrations WHERE name = '0006_scores_storage';"
        f"PRAGMA user_version = {len(migrations._migrations) - 1};")
    conn.executemany(
        "INSERT INTO scores (year, round, expert_id, alliance_id, indicator_code, value,"
        " comment, entered_at) VALUES (2018, ?, ?, ?, ?, ?, ?, ?)",
        [("initial", expert, a, "1.1", 4.5, "", "t1"), ("initial", expert, a, "1.2", 2, "意见", "t2"),
         ("review", expert, a, "1.1", 1.0, "", "t3")])
    conn.commit()
    conn.close()
    assert "CREATE VIEW scores" in SCORE_SETS_SQL
    with Workspace.open(path) as ws:
        assert ws.count("score_sets") == 2
        assert rows(ws) == [("initial", expert, a, "1.1", 4.5, ""),
                            ("initial", expert, a, "1.2", 2.0, "意见"),
                            ("review", expert, a, "1.1", 1.0, "")]
        assert ws.db.execute("SELECT entered_at FROM score_sets WHERE round = 'initial'"
                             ).fetchone() == ("t2",)
        assert "scores_0005" not in ws.db.table_names()
