"""本组差异: the group leader's view of the group's own scores (组长汇总 window).

Per alliance the members' totals, their mean and spread and the flags F2/F3 the
secretariat's rules raise on these scores alone (`evaluator.group_merge.group_differences`,
the same functions as the plenary agenda), flagged alliances first in the agenda's order;
below, the selected alliance's indicators by member as the plenary's heat map, and each
flag's explanation with its threshold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.flags import AgendaItem
from evaluator.group_merge import GroupDifferences, group_differences
from evaluator.packages import format_value
from evaluator.rubric import Rubric, rubric_from_json
from ui.labels import flag_label, flag_text
from ui.models.heatmap_model import short_alliance_name
from ui.models.rows_model import RowsTableModel
from ui.widgets.heat_map import HeatMapView

Index = QModelIndex | QPersistentModelIndex


class DifferencesModel(RowsTableModel[AgendaItem]):
    """One row per alliance the members scored completely."""

    HEADERS = (QT_TRANSLATE_NOOP("DifferencesModel", "Code"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Alliance"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Flags"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Scores"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Mean"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Spread"),
               QT_TRANSLATE_NOOP("DifferencesModel", "Members' totals"))
    TOTALS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[int, str] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self.rows[index.row()]
        c = item.consensus
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return item.code
            if col == 1:
                return short_alliance_name(item.name)
            if col == 2:
                return "、".join(flag_label(r) for r in dict.fromkeys(item.rule_names))
            if col == 3:
                return c.n
            if col == 4:
                return f"{c.consensus:.2f}" if not c.trimmed else f"{c.consensus:.2f}*"
            if col == 5:
                return format_value(c.max - c.min)
            if col == self.TOTALS:
                return "  ".join(f"{self.names.get(s.expert_id, s.expert_id)} {format_value(s.total)}"
                                 for s in c.sets)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.code} {item.name}"] + [flag_text(h) for h in item.rules]
            if c.trimmed:
                lines.append(self.tr("* the highest and the lowest total are left out of "
                                     "the mean, as in the consensus"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == 2 and item.rules:
            return QBrush(QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and item.rules:
            return QBrush(QColor(0, 0, 0))
        return None


class GroupDifferencesView(QWidget):
    """The 本组差异 tab; `refresh()` reads the group package again."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.result: GroupDifferences | None = None
        self.rubric: Rubric | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DifferencesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DifferencesModel.TOTALS, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.heatmap = HeatMapView()
        self.heatmap_model = self.heatmap.heat_model
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.flags)
        dl.addWidget(self.heatmap, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        try:
            from evaluator.group_package import GroupPackage

            with GroupPackage.open(self.path) as gp:
                self.rubric = rubric_from_json(gp.meta["rubric_json"])
            result = group_differences(self.path)
        except EvaluatorError as error:
            self.result = None
            self.model.set_rows([])
            self.summary.setText(error.render())
            return
        self.result = result
        self.model.names = result.names
        self.model.set_rows(result.items)
        flagged = sum(1 for item in result.items if item.rules)
        text = self.tr("%1 alliances scored completely by the members who sent; %2 with "
                       "differences the plenary would discuss (F2 large spread, F3 lone "
                       "dissenter, with the secretariat's thresholds).").replace(
            "%1", str(len(result.items))).replace("%2", str(flagged))
        if result.missing:
            text += " " + self.tr("Not sent yet: %1.").replace("%1", "、".join(result.missing))
        if result.incomplete:
            text += " " + self.tr("%1 alliances are not yet scored completely by a member "
                                  "and are left out.").replace(
                "%1", str(len({(m, code) for m, code, _ in result.incomplete})))
        self.summary.setText(text)
        if result.items:
            self.table.selectRow(0)
        else:
            self._show(None)

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.model.rows):
            self._show(self.model.rows[current.row()])

    def _show(self, item: AgendaItem | None) -> None:
        if item is None or self.result is None:
            self.flags.setText(self.tr("No member's file is in yet."))
            self.heatmap.set_data(None, [], {}, set())
            return
        lines = [flag_text(h) for h in item.rules]
        self.flags.setText("\n".join(lines) if lines else self.tr(
            "%1: no flag on the group's scores.").replace("%1", f"{item.code} {item.name}"))
        self.heatmap.set_data(self.rubric, item.consensus.sets, self.result.names,
                                    {d.code for d in item.indicators})
