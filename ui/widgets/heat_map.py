"""The heat map of an alliance's scores by expert, as the plenary, the group leader's
本组差异 and the trace dialog show it: indicators (one line each, names elided with the
full name in the tooltip) by the experts' score sets (narrow columns, names set
vertically), each cell coloured by its deviation from the indicator's mean
(ui.models.heatmap_model). Columns are as wide as their contents unless that would
scroll sideways; then the experts' columns share the visible width beside the mean, so
16 or more experts fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from evaluator.consensus import ScoreSet
from evaluator.rubric import Rubric
from ui.models.heatmap_model import HeatmapModel

# The narrowest an expert's column gets when the columns share the width.
MINIMUM_COLUMN = 26


class HeatMapView(QTableView):
    """`point_size`: the numbers' type (the expert names a point smaller; columns and
    rows may be narrower than the style's minimum), else the inherited font;
    `names_width`: the most the indicator names take (pixels; default 18 digits);
    `row_padding`: pixels over a line of type per row (rows fixed one line high), or
    None for rows as high as their contents; `tight_rows`: rows share the visible height
    down to the ink of the names and numbers (plus the padding) instead of the font's
    line (whose leading a CJK font makes tall), for a small screen; `minimum_column`:
    the narrowest an expert's column gets."""

    def __init__(self, parent: QWidget | None = None, *, point_size: int | None = None,
                 names_width: int | None = None, row_padding: int | None = 2,
                 tight_rows: bool = False, minimum_column: int = MINIMUM_COLUMN) -> None:
        super().__init__(parent)
        self.heat_model = HeatmapModel(self)
        self.setModel(self.heat_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A number is never cut to "7…": in a narrow column it may use the cell's margins.
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        columns, rows = self.horizontalHeader(), self.verticalHeader()
        self._row_range: tuple[int, int] | None = None  # tight rows: (lowest, highest)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        if point_size is not None:
            font = self.font()
            font.setPointSize(point_size)
            self.setFont(font)
            names_font = QFont(font)
            names_font.setPointSize(max(point_size - 1, 8))
            columns.setFont(names_font)
            columns.setMinimumSectionSize(minimum_column)
        if row_padding is None:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            if point_size is not None:  # the small type's own line, below the style's minimum
                rows.setMinimumSectionSize(8)
            metrics = QFontMetrics(self.font())
            rows.setDefaultSectionSize(metrics.height() + row_padding)
            if tight_rows:
                self._row_range = (metrics.tightBoundingRect("国0.5").height() + row_padding,
                                   metrics.height() + row_padding)
        rows.setMaximumWidth(names_width if names_width is not None
                             else self.fontMetrics().horizontalAdvance("0") * 18)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)

    def set_data(self, rubric: Rubric | None, sets: list[ScoreSet], names: dict[int, str],
                 disputed: set[str]) -> None:
        """Show `sets` (none: an empty map); `disputed` indicators' names are bold."""
        self.heat_model.set_data(rubric, sets, names, disputed)
        self.fit_columns()

    def fit_rows(self) -> None:
        """Tight rows: as high as a line of type if the visible height allows, else
        sharing it, down to the ink."""
        rows = self.heat_model.rowCount()
        if self._row_range is None or not rows:
            return
        lowest, highest = self._row_range
        height = max(lowest, min(highest, self.viewport().height() // rows))
        if height != self.verticalHeader().defaultSectionSize():
            self.verticalHeader().setDefaultSectionSize(height)

    def fit_columns(self) -> None:
        """Columns as wide as their contents, unless that scrolls sideways: then the
        experts' columns share the visible width beside the mean (tight rows are fitted
        too)."""
        self.fit_rows()
        header = self.horizontalHeader()
        columns = self.heat_model.columnCount()
        if not columns:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        available = self.viewport().width()
        if header.length() <= available:
            return
        # The mean keeps its contents' width (its header is a word) and the experts share
        # the rest; where that leaves them too narrow, all share alike.
        mean = columns - 1
        mean_width = header.sectionSize(mean)
        width = (available - mean_width) // max(mean, 1)
        if width < header.minimumSectionSize():
            width = mean_width = max(header.minimumSectionSize(), available // columns)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column in range(mean):
            header.resizeSection(column, width)
        header.resizeSection(mean, mean_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
