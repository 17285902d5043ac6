"""The workspace: one SQLite file (.evdb) per evaluation office.

Opened with sqlite-utils in WAL mode with synchronous=FULL (a committed score survives a
power cut) and foreign keys on. Every change goes through `Workspace.audit` into the
append-only audit log.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from evaluator.errors import Problem, WorkspaceError
from evaluator.people import session_name, working_name
from evaluator.programme import copy_sizes_to_new_year
from evaluator.rubric import Rubric, load_default_rubric, rubric_from_json
from evaluator.schema import SCHEMA_VERSION, migrations
from evaluator.settings import SETTINGS_BY_KEY

SUFFIX = ".evdb"
SQLITE_MAGIC = b"SQLite format 3\x00"

# The 2018 programme (report 一 and annex 2's note): three batches of pilots and the
# network-member alliances that joined in 2018.
BATCHES_2018: tuple[tuple[str, str, str, int], ...] = (
    ("1", "第一批", "Batch 1", 52),
    ("2", "第二批", "Batch 2", 39),
    ("3", "第三批", "Batch 3", 55),
    ("d", "网员联盟", "Network members", 6),
)


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


@dataclass
class Workspace:
    path: Path
    db: Database
    actor: str

    # -- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, *, year: int, rubric: Rubric | None = None,
               title: str | None = None, actor: str | None = None) -> Workspace:
        path = Path(path)
        if path.suffix != SUFFIX:
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
        path = Path(path)
        if not path.exists():
            raise WorkspaceError(Problem("workspace.missing", {"path": str(path)}))
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)}))
        ws = cls._connect(path, actor)
        try:
            tables = set(ws.db.table_names())
            if "_sqlite_migrations" not in tables:
                raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)}))
            found = ws.db.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:
                raise WorkspaceError(Problem("workspace.too_new", {
                    "path": str(path), "found": found, "supported": SCHEMA_VERSION}))
            ws._migrate()
            if actor is None:
                ws.actor = _working_name(ws) or ws.actor
        except sqlite3.DatabaseError:
            ws.close()
            raise WorkspaceError(Problem("workspace.not_sqlite", {"path": str(path)})) from None
        except BaseException:
            ws.close()
            raise
        return ws

    @classmethod
    def _connect(cls, path: Path, actor: str | None) -> Workspace:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        db = Database(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        return cls(path=path, db=db, actor=actor or session_name() or current_actor())

    def _migrate(self) -> None:
        migrations.apply(self.db)
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and the audit log -----------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        with self.db.atomic() as db:
            yield db

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

    # -- small queries used everywhere -----------------------------------------------
    def batches(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM batches ORDER BY sort"))

    def count(self, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return int(self.db.execute(sql, params).fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
