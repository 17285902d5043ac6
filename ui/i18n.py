"""The UI language: which one to use, and the Qt translators that provide it.

Chinese is the product's default (and what zh locales get); English otherwise. A choice
made in the settings dialog is kept in QSettings and wins over the locale; `--lang` on the
command line and EVALUATOR_LANG win over both. The compiled `.qm` files are build output
(`tools/translations.py`); when running from source a missing or stale `.qm` is compiled
from its `.ts` with pyside6-lrelease on start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from evaluator import messages
from evaluator.resources import resource_path
from ui.settings_store import app_settings

LANGUAGES = ("zh", "en")
LANGUAGE_KEY = "ui/language"
QT_LOCALE = {"zh": "zh_CN", "en": "en"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource_path("translations")


def saved_language() -> str | None:
    value = app_settings().value(LANGUAGE_KEY)
    return value if value in LANGUAGES else None


def save_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, lang)
    settings.sync()


def ui_language() -> str:
    explicit = messages.explicit_language() or os.environ.get("EVALUATOR_LANG")
    if explicit in LANGUAGES:
        return str(explicit)
    return saved_language() or messages.current_language()


def lrelease_program() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        beside = Path(sys.executable).with_name(name)
        if beside.exists():
            return str(beside)
    return None


def compiled_translation(lang: str) -> Path | None:
    """The .qm for `lang`, compiled from the .ts first when running from source."""
    ts = translations_dir() / f"evaluator_{QT_LOCALE[lang]}.ts"
    qm = ts.with_suffix(".qm")
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    if stale and not getattr(sys, "frozen", False):
        program = lrelease_program()
        if program:
            subprocess.run([program, "-silent", str(ts), "-qm", str(qm)],
                           check=False, capture_output=True)
    return qm if qm.exists() else None


def remove_translators(app: QCoreApplication) -> None:
    """Back to the English source strings (tests use this to leave no language behind)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translators(app: QCoreApplication, lang: str) -> list[str]:
    """Replace the installed translators with those for `lang`; return what was loaded."""
    if lang not in LANGUAGES:
        lang = "zh"
    remove_translators(app)
    messages.set_language(lang)
    QLocale.setDefault(QLocale(QT_LOCALE[lang]))
    loaded: list[str] = []
    if lang == "zh":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append("qtbase_zh_CN")
    ours = compiled_translation(lang)
    if ours is not None:
        translator = QTranslator(app)
        if translator.load(str(ours)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(ours.name)
    return loaded
