"""The log file in the user's log directory, for tracebacks of bugs."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from platformdirs import user_log_dir


def log_path() -> Path:
    override = os.environ.get("EVALUATOR_LOG_DIR")
    base = Path(override) if override else Path(user_log_dir("evaluator", appauthor=False))
    return base / "evaluator.log"


def write_traceback(text: str) -> Path | None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path
