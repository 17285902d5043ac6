"""The group leader's route: merge members' score files into the group package, then send
the secretariat one group file that carries each member's original signed file.

The group file (`.evgroup`) is a zip: `manifest.json` and the members' score files
byte for byte under `files/`. The group package holds the members' public keys only: the
leader verifies a member's Ed25519 signature but cannot make one. The secretariat's merge
unpacks the group file and verifies every member's signature with the workspace's public
keys, exactly as for files sent directly, so a group leader can collect and check but
never alter or forge a member's scores.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.atomic import atomic_write
from evaluator.consensus import ScoreSet, consensus_from_sets
from evaluator.errors import EvaluatorError, Problem
from evaluator.flags import AgendaItem, agenda
from evaluator.group_file import (
    GROUP_FILE_FORMAT,
    GROUP_FILE_VERSION,
    GroupFile,
    GroupFileEntry,
)
from evaluator.group_package import GroupPackage
from evaluator.merge import MergeReport, expand_paths
from evaluator.merge_checks import FileResult, sequence_problems, signature_problems
from evaluator.progress import NullProgress, Progress, check
from evaluator.rounds import round_text
from evaluator.rubric import rubric_from_json
from evaluator.scorefile import (
    ScoreFile,
    check_against_rubric,
    read_score_file,
)
from evaluator.settings import default_thresholds
from evaluator.timefmt import now_iso

_MEMBER_FILES_SCHEMA = """
CREATE TABLE IF NOT EXISTS member_files (
    id INTEGER PRIMARY KEY,
    expert_name TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    signed INTEGER NOT NULL,
    legacy_signature INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'superseded')),
    received_at TEXT NOT NULL
)
"""

messages.register({
    "group.not_member": {
        "zh": "专家“{name}”不是本组（{group}）成员",
        "en": "Expert '{name}' is not a member of this group ({group})",
    },
    "group.unknown_key": {
        "zh": "签名所用的公钥（指纹 {fingerprint}）不是本组评审包中{name}的公钥：文件不是该组员本人的评审包导出的；若组员领了新评审包，请向秘书处索取新的组评审包",
        "en": "The file is signed with a key (fingerprint {fingerprint}) that is not "
              "{name}'s in this group package: it was not exported from the member's own "
              "package; if the member was given a new package, ask the secretariat for a "
              "new group package",
    },
    "group.legacy_unverifiable": {
        "zh": "文件使用旧签名，本组评审包无法核验；请组员直接交秘书处，或请秘书处为其补发新评审包",
        "en": "The file carries an old-style signature this group package cannot verify; "
              "the member should send it to the secretariat directly, or get a new "
              "package from the secretariat",
    },
    "group.wrong_year": {
        "zh": "文件是 {found} 年度的评分，本组评审包是 {expected} 年度",
        "en": "The file scores year {found}; this group package is for {expected}",
    },
    "group.wrong_round": {
        "zh": "文件是“{found}”的评分，本组评审包是“{expected}”",
        "en": "The file is for the round '{found}'; this group package is for the round "
        "'{expected}'",
    },
    "group.no_files": {
        "zh": "本组评审包中还没有已接受的评分文件，无法生成组文件",
        "en": "The group package holds no accepted score file yet; nothing to send",
    },
    "group.exported": {
        "zh": "已生成组文件 {path}：{files} 份评分文件（{group}，{round}）",
        "en": "Group file {path} written: {files} score files ({group}, {round})",
    },
})



def _ensure_member_files(gp: GroupPackage) -> None:
    gp.conn.execute(_MEMBER_FILES_SCHEMA)
    columns = {r[1] for r in gp.conn.execute("PRAGMA table_info(member_files)")}
    if "legacy_signature" in columns:
        return
    # Files kept before the flag was recorded: a signed file was verified with the member's
    # HMAC key exactly when the package holds that key and none of his public keys
    # (`member_signature_problems`), so the flag follows from the package.
    own = not gp.conn.in_transaction
    if own:
        gp.conn.execute("BEGIN IMMEDIATE")
    try:
        gp.conn.execute("ALTER TABLE member_files"
                        " ADD COLUMN legacy_signature INTEGER NOT NULL DEFAULT 0")
        names = [r[0] for r in gp.conn.execute(
            "SELECT DISTINCT expert_name FROM member_files WHERE signed = 1").fetchall()]
        for name in names:
            if gp.legacy_key_of(name) and not gp.public_keys_of(name):
                gp.conn.execute("UPDATE member_files SET legacy_signature = 1"
                                " WHERE expert_name = ? AND signed = 1", (name,))
        if own:
            gp.conn.execute("COMMIT")
    except BaseException:
        if own:
            gp.conn.execute("ROLLBACK")
        raise


def validate_member_file(gp: GroupPackage, sf: ScoreFile,
                         accept_unsigned: bool = False) -> FileResult:
    """Every reason the group leader must refuse `sf`; no writes."""
    result = FileResult(path=sf.path, status="rejected", sha256=sf.sha256, score_file=sf,
                        expert=sf.expert, round=sf.round, sequence=sf.sequence)
    file = sf.path.name
    problems = sf.errors_but_signature()
    if not sf.meta and problems:
        result.problems = problems
        return result

    def add(message: str, **params: Any) -> None:
        problems.append(Problem(message, params, file=file))

    name = sf.expert.strip()
    member = bool(name) and gp.is_member(name)
    if not member:
        add("group.not_member", name=sf.expert, group=gp.group)
    if sf.year is not None and sf.year != gp.year:
        add("group.wrong_year", found=sf.year, expected=gp.year)
    if sf.round and sf.round != gp.round:
        add("group.wrong_round", found=round_text(sf.round),
            expected=round_text(gp.round))
    fingerprint = gp.meta.get("rubric_fingerprint", "")
    if sf.fingerprint and sf.fingerprint != fingerprint:
        add("merge.rubric_differs", found=sf.fingerprint[:12], expected=fingerprint[:12])
    elif gp.meta.get("rubric_json"):
        problems.extend(check_against_rubric(sf, rubric_from_json(gp.meta["rubric_json"])))
    forged = False
    if member:
        if not sf.signature:
            if not accept_unsigned:
                add("merge.unsigned")
        else:
            signature_problems = member_signature_problems(gp, sf, name)
            problems.extend(signature_problems)
            forged = bool(signature_problems)
            result.legacy_signature = sf.legacy_signature
        assigned = set(gp.assigned_codes(name))
        for code in dict.fromkeys(c for c, _, _ in sf.rows):
            if code not in assigned:
                add("merge.not_assigned", code=code, expert=sf.expert,
                    round=round_text(gp.round))
    problems.extend(sf.duplicate_score_problems())
    if member and sf.sequence is not None and not forged:
        _ensure_member_files(gp)
        latest = gp.conn.execute("SELECT MAX(sequence) FROM member_files WHERE expert_name = ?",
                                 (sf.expert.strip(),)).fetchone()[0]
        kept = gp.conn.execute(
            "SELECT sha256 FROM member_files WHERE expert_name = ? AND sequence = ?",
            (sf.expert.strip(), sf.sequence)).fetchone()
        verdict = sequence_problems(file, sf.sequence, latest,
                                    None if kept is None else kept[0] == sf.sha256
                                    and not problems)
        if verdict is None:
            result.status = "unchanged"
            return result
        problems.extend(verdict)
    result.problems = problems
    result.signed = bool(sf.signature)
    result.alliances = len({c for c, _, _ in sf.rows})
    if not problems:
        result.status = "accepted"
    return result


def member_signature_problems(gp: GroupPackage, sf: ScoreFile, name: str) -> list[Problem]:
    """Why the signature does not prove the member `name` exported `sf` (empty if it
    does): his public keys in the group package, or his HMAC key in a format 1 one."""
    file = sf.path.name
    return signature_problems(
        sf, public_key=gp.public_keys_of(name).get(sf.key_fingerprint),
        legacy_secret=gp.legacy_key_of(name) if sf.legacy_signature else None,
        unknown_key=Problem("group.unknown_key", {"fingerprint": sf.key_fingerprint[:16],
                                                  "name": name}, file=file),
        no_legacy_key=Problem("group.legacy_unverifiable", file=file))


def merge_into_group_package(group_package: Path | str, paths: list[Path] | list[str],
                             accept_unsigned: bool = False,
                             progress: Progress | None = None) -> MergeReport:
    """Check members' score files and keep the valid ones, byte for byte, in the package."""
    progress = progress or NullProgress()
    files = expand_paths(paths)
    results: list[FileResult] = []
    batch_shas: set[str] = set()
    with GroupPackage.open(group_package) as gp:
        _ensure_member_files(gp)
        for i, path in enumerate(files):
            check(progress)
            progress.report(i, len(files), path.name)
            sf = read_score_file(path)
            known = gp.conn.execute("SELECT 1 FROM member_files WHERE sha256 = ?",
                                    (sf.sha256,)).fetchone()
            if sf.sha256 and (known or sf.sha256 in batch_shas):
                results.append(FileResult(path=path, status="unchanged", sha256=sf.sha256,
                                          expert=sf.expert, round=sf.round,
                                          sequence=sf.sequence))
                continue
            result = validate_member_file(gp, sf, accept_unsigned)
            if result.status == "accepted":
                batch_shas.add(sf.sha256)
            results.append(result)
        _refuse_reused_sequences(results)
        check(progress)
        gp.conn.execute("BEGIN IMMEDIATE")
        try:
            for r in sorted((r for r in results if r.status == "accepted"),
                            key=lambda r: (r.expert, r.sequence or 0)):
                name = r.expert.strip()
                gp.conn.execute("UPDATE member_files SET status = 'superseded'"
                                " WHERE expert_name = ? AND status = 'accepted'", (name,))
                gp.conn.execute(
                    "INSERT INTO member_files (expert_name, sequence, sha256, file_name,"
                    " content, signed, legacy_signature, status, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'accepted', ?)",
                    (name, r.sequence, r.sha256, r.path.name, r.path.read_bytes(),
                     int(r.signed), int(r.legacy_signature), now_iso()))
            gp.conn.execute("COMMIT")
        except BaseException:
            gp.conn.execute("ROLLBACK")
            raise
    progress.report(len(files), len(files), "")
    return MergeReport(results=results, backup=None)


def _refuse_reused_sequences(results: list[FileResult]) -> None:
    """Two different files of one member with one export number in a batch: refuse both
    (as the secretariat's merge does)."""
    keyed: dict[tuple[str, int | None], list[FileResult]] = {}
    for r in results:
        if r.status == "accepted":
            keyed.setdefault((r.expert.strip(), r.sequence), []).append(r)
    for group in keyed.values():
        if len(group) > 1:
            for r in group:
                r.status = "rejected"
                r.problems.append(Problem("merge.sequence_reused", {"found": r.sequence},
                                          file=r.path.name))


def group_progress(group_package: Path | str) -> list[dict[str, Any]]:
    """Per member: assigned alliances and the latest accepted file, if any (its export
    number, name, time received and whether it is signed the first release's way)."""
    with GroupPackage.open(group_package) as gp:
        _ensure_member_files(gp)
        rows = []
        for member in gp.members():
            latest = gp.conn.execute(
                "SELECT sequence, file_name, received_at, legacy_signature FROM member_files"
                " WHERE expert_name = ? AND status = 'accepted'", (member["name"],)).fetchone()
            rows.append({"expert": member["name"],
                         "assigned": len(gp.assigned_codes(member["name"])),
                         "sequence": latest[0] if latest else None,
                         "file": latest[1] if latest else None,
                         "received_at": latest[2] if latest else None,
                         "legacy_signature": bool(latest[3]) if latest else False})
        return rows


def export_group_file(group_package: Path | str, out: Path | str) -> GroupFile:
    """Write the `.evgroup` file: the latest accepted file of every member, unaltered."""
    out = Path(out)
    with GroupPackage.open(group_package) as gp:
        _ensure_member_files(gp)
        rows = gp.conn.execute(
            "SELECT expert_name, sequence, sha256, file_name, content FROM member_files"
            " WHERE status = 'accepted' ORDER BY expert_name").fetchall()
        if not rows:
            raise EvaluatorError(Problem("group.no_files", file=Path(group_package).name))
        group = GroupFile(year=gp.year, round=gp.round, group=gp.group)
        with atomic_write(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for i, (name, sequence, sha256, file_name, content) in enumerate(rows, start=1):
                member_name = f"files/{i:03d}-{Path(file_name).name}"
                zf.writestr(member_name, content)
                group.entries.append(GroupFileEntry(name, sequence, sha256, member_name))
            zf.writestr("manifest.json", json.dumps({
                "format": GROUP_FILE_FORMAT, "format_version": GROUP_FILE_VERSION,
                "year": group.year, "round": group.round, "group": group.group,
                "created_at": now_iso(),
                "files": [e.__dict__ for e in group.entries]}, ensure_ascii=False, indent=1))
    return group


# -- the group leader's own view of the differences -----------------------------------------

GROUP_RULES = ("F2", "F3")  # F1 needs every group's scores, F4 the other round's


@dataclass
class GroupDifferences:
    """The group's differences as the secretariat's flags would see them on these scores
    alone: per alliance the members' totals, spread and F2/F3 (evaluator.flags), in the
    plenary agenda's order, the alliances no rule raised after them."""

    items: list[AgendaItem]
    names: dict[int, str]  # member id -> name
    sent: list[str]  # members whose accepted file is in
    missing: list[str]  # members with nothing accepted yet
    incomplete: list[tuple[str, str, int]]  # (member, alliance code, indicators missing)
    settings: dict[str, Any]


def group_thresholds(gp: GroupPackage) -> dict[str, Any]:
    """The flags' settings the package carries from the workspace (defaults if none)."""
    settings = default_thresholds()
    stored = gp.meta.get("flag_settings_json")
    if stored:
        settings.update({k: v for k, v in json.loads(stored).items() if k in settings})
    return settings


def group_differences(group_package: Path | str) -> GroupDifferences:
    """Read every member's latest accepted file in the group package and compute the
    group's consensus and flags with the secretariat's own functions."""
    with GroupPackage.open(group_package) as gp:
        _ensure_member_files(gp)
        rubric = rubric_from_json(gp.meta["rubric_json"])
        settings = group_thresholds(gp)
        members = gp.members()
        ids = {str(m["name"]): int(m["id"]) for m in members}
        alliances = {int(r[0]): (str(r[1]), str(r[2])) for r in gp.conn.execute(
            "SELECT id, code, name FROM alliances")}
        files = gp.conn.execute(
            "SELECT expert_name, file_name, content FROM member_files"
            " WHERE status = 'accepted' ORDER BY expert_name").fetchall()
        round_ = gp.round
    by_code = {code: alliance_id for alliance_id, (code, _name) in alliances.items()}
    sets: list[ScoreSet] = []
    incomplete: list[tuple[str, str, int]] = []
    sent: list[str] = []
    with tempfile.TemporaryDirectory(prefix="evaluator-group-") as tmp:
        for i, (expert, file_name, content) in enumerate(files):
            path = Path(tmp) / f"{i:03d}-{Path(file_name).name}"
            path.write_bytes(content)
            sf = read_score_file(path)
            expert_id = ids.get(expert)
            if expert_id is None:
                continue
            sent.append(expert)
            values: dict[str, dict[str, float]] = {}
            for code, indicator, value in sf.rows:
                values.setdefault(code, {})[indicator] = float(value)
            comments: dict[str, dict[str, str]] = {}
            for code, indicator, text in sf.comments:
                comments.setdefault(code, {})[indicator] = text
            for code, scored in values.items():
                alliance_id = by_code.get(code)
                if alliance_id is None:
                    continue
                missing = [c for c in rubric.codes if c not in scored]
                if missing:
                    incomplete.append((expert, code, len(missing)))
                    continue
                sets.append(ScoreSet(round_, expert_id, alliance_id,
                                     {c: scored[c] for c in rubric.codes},
                                     comments.get(code, {})))
    table = consensus_from_sets(sets, int(settings["consensus.trim_from"]))
    names = {expert_id: name for name, expert_id in ids.items()}
    items = agenda(table, settings, rubric, names, alliances, GROUP_RULES, unflagged=True)
    missing_members = [str(m["name"]) for m in members if str(m["name"]) not in sent]
    return GroupDifferences(items, names, sent, missing_members, incomplete, settings)

