"""The demo workspace (the 2018 report's annexes): where it lives and building it as a
background job with a progress dialog, at first start or from 文件 → 打开演示工作区."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from evaluator import user_dirs
from ui.workers import BackgroundRunner, TaskState


def demo_workspace_path() -> Path:
    return user_dirs.demo_workspace_path()


def build_demo_with_progress(path: Path, parent: QWidget | None = None) -> bool:
    """Build the demo at `path` as a background job (it opens its own connection), with a
    progress dialog; False if cancelled."""
    def job(state: TaskState) -> None:
        from evaluator.demo import build_demo  # loaded only when a demo is built

        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path, progress=state)

    runner = BackgroundRunner(parent)
    loop = QEventLoop()
    runner.finished.connect(loop.quit)
    task = runner.start(job, QApplication.translate("MainWindow", "Building the demo workspace…"),
                        title=QApplication.translate("MainWindow", "Demo workspace"),
                        workspace=path, minimum_duration=500)
    assert task is not None
    if not task.done:
        loop.exec()
    # The application may be quitting (every event loop returns): the build still ends
    # before this returns, and its dialog goes with it.
    task.wait()
    QApplication.sendPostedEvents(runner)
    runner.deleteLater()
    outcome = task.outcome
    assert outcome is not None
    if outcome.error is not None:
        if outcome.cancelled:
            return False
        raise outcome.error
    return True
