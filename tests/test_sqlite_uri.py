"""Read-only SQLite URIs: never an authority (UNC), never a resolved mapped drive."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path, PureWindowsPath
from urllib.parse import urlsplit

import pytest

from evaluator.sqlite_uri import file_uri, read_only_uri


@pytest.mark.parametrize(("path", "uri"), [
    (PureWindowsPath(r"Z:\评审\ws.evdb"), "file:///Z:/%E8%AF%84%E5%AE%A1/ws.evdb?mode=ro"),
    (PureWindowsPath(r"C:\Users\专家\a b#1%.evdb"), "file:///C:/Users/%E4%B8%93%E5%AE%B6/a%20b%231%25.evdb?mode=ro"),
    (PureWindowsPath(r"\\server\share\ws.evdb"), "file:////server/share/ws.evdb?mode=ro"),
])
def test_windows_paths_give_uris_without_an_authority(path: PureWindowsPath, uri: str) -> None:
    assert read_only_uri(path) == uri
    assert urlsplit(uri).netloc == ""


def test_real_paths_give_uris_without_an_authority(tmp_path: Path) -> None:
    uri = read_only_uri(tmp_path / "评审 #1.evdb")
    assert uri.startswith("file:///")
    assert urlsplit(uri).netloc == ""


@pytest.mark.skipif(sys.platform == "win32",
                    reason="a symlink stands in for a mapped drive; creating one on Windows "
                           "needs developer mode")
def test_paths_are_made_absolute_not_resolved(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "mapped"  # stands in for a mapped drive: resolve() would follow it
    link.symlink_to(real, target_is_directory=True)
    uri = file_uri(link / "sub" / ".." / "ws?.evdb")
    assert urlsplit(uri).netloc == ""
    assert uri.endswith("/mapped/ws%3F.evdb")  # the path as given, not its target
    monkeypatch.chdir(real)
    assert file_uri("ws.evdb") == "file://" + (real / "ws.evdb").as_posix()


def test_sqlite_opens_the_uri_read_only(tmp_path: Path) -> None:
    path = tmp_path / "a b#%" / "评审.evdb"  # (no `?`: Windows forbids it in names)
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    ro = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        assert ro.execute("SELECT count(*) FROM t").fetchone() == (0,)
        with pytest.raises(sqlite3.OperationalError):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()


def test_backups_and_restore_never_resolve_paths() -> None:
    """resolve() turns a Windows mapped drive into UNC; backups.py and the backup commands
    build their URIs with evaluator.sqlite_uri instead."""
    root = Path(__file__).resolve().parent.parent / "evaluator"
    for name in ("backups.py", "cli/backup_commands.py"):
        source = (root / name).read_text(encoding="utf-8")
        assert ".resolve()" not in source, name
        assert "as_uri()" not in source, name
