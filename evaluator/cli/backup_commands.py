"""Backup subcommands: `backup` (a copy now), `backups` (the list), `restore` (undo to a copy).

A restore first keeps the current state as a backup of its own (or, when the current file
no longer opens, sets it aside whole), so a restore can itself be undone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.sqlite_uri import read_only_uri

messages.register({
    "cli.backup_written": {
        "zh": "已备份工作区到 {path}",
        "en": "Backed up the workspace to {path}",
    },
    "cli.backups_none": {
        "zh": "{path} 还没有备份",
        "en": "{path} has no backups yet",
    },
    "cli.backups_line": {
        "zh": "{i}. {name}（{created}，{reason}，{size}）",
        "en": "{i}. {name} ({created}, {reason}, {size})",
    },
    "cli.restored": {
        "zh": "已用备份 {backup} 恢复工作区 {path}；恢复前的状态保存在 {safety}",
        "en": "Restored {path} from {backup}; the state before the restore is kept in "
              "{safety}",
    },
    "cli.restored_no_safety": {
        "zh": "已用备份 {backup} 恢复工作区 {path}",
        "en": "Restored {path} from {backup}",
    },
    "backup.not_found": {
        "zh": "找不到备份“{name}”：既不是文件，也不在 {folder} 中",
        "en": "No backup '{name}': neither a file nor in {folder}",
    },
    "backup.is_the_workspace": {
        "zh": "{path} 就是工作区本身，不能用它恢复自己",
        "en": "{path} is the workspace itself; it cannot restore itself",
    },
    "backup.too_new": {
        "zh": "备份 {path} 由更新的版本生成（架构版本 {found}，本程序支持 {supported}），请升级程序",
        "en": "Backup {path} was written by a newer version (schema {found}, this program "
              "supports {supported}); please upgrade",
    },
})

# Tables every workspace holds since schema 1; a file without them is not our backup.
_WORKSPACE_TABLES = ("_sqlite_migrations", "years", "audit_log", "alliances")


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="立即备份工作区 / back the workspace up now")
    p.add_argument("workspace", type=Path)
    p.add_argument("--reason", default="manual",
                   help="备份原因，写入文件名 / why (goes into the file name)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("backups", help="列出工作区的备份 / list the workspace's backups")
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="用备份恢复工作区 / put a backup in place of the "
                       "workspace (the current state is backed up first)")
    p.add_argument("workspace", type=Path)
    p.add_argument("backup", help="备份文件或其文件名 / a backup file, or its name as listed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore)


# -- backup -----------------------------------------------------------------------------

def cmd_backup(args: argparse.Namespace) -> int:
    from evaluator.backups import backup_workspace
    from evaluator.cli import print_json
    from evaluator.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        path = backup_workspace(ws, args.reason)
        with ws.transaction():
            ws.audit("backup", "workspace", ws.path.name, None,
                     {"file": path.name, "reason": args.reason})
    if args.json:
        print_json(describe_backup(args.workspace, path))
    else:
        print(messages.text("cli.backup_written", path=path))
    return 0


# -- backups ----------------------------------------------------------------------------

def describe_backup(ws_path: Path, path: Path) -> dict[str, Any]:
    """Name, time and reason of a backup, read from its file name
    (`<stem>.<YYYYmmdd-HHMMSS-ffffff>.<reason>.evdb`, see evaluator.backups)."""
    middle = path.name[len(ws_path.stem) + 1: -len(path.suffix)]
    stamp, _, reason = middle.partition(".")
    try:
        created = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").isoformat(timespec="seconds")
    except ValueError:
        created = ""
    return {"name": path.name, "path": str(path), "created": created, "reason": reason,
            "size": path.stat().st_size if path.exists() else 0}


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def cmd_backups(args: argparse.Namespace) -> int:
    from evaluator.backups import list_backups
    from evaluator.cli import print_json

    found = [describe_backup(args.workspace, p) for p in list_backups(args.workspace)]
    if args.json:
        print_json({"workspace": str(args.workspace), "backups": found})
        return 0
    if not found:
        print(messages.text("cli.backups_none", path=args.workspace))
        return 0
    for i, b in enumerate(found, 1):
        print(messages.text("cli.backups_line", i=i, name=b["name"],
                            created=b["created"] or "?", reason=b["reason"] or "-",
                            size=_size_text(int(b["size"]))))
    return 0


# -- restore ----------------------------------------------------------------------------

def resolve_backup(ws_path: Path, name: str) -> Path:
    """A backup given as a path, or by its listed name in the workspace's backup folder."""
    from evaluator.backups import backup_dir
    from evaluator.errors import Problem, WorkspaceError

    given = Path(name)
    if given.is_file():
        return given
    listed = backup_dir(ws_path) / given.name
    if listed.is_file():
        return listed
    raise WorkspaceError(Problem("backup.not_found", {
        "name": name, "folder": str(backup_dir(ws_path))}))


def check_workspace_backup(path: Path) -> None:
    """Refuse a file that is not a whole, readable workspace of a schema we know."""
    from evaluator.errors import Problem, WorkspaceError
    from evaluator.schema import SCHEMA_VERSION
    from evaluator.workspace import SQLITE_MAGIC

    refused = WorkspaceError(Problem("backups.not_a_backup", {"path": str(path)}))
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise refused
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        raise refused from None
    if not ok or not set(_WORKSPACE_TABLES) <= tables:
        raise refused
    if version > SCHEMA_VERSION:
        raise WorkspaceError(Problem("backup.too_new", {
            "path": str(path), "found": version, "supported": SCHEMA_VERSION}))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _set_aside_damaged(ws_path: Path) -> Path:
    """Move a workspace that no longer opens (with its WAL) into the backup folder."""
    from evaluator.backups import backup_dir

    folder = backup_dir(ws_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{ws_path.stem}.{stamp}.damaged{ws_path.suffix}"
    for extra in ("-wal", "-shm"):
        side = Path(str(ws_path) + extra)
        if side.exists():
            os.replace(side, Path(str(target) + extra))
    os.replace(ws_path, target)
    return target


def restore_workspace(ws_path: Path, backup: Path) -> Path | None:
    """Check the backup, keep the current state, put the backup in place; returns where
    the state before the restore is kept."""
    from evaluator.backups import restore_backup
    from evaluator.errors import Problem, WorkspaceError
    from evaluator.workspace import Workspace

    if _same_file(ws_path, backup):
        raise WorkspaceError(Problem("backup.is_the_workspace", {"path": str(backup)}))
    check_workspace_backup(backup)
    kept: Path | None = None
    if ws_path.exists():
        try:
            Workspace.open(ws_path).close()
        except WorkspaceError:
            kept = _set_aside_damaged(ws_path)
    # Restore from a private copy: making the safety backup rotates the backup folder and
    # may delete the very backup chosen (the oldest), and a USB stick may be pulled.
    fd, name = tempfile.mkstemp(prefix=f".{ws_path.name}.restore.", suffix=".evdb",
                                dir=ws_path.parent)
    os.close(fd)
    private = Path(name)
    try:
        shutil.copyfile(backup, private)
        safety = restore_backup(ws_path, private)
    finally:
        private.unlink(missing_ok=True)
    kept = safety or kept
    with Workspace.open(ws_path) as ws, ws.transaction():
        ws.audit("restore", "workspace", ws_path.name, None,
                 {"from": backup.name, "kept": kept.name if kept else None})
    return kept


def cmd_restore(args: argparse.Namespace) -> int:
    from evaluator.cli import print_json

    backup = resolve_backup(args.workspace, args.backup)
    kept = restore_workspace(args.workspace, backup)
    if args.json:
        print_json({"workspace": str(args.workspace), "restored_from": str(backup),
                    "kept": str(kept) if kept else None})
    elif kept is not None:
        print(messages.text("cli.restored", path=args.workspace, backup=backup.name,
                            safety=kept))
    else:
        print(messages.text("cli.restored_no_safety", path=args.workspace, backup=backup.name))
    return 0
