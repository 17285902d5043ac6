"""Package files (`.evpkg`): what an expert package and a group package share.

A package is a SQLite file: an expert package holds one expert's work for one round
(`expert_package.Package`), a group package the group's assignments and the members'
public keys (`group_package.GroupPackage`); the secretariat writes both
(`package_builders`). Here: the format's name and version, the two schemas, the opening
of either kind with every check of a damaged or foreign file, and the written form of a
score. Format 1 packages (the first release) carry HMAC keys instead of Ed25519; they
still open and sign (docs/formats.md, "Upgrade").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from evaluator import messages, signing, sqlite_files
from evaluator.errors import EvaluatorError, Problem
from evaluator.rounds import ROUNDS
from evaluator.rubric import Rubric, rubric_from_json

SUFFIX = ".evpkg"
FORMAT = "evaluator-package"
FORMAT_VERSION = 2  # 2: Ed25519 keys (signing_key, member_keys); 1: HMAC secret_key

messages.register({
    "package.busy": {
        "zh": "评审包 {path} 正被另一个程序写入；请稍后再试",
        "en": "Package {path} is being written by another program; try again in a moment",
    },
    "package.not_a_package": {
        "zh": "{path} 不是评审包文件（.evpkg）",
        "en": "{path} is not an expert package (.evpkg)",
    },
    "package.too_new": {
        "zh": "评审包 {path} 由更新的版本生成（格式 {found}，本程序支持 {supported}），请升级程序",
        "en": "Package {path} was written by a newer version (format {found}, this program "
        "supports {supported}); please upgrade",
    },
    "package.damaged": {
        "zh": "评审包 {path} 已损坏，无法使用（{reason}）。请向秘书处索取一份新的评审包",
        "en": "Package {path} is damaged and cannot be used ({reason}); please ask the "
        "secretariat for a new package",
    },
    "package.group_not_expert": {
        "zh": "{path} 是专家组评审包（组长用），这里需要专家评审包",
        "en": "{path} is a group package (for a group leader); an expert package is needed "
        "here",
    },
    "package.expert_not_group": {
        "zh": "{path} 是专家评审包，这里需要专家组评审包（组长用）",
        "en": "{path} is an expert package; a group package (for a group leader) is needed "
        "here",
    },
})

EXPERT_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE alliances (
    id INTEGER PRIMARY KEY,          -- the workspace's alliance id
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    batch_name TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL
);
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    alliance_id INTEGER NOT NULL UNIQUE REFERENCES alliances(id),
    name_as_filed TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    filed_on TEXT,
    extra_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    alliance_id INTEGER NOT NULL REFERENCES alliances(id),
    indicator_code TEXT NOT NULL,
    title TEXT NOT NULL,
    record_date TEXT,
    description TEXT NOT NULL DEFAULT '',
    quantity REAL,
    link TEXT NOT NULL DEFAULT '',
    extra_json TEXT NOT NULL DEFAULT '{}',
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX records_by_indicator ON records (alliance_id, indicator_code);
CREATE TABLE scores (
    alliance_id INTEGER NOT NULL REFERENCES alliances(id),
    indicator_code TEXT NOT NULL,
    value REAL NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (alliance_id, indicator_code)
);
CREATE TABLE score_history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    alliance_id INTEGER NOT NULL,
    indicator_code TEXT NOT NULL,
    old_value REAL,
    new_value REAL,
    old_comment TEXT,
    new_comment TEXT,
    source TEXT NOT NULL DEFAULT 'entry'
);
CREATE TABLE exports (
    sequence INTEGER PRIMARY KEY,
    exported_at TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    partial INTEGER NOT NULL DEFAULT 0
);
"""

GROUP_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE alliances (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    batch_name TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL
);
CREATE TABLE members (
    id INTEGER PRIMARY KEY,          -- the workspace's expert id
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    is_group_leader INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE member_keys (           -- public keys only: they verify, they cannot sign
    member_id INTEGER NOT NULL REFERENCES members(id),
    fingerprint TEXT NOT NULL PRIMARY KEY,
    public_key TEXT NOT NULL
);
CREATE TABLE member_assignments (
    member_id INTEGER NOT NULL REFERENCES members(id),
    alliance_id INTEGER NOT NULL REFERENCES alliances(id),
    PRIMARY KEY (member_id, alliance_id)
);
"""


def format_value(value: float) -> str:
    """A score as a plain decimal string: 4.5 -> '4.5', 5.0 -> '5', 10.0 -> '10'."""
    text = f"{Decimal(repr(float(value))).normalize():f}"
    return "0" if text in ("-0", "") else text


def damaged(path: Path, exc: BaseException) -> EvaluatorError:
    reason = str(exc).strip()[:200] or type(exc).__name__
    return EvaluatorError(Problem("package.damaged", {"path": str(path), "reason": reason},
                                  file=path.name))


@contextmanager
def damage_guard(path: Path) -> Iterator[None]:
    """Turn what SQLite (or reading its text) raises on a damaged file into a message.

    A byte flipped on a USB stick surfaces as DatabaseError ("database disk image is
    malformed"), OperationalError, or UnicodeDecodeError on a text column.
    """
    try:
        yield
    except (sqlite3.DatabaseError, UnicodeDecodeError, DamagedRow) as exc:
        raise damaged(path, exc) from None


class DamagedRow(Exception):
    """A row whose values have the wrong types: the file was changed outside the app."""


_REQUIRED_META = {
    "expert": ("year", "round", "expert_name", "rubric_json", "rubric_fingerprint",
               "export_sequence"),
    "group": ("year", "round", "group_name"),
}


def package_kind(path: Path | str) -> str:
    """'expert' or 'group': which kind of package `path` is (which window opens it);
    refuses, with the reason, a file that is not a package or is damaged."""
    path = Path(path)
    try:
        conn, _meta, _rubric = connect_package(path, "expert")
    except EvaluatorError as error:
        if any(p.code == "package.group_not_expert" for p in error.problems):
            conn, _meta, _rubric = connect_package(path, "group")
            conn.close()
            return "group"
        raise
    conn.close()
    return "expert"


def connect_package(path: Path, kind: str
                     ) -> tuple[sqlite3.Connection, dict[str, str], Rubric | None]:
    if not path.exists():
        raise EvaluatorError(Problem("file.missing", {"path": str(path)}, file=path.name))
    if path.is_dir():
        raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                     file=path.name))
    # Only SQLite opens the file (sqlite_files): a plain open() and close() here would
    # drop the locks of the expert's window on the same package.
    try:
        found = sqlite_files.probe(path)
    except sqlite3.DatabaseError as exc:
        if sqlite_files.is_busy(exc):
            raise EvaluatorError(Problem("package.busy", {"path": str(path)},
                                         file=path.name)) from None
        if sqlite_files.primary_code(exc) == sqlite_files.SQLITE_NOTADB:
            raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                         file=path.name)) from None
        raise damaged(path, exc) from None
    if found.application_id not in (0, sqlite_files.PACKAGE_APPLICATION_ID) \
            or "meta" not in found.tables:
        raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                     file=path.name))
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        try:
            conn.execute(f"PRAGMA journal_mode={sqlite_files.journal_mode_for(path)}")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=5000")
            check_result = conn.execute("PRAGMA quick_check").fetchall()
            if [tuple(r) for r in check_result] != [("ok",)]:
                raise sqlite3.DatabaseError("; ".join(str(r[0]) for r in check_result[:3]))
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except (sqlite3.Error, ValueError) as exc:
            raise damaged(path, exc) from None
        if "meta" not in tables:
            raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                         file=path.name))
        try:
            meta = {str(k): str(v) for k, v in
                    conn.execute("SELECT key, value FROM meta").fetchall()}
        except (sqlite3.Error, ValueError) as exc:
            raise damaged(path, exc) from None
        if meta.get("format") != FORMAT:
            raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                         file=path.name))
        try:
            version = int(meta.get("format_version", "0"))
        except ValueError as exc:
            raise damaged(path, exc) from None
        if version > FORMAT_VERSION:
            raise EvaluatorError(Problem("package.too_new", {
                "path": str(path), "found": meta.get("format_version"),
                "supported": FORMAT_VERSION}, file=path.name))
        if meta.get("kind") != kind:
            code = "package.group_not_expert" if kind == "expert" else \
                "package.expert_not_group"
            raise EvaluatorError(Problem(code, {"path": str(path)}, file=path.name))
        missing = [key for key in _REQUIRED_META[kind] if key not in meta]
        try:
            if missing:
                raise ValueError(f"meta: {', '.join(missing)}")
            int(meta["year"])
            if meta["round"] not in ROUNDS:
                raise ValueError(f"round {meta['round']!r}")
            if kind == "expert":
                int(meta["export_sequence"])
                if meta.get("signing_key"):
                    signing.public_key_of(meta["signing_key"])
                elif not meta.get("secret_key"):  # format 1 signs with its HMAC key
                    raise ValueError("meta: signing_key")
            rubric = rubric_from_json(meta["rubric_json"]) if "rubric_json" in meta else None
        except (ValueError, TypeError, AttributeError, KeyError, EvaluatorError) as exc:
            # ValueError includes UnicodeDecodeError and json.JSONDecodeError (the rubric)
            raise damaged(path, exc) from None
    except BaseException:
        conn.close()
        raise
    return conn, meta, rubric
