"""ui.workers: one job at a time off the UI thread, outcome and Cancel back by signal."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget

from evaluator.errors import EvaluatorError, Problem
from evaluator.progress import Cancelled, check
from ui.workers import BackgroundRunner, JobOutcome


def _runner(qtbot: Any) -> BackgroundRunner:
    owner = QWidget()
    qtbot.addWidget(owner)
    return BackgroundRunner(owner)


def test_the_value_comes_back_from_another_thread(qtbot: Any) -> None:
    runner = _runner(qtbot)
    ui_thread = threading.get_ident()

    def job(progress: Any) -> int:
        progress.report(1, 2, "half")
        return threading.get_ident()

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        assert runner.start(job, "…") is not None
        assert runner.start(job, "…") is None  # refused while busy
    outcome: JobOutcome = blocker.args[0]
    assert outcome.error is None
    assert not outcome.cancelled
    assert outcome.value != ui_thread
    assert not runner.busy


def test_cancel_reaches_the_job_and_errors_come_back(qtbot: Any) -> None:
    runner = _runner(qtbot)
    started = threading.Event()

    def job(progress: Any) -> None:
        started.set()
        while True:
            check(progress)

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.start(job, "…")
        assert started.wait(5)
        runner.cancel()
    outcome: JobOutcome = blocker.args[0]
    assert outcome.cancelled
    assert isinstance(outcome.error, Cancelled)

    def failing(progress: Any) -> None:
        raise EvaluatorError(Problem("progress.cancelled"))

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.start(failing, "…")
    assert isinstance(blocker.args[0].error, EvaluatorError)
    assert "failing" in blocker.args[0].details


def test_an_os_error_in_a_job_comes_back_as_a_problem(qtbot: Any) -> None:
    import errno

    from PySide6.QtWidgets import QWidget

    from evaluator.errors import EvaluatorError
    from ui.workers import BackgroundRunner

    owner = QWidget()
    qtbot.addWidget(owner)
    runner = BackgroundRunner(owner)

    def job(_progress: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/office/结果.xlsx")

    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.start(job, "writing")
    outcome = blocker.args[0]
    assert isinstance(outcome.error, EvaluatorError)
    assert outcome.error.problems[0].code == "os.permission"
    assert "/office/结果.xlsx" in outcome.error.render("zh")


def test_jobs_on_one_workspace_run_one_at_a_time_in_order(qtbot: Any, tmp_path: Any) -> None:
    import time

    first, second = _runner(qtbot), _runner(qtbot)
    running = threading.Semaphore(1)
    order: list[str] = []

    def job(name: str) -> Any:
        def run(progress: Any) -> str:
            assert running.acquire(blocking=False), "two jobs on one workspace at once"
            try:
                order.append(name)
                time.sleep(0.05)
                progress.set_status(name)
                return name
            finally:
                running.release()
        return run

    workspace = tmp_path / "office.evdb"
    with qtbot.waitSignals([first.finished, second.finished], timeout=10_000):
        assert first.start(job("first"), "…", workspace=workspace) is not None
        assert second.start(job("second"), "…", workspace=workspace) is not None
    assert order == ["first", "second"]


def test_a_job_sees_the_orange_task_state_and_the_core_progress(qtbot: Any) -> None:
    runner = _runner(qtbot)
    seen: list[float] = []
    connected = threading.Event()

    def job(state: Any) -> bool:
        assert connected.wait(5)
        state.set_progress_value(50)
        state.report(3, 4, "three of four")
        return state.is_interruption_requested() or state.cancelled()

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        task = runner.start(job, "…")
        assert task is not None
        task.progress_changed.connect(seen.append)
        connected.set()
    assert blocker.args[0].value is False
    qtbot.waitUntil(lambda: seen == [50.0, 75.0], timeout=5000)


def test_a_job_outlives_its_closed_window_without_harm(qtbot: Any, tmp_path: Any) -> None:
    from ui.workers import executor_for

    owner = QWidget()
    runner = BackgroundRunner(owner)
    release = threading.Event()
    ran: list[bool] = []

    def job(_state: Any) -> None:
        assert release.wait(5)
        ran.append(True)

    workspace = tmp_path / "office.evdb"
    assert runner.start(job, "…", workspace=workspace) is not None
    owner.deleteLater()  # the window closes while its job runs
    qtbot.waitUntil(lambda: not _alive(runner), timeout=5000)
    release.set()
    executor = executor_for(workspace)
    qtbot.waitUntil(lambda: executor.idle and not executor._threads, timeout=5000)
    assert ran == [True]


def _alive(obj: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
