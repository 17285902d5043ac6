"""评价结果 → 历年结果: the years whose results the workspace holds, where each came from,
and the import of a past year's published results (annex 2's layout: 联盟代码, 联盟名称,
评分, 活跃度; .xlsx or .csv) through the same checks as `evaluator history import`.

The A-level honour and the stalled alliances look at three years; this tab is where the
secretariat of a new office adds the two years before its first. The file is read first
in a child process (a reader crash costs the file), then imported on the workspace's
executor (ui.workers) on a connection of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.history import HistoryImport, history_years, import_history
from evaluator.results import last_publication
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from ui.models.rows_model import Index, RowsTableModel
from ui.workers import BackgroundRunner, JobOutcome, TaskState, on_workspace


class YearsModel(RowsTableModel[list[str]]):
    HEADERS = (QT_TRANSLATE_NOOP("YearsModel", "Year"),
               QT_TRANSLATE_NOOP("YearsModel", "Alliances"),
               QT_TRANSLATE_NOOP("YearsModel", "Where the results come from"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]


class HistoryYears(QWidget):
    imported = Signal(int)  # a year's results were imported
    import_failed = Signal()  # refused: the report below the table says why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._imported)
        self._importing: Path | None = None
        self.ws: Workspace | None = None
        self.current_year: int | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Past years' published results decide the A-level honour (high activity three "
            "years running) and the stalled alliances (in no year's results for three "
            "years). Import each earlier year from its published annex 2: a sheet or CSV "
            "file with the columns 联盟代码, 联盟名称, 评分 and 活跃度 (the score may be "
            "empty for inactive alliances)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a year's results…"))
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = YearsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout.addWidget(self.view, 1)
        self.report = QLabel()
        self.report.setWordWrap(True)
        layout.addWidget(self.report)

    def set_workspace(self, ws: Workspace | None, year: int | None) -> None:
        self.ws, self.current_year = ws, year
        self.import_button.setEnabled(ws is not None and not self.runner.busy)
        self.model.set_rows(self.year_rows() if ws is not None else [])
        self.view.resizeColumnsToContents()

    def year_rows(self) -> list[list[str]]:
        ws = self.ws
        assert ws is not None
        rows: dict[int, list[str]] = {}
        for y in ws.years():
            published = last_publication(ws, y)
            if published is not None:
                source = self.tr("Evaluated in this workspace; published by %1, %2").replace(
                    "%1", published["published_by"]).replace(
                    "%2", local_time(published["published_at"]))
                count = str(published["alliances"])
            else:
                scored = ws.count("scores", "year = ?", (y,))
                source = (self.tr("Evaluated in this workspace; not yet published")
                          if scored else self.tr("Evaluated in this workspace; no scores yet"))
                count = ""
            rows[y] = [str(y), count, source]
        for h in history_years(ws):
            imported = self.tr("%1 (imported by %2, %3)").replace(
                "%1", h["file"] or "-").replace("%2", h["by"] or "-").replace(
                "%3", local_time(h["recorded_at"]))
            if h["year"] in rows:
                held = rows[h["year"]]
                if not held[1]:  # not published here: the imported figures stand
                    held[1] = str(h["alliances"])
                held[2] = self.tr("%1; also imported: %2").replace("%1", held[2]).replace(
                    "%2", imported)
            else:
                rows[h["year"]] = [str(h["year"]), str(h["alliances"]), imported]
        return [rows[y] for y in sorted(rows, reverse=True)]

    def choose_file(self) -> None:
        if self.ws is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a year's results"), str(self.ws.path.parent),
            self.tr("Results (*.xlsx *.csv)"))
        if not name:
            return
        held = [int(r[0]) for r in self.model.rows]
        suggested = min(held) - 1 if held else (self.current_year or 2019) - 1
        year, ok = QInputDialog.getInt(
            self, self.tr("Import a year's results"),
            self.tr("Which year are these results of?"), suggested, 2000, 2100)
        if ok:
            self.import_file(Path(name), year)

    def import_file(self, path: Path, year: int) -> TaskState | None:
        """Import in the background; say what happened below the table (warnings
        included) and emit `imported` when it is shown."""
        if self.ws is None or self.runner.busy:
            return None
        actor = self.ws.actor

        def job(own: Workspace, _state: TaskState) -> HistoryImport:
            from evaluator.isolation import probe_table_file, require_first_read

            require_first_read([path], probe_table_file)
            own.actor = actor
            return import_history(own, path, year)

        self._importing = path
        self.import_button.setEnabled(False)
        return self.runner.start(on_workspace(self.ws.path, job),
                                 self.tr("Importing the %1 results…").replace("%1", str(year)),
                                 title=self.tr("Import a year's results"),
                                 workspace=self.ws.path)

    def _imported(self, outcome: JobOutcome) -> None:
        path, self._importing = self._importing, None
        self.import_button.setEnabled(self.ws is not None)
        problem = outcome.problem()  # a bug is raised: the crash dialog
        if problem is not None:
            self.report.setStyleSheet("color: #b00020;")
            self.report.setText(self.tr("Nothing was imported from %1:").replace(
                "%1", path.name if path else "") + "\n" + problem.render())
            self.import_failed.emit()
            return
        done: HistoryImport = outcome.value
        lines = [messages.text("history.imported", year=done.year, count=done.count)]
        lines += [messages.render_problem(w) for w in done.warnings]
        self.report.setStyleSheet("")
        self.report.setText("\n".join(lines))
        self.set_workspace(self.ws, self.current_year)
        self.imported.emit(done.year)
