"""File → Settings: the UI language (this computer); who is working, the programme's size
in the year and the method's thresholds (this workspace).

The language is kept in QSettings and applied at once; thresholds are workspace settings
(evaluator.settings.SETTINGS, each with its source in the report or the scoring method)
saved with `Workspace.set_setting`, and the batch sizes with
`programme.set_programme_sizes`, so the audit log records who changed which figure.
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
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.errors import EvaluatorError
from evaluator.people import choose_working_name, remembered_names
from evaluator.programme import programme_sizes, set_programme_sizes
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
        self.size_editors: dict[str, QSpinBox] = {}
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
        top = QHBoxLayout()
        top.addWidget(language_box, 1)
        layout.addLayout(top)
        if context.workspace is not None:
            top.addWidget(self._people_box(), 1)
            layout.addWidget(self._programme_box())
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

    def _people_box(self) -> QWidget:
        box = QGroupBox(self.tr("Who is working (recorded with every change)"))
        form = QFormLayout(box)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.addItems(remembered_names(self.context.ws))
        self.name_combo.setCurrentText(self.context.ws.actor)
        form.addRow(self.tr("Name:"), self.name_combo)
        return box

    def _programme_box(self) -> QWidget:
        ws = self.context.ws
        year = self.context.year or ws.current_year()
        zh = messages.current_language() == "zh"
        box = QGroupBox(self.tr("Alliances in the programme, %1 (the shares of \"all "
                                "alliances\" and of each batch)").replace("%1", str(year)))
        grid = QGridLayout(box)
        sizes = programme_sizes(ws, year)
        for column, b in enumerate(sizes):
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setValue(b.size)
            spin.valueChanged.connect(self._show_total)
            grid.addWidget(QLabel(b.name if zh else b.name_en), 0, 2 * column)
            grid.addWidget(spin, 0, 2 * column + 1)
            self.size_editors[b.batch_id] = spin
        self.total_label = QLabel()
        grid.addWidget(self.total_label, 1, 0, 1, 2 * len(sizes))
        sources = "; ".join(dict.fromkeys(b.source_text() for b in sizes))
        source = QLabel(self.tr("Source: %1").replace("%1", sources))
        source.setWordWrap(True)
        source.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(source, 2, 0, 1, 2 * len(sizes))
        self._show_total()
        return box

    def _show_total(self) -> None:
        total = sum(spin.value() for spin in self.size_editors.values())
        self.total_label.setText(self.tr("All alliances in the programme: %1")
                                 .replace("%1", str(total)))

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
        """The setting's source (a section of the 2018 report, the scoring method, …) in
        the UI language."""
        names = {"2018 report": self.tr("2018 report"),
                 "method.md": self.tr("the evaluation's scoring method"),
                 "issue 3 default": self.tr("default of this software"),
                 "product default": self.tr("default of this software")}
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

    def changed_sizes(self) -> dict[str, int]:
        if self.context.workspace is None:
            return {}
        year = self.context.year or self.context.ws.current_year()
        current = {b.batch_id: b.size for b in programme_sizes(self.context.ws, year)}
        return {bid: spin.value() for bid, spin in self.size_editors.items()
                if spin.value() != current.get(bid)}

    def accept(self) -> None:
        if self.context.workspace is not None:
            ws = self.context.ws
            try:
                name = self.name_combo.currentText()
                if " ".join(name.split()) != ws.actor:
                    choose_working_name(ws, name)
                    self.context.data_changed.emit("people")
                sizes = self.changed_sizes()
                if sizes:
                    set_programme_sizes(ws, self.context.year or ws.current_year(),
                                        {b: s.value() for b, s in self.size_editors.items()})
                    self.context.data_changed.emit("settings")
            except EvaluatorError as error:
                QMessageBox.warning(self, self.tr("Settings"), error.render())
                return
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
