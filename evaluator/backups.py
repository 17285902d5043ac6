"""Automatic backups of a workspace before merges, imports and plenary decisions.

Copies are made with SQLite's online backup API (a consistent copy of a live WAL
database, unlike a file copy) into `backups/` beside the workspace, newest kept up to the
setting `backups.keep`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from evaluator import messages
from evaluator.atomic import atomic_write
from evaluator.errors import Problem, WorkspaceError
from evaluator.sqlite_uri import read_only_uri
from evaluator.workspace import SQLITE_MAGIC, SUFFIX, Workspace

BACKUP_DIR = "backups"

messages.register({
    "backups.not_a_backup": {
        "zh": "{path} 不是可用的工作区备份",
        "en": "{path} is not a usable workspace backup",
    },
})


def backup_dir(ws_path: Path) -> Path:
    return ws_path.parent / BACKUP_DIR


def _prefix(ws_path: Path) -> str:
    return f"{ws_path.stem}."


def backup_workspace(ws: Workspace, reason: str) -> Path:
    """Copy the open workspace to backups/<stem>.<time>.<reason>.evdb; rotate old ones."""
    folder = backup_dir(ws.path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tag = re.sub(r"[^a-z0-9_-]+", "-", reason.lower()).strip("-") or "backup"
    target = folder / f"{_prefix(ws.path)}{stamp}.{tag}{SUFFIX}"
    with atomic_write(target, suffix=SUFFIX) as tmp:
        dest = sqlite3.connect(str(tmp))
        try:
            ws.db.conn.backup(dest)
        finally:
            dest.close()
    keep = max(1, int(ws.setting("backups.keep")))
    for old in list_backups(ws.path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(path: Path | str) -> list[Path]:
    """Backups of the workspace at `path`, newest first."""
    path = Path(path)
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir()
             if p.name.startswith(_prefix(path)) and p.name.endswith(SUFFIX)
             and not p.name.startswith(".")]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _check_backup(backup_path: Path) -> None:
    problem = Problem("backups.not_a_backup", {"path": str(backup_path)})
    try:
        with backup_path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise WorkspaceError(problem)
        conn = sqlite3.connect(read_only_uri(backup_path), uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        raise WorkspaceError(problem) from None
    if not ok or "_sqlite_migrations" not in tables:
        raise WorkspaceError(problem)


def restore_backup(ws_path: Path | str, backup_path: Path | str) -> Path | None:
    """Put a backup in place of the (closed) workspace, atomically.

    The backup is copied beside the workspace first: the safety backup's rotation may
    delete the very file being restored (the oldest of a full folder). Then the current
    workspace is itself backed up (returned) when it exists, its WAL is checkpointed and
    removed so no stale frames apply to the restored file.
    """
    ws_path, backup_path = Path(ws_path), Path(backup_path)
    _check_backup(backup_path)
    safety: Path | None = None
    with atomic_write(ws_path, suffix=SUFFIX) as tmp:
        try:
            src = sqlite3.connect(read_only_uri(backup_path), uri=True)
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
            finally:
                dest.close()
                src.close()
        except sqlite3.DatabaseError:
            raise WorkspaceError(Problem("backups.not_a_backup",
                                         {"path": str(backup_path)})) from None
        if ws_path.exists():
            with Workspace.open(ws_path) as current:
                safety = backup_workspace(current, "before-restore")
                current.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for extra in ("-wal", "-shm"):
            stale = Path(str(ws_path) + extra)
            if stale.exists():
                os.unlink(stale)
    return safety
