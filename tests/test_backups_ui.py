"""File → Backup and restore: the list, a backup now, and a restore that reopens the
workspace so every screen shows the restored state."""

from __future__ import annotations

import pytest

from evaluator.backups import backup_workspace, list_backups
from evaluator.registry import add_alliance, list_alliances
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.dialogs.backups_dialog import BackupListModel, BackupsDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, workspace: Workspace):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(workspace))
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.context.workspace is not workspace:
        win.context.set_workspace(None)  # the reopened one is ours to close
    win.context.workspace = None  # the workspace fixture closes its own


def test_backup_list_model(qtmodeltester, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    backup_workspace(workspace, "merge")
    backup_workspace(workspace, "manual")
    model = BackupListModel(workspace.path)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.path_at(0) == list_backups(workspace.path)[0]  # newest first
    assert model.data(model.index(1, 1)) == "Before a merge"
    assert model.data(model.index(0, 2)).endswith("KB")
    qtmodeltester.check(BackupListModel(None))


def test_back_up_now_with_a_reason(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.isVisibleTo(dialog)
    dialog.reason_edit.setText("before plenary")
    with qtbot.waitSignal(dialog.backed_up, timeout=10_000) as blocker:
        assert dialog.backup_now()
        assert not dialog.backup_now()  # one job of the dialog at a time
    path = blocker.args[0]
    assert path is not None
    assert path.exists()
    assert "before-plenary" in path.name
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, 1)) == "before-plenary"
    assert dialog.restore_button.isEnabled()


def test_restore_undoes_a_change_and_every_screen_refreshes(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ws = window.context.ws
    ws_path = ws.path
    add_alliance(ws, "101", "测试一产业技术创新战略联盟")
    earlier = backup_workspace(ws, "manual")
    add_alliance(ws, "102", "后来加的产业技术创新战略联盟")  # the change to be undone
    window.show_stage("submissions")
    old_screens = dict(window.screens)

    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.model.rowCount())
               if dialog.model.path_at(r) == earlier)
    dialog.view.selectRow(row)
    asked: list[str] = []
    monkeypatch.setattr(dialog, "ask_confirmation", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as blocker:
        assert dialog.restore_selected()
    assert blocker.args == [True]
    assert len(asked) == 1
    assert "backed up first" in asked[0]

    reopened = window.context.ws
    assert reopened is not ws
    assert reopened.path == ws_path
    assert [a.code for a in list_alliances(reopened)] == ["101"]
    # the screens were rebuilt over the reopened workspace
    assert window.current_stage() == "submissions"
    assert all(window.screens.get(name) is not screen
               for name, screen in old_screens.items())
    # the state before the restore is kept as a backup of its own
    kept = [p for p in list_backups(ws_path) if "before-restore" in p.name]
    assert len(kept) == 1
    with Workspace.open(kept[0]) as before:
        assert {a.code for a in list_alliances(before)} == {"101", "102"}


def test_restore_needs_confirmation(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ws = window.context.ws
    backup_workspace(ws, "manual")
    add_alliance(ws, "101", "测试一产业技术创新战略联盟")
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    monkeypatch.setattr(dialog, "ask_confirmation", lambda text: False)
    assert not dialog.restore_selected()
    assert window.context.ws is ws
    assert [a.code for a in list_alliances(ws)] == ["101"]


def test_file_menu_has_backup_and_restore(window) -> None:  # type: ignore[no-untyped-def]
    assert window.backups_action in window.file_menu.actions()
    assert window.backups_action.shortcut().toString() == "Ctrl+B"


def test_a_refused_restore_says_why_and_reopens_the_workspace(qtbot, window, monkeypatch,  # type: ignore[no-untyped-def]
                                                              tmp_path) -> None:
    ws = window.context.ws
    backup_workspace(ws, "manual")
    add_alliance(ws, "101", "测试一产业技术创新战略联盟")
    not_a_backup = tmp_path / "notes.evdb"
    not_a_backup.write_text("not a database", encoding="utf-8")
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    monkeypatch.setattr(dialog, "selected_backup", lambda: not_a_backup)
    monkeypatch.setattr(dialog, "ask_confirmation", lambda text: True)
    problems: list[str] = []
    monkeypatch.setattr(dialog, "show_problem", problems.append)
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as blocker:
        assert dialog.restore_selected()
    assert blocker.args == [False]
    assert len(problems) == 1
    assert "notes.evdb" in problems[0]
    reopened = window.context.ws
    assert reopened.path == ws.path
    assert [a.code for a in list_alliances(reopened)] == ["101"]  # nothing was changed
