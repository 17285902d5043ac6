"""复核会评: the plenary, made for a projector (large type, fits 1280x720).

The agenda (flagged alliances, in the method's order) on the left; for the current
alliance every expert's indicator scores side by side as a heat map of deviations from
the indicator mean, the group means per round, the consensus and its spread, the records
for the disputed indicators and the comments; a decision panel at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evaluator.consensus import Consensus, band_of, published_score
from evaluator.flags import AgendaItem, flag_disagreements
from evaluator.panel_lists import expert_names
from evaluator.plenary import current_decision, decide, last_chair
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.labels import band_label, flag_text, round_label
from ui.models.agenda_model import AgendaModel, agenda_flags
from ui.models.heatmap_model import number_text
from ui.widgets.heat_map import HeatMapView
from ui.widgets.records_view import RecordsView
from ui.widgets.report_dialog import WARNING, show_message
from ui.workers import BackgroundRunner, JobOutcome, TaskState, on_workspace

Index = QModelIndex | QPersistentModelIndex
PROJECTOR_POINT_SIZE = 13
LAYOUT_KEY = "plenary/v2"



class Screen(QWidget):
    decision_recorded = Signal()  # a decision was written and the agenda shows it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._recorded)
        # Projector type where the screen has the room (1280x720 and up); on a laptop at
        # 125-150 % the usual type, so that the heat map keeps its rows.
        from ui.window_fit import available_geometry

        font = self.font()
        self.small_screen = available_geometry(self).height() < 700
        self.point_size = max(font.pointSize(), 0 if self.small_screen
                              else PROJECTOR_POINT_SIZE)
        font.setPointSize(self.point_size)
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
        self.agenda.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
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
        lv.addWidget(self.agenda, 1)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        # Rows one line high: all twenty indicators and the total fit at 1366x768. Narrow
        # columns so 16 or more experts fit without scrolling sideways (the colour carries
        # the message; the numbers can be a point smaller than the rest). Indicator names
        # are elided (the full name is the row's tooltip). On a laptop at 125-150 % the
        # rows hug the type and the type and columns are a little smaller, so the twenty
        # indicators, the total and 16 experts still fit (at 150 % 8 points are 12 on the
        # glass).
        if self.small_screen:
            self.heatmap = HeatMapView(point_size=max(self.point_size - 2, 8),
                                       names_width=112, row_padding=2, tight_rows=True,
                                       minimum_column=24)
        else:
            self.heatmap = HeatMapView(point_size=max(self.point_size - 2, 9),
                                       names_width=112, row_padding=1)
        self.heatmap_model = self.heatmap.heat_model
        self.tabs = QTabWidget()
        self.tabs.addTab(self.heatmap, self.tr("Scores by expert"))
        self.records = RecordsView()
        self.tabs.addTab(self.records, self.tr("Records for disputed indicators"))
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
        self.reason.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.record_button = QPushButton(self.tr("Record decision"))
        self.record_button.clicked.connect(self.record_decision)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        decision = QWidget()
        dl = QVBoxLayout(decision)
        dl.setContentsMargins(0, 0, 0, 0)
        # One row (choice, score, reason, button) leaves the height to the heat map.
        row = QHBoxLayout()
        row.addWidget(self.accept_radio)
        row.addWidget(self.override_radio)
        row.addWidget(self.score_box)
        row.addWidget(QLabel(self.tr("Chair:")))
        row.addWidget(self.chair)
        row.addWidget(self.reason, 1)
        row.addWidget(self.record_button)
        dl.addLayout(row)
        dl.addWidget(self.decision_label)

        # The figures and the flags' explanations scroll in their own pane below the
        # agenda (the splitters' positions are remembered).
        facts = QWidget()
        fv = QVBoxLayout(facts)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(self.heading)
        fv.addWidget(self.summary)
        fv.addWidget(self.rules)
        fv.addStretch(1)
        self.facts = QScrollArea()
        self.facts.setWidget(facts)
        self.facts.setWidgetResizable(True)
        self.facts.setFrameShape(QFrame.Shape.NoFrame)
        self.facts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.facts.setMinimumHeight(self.fontMetrics().height() * 2)
        self.tabs.setMinimumHeight(self.fontMetrics().height() * 6)
        self.projector_button = QToolButton()
        self.projector_button.setCheckable(True)
        self.projector_button.setShortcut(QKeySequence("F11"))
        self.projector_button.toggled.connect(self.set_projector_mode)
        agenda_row = QHBoxLayout()
        agenda_row.addWidget(self.agenda_label, 1)
        agenda_row.addWidget(self.projector_button)
        lv.insertLayout(0, agenda_row)
        # Left, the agenda above the current alliance's figures and flags; right, the
        # heat map with the whole height (all indicators at 1366x768) and the decision.
        self.facts_splitter = QSplitter(Qt.Orientation.Vertical)
        self.facts_splitter.setObjectName("plenaryFactsSplitter")
        self.facts_splitter.addWidget(left)
        self.facts_splitter.addWidget(self.facts)
        self.facts_splitter.setStretchFactor(0, 1)
        self.facts_splitter.setStretchFactor(1, 1)
        self.facts_splitter.setChildrenCollapsible(False)
        self.facts_splitter.setSizes([380, 300])

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.tabs, 1)
        rv.addWidget(decision)

        splitter = QSplitter()
        splitter.addWidget(self.facts_splitter)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 600])  # the agenda's names and flags' words stay readable
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._restore_layout()
        self.retranslate_projector()
        self.agenda.installEventFilter(self)
        self.refresh()

    # -- layout -----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        from PySide6.QtCore import QByteArray

        from ui.settings_store import app_settings

        for key, splitter in (("splitter", self.splitter),
                              ("facts_splitter", self.facts_splitter)):
            state = app_settings().value(f"{LAYOUT_KEY}/{key}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
            splitter.splitterMoved.connect(lambda _pos, _index: self._save_layout())

    def _save_layout(self) -> None:
        from ui.settings_store import app_settings

        app_settings().setValue(f"{LAYOUT_KEY}/splitter", self.splitter.saveState())
        app_settings().setValue(f"{LAYOUT_KEY}/facts_splitter",
                                self.facts_splitter.saveState())

    def retranslate_projector(self) -> None:
        on = self.projector_button.isChecked()
        self.projector_button.setText(self.tr("Leave projector mode") if on
                                      else self.tr("Projector mode"))
        self.projector_button.setToolTip(self.tr(
            "Projector mode (F11): full screen, without the navigation, the menus and the "
            "status line, so the heat map gets the room"))

    def set_projector_mode(self, on: bool) -> None:
        """Full screen for the meeting room: the main window hides its navigation, menus
        and status line (MainWindow.set_projector_mode); F11 or the button brings them
        back."""
        window = self.window()
        setter = getattr(window, "set_projector_mode", None)
        if callable(setter):
            setter(on)
        self.retranslate_projector()
        self.fit_heatmap()

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
            self.chair.setText(last_chair(ws, year) or ws.actor)
        items = flag_disagreements(ws, year)
        decided = {}
        for item in items:
            d = current_decision(ws, year, item.alliance_id)
            if d is not None:
                decided[item.alliance_id] = d.score
        keep = self.current.alliance_id if self.current else None
        self.agenda_model.set_items(items, decided)
        self.fit_agenda()
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
        self.heatmap.fit_columns()

    def fit_agenda(self) -> None:
        """Flags with their words when the agenda has the width, else their codes (the
        words and thresholds stay in the tooltip) so the names keep theirs."""
        metrics = self.agenda.fontMetrics()
        flags_width = max((metrics.horizontalAdvance(agenda_flags(item.rule_names))
                           for item in self.agenda_model.rows), default=0) + 16
        others = sum(self.agenda.columnWidth(c) for c in (1, 4, 5))
        name_room = self.agenda.viewport().width() - others - flags_width
        words = name_room >= metrics.horizontalAdvance("联盟名称联盟")
        if words != self.agenda_model.flag_words:
            self.agenda_model.flag_words = words
            rows = self.agenda_model.rowCount()
            if rows:
                self.agenda_model.dataChanged.emit(self.agenda_model.index(0, 3),
                                                   self.agenda_model.index(rows - 1, 3))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.agenda and event.type() == QEvent.Type.Resize:
            self.fit_agenda()
        return super().eventFilter(watched, event)

    def show_item(self, item: AgendaItem | None) -> None:
        self.current = item
        if item is None or self.context.workspace is None:
            self.heading.setText(self.tr("No differences for the plenary."))
            self.summary.clear()
            self.rules.clear()
            self.heatmap.set_data(None, [], {}, set())
            self.comments.clear()
            self.decision_label.clear()
            self.record_button.setEnabled(False)
            return
        ws, year = self.context.ws, self.context.year
        assert year is not None
        c: Consensus = item.consensus
        self.record_button.setEnabled(True)
        self.heading.setText(f"<span style='font-size:{self.point_size + 3}pt'><b>{item.code} "
                             f"{item.name}</b></span>")
        rounds = "  ".join(
            self.tr("%1: %2").replace("%1", round_label(r)).replace("%2", f"{m:.2f}")
            for r, m in c.by_round.items())
        band = band_label(band_of(published_score(c.consensus), ws))
        lenient = ("—" if c.leniency_adjusted is None else f"{c.leniency_adjusted:.2f}")
        self.summary.setText(
            self.tr("Consensus %1 (%2)  Median %3  Range %4-%5  n = %6%7")
            .replace("%1", f"{c.consensus:.2f}").replace("%2", band)
            .replace("%3", number_text(c.median)).replace("%4", number_text(c.min))
            .replace("%5", number_text(c.max)).replace("%6", str(c.n))
            .replace("%7", self.tr(", trimmed") if c.trimmed else "")
            + "\n" + rounds + "\n"
            + self.tr("Leniency-adjusted (for information): %1").replace("%1", lenient))
        self.rules.setText("\n".join(flag_text(h) for h in item.rules))
        names = expert_names(ws, year)
        disputed = {d.code for d in item.indicators}
        self.heatmap.set_data(ws.rubric(year), c.sets, names, disputed)
        first = item.indicators[0].code if len(item.indicators) == 1 else None
        self.records.show_records(ws, year, item.alliance_id, first)
        lines = []
        for s in c.sets:
            for code, text in s.comments.items():
                lines.append(f"{names.get(s.expert_id, s.expert_id)} · {code}: {text}")
        self.comments.setPlainText("\n".join(lines) or self.tr("No comments."))
        d = current_decision(ws, year, item.alliance_id)
        self.score_box.setValue(round(c.consensus * 2) / 2)
        # Only a decision takes a line: undecided, the height stays with the heat map.
        self.decision_label.setVisible(d is not None)
        if d is None:
            self.decision_label.setText(self.tr("No decision yet."))
        else:
            self.decision_label.setText(
                self.tr("Decided: %1 by %2 at %3 — %4").replace("%1", number_text(d.score))
                .replace("%2", d.decided_by).replace("%3", local_time(d.decided_at))
                .replace("%4", d.reason))

    def record_decision(self) -> bool:
        """Record the decision on the current alliance in the background (a backup comes
        first: the projector's window stays live); False when refused before it starts.
        `decision_recorded` says when the agenda shows it."""
        if self.current is None or self.context.workspace is None or self.runner.busy:
            return False
        reason = self.reason.text().strip()
        if not reason:
            show_message(self, WARNING, self.tr("Plenary"),
                                self.tr("Please give the reason for the decision."))
            return False
        chair = " ".join(self.chair.text().split())
        if not chair:
            show_message(self, WARNING, self.tr("Plenary"),
                         self.tr("Please enter who chairs the plenary."))
            return False
        score = None if self.accept_radio.isChecked() else self.score_box.value()
        ws, year, alliance_id = self.context.ws, self.context.year, self.current.alliance_id
        actor = ws.actor

        def job(own: Workspace, _state: TaskState) -> None:
            own.actor = actor
            decide(own, year, alliance_id, score, reason, decided_by=chair)

        self.record_button.setEnabled(False)
        # A backup and one row: quick to finish, and not to be stopped half-way.
        self.runner.start(on_workspace(ws.path, job), self.tr("Recording the decision…"),
                          title=self.tr("Plenary"), workspace=ws.path, cancellable=False)
        return True

    def _recorded(self, outcome: JobOutcome) -> None:
        self.record_button.setEnabled(self.current is not None)
        problem = outcome.problem()
        if problem is not None:
            show_message(self, WARNING, self.tr("Plenary"), problem.render())
            return
        self.reason.clear()
        self.context.data_changed.emit("plenary")
        self.refresh()
        # A decision is not undone with Ctrl+Z: a later decision on the same alliance
        # supersedes it, and both stay in the record.
        self.context.status_message.emit(self.tr(
            "Decision recorded. To change it, record a new decision for the same alliance; "
            "it supersedes this one."))
        self.decision_recorded.emit()
