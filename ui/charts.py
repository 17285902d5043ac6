"""QtCharts views of the results statistics: band pies and grouped bar charts.

The same figures as the workbook's native charts and the report's images.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from evaluator import messages
from evaluator.bands import BAND_COLOURS


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    font = chart.titleFont()
    font.setPointSize(max(font.pointSize(), 11))
    font.setBold(True)
    chart.setTitleFont(font)
    return chart


class BandPieView(QChartView):
    """One pie: alliances per band, labelled with count and share.

    The full pie has a legend listing band, count and share, one line each, beside it. A
    compact pie (one of several per-batch pies) has no legend, which would be cut short at
    that size: each slice carries its count and the tooltip the rest; the colours are the
    full pie's.
    """

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(*((200, 190) if compact else (320, 220)))
        self.series = QPieSeries()
        self.setChart(_chart(""))
        self.chart().addSeries(self.series)
        legend = self.chart().legend()
        if compact:
            legend.setVisible(False)
            self.series.setPieSize(0.8)
            self.chart().setMargins(QMargins(2, 2, 2, 2))
        else:
            legend.setAlignment(Qt.AlignmentFlag.AlignRight)
            font = legend.font()
            font.setPointSizeF(max(font.pointSizeF() * 0.9, 8.0))
            legend.setFont(font)

    def set_counts(self, title: str, counts: dict[str, int], names: dict[str, str]) -> None:
        self.chart().setTitle(title)
        self.series.clear()
        total = sum(counts.values())
        for band, n in counts.items():
            if n <= 0:
                continue
            share = 100 * n / total if total else 0
            text = (f"{names[band]} {n}（{share:.2f}%）" if messages.current_language() == "zh"
                    else f"{names[band]} {n} ({share:.2f}%)")
            pie_slice = self.series.append(str(n) if self.compact else text, n)
            pie_slice.setColor(QColor(BAND_COLOURS.get(band, "#888888")))
            if self.compact:
                pie_slice.setLabelVisible(True)
                pie_slice.setLabelPosition(QPieSlice.LabelPosition.LabelInsideHorizontal)
                pie_slice.setLabelColor(QColor("#ffffff" if band != "average" else "#000000"))
                pie_slice.hovered.connect(
                    lambda on, t=f"{title}: {text}": self.setToolTip(t if on else ""))


class GroupedBarView(QChartView):
    """Bars per category, one set per series (bands get their colours)."""

    def __init__(self, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(420, 280)
        self.setChart(_chart(""))

    def set_data(self, title: str, categories: Sequence[str],
                 series: dict[str, Sequence[float]], names: dict[str, str]) -> None:
        chart = _chart(title)
        bars = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        top = 0.0
        for key, values in series.items():
            bar_set = QBarSet(names.get(key, key))
            if key in BAND_COLOURS:
                bar_set.setColor(QColor(BAND_COLOURS[key]))
            for v in values:
                bar_set.append(float(v))
                top = max(top, float(v))
            bars.append(bar_set)
        chart.addSeries(bars)
        category_axis = QBarCategoryAxis()
        category_axis.append(list(categories))
        value_axis = QValueAxis()
        value_axis.setRange(0, max(top * 1.1, 1))
        value_axis.setLabelFormat("%d")
        if self.horizontal:
            # Names at the left are given the room they need; QtCharts would otherwise
            # cut every one of them to "…" once the view is resized wider.
            category_axis.setTruncateLabels(False)
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(category_axis)
        bars.attachAxis(value_axis)
        chart.legend().setVisible(len(series) > 1)
        if not self.horizontal:  # below, so the category names keep the full width
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
