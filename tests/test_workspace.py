from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from evaluator.errors import WorkspaceError
from evaluator.schema import SCHEMA_VERSION
from evaluator.workspace import Workspace


def test_new_workspace_has_batches_year_rubric_and_pragmas(workspace: Workspace) -> None:
    assert workspace.years() == [2018]
    assert {b["id"]: b["size"] for b in workspace.batches()} == {"1": 52, "2": 39, "3": 55,
                                                                 "d": 6}
    assert sum(b["size"] for b in workspace.batches()) == 152
    assert len(workspace.rubric(2018).indicators) == 20
    db = workspace.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_workspace_holds_every_table_the_year_needs(workspace: Workspace) -> None:
    expected = {"batches", "alliances", "alliance_aliases", "years", "rubrics", "indicators",
                "experts", "expert_groups", "conflicts", "assignments", "submissions",
                "submission_records", "score_files", "score_sets", "plenary_decisions",
                "results", "settings", "audit_log"}
    assert expected <= set(workspace.db.table_names())
    assert "scores" in workspace.db.view_names()  # one row per score, over score_sets


def test_audit_log_is_append_only(workspace: Workspace) -> None:
    workspace.set_setting("flags.f2_spread_small", 14.0)
    entry = list(workspace.db.query("SELECT * FROM audit_log WHERE entity = 'setting'"))[-1]
    assert entry["old_json"] == "15.0"
    assert entry["new_json"] == "14.0"
    assert entry["actor"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        workspace.db.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        workspace.db.execute("UPDATE audit_log SET actor = 'x'")


def test_settings_default_and_override(workspace: Workspace) -> None:
    assert workspace.setting("bands.high") == 85
    workspace.set_setting("bands.high", 86)
    assert workspace.setting("bands.high") == 86
    with pytest.raises(KeyError):
        workspace.set_setting("no.such.setting", 1)


def test_reopen_keeps_content(tmp_path: Path) -> None:
    path = tmp_path / "a.evdb"
    with Workspace.create(path, year=2019) as ws:
        ws.set_setting("backups.keep", 9)
    with Workspace.open(path) as ws:
        assert ws.years() == [2019]
        assert ws.setting("backups.keep") == 9
        assert ws.integrity_ok()


def test_refuses_overwrite_wrong_suffix_and_non_workspace(tmp_path: Path) -> None:
    path = tmp_path / "a.evdb"
    Workspace.create(path, year=2018).close()
    with pytest.raises(WorkspaceError) as exc:
        Workspace.create(path, year=2018)
    assert exc.value.problems[0].code == "workspace.exists"
    with pytest.raises(WorkspaceError):
        Workspace.create(tmp_path / "a.sqlite", year=2018)
    junk = tmp_path / "junk.evdb"
    junk.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(WorkspaceError) as exc:
        Workspace.open(junk)
    assert exc.value.problems[0].code == "workspace.not_sqlite"
    plain = tmp_path / "plain.evdb"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(WorkspaceError):
        Workspace.open(plain)
    with pytest.raises(WorkspaceError):
        Workspace.open(tmp_path / "missing.evdb")


def test_refuses_workspace_from_a_newer_release(tmp_path: Path) -> None:
    path = tmp_path / "new.evdb"
    with Workspace.create(path, year=2018) as ws:
        ws.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(WorkspaceError) as exc:
        Workspace.open(path)
    assert exc.value.problems[0].code == "workspace.too_new"


def test_unknown_year_is_refused(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError):
        workspace.rubric(2017)
    workspace.add_year(2019, workspace.rubric(2018))
    assert workspace.current_year() == 2019
    with pytest.raises(WorkspaceError):
        workspace.add_year(2019, workspace.rubric(2018))
