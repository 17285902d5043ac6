"""The main window: stages, menus, shortcuts, layout, recent files, drops, years, overview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence

from evaluator.registry import add_alliance
from evaluator.rubric import load_default_rubric
from evaluator.score_sets import insert_scores
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.main_window import STAGES, MainWindow
from ui.recent import recent_workspaces, remember_workspace

SCREENS_DIR = Path(__file__).resolve().parent.parent / "ui" / "screens"


@pytest.fixture
def window(qtbot, workspace):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(workspace))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.context.workspace = None  # the workspace fixture closes it


def test_window_shows_workspace_and_year(window) -> None:  # type: ignore[no-untyped-def]
    title = window.windowTitle()
    assert "t.evdb" in title
    assert "2018" in title
    assert "t.evdb" in window.path_label.text()
    assert window.current_stage() == "overview"
    assert window.screens["overview"].overview is not None


def test_every_stage_has_its_screen_module() -> None:
    assert STAGES == ("overview", "submissions", "panel", "scoring", "merge", "plenary",
                      "quality", "results")
    missing = [name for name in STAGES if not (SCREENS_DIR / f"{name}.py").exists()]
    assert not missing


def test_navigation_lists_every_stage_in_order(window) -> None:  # type: ignore[no-untyped-def]
    names = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert names == list(STAGES)
    # Screens other than the current one are not imported until shown.
    assert set(window.screens) == {"overview"}


def test_menus_have_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert not window.settings_action.shortcut().isEmpty()
    for row, action in enumerate(window.stage_actions):
        assert action.shortcut() == QKeySequence(f"Ctrl+{row + 1}")
    file_actions = [a for a in window.file_menu.actions() if not a.isSeparator()]
    assert window.demo_action in file_actions
    assert window.recent_menu.menuAction() in file_actions


def test_stage_shortcut_switches_screen(window) -> None:  # type: ignore[no-untyped-def]
    last = len(window.stage_actions) - 1
    window.stage_actions[last].trigger()
    assert window.nav.currentRow() == last
    assert window.current_stage() in window.screens
    window.stage_actions[0].trigger()
    assert window.current_stage() == "overview"


def test_geometry_is_restored(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(AppContext(workspace))
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 620)
    first.splitter.setSizes([230, 550])
    first.close()  # saves the layout
    second = MainWindow(AppContext(None))
    qtbot.addWidget(second)
    assert second.restore_layout()
    assert (second.width(), second.height()) == (780, 620)
    assert second.splitter.sizes()[0] == 230
    first.context.workspace = None


def test_open_recent(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.evdb", tmp_path / "b.evdb"
    Workspace.create(a, year=2018).close()
    Workspace.create(b, year=2019).close()
    win = MainWindow(AppContext(None))
    qtbot.addWidget(win)
    assert win.open_workspace(a)
    assert win.open_workspace(b)
    assert recent_workspaces()[:2] == [b.resolve(), a.resolve()]
    win._fill_recent_menu()
    actions = win.recent_menu.actions()
    assert [Path(x.data()) for x in actions] == [b.resolve(), a.resolve()]
    actions[1].trigger()
    assert win.context.path == a.resolve()
    assert "2018" in win.windowTitle()
    win.context.set_workspace(None)


def test_missing_recent_workspace_is_skipped(tmp_path: Path) -> None:
    remember_workspace(tmp_path / "gone.evdb")
    assert recent_workspaces() == []


def test_open_refuses_a_non_workspace(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("ui.widgets.report_dialog.QMessageBox.warning",
                        lambda _parent, _title, text: shown.append(text))
    bogus = tmp_path / "x.evdb"
    bogus.write_text("not a database")
    win = MainWindow(AppContext(None))
    qtbot.addWidget(win)
    assert not win.open_workspace(bogus)
    assert shown
    assert win.context.workspace is None
    assert win.stage_names == []


def test_drop_of_a_workspace_opens_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dropped.evdb"
    Workspace.create(path, year=2018).close()
    win = MainWindow(AppContext(None))
    qtbot.addWidget(win)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert win.context.path == path
    win.context.set_workspace(None)


def test_year_selector_appears_for_several_years(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "years.evdb"
    ws = Workspace.create(path, year=2018)
    ws.add_year(2019, load_default_rubric())
    win = MainWindow(AppContext(ws))
    qtbot.addWidget(win)
    win.show()
    assert win.year_box.isVisible()
    assert win.context.year == 2019
    win.year_combo.setCurrentIndex(0)
    assert win.context.year == 2018
    assert "2018" in win.windowTitle()
    assert win.screens["overview"].overview.year == 2018
    win.context.set_workspace(None)


def test_single_year_hides_the_selector(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.year_box.isVisible()


def test_settings_dialog_saves_thresholds_and_language(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.i18n import saved_language

    context = AppContext(workspace)
    dialog = SettingsDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.editors["bands.high"].setValue(86)
    dialog.language_combo.setCurrentIndex(1 if dialog.initial_language == "zh" else 0)
    with qtbot.waitSignal(context.data_changed):
        dialog.accept()
    assert workspace.setting("bands.high") == 86
    assert dialog.language_changed
    assert saved_language() == dialog.chosen_language()
    audit = workspace.db.execute(
        "SELECT count(*) FROM audit_log WHERE entity = 'setting' AND entity_key = 'bands.high'"
    ).fetchone()[0]
    assert audit == 1
    context.workspace = None


# -- the overview --------------------------------------------------------------------------
def _small_workspace(ws: Workspace) -> None:
    """3 alliances, 2 submissions, 3 experts in 2 groups, a few assignments and scores."""
    ids = [add_alliance(ws, code, name).id for code, name in
           (("101", "甲联盟"), ("102", "乙联盟"), ("201", "丙联盟"))]
    now = now_iso()
    db = ws.db
    with ws.transaction():
        g1 = db.table("expert_groups").insert({"year": 2018, "name": "第一组"}).last_pk
        g2 = db.table("expert_groups").insert({"year": 2018, "name": "第二组"}).last_pk
        experts = [db.table("experts").insert({
            "year": 2018, "name": name, "role": "member", "group_id": group,
            "secret_key": "00"}).last_pk for name, group in (("甲", g1), ("乙", g1), ("丙", g2))]
        for alliance in ids[:2]:
            db.table("submissions").insert({"year": 2018, "alliance_id": alliance,
                                            "imported_at": now})
        for rnd, pairs in (("initial", [(0, 0), (1, 0), (2, 1)]), ("review", [(2, 0)])):
            for e, a in pairs:
                db.table("assignments").insert({"year": 2018, "round": rnd,
                                                "alliance_id": ids[a],
                                                "expert_id": experts[e], "created_at": now})
        # Initial round: two of the three assigned sheets came back; review: none.
        for e, a in ((0, 0), (1, 0)):
            for code in ("1.1", "1.2"):
                insert_scores(db, [{"year": 2018, "round": "initial",
                                           "expert_id": experts[e], "alliance_id": ids[a],
                                           "indicator_code": code, "value": 4.0,
                                           "entered_at": now}])
        db.table("results").insert({"year": 2017, "alliance_id": ids[0], "score": 90,
                                    "band": "high", "source": "history", "recorded_at": now})


def test_overview_counts_a_small_workspace(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from ui.screens.overview import Screen

    _small_workspace(workspace)
    context = AppContext(workspace)
    screen = Screen(context)
    qtbot.addWidget(screen)
    data = screen.overview
    assert data is not None
    assert [(b["id"], b["size"], b["registered"]) for b in data.batches] == [
        ("1", 52, 2), ("2", 39, 1), ("3", 55, 0), ("d", 6, 0)]
    assert (data.alliances, data.submissions, data.experts, data.groups) == (3, 2, 3, 2)
    initial, review = data.rounds["initial"], data.rounds["review"]
    assert (initial.assignments, initial.sheets, initial.experts,
            initial.assigned_sheets_scored) == (3, 2, 2, 2)
    assert (review.assignments, review.sheets) == (1, 0)
    assert data.history_years == [2017]
    assert data.plenary_decisions == 0
    assert screen.cards["alliances"].value_label.text() == "3"
    assert screen.cards["batch_1"].value_label.text() == "52"
    assert screen.cards["submissions"].value_label.text() == "2"
    assert screen.cards["round_initial"].value_label.text() == "2 / 3"
    assert screen.cards["history"].value_label.text() == "1"
    assert [s.done for s in screen.stages] == [False, False, False, False]
    context.workspace = None


def test_overview_refreshes_on_data_change(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from ui.screens.overview import Screen

    context = AppContext(workspace)
    screen = Screen(context)
    qtbot.addWidget(screen)
    assert screen.cards["alliances"].value_label.text() == "0"
    add_alliance(workspace, "301", "丁联盟")
    context.data_changed.emit("registry")
    assert screen.cards["alliances"].value_label.text() == "1"
    context.workspace = None


def test_overview_stages_done_on_the_demo(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.screens.overview import Screen

    copy = tmp_path / "demo.evdb"
    shutil.copy(demo_path, copy)
    context = AppContext(Workspace.open(copy))
    screen = Screen(context)
    qtbot.addWidget(screen)
    data = screen.overview
    assert [b["size"] for b in data.batches] == [52, 39, 55, 6]
    assert data.alliances == 99
    assert data.experts == 32
    # Both scoring rounds of the demo are complete.
    assert [s.done for s in screen.stages[:2]] == [True, True]
    context.set_workspace(None)


def test_language_switch_applies_live(qapp, window) -> None:  # type: ignore[no-untyped-def]
    from evaluator import messages
    from ui.i18n import remove_translators

    try:
        window.apply_language("zh")
        assert window.nav.item(0).text() == "概览"
        assert window.file_menu.title() == "文件(&F)"
        assert window.screens["overview"].title() == "概览"
        window.apply_language("en")
        assert window.nav.item(0).text() == "Overview"
        assert window.file_menu.title() == "&File"
    finally:
        remove_translators(qapp)
        messages.set_language(None)


def test_opening_a_workspace_asks_who_is_working(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch) -> None:
    from evaluator.people import remembered_names

    monkeypatch.delenv("EVALUATOR_NO_NAME_PROMPT", raising=False)
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2019).close()
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    assert win.open_workspace(path)
    dialog = win.name_dialog
    assert dialog.isVisible()
    dialog.names.setCurrentText("  李 明 ")
    dialog.accept()
    ws = win.context.ws
    assert ws.actor == "李 明"
    assert remembered_names(ws) == ["李 明"]
    assert "李 明" in win.path_label.text()
    ws.audit("update", "setting", "x")
    assert ws.db.execute("SELECT actor FROM audit_log ORDER BY id DESC").fetchone()[0] == "李 明"
    win.context.set_workspace(None)
    assert win.open_workspace(path)  # remembered: offered first
    assert win.name_dialog.names.currentText() == "李 明"
    win.name_dialog.reject()
    win.context.set_workspace(None)


def test_read_only_workspace_shows_a_banner(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator import sqlite_files

    path = tmp_path / "ro.evdb"
    Workspace.create(path, year=2018).close()
    monkeypatch.setattr(sqlite_files, "writable", lambda _path: (False, "file"))
    ws = Workspace.open(path)
    win = MainWindow(AppContext(ws))
    qtbot.addWidget(win)
    win.show()
    try:
        assert ws.read_only
        assert win.read_only_banner.isVisible()
        assert "ro.evdb" in win.read_only_banner.text()
        assert "只读" in win.read_only_banner.text() or "Read-only" in win.read_only_banner.text()
        monkeypatch.undo()
        win.context.set_workspace(Workspace.open(path))
        assert not win.read_only_banner.isVisible()
    finally:
        win.context.workspace = None
        ws.close()


def test_a_write_waiting_for_another_program_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "busy.evdb"
    Workspace.create(path, year=2018).close()
    ws = Workspace.open(path)
    context = AppContext(ws)
    messages: list[str] = []
    context.status_message.connect(messages.append)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    real_wait = ws.on_wait
    assert real_wait is not None

    def wait_then_release(at: Path) -> None:
        real_wait(at)
        holder.execute("COMMIT")

    ws.on_wait = wait_then_release
    try:
        ws.set_setting("backups.keep", 6)
        assert any("busy.evdb" in m for m in messages)
        assert ws.setting("backups.keep") == 6
    finally:
        holder.close()
        ws.close()
