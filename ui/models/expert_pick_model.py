"""The scoring screen's list of the year's experts with what each has sent per round."""


from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
)

from evaluator.panel_lists import ExpertProgress
from ui.models.rows_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


class ExpertPickModel(RowsTableModel[ExpertProgress]):
    """The experts of the year with what each has sent per round, to pick one to score."""

    HEADERS = (QT_TRANSLATE_NOOP("ExpertPickModel", "Expert"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Group"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Initial group review"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Cross review"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        expert_id, name, group, progress = row.expert_id, row.name, row.group, row.sheets
        col = index.column()
        round_ = {2: "initial", 3: "review"}.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            if col == 1:
                return group
            received, assigned = progress.get(round_ or "", (0, 0))
            if not assigned:
                return "—"
            return self.tr("%1 of %2 received").replace("%1", str(received)).replace(
                "%2", str(assigned))
        if role == Qt.ItemDataRole.UserRole:
            return expert_id
        if role == Qt.ItemDataRole.BackgroundRole and round_:
            received, assigned = progress.get(round_, (0, 0))
            if assigned:
                return QBrush(QColor(200, 235, 200) if received >= assigned
                              else QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and round_:
            return QBrush(QColor(0, 0, 0))
        return None


