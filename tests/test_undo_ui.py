"""Undo where a click changes the panel: Edit → Undo (Ctrl+Z) in the main window puts the
workspace back through the core's inverse operation; the scoring screen keeps its own stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from evaluator.assignments import assign_round, assignments_for_expert
from evaluator.panel import (
    add_expert,
    conflict_for,
    ensure_group,
    get_expert,
    get_expert_by_name,
    get_group,
    list_groups,
    set_expert_group,
)
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.assignment_model import FIXED_COLUMNS
from ui.models.expert_model import GROUP, LEADER

pytestmark = pytest.mark.gui


def _eligible(ws: Workspace, alliance_id: int) -> None:
    sid = ws.db.table("submissions").insert({
        "year": 2018, "alliance_id": alliance_id, "name_as_filed": "x", "contact": "联系人",
        "phone": "010-1", "filed_on": "2018-12-01", "imported_at": "2018-12-01"}).last_pk
    ws.db.table("submission_records").insert_all(
        [{"submission_id": sid, "indicator_code": code, "title": "记录"}
         for code in ("1.1", "2.1", "3.1")])


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    for code in ("101", "102", "103", "201", "202", "301"):
        _eligible(workspace, add_alliance(workspace, code, f"测试{code}产业技术创新战略联盟").id)
    add_expert(workspace, 2018, "组长乙", "组长")
    for i in range(5):
        add_expert(workspace, 2018, f"成员{i}", "成员")
    assign_round(workspace, 2018, "initial", groups=2)
    return workspace


@pytest.fixture
def window(qtbot, ws: Workspace):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(ws))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.context.workspace = None  # the workspace fixture closes it


def _panel(window):  # type: ignore[no-untyped-def]
    screen = window.show_stage("panel")
    assert screen is not None
    return screen


def _moves(ws: Workspace, name: str) -> int:
    return int(ws.db.execute("SELECT count(*) FROM audit_log WHERE entity = 'expert.group'"
                             " AND entity_key LIKE ?", (f"%{name}",)).fetchone()[0])


def _press(qtbot, window, keys: str) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keySequence(window, QKeySequence(keys))


def test_move_expert_then_ctrl_z_puts_the_expert_back(qtbot, window, ws) -> None:  # type: ignore[no-untyped-def]
    screen = _panel(window)
    model = screen.expert_model
    row = next(r for r in range(model.rowCount())
               if model.row_at(r).name == "成员0")
    expert = model.row_at(row)
    old_group = expert.group_id
    other = next(g for g in list_groups(ws, 2018) if g.id != old_group)
    moves_before = _moves(ws, "成员0")
    assert model.setData(model.index(row, GROUP), other.id, Qt.ItemDataRole.EditRole)
    assert get_expert(ws, expert.id).group_id == other.id
    assert window.undo_action.isEnabled()
    assert other.name in window.undo_action.text()
    assert "成员0" in window.undo_action.text()

    _press(qtbot, window, "Ctrl+Z")
    assert get_expert(ws, expert.id).group_id == old_group
    assert window.redo_action.isEnabled()
    # the table shows the old group again
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == expert.id)
    assert model.row_at(row).group_id == old_group

    _press(qtbot, window, "Ctrl+Shift+Z")
    assert get_expert(ws, expert.id).group_id == other.id
    # each step went through the core, which wrote its audit entry
    assert _moves(ws, "成员0") == moves_before + 3


def test_undoing_a_leader_move_gives_the_lead_back(window, ws) -> None:  # type: ignore[no-untyped-def]
    screen = _panel(window)
    model = screen.expert_model
    group = list_groups(ws, 2018)[0]
    leader_id = group.leader_id
    assert leader_id is not None
    member = next(e for e in model.rows
                  if e.group_id == group.id and e.id != leader_id)
    row = model.rows.index(member)
    assert model.setData(model.index(row, LEADER), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    assert get_expert(ws, member.id).is_group_leader
    window.undo_group.undo()
    assert get_expert(ws, leader_id).is_group_leader
    assert not get_expert(ws, member.id).is_group_leader

    # Moving the leader out and undoing restores both the group and the lead.
    other = next(g for g in list_groups(ws, 2018) if g.id != group.id)
    row = next(r for r, e in enumerate(model.rows) if e.id == leader_id)
    assert model.setData(model.index(row, GROUP), other.id, Qt.ItemDataRole.EditRole)
    assert not get_expert(ws, leader_id).is_group_leader
    window.undo_group.undo()
    back = get_expert(ws, leader_id)
    assert back.group_id == group.id
    assert back.is_group_leader


def test_undoing_the_first_leader_of_a_group_leaves_it_without_one(window, ws) -> None:  # type: ignore[no-untyped-def]
    screen = _panel(window)
    model = screen.expert_model
    gid = ensure_group(ws, 2018, "第三组")
    set_expert_group(ws, get_expert_by_name(ws, 2018, "成员3").id, gid)
    model.reload()
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    row = next(r for r, e in enumerate(model.rows) if e.name == "成员3")
    assert model.setData(model.index(row, LEADER), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    assert get_group(ws, gid).leader_id == model.row_at(row).id
    assert "成员3" in window.undo_action.text()

    window.undo_group.undo()
    assert get_group(ws, gid).leader_id is None
    assert not get_expert_by_name(ws, 2018, "成员3").is_group_leader
    row = next(r for r, e in enumerate(model.rows) if e.name == "成员3")
    assert model.data(model.index(row, LEADER), Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Unchecked
    window.undo_group.redo()
    assert get_expert_by_name(ws, 2018, "成员3").is_group_leader
    assert not any("undone" in m or "撤销" in m for m in messages)
    # the core audited each step
    assert ws.db.execute("SELECT count(*) FROM audit_log WHERE entity = 'expert_group.leader'"
                         " AND entity_key = '2018:第三组'").fetchone()[0] == 3


def test_matrix_toggle_and_conflicts_are_undone(window, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _panel(window)
    matrix = screen.matrix_model
    member = get_expert_by_name(ws, 2018, "成员1")
    column = next(c for c in range(FIXED_COLUMNS, matrix.columnCount())
                  if matrix.expert_at(c).id == member.id)
    assigned = assignments_for_expert(ws, 2018, "initial", member.id)
    row = next(r for r in range(matrix.rowCount())
               if matrix.alliance_at(r).id not in assigned)
    alliance_id = matrix.alliance_at(row).id
    assert matrix.setData(matrix.index(row, column), Qt.CheckState.Checked,
                          Qt.ItemDataRole.CheckStateRole)
    assert alliance_id in assignments_for_expert(ws, 2018, "initial", member.id)
    assert matrix.alliance_at(row).code in window.undo_action.text()
    window.undo_group.undo()
    assert alliance_id not in assignments_for_expert(ws, 2018, "initial", member.id)
    window.undo_group.redo()
    assert alliance_id in assignments_for_expert(ws, 2018, "initial", member.id)

    # Declaring a conflict withdraws the assignment; undo removes the conflict and
    # gives the assignment back.
    monkeypatch.setattr(screen, "ask_conflict",
                        lambda expert_id: (member.id, alliance_id, "亲属在该联盟任职"))
    screen.declare_conflict()
    assert conflict_for(ws, member.id, alliance_id) is not None
    assert alliance_id not in assignments_for_expert(ws, 2018, "initial", member.id)
    window.undo_group.undo()
    assert conflict_for(ws, member.id, alliance_id) is None
    assert alliance_id in assignments_for_expert(ws, 2018, "initial", member.id)
    window.undo_group.redo()
    assert conflict_for(ws, member.id, alliance_id) is not None

    # Removing the declared conflict, then undoing, declares it again with its reason.
    row = next(r for r in range(screen.conflict_model.rowCount())
               if screen.conflict_model.row_at(r).source == "declared")
    screen.conflict_view.selectRow(row)
    monkeypatch.setattr(screen, "ask_confirmation", lambda text: True)
    screen.remove_selected_conflict()
    assert conflict_for(ws, member.id, alliance_id) is None
    window.undo_group.undo()
    again = conflict_for(ws, member.id, alliance_id)
    assert again is not None
    assert again.reason == "亲属在该联盟任职"


def test_a_refused_undo_says_why_and_leaves_the_stack(window, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _panel(window)
    model = screen.expert_model
    gid = ensure_group(ws, 2018, "第三组")
    model.reload()
    row = next(r for r, e in enumerate(model.rows) if e.name == "成员2")
    old_group = model.row_at(row).group_id
    assert model.setData(model.index(row, GROUP), gid, Qt.ItemDataRole.EditRole)
    # The old group disappears behind the screen's back: the undo cannot go there.
    ws.db.execute("UPDATE experts SET group_id = NULL WHERE group_id = ?", (old_group,))
    ws.db.execute("DELETE FROM assignments WHERE group_id = ?", (old_group,))
    ws.db.execute("DELETE FROM expert_groups WHERE id = ?", (old_group,))
    shown: list[str] = []
    monkeypatch.setattr(screen, "show_problem", shown.append)
    window.undo_group.undo()
    assert len(shown) == 1
    assert not screen.undo_stack.canUndo()
    assert not screen.undo_stack.canRedo()


def test_the_active_stack_follows_the_screen(window) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    assert window.undo_group.activeStack() is panel.undo_stack
    window.show_stage("overview")
    assert window.undo_group.activeStack() is None
    assert not window.undo_action.isEnabled()
    window.show_stage("panel")
    assert window.undo_group.activeStack() is panel.undo_stack


def test_menus_show_undo_redo_and_the_frequent_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    assert window.undo_action in window.edit_menu.actions()
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    file_actions = window.file_menu.actions()
    for action in (window.import_action, window.merge_action, window.export_action,
                   window.report_action, window.backups_action, window.settings_action):
        assert action in file_actions
        assert not action.shortcut().isEmpty()
    assert window.refresh_action in window.go_menu.actions()
    assert window.refresh_action.shortcut() == QKeySequence("F5")
    shortcuts = [a.shortcut().toString() for m in (window.file_menu, window.edit_menu,
                                                  window.go_menu)
                 for a in m.actions() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
