"""评审质量: Krippendorff's alpha per indicator and the experts' leniency (shown, never
applied to the scores; method.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.quality import AlphaRow, ExpertLeniency, QualityReport, quality_report
from ui.context import AppContext
from ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
BAND_COLOURS = {"reliable": QColor(200, 235, 200), "tentative": QColor(255, 236, 200),
                "unreliable": QColor(245, 200, 200), "undefined": QColor(230, 230, 230)}


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


class AlphaModel(RowsTableModel[AlphaRow]):
    HEADERS = (QT_TRANSLATE_NOOP("AlphaModel", "Level"),
               QT_TRANSLATE_NOOP("AlphaModel", "Indicator"),
               QT_TRANSLATE_NOOP("AlphaModel", "Alpha"),
               QT_TRANSLATE_NOOP("AlphaModel", "Reading"),
               QT_TRANSLATE_NOOP("AlphaModel", "Alliances"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return {"total": self.tr("Total"), "group": self.tr("First level"),
                        "indicator": self.tr("Second level")}[r.level]
            if col == 1:
                name = r.name if messages.current_language() == "zh" else r.name_en
                return name if r.level == "total" else f"{r.code} {name}"
            if col == 2:
                return _fmt(r.alpha, 3)
            if col == 3:
                return {"reliable": self.tr("Reliable (0.80 and above)"),
                        "tentative": self.tr("Tentative (0.667-0.80)"),
                        "unreliable": self.tr("Unreliable (below 0.667)"),
                        "undefined": self.tr("Cannot be computed")}[r.band]
            if col == 4:
                return r.units
        if role == Qt.ItemDataRole.BackgroundRole and col == 3:
            return QBrush(BAND_COLOURS[r.band])
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QBrush(QColor(0, 0, 0))
        return None


class LeniencyModel(RowsTableModel[ExpertLeniency]):
    HEADERS = (QT_TRANSLATE_NOOP("LeniencyModel", "Expert"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Scored"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Leniency"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Std. error"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Consistency"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Correlation"),
               QT_TRANSLATE_NOOP("LeniencyModel", "Flag"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [e.name, e.n, _fmt(e.leniency), _fmt(e.se), _fmt(e.consistency),
                      _fmt(e.correlation),
                      (self.tr("Lenient") if (e.leniency or 0) > 0 else self.tr("Harsh"))
                      if e.flagged else ""]
            return values[col]
        if role == Qt.ItemDataRole.BackgroundRole and e.flagged:
            return QBrush(QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and e.flagged:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= col <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


BAR_ROW_HEIGHT = 24  # pixels per expert in the leniency chart: closer, QtCharts drops names


class Screen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: QualityReport | None = None
        self.note = QLabel(self.tr(
            "Shown for the panel's information; never applied to the scores. Alpha is "
            "Krippendorff's alpha (interval, with missing data). Leniency is the mean "
            "difference from the other experts on the same alliances."))
        self.note.setWordWrap(True)
        self.alpha_model = AlphaModel(self)
        self.alpha_view = self._table(self.alpha_model, 1)
        self.leniency_model = LeniencyModel(self)
        self.leniency_view = self._table(self.leniency_model, 0)
        self.chart_view = QChartView()
        self.chart: QChart = self.chart_view.chart()  # owned by the view
        self.chart.setTitle(self.tr("Leniency per expert (points)"))
        self.chart.legend().hide()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Side by side: the chart gets the full height, one bar per expert with the
        # name beside it (30 names under vertical bars would be cut to "…").
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart_view)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setMinimumWidth(360)
        experts = QSplitter(Qt.Orientation.Horizontal)
        experts.addWidget(self.leniency_view)
        experts.addWidget(self.chart_scroll)
        experts.setStretchFactor(0, 3)
        experts.setStretchFactor(1, 2)
        experts.setSizes([600, 420])
        tabs = QTabWidget()
        tabs.addTab(self.alpha_view, self.tr("Agreement (alpha)"))
        tabs.addTab(experts, self.tr("Leniency of experts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(tabs, 1)
        self.refresh()

    def _table(self, model: QAbstractTableModel, stretch: int) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def title(self) -> str:
        return self.tr("Panel quality")

    def refresh(self) -> None:
        if self.context.workspace is None:
            self.alpha_model.set_rows([])
            self.leniency_model.set_rows([])
            return
        self.report = quality_report(self.context.ws, self.context.year)
        self.alpha_model.set_rows(self.report.alpha)
        self.leniency_model.set_rows(self.report.leniency)
        self._draw_chart(self.report.leniency)

    def _draw_chart(self, rows: list[ExpertLeniency]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # The category axis runs upwards: reversed, the first expert of the table is on top.
        shown = [e for e in rows if e.leniency is not None][::-1]
        bars = QBarSet(self.tr("Leniency"))
        bars.append([float(e.leniency) for e in shown])  # type: ignore[arg-type]
        series = QHorizontalBarSeries()
        series.setBarWidth(0.7)
        series.append(bars)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([e.name for e in shown])
        font = names.labelsFont()
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 8.0))
        names.setLabelsFont(font)
        names.setTruncateLabels(False)  # two or three characters; "…" would hide them all
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        points = QValueAxis()
        bound = max([abs(float(e.leniency)) for e in shown] + [5.0])  # type: ignore[arg-type]
        points.setRange(-bound * 1.1, bound * 1.1)
        points.setLabelFormat("%.1f")
        self.chart.addAxis(points, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(points)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        # A name needs a line of its own, or QtCharts shows "…" in its place.
        self.chart_view.setMinimumHeight(max(300, BAR_ROW_HEIGHT * len(shown) + 110))
