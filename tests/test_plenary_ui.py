"""The plenary screen: agenda, heat map, decision panel."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_consensus import build_panel
from test_flags import PLANTED

from evaluator.plenary import current_decision
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.screens.plenary import Screen


@pytest.fixture
def screen(workspace: Workspace, qtbot: Any) -> Screen:
    build_panel(workspace, PLANTED)
    s = Screen(AppContext(workspace))
    qtbot.addWidget(s)
    return s


def test_agenda_and_heatmap(screen: Screen, qtmodeltester: Any) -> None:
    model = screen.agenda_model
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [
        "101", "102", "103", "104", "105", "106"]
    qtmodeltester.check(model)
    screen.agenda.selectRow(2)  # 103: lone dissenter
    assert screen.current is not None
    assert screen.current.code == "103"
    heat = screen.heatmap_model
    qtmodeltester.check(heat)
    assert (heat.rowCount(), heat.columnCount()) == (21, 5)
    total_row = heat.rowCount() - 1
    assert heat.data(heat.index(total_row, 3)) == "60"
    low = heat.data(heat.index(total_row, 3), Qt.ItemDataRole.BackgroundRole).color()
    high = heat.data(heat.index(total_row, 0), Qt.ItemDataRole.BackgroundRole).color()
    assert low.blue() > low.red()  # below the mean: blue
    assert high.red() > high.blue()  # above the mean: red
    assert "F3" in screen.rules.text()


def decided(screen: Screen, qtbot: Any) -> bool:
    """Record the decision and wait until the agenda shows it (it is written on the
    workspace's executor)."""
    with qtbot.waitSignal(screen.decision_recorded, timeout=20000):
        assert screen.record_decision() is True
    return True


def test_decision_needs_a_reason(screen: Screen, workspace: Workspace, qtbot: Any,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    screen.agenda.selectRow(0)
    assert screen.record_decision() is False
    assert warnings
    assert workspace.count("plenary_decisions") == 0
    screen.override_radio.setChecked(True)
    screen.score_box.setValue(71.5)
    screen.reason.setText("会议纪要齐全，上调")
    assert decided(screen, qtbot)
    d = current_decision(workspace, 2018, screen.agenda_model.row_at(0).alliance_id)
    assert d is not None
    assert (d.decision, d.score) == ("override", 71.5)
    assert screen.agenda_model.data(screen.agenda_model.index(0, 5)) == "71.5"


def test_the_decision_records_the_chair(screen: Screen, workspace: Workspace, qtbot: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    screen.agenda.selectRow(0)
    screen.reason.setText("维持共识分")
    screen.chair.setText("")
    assert screen.record_decision() is False  # nobody chairs: refused
    screen.chair.setText("张 主任")
    assert decided(screen, qtbot)
    d = current_decision(workspace, 2018, screen.agenda_model.row_at(0).alliance_id)
    assert d is not None
    assert d.decided_by == "张 主任"
    assert "张 主任" in screen.decision_label.text()
    assert "T" not in screen.decision_label.text().split("张 主任")[1][:25]  # no raw ISO time


def test_quality_screen(workspace: Workspace, qtbot: Any, qtmodeltester: Any) -> None:
    from test_quality import LENIENT_HARSH

    from ui.screens.quality import Screen as QualityScreen

    build_panel(workspace, LENIENT_HARSH)
    s = QualityScreen(AppContext(workspace))
    qtbot.addWidget(s)
    qtmodeltester.check(s.alpha_model)
    qtmodeltester.check(s.leniency_model)
    assert s.alpha_model.rowCount() == 24
    flags = {s.leniency_model.data(s.leniency_model.index(r, 0)):
             s.leniency_model.data(s.leniency_model.index(r, 6))
             for r in range(s.leniency_model.rowCount())}
    assert (flags["E1"], flags["E4"], flags["E2"]) == ("Lenient", "Harsh", "")
    assert len(s.chart.series()) == 1


def test_flags_carry_words_and_thresholds(screen: Screen) -> None:
    model = screen.agenda_model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == "103")
    model.flag_words = True
    assert model.data(model.index(row, 3)).startswith("F3 Lone dissenter")
    tooltip = model.data(model.index(row, 3), Qt.ItemDataRole.ToolTipRole)
    assert "阈值 12" in tooltip or "threshold 12" in tooltip  # core text in the UI language
    model.flag_words = False  # a narrow agenda: codes, the words stay in the tooltip
    assert model.data(model.index(row, 3)).startswith("F3")
    assert "Lone" not in model.data(model.index(row, 3))


def test_projector_mode_hides_the_navigation(workspace: Workspace, qtbot: Any) -> None:
    from ui.main_window import MainWindow

    build_panel(workspace, PLANTED)
    window = MainWindow(AppContext(workspace))
    qtbot.addWidget(window)
    window.show()
    window.show_stage("plenary")
    screen = window.screens["plenary"]
    assert window.navigation_pane.isVisible()
    screen.projector_button.setChecked(True)
    assert not window.navigation_pane.isVisible()
    assert not window.menuBar().isVisible()
    assert window.isFullScreen()
    screen.projector_button.setChecked(False)
    assert window.navigation_pane.isVisible()
    assert window.menuBar().isVisible()
    assert not window.isFullScreen()


def test_the_decision_is_written_off_the_ui_thread(screen: Screen, workspace: Workspace,
                                                   qtbot: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The decision (a backup, then the row) is written on the workspace's executor; a
    problem of the world is a warning and nothing is recorded."""
    import errno
    import threading

    from ui.screens import plenary as plenary_screen

    threads: list[threading.Thread] = []
    original = plenary_screen.decide

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(plenary_screen, "decide", recorded)
    screen.agenda.selectRow(1)
    screen.reason.setText("维持共识分")
    assert decided(screen, qtbot)
    assert threads
    assert threads[0] is not threading.main_thread()
    alliance = screen.agenda_model.row_at(1).alliance_id
    d = current_decision(workspace, 2018, alliance)
    assert d is not None
    assert d.reason == "维持共识分"
    assert screen.reason.text() == ""
    assert screen.agenda_model.data(screen.agenda_model.index(1, 5))  # the agenda shows it

    warned: list[str] = []
    monkeypatch.setattr(plenary_screen, "show_message",
                        lambda parent, kind, title, text: warned.append(text))

    def disk_full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device", str(workspace.path))

    monkeypatch.setattr(plenary_screen, "decide", disk_full)
    screen.agenda.selectRow(2)
    screen.reason.setText("再议")
    assert screen.record_decision() is True
    qtbot.waitUntil(lambda: bool(warned), timeout=20000)
    qtbot.waitUntil(lambda: not screen.runner.busy)
    assert workspace.path.name in warned[0]
    assert screen.reason.text() == "再议"  # kept for the next try
    assert workspace.count("plenary_decisions") == 1
