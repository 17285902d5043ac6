"""Who is working: asked when a workspace opens, so audit entries, plenary decisions and
publications name a person rather than the computer's login. The names used before in the
workspace are offered, the last one first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.people import choose_working_name, remembered_names
from evaluator.workspace import Workspace


class WorkingNameDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Your name is recorded with every change you make in this workspace (imports, "
            "plenary decisions, publication). The computer's login is not used."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.names = QComboBox()
        self.names.setEditable(True)
        names = remembered_names(ws)
        self.names.addItems(names)
        self.names.setCurrentText(names[0] if names else "")
        self.names.lineEdit().setPlaceholderText(self.tr("Name"))
        layout.addWidget(self.names)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            choose_working_name(self.ws, self.names.currentText())
        except EvaluatorError as error:
            QMessageBox.warning(self, self.windowTitle(), error.render())
            return
        super().accept()
