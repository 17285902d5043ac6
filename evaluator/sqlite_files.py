"""How the product opens its SQLite files (workspace .evdb, package .evpkg, backups).

One rule: nothing but SQLite opens a live database file. No `open()`, copy or hash of
it: on POSIX, closing any descriptor of a file drops every lock the process holds on it
(SQLite's "How To Corrupt", 2.2), and another process may then checkpoint and delete the
WAL under a connection that still uses it. A file's kind is asked of SQLite instead: a
read-only connection reads `PRAGMA application_id`, `user_version` and the schema.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

# `PRAGMA application_id` of each kind of file (the file(1) magic database convention:
# four ASCII letters as a 32-bit big-endian integer).
WORKSPACE_APPLICATION_ID = 0x45564442  # "EVDB"
PACKAGE_APPLICATION_ID = 0x4556504B  # "EVPK"

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_FULL = 13
SQLITE_IOERR = 10


def uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """A SQLite URI for `path`; `as_uri` quotes `?`, `#` and `%` in names."""
    params = []
    if read_only:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    text = path.resolve().as_uri()
    return text + ("?" + "&".join(params) if params else "")


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error` (BUSY, READONLY, FULL...), if it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(error: BaseException) -> bool:
    return primary_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def is_read_only_error(error: BaseException) -> bool:
    return primary_code(error) == SQLITE_READONLY


def writable(path: Path) -> tuple[bool, str]:
    """Whether SQLite can write `path` (the file and, for its WAL and journal, its
    folder); else False and 'file' or 'folder'."""
    if not os.access(path.parent, os.W_OK):
        return False, "folder"
    if path.exists() and not os.access(path, os.W_OK):
        return False, "file"
    return True, ""


def needs_immutable(path: Path) -> bool:
    """A WAL database in a folder nobody here can write, closed cleanly (no -wal): SQLite
    cannot create its -shm, so it is read as an immutable file (nothing can change it
    from this account either)."""
    wal = Path(str(path) + "-wal")
    return not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size)


def connect_read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    from evaluator.reading import refuse_special_file

    refuse_special_file(path)  # SQLite would block opening a FIFO
    return sqlite3.connect(uri(path, read_only=True, immutable=needs_immutable(path)),
                           uri=True, timeout=timeout, isolation_level=None)


@dataclass
class Probe:
    """What SQLite says a file is, read without writing."""

    application_id: int = 0
    user_version: int = 0
    tables: set[str] = field(default_factory=set)


def probe(path: Path) -> Probe:
    """Ask SQLite what `path` holds; raises sqlite3.DatabaseError when it is not a
    database (or is damaged, or busy: see `is_busy`)."""
    conn = connect_read_only(path)
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except ValueError as exc:  # a damaged schema's names are not UTF-8
        raise sqlite3.DatabaseError(str(exc)) from None
    finally:
        conn.close()
    return Probe(application_id, user_version, tables)


def copy_database(source: Path, target: Path) -> None:
    """Copy a database with SQLite's online backup API (a consistent copy even while
    another connection writes it; never a file copy of a live database)."""
    src = connect_read_only(source)
    try:
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
