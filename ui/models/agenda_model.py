"""The plenary agenda as a table: one row per flagged alliance (the plenary and merge
screens show it)."""


from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from evaluator.flags import AgendaItem
from ui.labels import flag_label, flag_text
from ui.models.heatmap_model import number_text, short_alliance_name
from ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
ALLIANCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def agenda_flags(rules: list[str], words: bool = True) -> str:
    """The first flag with its words, the others as codes: 'F3 孤立意见 +F2' (each flag's
    numbers and threshold are in the row's tooltip); codes only in a narrow column."""
    distinct = list(dict.fromkeys(rules))
    if not distinct:
        return ""
    first = flag_label(distinct[0]) if words else distinct[0]
    return " ".join([first] + [f"+{r}" for r in distinct[1:]])


class AgendaModel(RowsTableModel[AgendaItem]):
    """The plenary agenda: one row per flagged alliance."""

    HEADERS = (QT_TRANSLATE_NOOP("AgendaModel", "No."),
               QT_TRANSLATE_NOOP("AgendaModel", "Code"),
               QT_TRANSLATE_NOOP("AgendaModel", "Alliance"),
               QT_TRANSLATE_NOOP("AgendaModel", "Flags"),
               QT_TRANSLATE_NOOP("AgendaModel", "Score"),
               QT_TRANSLATE_NOOP("AgendaModel", "Final"))
    ROW_NUMBERS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decided: dict[int, float] = {}
        self.flag_words = True  # the screen turns the words off when the agenda is narrow

    def set_items(self, items: list[AgendaItem], decided: dict[int, float]) -> None:
        self.decided = decided
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return index.row() + 1
            if col == 1:
                return item.code
            if col == 2:
                return short_alliance_name(item.name)
            if col == 3:
                return agenda_flags(item.rule_names, self.flag_words)
            if col == 4:
                return f"{item.consensus.consensus:.2f}"
            if col == 5:
                d = self.decided.get(item.alliance_id)
                return "" if d is None else number_text(d)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([f"{item.code} {item.name}"]
                             + [flag_text(h) for h in item.rules])
        if role == ALLIANCE_ID_ROLE:
            return item.alliance_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


