"""The year's conflicts of interest as a table: expert, alliance, source, reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from evaluator.panel import Conflict, conflicts
from evaluator.workspace import Workspace
from ui.models.rows_model import Index, RowsTableModel

CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ConflictTableModel(RowsTableModel[Conflict]):
    HEADERS = (QT_TRANSLATE_NOOP("ConflictTableModel", "Expert"),
               QT_TRANSLATE_NOOP("ConflictTableModel", "Code"),
               QT_TRANSLATE_NOOP("ConflictTableModel", "Alliance"),
               QT_TRANSLATE_NOOP("ConflictTableModel", "Source"),
               QT_TRANSLATE_NOOP("ConflictTableModel", "Reason"))
    ROW_NUMBERS = True

    def __init__(self, ws: Workspace | None = None, year: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.year = year
        self.reload()

    def set_workspace(self, ws: Workspace | None, year: int | None) -> None:
        self.ws = ws
        self.year = year
        self.reload()

    def reload(self) -> None:
        self.set_rows([] if self.ws is None or self.year is None
                      else conflicts(self.ws, self.year))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        c = self.rows[index.row()]
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
