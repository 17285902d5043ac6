"""The assignment matrix of one round: alliances (rows) x scoring experts (columns).

A model over `evaluator.assignments.assignment_matrix`, not a widget per cell. An expert
cell is checkable: checking it assigns the alliance to the expert, unchecking withdraws
it; the core refuses a conflict of interest and the refusal is emitted as `refused`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from evaluator.assignments import (
    AssignmentMatrix,
    add_assignment,
    assignment_matrix,
    remove_assignment,
)
from evaluator.errors import EvaluatorError
from evaluator.workspace import Workspace
from ui.models.rows_model import checked

Index = QModelIndex | QPersistentModelIndex

ASSIGNED_COLOUR = QColor("#cfe3f5")
CONFLICT_COLOUR = QColor("#f6c7c0")
CONFLICT_ASSIGNED_COLOUR = QColor("#e0584a")  # a conflict that is assigned anyway: an error

FIXED_COLUMNS = 4  # code, name, group, number of scorers


class AssignmentMatrixModel(QAbstractTableModel):
    refused = Signal(str)  # a readable message when the core refused a change
    changed = Signal()  # an assignment was added or removed
    toggled = Signal(int, int, bool)  # expert id, alliance id, assigned now (for undo)

    def __init__(self, ws: Workspace | None = None, year: int | None = None,
                 round_: str = "initial", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.year = year
        self.round = round_
        self.matrix: AssignmentMatrix | None = None
        self.reload()

    # -- loading -----------------------------------------------------------------------
    def set_round(self, round_: str) -> None:
        self.round = round_
        self.reload()

    def set_workspace(self, ws: Workspace | None, year: int | None) -> None:
        self.ws = ws
        self.year = year
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self.ws is None or self.year is None:
            self.matrix = None
        else:
            self.matrix = assignment_matrix(self.ws, self.year, self.round)
        self.endResetModel()

    # -- shape ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.alliances)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.matrix is None:
            return 0
        return FIXED_COLUMNS + len(self.matrix.experts)

    def expert_at(self, column: int) -> Any:
        assert self.matrix is not None
        return self.matrix.experts[column - FIXED_COLUMNS]

    def alliance_at(self, row: int) -> Any:
        assert self.matrix is not None
        return self.matrix.alliances[row]

    # -- data --------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
                return str(section + 1)
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < FIXED_COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return (self.tr("Code"), self.tr("Alliance"), self.tr("Group"),
                        self.tr("Scorers"))[section]
            return None
        expert = self.expert_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            # Names are two to three characters; stacking keeps the columns narrow.
            count = self.matrix.per_expert[expert.id]
            return f"{expert.name}\n{expert.group_name or '-'}\n{count}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 (%2): %3 alliances").replace("%1", expert.name).replace(
                "%2", expert.group_name or self.tr("no group")).replace(
                "%3", str(self.matrix.per_expert[expert.id]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        alliance = self.alliance_at(row)
        if column < FIXED_COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return alliance.code
                if column == 1:
                    return alliance.name
                if column == 2:
                    return alliance.group_name or "-"
                return str(self.matrix.per_alliance[alliance.id])
            if role == Qt.ItemDataRole.ToolTipRole and column == 1:
                return alliance.name
            if role == Qt.ItemDataRole.ForegroundRole and column == 3 \
                    and not self.matrix.per_alliance[alliance.id]:
                return QBrush(QColor("#b3261e"))
            return None
        expert = self.expert_at(column)
        assigned = self.matrix.is_assigned(alliance.id, expert.id)
        reason = self.matrix.conflict_reason(alliance.id, expert.id)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if assigned else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("COI") if reason is not None else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason is not None:
                return QBrush(CONFLICT_ASSIGNED_COLOUR if assigned else CONFLICT_COLOUR)
            if assigned:
                return QBrush(ASSIGNED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{expert.name} — {alliance.code} {alliance.name}"
            if reason is not None:
                text += "\n" + self.tr("Conflict of interest: %1").replace("%1", reason)
            elif assigned:
                text += "\n" + self.tr("Assigned")
            return text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= FIXED_COLUMNS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole
                or index.column() < FIXED_COLUMNS or self.matrix is None or self.ws is None):
            return False
        wanted = checked(value)
        alliance = self.alliance_at(index.row())
        expert = self.expert_at(index.column())
        if wanted == self.matrix.is_assigned(alliance.id, expert.id):
            return True
        try:
            if wanted:
                add_assignment(self.ws, self.year, self.round, expert.id, alliance.id)
            else:
                remove_assignment(self.ws, self.year, self.round, expert.id, alliance.id)
        except EvaluatorError as error:
            self.refused.emit(error.render())
            return False
        key = (alliance.id, expert.id)
        if wanted:
            self.matrix.assigned.add(key)
            self.matrix.per_expert[expert.id] += 1
            self.matrix.per_alliance[alliance.id] += 1
        else:
            self.matrix.assigned.discard(key)
            self.matrix.per_expert[expert.id] -= 1
            self.matrix.per_alliance[alliance.id] -= 1
        self.dataChanged.emit(index, index)
        count_cell = self.index(index.row(), 3)
        self.dataChanged.emit(count_cell, count_cell)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, index.column(), index.column())
        self.toggled.emit(expert.id, alliance.id, wanted)
        self.changed.emit()
        return True

