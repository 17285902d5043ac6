"""The recently opened workspaces, most recent first, kept in the app's QSettings."""

from __future__ import annotations

import os
from pathlib import Path

from ui.settings_store import app_settings

RECENT_KEY = "recent/workspaces"
MAX_RECENT = 8


def recent_workspaces(existing_only: bool = True) -> list[Path]:
    value = app_settings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone entry as a plain string
        value = [value]
    paths = [Path(v) for v in (value or []) if v]
    return [p for p in paths if p.exists()] if existing_only else paths


def _absolute(path: Path) -> Path:
    """`path` made absolute without resolve(): on Windows resolve() turns a mapped drive
    (Z:\\...) into its UNC name, which the user never chose and SQLite URIs refuse."""
    return Path(os.path.abspath(path))


def remember_workspace(path: Path) -> None:
    path = _absolute(path)
    paths = [p for p in recent_workspaces(existing_only=False) if p != path]
    _store([path, *paths][:MAX_RECENT])


def forget_workspace(path: Path) -> None:
    path = _absolute(path)
    _store([p for p in recent_workspaces(existing_only=False) if p != path])


def last_workspace() -> Path | None:
    paths = recent_workspaces()
    return paths[0] if paths else None


def _store(paths: list[Path]) -> None:
    settings = app_settings()
    settings.setValue(RECENT_KEY, [str(p) for p in paths])
    settings.sync()
