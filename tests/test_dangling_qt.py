"""The guard that fails a test leaving Qt work behind does see such work."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThread, QTimer

from tests.conftest import dangling_qt_work


class _Sleeper(QThread):
    def __init__(self) -> None:
        super().__init__()
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            self.msleep(5)


def test_a_running_thread_and_a_ticking_timer_are_reported(qtbot: Any) -> None:
    thread = _Sleeper()
    timer = QTimer()
    timer.setInterval(1000)
    thread.start()
    timer.start()
    try:
        found = dangling_qt_work([thread], [timer])
        assert found == ["1 QThread(s) still running after the test",
                         "1 repeating QTimer(s) still active after the test"]
    finally:
        thread.stop = True
        thread.wait(2000)
        timer.stop()
    assert dangling_qt_work([thread], [timer]) == []
