"""Backup subcommands: `backup` (a copy now), `backups` (the list), `restore` (undo to a copy).

Everything is `evaluator.backups`' (the backups dialog calls the same functions): a
restore first keeps the current state as a backup of its own (or, when the current file
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
    from evaluator.backups import backup_workspace, describe_backup
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

def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def cmd_backups(args: argparse.Namespace) -> int:
    from evaluator.backups import describe_backup, list_backups
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

def cmd_restore(args: argparse.Namespace) -> int:
    from evaluator.backups import find_backup, restore_workspace
    from evaluator.cli import print_json

    backup = find_backup(args.workspace, args.backup)
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
