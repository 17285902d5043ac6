"""The scoring panel's tables: the assigned alliances with progress, the 20 indicators
grouped with running totals, and what an alliance submitted for an indicator."""


from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
)

from evaluator import messages
from evaluator.packages import Package, PackageAlliance, Score, format_value
from evaluator.rubric import Indicator, IndicatorGroup
from ui.models.rows_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


def english_ui() -> bool:
    return messages.current_language() == "en"


def saved_clock(iso: str) -> str:
    """'2018-11-05T14:03:27+08:00' -> '14:03:27' (local time)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return iso[11:19]


class AllianceListModel(RowsTableModel[PackageAlliance]):
    """The expert's alliances: code, name, progress x/20."""

    HEADERS = (QT_TRANSLATE_NOOP("AllianceListModel", "Code"),
               QT_TRANSLATE_NOOP("AllianceListModel", "Alliance"),
               QT_TRANSLATE_NOOP("AllianceListModel", "Scored"))

    def __init__(self, package: Package, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.rows = package.alliances()
        self._progress = package.progress()
        self.collapsed = False  # only the codes show: a complete alliance's code is green

    def row_of(self, alliance_id: int) -> int:
        for i, a in enumerate(self.rows):
            if a.id == alliance_id:
                return i
        return -1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        a = self.rows[index.row()]
        done, total = self._progress.get(a.id, (0, 0))
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.code, a.name, f"{done}/{total}")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.code} {a.name}\n{a.batch_name}\n" + self.tr("Scored %1").replace(
                "%1", f"{done}/{total}")
        if role == Qt.ItemDataRole.ForegroundRole and (column == 2 or self.collapsed):
            if done == total:
                return QBrush(QColor("#1b7f3b"))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def refresh_all(self) -> None:
        self._progress = self.package.progress()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))

    def refresh_progress(self, alliance_id: int) -> None:
        self._progress = self.package.progress()
        row = self.row_of(alliance_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))


class IndicatorModel(RowsTableModel[IndicatorGroup | Indicator]):
    """The rubric for one alliance: a heading row per first-level indicator (with its
    running total), then its second-level indicators with their scores."""

    HEADERS = (QT_TRANSLATE_NOOP("IndicatorModel", "Code"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Indicator"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Score"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Max"))

    def __init__(self, package: Package, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.rubric = package.rubric
        for group in self.rubric.groups:
            self.rows.append(group)
            self.rows.extend(group.indicators)
        self._alliance_id: int | None = None
        self._scores: dict[str, Score] = {}

    def set_alliance(self, alliance_id: int | None) -> None:
        self.beginResetModel()
        self._alliance_id = alliance_id
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        if self._alliance_id is None:
            self._scores = {}
        else:
            self._scores = {code: s for (_, code), s in
                            self.package.scores(self._alliance_id).items()}

    def refresh_scores(self) -> None:
        self._load()
        if self.rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.rows) - 1, 3))

    def score(self, code: str) -> Score | None:
        return self._scores.get(code)

    def group_total(self, group: IndicatorGroup) -> float:
        return sum(self._scores[i.code].value for i in group.indicators
                   if i.code in self._scores)

    def group_scored(self, group: IndicatorGroup) -> bool:
        return any(i.code in self._scores for i in group.indicators)

    def total(self) -> float:
        return sum(s.value for s in self._scores.values())

    def row_of(self, code: str) -> int:
        for i, item in enumerate(self.rows):
            if isinstance(item, Indicator) and item.code == code:
                return i
        return -1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.rows[index.row()], IndicatorGroup):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self.rows[index.row()]
        column = index.column()
        english = english_ui()
        if isinstance(item, IndicatorGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                name = item.name_en if english else item.name
                total = (format_value(self.group_total(item)) if self.group_scored(item)
                         else "—")
                return (item.code, name, total, format_value(item.max_points))[column]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8eef6"))
            return None
        score = self._scores.get(item.code)
        if role == Qt.ItemDataRole.DisplayRole:
            name = item.name_en if english else item.name
            value = format_value(score.value) if score else "—"
            if score and score.comment and column == 2:
                value += " ✎"
            return (item.code, name, value, format_value(item.max_points))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = item.standard_en if english else item.standard
            if score and score.comment:
                text += "\n\n" + score.comment
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and score is None:
            return QBrush(QColor("#9a9a9a"))
        return None


class PackageRecordsModel(RowsTableModel[dict[str, Any]]):
    """The records an alliance submitted for one indicator."""

    HEADERS = (QT_TRANSLATE_NOOP("PackageRecordsModel", "Title"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Date"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Quantity"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Description"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            quantity = "" if r.get("quantity") is None else format_value(r["quantity"])
            values = (r.get("title") or "", r.get("record_date") or "", quantity,
                      (r.get("description") or "") + (f"\n{r['link']}" if r.get("link") else ""))
            return values[index.column()]
        return None


# -- undo -------------------------------------------------------------------------------

