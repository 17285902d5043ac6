"""A message whose text is too long for a message box: a scrollable, selectable report
with 保存… (save as a text file), sized to the screen.

`show_message(parent, kind, title, text)` is the one call: a short text opens the usual
QMessageBox, a long one (many lines, or more than a screen's worth) this dialog, so an
OK button never ends up below a 768-pixel screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from evaluator.atomic import atomic_write_bytes
from ui.window_fit import available_geometry

# A message box stays a message box up to this many lines (and characters).
SHORT_LINES = 12
SHORT_CHARACTERS = 900
INFORMATION, WARNING, CRITICAL = "information", "warning", "critical"


def is_long(text: str) -> bool:
    return text.count("\n") + 1 > SHORT_LINES or len(text) > SHORT_CHARACTERS


class ReportDialog(QDialog):
    """A title, a one-line summary and the full text in a scrollable box, with 保存…."""

    def __init__(self, title: str, text: str, kind: str = INFORMATION,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = text
        icon = {WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                CRITICAL: QStyle.StandardPixmap.SP_MessageBoxCritical}.get(
            kind, QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        first, _, _rest = text.partition("\n")
        self.summary = QLabel(first)
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        self.body = QPlainTextEdit(text)
        self.body.setReadOnly(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("&Save…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        area = available_geometry(parent)
        self.resize(min(720, area.width() - 40), min(480, area.height() - 80))

    def save(self) -> str | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              self.windowTitle() + ".txt",
                                              self.tr("Text files (*.txt)"))
        if not name:
            return None
        try:
            atomic_write_bytes(Path(name), self.text.encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "%1 could not be written: %2").replace("%1", name).replace(
                "%2", error.strerror or str(error)))
            return None
        return name


def show_message(parent: QWidget | None, kind: str, title: str, text: str) -> None:
    """A message box for a short text, a scrollable report dialog for a long one."""
    if not is_long(text):
        {WARNING: QMessageBox.warning, CRITICAL: QMessageBox.critical}.get(
            kind, QMessageBox.information)(parent, title, text)
        return
    ReportDialog(title, text, kind, parent).exec()
