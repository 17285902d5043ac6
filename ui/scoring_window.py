"""The expert's own window: one expert package (.evpkg) opened for scoring.

`open_package_window(path)` opens the package and shows the window (it is kept alive
here until it is closed); `evaluator open FILE.evpkg` and the main window use it. A group
package (kind 'group') opens the group leader's window instead (ui/group_window.py).
A filled template is checked and imported on the package's executor (ui.workers), on a
connection of its own; the window's connection stays with the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package
from evaluator.packages import package_kind
from ui.settings_store import app_settings
from ui.widgets.report_dialog import WARNING, show_message
from ui.widgets.scoring_panel import ScoringPanel
from ui.window_fit import fit_to_screen, keep_on_screen
from ui.workers import BackgroundRunner, JobOutcome, TaskState

GEOMETRY_KEY = "scoring_window/v2/geometry"
_open_windows: list[ScoringWindow] = []


class ScoringWindow(QMainWindow):
    template_imported = Signal(int)  # how many scores came in, once the panel shows them

    def __init__(self, package: Package, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._template_done)
        self.panel = ScoringPanel(package, self)
        self.setCentralWidget(self.panel)
        self.setWindowTitle(self.tr("Scoring — %1 — %2").replace("%1", package.expert).replace(
            "%2", package.path.name))
        menu = self.menuBar().addMenu(self.tr("&File"))
        # The panel's own action: Ctrl+E works whichever of its fields has the focus.
        menu.addAction(self.panel.export_action)
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
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("User &guide"), self)
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        # The panel's own status line says when the last score was saved; no status bar
        # below it takes the height the twenty indicators need on a small screen.
        geometry = app_settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            keep_on_screen(self)
        else:
            fit_to_screen(self, 1280, 760)

    def open_guide(self) -> None:
        from ui.guide_window import open_guide

        open_guide(self)

    def write_template(self) -> None:
        from evaluator.scoring import write_score_template

        start = self.package.path.with_name(self.package.path.stem + "_评分模板.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Excel template"), str(start),
                                              self.tr("Workbooks (*.xlsx)"))
        if name:
            write_score_template(self.package, Path(name))

    def import_template(self) -> TaskState | None:
        """Check and import a filled template in the background: its first read in a
        child process (a reader crash costs the file), then the import on the job's own
        connection to the package; `template_imported` says when the panel shows it."""
        if self.runner.busy:
            return None
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Filled template"),
                                              str(self.package.path.parent),
                                              self.tr("Workbooks (*.xlsx)"))
        if not name:
            return None
        template, package = Path(name), self.package.path

        def job(state: TaskState) -> int:
            from evaluator.isolation import probe_score_template, require_first_read
            from evaluator.scoring import import_score_template

            require_first_read([template], probe_score_template, progress=state)
            with Package.open(package) as own:
                return import_score_template(own, template).scores

        return self.runner.start(job, self.tr("Checking the filled template…"),
                                 title=self.tr("Import a filled template"), workspace=package)

    def _template_done(self, outcome: JobOutcome) -> None:
        problem = outcome.problem()
        if outcome.cancelled and problem is not None:
            return  # stopped before it wrote: nothing changed
        if problem is not None:
            show_message(self, WARNING, self.tr("Not imported; nothing was changed"),
                         problem.render())
            return
        self.panel.refresh_after_import()
        self.template_imported.emit(outcome.value)
        self.offer_export(outcome.value)

    def offer_export(self, imported: int) -> bool:
        """After a template import: how many scores came in, and the next step (the signed
        score file is what the group leader or the secretariat takes). True if exported."""
        progress = self.package.progress()
        done = sum(d for d, _t in progress.values())
        total = sum(t for _d, t in progress.values())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Imported"), self.tr(
            "%1 scores came in from the template; %2 of %3 indicators are now scored. "
            "Now export your signed score file and send it.").replace(
            "%1", str(imported)).replace("%2", str(done)).replace("%3", str(total)),
            QMessageBox.StandardButton.NoButton, self)
        export = box.addButton(self.tr("Export score file…"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(export)
        box.exec()
        if box.clickedButton() is export:
            self.panel.export()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        problem = self.panel.unsaved_problem()
        if problem is not None:
            answer = QMessageBox.question(
                self, self.tr("Score not saved"),
                problem + "\n\n" + self.tr("Close without saving this value?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                self.panel.score_edit.setFocus()
                self.panel.score_edit.selectAll()
                return
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.runner.stop()  # a template import in progress ends before the package closes
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
        show_message(parent, WARNING, QMainWindow.tr("Cannot open the package"),
                     error.render())
        return None
    window = ScoringWindow(package)
    _open_windows.append(window)
    window.show()
    return window
