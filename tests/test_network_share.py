"""A workspace on a network share: the rollback journal instead of WAL, or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator import sqlite_files
from evaluator.cli import main
from evaluator.errors import WorkspaceError
from evaluator.sqlite_files import mount_type
from evaluator.workspace import Workspace

MOUNTS = [("/", "ext4"), ("/mnt/office", "cifs"), ("/mnt/office/local", "ext4"),
          ("/home/评审 组", "nfs4"), ("/media/usb", "vfat")]


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/x/ws.evdb", "ext4"),
    ("/mnt/office/2019.evdb", "cifs"),
    ("/mnt/office/local/2019.evdb", "ext4"),  # the longest mount point wins
    ("/mnt/officex/2019.evdb", "ext4"),  # a name that merely starts the same
    ("/home/评审 组/ws.evdb", "nfs4"),
    ("/media/usb/ws.evdb", "vfat"),
])
def test_the_mount_holding_a_path_gives_its_type(path: str, kind: str) -> None:
    assert mount_type(path, MOUNTS) == kind


def test_this_machines_temp_folder_is_local(tmp_path: Path) -> None:
    assert not sqlite_files.on_network_share(tmp_path / "w.evdb")
    assert sqlite_files.journal_mode_for(tmp_path / "w.evdb") == "WAL"


@pytest.fixture
def share(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """tmp_path as if it were a mounted SMB share."""
    monkeypatch.setattr(sqlite_files, "_mount_table",
                        lambda: [("/", "ext4"), (str(tmp_path), "cifs")])
    return tmp_path


def journal(ws: Workspace) -> str:
    return str(ws.db.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def test_a_workspace_on_a_share_uses_the_rollback_journal(share: Path) -> None:
    with Workspace.create(share / "w.evdb", year=2018) as ws:
        assert journal(ws) == "delete"
        ws.set_setting("bands.high", 86)
    with Workspace.open(share / "w.evdb") as ws:
        assert journal(ws) == "delete"
        assert ws.setting("bands.high") == 86
    assert not (share / "w.evdb-wal").exists()


def test_a_local_workspace_keeps_wal(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.evdb", year=2018) as ws:
        assert journal(ws) == "wal"


def test_the_setting_refuses_a_share_with_what_to_do(share: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.create(share / "w.evdb", year=2018) as ws:
        ws.set_setting("workspace.refuse_network_share", True)
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(share / "w.evdb")
    assert [p.code for p in refused.value.problems] == ["workspace.network_share"]
    assert main(["info", str(share / "w.evdb")]) == 2
    assert "网络共享文件夹" in capsys.readouterr().err
