"""Generate the expert packages of a round into a folder, off the UI thread, with Cancel.

The worker opens its own Workspace by path (a SQLite connection belongs to its thread)
and reports through the core's `Progress` protocol; results come back by signal.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError, Problem


@dataclass
class PackagesOutcome:
    ok: bool
    written: list[str] = field(default_factory=list)  # expert names
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False


def run_build(workspace_path: Path, year: int, round_: str, out_dir: Path,
              progress: PackagesWorker) -> PackagesOutcome:
    from evaluator.packages import build_all_packages
    from evaluator.progress import Cancelled
    from evaluator.workspace import Workspace

    try:
        with Workspace.open(workspace_path) as ws:
            result = build_all_packages(ws, year, round_, out_dir, progress)
        return PackagesOutcome(True, [b.expert for b in result.built], result.skipped)
    except Cancelled:
        return PackagesOutcome(False, cancelled=True)
    except EvaluatorError as error:
        return PackagesOutcome(False, problems=error.problems)
    except Exception as exc:  # a bug: log it, show it, keep the app running
        from evaluator.logs import log_path, write_traceback

        path = write_traceback(traceback.format_exc())
        return PackagesOutcome(False, problems=[Problem(
            "cli.bug", {"log": str(path or log_path()), "error": repr(exc)})])


class PackagesWorker(QObject):
    """Runs `run_build` in its thread; it is also the core's `Progress`."""

    progressed = Signal(int, int, str)
    done = Signal(object)

    def __init__(self, workspace_path: Path, year: int, round_: str, out_dir: Path) -> None:
        super().__init__()
        self.workspace_path, self.year, self.round, self.out_dir = (
            workspace_path, year, round_, out_dir)
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        self.progressed.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        self.done.emit(run_build(self.workspace_path, self.year, self.round, self.out_dir,
                                 self))


class PackagesDialog(QDialog):
    """Pick the round and a folder; one package per expert with assignments."""

    finished_building = Signal(object)  # PackagesOutcome

    def __init__(self, workspace_path: Path, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expert packages"))
        self.workspace_path = Path(workspace_path)
        self.year = year
        self.round_combo = QComboBox()
        self.round_combo.addItem(self.tr("Initial round (分组初评)"), "initial")
        self.round_combo.addItem(self.tr("Cross-group review (交叉复评)"), "review")
        self.folder_edit = QLineEdit(str(self.workspace_path.parent / f"packages_{year}"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Round:"), self.round_combo)
        form.addRow(self.tr("Folder:"), folder_row)
        note = QLabel(self.tr(
            "One package per expert holds only that expert's assigned alliances, their "
            "submissions, the indicator system and the expert's signing key. Hand each "
            "expert his or her own file only."))
        note.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.summary, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._thread: QThread | None = None
        self._worker: PackagesWorker | None = None
        self._progress: QProgressDialog | None = None
        self.outcome: PackagesOutcome | None = None

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"),
                                                self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    @Slot()
    def start(self) -> None:
        if self._thread is not None or not self.folder_edit.text().strip():
            return
        self.generate_button.setEnabled(False)
        self.summary.clear()
        self._progress = QProgressDialog(self.tr("Writing packages…"), self.tr("Cancel"),
                                         0, 0, self)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._worker = PackagesWorker(self.workspace_path, self.year,
                                      self.round_combo.currentData(),
                                      Path(self.folder_edit.text().strip()))
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._progress.canceled.connect(self._worker.cancel)
        self._thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        progress = self._progress
        if progress is not None:
            # setValue on a modal dialog processes events: `_on_done` may run inside it.
            progress.setLabelText(self.tr("Writing packages… %1").replace("%1", message))
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _on_done(self, outcome: PackagesOutcome) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.generate_button.setEnabled(True)
        self.outcome = outcome
        if outcome.ok:
            lines = [self.tr("%1 packages written to %2.").replace(
                "%1", str(len(outcome.written))).replace("%2", self.folder_edit.text())]
            lines.append("、".join(outcome.written))
            if outcome.skipped:
                lines.append(self.tr("No assignment in this round: %1").replace(
                    "%1", "、".join(outcome.skipped)))
        elif outcome.cancelled:
            lines = [self.tr("Cancelled. Packages already written stay in the folder.")]
        else:
            lines = [EvaluatorError(outcome.problems).render()]
        self.summary.setPlainText("\n".join(lines))
        self.finished_building.emit(outcome)

    def reject(self) -> None:
        if self._thread is not None:
            self.cancel()
            return
        super().reject()
