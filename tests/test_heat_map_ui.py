"""The one heat-map widget (ui/widgets/heat_map.py): the plenary, the group leader's
本组差异 and the trace dialog show an alliance's scores by expert through it, cell for
cell as its model gives them, with their own type and sizes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView
from test_consensus import build_panel
from test_flags import PLANTED

from evaluator.consensus import ScoreSet
from evaluator.rubric import Rubric, load_default_rubric
from evaluator.workspace import Workspace
from ui.models.heatmap_model import HeatmapModel
from ui.widgets.heat_map import HeatMapView

pytestmark = pytest.mark.gui
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.BackgroundRole)


def cells(model: Any) -> list[Any]:
    """Every cell's text, tooltip and colour, and every header's text, tooltip and font
    weight, as plain values."""
    def plain(value: Any) -> Any:
        if hasattr(value, "color"):
            return value.color().name()
        if hasattr(value, "bold"):
            return value.bold()
        return value

    out: list[Any] = [[[plain(model.data(model.index(r, c), role)) for role in ROLES]
                       for c in range(model.columnCount())] for r in range(model.rowCount())]
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),
                               (Qt.Orientation.Vertical, model.rowCount())):
        out.append([[plain(model.headerData(s, orientation, role)) for role in
                     (*ROLES[:2], Qt.ItemDataRole.FontRole)] for s in range(count)])
    return out


def same_as_model(view: HeatMapView, rubric: Rubric, sets: list[ScoreSet],
                  names: dict[int, str], disputed: set[str]) -> None:
    expected = HeatmapModel()
    expected.set_data(rubric, sets, names, disputed)
    assert view.model() is view.heat_model
    assert cells(view.heat_model) == cells(expected)
    assert view.heat_model.rowCount() == len(rubric.codes) + 1


def sample_sets(rubric: Rubric) -> list[ScoreSet]:
    top = {i.code: float(i.max_points) for i in rubric.indicators}
    low = {i.code: 0.0 for i in rubric.indicators}
    mid = {i.code: float(i.max_points) / 2 for i in rubric.indicators}
    return [ScoreSet("initial", 1, 7, top, {}), ScoreSet("initial", 2, 7, mid, {}),
            ScoreSet("review", 3, 7, low, {})]


def test_the_view_shows_the_models_cells_and_fits_its_columns(qtbot: Any) -> None:
    rubric = load_default_rubric()
    view = HeatMapView(point_size=10, names_width=112, row_padding=1, minimum_column=12)
    qtbot.addWidget(view)
    sets = sample_sets(rubric)
    names = {1: "张三", 2: "李四", 3: "王五"}
    disputed = {rubric.codes[0]}
    view.set_data(rubric, sets, names, disputed)
    same_as_model(view, rubric, sets, names, disputed)
    model = view.heat_model
    total = model.rowCount() - 1
    above = model.data(model.index(total, 0), Qt.ItemDataRole.BackgroundRole).color()
    below = model.data(model.index(total, 2), Qt.ItemDataRole.BackgroundRole).color()
    assert above.red() > above.blue()  # red above the mean, blue below
    assert below.blue() > below.red()
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "张\n三\n初"
    # Read only, one line per row, names elided within their width.
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.font().pointSize() == 10
    assert view.horizontalHeader().font().pointSize() == 9
    assert view.verticalHeader().defaultSectionSize() == QFontMetrics(view.font()).height() + 1
    assert view.verticalHeader().maximumWidth() == 112
    assert view.verticalHeader().textElideMode() == Qt.TextElideMode.ElideRight

    # Wide: every column as wide as its contents. Narrow: the columns share the width.
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    mean = model.columnCount() - 1
    contents, mean_width = header.length(), header.sectionSize(mean)
    around = view.width() - view.viewport().width()  # the names, the frame
    # A little too narrow: the experts share what the mean leaves, the mean keeps its word.
    view.resize(around + contents - 4, 700)
    qtbot.waitUntil(lambda: header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed)
    experts = {header.sectionSize(c) for c in range(mean)}
    assert len(experts) == 1
    assert experts.pop() >= header.minimumSectionSize()
    assert header.sectionSize(mean) == mean_width
    assert header.length() <= view.viewport().width()
    # Far too narrow: every column alike, none under the minimum.
    view.resize(around + 2 * header.minimumSectionSize(), 700)
    qtbot.waitUntil(lambda: header.sectionSize(mean) < mean_width)
    widths = {header.sectionSize(c) for c in range(mean + 1)}
    assert widths == {header.minimumSectionSize()}
    view.set_data(None, [], {}, set())
    assert model.rowCount() == 0


def test_the_plenary_shows_its_heat_map_through_the_view(workspace: Workspace,
                                                         qtbot: Any) -> None:
    from evaluator.panel_lists import expert_names
    from ui.context import AppContext
    from ui.screens.plenary import Screen

    build_panel(workspace, PLANTED)
    screen = Screen(AppContext(workspace))
    qtbot.addWidget(screen)
    screen.agenda.selectRow(2)  # 103: a lone dissenter
    item = screen.current
    assert item is not None
    assert isinstance(screen.heatmap, HeatMapView)
    assert screen.heatmap_model is screen.heatmap.heat_model
    same_as_model(screen.heatmap, workspace.rubric(2018), item.consensus.sets,
                  expert_names(workspace, 2018), {d.code for d in item.indicators})
    # The plenary's type: the numbers two points under the screen's, rows one line high.
    assert screen.heatmap.font().pointSize() == max(screen.point_size - 2, 9)
    assert screen.heatmap.verticalHeader().defaultSectionSize() == \
        QFontMetrics(screen.heatmap.font()).height() + 1
    assert screen.heatmap.verticalHeader().maximumWidth() == 112


def test_the_trace_dialog_shows_its_heat_map_through_the_view(workspace: Workspace,
                                                              qtbot: Any) -> None:
    from evaluator.panel_lists import expert_names
    from evaluator.registry import find_by_code
    from ui.dialogs.trace_dialog import TraceDialog

    build_panel(workspace, PLANTED)
    alliance = find_by_code(workspace, "103")
    assert alliance is not None
    dialog = TraceDialog(workspace, 2018, alliance.id, None)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.heatmap, HeatMapView)
    assert dialog.consensus is not None
    same_as_model(dialog.heatmap, workspace.rubric(2018), dialog.consensus.sets,
                  expert_names(workspace, 2018), set())
    assert dialog.heatmap.verticalHeader().sectionResizeMode(0) == \
        QHeaderView.ResizeMode.ResizeToContents
    assert dialog.heatmap.verticalHeader().maximumWidth() == 260


def test_tight_rows_share_the_height_down_to_the_ink(qtbot: Any) -> None:
    """On a small screen (the plenary at 125-150 %) rows give up the font's leading
    before an indicator is cut off, and take a full line again when there is room."""
    rubric = load_default_rubric()
    view = HeatMapView(point_size=8, names_width=112, row_padding=2, tight_rows=True,
                       minimum_column=24)
    qtbot.addWidget(view)
    view.set_data(rubric, sample_sets(rubric), {1: "张三", 2: "李四", 3: "王五"}, set())
    metrics = QFontMetrics(view.font())
    line = metrics.height() + 2
    ink = metrics.tightBoundingRect("国0.5").height() + 2
    assert ink < line
    rows = view.heat_model.rowCount()
    view.show()
    qtbot.waitExposed(view)
    view.resize(600, 600)
    qtbot.waitUntil(lambda: view.rowHeight(0) == line)
    around = view.height() - view.viewport().height()  # the names and the frame
    view.resize(600, around + rows * ink + 2)
    qtbot.waitUntil(lambda: view.rowHeight(0) == ink)
    assert view.rowHeight(0) * rows <= view.viewport().height()  # every row shows
    view.resize(600, 200)  # far too low: the ink, and the map scrolls
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())
    assert view.rowHeight(0) == ink
