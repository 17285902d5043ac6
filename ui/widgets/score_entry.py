"""The scoring panel's entry and evidence panes (ui.widgets.scoring_panel wires them).

`ScoreEntry`: the score box (digits, full-width too), its range, the rubric-level buttons
(an option; typing numbers stays the default), the comment and the error line.
`EvidencePane`: what the alliance submitted for the current indicator.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRegularExpression, Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.packages import format_value
from evaluator.rubric_levels import Level


def setup_table(view: QTableView) -> None:
    """A read-only table of whole rows, one selected at a time, without row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    view.setAlternatingRowColors(True)


class ScoreEntry(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_edit = QLineEdit()
        entry_font = QFont(self.font())
        entry_font.setPointSizeF(max(entry_font.pointSizeF(), 10) + 6)
        self.score_edit.setFont(entry_font)
        self.score_edit.setMaximumWidth(self.score_edit.fontMetrics().horizontalAdvance("0")
                                        * 7)
        self.score_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9０-９.．。]{0,5}"), self.score_edit))
        self.range_label = QLabel()
        self.range_label.setWordWrap(True)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Optional comment on this score"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)

        # Rubric-level entry: the standard's full / partial / zero as buttons, keys 1-3 in
        # the score box.
        self.level_check = QCheckBox(self.tr("Score by &level (keys 1-3)"))
        self.level_check.setToolTip(self.tr(
            "Choose the description that fits instead of typing a number: full marks, "
            "partial (half the maximum) or zero"))
        self.level_buttons: list[QPushButton] = []
        self.levels_box = QWidget()
        levels_layout = QHBoxLayout(self.levels_box)
        levels_layout.setContentsMargins(0, 0, 0, 0)
        for _index in range(3):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            levels_layout.addWidget(button)
            self.level_buttons.append(button)
        self.levels_box.setVisible(False)

        entry = QFormLayout()
        entry.setContentsMargins(0, 0, 0, 0)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_edit)
        score_row.addWidget(self.range_label, 1)
        score_row.addWidget(self.level_check)
        score_label = QLabel(self.tr("&Score:"))
        score_label.setBuddy(self.score_edit)
        comment_label = QLabel(self.tr("&Comment:"))
        comment_label.setBuddy(self.comment_edit)
        entry.addRow(score_label, score_row)
        entry.addRow(self.levels_box)
        entry.addRow(comment_label, self.comment_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(entry)
        layout.addWidget(self.error_label)

    def show_levels(self, levels: list[Level]) -> None:
        """Label the level buttons with the current indicator's levels."""
        names = {"full": self.tr("Full marks"), "partial": self.tr("Partial"),
                 "zero": self.tr("Zero")}
        for index, button in enumerate(self.level_buttons):
            if index < len(levels):
                level = levels[index]
                button.setText(self.tr("%1 %2 (%3)").replace("%1", str(index + 1)).replace(
                    "%2", names[level.key]).replace("%3", format_value(level.points)))
                button.setToolTip(level.description)
            button.setVisible(index < len(levels))


class EvidencePane(QWidget):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.records_count = QLabel()
        self.records_view = QTableView()
        self.records_view.setModel(model)
        setup_table(self.records_view)
        self.records_view.setWordWrap(True)
        # The description is what the expert reads: it takes the width, the other
        # columns only what they need, and each row is as tall as its text.
        header = self.records_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.records_view.setColumnWidth(0, 120)
        self.records_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.records_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.records_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.no_records = QLabel(self.tr("Nothing was submitted for this indicator."))
        self.no_records.setStyleSheet("color: #777;")
        layout.addWidget(self.records_count)
        layout.addWidget(self.records_view, 1)
        layout.addWidget(self.no_records)
