"""The workspace: one SQLite file (.evdb) per evaluation office.

Opened with sqlite-utils in WAL mode with synchronous=FULL (a committed score survives a
power cut) and foreign keys on. Every change goes through `Workspace.audit` into the
append-only audit log.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from evaluator import sqlite_files
from evaluator.errors import Problem, WorkspaceError
from evaluator.people import session_name, working_name
from evaluator.programme import copy_sizes_to_new_year
from evaluator.rubric import Rubric, load_default_rubric, rubric_from_json
from evaluator.schema import SCHEMA_VERSION, migrations
from evaluator.settings import SETTINGS_BY_KEY

SUFFIX = ".evdb"

# The 2018 programme (report 一 and annex 2's note): three batches of pilots and the
# network-member alliances that joined in 2018.
BATCHES_2018: tuple[tuple[str, str, str, int], ...] = (
    ("1", "第一批", "Batch 1", 52),
    ("2", "第二批", "Batch 2", 39),
    ("3", "第三批", "Batch 3", 55),
    ("d", "网员联盟", "Network members", 6),
)


# Told once when a write has to wait for another program's write (the CLI prints the
# waiting message to stderr; `Workspace.on_wait` overrides it per workspace).
wait_notice: Callable[[Path], None] | None = None


def default_busy_wait() -> float:
    """Seconds a write waits for another program's write: EVALUATOR_BUSY_WAIT or 30."""
    try:
        return max(0.0, float(os.environ.get("EVALUATOR_BUSY_WAIT", "30")))
    except ValueError:
        return 30.0


def identity_from_first_entry(row: Any, fallback: str) -> str:
    """A workspace's identity (its copies included): a hash of its first audit entry, the
    workspace's creation (the same as `packages.workspace_id`)."""
    seed = f"{row[0]}|{row[1]}" if row else fallback
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def identity_of(path: Path) -> str:
    """The identity of the workspace at `path`, read through a read-only connection."""
    conn = sqlite_files.connect_read_only(path)
    try:
        row = conn.execute(
            "SELECT at, entity_key FROM audit_log ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    return identity_from_first_entry(row, path.name)


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _working_name(ws: Workspace) -> str | None:
    """Who is working: the CLI's --by, else the name last chosen in this workspace."""
    return session_name() or working_name(ws)


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises several kinds when no user can be found
        return "unknown"


def _refuses_network_share(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value_json FROM settings WHERE key = ?",
                           ("workspace.refuse_network_share",)).fetchone()
    except sqlite3.DatabaseError:  # a new file: no settings table yet
        row = None
    if row is not None:
        return bool(json.loads(row[0]))
    return bool(SETTINGS_BY_KEY["workspace.refuse_network_share"].default)


@dataclass
class Workspace:
    path: Path
    db: Database
    actor: str
    read_only: bool = False
    read_only_reason: str = ""  # 'file' or 'folder' when read_only
    # How long a write waits for another program's write to finish before giving up
    # (WorkspaceError workspace.busy); `on_wait` is told once when a write has to wait.
    busy_wait: float = field(default_factory=lambda: default_busy_wait())
    on_wait: Callable[[Path], None] | None = None

    # -- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, *, year: int, rubric: Rubric | None = None,
               title: str | None = None, actor: str | None = None) -> Workspace:
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            raise WorkspaceError(Problem("workspace.suffix", {"path": str(path)}))
        if path.exists():
            raise WorkspaceError(Problem("workspace.exists", {"path": str(path)}))
        ws = cls._connect(path, actor)
        try:
            ws._migrate()
            with ws.db.atomic():
                for i, (bid, name, name_en, size) in enumerate(BATCHES_2018):
                    ws.db.table("batches").insert({"id": bid, "name": name, "name_en": name_en,
                                             "size": size, "sort": i})
                ws.audit("create", "workspace", str(path.name), None, {"year": year})
                ws.add_year(year, rubric or load_default_rubric(), title)
        except BaseException:
            ws.close()
            path.unlink(missing_ok=True)
            raise
        return ws

    @classmethod
    def open(cls, path: Path | str, actor: str | None = None) -> Workspace:
        """Open a workspace; read-only when its file or folder cannot be written (reads
        work, writes are refused with the reason). Only SQLite touches the file."""
        path = Path(path)
        if not path.exists():
            raise WorkspaceError(Problem("workspace.missing", {"path": str(path)}))
        if path.is_dir():
            raise WorkspaceError(Problem("workspace.is_folder", {"path": str(path)}))
        can_write, why = sqlite_files.writable(path)
        try:
            found = sqlite_files.probe(path)
        except sqlite3.DatabaseError as exc:
            if sqlite_files.is_busy(exc):
                raise WorkspaceError(Problem("workspace.busy", {"path": str(path)})) from None
            raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)})) from None
        if found.application_id not in (0, sqlite_files.WORKSPACE_APPLICATION_ID) \
                or "_sqlite_migrations" not in found.tables:
            raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)}))
        if found.user_version > SCHEMA_VERSION:
            raise WorkspaceError(Problem("workspace.too_new", {
                "path": str(path), "found": found.user_version,
                "supported": SCHEMA_VERSION}))
        ws = cls._connect(path, actor, read_only=not can_write)
        ws.read_only_reason = why
        try:
            ws._migrate()
            if actor is None:
                ws.actor = _working_name(ws) or ws.actor
        except sqlite3.DatabaseError as exc:
            ws.close()
            if sqlite_files.is_busy(exc):
                raise WorkspaceError(Problem("workspace.busy", {"path": str(path)})) from None
            raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)})) from None
        except BaseException:
            ws.close()
            raise
        return ws

    @classmethod
    def _connect(cls, path: Path, actor: str | None, read_only: bool = False) -> Workspace:
        if read_only:
            conn = sqlite_files.connect_read_only(path)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        db = Database(conn)
        conn.execute("PRAGMA busy_timeout=5000")
        if not read_only:
            cls._choose_journal(conn, path)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        return cls(path=path, db=db, actor=actor or session_name() or current_actor(),
                   read_only=read_only)

    @staticmethod
    def _choose_journal(conn: sqlite3.Connection, path: Path) -> None:
        """WAL, or on a network share the rollback journal (WAL's shared memory does not
        work there) unless the workspace's setting says to refuse such a place."""
        mode = sqlite_files.journal_mode_for(path)
        if mode != "WAL" and _refuses_network_share(conn):
            conn.close()
            raise WorkspaceError(Problem("workspace.network_share", {"path": str(path)}))
        conn.execute(f"PRAGMA journal_mode={mode}")

    def _migrate(self) -> None:
        """Bring an older schema up to date; writes nothing when it is current (so that
        opening never waits for another program's write)."""
        pending = migrations.pending(self.db)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        application_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        if not pending and version == SCHEMA_VERSION \
                and application_id == sqlite_files.WORKSPACE_APPLICATION_ID:
            return
        if self.read_only:
            if pending or version != SCHEMA_VERSION:
                raise WorkspaceError(Problem("workspace.read_only_upgrade", {
                    "path": str(self.path), "why": self.read_only_text()}))
            return
        self.db.execute(f"PRAGMA busy_timeout={int(self.busy_wait * 1000)}")
        try:
            migrations.apply(self.db)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self.db.execute(f"PRAGMA application_id={sqlite_files.WORKSPACE_APPLICATION_ID}")
        finally:
            self.db.execute("PRAGMA busy_timeout=5000")

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and the audit log -----------------------------------------------
    def read_only_text(self) -> str:
        from evaluator.messages import text

        return text(f"workspace.read_only.{self.read_only_reason or 'file'}")

    def require_writable(self) -> None:
        """Refuse a write to a read-only workspace, saying why."""
        if self.read_only:
            raise WorkspaceError(Problem("workspace.read_only", {
                "path": str(self.path), "why": self.read_only_text()}))

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction. The outermost is BEGIN IMMEDIATE: it takes the write
        lock first, so whatever is read inside it is what the write builds on (two
        programs' writes run one after the other, never on each other's stale reads)."""
        self.require_writable()
        if self.db.conn.in_transaction:
            with self.db.atomic() as db:  # a savepoint
                yield db
            return
        self._begin_immediate()
        try:
            yield self.db
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        try:
            self.db.conn.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise

    def _begin_immediate(self) -> None:
        conn = self.db.conn
        try:
            conn.execute("PRAGMA busy_timeout=200")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not sqlite_files.is_busy(exc):
                    raise
            notice = self.on_wait or wait_notice
            if notice is not None:
                notice(self.path)
            conn.execute(f"PRAGMA busy_timeout={max(0, int(self.busy_wait * 1000))}")
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if sqlite_files.is_busy(exc):
                    raise WorkspaceError(Problem("workspace.busy", {
                        "path": str(self.path)})) from None
                if sqlite_files.is_read_only_error(exc):
                    raise WorkspaceError(Problem("workspace.read_only", {
                        "path": str(self.path), "why": self.read_only_text()})) from None
                raise
        finally:
            conn.execute("PRAGMA busy_timeout=5000")

    def audit(self, action: str, entity: str, key: str = "", old: Any = None,
              new: Any = None, *, by: str | None = None) -> None:
        """Append to the audit log; `by`: who did it when not who is working."""
        self.db.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_key, old_json, new_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_iso(), by or self.actor, action, entity, key,
             None if old is None else json.dumps(old, ensure_ascii=False, default=str),
             None if new is None else json.dumps(new, ensure_ascii=False, default=str)),
        )

    # -- years and rubrics --------------------------------------------------------------
    def store_rubric(self, rubric: Rubric) -> int:
        row = self.db.execute("SELECT id FROM rubrics WHERE fingerprint = ?",
                              (rubric.fingerprint,)).fetchone()
        if row:
            return int(row[0])
        with self.transaction():
            rid = self.db.table("rubrics").insert({
                "fingerprint": rubric.fingerprint, "name": rubric.name,
                "canonical_json": rubric.canonical_json(), "loaded_at": now_iso(),
            }).last_pk
            rows: list[dict[str, Any]] = []
            for gi, group in enumerate(rubric.groups):
                rows.append({"rubric_id": rid, "code": group.code, "level": 1, "parent": None,
                             "name": group.name, "name_en": group.name_en, "standard": None,
                             "standard_en": None, "max_points": group.max_points,
                             "sort": gi})
                for ind in group.indicators:
                    rows.append({"rubric_id": rid, "code": ind.code, "level": 2,
                                 "parent": group.code, "name": ind.name,
                                 "name_en": ind.name_en, "standard": ind.standard,
                                 "standard_en": ind.standard_en,
                                 "max_points": ind.max_points, "sort": 100 + ind.sort})
            self.db.table("indicators").insert_all(rows)
            self.audit("load", "rubric", rubric.fingerprint, None,
                       {"name": rubric.name, "indicators": len(rubric.indicators)})
        return int(rid)  # type: ignore[arg-type]

    def add_year(self, year: int, rubric: Rubric, title: str | None = None) -> None:
        if self.db.execute("SELECT 1 FROM years WHERE year = ?", (year,)).fetchone():
            raise WorkspaceError(Problem("year.exists", {"year": year}))
        with self.transaction():
            rid = self.store_rubric(rubric)
            row = {"year": year, "rubric_id": rid,
                   "title": title or f"{year} 年度产业技术创新战略联盟活跃度评价",
                   "created_at": now_iso()}
            self.db.table("years").insert(row)
            copy_sizes_to_new_year(self, year)
            self.audit("create", "year", str(year), None, row)

    def set_year_rubric(self, year: int, rubric: Rubric) -> None:
        """Use another rubric for a year (refused once scores exist for that year)."""
        self.require_year(year)
        with self.transaction():
            old = self.rubric(year).fingerprint
            rid = self.store_rubric(rubric)
            self.db.execute("UPDATE years SET rubric_id = ? WHERE year = ?", (rid, year))
            self.audit("update", "year.rubric", str(year), old, rubric.fingerprint)

    def years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT year FROM years ORDER BY year")]

    def current_year(self) -> int:
        years = self.years()
        if not years:
            raise WorkspaceError(Problem("year.none"))
        return years[-1]

    def require_year(self, year: int | None) -> int:
        if year is None:
            return self.current_year()
        if year not in self.years():
            raise WorkspaceError(Problem("year.unknown", {"year": year}))
        return year

    def rubric(self, year: int | None = None) -> Rubric:
        year = self.require_year(year)
        row = self.db.execute(
            "SELECT r.canonical_json FROM years y JOIN rubrics r ON r.id = y.rubric_id"
            " WHERE y.year = ?", (year,)).fetchone()
        return rubric_from_json(row[0])

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str) -> Any:
        row = self.db.execute("SELECT value_json FROM settings WHERE key = ?",
                              (key,)).fetchone()
        if row is not None:
            return json.loads(row[0])
        return SETTINGS_BY_KEY[key].default

    def set_setting(self, key: str, value: Any) -> None:
        if key not in SETTINGS_BY_KEY:
            raise KeyError(key)
        old = self.setting(key)
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key)"
                " DO UPDATE SET value_json = excluded.value_json",
                (key, json.dumps(value)))
            self.audit("update", "setting", key, old, value)

    def all_settings(self) -> dict[str, Any]:
        return {key: self.setting(key) for key in SETTINGS_BY_KEY}

    def identity(self) -> str:
        row = self.db.execute(
            "SELECT at, entity_key FROM audit_log ORDER BY id LIMIT 1").fetchone()
        return identity_from_first_entry(row, self.path.name)

    # -- small queries used everywhere -----------------------------------------------
    def batches(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM batches ORDER BY sort"))

    def count(self, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return int(self.db.execute(sql, params).fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
