"""What the user sees when something goes wrong: a readable message, never a crash.

`install_exception_hook` routes uncaught exceptions (including those raised in slots,
which PySide6 hands to `sys.excepthook`) to the log file and to `ErrorDialog`; Qt's own
critical messages go to the log file too. The app keeps running: every workspace write
is one transaction, so an exception inside it rolls the change back whole.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from evaluator.errors import EvaluatorError, world_problem
from evaluator.logs import log_path, write_traceback

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_open_dialog: ErrorDialog | None = None


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(560)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reassurance = QLabel(self.tr(
            "Your workspace is safe: every change is saved whole or not at all, so the "
            "change that failed was not written. You can keep working."))
        reassurance.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        text_column = QVBoxLayout()
        text_column.addWidget(self.summary)
        text_column.addWidget(reassurance)
        top.addLayout(text_column, 1)

        where = str(log_file) if log_file else str(log_path())
        self.log_label = QLabel(self.tr("The details were written to the log file:") + f"\n{where}")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(200)

        self.toggle_button = QPushButton(self.tr("Show details"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.log_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def copy_details(self) -> None:
        text = f"{self.summary.text()}\n\n{self.log_label.text()}\n\n{self.details.toPlainText()}"
        QGuiApplication.clipboard().setText(text)

    def add_error(self, summary: str, details: str) -> None:
        """Another error while this dialog is open: show the latest, keep every detail."""
        self.summary.setText(summary)
        self.details.setPlainText(self.details.toPlainText() + "\n\n" + details)


def summary_for(exc: BaseException) -> str:
    if isinstance(exc, EvaluatorError):
        return exc.render()
    message = QApplication.translate(
        "ErrorDialog", "An unexpected error occurred. Please send the log file to the "
        "maintainers.")
    return f"{message}\n\n{type(exc).__name__}: {exc}"


def show_error(exc: BaseException, details: str, log_file: Path | None) -> ErrorDialog | None:
    """Show (or update) the error dialog without blocking; None when no GUI can show it."""
    global _open_dialog
    if not isinstance(QApplication.instance(), QApplication):
        return None
    if threading.current_thread() is not threading.main_thread():
        return None
    summary = summary_for(exc)
    if (current := current_error_dialog()) is not None:
        current.add_error(summary, details)
        return current
    parent = QApplication.activeWindow()
    dialog = ErrorDialog(summary, details, log_file, parent)
    dialog.setModal(True)
    dialog.finished.connect(_forget_dialog)
    dialog.finished.connect(dialog.deleteLater)
    _open_dialog = dialog
    dialog.open()
    return dialog


def _forget_dialog() -> None:
    global _open_dialog
    _open_dialog = None


def current_error_dialog() -> ErrorDialog | None:
    if _open_dialog is None or not isValid(_open_dialog) or not _open_dialog.isVisible():
        return None
    return _open_dialog


def handle_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    problem = world_problem(exc)
    if problem is not None and show_problem(EvaluatorError(problem)):
        return  # disk full, a file open in Excel, a read-only folder: a message, not a bug
    log_file = write_traceback(details)
    sys.stderr.write(details)
    show_error(exc, details, log_file)


def show_problem(error: EvaluatorError) -> bool:
    """A problem of the world as a warning dialog with what to do (not the crash
    dialog); False when no GUI can show it."""
    if not isinstance(QApplication.instance(), QApplication):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QApplication.translate("ErrorDialog", "Cannot complete the operation"),
                      error.render(), QMessageBox.StandardButton.Ok,
                      QApplication.activeWindow())
    _open_problems.append(box)  # no parent may hold it: keep it alive until closed
    box.finished.connect(lambda _result: _open_problems.remove(box))
    box.finished.connect(box.deleteLater)
    box.open()
    return True


_open_problems: list[QMessageBox] = []


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        where = f" ({context.file}:{context.line})" if context.file else ""
        write_traceback(f"Qt: {text}{where}")
    sys.stderr.write(f"{text}\n")


def install_exception_hook(qt_messages: bool = True) -> Callable[[], None]:
    """Route uncaught exceptions to the log and the dialog; return a function that undoes it."""
    previous_hook = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_hook(exc_type, exc, tb)
            return
        try:
            handle_exception(exc_type, exc, tb)
        except Exception:  # the hook itself must never raise
            previous_hook(exc_type, exc, tb)

    sys.excepthook = hook
    previous_handler = qInstallMessageHandler(_log_qt_message) if qt_messages else None

    def restore() -> None:
        sys.excepthook = previous_hook
        if qt_messages:
            qInstallMessageHandler(previous_handler)

    return restore
