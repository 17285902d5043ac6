"""填报信息: the alliances with batch, eligibility and records per first-level indicator;
filter and search; the selected alliance's submission in a detail pane; imports and export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.eligibility import ELIGIBLE, INELIGIBLE, NOT_SUBMITTED, status_text
from evaluator.errors import EvaluatorError
from evaluator.registry import normalize_name
from evaluator.rubric import IndicatorGroup
from evaluator.submissions import SubmissionSummary, list_submissions
from ui.context import AppContext
from ui.dialogs.import_dialog import REGISTRY, SUBMISSIONS, ImportDialog
from ui.labels import batch_names
from ui.widgets.records_view import RecordsView
from ui.widgets.report_dialog import WARNING, show_message

ModelIndex = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {ELIGIBLE: "#1b7a2f", INELIGIBLE: "#b35900", NOT_SUBMITTED: "#777777"}


class SubmissionsModel(QAbstractTableModel):
    """One row per registry alliance: code, name, batch, counts per group, status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SubmissionSummary] = []
        self._groups: list[IndicatorGroup] = []
        self._batch_names: dict[str, str] = {}

    def set_data(self, rows: list[SubmissionSummary], groups: list[IndicatorGroup],
                 batch_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._groups, self._batch_names = rows, groups, batch_names
        self.endResetModel()

    def summary(self, row: int) -> SubmissionSummary:
        return self._rows[row]

    def row_of(self, alliance_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.alliance.id == alliance_id:
                return i
        return None

    @property
    def status_column(self) -> int:
        return 3 + len(self._groups)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4 + len(self._groups)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        groups = len(self._groups)
        if role == Qt.ItemDataRole.DisplayRole:
            if section < 3:
                return (self.tr("Code"), self.tr("Alliance"), self.tr("Batch"))[section]
            if section < 3 + groups:
                return self.tr("Ind. %1").replace("%1", self._groups[section - 3].code)
            return self.tr("Eligibility")
        if role == Qt.ItemDataRole.ToolTipRole and 3 <= section < 3 + groups:
            group = self._groups[section - 3]
            name = group.name_en if messages.current_language() == "en" else group.name
            return self.tr("Records under %1").replace("%1", f"{group.code} {name}")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        groups = len(self._groups)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            if column == 0:
                return r.alliance.code
            if column == 1:
                return r.alliance.name
            if column == 2:
                return self._batch_names.get(r.alliance.batch_id, r.alliance.batch_id)
            if column < 3 + groups:
                count = r.counts.get(self._groups[column - 3].code, 0)
                if role == Qt.ItemDataRole.UserRole:
                    return count
                return str(count) if r.submitted else ""
            return status_text(r.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return r.alliance.name
            if column == self.status_column and r.reasons:
                return "\n".join(messages.text(p.code, **p.params) for p in r.reasons)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.status_column:
                return QBrush(QColor(STATUS_COLOURS[r.status]))
            if 3 <= column < 3 + groups and r.submitted and r.counts.get(
                    self._groups[column - 3].code, 0) == 0:
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column < 3 + groups:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SubmissionsFilter(QSortFilterProxyModel):
    """Filter by status and batch, and by a search text over code and name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.batch: str | None = None
        self.search = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filter(self, status: str | None, batch: str | None, search: str) -> None:
        self.beginFilterChange()
        self.status, self.batch = status, batch
        self.search = normalize_name(search).lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SubmissionsModel):
            return True
        r = model.summary(source_row)
        if self.status and r.status != self.status:
            return False
        if self.batch and r.alliance.batch_id != self.batch:
            return False
        if self.search:
            haystack = f"{r.alliance.code} {normalize_name(r.alliance.name)}".lower()
            return self.search in haystack
        return True


class Screen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = SubmissionsModel(self)
        self.proxy = SubmissionsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.import_registry_button = QPushButton(self.tr("Import registry…"))
        self.import_registry_button.clicked.connect(lambda: self.open_import(REGISTRY))
        self.import_button = QPushButton(self.tr("Import submissions…"))
        self.import_button.clicked.connect(lambda: self.open_import(SUBMISSIONS))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._export)
        self.template_button = QPushButton(self.tr("Write template…"))
        self.template_button.clicked.connect(self._template)

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All alliances"), None)
        self.status_filter.addItem(self.tr("Eligible"), ELIGIBLE)
        self.status_filter.addItem(self.tr("Not eligible"), INELIGIBLE)
        self.status_filter.addItem(self.tr("Not submitted"), NOT_SUBMITTED)
        self.batch_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code or name"))
        self.search.setClearButtonEnabled(True)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.batch_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.counts = QLabel()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.records = RecordsView()

        actions = QHBoxLayout()
        for button in (self.import_registry_button, self.import_button, self.export_button,
                       self.template_button):
            actions.addWidget(button)
        actions.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.batch_filter)
        filters.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.counts)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.records)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([700, 560])
        self.splitter = splitter
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self.context.data_changed.connect(self._on_data_changed)
        self.refresh()

    def title(self) -> str:
        return self.tr("Submissions")

    # Below this width (a 1366x768 laptop at 150 % leaves ~730 logical pixels to a screen)
    # the records go under the table, so names and 评价要求 keep their width.
    STACKED_BELOW = 1000

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Vertical if event.size().width() < self.STACKED_BELOW
                  else Qt.Orientation.Horizontal)
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            total = (self.splitter.height() if wanted == Qt.Orientation.Vertical
                     else self.splitter.width())
            self.splitter.setSizes([total * 5 // 9, total * 4 // 9])

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        workspace = self.context.workspace
        enabled = workspace is not None
        for button in (self.import_registry_button, self.import_button, self.export_button):
            button.setEnabled(enabled)
        if workspace is None or self.context.year is None:
            self.model.set_data([], [], {})
            self.records.clear()
            self.counts.clear()
            return
        year = self.context.year
        current = self.current_alliance_id()
        names = batch_names(workspace)
        self.model.set_data(list_submissions(workspace, year),
                            list(workspace.rubric(year).groups), names)
        chosen = self.batch_filter.currentData()
        self.batch_filter.blockSignals(True)
        self.batch_filter.clear()
        self.batch_filter.addItem(self.tr("All batches"), None)
        for batch_id, name in names.items():
            self.batch_filter.addItem(name, batch_id)
        found = self.batch_filter.findData(chosen)
        self.batch_filter.setCurrentIndex(max(found, 0))
        self.batch_filter.blockSignals(False)
        self._apply_filter()
        # Every column but the name as wide as its contents; the name takes what is left
        # (elided, full in the tooltip), so 评价要求 never hides behind a sideways scroll.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if current is not None:
            self.select_alliance(current)

    def _on_data_changed(self, what: str) -> None:
        if what in ("submissions", "registry", "settings", "workspace"):
            self.refresh()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.status_filter.currentData(), self.batch_filter.currentData(),
                              self.search.text())
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        tally = {s: 0 for s in (ELIGIBLE, INELIGIBLE, NOT_SUBMITTED)}
        for i in range(total):
            tally[self.model.summary(i).status] += 1
        self.counts.setText(
            self.tr("Showing %1 of %2 alliances · eligible %3 · not eligible %4 · "
                    "not submitted %5").replace("%1", str(shown)).replace("%2", str(total))
            .replace("%3", str(tally[ELIGIBLE])).replace("%4", str(tally[INELIGIBLE]))
            .replace("%5", str(tally[NOT_SUBMITTED])))

    def current_alliance_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(self.proxy.mapToSource(index).row()).alliance.id

    def select_alliance(self, alliance_id: int) -> None:
        row = self.model.row_of(alliance_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self.context.workspace is None:
            self.records.clear()
            return
        summary = self.model.summary(self.proxy.mapToSource(current).row())
        self.records.show_records(self.context.ws, self.context.year or 0, summary.alliance.id)

    # -- actions -------------------------------------------------------------------------
    def open_import(self, kind: str) -> ImportDialog | None:
        if self.context.path is None:
            return None
        dialog = ImportDialog(kind, self.context.path, self.context.year, self)
        dialog.imported.connect(lambda what: self.context.data_changed.emit(what))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _export(self) -> None:
        if self.context.workspace is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export submissions"),
            f"{self.context.year}_submissions.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        from evaluator.submissions import export_submissions

        try:
            counts = export_submissions(self.context.ws, Path(name), self.context.year)
        except EvaluatorError as error:
            show_message(self, WARNING, self.tr("Export submissions"), error.render())
            return
        self.context.status_message.emit(messages.text(
            "submissions.exported", path=name, alliances=counts["alliances"],
            records=counts["records"]))

    def _template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write template"), "submissions_template.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        from evaluator.submissions import write_submissions_template

        write_submissions_template(Path(name), self.context.workspace, self.context.year)
        self.context.status_message.emit(messages.text("submissions.template_written", path=name))
