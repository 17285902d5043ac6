"""The year's conflicts of interest as a table: expert, alliance, source, reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from evaluator.panel import Conflict, conflicts
from evaluator.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ConflictTableModel(QAbstractTableModel):
    def __init__(self, ws: Workspace | None = None, year: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.year = year
        self.conflicts: list[Conflict] = []
        self.reload()

    def set_workspace(self, ws: Workspace | None, year: int | None) -> None:
        self.ws = ws
        self.year = year
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.conflicts = ([] if self.ws is None or self.year is None
                          else conflicts(self.ws, self.year))
        self.endResetModel()

    def conflict_at(self, row: int) -> Conflict:
        return self.conflicts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < self.rowCount() else None
        labels = (self.tr("Expert"), self.tr("Code"), self.tr("Alliance"), self.tr("Source"),
                  self.tr("Reason"))
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.conflicts):
            return None
        c = self.conflicts[index.row()]
        if role == CONFLICT_ID_ROLE:
            return c.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return c.expert_name
            if column == 1:
                return c.alliance_code
            if column == 2:
                return c.alliance_name
            if column == 3:
                return (self.tr("Own organisation") if c.source == "affiliation"
                        else self.tr("Declared"))
            if column == 4:
                return c.reason
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
