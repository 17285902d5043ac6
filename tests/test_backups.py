"""Automatic backups: online copy, rotation, atomic restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.backups import backup_workspace, list_backups, restore_backup
from evaluator.errors import WorkspaceError
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace


def test_backup_is_a_consistent_copy(workspace: Workspace) -> None:
    add_alliance(workspace, "101", "甲联盟")
    path = backup_workspace(workspace, "merge")
    assert path.parent == workspace.path.parent / "backups"
    assert path.name.endswith(".merge.evdb")
    with Workspace.open(path) as copy:
        assert copy.count("alliances") == 1
        assert copy.integrity_ok()


def test_rotation_keeps_the_setting(workspace: Workspace) -> None:
    workspace.set_setting("backups.keep", 3)
    made = [backup_workspace(workspace, f"b{i}") for i in range(5)]
    kept = list_backups(workspace.path)
    assert kept == list(reversed(made))[:3]
    assert not made[0].exists()


def test_restore_replaces_the_workspace(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        backup = backup_workspace(ws, "merge")
        add_alliance(ws, "102", "乙联盟")
    safety = restore_backup(path, backup)
    assert safety is not None
    with Workspace.open(path) as ws:
        assert [r[0] for r in ws.db.execute("SELECT code FROM alliances")] == ["101"]
    with Workspace.open(safety) as ws:
        assert ws.count("alliances") == 2


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
    bad = tmp_path / "bad.evdb"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(WorkspaceError):
        restore_backup(path, bad)
    with Workspace.open(path) as ws:
        assert ws.count("alliances") == 1


@pytest.mark.parametrize("folder", ["what?mode=rw", "no#1", "100%25 done", "空 格"])
def test_restore_from_a_folder_with_uri_characters(tmp_path: Path, folder: str) -> None:
    """The read-only URI quotes the path: `?`, `#` and `%` in a folder name are a path,
    not a query, a fragment or an escape."""
    path = tmp_path / folder / "w.evdb"
    path.parent.mkdir()
    with Workspace.create(path, year=2018) as ws:
        add_alliance(ws, "101", "甲联盟")
        backup = backup_workspace(ws, "merge")
        add_alliance(ws, "102", "乙联盟")
    restore_backup(path, backup)
    with Workspace.open(path) as ws:
        assert [r[0] for r in ws.db.execute("SELECT code FROM alliances")] == ["101"]


def test_restore_of_the_oldest_backup_keeps_a_safety_copy(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        ws.set_setting("backups.keep", 2)
        oldest = backup_workspace(ws, "b0")
        backup_workspace(ws, "b1")
        add_alliance(ws, "101", "甲联盟")
    safety = restore_backup(path, oldest)
    assert safety is not None and safety in list_backups(path)
    assert len(list_backups(path)) == 2
    with Workspace.open(path) as ws:
        assert ws.count("alliances") == 0
    with Workspace.open(safety) as ws:
        assert ws.count("alliances") == 1
