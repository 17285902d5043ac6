"""专家与分工: the expert panel, its groups, conflicts of interest and the assignment matrix.

Two tabs: experts and groups (with the conflicts under them), and the assignment matrix of
a round (alliances x experts, conflicts marked, cells toggled by hand). The toolbar
(`self.toolbar`) holds the screen's actions; other features may add theirs to it.
Assigning a round and importing a panel file run on the workspace's executor
(ui.workers), each on its own connection; the clicks' small edits stay on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from evaluator.assignments import (
    DEFAULT_SEED,
    AssignmentSummary,
    assign_round,
    round_problems,
)
from evaluator.errors import EvaluatorError
from evaluator.messages import render_problem
from evaluator.panel import (
    Expert,
    declare_conflict,
    ensure_group,
    get_expert,
    list_experts,
    remove_conflict,
)
from evaluator.panel_import import ImportReport, import_panel
from evaluator.registry import Alliance, get_alliance, list_alliances
from evaluator.rounds import ROUNDS, round_label
from evaluator.workspace import Workspace
from ui.context import AppContext
from ui.models.assignment_model import (
    ASSIGNED_COLOUR,
    CONFLICT_COLOUR,
    AssignmentMatrixModel,
)
from ui.models.conflict_model import CONFLICT_ID_ROLE, ConflictTableModel
from ui.models.expert_model import (
    EXPERT_ID_ROLE,
    GROUP,
    GROUP_ID_ROLE,
    ExpertTableModel,
)
from ui.panel_commands import (
    DeclareConflictCommand,
    MoveExpertCommand,
    RemoveConflictCommand,
    SetLeaderCommand,
    ToggleAssignmentCommand,
    assigned_rounds,
)
from ui.widgets.report_dialog import INFORMATION, WARNING, show_message
from ui.workers import BackgroundRunner, JobOutcome, TaskState, on_workspace

Index = QModelIndex | QPersistentModelIndex


class GroupDelegate(QStyledItemDelegate):
    """A combo box of the year's groups (and 'no group') for the group column."""

    def __init__(self, model: ExpertTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expert_model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("(no group)"), -1)
        for group in self.expert_model.groups:
            combo.addItem(group.name, group.id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        group_id = index.data(GROUP_ID_ROLE)
        position = editor.findData(-1 if group_id is None else group_id)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DeclareConflictDialog(QDialog):
    """Expert, alliance and a reason (required) for a declared conflict of interest."""

    def __init__(self, experts: list[Expert], alliances: list[Alliance],
                 expert_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        self.setMinimumWidth(560)
        self.expert_combo = QComboBox()
        for expert in experts:
            label = f"{expert.name}（{expert.organisation}）" if expert.organisation \
                else expert.name
            self.expert_combo.addItem(label, expert.id)
        if expert_id is not None:
            self.expert_combo.setCurrentIndex(max(self.expert_combo.findData(expert_id), 0))
        self.alliance_combo = QComboBox()
        self.alliance_combo.setEditable(True)
        self.alliance_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for alliance in alliances:
            self.alliance_combo.addItem(f"{alliance.code}  {alliance.name}", alliance.id)
        completer = self.alliance_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the expert must not score this "
                                                    "alliance (required)"))
        self.reason_edit.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Expert"), self.expert_combo)
        form.addRow(self.tr("Alliance"), self.alliance_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        self.alliance_combo.currentIndexChanged.connect(self._update_ok)
        self.alliance_combo.editTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.reason().strip()) and self.alliance_id() is not None
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def expert_id(self) -> int | None:
        data = self.expert_combo.currentData()
        return None if data is None else int(data)

    def alliance_id(self) -> int | None:
        # The typed text must name an item, not just any text.
        position = self.alliance_combo.findText(self.alliance_combo.currentText())
        if position < 0:
            return None
        return int(self.alliance_combo.itemData(position))

    def reason(self) -> str:
        return self.reason_edit.toPlainText()


class Screen(QWidget):
    assignment_done = Signal(object)  # the AssignmentSummary, once shown
    panel_imported = Signal(object)  # the panel import's ImportReport, once shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._own_change = False
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._job_done)
        self._after: Callable[[JobOutcome], None] | None = None
        # Edit → Undo of the main window uses this stack while the screen is shown.
        self.undo_stack = QUndoStack(self)

        self.toolbar = QToolBar(self.tr("Panel actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.import_action = QAction(self.tr("Import panel…"), self)
        self.import_action.setToolTip(self.tr(
            "Read a panel file with the columns 角色, 姓名, 单位, 职务 and optionally 分组"))
        self.import_action.triggered.connect(lambda: self.import_panel_file())
        self.new_group_action = QAction(self.tr("New group…"), self)
        self.new_group_action.triggered.connect(self.new_group)
        self.declare_action = QAction(self.tr("Declare conflict…"), self)
        self.declare_action.triggered.connect(self.declare_conflict)
        self.remove_conflict_action = QAction(self.tr("Remove conflict"), self)
        self.remove_conflict_action.triggered.connect(self.remove_selected_conflict)
        self.assign_action = QAction(self.tr("Assign round…"), self)
        self.assign_action.triggered.connect(self.run_assignment)
        for action in (self.import_action, self.new_group_action, self.declare_action,
                       self.remove_conflict_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.assign_action)

        # -- experts and groups ------------------------------------------------------
        ws, year = context.workspace, context.year
        self.expert_model = ExpertTableModel(ws, year, self)
        self.expert_model.refused.connect(self.show_problem)
        self.expert_model.changed.connect(self._panel_edited)
        self.expert_model.group_moved.connect(self._push_move)
        self.expert_model.leader_set.connect(self._push_leader)
        self.expert_view = QTableView()
        self.expert_view.setModel(self.expert_model)
        self.expert_view.setItemDelegateForColumn(GROUP, GroupDelegate(self.expert_model,
                                                                       self.expert_view))
        self.expert_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.expert_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.expert_view.setEditTriggers(QTableView.EditTrigger.DoubleClicked
                                         | QTableView.EditTrigger.SelectedClicked
                                         | QTableView.EditTrigger.EditKeyPressed)
        self.expert_view.setAlternatingRowColors(True)
        self.expert_view.setWordWrap(False)
        header = self.expert_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)

        self.conflict_model = ConflictTableModel(ws, year, self)
        self.conflict_view = QTableView()
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.conflict_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.conflict_view.setAlternatingRowColors(True)
        conflict_header = self.conflict_view.horizontalHeader()
        conflict_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        conflict_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.conflict_view.selectionModel().selectionChanged.connect(self._update_actions)

        experts_pane = QWidget()
        experts_layout = QVBoxLayout(experts_pane)
        experts_layout.setContentsMargins(0, 0, 0, 0)
        experts_layout.addWidget(self.groups_label)
        experts_layout.addWidget(self.expert_view)
        conflicts_pane = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_pane)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        self.conflicts_heading = QLabel(self.tr("Conflicts of interest"))
        font = self.conflicts_heading.font()
        font.setBold(True)
        self.conflicts_heading.setFont(font)
        conflicts_layout.addWidget(self.conflicts_heading)
        conflicts_layout.addWidget(self.conflict_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(experts_pane)
        splitter.addWidget(conflicts_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 200])

        # -- assignment matrix ---------------------------------------------------------
        self.round_combo = QComboBox()
        for round_ in ROUNDS:
            self.round_combo.addItem(round_label(round_, _lang()), round_)
        self.round_combo.currentIndexChanged.connect(self._round_changed)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 999_999)
        self.seed_spin.setValue(DEFAULT_SEED)
        self.seed_spin.setToolTip(self.tr("The same seed gives the same assignment"))
        self.assign_button = QPushButton(self.tr("Assign this round…"))
        self.assign_button.clicked.connect(self.run_assignment)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Round")))
        controls.addWidget(self.round_combo)
        controls.addSpacing(16)
        controls.addWidget(QLabel(self.tr("Seed")))
        controls.addWidget(self.seed_spin)
        controls.addSpacing(16)
        controls.addWidget(self.assign_button)
        controls.addStretch(1)
        self.matrix_model = AssignmentMatrixModel(ws, year, ROUNDS[0], self)
        self.matrix_model.refused.connect(self.show_problem)
        self.matrix_model.changed.connect(self._assignment_edited)
        self.matrix_model.toggled.connect(self._push_toggle)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setWordWrap(False)
        self.matrix_view.horizontalHeader().setDefaultSectionSize(64)
        self.matrix_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.matrix_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.legend = QLabel(self.tr(
            "<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span> assigned &nbsp; "
            "<span style='background:%2'>&nbsp;&nbsp;&nbsp;&nbsp;</span> conflict of interest "
            "(COI) &nbsp; Column headers: expert, group, number of alliances. Tick a cell "
            "to assign, untick to withdraw.")
            .replace("%1", ASSIGNED_COLOUR.name()).replace("%2", CONFLICT_COLOUR.name()))
        self.legend.setWordWrap(True)
        self.matrix_summary = QLabel()
        self.matrix_summary.setWordWrap(True)
        matrix_pane = QWidget()
        matrix_layout = QVBoxLayout(matrix_pane)
        matrix_layout.addLayout(controls)
        matrix_layout.addWidget(self.matrix_summary)
        matrix_layout.addWidget(self.matrix_view, 1)
        matrix_layout.addWidget(self.legend)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Experts and groups"))
        self.tabs.addTab(matrix_pane, self.tr("Assignment matrix"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)

        context.data_changed.connect(self._data_changed)
        context.workspace_changed.connect(self.refresh)
        self._apply_column_widths()
        self._update_labels()
        self._update_actions()

    # -- the screen contract -------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Panel and assignments")

    def refresh(self) -> None:
        ws, year = self.context.workspace, self.context.year
        if ws is not self.expert_model.ws or year != self.expert_model.year:
            self.undo_stack.clear()  # changes made in another workspace or year
        self.expert_model.set_workspace(ws, year)
        self.conflict_model.set_workspace(ws, year)
        self.matrix_model.set_workspace(ws, year)
        self._apply_column_widths()
        self._update_labels()
        self._update_actions()

    def _data_changed(self, what: str) -> None:
        if not self._own_change:
            self.refresh()

    def _notify(self, what: str) -> None:
        self._own_change = True
        try:
            self.context.data_changed.emit(what)
        finally:
            self._own_change = False

    # -- messages (separate so tests can replace the modal boxes) ------------------------------
    def show_problem(self, text: str) -> None:
        show_message(self, WARNING, self.tr("Not possible"), text)

    def show_info(self, title: str, text: str) -> None:
        show_message(self, INFORMATION, title, text)

    def ask_confirmation(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Please confirm"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_group_count(self, scorers: int) -> int | None:
        value, ok = QInputDialog.getInt(
            self, self.tr("Form groups"),
            self.tr("The experts are in no group yet. Into how many groups should the %1 "
                    "scoring experts be split?").replace("%1", str(scorers)),
            min(4, max(scorers, 1)), 1, max(scorers, 1))
        return value if ok else None

    def ask_panel_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import panel"), "",
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        return Path(name) if name else None

    def ask_conflict(self, expert_id: int | None) -> tuple[int, int, str] | None:
        dialog = DeclareConflictDialog(list_experts(self.context.ws, self.context.year),
                                       list_alliances(self.context.ws), expert_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        expert, alliance = dialog.expert_id(), dialog.alliance_id()
        if expert is None or alliance is None:
            return None
        return expert, alliance, dialog.reason()

    # -- actions ----------------------------------------------------------------------------
    def import_panel_file(self, path: Path | None = None) -> TaskState | None:
        """Read a panel file in the background (its first read in a child process: a
        reader crash costs the file); `panel_imported` says when it is shown."""
        if self.context.workspace is None or self.runner.busy:
            return None
        path = path or self.ask_panel_file()
        if path is None:
            return None
        ws, year = self.context.ws, self.context.year
        actor, file = ws.actor, path

        def job(own: Workspace, state: TaskState) -> ImportReport:
            from evaluator.isolation import probe_table_file, require_first_read

            require_first_read([file], probe_table_file, progress=state)
            own.actor = actor
            return import_panel(own, file, year, progress=state)

        return self._start(job, self.tr("Importing the panel…"), self._imported)

    def _imported(self, outcome: JobOutcome) -> None:
        problem = outcome.problem()
        if problem is not None:
            self.show_problem(problem.render())
            return
        report: ImportReport = outcome.value
        self.refresh()
        self._notify("panel")
        lines = [self.tr("%1 added, %2 updated, %3 unchanged; %4 organisations matched an "
                         "alliance and were recorded as conflicts of interest.")
                 .replace("%1", str(len(report.added))).replace("%2", str(len(report.updated)))
                 .replace("%3", str(len(report.unchanged)))
                 .replace("%4", str(len(report.matched)))]
        lines += [render_problem(w) for w in report.warnings]
        self.show_info(self.tr("Panel imported"), "\n\n".join(lines))
        self.panel_imported.emit(report)

    def new_group(self) -> None:
        if self.context.workspace is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("New group"), self.tr("Group name"))
        if not ok or not name.strip():
            return
        try:
            ensure_group(self.context.ws, self.context.year, name)
        except EvaluatorError as error:
            self.show_problem(error.render())
            return
        self._panel_edited()

    def selected_expert_id(self) -> int | None:
        rows = self.expert_view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(EXPERT_ID_ROLE)
        return None if value is None else int(value)

    def declare_conflict(self) -> None:
        if self.context.workspace is None:
            return
        answer = self.ask_conflict(self.selected_expert_id())
        if answer is None:
            return
        expert_id, alliance_id, reason = answer
        ws, year = self.context.ws, self.context.ws.require_year(self.context.year)
        dropped = assigned_rounds(ws, year, expert_id, alliance_id)
        try:
            declare_conflict(ws, expert_id, alliance_id, reason)
        except EvaluatorError as error:
            self.show_problem(error.render())
            return
        expert = get_expert(ws, expert_id)
        self.undo_stack.push(DeclareConflictCommand(
            self, year, expert_id, expert.name, alliance_id,
            get_alliance(ws, alliance_id).code, reason.strip(), dropped))
        self._panel_edited()
        self.matrix_model.reload()
        self._notify("assignments")

    def remove_selected_conflict(self) -> None:
        rows = self.conflict_view.selectionModel().selectedRows()
        if not rows or self.context.workspace is None:
            return
        conflict = self.conflict_model.row_at(rows[0].row())
        if not self.ask_confirmation(self.tr(
                "Remove the conflict of interest between %1 and alliance %2?")
                .replace("%1", conflict.expert_name).replace("%2", conflict.alliance_code)):
            return
        try:
            remove_conflict(self.context.ws, int(rows[0].data(CONFLICT_ID_ROLE)))
        except EvaluatorError as error:
            self.show_problem(error.render())
            return
        self.undo_stack.push(RemoveConflictCommand(
            self, conflict.expert_id, conflict.expert_name, conflict.alliance_id,
            conflict.alliance_code, conflict.reason))
        self._panel_edited()

    def current_round(self) -> str:
        return str(self.round_combo.currentData())

    def run_assignment(self) -> TaskState | None:
        """Ask what the round needs, then assign it in the background; `assignment_done`
        carries the summary once the matrix shows it."""
        if self.context.workspace is None or self.runner.busy:
            return None
        ws, year, round_ = self.context.ws, self.context.year, self.current_round()
        groups: int | None = None
        experts = list_experts(ws, year)
        if not any(e.group_id is not None for e in experts):
            groups = self.ask_group_count(sum(1 for e in experts if e.scores))
            if groups is None:
                return None
        existing = ws.count("assignments", "year = ? AND round = ?", (year, round_))
        if existing and not self.ask_confirmation(self.tr(
                "%1 already has %2 assignments. Replace them with a new assignment?")
                .replace("%1", round_label(round_, _lang())).replace("%2", str(existing))):
            return None
        actor, seed = ws.actor, self.seed_spin.value()

        def job(own: Workspace, state: TaskState) -> AssignmentSummary:
            own.actor = actor
            return assign_round(own, year, round_, groups=groups, seed=seed, progress=state)

        return self._start(job, self.tr("Assigning %1…").replace(
            "%1", round_label(round_, _lang())), self._assigned)

    def _assigned(self, outcome: JobOutcome) -> None:
        problem = outcome.problem()
        if outcome.cancelled and problem is not None:
            self.context.status_message.emit(self.tr("Cancelled; nothing was changed."))
            return
        if problem is not None:
            self.show_problem(problem.render())
            return
        summary: AssignmentSummary = outcome.value
        self.refresh()
        self._notify("assignments")
        self.context.status_message.emit(
            self.tr("%1: %2 assignments in %3 groups").replace(
                "%1", round_label(summary.round, _lang()))
            .replace("%2", str(summary.assignments)).replace("%3", str(len(summary.groups))))
        self.assignment_done.emit(summary)

    # -- background jobs (the workspace's executor) -------------------------------------------
    def _start(self, job: Callable[[Workspace, TaskState], object], label: str,
               after: Callable[[JobOutcome], None]) -> TaskState | None:
        ws_path = self.context.ws.path
        self._after = after
        task = self.runner.start(on_workspace(ws_path, job), label, title=self.title(),
                                 workspace=ws_path)
        self._update_actions()
        return task

    def _job_done(self, outcome: JobOutcome) -> None:
        after, self._after = self._after, None
        self._update_actions()
        if after is not None:
            after(outcome)

    # -- undo ---------------------------------------------------------------------------------
    def undo_workspace(self) -> Workspace:
        return self.context.ws

    def undo_applied(self) -> None:
        """After an undo or redo: every table re-reads the workspace, other screens too."""
        self.expert_model.reload()
        self.conflict_model.reload()
        self.matrix_model.reload()
        self._update_labels()
        self._update_actions()
        self._notify("panel")

    def _push_move(self, expert_id: int, old_group: int | None, new_group: int | None,
                   was_leader: bool) -> None:
        expert = get_expert(self.context.ws, expert_id)
        self.undo_stack.push(MoveExpertCommand(self, expert_id, expert.name, old_group,
                                               new_group, expert.group_name, was_leader))

    def _push_leader(self, expert_id: int, old_leader: int | None) -> None:
        expert = get_expert(self.context.ws, expert_id)
        if expert.group_id is None:  # a leader always has a group; nothing to undo to
            return
        self.undo_stack.push(SetLeaderCommand(self, expert_id, expert.name, expert.group_id,
                                              old_leader))

    def _push_toggle(self, expert_id: int, alliance_id: int, assigned: bool) -> None:
        ws = self.context.ws
        self.undo_stack.push(ToggleAssignmentCommand(
            self, ws.require_year(self.context.year), self.current_round(), expert_id,
            get_expert(ws, expert_id).name, alliance_id, get_alliance(ws, alliance_id).code,
            assigned))

    # -- keeping things in step ---------------------------------------------------------------
    def _round_changed(self) -> None:
        self.matrix_model.set_round(self.current_round())
        self._apply_column_widths()
        self._update_labels()

    def _panel_edited(self) -> None:
        self.expert_model.reload()
        self.conflict_model.reload()
        self.matrix_model.reload()
        self._update_labels()
        self._notify("panel")

    def _assignment_edited(self) -> None:
        self._update_labels()
        self._notify("assignments")

    def _update_actions(self) -> None:
        has_ws = self.context.workspace is not None
        for action in (self.new_group_action, self.declare_action):
            action.setEnabled(has_ws)
        free = has_ws and not self.runner.busy  # one background job of the screen at a time
        for action in (self.import_action, self.assign_action):
            action.setEnabled(free)
        self.assign_button.setEnabled(free)
        selected = self.conflict_view.selectionModel().selectedRows()
        removable = bool(selected) and self.conflict_model.row_at(
            selected[0].row()).source == "declared"
        self.remove_conflict_action.setEnabled(has_ws and removable)

    def _apply_column_widths(self) -> None:
        self.matrix_view.setColumnWidth(0, 56)
        self.matrix_view.setColumnWidth(1, 260)
        self.matrix_view.setColumnWidth(2, 72)
        self.matrix_view.setColumnWidth(3, 56)
        self.matrix_view.horizontalHeader().setMinimumSectionSize(40)

    def _update_labels(self) -> None:
        model = self.expert_model
        if self.context.workspace is None:
            self.groups_label.setText(self.tr("No workspace is open."))
            self.matrix_summary.setText("")
            return
        if model.groups:
            parts = [self.tr("%1: %2 members, leader %3").replace("%1", g.name)
                     .replace("%2", str(g.members)).replace("%3", g.leader_name or "-")
                     for g in model.groups]
            self.groups_label.setText("；".join(parts) if _lang() == "zh" else "; ".join(parts))
        else:
            self.groups_label.setText(self.tr(
                "No groups yet: assign a round to form them, or add groups and move experts "
                "into them (double-click the group cell)."))
        matrix = self.matrix_model.matrix
        if matrix is None:
            self.matrix_summary.setText("")
            return
        text = self.tr("%1 alliances, %2 experts, %3 assignments").replace(
            "%1", str(len(matrix.alliances))).replace("%2", str(len(matrix.experts))).replace(
            "%3", str(len(matrix.assigned)))
        problems = round_problems(self.context.ws, self.context.year, self.current_round()) \
            if matrix.assigned else []
        if problems:
            text += "\n" + "\n".join(render_problem(p) for p in problems[:5])
            if len(problems) > 5:
                text += "\n" + self.tr("… and %1 more").replace("%1", str(len(problems) - 5))
        self.matrix_summary.setText(text)


def _lang() -> str:
    from evaluator.messages import current_language

    return current_language()
