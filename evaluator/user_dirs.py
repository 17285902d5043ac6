"""The user's folders for the app: settings, logs, the demo workspace, expert packages.

By default they are the platform's (platformdirs: ~/.config and ~/.local/share on Linux,
%LOCALAPPDATA% on Windows, ~/Library on macOS). `EVALUATOR_HOME` moves every one of them
under one folder, on every OS: tests, the frozen app's check and a portable install use it
(platformdirs ignores HOME and XDG_* on Windows, so redirecting those is not enough).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from platformdirs import user_config_dir, user_data_dir, user_log_dir

from evaluator import APP_NAME

HOME_VARIABLE = "EVALUATOR_HOME"
# EVALUATOR_LOG_DIR, older and narrower, still moves the log folder alone.
LOG_DIR_VARIABLE = "EVALUATOR_LOG_DIR"

Kind = Literal["config", "data", "logs"]


def evaluator_home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    return Path(value) if value else None


def user_dir(kind: Kind) -> Path:
    """The folder for `kind`: `$EVALUATOR_HOME/<kind>` when set, else the platform's."""
    if kind == "logs" and os.environ.get(LOG_DIR_VARIABLE):
        return Path(os.environ[LOG_DIR_VARIABLE])
    home = evaluator_home()
    if home is not None:
        return home / kind
    if kind == "config":
        return Path(user_config_dir(APP_NAME, appauthor=False))
    if kind == "data":
        return Path(user_data_dir(APP_NAME, appauthor=False))
    return Path(user_log_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    """The INI file of the app's QSettings (window layout, language, recent workspaces)."""
    return user_dir("config") / "evaluator.ini"


def demo_workspace_path() -> Path:
    return user_dir("data") / "demo.evdb"


def packages_dir() -> Path:
    """Where the office keeps the expert packages it writes, one folder per workspace."""
    return user_dir("data") / "packages"
