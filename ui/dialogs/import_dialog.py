"""Import a registry or submissions file: pick or drop it, import in the background, and
read the validation report as a sortable table that can be saved as CSV or XLSX.

The import runs in a `ui.workers.BackgroundRunner` on its own Workspace connection (opened
by path: the SQLite connection belongs to the thread that opened it); progress and the
outcome come back by signal, and Cancel sets a flag the core checks between steps (nothing
is written then).
"""

from __future__ import annotations

import csv
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.atomic import atomic_write
from evaluator.errors import EvaluatorError, Problem
from evaluator.excel_text import csv_field, write_row
from evaluator.progress import Cancelled
from ui.models.rows_model import RowsTableModel
from ui.widgets.file_drops import AcceptsFileDrops
from ui.window_fit import fit_size
from ui.workers import BackgroundRunner, JobOutcome

ModelIndex = QModelIndex | QPersistentModelIndex
REGISTRY = "registry"
SUBMISSIONS = "submissions"
FILE_FILTER = "*.xlsx *.xlsm *.csv"


@dataclass
class ImportOutcome:
    ok: bool
    cancelled: bool = False
    summary: str = ""
    problems: list[Problem] = field(default_factory=list)


def run_import(kind: str, workspace_path: Path, paths: list[Path], year: int | None,
               progress: Any) -> ImportOutcome:
    """The import itself, Qt-free; called in the worker thread."""
    from evaluator.isolation import first_read, probe_table_file
    from evaluator.workspace import Workspace

    try:
        # A file that kills a reader in a child process is refused, never read here.
        crashed = first_read(paths, probe_table_file, progress=progress)
        if crashed:
            return ImportOutcome(False, problems=list(crashed.values()))
        with Workspace.open(workspace_path) as ws:
            if kind == REGISTRY:
                from evaluator.registry_import import import_registry

                report: Any = import_registry(ws, paths[0], progress=progress)
                summary = messages.text("registry_import.done", created=report.created,
                                        updated=report.updated, unchanged=report.unchanged)
            else:
                from evaluator.submissions import import_submissions

                report = import_submissions(ws, paths, year, progress=progress)
                summary = messages.text("submissions.done", year=report.year,
                                        created=report.created, updated=report.updated,
                                        unchanged=report.unchanged, records=report.records)
        return ImportOutcome(True, summary=summary, problems=list(report.warnings))
    except Cancelled as error:
        return ImportOutcome(False, cancelled=True, problems=error.problems)
    except EvaluatorError as error:
        return ImportOutcome(False, problems=error.problems)
    except Exception as exc:  # a bug: log it, show it, keep the app running
        from evaluator.logs import log_path, write_traceback

        path = write_traceback(traceback.format_exc())
        return ImportOutcome(False, problems=[Problem(
            "cli.bug", {"log": str(path or log_path()), "error": repr(exc)})])


# -- the report ---------------------------------------------------------------------------
REPORT_HEADERS_ZH = ("级别", "工作表", "行", "列", "问题")
REPORT_HEADERS_EN = ("Severity", "Sheet", "Row", "Column", "Problem")


def problem_row(problem: Problem, lang: str | None = None) -> list[Any]:
    lang = lang or messages.current_language()
    severity = {"zh": {"error": "错误", "warning": "提示"},
                "en": {"error": "Error", "warning": "Warning"}}[lang][problem.severity]
    return [severity, problem.sheet or problem.file or "", problem.row, problem.column or "",
            messages.text(problem.code, lang, **problem.params)]


def write_problem_report(problems: list[Problem], path: Path, lang: str | None = None) -> None:
    """The report as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX, by suffix."""
    lang = lang or messages.current_language()
    headers = REPORT_HEADERS_ZH if lang == "zh" else REPORT_HEADERS_EN
    rows = [problem_row(p, lang) for p in problems]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        sheet = wb.active
        sheet.title = "导入检查" if lang == "zh" else "Import check"
        for number, row in enumerate([list(headers), *rows], start=1):
            write_row(sheet, number, row)  # values quoted from the file stay text
        sheet.column_dimensions["E"].width = 90
        with atomic_write(path, suffix=".xlsx") as tmp:
            wb.save(tmp)
        return
    with atomic_write(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(["" if v is None else csv_field(v) for v in row] for row in rows)


class ProblemTableModel(RowsTableModel[Problem]):
    """The validation report; sorted through a QSortFilterProxyModel (row numbers as ints)."""

    HEADERS = (QT_TRANSLATE_NOOP("ProblemTableModel", "Severity"),
               QT_TRANSLATE_NOOP("ProblemTableModel", "Sheet"),
               QT_TRANSLATE_NOOP("ProblemTableModel", "Row"),
               QT_TRANSLATE_NOOP("ProblemTableModel", "Column"),
               QT_TRANSLATE_NOOP("ProblemTableModel", "Problem"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: list[list[Any]] = []  # each problem's cells, rendered once

    def set_rows(self, rows: list[Problem]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._values = [problem_row(p) for p in self.rows]
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        value = self._values[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return str(value)
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            if index.column() == 2:
                return -1 if value is None else int(value)
            if index.column() == 0:
                return 0 if self.rows[index.row()].severity == "error" else 1
            return "" if value is None else str(value)
        return None


class DropArea(AcceptsFileDrops, QFrame):
    """A framed area that accepts dropped files and has a Choose button."""

    files_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(90)
        self.label = QLabel(self.tr("Drop a workbook (.xlsx) or CSV files here"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose file…"))
        self.choose.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose)
        row.addStretch(1)
        layout.addLayout(row)

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the file to import"), "",
            self.tr("Workbooks and CSV files (%1)").replace("%1", FILE_FILTER))
        if names:
            self.files_chosen.emit([Path(n) for n in names])

    def files_dropped(self, paths: list[Path]) -> None:
        self.files_chosen.emit(paths)


class ImportDialog(QDialog):
    """Import one registry or submissions file into the workspace at `workspace_path`."""

    finished_import = Signal(object)  # ImportOutcome
    imported = Signal(str)  # "registry" or "submissions": the workspace changed

    def __init__(self, kind: str, workspace_path: Path, year: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.workspace_path, self.year = kind, Path(workspace_path), year
        self.paths: list[Path] = []
        self.outcome: ImportOutcome | None = None
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._on_done)
        self.setWindowTitle(self.tr("Import alliance registry") if kind == REGISTRY
                            else self.tr("Import submissions"))
        fit_size(self, 900, 560)

        hint = QLabel(self.tr(
            "Registry columns: 联盟代码, 联盟名称, optional 批次 and 曾用名.") if kind == REGISTRY
            else self.tr("A workbook with sheets 基本信息 and 活动记录, or the two as CSV "
                         "files. The whole file is checked first; a file with errors "
                         "changes nothing."))
        hint.setWordWrap(True)
        self.drop = DropArea()
        self.drop.files_chosen.connect(self.set_paths)
        self.chosen = QLabel(self.tr("No file chosen"))
        self.chosen.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ProblemTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((64, 90, 56, 90)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.export_button = QPushButton(self.tr("Save report…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._save_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.drop)
        layout.addWidget(self.chosen)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 10)
        layout.addStretch(1)  # takes the space while the report table is hidden
        layout.addWidget(buttons)

    # -- choosing ---------------------------------------------------------------------
    @Slot(list)
    def set_paths(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.chosen.setText("\n".join(str(p) for p in self.paths))
        self.import_button.setEnabled(bool(self.paths))

    # -- running ----------------------------------------------------------------------
    @Slot()
    def start_import(self) -> None:
        if not self.paths or self.runner.busy:
            return
        self.import_button.setEnabled(False)
        self.summary.clear()
        kind, path, paths, year = self.kind, self.workspace_path, self.paths, self.year
        self.runner.start(lambda progress: run_import(kind, path, paths, year, progress),
                          self.tr("Checking the file…"), workspace=path)

    def cancel_import(self) -> None:
        self.runner.cancel()

    @Slot(object)
    def _on_done(self, job: JobOutcome) -> None:
        if job.error is not None:
            raise job.error  # run_import returns every foreseen failure as an outcome
        outcome: ImportOutcome = job.value
        self.show_outcome(outcome)
        self.import_button.setEnabled(bool(self.paths))
        self.finished_import.emit(outcome)
        if outcome.ok:
            self.imported.emit(self.kind)

    def show_outcome(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        errors = sum(1 for p in outcome.problems if p.severity == "error")
        warnings = len(outcome.problems) - errors
        if outcome.cancelled:
            text = self.tr("Cancelled; nothing was changed.")
        elif outcome.ok:
            text = outcome.summary
            if warnings:
                text += "\n" + self.tr("%1 warnings, listed below.").replace("%1", str(warnings))
        else:
            text = self.tr("The file was not imported: %1 errors and %2 warnings, listed "
                           "below. Nothing was changed; correct the file and import it "
                           "again.").replace("%1", str(errors)).replace("%2", str(warnings))
        self.summary.setText(text)
        self.summary.setStyleSheet("" if outcome.ok or outcome.cancelled
                                   else "color: #a00; font-weight: bold;")
        shown = [] if outcome.cancelled else outcome.problems
        self.model.set_rows(shown)
        self.proxy.sort(-1)
        self.table.setVisible(bool(shown))
        self.table.resizeRowsToContents()
        self.export_button.setEnabled(bool(shown))

    def _save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "import-report.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if name:
            self.save_report(Path(name))

    def save_report(self, path: Path) -> None:
        write_problem_report(self.model.rows, path)

    def done(self, result: int) -> None:
        self.runner.stop()  # closing while importing: cancel, then wait
        super().done(result)
