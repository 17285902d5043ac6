"""Expert packages (.evpkg): one expert's work for one round, scored offline.

A package is a SQLite file holding the round, the rubric, the expert's private signing
key (Ed25519, made for this package; the workspace keeps only its public key), ONLY the
alliances assigned to that expert for that round
with their submissions, and the expert's scores. Scores are committed one by one in WAL
mode with synchronous=FULL, so a score the window shows as saved survives a crash or a
power cut. A re-review package never holds first-round scores (method.md: the cross-group
re-review must not see them). A group package gives a group leader the group's
assignments and the members' public keys, which verify the members' score files but
cannot sign one. Format 1 packages (the first release) carry HMAC keys instead; they
still open and sign (docs/formats.md, "Upgrade").
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluator import __version__, messages, signing, sqlite_files
from evaluator.atomic import atomic_write
from evaluator.errors import EvaluatorError, Problem
from evaluator.progress import NullProgress, Progress, check
from evaluator.rubric import Rubric, rubric_from_json

if TYPE_CHECKING:
    from evaluator.workspace import Workspace

SUFFIX = ".evpkg"
FORMAT = "evaluator-package"
FORMAT_VERSION = 2  # 2: Ed25519 keys (signing_key, member_keys); 1: HMAC secret_key
ROUNDS = ("initial", "review")
REPLACEMENT_SEQUENCE_GAP = 1000

messages.register({
    "package.unknown_expert": {
        "zh": "{year} 年度专家名单中没有“{name}”",
        "en": "There is no expert named '{name}' on the {year} panel",
    },
    "package.unknown_group": {
        "zh": "{year} 年度没有名为“{name}”的专家组",
        "en": "There is no expert group named '{name}' in {year}",
    },
    "package.bad_round": {
        "zh": "评审轮次“{round}”不存在（应为 initial 分组初评 或 review 交叉复评）",
        "en": "Round '{round}' does not exist (expected initial or review)",
    },
    "package.no_assignments": {
        "zh": "专家“{name}”在{round_name}中没有分配联盟，无法生成评审包",
        "en": "Expert '{name}' has no alliances assigned in the {round} round; no package",
    },
    "package.group_empty": {
        "zh": "专家组“{name}”在{round_name}中没有分配",
        "en": "Group '{name}' has no assignments in the {round} round",
    },
    "package.conflicted_assignment": {
        "zh": "专家“{name}”与联盟 {code}“{alliance}”存在利益冲突，却被分配评审该联盟；请先修改分配",
        "en": "Expert '{name}' has a conflict of interest with alliance {code} '{alliance}' "
        "but is assigned to it; fix the assignment first",
    },
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
    "package.wrong_kind": {
        "zh": "{path} 是{found}评审包，这里需要{expected}评审包",
        "en": "{path} is a {found} package; a {expected} package is needed here",
    },
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
    "package.damaged": {
        "zh": "评审包 {path} 已损坏，无法使用（{reason}）。请向秘书处索取一份新的评审包",
        "en": "Package {path} is damaged and cannot be used ({reason}); please ask the "
        "secretariat for a new package",
    },
    "package.no_score": {
        "zh": "联盟 {alliance} 的指标 {code} 还没有评分，不能只填意见",
        "en": "Alliance {alliance} has no score for {code} yet; a comment needs a score",
    },
})

ROUND_NAMES = {"initial": ("分组初评", "initial"), "review": ("交叉复评", "review")}

_EXPERT_SCHEMA = """
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

_GROUP_SCHEMA = """
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


def now_local() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def round_name(round_: str, lang: str | None = None) -> str:
    zh, en = ROUND_NAMES.get(round_, (round_, round_))
    return zh if (lang or messages.current_language()) == "zh" else en


def require_round(round_: str) -> str:
    if round_ not in ROUNDS:
        raise EvaluatorError(Problem("package.bad_round", {"round": round_}))
    return round_


def workspace_id(ws: Workspace) -> str:
    """A stable identity for a workspace (its copies included): from its first audit entry."""
    row = ws.db.execute(
        "SELECT at, entity_key FROM audit_log ORDER BY id LIMIT 1").fetchone()
    seed = f"{row[0]}|{row[1]}" if row else str(ws.path.name)
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def format_value(value: float) -> str:
    """A score as a plain decimal string: 4.5 -> '4.5', 5.0 -> '5', 10.0 -> '10'."""
    from decimal import Decimal

    text = f"{Decimal(repr(float(value))).normalize():f}"
    return "0" if text in ("-0", "") else text


# -- building packages (secretariat side) ------------------------------------------------

@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    expert: str
    round: str
    alliances: int


@dataclass(frozen=True)
class AllPackagesResult:
    built: list[BuiltPackage]
    skipped: list[str]  # experts with no assignment in the round


def _expert_row(ws: Workspace, year: int, expert: int | str) -> dict[str, Any]:
    if isinstance(expert, int):
        rows = list(ws.db.query("SELECT * FROM experts WHERE year = ? AND id = ?",
                                [year, expert]))
    else:
        rows = list(ws.db.query("SELECT * FROM experts WHERE year = ? AND name = ?",
                                [year, expert.strip()]))
    if not rows:
        raise EvaluatorError(Problem("package.unknown_expert", {"name": expert, "year": year}))
    return rows[0]


def _assigned_alliances(ws: Workspace, year: int, round_: str,
                        expert_id: int) -> list[dict[str, Any]]:
    return list(ws.db.query(
        "SELECT a.id, a.code, a.name, a.batch_id, b.name AS batch_name"
        " FROM assignments s JOIN alliances a ON a.id = s.alliance_id"
        " JOIN batches b ON b.id = a.batch_id"
        " WHERE s.year = ? AND s.round = ? AND s.expert_id = ?"
        " ORDER BY b.sort, a.code", [year, round_, expert_id]))


def _conflict_problems(ws: Workspace, year: int, round_: str,
                       expert_ids: list[int]) -> list[Problem]:
    if not expert_ids:
        return []
    marks = ",".join("?" for _ in expert_ids)
    rows = ws.db.execute(
        "SELECT e.name, a.code, a.name FROM assignments s"
        " JOIN conflicts c ON c.expert_id = s.expert_id AND c.alliance_id = s.alliance_id"
        " JOIN experts e ON e.id = s.expert_id JOIN alliances a ON a.id = s.alliance_id"
        f" WHERE s.year = ? AND s.round = ? AND s.expert_id IN ({marks})"
        " ORDER BY e.sort, e.name, a.code", [year, round_, *expert_ids]).fetchall()
    return [Problem("package.conflicted_assignment",
                    {"name": name, "code": code, "alliance": aname})
            for name, code, aname in rows]


@contextmanager
def _new_package_db(out_path: Path, schema: str) -> Iterator[sqlite3.Connection]:
    """A fresh SQLite file written beside `out_path` and renamed over it when complete."""
    with atomic_write(out_path, suffix=".part") as tmp:
        tmp.unlink()
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute(f"PRAGMA application_id={sqlite_files.PACKAGE_APPLICATION_ID}")
            conn.execute("BEGIN")
            _run_script(conn, schema)
            yield conn
            conn.execute("COMMIT")
            # WAL is remembered in the file header: the expert side commits each score
            # to the log with synchronous=FULL.
            conn.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript would COMMIT the open transaction first; run the statements inside it.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _put_meta(conn: sqlite3.Connection, meta: dict[str, Any]) -> None:
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                     [(k, str(v)) for k, v in meta.items()])


def build_expert_package(ws: Workspace, year: int | None, round_: str, expert: int | str,
                         out_path: Path | str, *, replaces_lost: str = "") -> BuiltPackage:
    """Write the package of one expert for one round (refused if the expert has none).

    The package gets a new Ed25519 key pair: the private key is written into the package
    only, the public key into the workspace. Keys of the expert's earlier packages stay
    valid, unless `replaces_lost` (the reason, such as "U 盘丢失") says those packages
    are lost: then their keys are revoked, and files signed with them are refused unless
    the secretariat accepts them explicitly at the merge."""
    year = ws.require_year(year)
    require_round(round_)
    out_path = Path(out_path)
    row = _expert_row(ws, year, expert)
    alliances = _assigned_alliances(ws, year, round_, row["id"])
    if not alliances:
        raise EvaluatorError(Problem("package.no_assignments", {
            "name": row["name"], "round": round_, "round_name": round_name(round_, "zh")}))
    problems = _conflict_problems(ws, year, round_, [row["id"]])
    if problems:
        raise EvaluatorError(problems)
    rubric = ws.rubric(year)
    last_seq = ws.db.execute(
        "SELECT COALESCE(MAX(sequence), 0) FROM score_files"
        " WHERE year = ? AND round = ? AND expert_id = ?",
        (year, round_, row["id"])).fetchone()[0]
    if replaces_lost:
        # The lost package may still export (its files are accepted only explicitly): the
        # new one numbers its exports far above, so the two never claim one number.
        last_seq += REPLACEMENT_SEQUENCE_GAP
    ids = [a["id"] for a in alliances]
    marks = ",".join("?" for _ in ids)
    private_key, public_key = signing.generate_key_pair()
    with _new_package_db(out_path, _EXPERT_SCHEMA) as conn:
        _put_meta(conn, {
            "format": FORMAT, "format_version": FORMAT_VERSION, "kind": "expert",
            "app_version": __version__, "year": year, "round": round_,
            "expert_id": row["id"], "expert_name": row["name"], "expert_role": row["role"],
            "signing_key": private_key, "public_key": public_key,
            "rubric_json": rubric.canonical_json(),
            "rubric_fingerprint": rubric.fingerprint, "workspace_id": workspace_id(ws),
            "created_at": now_local(), "export_sequence": int(last_seq),
        })
        conn.executemany(
            "INSERT INTO alliances (id, code, name, batch_id, batch_name, sort)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(a["id"], a["code"], a["name"], a["batch_id"], a["batch_name"], i)
             for i, a in enumerate(alliances)])
        for sub in ws.db.query(
                f"SELECT * FROM submissions WHERE year = ? AND alliance_id IN ({marks})",
                [year, *ids]):
            conn.execute(
                "INSERT INTO submissions (id, alliance_id, name_as_filed, contact, phone,"
                " filed_on, extra_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sub["id"], sub["alliance_id"], sub["name_as_filed"], sub["contact"],
                 sub["phone"], sub["filed_on"], sub["extra_json"]))
            conn.executemany(
                "INSERT INTO records (submission_id, alliance_id, indicator_code, title,"
                " record_date, description, quantity, link, extra_json, sort)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sub["id"], sub["alliance_id"], r["indicator_code"], r["title"],
                  r["record_date"], r["description"], r["quantity"], r["link"],
                  r["extra_json"], r["sort"])
                 for r in ws.db.query(
                     "SELECT * FROM submission_records WHERE submission_id = ?"
                     " ORDER BY sort, id", [sub["id"]])])
        # Only this expert's own scores of this same round come back (a package rebuilt
        # after his file was received); never another round's, never another expert's.
        conn.executemany(
            "INSERT INTO scores (alliance_id, indicator_code, value, comment, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(s["alliance_id"], s["indicator_code"], s["value"], s["comment"],
              s["entered_at"])
             for s in ws.db.query(
                 f"SELECT * FROM scores WHERE year = ? AND round = ? AND expert_id = ?"
                 f" AND alliance_id IN ({marks})", [year, round_, row["id"], *ids])
             if s["indicator_code"] in rubric.codes])
    key_fingerprint = signing.fingerprint(public_key)
    with ws.transaction():
        if replaces_lost:
            revoke_keys(ws, row["id"], round_, replaces_lost)
        ws.db.execute(
            "INSERT INTO expert_keys (expert_id, round, public_key, fingerprint, issued_at,"
            " package_file) VALUES (?, ?, ?, ?, ?, ?)",
            (row["id"], round_, public_key, key_fingerprint, now_local(), out_path.name))
        ws.audit("export", "package", f"{year}/{round_}/{row['name']}", None,
                 {"file": out_path.name, "alliances": len(alliances),
                  "key_fingerprint": key_fingerprint})
    return BuiltPackage(out_path, row["name"], round_, len(alliances))


def revoke_keys(ws: Workspace, expert_id: int, round_: str, reason: str) -> int:
    """Revoke the expert's keys of the round (inside the caller's transaction): his
    packages of that round are lost. Returns how many keys were revoked."""
    revoked = [r[0] for r in ws.db.execute(
        "SELECT fingerprint FROM expert_keys WHERE expert_id = ? AND round = ?"
        " AND revoked_at IS NULL", (expert_id, round_))]
    ws.db.execute("UPDATE expert_keys SET revoked_at = ?, revoked_reason = ?"
                  " WHERE expert_id = ? AND round = ? AND revoked_at IS NULL",
                  (now_local(), reason, expert_id, round_))
    for fp in revoked:
        ws.audit("revoke", "expert_key", fp, None, {"expert_id": expert_id,
                                                     "round": round_, "reason": reason})
    return len(revoked)


def package_file_name(year: int, round_: str, expert_name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in expert_name)
    return f"{year}_{round_}_{safe}{SUFFIX}"


def build_all_packages(ws: Workspace, year: int | None, round_: str, out_dir: Path | str,
                       progress: Progress | None = None) -> AllPackagesResult:
    """One package per expert with assignments in the round; all refused on any conflict."""
    progress = progress or NullProgress()
    year = ws.require_year(year)
    require_round(round_)
    out_dir = Path(out_dir)
    experts = list(ws.db.query("SELECT * FROM experts WHERE year = ? ORDER BY sort, id",
                               [year]))
    problems = _conflict_problems(ws, year, round_, [e["id"] for e in experts])
    if problems:
        raise EvaluatorError(problems)
    built: list[BuiltPackage] = []
    skipped: list[str] = []
    for i, expert in enumerate(experts):
        check(progress)
        progress.report(i, len(experts), expert["name"])
        if not _assigned_alliances(ws, year, round_, expert["id"]):
            skipped.append(expert["name"])
            continue
        out = out_dir / package_file_name(year, round_, expert["name"])
        built.append(build_expert_package(ws, year, round_, expert["id"], out))
    progress.report(len(experts), len(experts), "")
    return AllPackagesResult(built, skipped)


def build_group_package(ws: Workspace, year: int | None, round_: str, group: int | str,
                        out_path: Path | str) -> BuiltPackage:
    """The group leader's package: the group's assignments and its members' public keys
    (of the round, not revoked): enough to verify their files, never to sign one."""
    from evaluator.flags import flag_thresholds

    year = ws.require_year(year)
    require_round(round_)
    out_path = Path(out_path)
    column = "id" if isinstance(group, int) else "name"
    rows = list(ws.db.query(f"SELECT * FROM expert_groups WHERE year = ? AND {column} = ?",
                            [year, group]))
    if not rows:
        raise EvaluatorError(Problem("package.unknown_group", {"name": group, "year": year}))
    grp = rows[0]
    assigned = list(ws.db.query(
        "SELECT s.expert_id, s.alliance_id FROM assignments s"
        " JOIN experts e ON e.id = s.expert_id"
        " WHERE s.year = ? AND s.round = ? AND (s.group_id = ? OR"
        " (s.group_id IS NULL AND e.group_id = ?))",
        [year, round_, grp["id"], grp["id"]]))
    if not assigned:
        raise EvaluatorError(Problem("package.group_empty", {
            "name": grp["name"], "round": round_, "round_name": round_name(round_, "zh")}))
    member_ids = sorted({a["expert_id"] for a in assigned} | {
        r[0] for r in ws.db.execute("SELECT id FROM experts WHERE group_id = ?", (grp["id"],))})
    alliance_ids = sorted({a["alliance_id"] for a in assigned})
    rubric = ws.rubric(year)
    marks_m = ",".join("?" for _ in member_ids)
    marks_a = ",".join("?" for _ in alliance_ids)
    with _new_package_db(out_path, _GROUP_SCHEMA) as conn:
        _put_meta(conn, {
            "format": FORMAT, "format_version": FORMAT_VERSION, "kind": "group",
            "app_version": __version__, "year": year, "round": round_,
            "group_id": grp["id"], "group_name": grp["name"],
            "rubric_json": rubric.canonical_json(), "rubric_fingerprint": rubric.fingerprint,
            "workspace_id": workspace_id(ws), "created_at": now_local(),
            # The flags' thresholds: the leader's 本组差异 uses the secretariat's.
            "flag_settings_json": json.dumps(flag_thresholds(ws)),
        })
        conn.executemany(
            "INSERT INTO alliances (id, code, name, batch_id, batch_name, sort)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(a["id"], a["code"], a["name"], a["batch_id"], a["batch_name"], i)
             for i, a in enumerate(ws.db.query(
                 "SELECT a.id, a.code, a.name, a.batch_id, b.name AS batch_name"
                 " FROM alliances a JOIN batches b ON b.id = a.batch_id"
                 f" WHERE a.id IN ({marks_a}) ORDER BY b.sort, a.code", alliance_ids))])
        conn.executemany(
            "INSERT INTO members (id, name, role, is_group_leader) VALUES (?, ?, ?, ?)",
            [(e["id"], e["name"], e["role"], e["is_group_leader"])
             for e in ws.db.query(f"SELECT * FROM experts WHERE id IN ({marks_m})",
                                  member_ids)])
        conn.executemany(
            "INSERT INTO member_keys (member_id, fingerprint, public_key) VALUES (?, ?, ?)",
            ws.db.execute(
                "SELECT expert_id, fingerprint, public_key FROM expert_keys"
                f" WHERE round = ? AND revoked_at IS NULL AND expert_id IN ({marks_m})",
                [round_, *member_ids]).fetchall())
        conn.executemany(
            "INSERT INTO member_assignments (member_id, alliance_id) VALUES (?, ?)",
            [(a["expert_id"], a["alliance_id"]) for a in assigned])
    with ws.transaction():
        ws.audit("export", "group_package", f"{year}/{round_}/{grp['name']}", None,
                 {"file": out_path.name, "members": len(member_ids)})
    return BuiltPackage(out_path, grp["name"], round_, len(alliance_ids))


# -- opening packages (expert side) ---------------------------------------------------

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


def _damaged(path: Path, exc: BaseException) -> EvaluatorError:
    reason = str(exc).strip()[:200] or type(exc).__name__
    return EvaluatorError(Problem("package.damaged", {"path": str(path), "reason": reason},
                                  file=path.name))


@contextmanager
def _damage_guard(path: Path) -> Iterator[None]:
    """Turn what SQLite (or reading its text) raises on a damaged file into a message.

    A byte flipped on a USB stick surfaces as DatabaseError ("database disk image is
    malformed"), OperationalError, or UnicodeDecodeError on a text column.
    """
    try:
        yield
    except (sqlite3.DatabaseError, UnicodeDecodeError, _DamagedRow) as exc:
        raise _damaged(path, exc) from None


class _DamagedRow(Exception):
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
        conn, _meta, _rubric = _connect_package(path, "expert")
    except EvaluatorError as error:
        if any(p.code == "package.wrong_kind" for p in error.problems):
            conn, _meta, _rubric = _connect_package(path, "group")
            conn.close()
            return "group"
        raise
    conn.close()
    return "expert"


def _connect_package(path: Path, kind: str
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
        raise _damaged(path, exc) from None
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
            raise _damaged(path, exc) from None
        if "meta" not in tables:
            raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                         file=path.name))
        try:
            meta = {str(k): str(v) for k, v in
                    conn.execute("SELECT key, value FROM meta").fetchall()}
        except (sqlite3.Error, ValueError) as exc:
            raise _damaged(path, exc) from None
        if meta.get("format") != FORMAT:
            raise EvaluatorError(Problem("package.not_a_package", {"path": str(path)},
                                         file=path.name))
        try:
            version = int(meta.get("format_version", "0"))
        except ValueError as exc:
            raise _damaged(path, exc) from None
        if version > FORMAT_VERSION:
            raise EvaluatorError(Problem("package.too_new", {
                "path": str(path), "found": meta.get("format_version"),
                "supported": FORMAT_VERSION}, file=path.name))
        if meta.get("kind") != kind:
            names = {"expert": "专家", "group": "专家组"}
            raise EvaluatorError(Problem("package.wrong_kind", {
                "path": str(path), "found": names.get(meta.get("kind", ""), meta.get("kind")),
                "expected": names[kind]}, file=path.name))
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
            raise _damaged(path, exc) from None
    except BaseException:
        conn.close()
        raise
    return conn, meta, rubric


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
        conn, meta, rubric = _connect_package(path, "expert")
        return cls(path, conn, meta, rubric)

    def _guard(self) -> AbstractContextManager[None]:
        """Every read and write of the connection: a damaged page becomes a message."""
        return _damage_guard(self.path)

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
        self._saved_at = now_local()
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
                raise _damaged(self.path, exc) from None
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
        raise _DamagedRow(f"alliances: {row!r}"[:200])
    return PackageAlliance(*row)


def _score_of(row: tuple[Any, ...]) -> Score:
    alliance_id, indicator, value, comment, updated_at = row
    if not (isinstance(alliance_id, int) and isinstance(indicator, str)
            and isinstance(value, int | float) and value == value
            and isinstance(comment, str) and isinstance(updated_at, str)):
        raise _DamagedRow(f"scores: {row!r}"[:200])
    return Score(alliance_id, indicator, float(value), comment, updated_at)


class GroupPackage:
    """A group leader's package: members' public keys and who scores what."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self.conn = conn
        self.meta = meta

    @classmethod
    def open(cls, path: Path | str) -> GroupPackage:
        path = Path(path)
        conn, meta, _ = _connect_package(path, "group")
        return cls(path, conn, meta)

    def _guard(self) -> AbstractContextManager[None]:
        return _damage_guard(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> GroupPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def round(self) -> str:
        return self.meta["round"]

    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def group(self) -> str:
        return self.meta["group_name"]

    def members(self) -> list[dict[str, Any]]:
        with self._guard():
            cur = self.conn.execute(
                "SELECT * FROM members ORDER BY is_group_leader DESC, name")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def is_member(self, expert_name: str) -> bool:
        with self._guard():
            return self.conn.execute("SELECT 1 FROM members WHERE name = ?",
                                     (expert_name,)).fetchone() is not None

    def public_keys_of(self, expert_name: str) -> dict[str, str]:
        """fingerprint -> public key of the member's packages (format 2 only)."""
        with self._guard():
            if not self._has_table("member_keys"):
                return {}
            return {str(fp): str(key) for fp, key in self.conn.execute(
                "SELECT k.fingerprint, k.public_key FROM member_keys k"
                " JOIN members m ON m.id = k.member_id WHERE m.name = ?", (expert_name,))}

    def legacy_key_of(self, expert_name: str) -> str:
        """The member's HMAC key in a format 1 group package ('' otherwise)."""
        with self._guard():
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(members)")}
            if "secret_key" not in columns:
                return ""
            row = self.conn.execute("SELECT secret_key FROM members WHERE name = ?",
                                    (expert_name,)).fetchone()
        return str(row[0]) if row and row[0] else ""

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                 " AND name = ?", (name,)).fetchone() is not None

    def assigned_codes(self, expert_name: str) -> list[str]:
        with self._guard():
            return [r[0] for r in self.conn.execute(
                "SELECT a.code FROM member_assignments m JOIN members e ON e.id = m.member_id"
                " JOIN alliances a ON a.id = m.alliance_id WHERE e.name = ? ORDER BY a.sort",
                (expert_name,))]
