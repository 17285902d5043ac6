"""The GUI's one way to run long work off the UI thread.

- `WorkspaceExecutor`, like Anki's collection executor: jobs on the same workspace run one
  after the other, in submission order, on a worker thread; different workspaces (a
  group package, the demo being built) have their own executor. The thread lives while
  jobs are queued and stops when the queue is empty, so nothing outlives the windows.
- `TaskState`, Orange3's shape: what a running job sees (`set_status`,
  `set_progress_value`, `is_interruption_requested`) and what its owner sees (signals
  `status_changed`, `progress_changed`, `finished`; `request_interruption`). It is also
  the core's `Progress` (`report`, `cancelled`), so core functions take it as is.
- `BackgroundRunner`: a window's or dialog's handle on the executor: one job of its own at
  a time, under a window-modal progress dialog with Cancel; `finished` carries the
  `JobOutcome` on the UI thread.

A job is a plain function `job(state)` that never touches a widget. The SQLite rule
(docs/architecture.md): a job on a workspace opens its *own* `Workspace` by path in the
worker thread and closes it before it returns (`on_workspace` does both); the UI's
connection stays with the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from evaluator.errors import EvaluatorError, world_problem
from evaluator.progress import Progress
from evaluator.workspace import Workspace


@dataclass
class JobOutcome:
    value: Any = None  # what the job returned
    error: BaseException | None = None  # what it raised instead
    details: str = ""  # the traceback of `error`
    cancelled: bool = False  # Cancel was pressed while it ran

    def problem(self) -> EvaluatorError | None:
        """What the owner tells the user in a warning when the job was refused, cancelled
        or met a problem of the world (`TaskState.run` made those EvaluatorErrors); None
        when it succeeded. A bug is raised again, for the crash dialog."""
        if self.error is None or isinstance(self.error, EvaluatorError):
            return self.error
        raise self.error


class TaskState(QObject):
    """One job's state, shared by the worker thread (which reports) and the UI thread
    (which shows and may ask it to stop). Signals emitted in the worker reach slots of
    UI objects queued, on the UI thread."""

    status_changed = Signal(str)
    progress_changed = Signal(float)  # percent, 0-100
    progressed = Signal(int, int, str)  # the core's report(done, total, message)
    finished = Signal(object)  # JobOutcome

    def __init__(self, job: Callable[[TaskState], Any]) -> None:
        super().__init__()
        self.job = job
        self._interrupt = threading.Event()
        self._done = threading.Event()
        self.outcome: JobOutcome | None = None  # set in the worker before `finished`

    # -- the job's side (worker thread) ----------------------------------------------
    def set_status(self, text: str) -> None:
        self.status_changed.emit(text)

    def set_progress_value(self, percent: float) -> None:
        self.progress_changed.emit(float(percent))

    def is_interruption_requested(self) -> bool:
        return self._interrupt.is_set()

    # The core's Progress protocol.
    def report(self, done: int, total: int, message: str = "") -> None:
        self.progressed.emit(done, total, message)
        self.progress_changed.emit(100.0 * done / total if total else 0.0)
        if message:
            self.status_changed.emit(message)

    def cancelled(self) -> bool:
        return self.is_interruption_requested()

    # -- the owner's side (UI thread) --------------------------------------------------
    def request_interruption(self) -> None:
        self._interrupt.set()

    cancel = request_interruption

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has run."""
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    # -- the executor's side -----------------------------------------------------------
    def run(self) -> None:
        try:
            outcome = JobOutcome(self.job(self))
        except BaseException as exc:  # shown by the owner on the UI thread
            # A problem of the world (disk full, a file open in Excel, a read-only
            # folder) is a message like any refused input, not a crash.
            problem = world_problem(exc)
            error = EvaluatorError(problem) if problem is not None else exc
            outcome = JobOutcome(error=error, details=traceback.format_exc())
        outcome.cancelled = self.is_interruption_requested()
        self.outcome = outcome
        self._done.set()
        self.finished.emit(outcome)


class _Drain(QThread):
    """Runs the executor's queue until it is empty, then stops."""

    def __init__(self, executor: WorkspaceExecutor) -> None:
        super().__init__()
        self.executor = executor

    def run(self) -> None:
        while True:
            task = self.executor._next()
            if task is None:
                return
            task.run()
            self.executor._ran(task)
            del task  # the executor keeps it until the UI thread lets go


class WorkspaceExecutor(QObject):
    """Jobs on one workspace, one at a time, in order, off the UI thread."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self._lock = threading.Lock()
        self._queue: deque[TaskState] = deque()
        self._running = False
        self._threads: list[_Drain] = []
        # Jobs that have run, kept until the UI thread lets go of them: a QObject's last
        # reference must not be dropped in the worker (its owner may be gone already).
        self._finished: list[TaskState] = []

    def submit(self, task: TaskState) -> None:
        with self._lock:
            self._queue.append(task)
            if self._running:
                return
            self._running = True
        thread = _Drain(self)
        thread.finished.connect(self._reap, Qt.ConnectionType.QueuedConnection)
        self._threads.append(thread)
        thread.start()

    def _next(self) -> TaskState | None:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
            self._running = False
            return None

    def _ran(self, task: TaskState) -> None:
        with self._lock:
            self._finished.append(task)

    @Slot()
    def _reap(self) -> None:
        """Let go of drained threads and their jobs (on the UI thread, once they ended)."""
        for thread in [t for t in self._threads if t.isFinished()]:
            thread.wait()
            self._threads.remove(thread)
        with self._lock:
            if not self._running:  # no worker holds a job any more
                self._finished.clear()

    @property
    def idle(self) -> bool:
        with self._lock:
            return not self._running and not self._queue

    def wait(self) -> None:
        """Block until every queued job has run (the application is quitting)."""
        for thread in list(self._threads):
            thread.wait()


_executors: dict[str, WorkspaceExecutor] = {}


def executor_for(workspace: Path | str | None) -> WorkspaceExecutor:
    """The executor of `workspace` (any file a job works on); None: work on no file."""
    key = "" if workspace is None else str(Path(workspace).absolute())
    executor = _executors.get(key)
    if executor is None:
        executor = _executors[key] = WorkspaceExecutor(key)
    return executor


def wait_for_all_jobs() -> None:
    for executor in list(_executors.values()):
        executor.wait()


def on_workspace(path: Path, job: Callable[[Workspace, Progress], Any]
                 ) -> Callable[[TaskState], Any]:
    """A job that runs `job(ws, state)` on its own connection to the workspace at `path`,
    opened in the worker thread and closed before it returns (the SQLite rule)."""
    def run(state: TaskState) -> Any:
        with Workspace.open(path) as own:
            return job(own, state)

    return run


class BackgroundRunner(QObject):
    """A window's or dialog's jobs: one at a time, under a progress dialog with Cancel; a
    second `start` while its job is queued or runs is refused. `finished` carries the
    JobOutcome on the UI thread, once the dialog is gone."""

    finished = Signal(object)  # JobOutcome

    def __init__(self, owner: QWidget | None) -> None:
        super().__init__(owner)
        self.owner = owner
        self._task: TaskState | None = None
        self._dialog: QProgressDialog | None = None
        self._label: Callable[[str], str] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, job: Callable[[TaskState], Any], label: str, title: str = "",
              label_for: Callable[[str], str] | None = None,
              workspace: Path | str | None = None,
              minimum_duration: int = 300, cancellable: bool = True) -> TaskState | None:
        """Queue `job` on the executor of `workspace`; `label_for(message)` relabels the
        dialog on each progress report (default: `label` stays). A job that cannot stop
        half-way (a restore) is not `cancellable`: its dialog has no Cancel."""
        if self.busy:
            return None
        self._dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.owner)
        if title:
            self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal if self.owner is not None
                                       else Qt.WindowModality.ApplicationModal)
        self._dialog.setMinimumDuration(minimum_duration)
        if not cancellable:
            self._dialog.setCancelButton(None)
        self._label = label_for
        task = self._task = TaskState(job)
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._on_done)
        self._dialog.canceled.connect(self.cancel)
        executor_for(workspace).submit(task)
        return task

    def cancel(self) -> None:
        """Ask the job to stop; a job still queued runs, sees it at its first check and
        ends as it does when cancelled (every job's outcome comes from the job)."""
        if self._task is not None:
            self._task.request_interruption()

    def stop(self) -> None:
        """Cancel the job and wait until it has stopped (the owner is closing)."""
        task = self._task
        if task is not None:
            self.cancel()
            task.wait()

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
        if self._task is not None:
            self._task.deleteLater()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
        self._task, self._dialog = None, None
        self.finished.emit(outcome)
