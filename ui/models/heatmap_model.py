"""The heat map of an alliance's scores by expert (indicators by score sets, deviation
from the indicator's mean as colour): the plenary screen, the trace dialog and the group
leader's 本组差异 show it; and the short names the narrow columns use."""


from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from evaluator import messages
from evaluator.consensus import ScoreSet
from evaluator.rubric import Rubric
from ui.labels import round_label, round_mark

Index = QModelIndex | QPersistentModelIndex

# Suffixes dropped from alliance names in the narrow agenda column (full name in the tooltip).
NAME_SUFFIXES = ("产业技术创新战略联盟", "技术创新战略联盟", "产业技术创新联盟",
                 "产业链技术创新战略联盟", "技术创新产学研联盟", "战略联盟", "联盟")


def short_alliance_name(name: str) -> str:
    for suffix in sorted(NAME_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def vertical_name(name: str) -> str:
    """An expert's name set one character per line, for the narrow heat-map columns;
    names with spaces (Latin script) are cut to their initials."""
    if " " in name.strip():
        return "".join(part[0] for part in name.split() if part)
    return "\n".join(name)


def number_text(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def deviation_colour(deviation: float, scale: float) -> QColor:
    """White at the mean, red above, blue below; full colour at `scale` points away."""
    share = max(-1.0, min(1.0, deviation / scale)) if scale else 0.0
    strength = int(200 * abs(share))
    if share >= 0:
        return QColor(255, 255 - strength, 255 - strength)
    return QColor(255 - strength, 255 - strength, 255)


class HeatmapModel(QAbstractTableModel):
    """Indicators (rows, plus the total) x experts' score sets (columns, plus the mean)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None
        self.sets: list[ScoreSet] = []
        self.names: dict[int, str] = {}
        self.disputed: set[str] = set()

    def set_data(self, rubric: Rubric | None, sets: list[ScoreSet], names: dict[int, str],
                 disputed: set[str]) -> None:
        self.beginResetModel()
        self.rubric, self.sets, self.names, self.disputed = rubric, sets, names, disputed
        self.endResetModel()

    def _codes(self) -> list[str]:
        return list(self.rubric.codes) if self.rubric else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.sets else len(self._codes()) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.sets else len(self.sets) + 1

    def _value(self, row: int, col: int) -> float:
        codes = self._codes()
        values = [s.total if row == len(codes) else s.values[codes[row]] for s in self.sets]
        if col == len(self.sets):
            return sum(values) / len(values)
        return values[col]

    def _mean(self, row: int) -> float:
        return self._value(row, len(self.sets))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ToolTipRole:
            if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical:
                codes = self._codes()
                if 0 <= section < len(codes) and codes[section] in self.disputed:
                    font = QFont()
                    font.setBold(True)
                    return font
            return None
        codes = self._codes()
        if orientation == Qt.Orientation.Horizontal:
            if section == len(self.sets):
                return self.tr("Mean")
            if 0 <= section < len(self.sets):
                s = self.sets[section]
                name = str(self.names.get(s.expert_id, s.expert_id))
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{name}（{round_label(s.round)}）"
                return f"{vertical_name(name)}\n{round_mark(s.round)}"
            return None
        if section == len(codes):
            return self.tr("Total")
        if self.rubric and 0 <= section < len(codes):
            ind = self.rubric.indicator(codes[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return ind.name
            return f"{ind.code} {ind.name if messages.current_language() == 'zh' else ind.name_en}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.sets:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= col < self.columnCount()):
            return None
        value = self._value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return number_text(value) if col < len(self.sets) else f"{value:.1f}"
        if role == Qt.ItemDataRole.BackgroundRole and col < len(self.sets):
            codes = self._codes()
            scale = (self.rubric.max_total * 0.15 if row == len(codes)  # type: ignore[union-attr]
                     else self.rubric.indicator(codes[row]).max_points * 0.5)  # type: ignore[union-attr]
            return QBrush(deviation_colour(value - self._mean(row), scale))
        if role == Qt.ItemDataRole.ForegroundRole and col < len(self.sets):
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col < len(self.sets):
            return f"{number_text(value)} ({value - self._mean(row):+.2f})"
        return None


