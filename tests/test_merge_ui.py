"""The merge screen: files merged in a worker, results per file, progress and agenda."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_merge import SCORES_SHEET, export, rewrite
from test_merge import ws as ws  # the fixture

from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.screens.merge import Screen


def test_merge_in_worker_shows_every_file(ws: Workspace, tmp_path: Path, qtbot: Any,
                                          qtmodeltester: Any) -> None:
    [good] = export(ws, tmp_path, "张三")
    [other] = export(ws, tmp_path, "李四")
    bad = rewrite(other, tmp_path / "edited.xlsx",
                  lambda wb: wb[SCORES_SHEET].cell(row=2, column=3, value=5))
    screen = Screen(AppContext(ws))
    qtbot.addWidget(screen)
    progress = screen.progress_model
    assert [progress.data(progress.index(r, 2)) for r in range(progress.rowCount())] == [
        "0/2", "0/2"]
    with qtbot.waitSignal(screen.merge_finished, timeout=30000):
        screen.merge_paths([good, bad])
    model = screen.results_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 1)) == "Accepted"  # no translator loaded in tests
    assert model.data(model.index(1, 1)) == "Rejected"
    assert "签名" in model.data(model.index(1, model.REASONS))  # core messages in zh (EVALUATOR_LANG)
    assert ws.count("scores") == 40  # the UI's own connection sees the worker's writes
    qtmodeltester.check(progress)
    assert [progress.data(progress.index(r, 2)) for r in range(progress.rowCount())] == [
        "2/2", "0/2"]
    assert not screen.runner.busy


def test_files_tab_lists_the_files_already_received(demo_ws: Workspace, qtbot: Any,
                                                     qtmodeltester: Any) -> None:
    screen = Screen(AppContext(demo_ws))
    qtbot.addWidget(screen)
    model = screen.results_model
    qtmodeltester.check(model)
    stored = demo_ws.db.execute("SELECT COUNT(*) FROM score_files WHERE year = 2018").fetchone()[0]
    assert stored == 64
    assert model.rowCount() == stored
    rounds = {model.data(model.index(r, 3)) for r in range(model.rowCount())}
    # Labels in the language of the core's messages (zh in the tests), never 'initial'.
    assert rounds == {"分组初评", "交叉复评"}
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} <= {
        "Accepted", "Superseded"}
    assert all(model.data(model.index(r, 0)).endswith(".xlsx") for r in range(model.rowCount()))
    assert "64" in screen.summary.text()


def test_reasons_leave_out_the_file_the_row_names() -> None:
    from evaluator.errors import Problem
    from evaluator.merge_checks import FileResult
    from ui.models.file_result_model import FileResultModel

    model = FileResultModel()
    rejected = FileResult(path=Path("/x/2018_review_王荣_评分_001.xlsx"), status="rejected",
                          problems=[Problem("backups.not_a_backup", {"path": "p"},
                                            file="2018_review_王荣_评分_001.xlsx")])
    unchanged = FileResult(path=Path("/x/again.xlsx"), status="unchanged")
    model.set_results([rejected, unchanged])
    reasons = model.data(model.index(0, FileResultModel.REASONS))
    assert reasons
    assert "王荣" not in reasons
    assert model.data(model.index(1, 5)) == "—"  # signed or not is not known for a re-sent file
