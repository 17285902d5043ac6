"""The one place the QApplication is set up: attributes, high-DPI, font, icon, translators
(the QSettings every view uses are `ui.settings_store.app_settings`)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from evaluator import APP_NAME, __version__
from evaluator.fonts import cjk_families
from evaluator.resources import resource_path
from ui.i18n import install_translators, ui_language

ORGANISATION = "evaluator"

# Sans-serif families with full simplified-Chinese coverage, this platform's first
# (evaluator.fonts: Windows, macOS and Linux lists, shared with the report's charts).
CJK_FAMILIES = cjk_families()
MIN_POINT_SIZE = 10


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("evaluator.svg", "evaluator.png"):
        path = resource_path("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon


def cjk_font_family(families: list[str] | None = None) -> str | None:
    available = set(families if families is not None else QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            return family
    return None


def apply_font(app: QApplication) -> None:
    font = QFont(app.font())
    family = cjk_font_family()
    if family:
        font.setFamilies([family, *font.families()])
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    app.setFont(font)


def create_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """Return the QApplication, creating and configuring it on first call."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        if QCoreApplication.instance() is None:
            QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
                Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    apply_font(app)
    install_translators(app, lang or ui_language())
    return app


def use_offscreen_platform(always: bool = False) -> None:
    """Render without a display: always for the self-test, else only when none is set."""
    if QCoreApplication.instance() is not None:
        return
    if always:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
