"""Merge experts' score files into the workspace.

Each file is judged as a whole: accepted whole, or rejected whole with every reason.
Valid files are merged even when others in the same batch are rejected. A higher export
sequence of the same expert and round supersedes the older file (kept as 'superseded');
an older file arriving later is refused; the same file twice changes nothing. The
workspace is backed up before anything is written, and every file gets an audit entry.

A signature is verified before the sequence is looked at: only a file the expert's own
package signed can supersede his earlier file (docs/formats.md, "Signatures and keys").

The files are read by worker processes (evaluator/parallel_reading.py) while the ones
already read are judged here (evaluator/merge_checks.py); the accepted ones are then
written in one transaction that checks again, under the write lock, what another program
may have changed meanwhile.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.backups import backup_workspace
from evaluator.errors import EvaluatorError, Problem
from evaluator.group_file import GROUP_FILE_SUFFIX, is_group_file, unpack_group_file
from evaluator.merge_checks import (
    FileResult,
    MergeContext,
    MergedFiles,
    same_content,
    sequence_problems,
    validate_score_file,
)
from evaluator.parallel_reading import ScoreFileReader, fewer_collections
from evaluator.progress import NullProgress, Progress, check
from evaluator.rounds import round_label, round_text
from evaluator.score_sets import write_score_sets
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace

SCORE_FILE_SUFFIXES = (".xlsx", GROUP_FILE_SUFFIX)
MERGE_CACHE_KIB = -65536  # negative: KiB, as PRAGMA cache_size takes it (64 MB)


@dataclass
class MergeReport:
    results: list[FileResult]
    backup: Path | None = None

    @property
    def accepted(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "accepted"]

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "rejected"]

    @property
    def unchanged(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "unchanged"]

    def as_dict(self) -> dict[str, Any]:
        return {"accepted": len(self.accepted), "rejected": len(self.rejected),
                "unchanged": len(self.unchanged),
                "backup": str(self.backup) if self.backup else None,
                "files": [r.as_dict() for r in self.results]}

    def lines(self) -> list[str]:
        out: list[str] = []
        for r in self.results:
            name = r.path.name
            if r.status == "accepted":
                extra = ""
                if r.superseded_sequence is not None:
                    extra += messages.text("merge.superseded_note", old=r.superseded_sequence)
                if not r.signed:
                    extra += messages.text("merge.unsigned_note")
                if r.legacy_signature:
                    extra += messages.text("merge.legacy_note")
                if r.revoked_key:
                    extra += messages.text("merge.revoked_note")
                out.append(messages.text("merge.accepted", file=name, expert=r.expert,
                                         round=round_label(r.round), sequence=r.sequence,
                                         alliances=r.alliances, extra=extra))
            elif r.status == "unchanged":
                out.append(messages.text("merge.unchanged", file=name))
            else:
                out.append(messages.text("merge.rejected", file=name))
                out.extend("  - " + messages.render_problem(p) for p in r.problems)
            out.extend("  ! " + messages.render_problem(p) for p in r.warnings)
        return out


def expand_paths(paths: list[Path] | list[str] | tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for the score files directly inside it."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(c for c in p.iterdir()
                              if c.suffix.lower() in SCORE_FILE_SUFFIXES
                              and not c.name.startswith(("~$", "."))))
        else:
            out.append(p)
    return out


def _apply(ws: Workspace, year: int, r: FileResult) -> int:
    """Write one validated file (inside the caller's transaction); returns its row id."""
    sf = r.score_file
    assert sf is not None
    assert r.expert_id is not None
    assert r.sequence is not None
    previous = ws.db.execute(
        "SELECT id, sequence FROM score_files WHERE year = ? AND round = ? AND expert_id = ?"
        " AND status = 'accepted'", (year, r.round, r.expert_id)).fetchall()
    for _pid, pseq in previous:
        r.superseded_sequence = pseq
    ws.db.execute("UPDATE score_files SET status = 'superseded' WHERE year = ? AND round = ?"
                  " AND expert_id = ? AND status = 'accepted'", (year, r.round, r.expert_id))
    ws.db.execute("DELETE FROM score_sets WHERE year = ? AND round = ? AND expert_id = ?",
                  (year, r.round, r.expert_id))
    file_id = ws.db.execute(
        "INSERT INTO score_files (year, round, expert_id, sequence, sha256, file_name, signed,"
        " status, exported_at, received_at, content_json, via_group_file)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?)",
        (year, r.round, r.expert_id, r.sequence, r.sha256, r.path.name, int(r.signed),
         sf.exported_at or None, now_iso(), sf.record_json(),
         r.via_group_file or None)).lastrowid
    write_score_sets(ws, year, r.round, r.expert_id, r.alliance_ids, sf.rows, sf.comments,
                     now_iso(), file_id, sf.set_texts)
    ws.audit("merge", "score_file", r.path.name,
             {"superseded_sequence": r.superseded_sequence} if previous else None,
             {"expert": r.expert, "round": r.round, "sequence": r.sequence,
              "sha256": r.sha256, "signed": r.signed, "unsigned": not r.signed,
              "legacy_signature": r.legacy_signature, "revoked_key": r.revoked_key,
              "key_fingerprint": sf.key_fingerprint or None,
              "scores": len(sf.rows), "alliances": r.alliances,
              "via_group_file": r.via_group_file or None})
    return int(file_id or 0)


def merge_score_files(ws: Workspace, paths: list[Path] | list[str] | tuple[Path, ...],
                      accept_unsigned: bool = False, progress: Progress | None = None,
                      year: int | None = None, round: str | None = None,
                      accept_revoked_keys: bool = False) -> MergeReport:
    """Validate every file, then merge the valid ones in one transaction.

    `accept_revoked_keys`: the secretariat accepts, explicitly and audited, files signed
    with the key of a package declared lost (or an old-style signature replaced by a
    newer package)."""
    progress = progress or NullProgress()
    year = ws.require_year(year)
    with tempfile.TemporaryDirectory(prefix="evaluator-group-") as unpacked:
        files, refused, via = _unpack_group_files(expand_paths(paths), Path(unpacked))
        return _merge_files(ws, year, files, refused, via, accept_unsigned, progress, round,
                            accept_revoked_keys)


def _unpack_group_files(files: list[Path], into: Path
                        ) -> tuple[list[Path], list[FileResult], dict[Path, str]]:
    """A group leader's `.evgroup` file stands for the members' original score files; a
    damaged group file is refused whole, like any other file. Also returns, for each
    member file, the name of the group file it came in. Each group file unpacks into a
    folder of its own, so two group files' members never share a name."""
    out: list[Path] = []
    refused: list[FileResult] = []
    via: dict[Path, str] = {}
    for index, path in enumerate(files, start=1):
        if not is_group_file(path):
            out.append(path)
            continue
        folder = into / f"{index:04d}"
        try:
            folder.mkdir()
            members = unpack_group_file(path, folder)
        except EvaluatorError as error:
            refused.append(FileResult(path=path, status="rejected", problems=error.problems))
            continue
        out.extend(members)
        via.update((member, path.name) for member in members)
    return out, refused, via


def _merge_files(ws: Workspace, year: int, files: list[Path], refused: list[FileResult],
                 via: dict[Path, str], accept_unsigned: bool, progress: Progress,
                 round: str | None, accept_revoked_keys: bool = False) -> MergeReport:
    total = len(files) * 2
    results: list[FileResult] = list(refused)
    batch_shas: set[str] = set()
    # Files are read by worker processes (started first) while the workspace is read and
    # the files already read are checked here.
    with fewer_collections(), ScoreFileReader(files) as reading:
        context = MergeContext.load(ws, year) if files else None
        known = set(context.merged.shas) if context else set()
        for i, (path, sf) in enumerate(zip(files, reading, strict=True)):
            check(progress)
            progress.report(i, total, path.name)
            if sf.sha256 and (sf.sha256 in known or sf.sha256 in batch_shas):
                results.append(FileResult(path=path, status="unchanged", sha256=sf.sha256,
                                          expert=sf.expert, round=sf.round,
                                          sequence=sf.sequence))
                continue
            result = validate_score_file(ws, year, sf, accept_unsigned, round, context,
                                         accept_revoked_keys)
            result.via_group_file = via.get(path, "")
            if result.status == "accepted":
                batch_shas.add(sf.sha256)
            results.append(result)
    # Two files in one batch for the same expert, round and sequence: refuse both.
    keyed: dict[tuple[int | None, str, int | None], list[FileResult]] = {}
    for r in results:
        if r.status == "accepted":
            keyed.setdefault((r.expert_id, r.round, r.sequence), []).append(r)
    for group in keyed.values():
        if len(group) > 1:
            for r in group:
                r.status = "rejected"
                r.problems.append(Problem("merge.sequence_reused", {"found": r.sequence},
                                          file=r.path.name))
    to_merge = sorted((r for r in results if r.status == "accepted"),
                      key=lambda r: (r.expert_id or 0, r.round, r.sequence or 0))
    check(progress)
    backup = None
    if to_merge:
        backup = backup_workspace(ws, "merge")
    # A larger page cache than SQLite's default 2 MB for the merge's writes (score sets,
    # score files with their signed content, the audit) and the checks' reads.
    cache_size = ws.db.execute("PRAGMA cache_size").fetchone()[0]
    ws.db.execute(f"PRAGMA cache_size={MERGE_CACHE_KIB}")
    try:
        _write(ws, year, results, to_merge, len(files), total, progress, context)
    finally:
        ws.db.execute(f"PRAGMA cache_size={int(cache_size)}")
    progress.report(total, total, "")
    return MergeReport(results=results, backup=backup)


def _recheck(ws: Workspace, year: int, r: FileResult,
             assignments: dict[tuple[int, str], set[int]] | None = None,
             merged: MergedFiles | None = None) -> None:
    """Judge `r` again against what the workspace holds now, inside the write
    transaction: another program may have merged a newer export of the same expert, or
    changed the assignments, since the file was validated. Sets r.status.
    `assignments` (`_assignments`) and `merged` (`MergedFiles.load`, kept up to date with
    each file written): read inside the same transaction, when the caller rechecks many
    files."""
    assert r.expert_id is not None
    assert r.sequence is not None
    file = r.path.name
    merged = merged or MergedFiles.load(ws, year)
    if r.sha256 in merged.shas:
        r.status = "unchanged"
        return
    assert r.score_file is not None
    kept = merged.content(ws, r.round, r.expert_id, r.sequence)
    verdict = sequence_problems(file, r.sequence, merged.latest(r.round, r.expert_id),
                                None if kept is None else same_content(kept[0], r.score_file))
    if verdict is None:
        r.status = "unchanged"  # the same export, merged meanwhile by another program
        return
    r.problems.extend(verdict)
    if assignments is None:
        assignments = _assignments(ws, year, r.expert_id)
    assigned = assignments.get((r.expert_id, r.round), set())
    for code, alliance_id in r.alliance_ids.items():
        if alliance_id not in assigned:
            r.problems.append(Problem("merge.not_assigned", {
                "code": code, "expert": r.expert, "round": round_text(r.round)}, file=file))
    if r.problems:
        r.status = "rejected"


def _assignments(ws: Workspace, year: int, expert_id: int | None = None
                 ) -> dict[tuple[int, str], set[int]]:
    """{(expert id, round): alliance ids} of the year (of one expert, if given)."""
    out: dict[tuple[int, str], set[int]] = {}
    sql = "SELECT expert_id, round, alliance_id FROM assignments WHERE year = ?"
    params: tuple[int, ...] = (year,)
    if expert_id is not None:
        sql, params = sql + " AND expert_id = ?", (year, expert_id)
    for expert, rnd, alliance_id in ws.db.execute(sql, params):
        out.setdefault((expert, rnd), set()).add(alliance_id)
    return out


def _write(ws: Workspace, year: int, results: list[FileResult], to_merge: list[FileResult],
           done: int, total: int, progress: Progress, context: MergeContext | None) -> None:
    # Every check that depends on the workspace is repeated here, under the write lock
    # (BEGIN IMMEDIATE): two merges at once run one after the other, and an older
    # export validated before another program merged a newer one is refused.
    with ws.transaction():
        if context is not None and context.unchanged_since_loaded(ws):
            # Nothing committed since the files were checked: what was read then holds.
            assignments, merged = context.assigned, context.merged
        else:
            # Read under the lock, once: 1,000 files at XL, one query instead of one each.
            assignments = _assignments(ws, year) if to_merge else {}
            merged = MergedFiles.load(ws, year) if to_merge else MergedFiles({}, set())
        for j, r in enumerate(to_merge):
            check(progress)
            progress.report(done + j, total, r.path.name)
            _recheck(ws, year, r, assignments, merged)
            if r.status == "accepted":
                assert r.expert_id is not None
                assert r.sequence is not None
                merged.add(r.round, r.expert_id, r.sequence, _apply(ws, year, r), r.sha256)
        for r in results:
            if r.status == "rejected":
                ws.audit("merge_rejected", "score_file", r.path.name, None, {
                    "sha256": r.sha256, "expert": r.expert, "round": r.round,
                    "sequence": r.sequence, "problems": [p.code for p in r.problems]})
            elif r.status == "unchanged":
                ws.audit("merge_unchanged", "score_file", r.path.name, None,
                         {"sha256": r.sha256})
