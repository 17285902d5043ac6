"""The panel screen and its models: model contracts (qtmodeltester), editing groups,
toggling assignments (a conflict is refused with a readable message), running a round."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from evaluator.assignments import assign_round, assignments_for_expert
from evaluator.panel import add_expert, get_expert_by_name, list_groups
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.models.assignment_model import FIXED_COLUMNS, AssignmentMatrixModel
from ui.models.conflict_model import ConflictTableModel
from ui.models.expert_model import GROUP, LEADER, ExpertTableModel

pytestmark = pytest.mark.gui


def finish(screen, qtbot, task):  # type: ignore[no-untyped-def]
    """Wait for the screen's background job and for its result to be shown."""
    assert task is not None
    qtbot.waitUntil(lambda: not screen.runner.busy, timeout=20000)
    return task.outcome


def make_eligible(ws: Workspace, alliance_id: int) -> None:
    sid = ws.db.table("submissions").insert({
        "year": 2018, "alliance_id": alliance_id, "name_as_filed": "x", "contact": "联系人",
        "phone": "010-1", "filed_on": "2018-12-01", "imported_at": "2018-12-01"}).last_pk
    ws.db.table("submission_records").insert_all(
        [{"submission_id": sid, "indicator_code": code, "title": "记录"}
         for code in ("1.1", "2.1", "3.1")])


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    for code in ("101", "102", "103", "201", "202", "301", "302", "d101"):
        make_eligible(workspace, add_alliance(workspace, code, f"测试{code}产业技术创新战略联盟").id)
    add_expert(workspace, 2018, "顾问甲", "顾问")
    add_expert(workspace, 2018, "组长乙", "组长", "测试101产业技术创新战略联盟")
    for i, code in enumerate(("201", "301", "302", "d101", "102")):
        add_expert(workspace, 2018, f"成员{i}", "成员", f"测试{code}产业技术创新战略联盟")
    return workspace


def test_models_pass_qtmodeltester(ws: Workspace, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assign_round(ws, 2018, "initial", groups=2)
    qtmodeltester.check(ExpertTableModel(ws, 2018))
    qtmodeltester.check(ConflictTableModel(ws, 2018))
    matrix = AssignmentMatrixModel(ws, 2018, "initial")
    assert matrix.rowCount() == 8
    assert matrix.columnCount() == FIXED_COLUMNS + 6  # the ungrouped advisor has no column
    qtmodeltester.check(matrix)
    qtmodeltester.check(AssignmentMatrixModel(None, None))


def test_matrix_toggle_refuses_conflict_and_assigns_otherwise(ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assign_round(ws, 2018, "initial", groups=2)
    model = AssignmentMatrixModel(ws, 2018, "initial")
    leader = get_expert_by_name(ws, 2018, "组长乙")
    column = next(c for c in range(FIXED_COLUMNS, model.columnCount())
                  if model.expert_at(c).id == leader.id)
    own_row = next(r for r in range(model.rowCount()) if model.alliance_at(r).code == "101")
    own = model.index(own_row, column)
    assert model.data(own, Qt.ItemDataRole.DisplayRole)  # marked as a conflict
    assert model.data(own, Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(own, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert "组长乙" in refused.args[0]
    assert "101" in refused.args[0]
    assert model.data(own, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    free_row = next(r for r in range(model.rowCount())
                    if not model.matrix.is_assigned(model.alliance_at(r).id, leader.id)  # type: ignore[union-attr]
                    and model.alliance_at(r).code != "101")
    cell = model.index(free_row, column)
    before = model.headerData(column, Qt.Orientation.Horizontal)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(cell, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.headerData(column, Qt.Orientation.Horizontal) != before
    assert model.alliance_at(free_row).id in assignments_for_expert(ws, 2018, "initial",
                                                                    leader.id)
    assert model.setData(cell, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.alliance_at(free_row).id not in assignments_for_expert(ws, 2018, "initial",
                                                                        leader.id)


def test_expert_model_moves_group_and_sets_leader(ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assign_round(ws, 2018, "initial", groups=2)
    model = ExpertTableModel(ws, 2018)
    groups = list_groups(ws, 2018)
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "成员3")
    target = next(g for g in groups if g.id != model.row_at(row).group_id)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(row, GROUP), target.id, Qt.ItemDataRole.EditRole)
    assert get_expert_by_name(ws, 2018, "成员3").group_id == target.id
    assert model.setData(model.index(row, LEADER), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    assert get_expert_by_name(ws, 2018, "成员3").is_group_leader
    # The advisor scores nothing until the secretariat places him or her in a group.
    advisor_row = next(r for r in range(model.rowCount()) if model.row_at(r).role == "advisor")
    assert not model.flags(model.index(advisor_row, LEADER)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(advisor_row, GROUP), target.id, Qt.ItemDataRole.EditRole)
    assert model.row_at(advisor_row).scores


def test_screen_runs_a_round_and_shows_the_matrix(ws: Workspace, qtbot,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.screens import panel as panel_screen

    context = AppContext(ws)
    screen = panel_screen.Screen(context)
    qtbot.addWidget(screen)
    assert screen.title()
    assert screen.toolbar.actions()
    assert screen.expert_model.rowCount() == 7
    assert screen.conflict_model.rowCount() == 6

    monkeypatch.setattr(screen, "ask_group_count", lambda scorers: 2)
    asked: list[str] = []
    monkeypatch.setattr(screen, "ask_confirmation", lambda text: asked.append(text) or True)
    changes: list[str] = []
    context.data_changed.connect(changes.append)
    with qtbot.waitSignal(screen.assignment_done, timeout=20000) as done:
        screen.run_assignment()
    summary = done.args[0]
    assert len(summary.groups) == 2
    assert asked == []  # nothing to replace yet
    assert "assignments" in changes
    assert screen.matrix_model.rowCount() == 8
    assert len(screen.matrix_model.matrix.assigned) == summary.assignments  # type: ignore[union-attr]

    # Running again asks before replacing.
    finish(screen, qtbot, screen.run_assignment())
    assert len(asked) == 1

    # The re-review, chosen in the combo box, goes to the other group.
    screen.round_combo.setCurrentIndex(screen.round_combo.findData("review"))
    assert screen.matrix_model.round == "review"
    finish(screen, qtbot, screen.run_assignment())
    assert "review" in [r[0] for r in ws.db.execute("SELECT DISTINCT round FROM assignments")]

    # A refused toggle shows a readable message instead of failing silently.
    shown: list[str] = []
    monkeypatch.setattr(panel_screen.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))
    model = screen.matrix_model
    leader = get_expert_by_name(ws, 2018, "组长乙")
    column = next(c for c in range(FIXED_COLUMNS, model.columnCount())
                  if model.expert_at(c).id == leader.id)
    row = next(r for r in range(model.rowCount()) if model.alliance_at(r).code == "101")
    model.setData(model.index(row, column), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert len(shown) == 1
    assert "回避" in shown[0]


def test_screen_declares_and_removes_a_conflict(ws: Workspace, qtbot,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.screens import panel as panel_screen

    screen = panel_screen.Screen(AppContext(ws))
    qtbot.addWidget(screen)
    member = get_expert_by_name(ws, 2018, "成员0")
    alliance_id = ws.db.execute("SELECT id FROM alliances WHERE code = '103'").fetchone()[0]
    monkeypatch.setattr(screen, "ask_conflict",
                        lambda expert_id: (member.id, alliance_id, "亲属在该联盟任职"))
    screen.declare_conflict()
    assert screen.conflict_model.rowCount() == 7
    row = next(r for r in range(screen.conflict_model.rowCount())
               if screen.conflict_model.row_at(r).source == "declared")
    screen.conflict_view.selectRow(row)
    assert screen.remove_conflict_action.isEnabled()
    monkeypatch.setattr(screen, "ask_confirmation", lambda text: True)
    screen.remove_selected_conflict()
    assert screen.conflict_model.rowCount() == 6


def test_conflict_dialog_needs_a_reason(ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from evaluator.panel import list_experts
    from evaluator.registry import list_alliances
    from ui.screens.panel import DeclareConflictDialog

    dialog = DeclareConflictDialog(list_experts(ws, 2018), list_alliances(ws))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason_edit.setPlainText("曾任理事")
    assert ok.isEnabled()
    assert dialog.alliance_id() is not None
    dialog.alliance_combo.setEditText("不存在的联盟")
    assert dialog.alliance_id() is None
    assert not ok.isEnabled()


def test_screen_imports_a_panel_file(workspace: Workspace, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.screens import panel as panel_screen

    screen = panel_screen.Screen(AppContext(workspace))
    qtbot.addWidget(screen)
    shown: list[str] = []
    monkeypatch.setattr(screen, "show_problem", shown.append)
    monkeypatch.setattr(screen, "show_info", lambda title, text: shown.append(text))
    bad = tmp_path / "bad.csv"
    bad.write_text("角色,姓名,单位,职务\n秘书,王鹏,,总监\n", encoding="utf-8")
    finish(screen, qtbot, screen.import_panel_file(bad))
    assert "第 2 行" in shown[-1]
    assert screen.expert_model.rowCount() == 0
    good = tmp_path / "good.csv"
    good.write_text("角色,姓名,单位,职务\n成员,王鹏,,总监\n", encoding="utf-8")
    finish(screen, qtbot, screen.import_panel_file(good))
    assert screen.expert_model.rowCount() == 1


def test_assignment_runs_off_the_ui_thread_and_shows(ws: Workspace, qtbot,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The round is assigned on the workspace's executor, not the UI thread; the window
    keeps processing events meanwhile and the matrix shows the result."""
    import threading

    from ui.screens import panel as panel_screen

    screen = panel_screen.Screen(AppContext(ws))
    qtbot.addWidget(screen)
    monkeypatch.setattr(screen, "ask_group_count", lambda scorers: 2)
    release = threading.Event()
    threads: list[threading.Thread] = []
    original = panel_screen.assign_round

    def slow_assign(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        assert release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(panel_screen, "assign_round", slow_assign)
    task = screen.run_assignment()
    assert task is not None
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    # While it runs the UI thread is free (this wait processes events) and a second
    # start is refused; the matrix has nothing yet.
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))
    assert screen.run_assignment() is None
    assert not screen.assign_button.isEnabled()
    assert screen.matrix_model.matrix is None or not screen.matrix_model.matrix.assigned
    with qtbot.waitSignal(screen.assignment_done, timeout=20000) as done:
        release.set()
    assert done.args[0].assignments > 0
    assert len(screen.matrix_model.matrix.assigned) == done.args[0].assignments  # type: ignore[union-attr]
    assert screen.assign_button.isEnabled()
    rows = ws.db.execute("SELECT count(*) FROM assignments").fetchone()[0]
    assert rows == done.args[0].assignments


def test_assignment_problem_of_the_world_is_a_warning_not_a_crash(
        ws: Workspace, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    from ui.screens import panel as panel_screen

    screen = panel_screen.Screen(AppContext(ws))
    qtbot.addWidget(screen)
    monkeypatch.setattr(screen, "ask_group_count", lambda scorers: 2)
    warned: list[str] = []
    monkeypatch.setattr(screen, "show_problem", warned.append)

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(ws.path))

    monkeypatch.setattr(panel_screen, "assign_round", disk_full)
    outcome = finish(screen, qtbot, screen.run_assignment())
    assert outcome.error is not None
    assert len(warned) == 1
    assert "磁盘" in warned[0] or "空间" in warned[0]
    assert ws.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
