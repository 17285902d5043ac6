"""What every screen is given: the open workspace, the year, and change signals.

Screen contract: a module `ui/screens/<name>.py` defines `class Screen(QWidget)` with
`__init__(self, context: AppContext, parent: QWidget | None = None)`, a `title()` returning
the translated navigation label, and `refresh()` which re-reads the workspace. Screens
emit `context.data_changed` after they change the workspace so the others refresh.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from evaluator.workspace import Workspace


class AppContext(QObject):
    workspace_changed = Signal()  # another workspace was opened
    data_changed = Signal(str)  # what changed: "submissions", "panel", "scores", ...
    status_message = Signal(str)

    def __init__(self, workspace: Workspace | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = workspace
        self.year: int | None = workspace.current_year() if workspace else None
        if workspace is not None:
            workspace.on_wait = self._waiting_for_another_program

    @property
    def ws(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("no workspace open")
        return self.workspace

    @property
    def path(self) -> Path | None:
        return self.workspace.path if self.workspace else None

    def set_workspace(self, workspace: Workspace | None) -> None:
        old = self.workspace
        self.workspace = workspace
        if workspace is not None:
            workspace.on_wait = self._waiting_for_another_program
        self.year = workspace.current_year() if workspace else None
        if old is not None and old is not workspace:
            old.close()
        self.workspace_changed.emit()

    def _waiting_for_another_program(self, path: Path) -> None:
        """A write of the UI thread waits for another program's write: say so (the wait
        blocks the event loop, so paint now; user input stays queued)."""
        from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
        from PySide6.QtGui import QGuiApplication

        self.status_message.emit(self.tr(
            "%1 is being written by another program; waiting for it…").replace(
            "%1", path.name))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QTimer.singleShot(0, QGuiApplication.restoreOverrideCursor)  # once the wait is over
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
