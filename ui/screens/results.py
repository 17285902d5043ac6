"""Results (评价结果): the ranked results, A-level and stalled lists, the statistics with
charts, and the buttons that publish the results and write the workbook and report draft.
Every score can be traced to where it came from (评分来源, ui/dialogs/trace_dialog.py).

At national scale reading the year's results takes seconds (docs/performance.md,
"Results table"): above `SCORES_IN_BACKGROUND` scores the refresh computes in a worker on
its own connection and fills the tables when it returns; below, it stays on the UI thread
(the demo and the tests stay instant and deterministic).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.bands import BANDS, band_tint
from evaluator.history import ALevelRow, missing_text
from evaluator.overview import score_count
from evaluator.progress import Progress
from evaluator.registry import Alliance
from evaluator.results import (
    ResultRow,
    Undecided,
    compute_results,
    last_publication,
    publish_results,
    undecided_items,
)
from evaluator.statistics import Statistics
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from evaluator.year_results import YearResults, year_results
from ui.charts import BandPieView, GroupedBarView
from ui.context import AppContext
from ui.labels import band_label, batch_names, indicator_names, source_label
from ui.models.rows_model import RowsTableModel
from ui.widgets.history_years import HistoryYears
from ui.widgets.report_dialog import WARNING, show_message
from ui.workers import BackgroundRunner, JobOutcome, TaskState, on_workspace

ModelIndex = QModelIndex | QPersistentModelIndex
# Above this many scores in the year the refresh runs in a worker (about a second of
# computation at 100,000 scores; 4.2 s at 1,200,000, docs/performance.md).
SCORES_IN_BACKGROUND = 100_000


def band_names() -> dict[str, str]:
    return {band: band_label(band) for band in BANDS}


class RowsModel(RowsTableModel[list[Any]]):
    """A read-only table of rows of plain values, with an optional row background."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Already translated by the screen: translate() finds no entry and shows them as given.
        self.HEADERS = tuple(headers)
        self.backgrounds: list[str | None] = []

    def set_rows(self, rows: list[list[Any]], backgrounds: list[str | None] | None = None) -> None:
        self.backgrounds = backgrounds or [None] * len(rows)
        super().set_rows(rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.BackgroundRole and self.backgrounds[index.row()]:
            return QBrush(QColor(self.backgrounds[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ResultsModel(RowsTableModel[ResultRow]):
    """The ranked results: rank, code, name, batch, score, band, where the score comes from."""

    HEADERS = (QT_TRANSLATE_NOOP("ResultsModel", "Rank"),
               QT_TRANSLATE_NOOP("ResultsModel", "Code"),
               QT_TRANSLATE_NOOP("ResultsModel", "Alliance"),
               QT_TRANSLATE_NOOP("ResultsModel", "Batch"),
               QT_TRANSLATE_NOOP("ResultsModel", "Score"),
               QT_TRANSLATE_NOOP("ResultsModel", "Band"),
               QT_TRANSLATE_NOOP("ResultsModel", "Source"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.batch_names: dict[str, str] = {}

    def set_rows(self, rows: list[ResultRow], batch_names: dict[str, str] | None = None) -> None:
        if batch_names is not None:
            self.batch_names = batch_names
        super().set_rows(rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            values: list[Any] = [r.rank, r.code, r.name, self.batch_names.get(r.batch_id,
                                                                               r.batch_id),
                                 r.score, band_label(r.band), source_label(r.source, r.basis)]
            value = values[column]
            if role == Qt.ItemDataRole.UserRole:
                return {0: r.rank, 4: -1 if r.score is None else r.score}.get(column, value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(band_tint(r.band)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ResultsFilter(QSortFilterProxyModel):
    """Filters by band, batch and text (code or name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.band: str | None = None
        self.batch: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filters(self, band: str | None, batch: str | None, text: str) -> None:
        self.beginFilterChange()
        self.band, self.batch, self.text = band, batch, text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ResultsModel) or source_row >= len(model.rows):
            return True
        r = model.rows[source_row]
        if self.band and r.band != self.band:
            return False
        if self.batch and r.batch_id != self.batch:
            return False
        return not self.text or self.text in r.code.lower() or self.text in r.name.lower()


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


def _with_hint(hint: QLabel, table: QTableView) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    hint.setWordWrap(True)
    layout.addWidget(hint)
    layout.addWidget(table, 1)
    return page


def _columns_width(view: QTableView) -> int:
    """The width that shows every column of `view` whole, without a scroll bar."""
    header = view.horizontalHeader()
    return (sum(max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
                for c in range(header.count()))
            + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width())


class Screen(QWidget):
    published = Signal(object)  # the published ResultRows, once shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._written)
        self.writing: Path | None = None  # the file the runner is writing
        self.stats: Statistics | None = None
        # The refresh's own runner (a workbook may be written while the tables reload).
        self.loader = BackgroundRunner(self)
        self.loader.finished.connect(self._loaded)
        self.loading: tuple[Path, int] | None = None  # (workspace, year) being computed
        # Publishing's two jobs: what would be published, then (confirmed) the publication.
        self.publisher = BackgroundRunner(self)
        self.publisher.finished.connect(self._publish_step)
        self._publish_next: Callable[[JobOutcome], None] | None = None
        self.reload_after = False  # a refresh was asked for while one was computing
        self.leniency: dict[int, float] | None = None

        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.publish_button = QPushButton(self.tr("Publish results"))
        self.publish_button.clicked.connect(self.publish)
        self.export_button = QPushButton(self.tr("Export results workbook"))
        self.export_button.clicked.connect(self.export_workbook)
        self.report_button = QPushButton(self.tr("Generate report draft"))
        self.report_button.clicked.connect(self.write_report)
        self.show_inactive = QCheckBox(self.tr("Show inactive alliances' scores"))
        self.trace_button = QPushButton(self.tr("Where the score comes from…"))
        self.trace_button.setToolTip(self.tr(
            "How the selected alliance's score came about: the decision or the experts' "
            "scores, the score files and the audit log (double-click or Enter)"))
        self.trace_button.clicked.connect(lambda: self.open_trace())
        for widget in (self.publish_button, self.export_button, self.report_button,
                       self.trace_button, self.show_inactive):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # Results tab.
        results_tab = QWidget()
        results_layout = QVBoxLayout(results_tab)
        filters = QHBoxLayout()
        self.band_filter = QComboBox()
        self.band_filter.addItem(self.tr("All bands"), None)
        for band in BANDS:
            self.band_filter.addItem(band_names()[band], band)
        self.batch_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code or name"))
        filters.addWidget(QLabel(self.tr("Band:")))
        filters.addWidget(self.band_filter)
        filters.addWidget(QLabel(self.tr("Batch:")))
        filters.addWidget(self.batch_filter)
        filters.addWidget(self.search, 1)
        results_layout.addLayout(filters)
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.results_view = _table(self.proxy)
        self.results_view.setSortingEnabled(True)
        self.results_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.results_view.doubleClicked.connect(self.open_trace)
        self.trace_action = QAction(self.tr("Where the score comes from…"), self.results_view)
        self.trace_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                        QKeySequence(Qt.Key.Key_Enter)])
        self.trace_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.trace_action.triggered.connect(lambda: self.open_trace())
        self.results_view.addAction(self.trace_action)
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.customContextMenuRequested.connect(self._results_menu)
        results_layout.addWidget(self.results_view)
        self.tabs.addTab(results_tab, self.tr("Results"))
        for combo in (self.band_filter, self.batch_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)

        # A-level and stalled.
        self.a_level_model = RowsModel([self.tr("No."), self.tr("Code"), self.tr("Alliance")],
                                       self)
        self.a_level_hint = QLabel()
        self.tabs.addTab(_with_hint(self.a_level_hint, _table(self.a_level_model)),
                         self.tr("A-level alliances"))
        self.stalled_model = RowsModel([self.tr("Code"), self.tr("Alliance"), self.tr("Batch")],
                                       self)
        self.stalled_hint = QLabel()
        self.tabs.addTab(_with_hint(self.stalled_hint, _table(self.stalled_model)),
                         self.tr("Stalled alliances"))
        self.history = HistoryYears()
        self.history.imported.connect(self._history_imported)

        # Statistics.
        self.overall_model = RowsModel([self.tr("Band"), self.tr("Alliances"),
                                        self.tr("% of participants"), self.tr("% of all")],
                                       self)
        self.batch_model = RowsModel([self.tr("Band"), self.tr("Batch"), self.tr("Alliances"),
                                      self.tr("% of band"), self.tr("% of batch")], self)
        self.activity_model = RowsModel([self.tr("Code"), self.tr("Activity"),
                                         *[band_names()[b] for b in BANDS]], self)
        stats_inner = QWidget()
        stats_layout = QVBoxLayout(stats_inner)
        top = QHBoxLayout()
        grid = QGridLayout()
        stats_layout.addLayout(top)
        stats_layout.addLayout(grid)
        self.overall_table = _table(self.overall_model)
        self.overall_table.setMinimumHeight(200)
        self.overall_table.horizontalHeader().setStretchLastSection(False)  # sized to fit
        self.batch_table = _table(self.batch_model)
        self.batch_table.setMinimumHeight(320)
        self.activity_table = _table(self.activity_model)
        self.activity_table.setMinimumHeight(380)
        activity_header = self.activity_table.horizontalHeader()
        activity_header.setStretchLastSection(False)  # the activity's name takes the room
        activity_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.overall_pie = BandPieView()
        self.batch_pies = [BandPieView(compact=True) for _ in range(4)]
        self.batch_bars = GroupedBarView()
        self.score_bars = GroupedBarView()
        self.activity_bars = GroupedBarView(horizontal=True)
        self.activity_bars.setMinimumHeight(460)
        # The overall table as wide as its columns, the pie and its legend the rest.
        top.addWidget(self.overall_table, 0)
        top.addWidget(self.overall_pie, 1)
        grid.addWidget(self.batch_table, 0, 0)
        pies = QWidget()
        pies_layout = QGridLayout(pies)
        for i, pie in enumerate(self.batch_pies):
            pies_layout.addWidget(pie, i // 2, i % 2)
        grid.addWidget(pies, 0, 1)
        grid.addWidget(self.batch_bars, 1, 0)
        grid.addWidget(self.score_bars, 1, 1)
        # The activities (long names in English, a column per band) get the full width.
        grid.addWidget(self.activity_table, 2, 0, 1, 2)
        grid.addWidget(self.activity_bars, 3, 0, 1, 2)
        # Halves, so the batch table fits its English headers and band names without a
        # sideways scroll bar at 1280x720.
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(stats_inner)
        self.tabs.addTab(scroll, self.tr("Statistics"))
        self.tabs.addTab(self.history, self.tr("Past years"))

        self.refresh()

    def title(self) -> str:
        return self.tr("Results")

    # -- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.context.workspace
        enabled = ws is not None
        for button in (self.export_button, self.report_button, self.trace_button):
            button.setEnabled(enabled)
        self.publish_button.setEnabled(enabled and not self.publisher.busy)
        if ws is None or self.context.year is None:
            self.history.set_workspace(None, None)
            self.model.set_rows([], {})
            self.leniency = None
            self.summary.setText(self.tr("No workspace is open."))
            return
        year = self.context.year
        names = batch_names(ws)
        current = self.batch_filter.currentData()
        self.batch_filter.blockSignals(True)
        self.batch_filter.clear()
        self.batch_filter.addItem(self.tr("All batches"), None)
        for batch_id, name in names.items():
            self.batch_filter.addItem(name, batch_id)
        index = self.batch_filter.findData(current)
        self.batch_filter.setCurrentIndex(max(index, 0))
        self.batch_filter.blockSignals(False)
        count = score_count(ws, year)
        if count <= SCORES_IN_BACKGROUND:
            self._show(year_results(ws, year), year)
            return
        if self.loader.busy:
            self.reload_after = True
            return
        ws_path = ws.path
        self.loading = (ws_path, year)

        self.summary.setText(self.tr("Computing the {year} results…").format(year=year))
        self.loader.start(on_workspace(ws_path, lambda own, _state: year_results(own, year)),
                          self.tr("Computing the {year} results…").format(year=year),
                          title=self.tr("Results"), workspace=ws_path)

    def _loaded(self, outcome: JobOutcome) -> None:
        asked, self.loading = self.loading, None
        ws, year = self.context.workspace, self.context.year
        if self.reload_after or ws is None or asked != (ws.path, year):
            # The workspace, year or data changed while it computed: read again.
            self.reload_after = False
            self.refresh()
            return
        problem = outcome.problem()  # a bug is raised: the crash dialog
        if outcome.cancelled:
            self.summary.setText(self.tr("Cancelled; press F5 to compute the results."))
        elif problem is not None:
            self.show_problem(self.tr("Results"), problem.render())
        else:
            assert year is not None
            self._show(outcome.value, year)

    def _show(self, data: YearResults, year: int) -> None:
        ws = self.context.ws
        names = batch_names(ws)
        rows = data.rows
        self.model.set_rows(rows, names)
        self._apply_filters()
        self.stats = data.stats
        self.leniency = data.leniency
        self._show_lists(data.a_level, data.stalled, names)
        self._show_hints(data, year)
        self.history.set_workspace(ws, year)
        self._show_statistics(self.stats, names, indicator_names(ws.rubric(year)))
        source = rows[0].source if rows else ""
        text = self.tr("{year}: {n} alliances took part; {total} in the programme.").format(
            year=year, n=len(rows), total=self.stats.total)
        publication = last_publication(ws, year) if source == "published" else None
        if publication is not None:
            text += " " + self.tr("Published by {by} on {at}.").format(
                by=publication["published_by"], at=local_time(publication["published_at"]))
        elif source in ("plenary", "consensus"):
            text += " " + self.tr("Not yet published: the scores as they stand now.")
        elif source == "history":
            text += " " + self.tr("Imported past results (see Past years).")
        self.summary.setText(text)

    # -- tracing a score -----------------------------------------------------------------
    def selected_result(self) -> ResultRow | None:
        index = self.results_view.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.row_at(source.row()) if source.isValid() else None

    def open_trace(self, index: ModelIndex | None = None) -> Any:
        """Show where the chosen alliance's score comes from (评分来源); returns the dialog."""
        from ui.dialogs.trace_dialog import open_trace

        ws, year = self.context.workspace, self.context.year
        if index is not None and index.isValid():
            self.results_view.setCurrentIndex(self.proxy.index(index.row(), 0))
        row = self.selected_result()
        if ws is None or year is None or row is None:
            self.context.status_message.emit(self.tr("Select an alliance in the results first."))
            return None
        return open_trace(ws, year, row.alliance_id, self.leniency, self)

    def _results_menu(self, point: QPoint) -> None:
        index = self.results_view.indexAt(point)
        if not index.isValid():
            return
        self.results_view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.trace_action)
        menu.exec(self.results_view.viewport().mapToGlobal(point))

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.band_filter.currentData(), self.batch_filter.currentData(),
                               self.search.text())

    def _show_lists(self, a_rows: list[ALevelRow], stalled_rows: list[Alliance],
                    names: dict[str, str]) -> None:
        self.a_level_model.set_rows([[r.seq, r.code, r.name] for r in a_rows])
        self.stalled_model.set_rows([[a.code, a.name, names.get(a.batch_id, a.batch_id)]
                                     for a in stalled_rows])

    def _show_hints(self, data: YearResults, year: int) -> None:
        """Why a three-year list is empty when it cannot be judged yet."""
        ws = self.context.ws
        for hint, missing, what, n_key, found in (
                (self.a_level_hint, data.a_level_missing,
                 self.tr("the A-level alliances"), "history.a_level_years", data.a_level),
                (self.stalled_hint, data.stalled_missing,
                 self.tr("the stalled alliances"), "history.stalled_years", data.stalled)):
            if missing:
                hint.setText(missing_text(ws, year, missing, what))
                hint.setStyleSheet("color: #8a5300; font-weight: bold;")
            else:
                n = int(ws.setting(n_key))
                hint.setText(self.tr("%1-%2: %3 alliances.").replace(
                    "%1", str(year - n + 1)).replace("%2", str(year)).replace(
                    "%3", str(len(found))))
                hint.setStyleSheet("")

    def _history_imported(self, _year: int) -> None:
        self.context.data_changed.emit("results")
        self.refresh()

    def _show_statistics(self, s: Statistics, batch_labels: dict[str, str],
                         indicator_labels: dict[str, str]) -> None:
        """`s` names batches and activities in Chinese; the maps give the UI's language."""
        bands = band_names()
        batches = [batch_labels.get(b.batch_id, b.name) for b in s.batches]
        activities = [indicator_labels.get(a.code, a.name) for a in s.activities]
        self.overall_model.set_rows(
            [[bands[b], s.bands[b].count, f"{s.bands[b].pct_of_participants}%",
              f"{s.bands[b].pct_of_total}%"] for b in BANDS]
            + [[self.tr("High and fairly high"), s.high_and_fairly_high.count,
                f"{s.high_and_fairly_high.pct_of_participants}%",
                f"{s.high_and_fairly_high.pct_of_total}%"]],
            [band_tint(b) for b in BANDS] + [None])
        rows, colours = [], []
        for band in BANDS:
            for b, name in zip(s.batches, batches, strict=True):
                f = b.bands[band]
                rows.append([bands[band], name, f.count, f"{f.pct_of_band}%",
                             f"{f.pct_of_batch}%"])
                colours.append(band_tint(band))
        self.batch_model.set_rows(rows, colours)
        self.activity_model.set_rows([[a.code, name, *[a.counts[b] for b in BANDS]]
                                      for a, name in zip(s.activities, activities,
                                                         strict=True)])
        self.overall_table.setMinimumWidth(_columns_width(self.overall_table))
        self.overall_pie.set_counts(self.tr("All participants"),
                                    {b: s.bands[b].count for b in BANDS}, bands)
        for pie, b, name in zip(self.batch_pies, s.batches, batches, strict=False):
            pie.set_counts(name, {k: b.bands[k].count for k in BANDS}, bands)
        self.batch_bars.set_data(self.tr("Bands by batch"), batches,
                                 {k: [b.bands[k].count for b in s.batches] for k in BANDS},
                                 bands)
        self.score_bars.set_data(self.tr("Score distribution"),
                                 [label for label, _ in s.score_bins],
                                 {"n": [n for _, n in s.score_bins]},
                                 {"n": self.tr("Alliances")})
        self.activity_bars.set_data(self.tr("Activities carried out, by band"), activities,
                                    {b: [a.counts[b] for a in s.activities] for b in BANDS},
                                    bands)

    # -- actions -------------------------------------------------------------------------
    def publish(self) -> TaskState | None:
        """Publish the year's results: what would be published is computed in the
        background, the publisher confirms it (PublishDialog), then the publication is
        written in the background too; `published` carries the rows once shown."""
        ws, year = self.context.workspace, self.context.year
        if ws is None or year is None or self.publisher.busy:
            return None
        ws_path = ws.path

        def check(own: Workspace, _state: TaskState) -> tuple[int, list[Undecided]]:
            return len(compute_results(own, year)), undecided_items(own, year)

        self._publish_next = lambda outcome: self._confirm_publish(outcome, ws_path, year)
        self.publish_button.setEnabled(False)
        return self.publisher.start(on_workspace(ws_path, check),
                                    self.tr("Checking what would be published…"),
                                    title=self.tr("Publish results"), workspace=ws_path)

    def ask_publish(self, year: int, alliances: int, who: str,
                    undecided: list[Undecided]) -> int | None:
        """The publisher's confirmation: the count of undecided items accepted, or None
        (separate so tests can replace the modal dialog)."""
        from ui.dialogs.publish_dialog import PublishDialog

        dialog = PublishDialog(year, alliances, who, undecided, self)
        return dialog.accepted_undecided() if dialog.exec() else None

    def show_problem(self, title: str, text: str) -> None:
        show_message(self, WARNING, title, text)

    def _publish_step(self, outcome: JobOutcome) -> None:
        after, self._publish_next = self._publish_next, None
        self.publish_button.setEnabled(self.context.workspace is not None)
        if after is not None:
            after(outcome)

    def _confirm_publish(self, outcome: JobOutcome, ws_path: Path, year: int) -> None:
        problem = outcome.problem()
        ws = self.context.workspace
        if outcome.cancelled or ws is None or (ws.path, self.context.year) != (ws_path, year):
            self.context.status_message.emit(self.tr("Cancelled; nothing was published."))
            return
        if problem is not None:
            self.show_problem(self.tr("Publish results"), problem.render())
            return
        alliances, undecided = outcome.value
        accepted = self.ask_publish(year, alliances, ws.actor, undecided)
        if accepted is None:
            return
        who = ws.actor

        def write(own: Workspace, _state: TaskState) -> list[ResultRow]:
            return publish_results(own, year, accepted_undecided=accepted, by=who)

        self._publish_next = self._published
        self.publish_button.setEnabled(False)
        # Backing up and freezing the results cannot stop half-way: no Cancel.
        self.publisher.start(on_workspace(ws_path, write),
                             self.tr("Publishing the {year} results…").format(year=year),
                             title=self.tr("Publish results"), workspace=ws_path,
                             cancellable=False)

    def _published(self, outcome: JobOutcome) -> None:
        problem = outcome.problem()
        if problem is not None:
            self.show_problem(self.tr("Publish results"), problem.render())
            return
        rows: list[ResultRow] = outcome.value
        self.context.status_message.emit(
            self.tr("Published {n} results.").format(n=len(rows)))
        self.context.data_changed.emit("results")
        self.refresh()
        self.published.emit(rows)

    def export_workbook(self) -> None:
        path = self._ask_path(self.tr("Export results workbook"), "xlsx",
                              self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        year, show = self.context.year, self.show_inactive.isChecked()

        def job(ws: Workspace, progress: Any) -> None:
            from evaluator.exports.workbook import export_workbook

            export_workbook(ws, path, year=year, show_inactive_scores=show, progress=progress)

        self.run_in_worker(job, path, self.tr("Writing the results workbook…"))

    def write_report(self) -> None:
        path = self._ask_path(self.tr("Generate report draft"), "docx",
                              self.tr("Word document (*.docx)"))
        if path is None:
            return
        year = self.context.year

        def job(ws: Workspace, progress: Any) -> None:
            from evaluator.exports.report import write_report

            write_report(ws, path, year=year, progress=progress)

        self.run_in_worker(job, path, self.tr("Writing the report draft…"))

    def _ask_path(self, caption: str, suffix: str, filter_text: str) -> Path | None:
        ws = self.context.workspace
        if ws is None:
            return None
        default = ws.path.with_name(f"{ws.path.stem}-{self.context.year}.{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, caption, str(default), filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{suffix}" else path.with_suffix(f".{suffix}")

    def run_in_worker(self, job: Callable[[Workspace, Progress], Any], out: Path,
                      label: str) -> TaskState | None:
        """Run `job(ws, progress)` on the runner's own connection to the workspace; say in
        the status bar when `out` is written."""
        ws = self.context.workspace
        if ws is None or self.runner.busy:
            return None
        self.writing = out
        return self.runner.start(on_workspace(ws.path, job), label, title=self.tr("Results"),
                                 workspace=ws.path)

    def _written(self, outcome: JobOutcome) -> None:
        out, self.writing = self.writing, None
        problem = outcome.problem()  # a bug is raised: the crash dialog
        if problem is None:
            self.context.status_message.emit(self.tr("Written {path}").format(path=str(out)))
        elif outcome.cancelled:
            self.context.status_message.emit(self.tr("Cancelled; nothing was written."))
        else:
            self.show_problem(self.tr("Results"), problem.render())
