"""The first read of an untrusted file runs in a child process: a reader that aborts or
hangs on a file costs that file (refused with a message), never the app."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from test_merge import export
from test_merge import ws as ws  # the fixture

from evaluator.isolation import first_read
from evaluator.workspace import Workspace


def abort_on_poison(path: str) -> None:
    """A reader that dies natively (SIGABRT, as calamine did on a 17-billion-cell sheet)."""
    if "poison" in Path(path).name:
        os.abort()


def hang_on_poison(path: str) -> None:
    if "poison" in Path(path).name:
        time.sleep(600)


def _files(folder: Path) -> list[Path]:
    out = []
    for name in ("a.xlsx", "poison.xlsx", "b.xlsx", "poison2.xlsx", "c.xlsx"):
        (folder / name).write_bytes(b"x")
        out.append(folder / name)
    return out


def test_a_file_that_kills_the_reader_is_refused_alone(tmp_path: Path) -> None:
    files = _files(tmp_path)
    crashed = first_read(files, abort_on_poison)
    assert sorted(p.name for p in crashed) == ["poison.xlsx", "poison2.xlsx"]
    problem = crashed[tmp_path / "poison.xlsx"]
    assert (problem.code, problem.file) == ("reading.reader_crashed", "poison.xlsx")


def test_a_file_the_reader_hangs_on_is_refused(tmp_path: Path) -> None:
    files = _files(tmp_path)[:3]
    crashed = first_read(files, hang_on_poison, timeout=10)
    assert list(crashed) == [tmp_path / "poison.xlsx"]


def test_merge_screen_stays_up_when_the_reader_aborts(ws: Workspace, tmp_path: Path,
                                                     qtbot: Any, monkeypatch: Any) -> None:
    from ui.context import AppContext
    from ui.screens.merge import Screen

    [good] = export(ws, tmp_path, "张三")
    poison = tmp_path / "poison.xlsx"
    poison.write_bytes(good.read_bytes())
    monkeypatch.setattr("evaluator.isolation.probe_score_file", abort_on_poison)
    screen = Screen(AppContext(ws))
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.merge_finished, timeout=120000):
        screen.merge_paths([poison, good])
    model = screen.results_model
    assert model.rowCount() == 2
    statuses = {model.data(model.index(r, 0)): model.data(model.index(r, 1))
                for r in range(2)}
    assert statuses == {"poison.xlsx": "Rejected", good.name: "Accepted"}
    assert screen.isVisible() or not screen.runner.busy
    assert ws.count("scores") == 40  # the good file merged
    reasons = model.data(model.index(0, model.REASONS))
    assert "异常终止" in reasons, reasons


def test_merge_screen_refuses_the_hostile_corpus_and_stays_up(ws: Workspace, qtbot: Any
                                                              ) -> None:
    from ui.context import AppContext
    from ui.screens.merge import Screen

    hostile = Path(__file__).resolve().parent / "data" / "hostile"
    files = sorted(p for p in hostile.iterdir() if p.suffix in (".xlsx", ".evgroup"))
    screen = Screen(AppContext(ws))
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.merge_finished, timeout=120000):
        screen.merge_paths(files)
    model = screen.results_model
    assert model.rowCount() >= len(files)
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} == {"Rejected"}
    assert ws.count("scores") == 0
