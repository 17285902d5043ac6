"""The part every list-shaped table model shares: one row per item of `rows`, one column
per header, headers translated when shown, the rows replaced whole by `set_rows`.

A subclass names its columns in `HEADERS` with `QT_TRANSLATE_NOOP(<class name>, ...)`
(so `pyside6-lupdate` files them under the context the .ts already uses) and keeps only
its `data()` (and `flags()`/`setData()` when editable).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[T]):
    HEADERS: tuple[str, ...] = ()
    CONTEXT = ""  # the translation context of HEADERS; empty: the class name
    ROW_NUMBERS = False  # 1, 2, 3… in the vertical header

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int | Index) -> T:
        return self.rows[row if isinstance(row, int) else row.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate(self.CONTEXT or type(self).__name__,
                                                  self.HEADERS[section])
            return None
        return str(section + 1) if self.ROW_NUMBERS and 0 <= section < len(self.rows) else None

    def valid(self, index: Index) -> bool:
        """Whether `index` points at a cell of this table (views may ask past the end)."""
        return (index.isValid() and 0 <= index.row() < len(self.rows)
                and 0 <= index.column() < len(self.HEADERS))


def checked(value: Any) -> bool:
    """Whether a CheckStateRole value set through setData means "checked" (views pass a
    Qt.CheckState, an int or a bool)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)
