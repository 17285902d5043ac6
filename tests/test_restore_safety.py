"""Restore and backups when more than one program, or more than one workspace, is about:
refused while open elsewhere, the audit log carried forward, foreign schema objects
refused, file mode kept, no temp files, backups matched by identity, retention."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evaluator.backups import (
    backup_dir,
    backup_workspace,
    check_backup,
    list_backups,
    restore_workspace,
)
from evaluator.errors import WorkspaceError
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace
from tests.workspace_content import workspace_content

ROOT = Path(__file__).resolve().parent.parent


def audit(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT at, actor, action, entity, entity_key, old_json, new_json"
                            " FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "office" / "w.evdb"
    path.parent.mkdir()
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
    return path


def test_restore_is_refused_while_the_workspace_is_open_elsewhere(ws_path: Path) -> None:
    with Workspace.open(ws_path) as ws:
        backup = backup_workspace(ws, "manual")
        add_alliance(ws, "102", "乙联盟")
        before = workspace_content(ws_path)
        with pytest.raises(WorkspaceError) as caught:
            restore_workspace(ws_path, backup)
        assert caught.value.problems[0].code == "backups.workspace_open"
        done = subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en", "restore",
                               str(ws_path), str(backup)], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "open in another program" in done.stderr
        # the app's connection still works and still sees its data
        add_alliance(ws, "103", "丙联盟")
        assert ws.count("alliances") == 3
    assert workspace_content(ws_path) != before  # 103 was added after the refusals
    with Workspace.open(ws_path) as ws:
        assert ws.count("alliances") == 3
        assert ws.count("audit_log", "action = 'restore'") == 0


def test_audit_log_keeps_every_entry_across_a_restore(ws_path: Path) -> None:
    with Workspace.open(ws_path) as ws:
        backup = backup_workspace(ws, "merge")
        add_alliance(ws, "102", "乙联盟")
        ws.set_setting("backups.keep", 9)
    before = audit(ws_path)
    kept = restore_workspace(ws_path, backup)
    assert kept is not None
    after = audit(ws_path)
    assert sorted(before) == sorted(after[:-1]), "every entry is still there"
    assert len(after) == len(before) + 1
    restore = json.loads(after[-1][6])
    assert after[-1][2] == "restore"
    assert (restore["from"], restore["kept"]) == (backup.name, kept.name)
    with Workspace.open(ws_path) as ws:  # the data is the backup's
        assert ws.count("alliances") == 1
        assert ws.setting("backups.keep") != 9
        assert ws.integrity_ok()
    # a second restore (undoing the first) keeps them all again
    restore_workspace(ws_path, kept)
    again = audit(ws_path)
    assert set(after) <= set(again)
    with Workspace.open(ws_path) as ws:
        assert ws.count("alliances") == 2


def _crafted(ws_path: Path, tmp_path: Path, sql: str) -> Path:
    with Workspace.open(ws_path) as ws:
        backup = backup_workspace(ws, "manual")
    crafted = tmp_path / "crafted.evdb"
    conn = sqlite3.connect(crafted)
    source = sqlite3.connect(backup)
    source.backup(conn)
    source.close()
    conn.executescript(sql)
    conn.close()
    return crafted


@pytest.mark.parametrize("sql", [
    "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM scores; END;",
    "DROP TRIGGER audit_log_no_delete;",
    "CREATE VIEW v AS SELECT 1;",
    "CREATE TABLE extra (x);",
    "DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE"
    " ON audit_log BEGIN SELECT 1; END;",
])
def test_a_backup_with_foreign_schema_objects_is_refused(ws_path: Path, tmp_path: Path,
                                                        sql: str) -> None:
    crafted = _crafted(ws_path, tmp_path, sql)
    before = audit(ws_path)
    with pytest.raises(WorkspaceError) as caught:
        restore_workspace(ws_path, crafted)
    assert caught.value.problems[0].code == "backups.foreign_schema"
    assert audit(ws_path) == before


def test_the_released_sample_workspace_passes_the_schema_check() -> None:
    check_backup(ROOT / "tests" / "data" / "workspace_v1.evdb")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_restore_keeps_the_file_mode_and_leaves_no_temp_files(ws_path: Path) -> None:
    os.chmod(ws_path, 0o640)
    with Workspace.open(ws_path) as ws:
        backup = backup_workspace(ws, "manual")
        add_alliance(ws, "102", "乙联盟")
    assert backup.stat().st_mode & 0o777 == 0o640
    restore_workspace(ws_path, backup)
    assert ws_path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in ws_path.parent.iterdir()) == ["backups", "w.evdb"]
    assert all(not p.name.startswith(".") for p in backup_dir(ws_path).iterdir())


def test_temp_files_of_an_interrupted_backup_are_cleaned_next_time(ws_path: Path) -> None:
    folder = backup_dir(ws_path)
    folder.mkdir()
    stale = folder / ".w.evdb.k1ll3d.evdb"
    stale.write_bytes(b"half a backup")
    fresh = folder / ".w.evdb.wr1t1ng.evdb"
    fresh.write_bytes(b"another program's backup, being written")
    hour_ago = time.time() - 2 * 3600
    os.utime(stale, (hour_ago, hour_ago))
    with Workspace.open(ws_path) as ws:
        backup_workspace(ws, "manual")
    assert not stale.exists()
    assert fresh.exists()


def test_backups_are_matched_by_identity_not_by_name_prefix(tmp_path: Path) -> None:
    """`2019.evdb` and `2019.old.evdb` in one folder: each lists and rotates only its own."""
    new, old = tmp_path / "2019.evdb", tmp_path / "2019.old.evdb"
    Workspace.create(new, year=2019).close()
    Workspace.create(old, year=2019).close()
    with Workspace.open(old) as ws:
        ws.set_setting("backups.keep", 1)
        olds = [backup_workspace(ws, "manual") for _ in range(2)]
    with Workspace.open(new) as ws:
        ws.set_setting("backups.keep", 1)
        news = [backup_workspace(ws, "manual") for _ in range(3)]
    assert list_backups(new) == [news[-1]]
    assert list_backups(old) == [olds[-1]]
    assert olds[-1].exists()
    # a backup carrying another workspace's identity under this one's stem is not listed
    with Workspace.open(old) as ws_old, Workspace.open(new) as ws_new:
        assert ws_old.identity() != ws_new.identity()
        foreign_name = news[-1].name.replace(ws_new.identity(), ws_old.identity())
    impostor = backup_dir(new) / foreign_name
    impostor.write_bytes(news[-1].read_bytes())
    assert impostor not in list_backups(new)


def test_retention_keeps_the_newest_backup_before_each_irreversible_step(
        ws_path: Path) -> None:
    with Workspace.open(ws_path) as ws:
        ws.set_setting("backups.keep", 2)
        merge = backup_workspace(ws, "merge")
        plenary = backup_workspace(ws, "plenary")
        imports = [backup_workspace(ws, "registry-import") for _ in range(4)]
    kept = list_backups(ws_path)
    assert merge in kept
    assert plenary in kept
    assert imports[-1] in kept
    assert imports[-2] in kept
    assert not imports[0].exists()


def test_restore_into_a_read_only_folder_is_refused_saying_why(
        ws_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator import sqlite_files

    with Workspace.open(ws_path) as ws:
        backup = backup_workspace(ws, "manual")
    before = audit(ws_path)
    monkeypatch.setattr(sqlite_files, "writable", lambda _path: (False, "folder"))
    with pytest.raises(WorkspaceError) as caught:
        restore_workspace(ws_path, backup)
    assert caught.value.problems[0].code == "workspace.read_only"
    assert ws_path.exists()
    assert audit(ws_path) == before


def test_backup_names_are_case_blind_where_the_file_system_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: the backups made as Office.evdb belong to office.evdb."""
    import ntpath

    from evaluator.backups import parse_backup_name

    backup = tmp_path / "backups" / "Office.0123456789abcdef.20261130-101500-000001.merge.evdb"
    monkeypatch.setattr("evaluator.backups.os.path.normcase", ntpath.normcase)
    found = parse_backup_name(tmp_path / "office.evdb", backup)
    assert found is not None
    assert (found.identity, found.reason) == ("0123456789abcdef", "merge")
    monkeypatch.undo()
    assert parse_backup_name(tmp_path / "office.evdb", backup) is None  # POSIX: case counts
