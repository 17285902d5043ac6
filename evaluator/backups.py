"""Automatic backups of a workspace before merges, imports and plenary decisions; restore.

Copies are made with SQLite's online backup API (a consistent copy of a live WAL
database, unlike a file copy) into `backups/` beside the workspace, named
`<stem>.<identity>.<time>.<reason>.evdb`: the identity (`Workspace.identity`) ties a backup
to its workspace, so `2019.evdb` never rotates or offers the backups of `2019.old.evdb`.

Retention keeps the newest `backups.keep`, the newest of each day, and the newest taken
before each irreversible step (merge, plenary decision, restore, publish); then drops the
oldest of the rest while the folder is over `backups.max_mb`.

A restore writes the backup INTO the live file through SQLite (the backup API onto a
connection holding the exclusive lock), so it is refused while any other program has the
workspace open, keeps the file (and its mode), leaves no temp file, and carries the audit
log forward: every entry the workspace had stays, plus the restore's own.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from evaluator import messages, sqlite_files
from evaluator.atomic import atomic_write
from evaluator.errors import Problem, WorkspaceError
from evaluator.schema import SCHEMA_VERSION, migration_names, migrations
from evaluator.timefmt import now_iso
from evaluator.workspace import SUFFIX, Workspace, current_actor, identity_of

BACKUP_DIR = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# The steps that cannot be undone but by a restore: the newest backup before each is kept.
IRREVERSIBLE = ("merge", "plenary", "before-restore", "publish")

# Tables every workspace holds since schema 1; a file without them is not our backup.
WORKSPACE_TABLES = ("_sqlite_migrations", "years", "audit_log", "alliances")

messages.register({
    "backups.not_a_backup": {
        "zh": "{path} 不是可用的工作区备份",
        "en": "{path} is not a usable workspace backup",
    },
    "backups.foreign_schema": {
        "zh": "{path} 含有本程序的工作区结构中没有的对象（{objects}），可能被他人改动过，不予恢复",
        "en": "{path} holds objects that are not in this program's workspace schema "
              "({objects}); it may have been tampered with and is not restored",
    },
    "backups.workspace_open": {
        "zh": "工作区 {path} 正在被另一个程序（或另一个窗口）使用，不能恢复；请先关闭使用它的程序，"
              "再恢复",
        "en": "Workspace {path} is open in another program (or window) and cannot be "
              "restored now; close that program first, then restore",
    },
    "backup.not_found": {
        "zh": "找不到备份“{name}”：既不是文件，也不在 {folder} 中",
        "en": "No backup '{name}': neither a file nor in {folder}",
    },
    "backup.is_the_workspace": {
        "zh": "{path} 就是工作区本身，不能用它恢复自己",
        "en": "{path} is the workspace itself; it cannot restore itself",
    },
    "backups.too_new": {
        "zh": "备份 {path} 由更新的版本生成（架构版本 {found}，本程序支持 {supported}），请升级程序",
        "en": "Backup {path} was written by a newer version (schema {found}, this program "
              "supports {supported}); please upgrade",
    },
})


def backup_dir(ws_path: Path) -> Path:
    return ws_path.parent / BACKUP_DIR


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: its time, reason and workspace identity."""

    stamp: datetime
    reason: str
    identity: str  # '' for backups named before identities were written into names


_NAME = re.compile(r"(?:(?P<identity>[0-9a-f]{16})\.)?(?P<stamp>\d{8}-\d{6}-\d{6})"
                   r"\.(?P<reason>[a-z0-9_-]+)" + re.escape(SUFFIX) + "$")


def parse_backup_name(ws_path: Path, path: Path) -> BackupName | None:
    """The parts of a backup of `ws_path`'s name, or None when it is not one (another
    workspace's, whose stem merely starts the same, or another file)."""
    # Windows names are case-blind: Office.evdb's backups are office.evdb's.
    prefix = os.path.normcase(f"{ws_path.stem}.")
    if not os.path.normcase(path.name).startswith(prefix):
        return None
    found = _NAME.fullmatch(path.name[len(prefix):])
    if found is None:
        return None
    try:
        stamp = datetime.strptime(found["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(stamp, found["reason"], found["identity"] or "")


def backup_workspace(ws: Workspace, reason: str) -> Path:
    """Copy the open workspace to backups/; apply the retention."""
    ws.require_writable()
    return _write_backup(ws.db.conn, ws.path, ws.identity(), reason,
                         keep=int(ws.setting("backups.keep")),
                         max_mb=float(ws.setting("backups.max_mb")))


def _write_backup(conn: sqlite3.Connection, ws_path: Path, identity: str, reason: str,
                  keep: int, max_mb: float, protect: Path | None = None) -> Path:
    folder = backup_dir(ws_path)
    folder.mkdir(parents=True, exist_ok=True)
    clean_temp_files(folder)
    stamp = datetime.now().strftime(STAMP_FORMAT)
    tag = re.sub(r"[^a-z0-9_-]+", "-", reason.lower()).strip("-") or "backup"
    target = folder / f"{ws_path.stem}.{identity}.{stamp}.{tag}{SUFFIX}"
    with atomic_write(target, suffix=SUFFIX) as tmp:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
            # A backup is read, not written: DELETE journal, so it is one file.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    _copy_mode(ws_path, target)
    rotate(ws_path, identity, keep, max_mb, protect)
    return target


def _copy_mode(source: Path, target: Path) -> None:
    """Backups and restored files keep the workspace's permissions (not mkstemp's 0600)."""
    try:
        os.chmod(target, source.stat().st_mode & 0o7777)
    except OSError:
        pass  # a folder that keeps no modes (FAT, network shares): nothing to keep


def clean_temp_files(folder: Path) -> None:
    """Remove temp files of interrupted backups and restores in `folder` (the hidden
    `.name.XXXX.evdb` of atomic_write and their journals), unless written the last hour:
    another program may be writing one right now."""
    if not folder.is_dir():
        return
    cutoff = datetime.now().timestamp() - 3600
    for entry in folder.iterdir():
        name = entry.name
        if not (name.startswith(".") and SUFFIX in name):
            continue
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
        except OSError:
            continue


def list_backups(path: Path | str) -> list[Path]:
    """Backups of the workspace at `path`, newest first: its stem, then (when the name
    carries one) its identity."""
    path = Path(path)
    return [p for p, _ in _backups_with_names(path, _identity_or_none(path))]


def describe_backup(ws_path: Path, path: Path) -> dict[str, Any]:
    """Name, path, time, reason (from the file name) and size of a backup, as the backups
    dialog and `evaluator backups` list it."""
    name = parse_backup_name(ws_path, path)
    return {"name": path.name, "path": str(path),
            "created": name.stamp.isoformat(timespec="seconds") if name else "",
            "reason": name.reason if name else "",
            "size": path.stat().st_size if path.exists() else 0}


def find_backup(ws_path: Path, name: str) -> Path:
    """A backup given as a path, or by its listed name in the workspace's backup folder."""
    given = Path(name)
    if given.is_file():
        return given
    listed = backup_dir(ws_path) / given.name
    if listed.is_file():
        return listed
    raise WorkspaceError(Problem("backup.not_found", {
        "name": name, "folder": str(backup_dir(ws_path))}))


def _identity_or_none(path: Path) -> str | None:
    try:
        return identity_of(path)
    except (OSError, sqlite3.DatabaseError):
        return None  # missing or damaged: list by name alone


def _backups_with_names(path: Path, identity: str | None) -> list[tuple[Path, BackupName]]:
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        name = parse_backup_name(path, p)
        if name is None or p.name.startswith("."):
            continue
        if identity is not None and name.identity and name.identity != identity:
            continue
        found.append((p, name))
    return sorted(found, key=lambda item: item[1].stamp, reverse=True)


def rotate(ws_path: Path, identity: str | None, keep: int, max_mb: float,
           protect: Path | None = None) -> list[Path]:
    """Delete the backups the retention does not keep; returns them."""
    listed = _backups_with_names(ws_path, identity)
    kept: set[Path] = {p for p, _ in listed[:max(1, keep)]}
    days: set[str] = set()
    kinds: set[str] = set()
    for p, name in listed:  # newest first
        day = name.stamp.strftime("%Y%m%d")
        if day not in days:
            days.add(day)
            kept.add(p)
        if name.reason in IRREVERSIBLE and name.reason not in kinds:
            kinds.add(name.reason)
            kept.add(p)
    if protect is not None:
        kept.add(protect)
    deleted = [p for p, _ in listed if p not in kept]
    # Over the size cap: the oldest of the newest-per-day go first; never the newest
    # `keep`, never the newest before an irreversible step.
    firm = {p for p, _ in listed[:max(1, keep)]}
    firm |= {p for p, name in listed if name.reason in IRREVERSIBLE and p in kept}
    if protect is not None:
        firm.add(protect)
    total = sum(_size(p) for p in kept)
    for p, _ in reversed(listed):
        if total <= max_mb * 1024 * 1024:
            break
        if p in kept and p not in firm:
            kept.discard(p)
            deleted.append(p)
            total -= _size(p)
    for p in deleted:
        p.unlink(missing_ok=True)
    return deleted


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# -- checking a restore candidate -----------------------------------------------------

def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


def expected_schema(version: int) -> set[tuple[str, str, str]]:
    """(type, name, sql) of every object the first `version` migrations create."""
    names = migration_names()
    conn = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(conn), stop_before=names[version] if version < len(names)
                         else None)
        return _schema_objects(conn)
    finally:
        conn.close()


# sqlite-utils' own bookkeeping (its table and index), whose SQL its versions may word
# differently; a trigger on it is still checked like any other.
_SCHEMA_QUERY = ("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                 " AND NOT (type IN ('table', 'index') AND tbl_name = '_sqlite_migrations')")


def _schema_objects(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {(str(t), str(n), _normalised(s)) for t, n, s in conn.execute(_SCHEMA_QUERY)}


def check_backup(path: Path) -> None:
    """Refuse a file that is not a whole, readable workspace of a schema we know, holding
    exactly that schema's tables, indexes, triggers and views (a crafted file with an
    extra trigger, or without the audit log's append-only triggers, is refused)."""
    refused = WorkspaceError(Problem("backups.not_a_backup", {"path": str(path)}))
    try:
        conn = sqlite_files.connect_read_only(path)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            objects = _schema_objects(conn)
            tables = {str(r[0]) for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            applied = [r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                (migrations.name,))] if "_sqlite_migrations" in tables else []
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError, ValueError):
        raise refused from None
    if not ok or not set(WORKSPACE_TABLES) <= tables \
            or application_id not in (0, sqlite_files.WORKSPACE_APPLICATION_ID):
        raise refused
    if version > SCHEMA_VERSION or len(applied) > SCHEMA_VERSION:
        raise WorkspaceError(Problem("backups.too_new", {
            "path": str(path), "found": max(version, len(applied)),
            "supported": SCHEMA_VERSION}))
    if applied != migration_names()[:len(applied)]:
        raise refused
    expected = expected_schema(len(applied))
    foreign = sorted({n for _, n, _ in objects ^ expected})
    if foreign:
        raise WorkspaceError(Problem("backups.foreign_schema", {
            "path": str(path), "objects": ", ".join(foreign[:5])}))


# -- restore -------------------------------------------------------------------------

def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _lock_exclusively(ws_path: Path) -> sqlite3.Connection:
    """A connection holding the workspace's exclusive lock until closed; refused
    (backups.workspace_open) while any other connection, in any program, has it open:
    a WAL database leaves WAL mode only when no one else has it open."""
    conn = sqlite3.connect(str(ws_path), isolation_level=None, timeout=0.5)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if sqlite_files.is_busy(exc):
                raise WorkspaceError(Problem("backups.workspace_open",
                                             {"path": str(ws_path)})) from None
            raise
        if str(mode).lower() != "delete":
            raise WorkspaceError(Problem("backups.workspace_open", {"path": str(ws_path)}))
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in exclusive locking mode the lock stays taken
        conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _set_aside_damaged(ws_path: Path) -> Path:
    """Move a workspace that no longer opens (with its WAL) into the backup folder."""
    folder = backup_dir(ws_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime(STAMP_FORMAT)
    target = folder / f"{ws_path.stem}.{stamp}.damaged{ws_path.suffix}"
    for extra in ("-wal", "-shm"):
        side = Path(str(ws_path) + extra)
        if side.exists():
            os.replace(side, Path(str(target) + extra))
    os.replace(ws_path, target)
    return target


def _setting(conn: sqlite3.Connection, key: str) -> Any:
    from evaluator.settings import SETTINGS_BY_KEY

    try:
        row = conn.execute("SELECT value_json FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        row = None
    return json.loads(row[0]) if row else SETTINGS_BY_KEY[key].default


_AUDIT_COLUMNS = "at, actor, action, entity, entity_key, old_json, new_json"


def restore_workspace(ws_path: Path | str, backup: Path | str,
                      actor: str | None = None) -> Path | None:
    """Check the backup, keep the current state as a backup of its own (or, when it no
    longer opens, set it aside whole), write the backup into the workspace, carry the
    audit log forward; returns where the state before the restore is kept."""
    ws_path, backup = Path(ws_path), Path(backup)
    if _same_file(ws_path, backup):
        raise WorkspaceError(Problem("backup.is_the_workspace", {"path": str(backup)}))
    check_backup(backup)
    can_write, why = sqlite_files.writable(ws_path)
    if not can_write:
        raise WorkspaceError(Problem("workspace.read_only", {
            "path": str(ws_path), "why": messages.text(f"workspace.read_only.{why}")}))
    kept: Path | None = None
    live: sqlite3.Connection | None = None
    carried: list[tuple[Any, ...]] = []
    mode_from: Path | None = None
    if ws_path.exists():
        try:
            live = _lock_exclusively(ws_path)
        except sqlite3.DatabaseError:
            mode_from = kept = _set_aside_damaged(ws_path)
    try:
        if live is None:
            live = sqlite3.connect(str(ws_path), isolation_level=None)
            live.execute("PRAGMA locking_mode=EXCLUSIVE")
            live.execute("PRAGMA journal_mode=DELETE")
        else:
            identity = _identity_of_connection(live, ws_path)
            kept = _write_backup(live, ws_path, identity, "before-restore",
                                 keep=int(_setting(live, "backups.keep")),
                                 max_mb=float(_setting(live, "backups.max_mb")),
                                 protect=backup)
            carried = live.execute(
                f"SELECT id, {_AUDIT_COLUMNS} FROM audit_log ORDER BY id").fetchall()
        source = sqlite_files.connect_read_only(backup)
        try:
            source.backup(live)
        finally:
            source.close()
        _carry_audit_log(live, carried, backup, kept, actor or current_actor(), ws_path.name)
        live.execute(f"PRAGMA application_id={sqlite_files.WORKSPACE_APPLICATION_ID}")
        live.execute("PRAGMA journal_mode=WAL")
        live.execute("PRAGMA locking_mode=NORMAL")
        live.execute("SELECT 1 FROM audit_log LIMIT 1").fetchall()  # releases the lock
    finally:
        if live is not None:
            live.close()
    if mode_from is not None:
        _copy_mode(mode_from, ws_path)
    return kept


def _identity_of_connection(conn: sqlite3.Connection, ws_path: Path) -> str:
    from evaluator.workspace import identity_from_first_entry

    row = conn.execute("SELECT at, entity_key FROM audit_log ORDER BY id LIMIT 1").fetchone()
    return identity_from_first_entry(row, ws_path.name)


def _carry_audit_log(conn: sqlite3.Connection, before: list[tuple[Any, ...]], backup: Path,
                     kept: Path | None, actor: str, ws_name: str) -> None:
    """Append to the restored log every entry the workspace had that the backup lacks
    (same id and content = already there), then the restore's own entry."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        restored = {row[0]: tuple(row[1:]) for row in conn.execute(
            f"SELECT id, {_AUDIT_COLUMNS} FROM audit_log")}
        missing = [row for row in before if restored.get(row[0]) != tuple(row[1:])]
        conn.executemany(f"INSERT INTO audit_log ({_AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [tuple(row[1:]) for row in missing])
        conn.execute(
            f"INSERT INTO audit_log ({_AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_iso(), actor, "restore", "workspace", ws_name, None, json.dumps({
                "from": backup.name, "kept": kept.name if kept else None,
                "carried_entries": len(missing)}, ensure_ascii=False)))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
