"""Durability under SIGKILL: nothing acknowledged is lost, nothing is left half done.

Scoring: a child process scores a real package in a loop with `Package.set_score` and
prints an acknowledgement after each commit returns; the parent kills it at a random
moment (while it starts, opens, writes or commits). After each kill the package passes
`PRAGMA integrity_check` and holds every acknowledged score with its value and comment.

Merge: a child process runs `merge_score_files` (what `evaluator merge` runs) over eight
signed score files and is killed at moments spread over its whole run (reading, backing
up, writing, committing). After each kill the workspace opens, passes
the integrity check, and holds either all of the batch or none of it; every backup left
in the folder is a whole workspace.

CI runs `EVALUATOR_DURABILITY_KILLS` kills of the scorer (default 40) and a quarter as
many of the merge; the full run is `EVALUATOR_DURABILITY_KILLS=250 pytest
tests/test_durability.py` (docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from evaluator.backups import list_backups
from evaluator.packages import Package, build_expert_package
from evaluator.scorefile import export_score_file
from evaluator.workspace import Workspace
from tests.platform_marks import needs_sigkill

REPO = Path(__file__).resolve().parent.parent
KILLS = int(os.environ.get("EVALUATOR_DURABILITY_KILLS", "40"))
MERGE_KILLS = max(8, KILLS // 4)
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

SCORER = textwrap.dedent("""
    import json, sys
    from evaluator.packages import Package
    ops = json.load(open(sys.argv[2]))
    start = int(sys.argv[3])
    pkg = Package.open(sys.argv[1])
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    for i in range(start, len(ops)):
        code, indicator, value = ops[i]
        pkg.set_score(code, indicator, value, "op %d" % i)
        sys.stdout.write("%d\\n" % i)  # only after set_score returned: committed
        sys.stdout.flush()
""")


def _kill(proc: subprocess.Popen[bytes]) -> list[bytes]:
    """SIGKILL now (if still running); every complete line it printed before dying."""
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    lines = out.split(b"\n")
    return lines[:-1]  # the last piece is '' or a line cut short, never acknowledged


def _package_state(path: Path) -> dict[tuple[int, str], tuple[float, str]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {(a, i): (v, c) for a, i, v, c in conn.execute(
            "SELECT alliance_id, indicator_code, value, comment FROM scores")}
    finally:
        conn.close()


@pytest.fixture
def package(workspace: Workspace, tmp_path: Path) -> Path:
    from test_packages import build_panel

    build_panel(workspace)
    path = tmp_path / "expert.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", path)
    return path


@needs_sigkill
def test_sigkill_at_random_moments_loses_no_acknowledged_score(package: Path,
                                                               tmp_path: Path) -> None:
    rng = random.Random(7)
    with Package.open(package) as pkg:
        ids = {a.code: a.id for a in pkg.alliances()}
        codes = pkg.rubric.codes
        step = pkg.rubric.step
        top = {c: pkg.rubric.indicator(c).max_points for c in codes}
    ops = []
    for _ in range(200_000):
        indicator = rng.choice(codes)
        value = rng.randrange(int(top[indicator] / step) + 1) * step
        ops.append([rng.choice(list(ids)), indicator, value])
    ops_file = tmp_path / "ops.json"
    ops_file.write_text(json.dumps(ops), encoding="utf-8")
    driver = tmp_path / "scorer.py"
    driver.write_text(SCORER, encoding="utf-8")

    expected = _package_state(package)
    position = acknowledged = in_flight_landed = 0
    for cycle in range(KILLS):
        proc = subprocess.Popen([sys.executable, str(driver), str(package), str(ops_file),
                                 str(position)], stdout=subprocess.PIPE, env=ENV)
        assert proc.stdout is not None
        if cycle % 10 == 0:
            time.sleep(rng.uniform(0.0, 0.3))  # a kill while it starts and opens
        else:
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.15))  # a kill while it scores
        lines = _kill(proc)
        assert proc.returncode == -signal.SIGKILL, "the scorer must die mid-run"
        acked = [int(x) for x in lines if x and x != b"ready"]
        assert acked == list(range(position, position + len(acked)))
        for i in acked:
            code, indicator, value = ops[i]
            expected[(ids[code], indicator)] = (float(value), f"op {i}")
        position += len(acked)
        acknowledged += len(acked)
        found = _package_state(package)  # the integrity check is inside
        if found != expected:
            # The one write in flight may have committed before its acknowledgement was
            # printed; nothing else may differ.
            code, indicator, value = ops[position]
            expected[(ids[code], indicator)] = (float(value), f"op {position}")
            assert found == expected, f"cycle {cycle}: an acknowledged score is lost"
            position += 1
            in_flight_landed += 1
    assert acknowledged > KILLS, "the scorer did real work between the kills"
    with Package.open(package) as pkg:
        assert pkg.integrity_ok()
        history = pkg.conn.execute("SELECT count(*) FROM score_history").fetchone()[0]
    assert history >= position  # one history row per committed score, none half written


# -- the workspace during a merge ------------------------------------------------------------
def _merge_state(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        files = conn.execute(
            "SELECT year, round, expert_id, sequence, sha256, status FROM score_files"
            " ORDER BY id").fetchall()
        scores = conn.execute(
            "SELECT year, round, expert_id, alliance_id, indicator_code, value, comment"
            " FROM scores ORDER BY year, round, expert_id, alliance_id, indicator_code"
        ).fetchall()
        return files, scores
    finally:
        conn.close()


MERGER = textwrap.dedent("""
    import sys
    from evaluator.merge import merge_score_files
    from evaluator.workspace import Workspace

    class Say:
        def report(self, done, total, message=""):
            sys.stdout.write("%d\\n" % done)
            sys.stdout.flush()

        def cancelled(self):
            return False

    ws = Workspace.open(sys.argv[1])
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    report = merge_score_files(ws, sys.argv[2:], progress=Say())
    ws.close()
    sys.stdout.write("merged %d\\n" % len(report.accepted))  # after the commit
    sys.stdout.flush()
""")
BATCH = 8


@pytest.fixture(scope="module")
def merge_batch(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path,
                                                                                     list[Path]]:
    """(the demo workspace, signed score files from BATCH experts)."""
    folder = tmp_path_factory.mktemp("merge-batch")
    base = folder / "base.evdb"
    shutil.copy(demo_path, base)
    files = []
    with Workspace.open(base) as ws:
        names = [r[0] for r in ws.db.execute(
            "SELECT e.name FROM experts e WHERE EXISTS (SELECT 1 FROM assignments s"
            " WHERE s.expert_id = e.id AND s.round = 'initial') ORDER BY e.sort, e.id"
            " LIMIT ?", (BATCH,))]
        for i, name in enumerate(names):
            pkg_path = folder / f"{i}.evpkg"
            build_expert_package(ws, 2018, "initial", name, pkg_path)
            with Package.open(pkg_path) as pkg:
                for a in pkg.alliances():
                    pkg.set_score(a.code, "1.1", 1.0, "durability")
                files.append(export_score_file(pkg, folder / f"{i}.xlsx").path)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    (folder / "merger.py").write_text(MERGER, encoding="utf-8")
    return base, files


def _start_merge(ws: Path, files: list[Path]) -> subprocess.Popen[bytes]:
    driver = files[0].parent / "merger.py"
    return subprocess.Popen([sys.executable, str(driver), str(ws), *map(str, files)],
                            stdout=subprocess.PIPE, env=ENV)


def _wait_for(proc: subprocess.Popen[bytes], line: bytes) -> float:
    assert proc.stdout is not None
    while (got := proc.stdout.readline()) != line:
        assert got, f"the merge ended before printing {line!r}"
    return time.monotonic()


@needs_sigkill
def test_sigkill_during_merge_leaves_all_or_nothing(merge_batch: tuple[Path, list[Path]],
                                                    tmp_path: Path) -> None:
    base, files = merge_batch
    before = _merge_state(base)
    last_read = str(len(files) - 1).encode() + b"\n"
    # One uncut run: the state after, and how long each phase takes here.
    whole = tmp_path / "whole" / "w.evdb"
    whole.parent.mkdir()
    shutil.copy(base, whole)
    proc = _start_merge(whole, files)
    t_ready = _wait_for(proc, b"ready\n")
    t_last = _wait_for(proc, last_read)
    t_done = _wait_for(proc, f"merged {len(files)}\n".encode())
    proc.communicate()
    assert proc.returncode == 0
    after = _merge_state(whole)
    assert after != before

    rng = random.Random(11)
    outcomes = {"none": 0, "all": 0}
    kills = 0
    for cycle in range(MERGE_KILLS):
        ws = tmp_path / f"c{cycle}" / "w.evdb"
        ws.parent.mkdir()
        shutil.copy(base, ws)
        proc = _start_merge(ws, files)
        # Kill moments spread evenly: half over the whole merge, half over its last read,
        # the backup, the writes and the commit.
        half = cycle // 2
        spread = (half + rng.random()) / ((MERGE_KILLS + 1) // 2)
        if cycle % 2 == 0:
            _wait_for(proc, b"ready\n")
            time.sleep(spread * (t_done - t_ready) * 1.1)
        else:
            _wait_for(proc, last_read)
            time.sleep(spread * (t_done - t_last) * 1.2)
        finished = proc.poll() is not None
        lines = _kill(proc)
        kills += not finished and proc.returncode == -signal.SIGKILL
        with Workspace.open(ws) as opened:  # opens (recovering its WAL) after the kill
            assert opened.integrity_ok()
        state = _merge_state(ws)
        assert state in (before, after), f"cycle {cycle}: a half merge after a kill"
        if f"merged {len(files)}".encode() in lines:
            assert state == after, "a merge that reported success must have landed"
        outcomes["all" if state == after else "none"] += 1
        for backup in list_backups(ws):
            assert _merge_state(backup) == before  # a whole copy of the state before
        shutil.rmtree(ws.parent)
    # Not vacuous: runs really were killed mid-way, some before anything was written.
    assert kills >= MERGE_KILLS // 4, outcomes
    assert outcomes["none"] >= 1, outcomes
