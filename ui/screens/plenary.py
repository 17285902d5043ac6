"""复核会评: the plenary, made for a projector (large type, fits 1280x720).

The agenda (flagged alliances, in the method's order) on the left; for the current
alliance every expert's indicator scores side by side as a heat map of deviations from
the indicator mean, the group means per round, the consensus and its spread, the records
for the disputed indicators and the comments; a decision panel at the bottom.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.consensus import Consensus, ScoreSet, band_of, published_score
from evaluator.errors import EvaluatorError
from evaluator.flags import AgendaItem, flag_disagreements
from evaluator.plenary import current_decision, decide
from evaluator.rubric import Rubric
from evaluator.timefmt import local_time
from ui.context import AppContext
from ui.labels import band_label, flag_text, round_label, round_mark
from ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
ALLIANCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECTOR_POINT_SIZE = 13

# Suffixes dropped from alliance names in the narrow agenda column (full name in the tooltip).
NAME_SUFFIXES = ("产业技术创新战略联盟", "技术创新战略联盟", "产业技术创新联盟",
                 "产业链技术创新战略联盟", "技术创新产学研联盟", "战略联盟", "联盟")


def short_alliance_name(name: str) -> str:
    for suffix in sorted(NAME_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def vertical_name(name: str) -> str:
    """An expert's name set one character per line, for the narrow heat-map columns;
    names with spaces (Latin script) are cut to their initials."""
    if " " in name.strip():
        return "".join(part[0] for part in name.split() if part)
    return "\n".join(name)


def _num(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


class AgendaModel(RowsTableModel[AgendaItem]):
    """The plenary agenda: one row per flagged alliance."""

    HEADERS = (QT_TRANSLATE_NOOP("AgendaModel", "No."),
               QT_TRANSLATE_NOOP("AgendaModel", "Code"),
               QT_TRANSLATE_NOOP("AgendaModel", "Alliance"),
               QT_TRANSLATE_NOOP("AgendaModel", "Flags"),
               QT_TRANSLATE_NOOP("AgendaModel", "Score"),
               QT_TRANSLATE_NOOP("AgendaModel", "Final"))
    ROW_NUMBERS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decided: dict[int, float] = {}

    def set_items(self, items: list[AgendaItem], decided: dict[int, float]) -> None:
        self.decided = decided
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return index.row() + 1
            if col == 1:
                return item.code
            if col == 2:
                return short_alliance_name(item.name)
            if col == 3:
                return " ".join(item.rule_names)
            if col == 4:
                return f"{item.consensus.consensus:.2f}"
            if col == 5:
                d = self.decided.get(item.alliance_id)
                return "" if d is None else _num(d)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([f"{item.code} {item.name}"]
                             + [flag_text(h) for h in item.rules])
        if role == ALLIANCE_ID_ROLE:
            return item.alliance_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def deviation_colour(deviation: float, scale: float) -> QColor:
    """White at the mean, red above, blue below; full colour at `scale` points away."""
    share = max(-1.0, min(1.0, deviation / scale)) if scale else 0.0
    strength = int(200 * abs(share))
    if share >= 0:
        return QColor(255, 255 - strength, 255 - strength)
    return QColor(255 - strength, 255 - strength, 255)


class HeatmapModel(QAbstractTableModel):
    """Indicators (rows, plus the total) x experts' score sets (columns, plus the mean)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None
        self.sets: list[ScoreSet] = []
        self.names: dict[int, str] = {}
        self.disputed: set[str] = set()

    def set_data(self, rubric: Rubric | None, sets: list[ScoreSet], names: dict[int, str],
                 disputed: set[str]) -> None:
        self.beginResetModel()
        self.rubric, self.sets, self.names, self.disputed = rubric, sets, names, disputed
        self.endResetModel()

    def _codes(self) -> list[str]:
        return list(self.rubric.codes) if self.rubric else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.sets else len(self._codes()) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.sets else len(self.sets) + 1

    def _value(self, row: int, col: int) -> float:
        codes = self._codes()
        values = [s.total if row == len(codes) else s.values[codes[row]] for s in self.sets]
        if col == len(self.sets):
            return sum(values) / len(values)
        return values[col]

    def _mean(self, row: int) -> float:
        return self._value(row, len(self.sets))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ToolTipRole:
            if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical:
                codes = self._codes()
                if 0 <= section < len(codes) and codes[section] in self.disputed:
                    font = QFont()
                    font.setBold(True)
                    return font
            return None
        codes = self._codes()
        if orientation == Qt.Orientation.Horizontal:
            if section == len(self.sets):
                return self.tr("Mean")
            if 0 <= section < len(self.sets):
                s = self.sets[section]
                name = str(self.names.get(s.expert_id, s.expert_id))
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{name}（{round_label(s.round)}）"
                return f"{vertical_name(name)}\n{round_mark(s.round)}"
            return None
        if section == len(codes):
            return self.tr("Total")
        if self.rubric and 0 <= section < len(codes):
            ind = self.rubric.indicator(codes[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return ind.name
            return f"{ind.code} {ind.name if messages.current_language() == 'zh' else ind.name_en}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.sets:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= col < self.columnCount()):
            return None
        value = self._value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return _num(value) if col < len(self.sets) else f"{value:.1f}"
        if role == Qt.ItemDataRole.BackgroundRole and col < len(self.sets):
            codes = self._codes()
            scale = (self.rubric.max_total * 0.15 if row == len(codes)  # type: ignore[union-attr]
                     else self.rubric.indicator(codes[row]).max_points * 0.5)  # type: ignore[union-attr]
            return QBrush(deviation_colour(value - self._mean(row), scale))
        if role == Qt.ItemDataRole.ForegroundRole and col < len(self.sets):
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col < len(self.sets):
            return f"{_num(value)} ({value - self._mean(row):+.2f})"
        return None


class Screen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        font = self.font()
        font.setPointSize(max(font.pointSize(), PROJECTOR_POINT_SIZE))
        self.setFont(font)
        self.current: AgendaItem | None = None

        self.agenda_model = AgendaModel(self)
        self.agenda = QTableView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Narrow-friendly: row numbers in the (slim) vertical header instead of a column,
        # the short name takes what is left and elides; full name and flags in the tooltip.
        self.agenda.setColumnHidden(0, True)
        self.agenda.verticalHeader().setVisible(True)
        self.agenda.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.agenda.selectionModel().currentRowChanged.connect(self._on_agenda_row)
        self.agenda_label = QLabel()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.agenda_label)
        lv.addWidget(self.agenda, 1)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.heatmap_model = HeatmapModel(self)
        self.heatmap = QTableView()
        self.heatmap.setModel(self.heatmap_model)
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatmap.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.heatmap.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # Narrow columns so 16 or more experts fit without scrolling sideways (the colour
        # carries the message; the numbers can be a point smaller than the rest).
        heat_font = self.heatmap.font()
        heat_font.setPointSize(PROJECTOR_POINT_SIZE - 2)
        self.heatmap.setFont(heat_font)
        self.heatmap.horizontalHeader().setMinimumSectionSize(26)
        self.heatmap.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Indicator names are elided (the full name is the row's tooltip).
        self.heatmap.verticalHeader().setMaximumWidth(112)
        self.heatmap.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.heatmap.installEventFilter(self)
        self.records: QWidget | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.heatmap, self.tr("Scores by expert"))
        try:
            from ui.widgets.records_view import RecordsView

            self.records = RecordsView()
            self.tabs.addTab(self.records, self.tr("Records for disputed indicators"))
        except ImportError:  # the records view ships with the submissions screen
            self.records = None
        self.comments = QPlainTextEdit()
        self.comments.setReadOnly(True)
        self.tabs.addTab(self.comments, self.tr("Comments"))

        # Decision panel.
        self.accept_radio = QRadioButton(self.tr("Accept the consensus"))
        self.override_radio = QRadioButton(self.tr("Set the final score"))
        self.accept_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.accept_radio)
        group.addButton(self.override_radio)
        self.score_box = QDoubleSpinBox()
        self.score_box.setRange(0, 100)
        self.score_box.setDecimals(1)
        self.score_box.setSingleStep(0.5)
        self.score_box.setEnabled(False)
        self.override_radio.toggled.connect(self.score_box.setEnabled)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        # Who chairs the plenary: recorded on each decision (not the computer's login).
        self.chair = QLineEdit()
        self.chair.setPlaceholderText(self.tr("Chair"))
        self.chair.setToolTip(self.tr("Who chairs the plenary; recorded on the decision"))
        self.chair.setMaximumWidth(140)
        self.record_button = QPushButton(self.tr("Record decision"))
        self.record_button.clicked.connect(self.record_decision)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        decision = QWidget()
        dl = QVBoxLayout(decision)
        dl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.accept_radio)
        row.addWidget(self.override_radio)
        row.addWidget(self.score_box)
        row.addStretch(1)
        dl.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Chair:")))
        row2.addWidget(self.chair)
        row2.addWidget(self.reason, 1)
        row2.addWidget(self.record_button)
        dl.addLayout(row2)
        dl.addWidget(self.decision_label)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.heading)
        rv.addWidget(self.summary)
        rv.addWidget(self.rules)
        rv.addWidget(self.tabs, 1)
        rv.addWidget(decision)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([310, 690])  # about 330 px for the agenda at 1280 wide
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def title(self) -> str:
        return self.tr("Plenary")

    # -- data -------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.context.workspace is None:
            self.agenda_model.set_items([], {})
            self.show_item(None)
            return
        ws, year = self.context.ws, self.context.year
        if not self.chair.text().strip():
            last = ws.db.execute("SELECT decided_by FROM plenary_decisions WHERE year = ?"
                                 " ORDER BY id DESC LIMIT 1", (year,)).fetchone()
            self.chair.setText(last[0] if last else ws.actor)
        items = flag_disagreements(ws, year)
        decided = {}
        for item in items:
            d = current_decision(ws, year, item.alliance_id)
            if d is not None:
                decided[item.alliance_id] = d.score
        keep = self.current.alliance_id if self.current else None
        self.agenda_model.set_items(items, decided)
        self.agenda_label.setText(self.tr("Agenda: %n alliance(s)", "", len(items)))
        row = next((i for i, it in enumerate(items) if it.alliance_id == keep), 0)
        if items:
            self.agenda.selectRow(row)
            self.show_item(items[row])
        else:
            self.show_item(None)

    def _on_agenda_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.agenda_model.rows):
            self.show_item(self.agenda_model.row_at(current))

    def fit_heatmap(self) -> None:
        """Columns as wide as their contents, unless that scrolls sideways: then all the
        same width, shared out over the visible width (16 experts fit at 1280x720)."""
        header = self.heatmap.horizontalHeader()
        columns = self.heatmap_model.columnCount()
        if not columns:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        available = self.heatmap.viewport().width()
        if header.length() <= available:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        width = max(header.minimumSectionSize(), available // columns)
        for column in range(columns):
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.heatmap and event.type() == QEvent.Type.Resize:
            self.fit_heatmap()
        return super().eventFilter(watched, event)

    def show_item(self, item: AgendaItem | None) -> None:
        self.current = item
        if item is None or self.context.workspace is None:
            self.heading.setText(self.tr("No differences for the plenary."))
            self.summary.clear()
            self.rules.clear()
            self.heatmap_model.set_data(None, [], {}, set())
            self.comments.clear()
            self.decision_label.clear()
            self.record_button.setEnabled(False)
            return
        ws, year = self.context.ws, self.context.year
        assert year is not None
        c: Consensus = item.consensus
        self.record_button.setEnabled(True)
        self.heading.setText(f"<span style='font-size:16pt'><b>{item.code} {item.name}</b></span>")
        rounds = "  ".join(
            self.tr("%1: %2").replace("%1", round_label(r)).replace("%2", f"{m:.2f}")
            for r, m in c.by_round.items())
        band = band_label(band_of(published_score(c.consensus), ws))
        lenient = ("—" if c.leniency_adjusted is None else f"{c.leniency_adjusted:.2f}")
        self.summary.setText(
            self.tr("Consensus %1 (%2)  Median %3  Range %4-%5  n = %6%7")
            .replace("%1", f"{c.consensus:.2f}").replace("%2", band)
            .replace("%3", _num(c.median)).replace("%4", _num(c.min))
            .replace("%5", _num(c.max)).replace("%6", str(c.n))
            .replace("%7", self.tr(", trimmed") if c.trimmed else "")
            + "\n" + rounds + "\n"
            + self.tr("Leniency-adjusted (for information): %1").replace("%1", lenient))
        self.rules.setText("\n".join(flag_text(h) for h in item.rules))
        names = {r[0]: r[1] for r in ws.db.execute(
            "SELECT id, name FROM experts WHERE year = ?", (year,))}
        disputed = {d.code for d in item.indicators}
        self.heatmap_model.set_data(ws.rubric(year), c.sets, names, disputed)
        self.fit_heatmap()
        if self.records is not None:
            from ui.widgets.records_view import RecordsView

            assert isinstance(self.records, RecordsView)
            first = item.indicators[0].code if len(item.indicators) == 1 else None
            self.records.show_records(ws, year, item.alliance_id, first)
        lines = []
        for s in c.sets:
            for code, text in s.comments.items():
                lines.append(f"{names.get(s.expert_id, s.expert_id)} · {code}: {text}")
        self.comments.setPlainText("\n".join(lines) or self.tr("No comments."))
        d = current_decision(ws, year, item.alliance_id)
        self.score_box.setValue(round(c.consensus * 2) / 2)
        if d is None:
            self.decision_label.setText(self.tr("No decision yet."))
        else:
            self.decision_label.setText(
                self.tr("Decided: %1 by %2 at %3 — %4").replace("%1", _num(d.score))
                .replace("%2", d.decided_by).replace("%3", local_time(d.decided_at))
                .replace("%4", d.reason))

    def record_decision(self) -> bool:
        if self.current is None:
            return False
        reason = self.reason.text().strip()
        if not reason:
            QMessageBox.warning(self, self.tr("Plenary"),
                                self.tr("Please give the reason for the decision."))
            return False
        chair = " ".join(self.chair.text().split())
        if not chair:
            QMessageBox.warning(self, self.tr("Plenary"),
                                self.tr("Please enter who chairs the plenary."))
            return False
        score = None if self.accept_radio.isChecked() else self.score_box.value()
        try:
            decide(self.context.ws, self.context.year, self.current.alliance_id, score, reason,
                   decided_by=chair)
        except EvaluatorError as error:
            QMessageBox.warning(self, self.tr("Plenary"), error.render())
            return False
        self.reason.clear()
        self.context.data_changed.emit("plenary")
        self.refresh()
        # A decision is not undone with Ctrl+Z: a later decision on the same alliance
        # supersedes it, and both stay in the record.
        self.context.status_message.emit(self.tr(
            "Decision recorded. To change it, record a new decision for the same alliance; "
            "it supersedes this one."))
        return True
