"""汇总与差异: merge score files (dropped, chosen, or a folder), see who has sent what,
and the plenary agenda the merged scores produce.

The merge runs in a `ui.workers.BackgroundRunner` on its own Workspace connection (the
SQLite connection belongs to the thread that opened it); progress and Cancel go through a
QProgressDialog, the report comes back by signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.flags import flag_disagreements
from evaluator.merge import MergeReport
from evaluator.progress import Progress
from evaluator.progress_matrix import ExpertRow, progress_matrix
from evaluator.received_files import received_files
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.labels import round_label, status_label
from ui.models.agenda_model import AgendaModel
from ui.models.file_result_model import FileResultModel
from ui.models.rows_model import RowsTableModel
from ui.widgets.file_drops import AcceptsFileDrops
from ui.workers import BackgroundRunner, JobOutcome

Index = QModelIndex | QPersistentModelIndex


class ProgressModel(RowsTableModel[ExpertRow]):
    """Experts of a round: received / assigned, latest export, what is still missing."""

    HEADERS = (QT_TRANSLATE_NOOP("ProgressModel", "Expert"),
               QT_TRANSLATE_NOOP("ProgressModel", "Group"),
               QT_TRANSLATE_NOOP("ProgressModel", "Received"),
               QT_TRANSLATE_NOOP("ProgressModel", "Latest export"),
               QT_TRANSLATE_NOOP("ProgressModel", "Still missing"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.name
            if col == 1:
                return e.group
            if col == 2:
                return f"{len(e.cells) - len(e.missing)}/{len(e.cells)}"
            if col == 3:
                return "" if e.latest_sequence is None else e.latest_sequence
            if col == 4:
                return "、".join(f"{c.code}" + ("" if c.status == "missing" else f"({self._cell(c.status)})")
                                for c in e.missing)
        if role == Qt.ItemDataRole.BackgroundRole and col == 2:
            return QBrush(QColor(200, 235, 200) if not e.missing else QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(QColor(0, 0, 0))
        return None

    def _cell(self, status: str) -> str:
        return status_label(status)


class Screen(AcceptsFileDrops, QWidget):
    merge_finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAcceptDrops(True)
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._on_done)
        self.last_report: MergeReport | None = None

        add_files = QPushButton(self.tr("Add score files…"))
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("Add a folder…"))
        add_folder.clicked.connect(self.choose_folder)
        self.accept_unsigned = QCheckBox(self.tr("Accept unsigned files (recorded in the log)"))
        self.accept_unsigned.toggled.connect(self._confirm_unsigned)
        self.accept_revoked = QCheckBox(
            self.tr("Accept files signed with revoked keys (recorded in the log)"))
        self.accept_revoked.toggled.connect(self._confirm_revoked)
        hint = QLabel(self.tr("Or drop score files or folders here."))
        options = QVBoxLayout()
        options.addWidget(self.accept_unsigned)
        options.addWidget(self.accept_revoked)
        top = QHBoxLayout()
        top.addWidget(add_files)
        top.addWidget(add_folder)
        top.addLayout(options)
        top.addStretch(1)
        top.addWidget(hint)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.results_model = FileResultModel(self)
        self.results_view = self._table(self.results_model, stretch=FileResultModel.REASONS)
        # The file name and time give way to the reasons on a narrow screen (elided in the
        # middle, whole in the tooltip); the reasons wrap and their rows grow to show them.
        self.results_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for column in self.SQUEEZED_COLUMNS:
            self.results_view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive)
        self.results_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.results_view.installEventFilter(self)
        self.round_box = QComboBox()
        for rnd in ("initial", "review"):
            self.round_box.addItem(round_label(rnd), rnd)
        self.round_box.currentIndexChanged.connect(lambda _i: self.refresh_progress())
        self.progress_model = ProgressModel(self)
        progress_tab = QWidget()
        pv = QVBoxLayout(progress_tab)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Round:")))
        row.addWidget(self.round_box)
        row.addStretch(1)
        pv.addLayout(row)
        pv.addWidget(self._table(self.progress_model, stretch=4))
        self.agenda_model = AgendaModel(self)
        self.agenda_view = self._table(self.agenda_model, stretch=2)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.results_view, self.tr("Files"))
        self.tabs.addTab(progress_tab, self.tr("Who has sent what"))
        self.tabs.addTab(self.agenda_view, self.tr("Differences (plenary agenda)"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _table(self, model: QAbstractTableModel, stretch: int) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results_view and event.type() == QEvent.Type.Resize:
            self._fit_file_column()
        return super().eventFilter(watched, event)

    # Columns that give way to the reasons on a narrow screen, and the share of the view
    # each may take at most (elided, whole in the tooltip): the file name, when received.
    SQUEEZED_COLUMNS: ClassVar[dict[int, int]] = {0: 4, 6: 7}

    def _fit_file_column(self) -> None:
        view = self.results_view
        for column, share in self.SQUEEZED_COLUMNS.items():
            wanted = max(view.sizeHintForColumn(column),
                         view.horizontalHeader().sectionSizeHint(column))
            view.setColumnWidth(column, min(wanted, max(view.viewport().width() // share, 90)))

    def title(self) -> str:
        return self.tr("Merge and flags")

    def refresh(self) -> None:
        self.refresh_progress()
        if self.context.workspace is None:
            self.results_model.set_received([])
            self.agenda_model.set_items([], {})
            return
        received = received_files(self.context.ws, self.context.year)
        self.results_model.set_received(received)
        self._fit_file_column()
        if self.last_report is None:
            self.summary.setText(
                self.tr("%1 score files received so far, %2 of them in use.")
                .replace("%1", str(len(received)))
                .replace("%2", str(sum(f.status == "accepted" for f in received))))
        self.agenda_model.set_items(flag_disagreements(self.context.ws, self.context.year), {})

    def refresh_progress(self) -> None:
        if self.context.workspace is None:
            self.progress_model.set_rows([])
            return
        matrix = progress_matrix(self.context.ws, self.context.year,
                                 self.round_box.currentData() or "initial")
        self.progress_model.set_rows(matrix.experts)

    # -- choosing files ---------------------------------------------------------------
    def _confirm_unsigned(self, checked: bool) -> None:
        if not checked:
            return
        answer = QMessageBox.question(
            self, self.tr("Unsigned files"),
            self.tr("Unsigned files cannot be proved to come from the expert. Accept them "
                    "only when you received them in person. Each is marked unsigned in "
                    "the log. Accept unsigned files?"))
        if answer != QMessageBox.StandardButton.Yes:
            self.accept_unsigned.setChecked(False)

    def _confirm_revoked(self, checked: bool) -> None:
        if not checked:
            return
        answer = QMessageBox.question(
            self, self.tr("Revoked keys"),
            self.tr("A key is revoked when its package was declared lost and a new one "
                    "issued (or, for old-style signatures, when the expert was given a "
                    "package of this version). Whoever found the lost package can sign "
                    "with it. Accept such files only when you are sure the expert sent "
                    "them. Each is marked in the log. Accept them?"))
        if answer != QMessageBox.StandardButton.Yes:
            self.accept_revoked.setChecked(False)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Score files"), "", ";;".join((
                self.tr("Score files and group files (*.xlsx *.evgroup)"),
                self.tr("Score files (*.xlsx)"), self.tr("Group files (*.evgroup)"))))
        if files:
            self.merge_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of score files"))
        if folder:
            self.merge_paths([Path(folder)])

    def files_dropped(self, paths: list[Path]) -> None:
        self.merge_paths(paths)

    # -- the merge ----------------------------------------------------------------------
    def merge_paths(self, paths: list[Path]) -> None:
        if self.context.workspace is None or self.runner.busy:
            return
        assert self.context.year is not None
        ws_path, year = self.context.ws.path, self.context.year
        accept_unsigned = self.accept_unsigned.isChecked()
        accept_revoked = self.accept_revoked.isChecked()

        def job(progress: Progress) -> MergeReport:
            from evaluator.isolation import score_files_safe_to_read
            from evaluator.merge import merge_score_files

            # A file that kills a reader in a child process is refused, never read here.
            safe, crashed = score_files_safe_to_read(paths, progress)
            with Workspace.open(ws_path) as ws:
                report = merge_score_files(ws, safe, accept_unsigned, progress, year=year,
                                           accept_revoked_keys=accept_revoked)
            report.results[:0] = crashed
            return report

        self.runner.start(job, self.tr("Merging score files…"), label_for=lambda m: m,
                          workspace=ws_path)

    def _on_done(self, job: JobOutcome) -> None:
        if job.error is None:
            report: MergeReport = job.value
            self.last_report = report
            self.results_model.set_results(report.results)
            self._fit_file_column()
            self.summary.setText(
                self.tr("%1 accepted, %2 rejected, %3 already merged.")
                .replace("%1", str(len(report.accepted)))
                .replace("%2", str(len(report.rejected)))
                .replace("%3", str(len(report.unchanged))))
            self.tabs.setCurrentIndex(0)
        elif isinstance(job.error, EvaluatorError):
            self.summary.setText(job.error.render())
        self.refresh()
        if self.last_report is not None and self.last_report.accepted:
            self.context.data_changed.emit("scores")
        self.merge_finished.emit()
        if job.error is not None and not isinstance(job.error, EvaluatorError):
            raise job.error  # a bug: the error dialog shows it
