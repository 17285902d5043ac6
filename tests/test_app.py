"""Starting the app: cold start on a workspace, the demo on first run, .evpkg, the
self-test, and the error dialog for an exception raised in a slot."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from evaluator import messages
from evaluator.workspace import Workspace
from ui.i18n import remove_translators


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):  # type: ignore[no-untyped-def]
    """run_app installs the Chinese translators; later tests expect the source strings."""
    yield
    remove_translators(qapp)
    messages.set_language(None)


def _close_soon(seen: list[dict[str, object]]) -> None:
    """Record the visible top-level windows once the event loop runs, then quit."""
    from ui.main_window import MainWindow

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append({"title": widget.windowTitle(), "stages": widget.stage_names,
                             "path": widget.context.path})
                widget.close()
        QApplication.quit()

    QTimer.singleShot(0, look)


def test_cold_start_shows_the_window_on_a_workspace(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import run_app
    from ui.recent import last_workspace

    path = tmp_path / "office.evdb"
    Workspace.create(path, year=2018).close()
    seen: list[dict[str, object]] = []
    hook_before = sys.excepthook
    _close_soon(seen)
    assert run_app(path) == 0
    assert sys.excepthook is hook_before  # the app's hook is removed on exit
    assert len(seen) == 1
    assert "office.evdb" in str(seen[0]["title"])
    assert "2018" in str(seen[0]["title"])
    assert seen[0]["stages"][0] == "overview"  # type: ignore[index]
    assert last_workspace() == path.resolve()


def test_start_without_argument_reopens_the_last_workspace(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import run_app
    from ui.recent import remember_workspace

    path = tmp_path / "last.evdb"
    Workspace.create(path, year=2017).close()
    remember_workspace(path)
    seen: list[dict[str, object]] = []
    _close_soon(seen)
    assert run_app(None) == 0
    assert seen[0]["path"] == path.resolve()


def test_first_run_builds_and_opens_the_demo(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.app import run_app
    from ui.main_window import demo_workspace_path

    assert not demo_workspace_path().exists()
    seen: list[dict[str, object]] = []
    _close_soon(seen)
    assert run_app(None) == 0
    assert demo_workspace_path().exists()
    assert seen[0]["path"] == demo_workspace_path()
    with Workspace.open(demo_workspace_path()) as ws:
        assert ws.count("alliances") == 99


def test_package_argument_opens_the_scoring_window(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import run_app

    opened: list[Path] = []
    fake = types.ModuleType("ui.scoring_window")
    fake.open_package_window = lambda path: opened.append(path)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.scoring_window", fake)
    QTimer.singleShot(0, QApplication.quit)
    package = tmp_path / "expert.evpkg"
    assert run_app(package) == 0
    assert opened == [package]


def test_self_test_passes(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from ui.app import run_app

    assert run_app(None, self_test=True) == 0
    out = capsys.readouterr().out
    assert "screen overview: ok" in out
    assert "self-test: passed" in out


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_the_error_dialog_and_logs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os

    from ui.error_dialog import current_error_dialog, install_exception_hook

    def broken_slot() -> None:
        raise RuntimeError("the planted failure")

    restore = install_exception_hook(qt_messages=False)
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: current_error_dialog() is not None)
        dialog = current_error_dialog()
        assert dialog is not None
        assert "the planted failure" in dialog.summary.text()
        assert "broken_slot" in dialog.details.toPlainText()
        log = Path(os.environ["EVALUATOR_LOG_DIR"]) / "evaluator.log"
        assert str(log) in dialog.log_label.text()
        assert "the planted failure" in log.read_text(encoding="utf-8")
        dialog.copy_button.click()
        assert "the planted failure" in QGuiApplication.clipboard().text()
        dialog.close()
    finally:
        restore()


@pytest.mark.qt_no_exception_capture
def test_refused_input_reads_as_a_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    from evaluator.errors import Problem, WorkspaceError
    from ui.error_dialog import current_error_dialog, install_exception_hook

    def refusing_slot() -> None:
        raise WorkspaceError(Problem("workspace.missing", {"path": "/nowhere.evdb"}))

    restore = install_exception_hook(qt_messages=False)
    try:
        QTimer.singleShot(0, refusing_slot)
        qtbot.waitUntil(lambda: current_error_dialog() is not None)
        dialog = current_error_dialog()
        assert "/nowhere.evdb" in dialog.summary.text()
        assert "WorkspaceError" not in dialog.summary.text()
        dialog.close()
    finally:
        restore()


def test_demo_copy_opens_in_the_window(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.context import AppContext
    from ui.main_window import MainWindow

    copy = tmp_path / "demo.evdb"
    shutil.copy(demo_path, copy)
    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    assert window.open_workspace(copy)
    for name in window.stage_names:
        window.show_stage(name)
        assert name in window.screens
        assert name not in window.load_errors, window.load_errors.get(name)
    window.context.set_workspace(None)


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_reads_as_a_message_not_a_crash(qtbot) -> None:  # type: ignore[no-untyped-def]
    import errno

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.error_dialog import current_error_dialog, install_exception_hook

    def writing_slot() -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/结果.xlsx")

    restore = install_exception_hook(qt_messages=False)
    try:
        QTimer.singleShot(0, writing_slot)

        def warning() -> QMessageBox | None:
            return next((w for w in QApplication.topLevelWidgets()
                         if isinstance(w, QMessageBox) and w.isVisible()), None)

        qtbot.waitUntil(lambda: warning() is not None)
        box = warning()
        assert box is not None
        assert "/media/usb/结果.xlsx" in box.text()
        assert "磁盘已满" in box.text() or "disk is full" in box.text()
        assert current_error_dialog() is None
        box.close()
    finally:
        restore()
