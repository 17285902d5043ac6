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

from evaluator.sqlite_uri import file_uri

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
    """A SQLite URI for `path`, never resolved and without an authority (mapped drives stay
    mapped: see `sqlite_uri`); `?`, `#` and `%` in names are quoted."""
    params = []
    if read_only:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    text = file_uri(path)
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
    from evaluator.file_reading import refuse_special_file

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
    database (or is damaged, or busy: see `is_busy`), EvaluatorError when it is no
    regular file (a FIFO would block SQLite's open; `stat` alone tells)."""
    from evaluator.file_reading import MAX_DATABASE_BYTES, require_regular_file

    require_regular_file(path, MAX_DATABASE_BYTES)
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


# -- network shares: WAL needs shared memory that a network file system does not give ----
# (SQLite's "WAL mode … does not work over a network filesystem", sqlite.org/wal.html).
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph",
    "glusterfs", "davfs", "fuse.sshfs", "fuse.davfs2", "fuse.glusterfs", "webdav",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW


def journal_mode_for(path: Path) -> str:
    """WAL where it works, the rollback journal on a network share."""
    return "DELETE" if on_network_share(path) else "WAL"


def on_network_share(path: Path) -> bool:
    """Whether `path` lies on a network file system (a mapped drive or UNC path on
    Windows; nfs/cifs/smb… in the mount table on Linux and macOS)."""
    absolute = os.path.abspath(path)
    if os.name == "nt":
        return _windows_remote(absolute)
    return mount_type(absolute, _mount_table()) in NETWORK_FILE_SYSTEMS


def _windows_remote(absolute: str) -> bool:  # pragma: no cover - Windows only
    if absolute.startswith(("\\\\", "//")):
        return True
    import ctypes

    root = os.path.splitdrive(absolute)[0] + "\\"
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE)


def mount_type(absolute: str, table: list[tuple[str, str]]) -> str:
    """The file-system type of the longest mount point holding `absolute`."""
    best, kind = "", ""
    for point, fstype in table:
        inside = absolute == point or absolute.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fstype
    return kind.lower()


def _mount_table() -> list[tuple[str, str]]:
    """(mount point, type) from /proc/self/mounts (Linux) or `mount` (macOS)."""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
        return [(_unescape_mount(parts[1]), parts[2]) for parts in
                (line.split() for line in lines) if len(parts) >= 3]
    except OSError:
        pass
    import re
    import subprocess

    try:
        out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    # macOS: "//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by u)"
    found = re.findall(r" on (.+?) \((\w+)[,)]", out)
    return [(point, kind) for point, kind in found]


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040 (and tab, newline, \\)."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))
