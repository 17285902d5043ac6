"""Atomic files: a kill during a write leaves the old file or the new one, never half."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evaluator.atomic import atomic_write, atomic_write_bytes
from tests.platform_marks import needs_sigkill

WRITER = """
import sys
from pathlib import Path
from evaluator.atomic import atomic_write_bytes
target = Path(sys.argv[1])
blocks = [bytes([65 + i]) * 4_000_000 for i in range(3)]
i = 0
print("ready", flush=True)
while True:
    atomic_write_bytes(target, blocks[i % 3])
    i += 1
"""


def kills() -> int:
    return int(os.environ.get("EVALUATOR_ATOMIC_KILLS", "25"))


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"old")
    def write_then_fail() -> None:
        with atomic_write(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@needs_sigkill
def test_sigkill_during_writes_never_leaves_a_half_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    rng = random.Random(7)
    for _ in range(kills()):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if target.exists():
            data = target.read_bytes()
            assert len(data) == 4_000_000
            assert data == data[:1] * len(data)
        # Leftover temporaries are allowed (the kill came between mkstemp and rename),
        # but they never replace the target.
        for leftover in tmp_path.glob(".out.bin.*"):
            leftover.unlink()


def test_temp_files_of_an_interrupted_write_are_removed_next_time(tmp_path: Path) -> None:
    target = tmp_path / "结果.xlsx"
    stale = tmp_path / ".结果.xlsx.k1ll3d.tmp"
    stale.write_bytes(b"half")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    fresh = tmp_path / ".结果.xlsx.wr1t1ng.tmp"
    fresh.write_bytes(b"another program, writing now")
    other = tmp_path / ".其他.xlsx.k1ll3d.tmp"
    other.write_bytes(b"not ours")
    os.utime(other, (hours_ago, hours_ago))
    atomic_write_bytes(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert not stale.exists()
    assert fresh.exists()
    assert other.exists()
# -- a target held open by another program (Windows: Excel, WPS, Word, antivirus) -------

def locked_replace(times: int, calls: list[tuple[Path, Path]]):  # type: ignore[no-untyped-def]
    """A stand-in for the rename that refuses like Windows does `times` times."""
    import evaluator.atomic as atomic

    real = atomic.replace_file

    def replace(source: Path, target: Path) -> None:
        calls.append((source, target))
        if len(calls) <= times:
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(target))
        real(source, target)

    return replace


def test_replace_refused_briefly_is_retried(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import evaluator.atomic as atomic

    calls: list[tuple[Path, Path]] = []
    monkeypatch.setattr(atomic, "replace_file", locked_replace(2, calls))
    monkeypatch.setattr(atomic.time, "sleep", lambda _seconds: None)
    target = tmp_path / "results.xlsx"
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(calls) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["results.xlsx"]


def test_target_open_elsewhere_is_refused_with_its_name_and_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import evaluator.atomic as atomic
    from evaluator import messages
    from evaluator.errors import EvaluatorError

    target = tmp_path / "评审结果.xlsx"
    atomic_write_bytes(target, b"old")
    calls: list[tuple[Path, Path]] = []
    slept: list[float] = []
    monkeypatch.setattr(atomic, "replace_file", locked_replace(10_000, calls))
    monkeypatch.setattr(atomic.time, "sleep", slept.append)
    with pytest.raises(EvaluatorError) as caught:
        atomic_write_bytes(target, b"new")
    assert len(calls) == len(atomic.REPLACE_RETRY_DELAYS) + 1
    assert slept == list(atomic.REPLACE_RETRY_DELAYS)
    problem = caught.value.problems[0]
    assert problem.code == "atomic.target_in_use"
    assert problem.file == str(target)
    zh = caught.value.render("zh")
    assert str(target) in zh
    assert "其他程序" in zh
    assert "open in another program" in caught.value.render("en")
    assert messages.text("atomic.target_in_use", path="x")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_export_over_a_locked_workbook_exits_2_with_the_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import evaluator.atomic as atomic
    from evaluator.cli import main

    out = tmp_path / "template.xlsx"
    monkeypatch.setattr(atomic, "replace_file", locked_replace(10_000, []))
    monkeypatch.setattr(atomic.time, "sleep", lambda _seconds: None)
    code = main(["--lang", "zh", "template", "submissions", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert str(out) in err
    assert "其他程序" in err
    assert not out.exists()
