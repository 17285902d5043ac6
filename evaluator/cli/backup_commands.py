"""Backup subcommands: `backup` (a copy now), `backups` (the list), `restore` (undo to a copy).

A restore first keeps the current state as a backup of its own (or, when the current file
no longer opens, sets it aside whole), so a restore can itself be undone.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from evaluator import messages

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
})

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
    """Name, time and reason of a backup, read from its file name (evaluator.backups)."""
    from evaluator.backups import parse_backup_name

    name = parse_backup_name(ws_path, path)
    return {"name": path.name, "path": str(path),
            "created": name.stamp.isoformat(timespec="seconds") if name else "",
            "reason": name.reason if name else "",
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
    """Refuse a file that is not a whole workspace of a schema we know (backups)."""
    from evaluator.backups import check_backup

    check_backup(path)


def restore_workspace(ws_path: Path, backup: Path) -> Path | None:
    """Check the backup, keep the current state, put the backup in place; returns where
    the state before the restore is kept (evaluator.backups.restore_workspace)."""
    from evaluator.backups import restore_workspace as restore

    return restore(ws_path, backup)


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
