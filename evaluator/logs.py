"""The log file in the user's log directory, for tracebacks of bugs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from evaluator.user_dirs import user_dir


def log_path() -> Path:
    return user_dir("logs") / "evaluator.log"


def write_traceback(text: str) -> Path | None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path
