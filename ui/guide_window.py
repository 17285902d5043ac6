"""帮助 → 使用指南: the user guide shipped with the application, shown offline.

The guide is Markdown with pictures (docs/guide/<lang>/README.md, images beside it);
a QTextBrowser renders it from the local files. Links to other pages of the guide
open in the same window; nothing is fetched from the network.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTextBrowser, QWidget

from evaluator import messages
from evaluator.resources import guide_dir
from ui.window_fit import fit_to_screen

_open: list[QMainWindow] = []


def guide_page(lang: str | None = None) -> Path:
    """The guide's page in `lang` (the UI language by default), from source or frozen."""
    lang = lang or ("en" if messages.current_language() == "en" else "zh")
    return guide_dir() / lang / "README.md"


class GuideWindow(QMainWindow):
    def __init__(self, page: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._external)
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)),
                               QTextDocument.ResourceType.MarkdownResource)
        self.setCentralWidget(self.browser)
        fit_to_screen(self, 1000, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self in _open:
            _open.remove(self)
        super().closeEvent(event)

    def _external(self, url: QUrl) -> None:
        # Web links go to the user's browser (their choice), never fetched here.
        if url.scheme() in ("http", "https", "mailto"):
            self.browser.setSource(self.browser.source())
            QDesktopServices.openUrl(url)


def open_guide(parent: QWidget | None = None) -> GuideWindow | None:
    page = guide_page()
    if not page.exists():
        QMessageBox.warning(parent, QMainWindow.tr("User guide"), QMainWindow.tr(
            "The user guide is not installed with this copy (%1 is missing).").replace(
            "%1", str(page)))
        return None
    window = GuideWindow(page)
    _open.append(window)
    window.show()
    return window
