"""The submissions screen, the records view and the import dialog (pytest-qt)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from evaluator.registry import find_by_code
from evaluator.registry_import import import_registry
from evaluator.submissions import BASIC_COLUMNS, RECORD_COLUMNS, import_submissions
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.dialogs.import_dialog import (
    REGISTRY,
    SUBMISSIONS,
    ImportDialog,
    ProblemTableModel,
)
from ui.screens.submissions import Screen
from ui.widgets.records_view import RecordsView

pytestmark = pytest.mark.gui


def _registry_file(folder: Path) -> Path:
    path = folder / "registry.csv"
    path.write_text("联盟代码,联盟名称\n"
                    "109,半导体照明产业技术创新战略联盟\n"
                    "115,闪联产业技术创新战略联盟\n"
                    "138,集成电路封测产业链技术创新战略联盟\n"
                    "238,农业物联网产业技术创新战略联盟\n", encoding="utf-8")
    return path


def _submissions_file(path: Path, bad: bool = False) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    basic = wb.create_sheet("基本信息")
    basic.append(list(BASIC_COLUMNS))
    basic.append(["109", "半导体照明产业技术创新战略联盟", 2018, "王", "010-1",
                  dt.date(2018, 12, 1)])
    basic.append(["138", "集成电路封测产业技术创新战略联盟", 2018, "李", "010-2",
                  "2018-12-02"])
    records = wb.create_sheet("活动记录")
    records.append(list(RECORD_COLUMNS))
    records.append(["109", "1.1", "理事会", "2018-03-01", "", 1, ""])
    records.append(["109", "2.1", "项目甲", "2018-04-01", "", 2, ""])
    records.append(["109", "3.2", "核心技术", "2018-05-01", "", None, ""])
    records.append(["138", "1.1", "理事会", "2018-03-01", "", 1, ""])
    if bad:
        records.append(["109", "9.9", "坏指标", "去年", "", -1, ""])
        records.append(["999", "1.1", "x", "2018-01-01", "", 1, ""])
    wb.save(path)
    return path


@pytest.fixture
def ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    import_registry(workspace, _registry_file(tmp_path))
    return workspace


def test_records_view_groups_by_indicator(qtbot, qtmodeltester, ws: Workspace,
                                          tmp_path: Path) -> None:
    import_submissions(ws, _submissions_file(tmp_path / "s.xlsx"))
    view = RecordsView()
    qtbot.addWidget(view)
    alliance = find_by_code(ws, "109")
    view.show_records(ws, 2018, alliance.id)
    qtmodeltester.check(view.model)
    model = view.model
    assert model.rowCount() == 20 + 3  # a heading per indicator and three records
    first = model.index(0, 0).data()
    assert first.startswith("1.1 理事会会议")
    assert model.index(1, 0).data() == "理事会"
    assert view.table.columnSpan(0, 0) == 5
    assert "王" in view.info.text()
    view.show_records(ws, 2018, alliance.id, "2.1")
    assert [model.index(r, 0).data() for r in range(model.rowCount())][1:] == ["项目甲"]
    view.show_records(ws, 2018, find_by_code(ws, "115").id)
    assert "2018" in view.info.text()  # no submission for 2018
    assert model.rowCount() == 20


def test_screen_lists_filters_and_shows_detail(qtbot, qtmodeltester, ws: Workspace,
                                               tmp_path: Path) -> None:
    import_submissions(ws, _submissions_file(tmp_path / "s.xlsx"))
    context = AppContext(ws)
    screen = Screen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
    assert screen.title() == "Submissions"  # no translator is installed in these tests
    assert screen.model.rowCount() == 4
    codes = {screen.model.index(r, 0).data(): r for r in range(4)}
    status = screen.model.status_column
    assert screen.model.index(codes["109"], status).data() == "达到评价要求"
    assert screen.model.index(codes["138"], status).data() == "未达到评价要求"
    assert screen.model.index(codes["115"], status).data() == "未填报"
    assert screen.model.index(codes["109"], 3).data() == "1"
    # Filters: status, batch, search.
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("eligible"))
    assert screen.proxy.rowCount() == 1
    screen.status_filter.setCurrentIndex(0)
    screen.batch_filter.setCurrentIndex(screen.batch_filter.findData("2"))
    assert screen.proxy.rowCount() == 1
    screen.batch_filter.setCurrentIndex(0)
    screen.search.setText("集成电路")
    assert screen.proxy.rowCount() == 1
    assert screen.proxy.index(0, 0).data() == "138"
    # Selecting shows the detail pane.
    screen.table.setCurrentIndex(screen.proxy.index(0, 0))
    assert screen.records.detail is not None
    assert screen.records.detail.alliance.code == "138"
    assert "4 " in screen.counts.text()
    # Sorting by a count column sorts numerically.
    screen.search.clear()
    screen.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert screen.proxy.index(0, 0).data() == "109"


def _run(qtbot, dialog: ImportDialog, paths: list[Path]):  # type: ignore[no-untyped-def]
    dialog.set_paths(paths)
    with qtbot.waitSignal(dialog.finished_import, timeout=20_000) as blocker:
        dialog.import_button.click()
    return blocker.args[0]


def test_import_dialog_imports_in_the_background(qtbot, ws: Workspace,
                                                 tmp_path: Path) -> None:
    dialog = ImportDialog(SUBMISSIONS, ws.path, 2018)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        outcome = _run(qtbot, dialog, [_submissions_file(tmp_path / "s.xlsx")])
    assert outcome.ok
    assert not dialog.runner.busy
    assert ws.count("submissions") == 2
    # The similar name (annex 1's spelling) is a warning in the report.
    assert [p.code for p in outcome.problems] == ["submissions.name_similar"]
    assert dialog.model.rowCount() == 1
    assert dialog.summary.text().startswith("2018 年度填报已导入")
    assert "新增 2 家" in dialog.summary.text()


def test_import_dialog_report_for_a_bad_file(qtbot, qtmodeltester, ws: Workspace,
                                             tmp_path: Path) -> None:
    dialog = ImportDialog(SUBMISSIONS, ws.path, 2018)
    qtbot.addWidget(dialog)
    outcome = _run(qtbot, dialog, [_submissions_file(tmp_path / "bad.xlsx", bad=True)])
    assert not outcome.ok
    assert ws.count("submissions") == 0
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == len(outcome.problems) >= 4
    # Sorting by row number is numeric, and the report can be saved.
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    rows = [dialog.proxy.index(r, 2).data() for r in range(dialog.proxy.rowCount())]
    numbers = [int(r) for r in rows if r]
    assert numbers == sorted(numbers, reverse=True)
    dialog.save_report(tmp_path / "report.csv")
    with (tmp_path / "report.csv").open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["级别", "工作表", "行", "列", "问题"]
    assert len(lines) == 1 + len(outcome.problems)
    assert any("9.9" in line[4] for line in lines[1:])
    dialog.save_report(tmp_path / "report.xlsx")
    sheet = load_workbook(tmp_path / "report.xlsx").active
    assert sheet.max_row == 1 + len(outcome.problems)


def test_import_dialog_cancel_changes_nothing(qtbot, ws: Workspace, tmp_path: Path) -> None:
    dialog = ImportDialog(SUBMISSIONS, ws.path, 2018)
    qtbot.addWidget(dialog)
    dialog.set_paths([_submissions_file(tmp_path / "s.xlsx")])
    with qtbot.waitSignal(dialog.finished_import, timeout=20_000) as blocker:
        dialog.start_import()
        dialog.cancel_import()  # before the worker's first check: it stops
    outcome = blocker.args[0]
    # The worker may finish before the flag is seen; either way nothing half-done.
    if outcome.cancelled:
        assert ws.count("submissions") == 0
        assert "取消" in dialog.summary.text() or "Cancel" in dialog.summary.text()
    else:
        assert ws.count("submissions") == 2


def test_import_dialog_accepts_drops_and_imports_registry(qtbot, workspace: Workspace,
                                                          tmp_path: Path) -> None:
    dialog = ImportDialog(REGISTRY, workspace.path)
    qtbot.addWidget(dialog)
    path = _registry_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    dialog.drop.dropEvent(event)
    assert dialog.paths == [path]
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_import, timeout=20_000) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].ok
    assert workspace.count("alliances") == 4


def test_problem_model_is_sound(qtmodeltester) -> None:
    from evaluator.errors import Problem

    model = ProblemTableModel()
    model.set_rows([Problem("submissions.bad_date", {"value": "x"}, sheet="活动记录",
                                row=3, column="日期"),
                        Problem("submissions.name_alias", {"value": "a", "alliance": "1",
                                "registry_name": "b"}, severity="warning")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "错误"
    assert "不是日期" in model.index(0, 4).data()


def test_on_a_narrow_screen_the_records_go_under_the_table(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    """1366x768 at 150 % leaves ~730 logical pixels: names keep their width."""
    from PySide6.QtCore import Qt

    screen = Screen(AppContext(ws))
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.splitter.orientation() == Qt.Orientation.Horizontal)
    screen.resize(730, 600)
    qtbot.waitUntil(lambda: screen.splitter.orientation() == Qt.Orientation.Vertical)
    top, bottom = screen.splitter.sizes()
    assert min(top, bottom) > 0
    assert screen.table.columnWidth(1) >= 200  # the alliance's name is readable
    screen.resize(1280, 700)
    qtbot.waitUntil(lambda: screen.splitter.orientation() == Qt.Orientation.Horizontal)
