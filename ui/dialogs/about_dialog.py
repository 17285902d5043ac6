"""Help → About: the product, its version, and where its log file is."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from evaluator import __version__
from evaluator.logs import log_path


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.setMinimumWidth(520)

        icon = QLabel()
        icon.setPixmap(QApplication.windowIcon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setFixedHeight(84)
        name = QLabel(self.tr("Alliance Activity Evaluation"))
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        description = QLabel(self.tr(
            "Software for the expert panel of the yearly activity evaluation of industrial "
            "technology innovation strategic alliances: submissions, the expert panel and its "
            "assignments, the initial group scoring and the cross-group review, merging "
            "scores and flagging differences, the plenary review, scoring quality, and the "
            "published results."))
        description.setWordWrap(True)
        technical = QLabel(self.tr("Qt %1 · PySide6 %2").replace("%1", qVersion()).replace(
            "%2", pyside_version) + "\n" + self.tr("Log file: %1").replace("%1", str(log_path())))
        technical.setWordWrap(True)
        technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        technical.setStyleSheet("color: palette(placeholder-text);")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(icon)
        layout.addWidget(name)
        layout.addWidget(self.version_label)
        layout.addWidget(description)
        layout.addWidget(technical)
        layout.addWidget(buttons)
        # Tall enough for the wrapped description at this width (a top-level dialog does
        # not ask its labels' height-for-width: the English text was cut).
        width = self.minimumWidth()
        self.setMinimumHeight(layout.totalHeightForWidth(width))
        self.resize(width, self.minimumHeight())
