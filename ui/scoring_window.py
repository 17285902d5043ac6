"""The expert's own window: one expert package (.evpkg) opened for scoring.

`open_package_window(path)` opens the package and shows the window (it is kept alive
here until it is closed); `evaluator open FILE.evpkg` and the main window use it. A group
package (kind 'group') opens the group leader's window instead (ui/group_window.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from evaluator.errors import EvaluatorError
from evaluator.packages import Package, package_kind
from ui.qt import app_settings
from ui.screens.scoring import ScoringPanel

GEOMETRY_KEY = "scoring_window/v1/geometry"
_open_windows: list[ScoringWindow] = []


class ScoringWindow(QMainWindow):
    def __init__(self, package: Package, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.panel = ScoringPanel(package, self)
        self.setCentralWidget(self.panel)
        self.setWindowTitle(self.tr("Scoring — %1 — %2").replace("%1", package.expert).replace(
            "%2", package.path.name))
        self.panel.saved.connect(self._on_saved)
        menu = self.menuBar().addMenu(self.tr("&File"))
        export = QAction(self.tr("&Export score file…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.panel.export)
        menu.addAction(export)
        template = QAction(self.tr("Write an Excel &template…"), self)
        template.triggered.connect(self.write_template)
        menu.addAction(template)
        import_action = QAction(self.tr("&Import a filled template…"), self)
        import_action.triggered.connect(self.import_template)
        menu.addAction(import_action)
        menu.addSeparator()
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)
        # Edit → Undo/Redo show what they undo; the panel's own Ctrl+Z handling (in the
        # score field) goes to the same stack.
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.panel.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.statusBar().showMessage(self.tr("Every score is saved as soon as it is entered."))
        geometry = app_settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def _on_saved(self, saved_at: str) -> None:
        from ui.screens.scoring import saved_clock

        self.statusBar().showMessage(self.tr("Saved at %1").replace("%1", saved_clock(saved_at)))

    def write_template(self) -> None:
        from evaluator.scoring import write_score_template

        start = self.package.path.with_name(self.package.path.stem + "_评分模板.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Excel template"), str(start),
                                              self.tr("Workbooks (*.xlsx)"))
        if name:
            write_score_template(self.package, Path(name))

    def import_template(self) -> None:
        from evaluator.isolation import probe_score_template, require_first_read
        from evaluator.scoring import import_score_template

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Filled template"),
                                              str(self.package.path.parent),
                                              self.tr("Workbooks (*.xlsx)"))
        if not name:
            return
        try:
            require_first_read([Path(name)], probe_score_template)  # a reader crash costs the file
            result = import_score_template(self.package, Path(name))
        except EvaluatorError as error:
            QMessageBox.warning(self, self.tr("Not imported; nothing was changed"),
                                error.render())
            return
        current = self.panel.alliance.id if self.panel.alliances.rowCount() else None
        self.panel.alliances.refresh_progress(current or 0)
        if current is not None:
            self.panel.indicators.refresh_scores()
            self.panel.show_cell(current, self.panel.code)
        QMessageBox.information(self, self.tr("Imported"), self.tr(
            "%1 scores imported.").replace("%1", str(result.scores)))

    def closeEvent(self, event: QCloseEvent) -> None:
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.panel.close_package()
        if self in _open_windows:
            _open_windows.remove(self)
        super().closeEvent(event)


def open_package_window(path: Path | str, parent: QWidget | None = None) -> QMainWindow | None:
    """Open `path` and show its window: the scoring window for an expert package, the
    group leader's window (ui.group_window) for a group package; a message box (and None)
    if it cannot be opened."""
    try:
        if package_kind(path) == "group":
            from ui.group_window import open_group_window

            return open_group_window(path, parent)
        package = Package.open(Path(path))
    except EvaluatorError as error:
        QMessageBox.warning(parent, QMainWindow.tr("Cannot open the package"), error.render())
        return None
    window = ScoringWindow(package)
    _open_windows.append(window)
    window.show()
    return window
