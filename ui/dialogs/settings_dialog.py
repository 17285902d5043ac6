"""File → Settings: the UI language (this computer) and the method's thresholds (this workspace).

The language is kept in QSettings and applied at once; thresholds are workspace settings
(evaluator.settings.SETTINGS, each with its source in the report or method.md) saved with
`Workspace.set_setting`, so the audit log records who changed which rule.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.settings import SETTINGS, Setting
from ui.context import AppContext
from ui.i18n import LANGUAGES, save_language, ui_language
from ui.window_fit import fit_size

# Each language is named in itself, as language pickers do.
LANGUAGE_NAMES = {"zh": "中文（简体）", "en": "English"}


def setting_editor(setting: Setting, value: Any) -> QWidget:
    default = setting.default
    if isinstance(default, bool):
        box = QCheckBox()
        box.setChecked(bool(value))
        return box
    if isinstance(default, int):
        spin = QSpinBox()
        spin.setRange(0, 1000)
        spin.setValue(int(value))
        return spin
    double = QDoubleSpinBox()
    if 0 < float(default) < 1:  # a share, such as flags.indicator_share
        double.setRange(0.0, 1.0)
        double.setSingleStep(0.05)
    else:
        double.setRange(0.0, 1000.0)
        double.setSingleStep(0.5)
    double.setDecimals(2)
    double.setValue(float(value))
    return double


def editor_value(editor: QWidget) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QDoubleSpinBox):
        return round(editor.value(), 4)
    raise TypeError(type(editor).__name__)


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language_changed = False
        self.editors: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(600, 400)
        fit_size(self, 720, 560)

        self.language_combo = QComboBox()
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.initial_language = ui_language()
        self.language_combo.setCurrentIndex(LANGUAGES.index(self.initial_language))
        language_box = QGroupBox(self.tr("Interface"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("Language:"), self.language_combo)

        layout = QVBoxLayout(self)
        layout.addWidget(language_box)
        if context.workspace is not None:
            layout.addWidget(self._threshold_box(), 1)
        else:
            layout.addWidget(QLabel(self.tr("Open a workspace to see its method thresholds.")))
            layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _threshold_box(self) -> QWidget:
        zh = messages.current_language() == "zh"
        ws = self.context.ws
        box = QGroupBox(self.tr("Method thresholds (saved in this workspace)"))
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(16)
        for column, heading in enumerate((self.tr("Setting"), self.tr("Value"),
                                          self.tr("Source"))):
            label = QLabel(heading)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        for row, setting in enumerate(SETTINGS, start=1):
            label = QLabel(setting.label if zh else setting.label_en)
            label.setToolTip(setting.key)
            label.setWordWrap(True)
            editor = setting_editor(setting, ws.setting(setting.key))
            editor.setToolTip(self.tr("Default: %1").replace("%1", str(setting.default)))
            source = QLabel(self.source_text(setting.source))
            source.setStyleSheet("color: palette(placeholder-text);")
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(source, row, 2)
            self.editors[setting.key] = editor
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(scroll)
        return box

    def source_text(self, source: str) -> str:
        """The setting's source (2018 report section, method.md, …) in the UI language."""
        names = {"2018 report": self.tr("2018 report"),
                 "method.md": self.tr("scoring method (method.md)"),
                 "issue 3 default": self.tr("product default (issue 3)"),
                 "product default": self.tr("product default")}
        for english, translated in names.items():
            if source.startswith(english):
                return translated + source[len(english):]
        return source

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    def changed_settings(self) -> dict[str, Any]:
        if self.context.workspace is None:
            return {}
        ws = self.context.ws
        return {key: value for key, editor in self.editors.items()
                if (value := editor_value(editor)) != ws.setting(key)}

    def accept(self) -> None:
        changed = self.changed_settings()
        if changed:
            ws = self.context.ws
            with ws.transaction():
                for key, value in changed.items():
                    ws.set_setting(key, value)
            self.context.data_changed.emit("settings")
        lang = self.chosen_language()
        if lang != self.initial_language:
            save_language(lang)
            self.language_changed = True
        super().accept()
