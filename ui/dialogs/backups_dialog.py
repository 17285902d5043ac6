"""File → Backup and restore: the workspace's backups, a backup now, a restore.

The list comes from `evaluator.backups.list_backups` (newest first). A restore is
`evaluator.backups.restore_workspace`, as `evaluator restore` is: the open workspace is
closed, the current state is itself backed up, the backup is put in place, and it is
reopened through `context.set_workspace` so every screen starts again from the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.backups import backup_workspace, describe_backup, list_backups, restore_workspace
from evaluator.errors import EvaluatorError, world_problem
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.models.rows_model import Index, RowsTableModel
from ui.widgets.report_dialog import WARNING, show_message
from ui.window_fit import fit_size
from ui.workers import BackgroundRunner, JobOutcome, TaskState, on_workspace

TIME, REASON, SIZE = range(3)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupListModel(RowsTableModel[dict[str, Any]]):
    """The backups of one workspace, newest first: time, reason, size."""

    HEADERS = (QT_TRANSLATE_NOOP("BackupListModel", "Time"),
               QT_TRANSLATE_NOOP("BackupListModel", "Reason"),
               QT_TRANSLATE_NOOP("BackupListModel", "Size"))
    ROW_NUMBERS = True

    def __init__(self, ws_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws_path = ws_path
        self.reload()

    def reload(self) -> None:
        self.set_rows([] if self.ws_path is None else [
            describe_backup(self.ws_path, p) for p in list_backups(self.ws_path)])

    def path_at(self, row: int) -> Path:
        return Path(self.rows[row]["path"])

    def reason_label(self, reason: str) -> str:
        labels = {
            "manual": self.tr("Manual backup"),
            "before-restore": self.tr("Before a restore"),
            "merge": self.tr("Before a merge"),
            "plenary": self.tr("Before a plenary decision"),
            "publish": self.tr("Before publishing results"),
            "registry-import": self.tr("Before importing the registry"),
            "submissions-import": self.tr("Before importing submissions"),
            "panel-import": self.tr("Before importing the panel"),
            "history-import": self.tr("Before importing past results"),
            "damaged": self.tr("Damaged workspace set aside"),
        }
        return labels.get(reason, reason)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        if role == PATH_ROLE:
            return row["path"]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == TIME:
                return local_time(row["created"]) or row["name"]
            if index.column() == REASON:
                return self.reason_label(row["reason"])
            return size_text(int(row["size"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["path"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsDialog(QDialog):
    """List, make and restore the open workspace's backups."""

    backed_up = Signal(object)  # the new backup's Path, or None when it failed
    restored = Signal(bool)  # the restore's outcome, once the workspace is reopened

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._job_done)
        self._after: Callable[[JobOutcome], None] | None = None
        self.setWindowTitle(self.tr("Backup and restore"))
        self.setMinimumSize(640, 400)
        fit_size(self, 720, 460)
        path = context.path
        self.model = BackupListModel(path, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())

        self.intro = QLabel(self.tr(
            "The product backs the workspace up before every import, merge and plenary "
            "decision. Backups are kept in %1.").replace(
            "%1", str(path.parent / "backups") if path else "-"))
        self.intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (optional), e.g. before the "
                                                    "plenary"))
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.restore_button = QPushButton(self.tr("Restore selected backup…"))
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reason")))
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.backup_button)
        self.empty_label = QLabel(self.tr("This workspace has no backups yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.restored_from: Path | None = None
        self._update_buttons()

    # -- messages (separate so tests can replace the modal boxes) ---------------------------
    def ask_confirmation(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Restore a backup"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_problem(self, text: str) -> None:
        show_message(self, WARNING, self.tr("Not possible"), text)

    # -- actions (jobs on the workspace's executor, ui.workers) ---------------------------
    def backup_now(self) -> bool:
        """Start a backup now; `backed_up` carries its path (None if it failed)."""
        if self.context.workspace is None or self.runner.busy:
            return False
        reason = self.reason_edit.text().strip() or "manual"

        def job(ws: Workspace, _state: TaskState) -> Path:
            path = backup_workspace(ws, reason)
            with ws.transaction():
                ws.audit("backup", "workspace", ws.path.name, None,
                         {"file": path.name, "reason": reason})
            return path

        ws_path = self.context.ws.path
        self._after = self._backed_up
        self.runner.start(on_workspace(ws_path, job), self.tr("Backing up…"),
                          workspace=ws_path, cancellable=False)
        return True

    def _backed_up(self, outcome: JobOutcome) -> None:
        if outcome.error is not None:
            self.show_problem(self._problem_text(outcome))
            self.backed_up.emit(None)
            return
        path: Path = outcome.value
        self.reason_edit.clear()
        self.model.reload()
        self.view.selectRow(0)
        self.context.status_message.emit(self.tr("Backed up to %1").replace("%1", path.name))
        self.backed_up.emit(path)

    @staticmethod
    def _problem_text(outcome: JobOutcome) -> str:
        if isinstance(outcome.error, EvaluatorError):
            return outcome.error.render()
        if isinstance(outcome.error, OSError):
            world = world_problem(outcome.error)
            return EvaluatorError(world).render() if world else str(outcome.error)
        raise outcome.error  # type: ignore[misc]  # a bug: the crash dialog

    def _job_done(self, outcome: JobOutcome) -> None:
        after, self._after = self._after, None
        if after is not None:
            after(outcome)

    def selected_backup(self) -> Path | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.path_at(rows[0].row()) if rows else None

    def restore_selected(self) -> bool:
        """Ask, then start the restore; `restored` says how it ended."""
        backup = self.selected_backup()
        ws_path = self.context.path
        if backup is None or ws_path is None:
            return False
        created = self.model.data(self.model.index(
            self.view.selectionModel().selectedRows()[0].row(), TIME))
        if not self.ask_confirmation(self.tr(
                "Put the backup of %1 in place of the workspace?\n\nThe current state is "
                "backed up first, so this restore can itself be undone from this list.")
                .replace("%1", str(created))):
            return False
        if self.runner.busy:
            return False
        # As `evaluator restore` does: nothing may hold the file open while it is replaced.
        self.context.set_workspace(None)
        self._after = lambda outcome: self._restored(outcome, ws_path, backup, str(created))
        self.runner.start(lambda _state: restore_workspace(ws_path, backup),
                          self.tr("Restoring the backup…"), workspace=ws_path,
                          cancellable=False)
        return True

    def _restored(self, outcome: JobOutcome, ws_path: Path, backup: Path, created: str
                  ) -> None:
        problem = None if outcome.error is None else self._problem_text(outcome)
        try:
            self.context.set_workspace(Workspace.open(ws_path))
        except EvaluatorError as error:
            problem = "\n\n".join(p for p in (problem, error.render()) if p)
        if problem is not None:
            self.show_problem(problem)
            self.model.reload()
            self.restored.emit(False)
            return
        self.restored_from = backup
        self.context.status_message.emit(self.tr(
            "Restored the backup of %1; the state before the restore was backed up.")
            .replace("%1", created))
        self.restored.emit(True)
        self.accept()

    def _update_buttons(self) -> None:
        has_ws = self.context.workspace is not None
        self.backup_button.setEnabled(has_ws)
        self.restore_button.setEnabled(has_ws and self.selected_backup() is not None)
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def exec(self) -> int:
        if self.model.rowCount():
            self.view.selectRow(0)
        return super().exec()
