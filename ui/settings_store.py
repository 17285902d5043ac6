"""`app_settings()`: the QSettings every view uses (window geometry, UI state, recent
files, language). An INI file in the user's config folder (evaluator.user_dirs), so tests
that set EVALUATOR_HOME never see the real user's settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from evaluator.user_dirs import settings_file


def app_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)
