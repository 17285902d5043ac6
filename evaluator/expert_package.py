"""An expert package opened for scoring (`.evpkg`, the expert's side).

Scores are committed one by one in WAL mode with synchronous=FULL, so a score the window
shows as saved survives a crash or a power cut. The package also numbers the expert's
exports and records them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator import messages, signing
from evaluator.errors import EvaluatorError, Problem
from evaluator.packages import DamagedRow, connect_package, damage_guard, damaged, format_value
from evaluator.rubric import Rubric, rubric_from_json
from evaluator.timefmt import now_iso

messages.register({
    "package.unknown_alliance": {
        "zh": "联盟 {alliance} 不在本评审包的分配名单中",
        "en": "Alliance {alliance} is not assigned in this package",
    },
    "package.unknown_indicator": {
        "zh": "指标代码“{code}”不在指标体系中",
        "en": "Indicator code '{code}' is not in the indicator system",
    },
    "package.bad_value": {
        "zh": "指标 {code} 的评分 {value} 无效：应在 0 到 {max} 之间，且为 {step} 的整数倍",
        "en": "Score {value} for indicator {code} is invalid: expected 0 to {max} in steps "
        "of {step}",
    },
    "package.no_score": {
        "zh": "联盟 {alliance} 的指标 {code} 还没有评分，不能只填意见",
        "en": "Alliance {alliance} has no score for {code} yet; a comment needs a score",
    },
})


@dataclass(frozen=True)
class PackageAlliance:
    id: int
    code: str
    name: str
    batch_id: str
    batch_name: str


@dataclass(frozen=True)
class Score:
    alliance_id: int
    indicator: str
    value: float
    comment: str
    updated_at: str


class Package:
    """An expert package opened for scoring. The connection belongs to its thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str],
                 rubric: Rubric | None = None) -> None:
        self.path = path
        self.conn = conn
        self.meta = meta
        self.rubric: Rubric = rubric or rubric_from_json(meta["rubric_json"])

    @classmethod
    def open(cls, path: Path | str) -> Package:
        path = Path(path)
        conn, meta, rubric = connect_package(path, "expert")
        return cls(path, conn, meta, rubric)

    def _guard(self) -> AbstractContextManager[None]:
        """Every read and write of the connection: a damaged page becomes a message."""
        return damage_guard(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what the package is ------------------------------------------------------
    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def round(self) -> str:
        return self.meta["round"]

    @property
    def expert(self) -> str:
        return self.meta["expert_name"]

    @property
    def expert_role(self) -> str:
        return self.meta.get("expert_role", "")

    @property
    def signing_key(self) -> str:
        """The expert's Ed25519 private key ('' in a format 1 package)."""
        return self.meta.get("signing_key", "")

    @property
    def legacy_secret(self) -> str:
        """A format 1 package's HMAC key ('' in packages of this version)."""
        return self.meta.get("secret_key", "") if not self.signing_key else ""

    @property
    def public_key(self) -> str:
        return signing.public_key_of(self.signing_key) if self.signing_key else ""

    @property
    def fingerprint(self) -> str:
        return self.meta["rubric_fingerprint"]

    @property
    def workspace_id(self) -> str:
        return self.meta.get("workspace_id", "")

    def alliances(self) -> list[PackageAlliance]:
        with self._guard():
            return [_alliance_of(r) for r in self.conn.execute(
                "SELECT id, code, name, batch_id, batch_name FROM alliances"
                " ORDER BY sort, code")]

    def alliance(self, alliance: int | str) -> PackageAlliance:
        column = "id" if isinstance(alliance, int) else "code"
        key = alliance if isinstance(alliance, int) else str(alliance).strip().lower()
        with self._guard():
            row = self.conn.execute(
                f"SELECT id, code, name, batch_id, batch_name FROM alliances WHERE {column} = ?",
                (key,)).fetchone()
            if row is None:
                raise EvaluatorError(Problem("package.unknown_alliance", {"alliance": alliance}))
            return _alliance_of(row)

    def submission(self, alliance_id: int) -> dict[str, Any] | None:
        with self._guard():
            cur = self.conn.execute("SELECT * FROM submissions WHERE alliance_id = ?",
                                    (alliance_id,))
            row = cur.fetchone()
            if row is None:
                return None
            return dict(zip([d[0] for d in cur.description], row, strict=True))

    def records(self, alliance_id: int, indicator: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM records WHERE alliance_id = ?"
        params: list[Any] = [alliance_id]
        if indicator is not None:
            sql += " AND indicator_code = ?"
            params.append(indicator)
        with self._guard():
            cur = self.conn.execute(sql + " ORDER BY sort, id", params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def record_counts(self, alliance_id: int) -> dict[str, int]:
        with self._guard():
            return dict(self.conn.execute(
                "SELECT indicator_code, count(*) FROM records WHERE alliance_id = ?"
                " GROUP BY indicator_code", (alliance_id,)).fetchall())

    # -- scores ---------------------------------------------------------------------
    def scores(self, alliance_id: int | None = None) -> dict[tuple[int, str], Score]:
        sql = "SELECT alliance_id, indicator_code, value, comment, updated_at FROM scores"
        params: tuple[Any, ...] = ()
        if alliance_id is not None:
            sql += " WHERE alliance_id = ?"
            params = (alliance_id,)
        with self._guard():
            return {(r[0], r[1]): _score_of(r) for r in self.conn.execute(sql, params)}

    def score(self, alliance_id: int, indicator: str) -> Score | None:
        with self._guard():
            row = self.conn.execute(
                "SELECT alliance_id, indicator_code, value, comment, updated_at FROM scores"
                " WHERE alliance_id = ? AND indicator_code = ?",
                (alliance_id, indicator)).fetchone()
            return _score_of(row) if row else None

    def progress(self) -> dict[int, tuple[int, int]]:
        """(scored, indicators) per alliance id."""
        total = len(self.rubric.codes)
        with self._guard():
            counts = dict(self.conn.execute(
                "SELECT alliance_id, count(*) FROM scores GROUP BY alliance_id").fetchall())
        return {a.id: (int(counts.get(a.id, 0)), total) for a in self.alliances()}

    def missing(self) -> dict[str, list[str]]:
        """Unscored indicator codes per alliance code (only alliances with gaps)."""
        scored = self.scores()
        out: dict[str, list[str]] = {}
        for a in self.alliances():
            gaps = [c for c in self.rubric.codes if (a.id, c) not in scored]
            if gaps:
                out[a.code] = gaps
        return out

    def check_value(self, indicator: str, value: Any) -> list[Problem]:
        if indicator not in self.rubric.codes:
            return [Problem("package.unknown_indicator", {"code": indicator})]
        ind = self.rubric.indicator(indicator)
        ok = (isinstance(value, int | float) and not isinstance(value, bool)
              and value == value and self.rubric.is_valid_value(indicator, float(value)))
        if not ok:
            return [Problem("package.bad_value", {
                "code": indicator, "value": value, "max": format_value(ind.max_points),
                "step": format_value(self.rubric.step)})]
        return []

    def set_score(self, alliance: int | str, indicator: str, value: float,
                  comment: str | None = None, *, source: str = "entry") -> str:
        """Validate and commit one score at once; returns the time it was saved.

        `comment=None` keeps the score's existing comment.
        """
        target = self.alliance(alliance)
        problems = self.check_value(indicator, value)
        if problems:
            raise EvaluatorError(problems)
        with self._write():
            self._put(target.id, indicator, float(value), comment, source)
        return self._saved_at

    def set_scores(self, entries: list[tuple[int, str, float, str | None]],
                   source: str = "import") -> str:
        """Several scores in one transaction (all validated first, all or nothing)."""
        problems: list[Problem] = []
        for alliance_id, indicator, value, _ in entries:
            try:
                self.alliance(alliance_id)
            except EvaluatorError as exc:
                if any(p.code == "package.damaged" for p in exc.problems):
                    raise
                problems.extend(exc.problems)
            problems.extend(self.check_value(indicator, value))
        if problems:
            raise EvaluatorError(problems)
        with self._write():
            for alliance_id, indicator, value, comment in entries:
                self._put(alliance_id, indicator, float(value), comment, source)
        return self._saved_at

    def set_comment(self, alliance: int | str, indicator: str, comment: str) -> str:
        target = self.alliance(alliance)
        current = self.score(target.id, indicator)
        if current is None:
            raise EvaluatorError(Problem("package.no_score",
                                         {"alliance": target.code, "code": indicator}))
        with self._write():
            self._put(target.id, indicator, current.value, comment, "entry")
        return self._saved_at

    def clear_score(self, alliance: int | str, indicator: str) -> str:
        target = self.alliance(alliance)
        with self._write():
            old = self.score(target.id, indicator)
            self.conn.execute("DELETE FROM scores WHERE alliance_id = ? AND indicator_code = ?",
                              (target.id, indicator))
            if old is not None:
                self.conn.execute(
                    "INSERT INTO score_history (at, alliance_id, indicator_code, old_value,"
                    " new_value, old_comment, new_comment, source) VALUES (?,?,?,?,?,?,?,?)",
                    (self._saved_at, target.id, indicator, old.value, None, old.comment,
                     None, "entry"))
        return self._saved_at

    def _put(self, alliance_id: int, indicator: str, value: float, comment: str | None,
             source: str) -> None:
        old = self.score(alliance_id, indicator)
        new_comment = comment if comment is not None else (old.comment if old else "")
        if old is not None and old.value == value and old.comment == new_comment:
            return  # the same score again (a template imported twice): no history row
        self.conn.execute(
            "INSERT INTO scores (alliance_id, indicator_code, value, comment, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(alliance_id, indicator_code) DO UPDATE SET"
            " value = excluded.value, comment = excluded.comment,"
            " updated_at = excluded.updated_at",
            (alliance_id, indicator, value, new_comment, self._saved_at))
        self.conn.execute(
            "INSERT INTO score_history (at, alliance_id, indicator_code, old_value, new_value,"
            " old_comment, new_comment, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (self._saved_at, alliance_id, indicator, old.value if old else None, value,
             old.comment if old else None, new_comment, source))

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One immediate transaction; returns only after COMMIT (synchronous=FULL)."""
        self._saved_at = now_iso()
        with self._guard():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                # SQLite may already have rolled back after a damaged page.
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise

    # -- exports ------------------------------------------------------------------------
    def next_export_sequence(self) -> int:
        """Take the next export number, committed before the file is written (a failed
        export leaves a gap, never two files with one number)."""
        with self._write():
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = 'export_sequence'").fetchone()
            try:
                seq = int(row[0]) + 1
            except (TypeError, ValueError) as exc:
                raise damaged(self.path, exc) from None
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'export_sequence'",
                              (str(seq),))
            self.conn.execute("INSERT INTO exports (sequence, exported_at) VALUES (?, ?)",
                              (seq, self._saved_at))
        self.meta["export_sequence"] = str(seq)
        return seq

    def record_export(self, sequence: int, file_name: str, sha256: str, partial: bool) -> None:
        with self._write():
            self.conn.execute(
                "UPDATE exports SET file_name = ?, sha256 = ?, partial = ? WHERE sequence = ?",
                (file_name, sha256, int(partial), sequence))

    def exports(self) -> list[dict[str, Any]]:
        with self._guard():
            cur = self.conn.execute("SELECT * FROM exports ORDER BY sequence")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def integrity_ok(self) -> bool:
        try:
            return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            return False


def _alliance_of(row: tuple[Any, ...]) -> PackageAlliance:
    if not (isinstance(row[0], int) and all(isinstance(v, str) for v in row[1:])):
        raise DamagedRow(f"alliances: {row!r}"[:200])
    return PackageAlliance(*row)


def _score_of(row: tuple[Any, ...]) -> Score:
    alliance_id, indicator, value, comment, updated_at = row
    if not (isinstance(alliance_id, int) and isinstance(indicator, str)
            and isinstance(value, int | float) and value == value
            and isinstance(comment, str) and isinstance(updated_at, str)):
        raise DamagedRow(f"scores: {row!r}"[:200])
    return Score(alliance_id, indicator, float(value), comment, updated_at)
