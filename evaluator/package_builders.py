"""The secretariat's side of packages: an expert's package for a round (with a new
Ed25519 key pair, the public half kept in the workspace), every expert's at once, a group
leader's package, and revoking the keys of a lost package.

A re-review package never holds first-round scores (method.md: the cross-group re-review
must not see them). A group package carries the members' public keys, which verify their
score files but cannot sign one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator import __version__, messages, signing, sqlite_files
from evaluator.atomic import atomic_write
from evaluator.errors import EvaluatorError, Problem
from evaluator.file_names import safe_file_name
from evaluator.packages import EXPERT_SCHEMA, FORMAT, FORMAT_VERSION, GROUP_SCHEMA, SUFFIX
from evaluator.progress import NullProgress, Progress, check
from evaluator.rounds import require_round, round_text
from evaluator.settings import flag_thresholds
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

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
    "package.no_assignments": {
        "zh": "专家“{name}”在{round_name}中没有分配联盟，无法生成评审包",
        "en": "Expert '{name}' has no alliances assigned in the round '{round_name}'; no "
        "package",
    },
    "package.group_empty": {
        "zh": "专家组“{name}”在{round_name}中没有分配",
        "en": "Group '{name}' has no assignments in the round '{round_name}'",
    },
    "package.conflicted_assignment": {
        "zh": "专家“{name}”与联盟 {code}“{alliance}”存在利益冲突，却被分配评审该联盟；请先修改分配",
        "en": "Expert '{name}' has a conflict of interest with alliance {code} '{alliance}' "
        "but is assigned to it; fix the assignment first",
    },
})


def workspace_id(ws: Workspace) -> str:
    """A stable identity for a workspace (its copies included): from its first audit entry."""
    row = ws.db.execute(
        "SELECT at, entity_key FROM audit_log ORDER BY id LIMIT 1").fetchone()
    seed = f"{row[0]}|{row[1]}" if row else str(ws.path.name)
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


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
    # executescript would COMMIT the open transaction first; run the statements inside it,
    # cut where SQLite says a statement is complete (a ';' in a string or a trigger body
    # does not end one).
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


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
            "name": row["name"], "round": round_, "round_name": round_text(round_)}))
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
    with _new_package_db(out_path, EXPERT_SCHEMA) as conn:
        _put_meta(conn, {
            "format": FORMAT, "format_version": FORMAT_VERSION, "kind": "expert",
            "app_version": __version__, "year": year, "round": round_,
            "expert_id": row["id"], "expert_name": row["name"], "expert_role": row["role"],
            "signing_key": private_key, "public_key": public_key,
            "rubric_json": rubric.canonical_json(),
            "rubric_fingerprint": rubric.fingerprint, "workspace_id": workspace_id(ws),
            "created_at": now_iso(), "export_sequence": int(last_seq),
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
            (row["id"], round_, public_key, key_fingerprint, now_iso(), out_path.name))
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
                  (now_iso(), reason, expert_id, round_))
    for fp in revoked:
        ws.audit("revoke", "expert_key", fp, None, {"expert_id": expert_id,
                                                     "round": round_, "reason": reason})
    return len(revoked)


def package_file_name(year: int, round_: str, expert_name: str) -> str:
    safe = safe_file_name(expert_name)
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
            "name": grp["name"], "round": round_, "round_name": round_text(round_)}))
    member_ids = sorted({a["expert_id"] for a in assigned} | {
        r[0] for r in ws.db.execute("SELECT id FROM experts WHERE group_id = ?", (grp["id"],))})
    alliance_ids = sorted({a["alliance_id"] for a in assigned})
    rubric = ws.rubric(year)
    marks_m = ",".join("?" for _ in member_ids)
    marks_a = ",".join("?" for _ in alliance_ids)
    with _new_package_db(out_path, GROUP_SCHEMA) as conn:
        _put_meta(conn, {
            "format": FORMAT, "format_version": FORMAT_VERSION, "kind": "group",
            "app_version": __version__, "year": year, "round": round_,
            "group_id": grp["id"], "group_name": grp["name"],
            "rubric_json": rubric.canonical_json(), "rubric_fingerprint": rubric.fingerprint,
            "workspace_id": workspace_id(ws), "created_at": now_iso(),
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
