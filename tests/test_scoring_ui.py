"""The scoring screen's keyboard flow, its models, the expert's window, the packages
dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_packages import build_panel

from evaluator.expert_package import Package
from evaluator.package_builders import build_expert_package
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.models.scoring_models import AllianceListModel, IndicatorModel, PackageRecordsModel
from ui.screens.scoring import Screen
from ui.widgets.scoring_panel import ScoringPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def pkg_path(workspace: Workspace, tmp_path: Path) -> Path:
    build_panel(workspace)
    out = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", out)
    return out


@pytest.fixture
def panel(qtbot, pkg_path: Path):  # type: ignore[no-untyped-def]
    widget = ScoringPanel(Package.open(pkg_path))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.score_edit.setFocus()
    yield widget
    if widget.package.conn is not None:
        widget.close_package()


def stored(pkg_path: Path) -> dict[tuple[str, str], float]:
    with Package.open(pkg_path) as pkg:
        codes = {a.id: a.code for a in pkg.alliances()}
        return {(codes[a], c): s.value for (a, c), s in pkg.scores().items()}


def type_score(qtbot, panel: ScoringPanel, text: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(panel.score_edit, text)
    qtbot.keyClick(panel.score_edit, key)


def test_score_undo_text_in_chinese(qtbot, panel: ScoringPanel) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from ui import i18n
    from ui.widgets.score_command import ScoreCommand

    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translators(app, "zh")
    try:
        command = ScoreCommand(panel, panel.alliance, "1.2", None, (1.0, ""))
        assert command.text() == "评分 101 · 1.2"
    finally:
        i18n.remove_translators(app)


def test_keyboard_flow(qtbot, panel: ScoringPanel, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (panel.alliance.code, panel.code) == ("101", "1.1")
    type_score(qtbot, panel, "4", Qt.Key.Key_Return)
    assert (panel.alliance.code, panel.code) == ("101", "1.2")
    assert stored(pkg_path) == {("101", "1.1"): 4.0}  # committed at once
    # The undo text names the alliance by its code (not its id) and the indicator.
    assert panel.alliance.id != 101
    assert panel.undo_stack.undoText() == "Score 101 · 1.1"
    assert panel.status_label.text().startswith("已保存") or "Saved" in panel.status_label.text()

    type_score(qtbot, panel, ".5", Qt.Key.Key_Down)
    assert panel.code == "1.3"
    type_score(qtbot, panel, "3", Qt.Key.Key_Tab)
    assert panel.code == "1.4"
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Up)
    assert panel.code == "1.3"
    assert panel.score_edit.text() == "3"

    # PgDn: the next alliance's first unscored indicator
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_PageDown)
    assert (panel.alliance.code, panel.code) == ("102", "1.1")
    type_score(qtbot, panel, "2.5", Qt.Key.Key_PageDown)
    assert (panel.alliance.code, panel.code) == ("203", "1.1")
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_PageUp)
    assert (panel.alliance.code, panel.code) == ("102", "1.2")
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_PageUp)
    assert (panel.alliance.code, panel.code) == ("101", "1.4")
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_PageDown)
    assert stored(pkg_path) == {("101", "1.1"): 4.0, ("101", "1.2"): 0.5,
                                ("101", "1.3"): 3.0, ("102", "1.1"): 2.5}
    assert panel.alliances.data(panel.alliances.index(0, 2)) == "3/20"

    # Ctrl+Z undoes the last change and shows where it was
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("102", "1.1") not in stored(pkg_path)
    assert (panel.alliance.code, panel.code) == ("102", "1.1")
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("101", "1.3") not in stored(pkg_path)
    assert (panel.alliance.code, panel.code) == ("101", "1.3")
    assert panel.score_edit.text() == ""
    assert panel.alliances.data(panel.alliances.index(0, 2)) == "2/20"


def test_invalid_entry_is_not_saved_and_does_not_move(qtbot, panel: ScoringPanel,  # type: ignore[no-untyped-def]
                                                      pkg_path: Path) -> None:
    type_score(qtbot, panel, "7", Qt.Key.Key_Return)
    assert panel.code == "1.1"
    assert panel.error_label.text()
    assert stored(pkg_path) == {}
    panel.score_edit.clear()
    type_score(qtbot, panel, "4.3", Qt.Key.Key_Down)
    assert panel.code == "1.1"
    assert stored(pkg_path) == {}
    qtbot.keyClicks(panel.score_edit, "abc")  # the validator takes no letters
    assert "a" not in panel.score_edit.text()
    panel.score_edit.clear()
    type_score(qtbot, panel, "5", Qt.Key.Key_Down)
    assert stored(pkg_path) == {("101", "1.1"): 5.0}


def test_clearing_and_changing_a_score(qtbot, panel: ScoringPanel, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    type_score(qtbot, panel, "4", Qt.Key.Key_Return)
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Up)
    panel.score_edit.selectAll()
    type_score(qtbot, panel, "4.5", Qt.Key.Key_Down)
    assert stored(pkg_path) == {("101", "1.1"): 4.5}
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Up)
    panel.score_edit.clear()
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Down)
    assert stored(pkg_path) == {}
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(pkg_path) == {("101", "1.1"): 4.5}


def test_comment_and_totals(qtbot, panel: ScoringPanel, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Nothing scored: the totals say so, not 0.
    assert panel.indicators.data(panel.indicators.index(0, 2)) == "—"
    assert "0 /" not in panel.total_label.text().split("(")[0].split("（")[0]
    # A comment is typed before the score is saved: Alt+C from the score box, then Enter
    # saves both and goes on.
    qtbot.keyClicks(panel.score_edit, "4")
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert panel.comment_edit.hasFocus()
    panel.comment_edit.insert("纪要不全")  # QTest types ASCII only
    qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
    with Package.open(pkg_path) as pkg:
        score = pkg.score(pkg.alliance("101").id, "1.1")
        assert score is not None
        assert (score.value, score.comment) == (4, "纪要不全")
    assert panel.code == "1.2"
    assert panel.score_edit.hasFocus()
    type_score(qtbot, panel, "3", Qt.Key.Key_Up)
    assert "7" in panel.total_label.text()
    group_row = panel.indicators.index(0, 2)
    assert panel.indicators.data(group_row) == "7"
    # A comment without a score is kept in the box, not lost, and the score asked for.
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_Down)
    assert panel.code == "1.3"
    panel.comment_edit.setFocus()
    panel.comment_edit.insert("x")
    qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
    assert panel.code == "1.3"
    assert panel.comment_edit.text() == "x"
    assert panel.error_label.text()


def test_records_of_the_current_indicator(qtbot, panel: ScoringPanel) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_PageDown)
    assert panel.alliance.code == "102"
    assert panel.records.rowCount() == 1
    assert panel.records.data(panel.records.index(0, 0)) == "第三届理事会会议"
    for _ in range(6):
        qtbot.keyClick(panel.score_edit, Qt.Key.Key_Down)
    assert panel.code == "2.1"
    assert panel.records.data(panel.records.index(0, 0)) == "联合攻关项目"
    assert "满分" in panel.standard.toPlainText()


def test_models(qtmodeltester, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Package.open(pkg_path) as pkg:
        pkg.set_score("102", "1.1", 3, "意见")
        alliances = AllianceListModel(pkg)
        qtmodeltester.check(alliances)
        indicators = IndicatorModel(pkg)
        indicators.set_alliance(pkg.alliance("102").id)
        qtmodeltester.check(indicators)
        assert indicators.rowCount() == 23  # 3 first-level headings + 20 indicators
        records = PackageRecordsModel()
        records.set_rows(pkg.records(pkg.alliance("102").id))
        qtmodeltester.check(records)


def test_workspace_screen_opens_an_experts_package(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    build_panel(workspace)
    context = AppContext(workspace)
    screen = Screen(context)
    qtbot.addWidget(screen)
    assert screen.title()
    assert screen.expert_combo.count() == 4
    screen.expert_combo.setCurrentIndex(screen.expert_combo.findText("王"))
    assert screen.open_selected()
    assert screen.panel is not None
    assert [screen.panel.alliances.row_at(i).code
            for i in range(screen.panel.alliances.rowCount())] == ["102", "203"]
    type_score(qtbot, screen.panel, "2", Qt.Key.Key_Return)
    path = screen.panel.package.path
    screen._close_panel()
    with Package.open(path) as pkg:
        assert pkg.score(pkg.alliance("102").id, "1.1").value == 2  # type: ignore[union-attr]
    context.workspace = None


def test_open_package_window(qtbot, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.scoring_window import open_package_window

    window = open_package_window(pkg_path)
    assert window is not None
    qtbot.addWidget(window)
    assert "李" in window.windowTitle()
    type_score(qtbot, window.panel, "1", Qt.Key.Key_Return)
    window.close()
    assert stored(pkg_path) == {("101", "1.1"): 1.0}


def test_packages_dialog(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.packages_dialog import PackagesDialog

    build_panel(workspace)
    dialog = PackagesDialog(workspace.path, 2018)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.finished_building, timeout=20000):
        dialog.start()
    assert dialog.outcome is not None
    assert dialog.outcome.ok, dialog.outcome.problems
    assert sorted(dialog.outcome.written) == ["张", "李", "王", "赵"]
    assert len(list((tmp_path / "out").glob("*.evpkg"))) == 4


def test_workspace_screen_lists_experts_with_progress(qtbot, demo_ws: Workspace,  # type: ignore[no-untyped-def]
                                                      qtmodeltester) -> None:
    screen = Screen(AppContext(demo_ws))
    qtbot.addWidget(screen)
    model = screen.experts_model
    qtmodeltester.check(model)
    assert model.rowCount() == screen.expert_combo.count() == 32
    assert screen.experts_view.isVisibleTo(screen)
    # Every demo expert sent a file for the initial round: "n of n received".
    first = model.data(model.index(0, 2))
    assert "received" in first
    screen._open_expert(model.index(3, 3))
    assert screen.panel is not None
    assert screen.round_combo.currentData() == "review"
    assert screen.expert_combo.currentData() == model.data(model.index(3, 0), Qt.ItemDataRole.UserRole)
    assert not screen.experts_view.isVisibleTo(screen)
    screen._close_panel()
    assert screen.experts_view.isVisibleTo(screen)


def test_packages_dialog_replaces_a_lost_package(qtbot, workspace: Workspace,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    from evaluator.package_builders import build_expert_package
    from ui.dialogs.packages_dialog import PackagesDialog

    build_panel(workspace)
    build_expert_package(workspace, 2018, "initial", "李", tmp_path / "lost.evpkg")
    dialog = PackagesDialog(workspace.path, 2018)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "out"))
    dialog.lost_expert.setCurrentIndex(dialog.lost_expert.findData("李"))
    assert not dialog.lost_button.isEnabled()  # no reason given yet
    dialog.lost_reason.setText("U 盘丢失")
    assert dialog.lost_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_building, timeout=20000):
        dialog.lost_button.click()
    outcome = dialog.lost_outcome
    assert outcome is not None
    assert outcome.path is not None, outcome.problems
    assert outcome.path.exists()
    assert outcome.revoked == 1
    assert str(outcome.path) in dialog.summary.toPlainText()
    assert workspace.count("expert_keys", "revoked_reason = 'U 盘丢失'") == 1


def test_reopening_goes_to_the_first_unscored_indicator(qtbot, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Package.open(pkg_path) as pkg:
        first = pkg.alliances()[0]
        pkg.set_scores([(first.id, code, 1.0, None) for code in pkg.rubric.codes])
        second = pkg.alliances()[1]
        pkg.set_scores([(second.id, code, 1.0, None) for code in pkg.rubric.codes[:3]])
        expected = (second.code, pkg.rubric.codes[3])
    widget = ScoringPanel(Package.open(pkg_path))
    qtbot.addWidget(widget)
    assert (widget.alliance.code, widget.code) == expected
    widget.close_package()


def test_ctrl_e_exports_from_the_score_box(qtbot, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.scoring_window import ScoringWindow

    window = ScoringWindow(Package.open(pkg_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    exported: list[bool] = []
    window.panel.export_action.triggered.disconnect()
    window.panel.export_action.triggered.connect(lambda *_a: exported.append(True))
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.panel.score_edit.setFocus()
    qtbot.keyClicks(window.panel.score_edit, "4")
    qtbot.keyClick(window.panel.score_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]
    assert "Ctrl+E" in window.panel.keys_label.text()
    window.close()


def test_closing_with_an_invalid_value_asks(qtbot, pkg_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.scoring_window import ScoringWindow

    window = ScoringWindow(Package.open(pkg_path))
    qtbot.addWidget(window)
    window.show()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClicks(window.panel.score_edit, "9")
    window.close()
    assert window.isVisible()  # Cancel keeps the window and the typed value
    assert window.panel.score_edit.text() == "9"
    window.close()
    assert not window.isVisible()
    assert len(asked) == 2
    assert "9" in asked[0]
    assert stored(pkg_path) == {}


def test_template_import_says_how_many_and_offers_the_export(qtbot, pkg_path: Path,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path, monkeypatch) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from evaluator.scoring import write_score_template
    from ui.scoring_window import ScoringWindow

    window = ScoringWindow(Package.open(pkg_path))
    qtbot.addWidget(window)
    template = write_score_template(window.package, tmp_path / "t.xlsx")
    book = load_workbook(template)
    sheet = book["评分"]
    sheet["C2"] = 3  # the first alliance's 1.1 and 1.2
    sheet["D2"] = 2
    book.save(template)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(template), ""))
    shown: list[str] = []
    exported: list[bool] = []
    monkeypatch.setattr(window.panel, "export", lambda: exported.append(True))

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()  # 导出评分文件…, the default
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    import threading

    import evaluator.scoring

    threads: list[threading.Thread] = []
    original = evaluator.scoring.import_score_template

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(evaluator.scoring, "import_score_template", recorded)
    with qtbot.waitSignal(window.template_imported, timeout=60000) as done:
        assert window.import_template() is not None
        # The check runs in the background: the window takes no second import meanwhile.
        assert window.import_template() is None
    assert done.args == [2]
    assert threads
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: bool(exported))
    assert shown
    assert shown[0].startswith("2 ")
    assert exported == [True]
    assert window.panel.alliances.data(window.panel.alliances.index(0, 2)) == "2/20"
    window.close()


def test_template_refused_or_unreadable_is_a_warning(qtbot, pkg_path: Path,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path, monkeypatch) -> None:
    """A refused template and a problem of the world (a file that cannot be read) are
    warnings naming the file, never the crash dialog; nothing is written."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    import ui.scoring_window
    from evaluator.scoring import write_score_template
    from ui.scoring_window import ScoringWindow

    window = ScoringWindow(Package.open(pkg_path))
    qtbot.addWidget(window)
    template = write_score_template(window.package, tmp_path / "t.xlsx")
    book = load_workbook(template)
    book["评分"]["C2"] = 99  # above 1.1's maximum
    book.save(template)
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(ui.scoring_window, "show_message",
                        lambda parent, kind, title, text: warned.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(template), ""))
    window.import_template()
    qtbot.waitUntil(lambda: bool(warned), timeout=60000)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert "t.xlsx" in warned[0][1]
    assert stored(pkg_path) == {}

    missing = tmp_path / "gone.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(missing), ""))
    window.import_template()
    qtbot.waitUntil(lambda: len(warned) == 2, timeout=60000)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert "gone.xlsx" in warned[1][1]
    assert stored(pkg_path) == {}
    window.close()


def test_help_menu_opens_the_local_guide(qtbot, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.guide_window import GuideWindow, guide_page
    from ui.scoring_window import ScoringWindow

    page = guide_page("zh")
    assert page.exists()
    window = ScoringWindow(Package.open(pkg_path))
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert any("Help" in t or "帮助" in t for t in titles)
    guide = GuideWindow(page)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "专家" in text
    assert guide.browser.source().isLocalFile()
    window.close()


def test_rubric_level_entry(qtbot, panel: ScoringPanel, pkg_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Option: full / partial / zero as buttons and keys 1-3; typing stays the default."""
    assert not panel.level_check.isChecked()
    type_score(qtbot, panel, "1", Qt.Key.Key_Return)  # a typed 1 is one point
    assert stored(pkg_path) == {("101", "1.1"): 1.0}
    panel.level_check.setChecked(True)
    assert panel.levels_box.isVisibleTo(panel)
    assert [b.text()[:1] for b in panel.level_buttons] == ["1", "2", "3"]
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_2)  # partial: half of 5
    assert panel.code == "1.3"
    qtbot.keyClick(panel.score_edit, Qt.Key.Key_1)  # full
    panel.level_buttons[2].click()  # zero, with the mouse
    assert stored(pkg_path) == {("101", "1.1"): 1.0, ("101", "1.2"): 2.5,
                                ("101", "1.3"): 5.0, ("101", "1.4"): 0.0}
    assert panel.code == "1.5"
    panel.level_check.setChecked(False)
