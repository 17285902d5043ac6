"""Progress reporting for long work, without knowing who shows it.

Core functions take a `Progress`; the GUI passes one backed by a QProgressDialog with
Cancel (from a worker thread, by signal), the CLI a text bar, tests a `NullProgress`.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem

messages.register({
    "progress.cancelled": {"zh": "已取消，未做任何更改", "en": "Cancelled; nothing was changed"},
})


class Cancelled(EvaluatorError):
    def __init__(self) -> None:
        super().__init__(Problem("progress.cancelled"))


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NullProgress:
    def report(self, done: int, total: int, message: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


class TextProgress:
    """A one-line bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._last = 0.0

    def report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        if not self.stream.isatty():
            return
        width = 30
        filled = int(width * done / total) if total else width
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message}"[:100])
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()

    def cancelled(self) -> bool:
        return False


def check(progress: Progress) -> None:
    if progress.cancelled():
        raise Cancelled()
