"""Long work off the UI thread, the way Anki runs it: one job at a time per window, in a
QThread, with a modal QProgressDialog and Cancel; the outcome comes back to the UI thread
by signal.

A job is a plain function `job(progress)` that opens its own `Workspace` by path (the
SQLite connection belongs to the thread that opened it), reports through the core's
`Progress` protocol (the worker is that progress) and never touches a widget.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from evaluator.errors import EvaluatorError, world_problem


@dataclass
class JobOutcome:
    value: Any = None  # what the job returned
    error: BaseException | None = None  # what it raised instead
    details: str = ""  # the traceback of `error`
    cancelled: bool = False  # Cancel was pressed while it ran


class JobWorker(QObject):
    """Runs the job in its thread; it is also the core's `Progress`."""

    progressed = Signal(int, int, str)
    done = Signal(object)  # JobOutcome

    def __init__(self, job: Callable[[JobWorker], Any]) -> None:
        super().__init__()
        self.job = job
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        self.progressed.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            outcome = JobOutcome(self.job(self))
        except BaseException as exc:  # shown by the owner on the UI thread
            # A problem of the world (disk full, a file open in Excel, a read-only
            # folder) is a message like any refused input, not a crash.
            problem = world_problem(exc)
            error = EvaluatorError(problem) if problem is not None else exc
            outcome = JobOutcome(error=error, details=traceback.format_exc())
        outcome.cancelled = self.cancelled()
        self.done.emit(outcome)


class BackgroundRunner(QObject):
    """Runs one job at a time for `owner`, under a progress dialog with Cancel; a second
    `start` while a job runs is refused. `finished` carries the JobOutcome once the thread
    has stopped and the dialog is gone."""

    finished = Signal(object)  # JobOutcome

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        self._thread: QThread | None = None
        self._worker: JobWorker | None = None
        self._dialog: QProgressDialog | None = None
        self._label: Callable[[str], str] | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, job: Callable[[JobWorker], Any], label: str, title: str = "",
              label_for: Callable[[str], str] | None = None) -> JobWorker | None:
        """Run `job` in the background; `label_for(message)` relabels the dialog on each
        progress report (default: `label` stays)."""
        if self.busy:
            return None
        self._dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.owner)
        if title:
            self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._label = label_for
        self._worker = JobWorker(job)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._dialog.canceled.connect(self._worker.cancel)
        self._thread.start()
        return self._worker

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def stop(self) -> None:
        """Cancel the job and wait for its thread (the owner is closing)."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        # setValue on a modal progress dialog processes events, so _on_done may run
        # inside it and clear self._dialog: work on a local reference.
        dialog = self._dialog
        if dialog is None:
            return
        if self._label is not None:
            dialog.setLabelText(self._label(message))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _on_done(self, outcome: JobOutcome) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        self._thread, self._worker, self._dialog = None, None, None
        self.finished.emit(outcome)
