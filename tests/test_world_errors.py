"""Errors of the world are messages, not bugs: a full disk, a folder where a file belongs,
a read-only folder: exit 2 with the path and what to do, never exit 1; nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator import sqlite_files
from evaluator.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def cli(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en",
                           *map(str, argv)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "office" / "demo.evdb"
    path.parent.mkdir()
    sqlite_files.copy_database(demo_path, path)
    return path


def test_a_folder_as_output_is_named(demo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    done = cli("export", demo_copy, "--out", folder)
    assert done.returncode == 2, done.stderr
    assert str(folder) in done.stderr
    assert "is a folder" in done.stderr
    assert list(folder.iterdir()) == []


def test_a_folder_as_input_is_named(demo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in.csv"
    folder.mkdir()
    done = cli("registry", "import", demo_copy, folder)
    assert done.returncode == 2, done.stderr
    assert "in.csv" in done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 12 MB tmpfs; skipped where the test cannot mount one (needs root on Linux)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.name != "posix" or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(disk: Path) -> None:
    """Fill the disk to the last block."""
    with (disk / "filler").open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    with (disk / "filler-tail").open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 512)
                fh.flush()
        except OSError:
            pass


def test_export_to_a_full_disk_is_a_message(demo_copy: Path, small_disk: Path) -> None:
    _fill(small_disk)
    done = cli("export", demo_copy, "--out", small_disk / "结果.xlsx")
    assert done.returncode == 2, done.stderr
    assert "disk is full" in done.stderr
    assert "结果.xlsx" in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "filler-tail"]


def test_backup_on_a_full_disk_is_a_message_and_the_workspace_survives(
        demo_path: Path, small_disk: Path) -> None:
    path = small_disk / "demo.evdb"
    sqlite_files.copy_database(demo_path, path)
    with Workspace.open(path) as ws:
        alliances = ws.count("alliances")
    _fill(small_disk)
    (small_disk / "filler-tail").unlink()  # room for the folder, not for the copy
    done = cli("backup", path)
    assert done.returncode == 2, done.stderr
    assert "full" in done.stderr
    (small_disk / "filler").unlink()
    with Workspace.open(path) as ws:
        assert ws.integrity_ok()
        assert ws.count("alliances") == alliances
        assert ws.count("audit_log", "action = 'backup'") == 0
    backups = small_disk / "backups"
    assert not backups.exists() or not [p for p in backups.iterdir() if p.name.startswith(".")]


def test_export_into_a_read_only_folder_is_a_message(demo_copy: Path,
                                                     small_disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = cli("export", demo_copy, "--out", small_disk / "结果.xlsx")
    assert done.returncode == 2, done.stderr
    assert "结果.xlsx" in done.stderr
    assert "read-only" in done.stderr
