"""What a merge judges one score file by, before anything is written.

`validate_score_file` lists every reason to refuse a file (unknown expert, another year,
round or rubric, a signature the expert's own key did not make, alliances not assigned or
in conflict, values off the rubric, duplicates, an older or reused export sequence)
against a `MergeContext`: what the workspace holds, read once per merge rather than once
per file (1,000 files and 10,000 alliances at XL, docs/performance.md). Writing the
accepted files is evaluator/merge.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.errors import Problem
from evaluator.package_builders import workspace_id
from evaluator.registry import normalize_code
from evaluator.rounds import round_text
from evaluator.rubric import Rubric
from evaluator.scorefile import (
    K_SIGNATURE,
    ScoreFile,
    allowed_values,
    canonical_content,
    canonical_dumps,
    check_against_rubric,
    verify_legacy_signature,
    verify_signature,
)
from evaluator.workspace import Workspace

messages.register({
    "merge.unknown_expert": {
        "zh": "专家“{name}”不在 {year} 年度专家名单中",
        "en": "Expert '{name}' is not on the {year} panel",
    },
    "merge.wrong_year": {
        "zh": "文件是 {found} 年度的评分，本次汇总的是 {expected} 年度",
        "en": "The file scores year {found}; this merge is for {expected}",
    },
    "merge.wrong_round": {
        "zh": "文件是“{found}”轮次的评分，但{reason}",
        "en": "The file is for the round '{found}', but {reason}",
    },
    "merge.wrong_round.expected": {
        "zh": "本次汇总的是“{expected}”",
        "en": "this merge is for the round '{expected}'",
    },
    "merge.wrong_round.unassigned": {
        "zh": "该专家在此轮次没有分配任何联盟",
        "en": "the expert has no alliance assigned in that round",
    },
    "merge.rubric_differs": {
        "zh": "文件所用指标体系（指纹 {found}）与本年度指标体系（{expected}）不同",
        "en": "The file was scored against another rubric (fingerprint {found}, "
              "this year's is {expected})",
    },
    "merge.unsigned": {
        "zh": "文件没有签名；确认来源可靠后可选择“接受未签名文件”",
        "en": "The file is not signed; accept unsigned files only when you trust its source",
    },
    "merge.bad_signature": {
        "zh": "签名校验失败：文件导出后被修改过，或不是该专家导出的",
        "en": "The signature does not verify: the file was changed after export, or was not "
              "exported by this expert",
    },
    "merge.unknown_key": {
        "zh": "签名所用的公钥（指纹 {fingerprint}）不是秘书处为{expert}签发的{round}密钥：文件不是该专家本人的评审包导出的",
        "en": "The file is signed with a key (fingerprint {fingerprint}) the secretariat did "
              "not issue to {expert} for the round '{round}': it was not exported from the "
              "expert's own package",
    },
    "merge.revoked_key": {
        "zh": "签名所用的密钥已于 {revoked_at} 作废（{reason}）；确认文件确为专家本人所交后，可选择“接受已作废密钥签名的文件”",
        "en": "The file is signed with a key revoked on {revoked_at} ({reason}); accept "
              "files signed with revoked keys only when you are sure the expert sent it",
    },
    "merge.legacy_replaced": {
        "zh": "文件使用旧签名，但秘书处已为该专家签发了新评审包（新密钥）；确认文件确为专家本人所交后，可选择“接受已作废密钥签名的文件”",
        "en": "The file carries an old-style signature, but the expert has since been "
              "issued a new package (a new key); accept it only when you are sure the "
              "expert sent it",
    },
    "merge.legacy_no_key": {
        "zh": "文件使用旧签名，但工作区没有该专家的旧密钥，无法核验",
        "en": "The file carries an old-style signature, and the workspace holds no old "
              "key for this expert to verify it",
    },
    "merge.unknown_alliance": {
        "zh": "联盟代码 {code} 不在联盟名录中",
        "en": "Alliance code {code} is not in the registry",
    },
    "merge.not_assigned": {
        "zh": "联盟 {code} 在“{round}”中没有分配给 {expert}",
        "en": "Alliance {code} is not assigned to {expert} in the round '{round}'",
    },
    "merge.conflict": {
        "zh": "{expert} 与联盟 {code} 存在利益冲突（{reason}），不得评分",
        "en": "{expert} has a conflict of interest with alliance {code} ({reason}) and may "
              "not score it",
    },
    "merge.older_sequence": {
        "zh": "这是第 {found} 次导出，已汇总过更新的第 {latest} 次导出，旧文件不予接受",
        "en": "This is export {found}; the newer export {latest} is already merged, so the "
              "older file is refused",
    },
    "merge.sequence_reused": {
        "zh": "第 {found} 次导出已汇总过，但内容不同：同一序号的两个不同文件",
        "en": "Export {found} was already merged with different content: two different "
              "files carry one sequence number",
    },
    "merge.other_workspace": {
        "zh": "文件来自另一个工作区（{found}），请确认",
        "en": "The file comes from another workspace ({found}); please check",
    },
    "merge.accepted": {
        "zh": "已接受 {file}：{expert}，{round}，第 {sequence} 次导出，{alliances} 家联盟{extra}",
        "en": "Accepted {file}: {expert}, {round}, export {sequence}, {alliances} alliances{extra}",
    },
    "merge.unchanged": {
        "zh": "{file} 已汇总过（内容相同），未做更改",
        "en": "{file} was already merged (same content); nothing changed",
    },
    "merge.rejected": {
        "zh": "拒绝 {file}：",
        "en": "Rejected {file}:",
    },
    "merge.superseded_note": {
        "zh": "，取代第 {old} 次导出",
        "en": ", supersedes export {old}",
    },
    "merge.unsigned_note": {"zh": "（未签名）", "en": " (unsigned)"},
    "merge.legacy_note": {"zh": "（旧签名）", "en": " (old-style signature)"},
    "merge.revoked_note": {"zh": "（已作废密钥，经确认接受）",
                           "en": " (revoked key, accepted explicitly)"},
})


@dataclass
class FileResult:
    path: Path
    status: str  # 'accepted' | 'rejected' | 'unchanged'
    expert: str = ""
    expert_id: int | None = None
    round: str = ""
    sequence: int | None = None
    sha256: str = ""
    signed: bool = False
    legacy_signature: bool = False  # HMAC of the first release (旧签名)
    revoked_key: bool = False  # signed with a revoked key, accepted explicitly
    alliances: int = 0
    superseded_sequence: int | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    score_file: ScoreFile | None = None
    alliance_ids: dict[str, int] = field(default_factory=dict)
    via_group_file: str = ""  # the .evgroup file this member file came in, if any

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.path), "status": self.status, "expert": self.expert,
                "round": self.round, "sequence": self.sequence, "sha256": self.sha256,
                "signed": self.signed, "legacy_signature": self.legacy_signature,
                "revoked_key": self.revoked_key, "alliances": self.alliances,
                "superseded_sequence": self.superseded_sequence,
                "via_group_file": self.via_group_file or None,
                "problems": [p.as_dict() | {"text": messages.render_problem(p)}
                             for p in self.problems],
                "warnings": [p.as_dict() | {"text": messages.render_problem(p)}
                             for p in self.warnings]}



@dataclass
class MergedFiles:
    """The score files of a year already in the workspace, as the sequence checks need
    them: one query per merge (and one more under the write lock), not one per file."""

    sequences: dict[tuple[str, int], dict[int, int]]  # (round, expert id) -> seq -> row id
    shas: set[str]

    @classmethod
    def load(cls, ws: Workspace, year: int) -> MergedFiles:
        sequences: dict[tuple[str, int], dict[int, int]] = {}
        shas: set[str] = set()
        for file_id, rnd, expert_id, sequence, sha in ws.db.execute(
                "SELECT id, round, expert_id, sequence, sha256 FROM score_files"
                " WHERE year = ?", (year,)):
            sequences.setdefault((rnd, expert_id), {})[sequence] = file_id
            shas.add(sha)
        return cls(sequences, shas)

    def latest(self, rnd: str, expert_id: int) -> int | None:
        merged = self.sequences.get((rnd, expert_id))
        return max(merged) if merged else None

    def content(self, ws: Workspace, rnd: str, expert_id: int, sequence: int
                ) -> tuple[str | None] | None:
        """(content_json,) of the file merged with this sequence, None if there is none."""
        file_id = self.sequences.get((rnd, expert_id), {}).get(sequence)
        if file_id is None:
            return None
        row = ws.db.execute("SELECT content_json FROM score_files WHERE id = ?",
                            (file_id,)).fetchone()
        return (row[0],) if row else None

    def add(self, rnd: str, expert_id: int, sequence: int, file_id: int, sha: str) -> None:
        self.sequences.setdefault((rnd, expert_id), {})[sequence] = file_id
        self.shas.add(sha)


@dataclass
class MergeContext:
    """What every file of one merge is checked against, read once per merge rather than
    once per file or alliance (1,000 files and 10,000 alliances at XL,
    docs/performance.md)."""

    rubric: Rubric
    fingerprint: str
    workspace_id: str
    experts: dict[str, dict[str, Any]]  # name -> experts row of the year
    alliance_ids: dict[str, int]  # normalised code, current or former -> alliance id
    assigned: dict[tuple[int, str], set[int]]  # (expert id, round) -> alliance ids
    conflicts: dict[tuple[int, int], str]  # (expert id, alliance id) -> reason
    allowed: dict[str, frozenset[float]]  # indicator -> its valid values
    keys: dict[tuple[int, str], ExpertKey] = field(default_factory=dict)  # (expert, fp)
    new_keys: set[tuple[int, str]] = field(default_factory=set)  # (expert, round) issued
    merged: MergedFiles = field(default_factory=lambda: MergedFiles({}, set()))
    _codes: dict[str, int | None] = field(default_factory=dict, repr=False)
    data_version: int | None = None  # PRAGMA data_version when loaded

    def unchanged_since_loaded(self, ws: Workspace) -> bool:
        """Whether no other connection (program) has committed to the workspace since
        this context was read (SQLite's data_version, same connection)."""
        return self.data_version is not None and self.data_version == _data_version(ws)

    def alliance_of(self, code: str) -> int | None:
        """The alliance id of a code as written (normalised, current or former), each
        code normalised once per merge (an alliance is in six files)."""
        if code not in self._codes:
            self._codes[code] = self.alliance_ids.get(normalize_code(code))
        return self._codes[code]

    @cached_property
    def allowed_pairs(self) -> frozenset[tuple[str, float]]:
        """Every valid (indicator, value): a file's distinct pairs are checked against
        them in one subset test."""
        return frozenset((indicator, value) for indicator, values in self.allowed.items()
                         for value in values)

    @classmethod
    def load(cls, ws: Workspace, year: int) -> MergeContext:
        version = _data_version(ws)
        rubric = ws.rubric(year)
        experts = {r["name"]: r for r in ws.db.query(
            "SELECT * FROM experts WHERE year = ? ORDER BY id", [year])}
        # Former codes first, so that a current code wins where the two coincide (as
        # registry.find_by_code looks the current code up first).
        alliance_ids = {alias: int(aid) for aid, alias in ws.db.execute(
            "SELECT alliance_id, alias FROM alliance_aliases WHERE kind = 'code'"
            " ORDER BY id")}
        alliance_ids.update((code, int(aid)) for aid, code in ws.db.execute(
            "SELECT id, code FROM alliances"))
        assigned: dict[tuple[int, str], set[int]] = {}
        for expert_id, rnd, alliance_id in ws.db.execute(
                "SELECT expert_id, round, alliance_id FROM assignments WHERE year = ?",
                (year,)):
            assigned.setdefault((expert_id, rnd), set()).add(alliance_id)
        conflicts: dict[tuple[int, int], str] = {}
        for expert_id, alliance_id, reason in ws.db.execute(
                "SELECT c.expert_id, c.alliance_id, c.reason FROM conflicts c"
                " JOIN experts e ON e.id = c.expert_id WHERE e.year = ? ORDER BY c.id",
                (year,)):
            conflicts.setdefault((expert_id, alliance_id), reason)
        issued = [ExpertKey(*r) for r in ws.db.execute(
            "SELECT k.expert_id, k.round, k.fingerprint, k.public_key, k.revoked_at,"
            " k.revoked_reason FROM expert_keys k JOIN experts e ON e.id = k.expert_id"
            " WHERE e.year = ?", (year,))]
        keys = {(k.expert_id, k.fingerprint): k for k in issued}
        return cls(rubric=rubric, fingerprint=rubric.fingerprint,
                   workspace_id=workspace_id(ws), experts=experts,
                   alliance_ids=alliance_ids, assigned=assigned, conflicts=conflicts,
                   allowed=allowed_values(rubric), keys=keys,
                   new_keys={(k.expert_id, k.round) for k in keys.values()},
                   merged=MergedFiles.load(ws, year), data_version=version)


def _data_version(ws: Workspace) -> int:
    return int(ws.db.execute("PRAGMA data_version").fetchone()[0])


@dataclass(frozen=True)
class ExpertKey:
    """A public key the secretariat issued with one of an expert's packages."""

    expert_id: int
    round: str
    fingerprint: str
    public_key: str
    revoked_at: str | None
    revoked_reason: str | None


def signature_problems(sf: ScoreFile, *, public_key: str | None, legacy_secret: str | None,
                       unknown_key: Problem, no_legacy_key: Problem) -> list[Problem]:
    """Why the signature of a signed `sf` is not the expert's (empty if it is), for the
    secretariat and the group leader alike: an Ed25519 signature needs the public key
    issued for the fingerprint it names (`unknown_key` when there is none), a first-release
    HMAC the expert's secret (`no_legacy_key` when it is not held); either must verify."""
    file = sf.path.name
    if sf.legacy_signature:
        if not legacy_secret:
            return [no_legacy_key]
        verified = verify_legacy_signature(sf, legacy_secret, despite_errors=True)
    else:
        if public_key is None:
            return [unknown_key]
        verified = verify_signature(sf, public_key, despite_errors=True)
    return [] if verified else [Problem("merge.bad_signature", file=file)]


def sequence_problems(file: str, sequence: int, latest: int | None,
                      same: bool | None) -> list[Problem] | None:
    """The export sequence against the files already kept, for the secretariat and the
    group leader alike: None when this very export is already kept (nothing to do), else
    its problems (none when it may be kept). `latest`: the highest sequence kept for the
    expert and round; `same`: None when no file with this sequence is kept, else whether
    that file is this one."""
    if same is not None:
        return None if same else [
            Problem("merge.sequence_reused", {"found": sequence}, file=file)]
    if latest is not None and sequence < latest:
        return [Problem("merge.older_sequence", {"found": sequence, "latest": latest},
                        file=file)]
    return []


def check_signature(sf: ScoreFile, expert: dict[str, Any], context: MergeContext,
                    accept_revoked_keys: bool, result: FileResult) -> list[Problem]:
    """Why the signature of a signed `sf` does not prove that `expert` exported it
    (empty if it does); notes on `result` an old-style signature or a revoked key."""
    file = sf.path.name
    expert_id = int(expert["id"])
    rnd = round_text(sf.round) if sf.round else "-"
    key = context.keys.get((expert_id, sf.key_fingerprint))
    if key is not None and key.round != sf.round:
        key = None
    problems = signature_problems(
        sf, public_key=key.public_key if key else None, legacy_secret=expert["secret_key"],
        unknown_key=Problem("merge.unknown_key", {
            "fingerprint": sf.key_fingerprint[:16], "expert": expert["name"],
            "round": rnd}, file=file),
        no_legacy_key=Problem("merge.legacy_no_key", file=file))
    result.legacy_signature = sf.legacy_signature
    if problems:
        return problems
    if sf.legacy_signature:
        # A newer package replaced the one holding the HMAC key: whoever still has the
        # old key (a format 1 group package did too) must not speak for the expert.
        if (expert_id, sf.round) in context.new_keys:
            if not accept_revoked_keys:
                return [Problem("merge.legacy_replaced", file=file)]
            result.revoked_key = True
        return []
    assert key is not None
    if key.revoked_at is not None:
        if not accept_revoked_keys:
            return [Problem("merge.revoked_key", {"revoked_at": key.revoked_at,
                                                  "reason": key.revoked_reason or "-"},
                            file=file)]
        result.revoked_key = True
    return []


def validate_score_file(ws: Workspace, year: int, sf: ScoreFile, accept_unsigned: bool,
                        expected_round: str | None = None,
                        context: MergeContext | None = None,
                        accept_revoked_keys: bool = False) -> FileResult:
    """Every reason to refuse `sf`; no writes. `context` is what the workspace holds
    (read here when not given)."""
    context = context or MergeContext.load(ws, year)
    result = FileResult(path=sf.path, status="rejected", sha256=sf.sha256, score_file=sf,
                        expert=sf.expert, round=sf.round, sequence=sf.sequence)
    file = sf.path.name
    problems = sf.errors_but_signature()
    unsigned = not sf.signature
    if not sf.meta and problems:  # not a score file, or damaged: nothing more to check
        result.problems = problems
        return result

    def add(message: str, **params: Any) -> None:
        problems.append(Problem(message, params, file=file))

    expert = None
    if sf.expert:
        expert = context.experts.get(sf.expert.strip())
        if expert is None:
            add("merge.unknown_expert", name=sf.expert, year=year)
    if sf.year is not None and sf.year != year:
        add("merge.wrong_year", found=sf.year, expected=year)
    rnd = sf.round
    if rnd and expected_round and rnd != expected_round:
        add("merge.wrong_round", found=round_text(rnd),
            reason=messages.Text("merge.wrong_round.expected",
                                 {"expected": round_text(expected_round)}))
    assigned: set[int] = set()
    if rnd and expert is not None:
        assigned = context.assigned.get((expert["id"], rnd), set())
        if not assigned and sf.rows:
            add("merge.wrong_round", found=round_text(rnd),
                reason=messages.Text("merge.wrong_round.unassigned"))
    rubric = context.rubric
    if sf.fingerprint and sf.fingerprint != context.fingerprint:
        add("merge.rubric_differs", found=sf.fingerprint[:12],
            expected=context.fingerprint[:12])
    forged = False
    if expert is not None:
        if unsigned:
            if not accept_unsigned:
                add("merge.unsigned")
        else:
            signature_problems = check_signature(sf, expert, context, accept_revoked_keys,
                                                 result)
            problems.extend(signature_problems)
            forged = bool(signature_problems)
    # Alliances: known, assigned in this round, no conflict of interest.
    for code in dict.fromkeys(map(_CODE, sf.rows)):
        alliance_id = context.alliance_of(code)
        if alliance_id is None:
            add("merge.unknown_alliance", code=code)
            continue
        result.alliance_ids[code] = alliance_id
        if expert is None:
            continue
        if assigned and alliance_id not in assigned:
            add("merge.not_assigned", code=code, expert=expert["name"],
                round=round_text(rnd))
        conflict = context.conflicts.get((expert["id"], alliance_id))
        if conflict is None and expert["alliance_id"] == alliance_id:
            conflict = "affiliation"
        if conflict is not None:
            add("merge.conflict", expert=expert["name"], code=code, reason=conflict)
    # Values in range and on the step; duplicates.
    if not any(p.code == "merge.rubric_differs" for p in problems) \
            and not _all_allowed(sf, context.allowed_pairs):
        problems.extend(check_against_rubric(sf, rubric, context.allowed))
    problems.extend(sf.duplicate_score_problems())
    problems.extend(sf.duplicate_alliance_problems(context.alliance_of))
    # Sequence against what is already merged; a file whose signature failed never gets
    # here (a forged sequence of 999999999 must not lock the expert out).
    if expert is not None and rnd and sf.sequence is not None and not forged:
        kept = context.merged.content(ws, rnd, expert["id"], sf.sequence)
        verdict = sequence_problems(
            file, sf.sequence, context.merged.latest(rnd, expert["id"]),
            None if kept is None else same_content(kept[0], sf) and not problems)
        if verdict is None:
            result.status = "unchanged"  # the same export saved again: nothing to do
            return result
        problems.extend(verdict)
    if sf.workspace_id and sf.workspace_id != context.workspace_id:
        result.warnings.append(Problem("merge.other_workspace", {"found": sf.workspace_id},
                                       file=file, severity="warning"))
    result.problems = problems
    if expert is not None:
        result.expert_id = int(expert["id"])
        result.expert = expert["name"]
    result.signed = not unsigned
    result.alliances = len(result.alliance_ids)
    if not problems:
        result.status = "accepted"
    return result


_CODE = itemgetter(0)
_CODE_AND_INDICATOR = itemgetter(0, 1)
_INDICATOR_AND_VALUE = itemgetter(1, 2)


def _all_allowed(sf: ScoreFile, allowed_pairs: frozenset[tuple[str, float]]) -> bool:
    """Whether every (indicator, value) of `sf` is valid: a panel uses a few hundred
    distinct pairs, so the common case is one subset test in C instead of a look-up per
    score; any other file goes through `check_against_rubric`."""
    return set(map(_INDICATOR_AND_VALUE, sf.rows)) <= allowed_pairs


def stored_signed_text(stored: str) -> tuple[str, str, list[str]]:
    """The signed text, the signature and the alliance codes scored, of a file as the
    workspace keeps it (`score_files.content_json`, `ScoreFile.record_json`); files
    merged before 2026-11-30 were kept as their metadata, rows and comments."""
    data = json.loads(stored)
    if "signed" in data:
        signed = data["signed"]
        return (canonical_dumps(signed), str(data.get("signature", "")),
                list(dict.fromkeys(str(r[0]) for r in signed.get("scores", []))))
    meta = data.get("meta", {})
    rows = [(c, i, float(v)) for c, i, v in data.get("rows", [])]
    comments = [(c, i, t) for c, i, t in data.get("comments", [])]
    return (canonical_content(meta, rows, comments), str(meta.get(K_SIGNATURE, "")),
            list(dict.fromkeys(c for c, _, _ in rows)))


def same_content(stored: str | None, sf: ScoreFile) -> bool:
    if not stored:
        return False
    signed_text, signature, _ = stored_signed_text(stored)
    return signed_text == sf.canonical_json() and signature == sf.signature
