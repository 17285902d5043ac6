"""An alliance's submission: basic information, then its records grouped by indicator.

Shared by the submissions, scoring and plenary screens: `show_records(ws, year,
alliance_id, indicator_code)` shows every indicator of the year's rubric (or just one),
each headed by its code and name, with the alliance's records under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.rubric import Indicator, Rubric
from evaluator.submissions import SubmissionDetail, SubmissionRecord, submission_detail
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from ui.models.rows_model import Index, RowsTableModel


@dataclass(frozen=True)
class RecordRow:
    """A row of the records table: an indicator heading or one record under it."""

    indicator: Indicator
    record: SubmissionRecord | None  # None: the indicator's heading row
    count: int = 0


def record_rows(rubric: Rubric, detail: SubmissionDetail | None,
                indicator_code: str | None = None) -> list[RecordRow]:
    rows: list[RecordRow] = []
    for ind in rubric.indicators:
        if indicator_code is not None and ind.code != indicator_code:
            continue
        records = detail.records_for(ind.code) if detail else []
        rows.append(RecordRow(ind, None, len(records)))
        rows.extend(RecordRow(ind, r) for r in records)
    return rows


class RecordsModel(RowsTableModel[RecordRow]):
    """Indicator headings and records; heading rows carry the indicator in column 0."""

    HEADERS = (QT_TRANSLATE_NOOP("RecordsModel", "Title"),
               QT_TRANSLATE_NOOP("RecordsModel", "Date"),
               QT_TRANSLATE_NOOP("RecordsModel", "Quantity"),
               QT_TRANSLATE_NOOP("RecordsModel", "Description"),
               QT_TRANSLATE_NOOP("RecordsModel", "Link"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._english = messages.current_language() == "en"

    def _heading(self, row: RecordRow) -> str:
        name = row.indicator.name_en if self._english else row.indicator.name
        if row.count == 0:
            return self.tr("%1 %2 — no records").replace("%1", row.indicator.code).replace(
                "%2", name)
        return self.tr("%1 %2 — %3 records").replace("%1", row.indicator.code).replace(
            "%2", name).replace("%3", str(row.count))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if row.record is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._heading(row) if column == 0 else None
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QPalette().color(QPalette.ColorRole.AlternateBase))
            if role == Qt.ItemDataRole.ForegroundRole and row.count == 0:
                return QBrush(QColor("#a33"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return (row.indicator.standard_en if self._english
                        else row.indicator.standard)
            return None
        rec = row.record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value: Any = (rec.title, rec.record_date or "", _quantity(rec.quantity),
                          rec.description, rec.link)[column]
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _quantity(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class RecordsView(QWidget):
    """Basic information above, the records table (grouped by indicator) below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RecordsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 92)
        self.table.setColumnWidth(2, 48)
        self.table.setColumnWidth(3, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        self.detail: SubmissionDetail | None = None
        self.clear()

    def clear(self) -> None:
        self.detail = None
        self.info.setText(self.tr("Select an alliance to see what it submitted."))
        self.table.clearSpans()
        self.model.set_rows([])

    def show_records(self, ws: Workspace, year: int, alliance_id: int,
                     indicator_code: str | None = None) -> None:
        self.detail = submission_detail(ws, year, alliance_id)
        rubric = ws.rubric(year)
        if self.detail is None:
            from evaluator.registry import get_alliance

            alliance = get_alliance(ws, alliance_id)
            self.info.setText(f"<b>{_esc(alliance.code)} {_esc(alliance.name)}</b><br>"
                              + self.tr("No submission for %1.").replace("%1", str(year)))
        else:
            d = self.detail
            dash = "—"
            name_as_filed = self.tr("Name as filed")
            contact, phone, filed_on = self.tr("Contact"), self.tr("Phone"), self.tr("Filed on")
            source = self.tr("Source")
            lines = [
                f"<b>{_esc(d.alliance.code)} {_esc(d.alliance.name)}</b>",
                f"{name_as_filed}: {_esc(d.name_as_filed) or dash}",
                f"{contact}: {_esc(d.contact) or dash} &nbsp; "
                f"{phone}: {_esc(d.phone) or dash} &nbsp; "
                f"{filed_on}: {_esc(d.filed_on or '') or dash}",
            ]
            lines += [f"{_esc(k)}: {_esc(str(v))}" for k, v in d.extra.items()]
            lines.append(f"<span style='color:gray'>{source}: "
                         f"{_esc(d.source_file or '')} ({_esc(local_time(d.imported_at))})</span>")
            self.info.setText("<br>".join(lines))
        rows = record_rows(rubric, self.detail, indicator_code)
        self.table.clearSpans()
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.record is None:
                self.table.setSpan(i, 0, 1, len(RecordsModel.HEADERS))
        self.table.resizeRowsToContents()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
