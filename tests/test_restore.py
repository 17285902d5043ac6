"""Restore: undo a deliberately bad merge from the automatic pre-merge backup, keep the
state before every restore, refuse anything that is not a workspace backup (exit 2)."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_forgery import build_package, export

from evaluator.backups import backup_workspace, list_backups, restore_workspace
from evaluator.cli import main
from evaluator.registry import add_alliance
from evaluator.scorefile import K_SIGNATURE, META_SHEET, SCORES_SHEET
from evaluator.workspace import Workspace
from tests.workspace_content import workspace_content


def audit(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def ws_path(demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "office" / "demo.evdb"
    path.parent.mkdir()
    shutil.copy(demo_path, path)
    return path


def wrong_unsigned_file(ws_path: Path, folder: Path) -> Path:
    """A valid score file with the signature removed and every score set to 0: the kind
    of file a hurried secretary accepts with --accept-unsigned and regrets."""
    with Workspace.open(ws_path) as ws:
        pkg = build_package(ws, folder)
    path = export(pkg, folder / "unsigned.xlsx")
    wb = openpyxl.load_workbook(path)
    scores = wb[SCORES_SHEET]
    for row in scores.iter_rows(min_row=2, min_col=3):
        for cell in row:
            cell.value = 0
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == K_SIGNATURE:
            meta.delete_rows(row[0].row)
            break
    wb.save(path)
    return path


def test_restore_undoes_a_bad_merge(ws_path: Path, tmp_path: Path) -> None:
    bad = wrong_unsigned_file(ws_path, tmp_path)
    before, before_audit = workspace_content(ws_path), audit(ws_path)

    code, out, err = run("merge", str(ws_path), str(bad), "--accept-unsigned", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["accepted"] == 1
    merged = workspace_content(ws_path)
    assert merged != before
    backup = Path(report["backup"])
    assert backup.exists()
    assert workspace_content(backup) == before  # the automatic backup is the state before the merge

    code, out, err = run("backups", str(ws_path), "--json")
    assert code == 0, err
    listed = json.loads(out)["backups"]
    assert [b["name"] for b in listed] == [backup.name]
    assert listed[0]["reason"] == "merge"

    code, out, err = run("restore", str(ws_path), backup.name, "--json")
    assert code == 0, err
    kept = Path(json.loads(out)["kept"])
    assert workspace_content(ws_path) == before
    after_audit = audit(ws_path)
    assert after_audit[:len(before_audit)] == before_audit  # the log is only appended to
    assert after_audit[-1][3] == "restore"
    with Workspace.open(ws_path) as ws:
        assert ws.integrity_ok()
    assert workspace_content(kept) == merged  # the restore can itself be undone

    code, _, err = run("restore", str(ws_path), str(kept))
    assert code == 0, err
    assert workspace_content(ws_path) == merged


def test_backup_command_and_restore_by_path(ws_path: Path) -> None:
    code, out, err = run("backup", str(ws_path), "--reason", "before plenary", "--json")
    assert code == 0, err
    made = Path(json.loads(out)["path"])
    assert made.name.endswith(".before-plenary.evdb")
    before = workspace_content(ws_path)
    with Workspace.open(ws_path) as ws:
        ws.set_setting("backups.keep", 7)
    assert workspace_content(ws_path) != before
    code, out, err = run("restore", str(ws_path), str(made))
    assert code == 0, err
    assert str(made.name) in out
    assert workspace_content(ws_path) == before


def test_listing_without_backups_and_in_text(ws_path: Path) -> None:
    code, out, _ = run("backups", str(ws_path))
    assert code == 0
    assert out.strip()
    assert run("backup", str(ws_path))[0] == 0
    code, out, _ = run("backups", str(ws_path))
    assert code == 0
    assert ".manual.evdb" in out


def _refused(ws_path: Path, backup: str) -> str:
    before, before_audit = workspace_content(ws_path), audit(ws_path)
    code, out, err = run("restore", str(ws_path), backup)
    assert code == 2, (out, err)
    assert err.strip(), "a refusal says why"
    assert "Traceback" not in err
    assert workspace_content(ws_path) == before
    assert audit(ws_path) == before_audit
    return err


def test_restore_refuses_what_is_not_a_backup(ws_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.evdb"
    junk.write_text("not a database", encoding="utf-8")
    _refused(ws_path, str(junk))

    other = tmp_path / "other.evdb"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    _refused(ws_path, str(other))

    truncated = tmp_path / "truncated.evdb"
    truncated.write_bytes(ws_path.read_bytes()[:20000])
    _refused(ws_path, str(truncated))

    _refused(ws_path, "no-such-backup.evdb")
    _refused(ws_path, str(ws_path))
    assert not list_backups(ws_path), "a refused restore makes no safety backup"


def test_restore_refuses_a_backup_from_a_newer_version(ws_path: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.evdb"
    shutil.copy(ws_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    _refused(ws_path, str(newer))


def test_restore_over_a_damaged_workspace(ws_path: Path) -> None:
    """The day a restore is needed most: the workspace itself no longer opens."""
    with Workspace.open(ws_path) as ws:
        good = backup_workspace(ws, "merge")
    before = workspace_content(ws_path)
    ws_path.write_bytes(b"\0" * 4096)
    code, out, err = run("restore", str(ws_path), str(good), "--json")
    assert code == 0, err
    kept = Path(json.loads(out)["kept"])
    assert kept.read_bytes() == b"\0" * 4096  # the damaged file is kept, not lost
    assert workspace_content(ws_path) == before


def test_cli_restores_the_oldest_backup_of_a_full_folder(ws_path: Path) -> None:
    with Workspace.open(ws_path) as ws:
        ws.set_setting("backups.keep", 3)
        oldest = backup_workspace(ws, "first")
        state = workspace_content(ws_path)
        ws.set_setting("backups.keep", 4)
        backup_workspace(ws, "second")
        backup_workspace(ws, "third")
        ws.set_setting("backups.keep", 3)
        add_alliance(ws, "399", "后来加入的联盟")  # a change the restore must undo
    assert list_backups(ws_path)[-1] == oldest
    code, _, err = run("restore", str(ws_path), oldest.name)
    assert code == 0, err
    assert workspace_content(ws_path) == state


def test_core_restore_of_the_oldest_backup_of_a_full_folder(tmp_path: Path) -> None:
    """restore_workspace makes its safety backup first, and the rotation must not delete the
    backup being restored (the oldest of a full folder)."""
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        ws.set_setting("backups.keep", 3)
        oldest = backup_workspace(ws, "b0")
        state = workspace_content(path)
        backup_workspace(ws, "b1")
        backup_workspace(ws, "b2")
        add_alliance(ws, "399", "后来加入的联盟")  # a change the restore must undo
    restore_workspace(path, oldest)
    assert workspace_content(path) == state
