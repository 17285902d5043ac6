"""Score files read by worker processes: the same as read here, in order; a dead worker
costs nothing but time; a merge through the pool writes what a merge without it writes;
the workspace keeps each file's signed text, so a stored file can be verified again."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from evaluator import parallel_reading, signing
from evaluator.bench import run_stage
from evaluator.merge import merge_score_files
from evaluator.merge_checks import same_content, stored_signed_text
from evaluator.parallel_reading import read_score_files, start_method
from evaluator.scorefile import ScoreFile, read_score_file
from evaluator.synthetic import SCORE_FILES_DIR, WORKSPACE_FILE
from evaluator.workspace import Workspace

LINUX = sys.platform.startswith("linux")


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's small panel (88 alliances, 32 experts), scored and exported, with
    a copy of its workspace from before any merge."""
    workdir = tmp_path_factory.mktemp("panel")
    for stage in ("synthesise", "import", "assign", "packages", "scoring", "scorefiles"):
        outcome = run_stage(stage, str(workdir), "S")
        assert outcome["status"] == "ok", outcome
    copy_database(workdir / WORKSPACE_FILE, workdir / "before-merge.evdb")
    return workdir


def copy_database(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(str(source)), sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def score_files(panel: Path) -> list[Path]:
    return sorted((panel / SCORE_FILES_DIR).glob("*.xlsx"))


def with_bad_files(panel: Path, tmp_path: Path) -> list[Path]:
    """The panel's files with a truncated one and a text file among them."""
    files = score_files(panel)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(files[0].read_bytes()[:2000])
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    return [*files[:5], truncated, *files[5:20], text, *files[20:]]


def summary(sf: ScoreFile) -> tuple[Any, ...]:
    return (sf.path, sf.sha256, sf.meta, sf.rows, sf.comments, sf.names,
            [(p.code, p.params, p.sheet, p.row, p.column) for p in sf.problems],
            sf.canonical_json() if sf.meta else "", sf.set_texts)


def test_the_pool_reads_what_one_process_reads(panel: Path, tmp_path: Path) -> None:
    files = with_bad_files(panel, tmp_path)
    assert len(files) > parallel_reading.MIN_FILES_FORK
    alone = [summary(sf) for sf in read_score_files(files, workers=0)]
    pooled = [summary(sf) for sf in read_score_files(files, workers=2)]
    assert pooled == alone
    assert [s[0] for s in pooled] == files
    assert alone[5][6]  # the bad files were read, with their problems
    assert alone[21][6]
    assert not alone[0][6]


def test_a_spawned_pool_reads_the_same(panel: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    """The app's way (and Windows' and macOS's): fresh interpreters, not forks."""
    monkeypatch.setattr(parallel_reading, "start_method", lambda: "spawn")
    files = score_files(panel)[:6]
    pooled = [summary(sf) for sf in read_score_files(files, workers=2)]
    assert pooled == [summary(sf) for sf in read_score_files(files, workers=0)]


VICTIM: dict[str, Any] = {}


def dying_reader(paths: list[Path]) -> list[ScoreFile]:
    """`_read_chunk`, but a worker reading the victim dies (as one killed by the system
    would). Module level: the pool sends it by name."""
    if VICTIM["path"] in paths and os.getpid() != VICTIM["parent"]:
        os._exit(70)
    return [read_score_file_for(p) for p in paths]


@pytest.mark.skipif(not LINUX, reason="forks its workers, as the command line on Linux")
def test_a_dead_worker_costs_only_time(panel: Path, monkeypatch: pytest.MonkeyPatch,
                                       caplog: pytest.LogCaptureFixture) -> None:
    files = score_files(panel)
    monkeypatch.setitem(VICTIM, "path", files[len(files) // 2])
    monkeypatch.setitem(VICTIM, "parent", os.getpid())
    monkeypatch.setattr(parallel_reading, "_read_chunk", dying_reader)
    monkeypatch.setattr(parallel_reading, "start_method", lambda: "fork")
    pooled = [summary(sf) for sf in read_score_files(files, workers=2)]
    assert pooled == [summary(read_score_file_for(p)) for p in files]
    assert not multiprocessing.active_children()
    assert "read in this process" in caplog.text


def read_score_file_for(path: Path) -> ScoreFile:
    return parallel_reading.read_score_file_for_merge(path)


def test_closing_early_stops_the_workers(panel: Path) -> None:
    reading = read_score_files(score_files(panel), workers=2)
    first = next(reading)
    assert first.meta
    reading.close()
    assert not multiprocessing.active_children()


def test_forks_only_from_the_main_thread_of_a_lone_thread() -> None:
    seen: list[str] = []
    worker = threading.Thread(target=lambda: seen.append(start_method()))
    worker.start()
    worker.join()
    assert seen == ["spawn"]
    if threading.active_count() == 1:
        assert start_method() == ("fork" if LINUX else "spawn")


def test_small_batches_are_read_here() -> None:
    assert parallel_reading.worker_count(3, "fork") == 0
    assert parallel_reading.worker_count(parallel_reading.MIN_FILES_SPAWN - 1, "spawn") == 0
    if (os.cpu_count() or 1) > 1:
        assert parallel_reading.worker_count(200, "fork") >= 2


def merged_state(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Workspace.open(path) as ws:
        return {
            "score_sets": ws.db.execute(
                "SELECT year, round, expert_id, alliance_id, scores_json, comments_json"
                " FROM score_sets ORDER BY year, round, expert_id, alliance_id").fetchall(),
            "score_files": ws.db.execute(
                "SELECT round, expert_id, sequence, sha256, file_name, status, signed,"
                " content_json FROM score_files ORDER BY round, expert_id, sequence"
            ).fetchall(),
            "audit": ws.db.execute(
                "SELECT action, entity, entity_key, old_json, new_json FROM audit_log"
                " WHERE action LIKE 'merge%' ORDER BY entity_key").fetchall(),
        }


def test_a_merge_through_the_pool_writes_what_a_merge_without_it_writes(
        panel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = with_bad_files(panel, tmp_path)
    states = []
    for workers in (0, 2):
        folder = tmp_path / f"workers-{workers}"
        folder.mkdir()
        copy_database(panel / "before-merge.evdb", folder / WORKSPACE_FILE)
        monkeypatch.setattr(parallel_reading, "worker_count",
                            lambda files, method=None, n=workers: n)
        with Workspace.open(folder / WORKSPACE_FILE, actor="test") as ws:
            report = merge_score_files(ws, files)
        assert {r.status for r in report.results} == {"accepted", "rejected"}
        assert [r.path.name for r in report.results if r.status == "rejected"] == \
            ["truncated.xlsx", "notes.xlsx"]
        states.append(merged_state(folder / WORKSPACE_FILE))
    assert states[0] == states[1]
    assert len(states[0]["score_sets"]) == 88 * 3 * 2


def test_the_workspace_keeps_what_the_expert_signed(panel: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    folder.mkdir()
    copy_database(panel / "before-merge.evdb", folder / WORKSPACE_FILE)
    files = score_files(panel)[:3]
    with Workspace.open(folder / WORKSPACE_FILE, actor="test") as ws:
        merge_score_files(ws, files)
        rows = ws.db.execute(
            "SELECT f.file_name, f.content_json, k.public_key FROM score_files f"
            " JOIN expert_keys k ON k.expert_id = f.expert_id AND k.round = f.round"
            " ORDER BY f.file_name").fetchall()
    assert [r[0] for r in rows] == [p.name for p in files]
    for (_, stored, public_key), path in zip(rows, files, strict=True):
        text, signature, codes = stored_signed_text(stored)
        assert signing.verify(public_key, text, signature)  # from the workspace alone
        forged = text.replace('"scores":[[', '"scores":[["x"],[', 1)
        assert not signing.verify(public_key, forged, signature)
        sf = read_score_file(path)
        assert text == sf.canonical_json()
        assert codes == list(dict.fromkeys(c for c, _, _ in sf.rows))


def test_files_kept_the_first_way_still_compare(panel: Path) -> None:
    """Files merged before the workspace kept the signed text were kept as their
    metadata, rows and comments; a second copy of such a file is still 'the same'."""
    sf = read_score_file(score_files(panel)[0])
    old_form = json.dumps({"meta": sf.meta, "rows": sf.rows, "comments": sf.comments},
                          ensure_ascii=False)
    assert same_content(old_form, sf)
    assert same_content(sf.record_json(), sf)
    text, signature, codes = stored_signed_text(old_form)
    assert (text, signature) == (sf.canonical_json(), sf.signature)
    assert codes == list(dict.fromkeys(c for c, _, _ in sf.rows))
    changed = json.loads(old_form)
    changed["rows"][0][2] = changed["rows"][0][2] + 0.5
    assert not same_content(json.dumps(changed, ensure_ascii=False), sf)


def test_copy_of_a_file_is_unchanged_through_the_pool(panel: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The same files again, and a copy of one under another name: nothing changes."""
    folder = tmp_path / "again"
    folder.mkdir()
    copy_database(panel / "before-merge.evdb", folder / WORKSPACE_FILE)
    files = score_files(panel)
    copy = tmp_path / "copy.xlsx"
    shutil.copyfile(files[3], copy)
    monkeypatch.setattr(parallel_reading, "worker_count", lambda files, method=None: 2)
    with Workspace.open(folder / WORKSPACE_FILE, actor="test") as ws:
        merge_score_files(ws, files)
        before = merged_state(folder / WORKSPACE_FILE)["score_sets"]
        again = merge_score_files(ws, [*files, copy])
    assert {r.status for r in again.results} == {"unchanged"}
    assert merged_state(folder / WORKSPACE_FILE)["score_sets"] == before


@pytest.mark.skipif(not LINUX, reason="forks its workers, as the command line on Linux")
def test_forked_workers_leave_the_workspace_locks_alone(
        panel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers end by closing the workspace descriptor they inherited; the merging
    process keeps its locks: another program opening and closing the workspace after the
    merge does not delete the WAL under it, and nothing written is lost."""
    import subprocess

    folder = tmp_path / "locks"
    folder.mkdir()
    path = folder / WORKSPACE_FILE
    copy_database(panel / "before-merge.evdb", path)
    monkeypatch.setattr(parallel_reading, "start_method", lambda: "fork")
    monkeypatch.setattr(parallel_reading, "worker_count", lambda files, method=None: 2)
    app = Workspace.open(path, actor="test")
    try:
        report = merge_score_files(app, score_files(panel))
        assert len(report.accepted) == len(score_files(panel))
        done = subprocess.run([sys.executable, "-m", "evaluator", "--lang", "en", "info",
                               str(path)], cwd=Path(__file__).resolve().parent.parent,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert Path(str(path) + "-wal").exists(), "another process deleted the WAL"
        for i in range(10):
            with app.transaction():
                app.audit("test", "write", str(i))
    finally:
        app.close()
    with Workspace.open(path) as again:
        assert again.count("audit_log", "action = 'test'") == 10
        assert again.count("score_sets") == 88 * 3 * 2
        assert again.integrity_ok()


def test_a_merge_leaves_the_collector_as_it_found_it(panel: Path, tmp_path: Path) -> None:
    import gc

    folder = tmp_path / "gc"
    folder.mkdir()
    copy_database(panel / "before-merge.evdb", folder / WORKSPACE_FILE)
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    with Workspace.open(folder / WORKSPACE_FILE, actor="test") as ws:
        merge_score_files(ws, score_files(panel))
        assert gc.get_threshold() == thresholds
        assert gc.get_freeze_count() == frozen
    with parallel_reading.fewer_collections():
        assert gc.get_threshold()[0] == parallel_reading.WORKER_GC_THRESHOLD
    assert gc.get_threshold() == thresholds
