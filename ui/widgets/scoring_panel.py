"""评分: the expert's scoring panel, designed for a long day at the keyboard.

Left, the assigned alliances with progress (x/20); middle, the 20 indicators grouped with
running totals; right, the indicator's standard, the score entry and a comment, and what
the alliance submitted for it. Typing a digit and Enter (or moving on) saves; Up/Down/Tab
move between indicators, PageUp/PageDown between alliances, Ctrl+Z undoes. Every change
is committed to the package at once. Shown by the expert's window (ui.scoring_window) and
the secretariat's scoring screen (ui.screens.scoring).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package, PackageAlliance
from evaluator.packages import format_value
from evaluator.rubric import Indicator, IndicatorGroup
from evaluator.rubric_levels import Level, indicator_levels
from evaluator.scoring import parse_score_text
from ui.models.scoring_models import (
    AllianceListModel,
    IndicatorModel,
    PackageRecordsModel,
    english_ui,
    saved_clock,
)
from ui.widgets.keys_hint import KeysHint
from ui.widgets.report_dialog import INFORMATION, WARNING, show_message
from ui.widgets.score_command import ScoreCommand
from ui.widgets.score_entry import EvidencePane, ScoreEntry, setup_table

LAYOUT_KEY = "scoring_panel/v2"
EXPORT_KEYS = QKeySequence("Ctrl+E")
SMALL_SCREEN_WIDTH = 1200  # logical pixels
LEVEL_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)


class ScoringPanel(QWidget):
    """Scoring of one open package (the package is closed with the panel)."""

    saved = Signal(str)  # the ISO time of the last commit
    scores_changed = Signal()

    def __init__(self, package: Package, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.rubric = package.rubric
        self.undo_stack = QUndoStack(self)
        self.alliance_row = 0
        self.code = self.rubric.codes[0]
        self._moving = False
        self.closed = False

        self.alliances = AllianceListModel(package, self)
        self.indicators = IndicatorModel(package, self)
        self.records = PackageRecordsModel(self)

        # left: alliances, collapsible to their codes (the name is in the tooltip)
        self.alliance_view = QTableView()
        self.alliance_view.setModel(self.alliances)
        setup_table(self.alliance_view)
        alliance_header = self.alliance_view.horizontalHeader()
        alliance_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        alliance_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        alliance_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.alliance_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left = QWidget()
        left_layout = QVBoxLayout(self.left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        self.who_label = QLabel()
        self.who_label.setWordWrap(True)
        self.collapse_button = QToolButton()
        self.collapse_button.setCheckable(True)
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.toggled.connect(self.set_alliances_collapsed)
        who_row = QHBoxLayout()
        who_row.setContentsMargins(0, 0, 0, 0)
        who_row.addWidget(self.who_label, 1)
        who_row.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(who_row)
        left_layout.addWidget(self.alliance_view, 1)

        # middle: the 20 indicators, all visible (heading rows give way on short screens)
        self.indicator_view = QTableView()
        self.indicator_view.setModel(self.indicators)
        setup_table(self.indicator_view)
        header = self.indicator_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        self.indicator_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.indicator_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.indicator_view.verticalHeader()
        rows.setMinimumSectionSize(8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 1)
        self.indicator_view.installEventFilter(self)

        # right, top: the current indicator, its standard, the entry
        self.records_title = QLabel()
        self.records_title.setWordWrap(True)
        self.records_title.setTextFormat(Qt.TextFormat.RichText)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 10) + 2)
        big.setBold(True)
        self.total_label.setFont(big)
        self.standard = QTextBrowser()
        self.standard.setMinimumHeight(40)
        self.standard.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.standard.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.indicator_label = QLabel()
        self.indicator_label.setWordWrap(True)
        self.indicator_label.setFont(big)

        # The score box, its range, the level buttons, the comment and the error line.
        self.entry = ScoreEntry(self)
        self.score_edit, self.comment_edit = self.entry.score_edit, self.entry.comment_edit
        self.range_label, self.error_label = self.entry.range_label, self.entry.error_label
        self.level_check, self.levels_box = self.entry.level_check, self.entry.levels_box
        self.level_buttons = self.entry.level_buttons
        self.score_edit.installEventFilter(self)
        self.score_edit.textEdited.connect(self._check_entry)
        self.comment_edit.installEventFilter(self)
        self.comment_edit.editingFinished.connect(self.commit_comment)
        self.level_check.toggled.connect(self.set_level_entry)
        for index, button in enumerate(self.level_buttons):
            button.clicked.connect(lambda _c=False, i=index: self.choose_level(i))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(3)
        detail_layout.addWidget(self.records_title)
        detail_layout.addWidget(self.total_label)
        detail_layout.addWidget(self.indicator_label)
        detail_layout.addWidget(self.standard, 1)
        detail_layout.addWidget(self.entry)

        # right, bottom: what the alliance submitted for the indicator
        evidence = EvidencePane(self.records)
        self.records_count, self.records_view = evidence.records_count, evidence.records_view
        self.no_records = evidence.no_records

        # Splitters: the expert can give the standard or the evidence more room; their
        # sizes and the collapsed alliance list are remembered (scoring_panel/... settings).
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical)
        self.detail_splitter.setObjectName("scoringDetailSplitter")
        self.detail_splitter.addWidget(detail)
        self.detail_splitter.addWidget(evidence)
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.setStretchFactor(0, 1)
        self.detail_splitter.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("scoringSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.indicator_view)
        self.work_pane = QWidget()
        self.splitter.addWidget(self.work_pane)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)
        self.splitter.setSizes([240, 330, 560])

        self.status_label = QLabel(self.tr("Every score is saved as soon as it is entered."))
        self.keys_label = KeysHint(self.tr(
            "Type a score and press Enter · Alt+C: comment · ↑/↓: indicators · "
            "PgUp/PgDn: alliances · Ctrl+Z: undo · Ctrl+E: export"), self.tr(
            "Enter save · Alt+C comment · ↑↓ indicator · PgUp/PgDn alliance · Ctrl+Z undo · "
            "Ctrl+E export"))
        self.export_action = QAction(self.tr("&Export score file…"), self)
        self.export_action.setShortcut(EXPORT_KEYS)
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action.triggered.connect(self.export)
        self.addAction(self.export_action)
        self.export_button = QPushButton(self.tr("Export score file…"))
        self.export_button.clicked.connect(self.export)
        # The status, the keys and the export under the entry, so that the indicator
        # column has the window's whole height.
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.export_button)
        self.status_label.setWordWrap(True)
        work_layout = QVBoxLayout(self.work_pane)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(2)
        work_layout.addWidget(self.detail_splitter, 1)
        work_layout.addLayout(bottom)
        work_layout.addWidget(self.keys_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)

        self.alliance_view.selectionModel().currentRowChanged.connect(self._alliance_clicked)
        self.indicator_view.selectionModel().currentRowChanged.connect(self._indicator_clicked)
        self.who_label.setText(self._who())
        self._restore_layout()
        if self.alliances.rowCount():
            self.show_cell(*self.first_unscored(0))
        self.setFocusProxy(self.score_edit)

    # -- layout ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        from ui.settings_store import app_settings

        settings = app_settings()
        # On a small screen (a 1366x768 laptop at 125 % or more) the list starts as codes.
        from ui.window_fit import available_geometry

        small = available_geometry(self).width() < SMALL_SCREEN_WIDTH
        collapsed = settings.value(f"{LAYOUT_KEY}/alliances_collapsed", small)
        self.set_alliances_collapsed(collapsed in (True, "true", "1"))
        self.level_check.setChecked(
            settings.value(f"{LAYOUT_KEY}/level_entry", False) in (True, "true", "1"))
        for key, splitter in (("splitter", self.splitter),
                              ("detail_splitter", self.detail_splitter)):
            state = settings.value(f"{LAYOUT_KEY}/{key}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_layout(self) -> None:
        from ui.settings_store import app_settings

        settings = app_settings()
        settings.setValue(f"{LAYOUT_KEY}/alliances_collapsed",
                          self.collapse_button.isChecked())
        settings.setValue(f"{LAYOUT_KEY}/splitter", self.splitter.saveState())
        settings.setValue(f"{LAYOUT_KEY}/level_entry", self.level_check.isChecked())
        settings.setValue(f"{LAYOUT_KEY}/detail_splitter", self.detail_splitter.saveState())

    def set_alliances_collapsed(self, collapsed: bool) -> None:
        """Show only the alliances' codes (names in the tooltip) to give the indicators
        and the evidence the width on a small screen."""
        if self.collapse_button.isChecked() != collapsed:
            self.collapse_button.setChecked(collapsed)  # comes back here via toggled
            return
        self.collapse_button.setText("»" if collapsed else "«")
        self.collapse_button.setToolTip(self.tr("Show the alliances' names") if collapsed
                                        else self.tr("Show only the alliances' codes"))
        self.alliance_view.setColumnHidden(1, collapsed)
        self.alliance_view.setColumnHidden(2, collapsed)
        self.who_label.setVisible(not collapsed)
        if collapsed:
            self.alliance_view.resizeColumnToContents(0)
            width = (self.alliance_view.columnWidth(0)
                     + self.alliance_view.verticalScrollBar().sizeHint().width()
                     + 2 * self.alliance_view.frameWidth())
            self.left.setMaximumWidth(max(width, self.collapse_button.sizeHint().width()) + 4)
        else:
            self.left.setMaximumWidth(16777215)
        self.alliances.collapsed = collapsed

    # -- rubric-level entry ---------------------------------------------------------------
    def current_levels(self) -> list[Level]:
        return indicator_levels(self.current_indicator(), self.rubric, english_ui())

    def set_level_entry(self, on: bool) -> None:
        self.levels_box.setVisible(on)
        if on:
            self._show_levels()

    def _show_levels(self) -> None:
        self.entry.show_levels(self.current_levels())

    def choose_level(self, index: int) -> bool:
        """Score the current indicator at the level `index` (0 full, 1 partial, 2 zero)
        and go on, as typing its points and Enter would."""
        levels = self.current_levels()
        if not 0 <= index < len(levels):
            return False
        self.score_edit.setText(format_value(levels[index].points))
        self.score_edit.setFocus()
        return self.move_indicator(1, wrap_alliance=True)

    def fit_indicator_rows(self) -> None:
        """Every indicator stays visible: when the table is too short, the heading rows
        give way first (their totals stay in the total line), then the column titles,
        then the rows tighten down to the height of a line's glyphs."""
        view = self.indicator_view
        metrics = view.fontMetrics()
        row = metrics.height() + 1
        tightest = metrics.ascent() + 2
        title = view.horizontalHeader().sizeHint().height()
        groups = [i for i, item in enumerate(self.indicators.rows)
                  if isinstance(item, IndicatorGroup)]
        indicators = len(self.indicators.rows) - len(groups)
        height = view.height() - 2 * view.frameWidth()
        hide_groups = len(self.indicators.rows) * row + title > height
        hide_title = indicators * row + title > height
        if hide_title:
            row = max(tightest, min(row, height // max(indicators, 1)))
        for i in groups:
            if view.isRowHidden(i) != hide_groups:
                view.setRowHidden(i, hide_groups)
        view.horizontalHeader().setVisible(not hide_title)
        if view.verticalHeader().defaultSectionSize() != row:
            view.verticalHeader().setDefaultSectionSize(row)

    def _who(self) -> str:
        round_ = {"initial": self.tr("initial round"), "review": self.tr("cross-group review")}
        return self.tr("%1 · %2 %3").replace("%1", self.package.expert).replace(
            "%2", str(self.package.year)).replace("%3", round_.get(self.package.round, ""))

    # -- where we are --------------------------------------------------------------
    @property
    def alliance(self) -> PackageAlliance:
        return self.alliances.row_at(self.alliance_row)

    def current_indicator(self) -> Indicator:
        return self.rubric.indicator(self.code)

    def show_cell(self, alliance_id: int, code: str) -> None:
        """Move to a cell without saving what is typed (used by undo and start-up)."""
        row = self.alliances.row_of(alliance_id)
        if row < 0:
            return
        self._moving = True
        try:
            alliance_changed = row != self.alliance_row or self.indicators._alliance_id is None
            self.alliance_row = row
            self.code = code
            if alliance_changed:
                self.indicators.set_alliance(alliance_id)
            self.alliance_view.selectionModel().setCurrentIndex(
                self.alliances.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.indicator_view.selectionModel().setCurrentIndex(
                self.indicators.index(self.indicators.row_of(code), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.indicator_view.scrollTo(self.indicators.index(self.indicators.row_of(code), 0))
            self.alliance_view.scrollTo(self.alliances.index(row, 0))
        finally:
            self._moving = False
        self._show_current()

    def _show_current(self) -> None:
        ind = self.current_indicator()
        a = self.alliance
        english = english_ui()
        name = ind.name_en if english else ind.name
        standard = ind.standard_en if english else ind.standard
        self.indicator_label.setText(f"{ind.code} {name}")
        self.indicator_label.setToolTip(standard)
        self.standard.setPlainText(standard)
        self.range_label.setText(self.tr("0 to %1, in steps of %2").replace(
            "%1", format_value(ind.max_points)).replace("%2", format_value(self.rubric.step)))
        records = self.package.records(a.id, ind.code)
        self.records.set_rows(records)
        self.records_view.resizeRowsToContents()
        self.no_records.setVisible(not records)
        self.records_title.setText(f"<b>{html.escape(a.code)} {html.escape(a.name)}</b>")
        self.records_title.setToolTip(f"{a.code} {a.name}\n{a.batch_name}")
        self.records_count.setText(self.tr("Submitted for %1: %2 records").replace(
            "%1", ind.code).replace("%2", str(len(records))))
        score = self.indicators.score(ind.code)
        self.score_edit.setText(format_value(score.value) if score else "")
        self.score_edit.selectAll()
        self.comment_edit.setText(score.comment if score else "")
        self.error_label.clear()
        if self.level_check.isChecked():
            self._show_levels()
        self._update_totals()

    def _update_totals(self) -> None:
        parts = [f"{g.code}: {self._group_total_text(g)}/{format_value(g.max_points)}"
                 for g in self.rubric.groups]
        done, total = self.package.progress().get(self.alliance.id, (0, 0))
        self.total_label.setText(self.tr("Total %1 / %2 (%3) · %4 of %5 scored").replace(
            "%1", format_value(self.indicators.total()) if done else self.tr("not scored")
        ).replace("%2", format_value(self.rubric.max_total)).replace(
            "%3", "  ".join(parts)).replace("%4", str(done)).replace("%5", str(total)))

    def _group_total_text(self, group: IndicatorGroup) -> str:
        if not self.indicators.group_scored(group):
            return "—"
        return format_value(self.indicators.group_total(group))

    def first_unscored(self, start_row: int) -> tuple[int, str]:
        """From alliance row `start_row` on (wrapping), the first alliance with an
        unscored indicator and that indicator; the start alliance's first indicator
        when everything is scored."""
        codes = self.rubric.codes
        count = self.alliances.rowCount()
        progress = self.package.progress()
        for step in range(count):
            alliance = self.alliances.row_at((start_row + step) % count)
            done, total = progress.get(alliance.id, (0, 0))
            if done < total:
                scored = {code for (_a, code) in self.package.scores(alliance.id)}
                return alliance.id, next(c for c in codes if c not in scored)
        return self.alliances.row_at(start_row % count).id, codes[0]

    def first_unscored_of(self, row: int) -> tuple[int, str]:
        """Alliance row `row` and its first unscored indicator (its first if complete)."""
        alliance = self.alliances.row_at(row)
        scored = {code for (_a, code) in self.package.scores(alliance.id)}
        return alliance.id, next((c for c in self.rubric.codes if c not in scored),
                                 self.rubric.codes[0])

    # -- entry ------------------------------------------------------------------------
    def _check_entry(self, text: str) -> None:
        problem = self._entry_problem(text)
        self.error_label.setText(problem or "")

    def _entry_problem(self, text: str) -> str | None:
        ind = self.current_indicator()
        try:
            value = parse_score_text(text)
        except ValueError:
            value = -1.0
        if value is None or self.rubric.is_valid_value(ind.code, value):
            return None
        return self.tr("%1 is not a valid score: 0 to %2 in steps of %3").replace(
            "%1", text).replace("%2", format_value(ind.max_points)).replace(
            "%3", format_value(self.rubric.step))

    def commit_entry(self) -> bool:
        """Save what is typed for the current cell; False (and a message) if invalid."""
        if self.alliances.rowCount() == 0:
            return True
        text = self.score_edit.text()
        problem = self._entry_problem(text)
        if problem:
            self.error_label.setText(problem)
            self.score_edit.setFocus()
            self.score_edit.selectAll()
            return False
        value = parse_score_text(text)
        old = self.indicators.score(self.code)
        old_state = (old.value, old.comment) if old else None
        if value is None:
            if old is None:
                return True
            self.undo_stack.push(ScoreCommand(self, self.alliance, self.code, old_state,
                                              None))
            return True
        if old is not None and old.value == value:
            return True
        new_state = (value, old.comment if old else self.comment_edit.text().strip())
        self.undo_stack.push(ScoreCommand(self, self.alliance, self.code, old_state,
                                          new_state))
        return True

    def save_score_and_comment(self) -> None:
        """Enter in the comment box: save the typed score with the comment, then go on to
        the next indicator. A comment alone (no score yet) is kept in the box."""
        if not self.score_edit.text().strip() and self.indicators.score(self.code) is None:
            if self.comment_edit.text().strip():
                self.error_label.setText(self.tr(
                    "A comment is saved with its score: type the score first."))
            self.score_edit.setFocus()
            return
        if not self.commit_entry():
            return
        self.commit_comment()
        self.score_edit.setFocus()
        self.move_indicator(1, wrap_alliance=True)

    def commit_comment(self) -> None:
        old = self.indicators.score(self.code)
        if old is None or self._moving:
            return
        text = self.comment_edit.text().strip()
        if text == old.comment:
            return
        self.undo_stack.push(ScoreCommand(self, self.alliance, self.code,
                                          (old.value, old.comment), (old.value, text)))

    def apply_cell(self, alliance_id: int, code: str, state: tuple[float, str] | None,
                   navigate: bool) -> None:
        """Write one cell to the package (from the undo stack) and show the result."""
        try:
            if state is None:
                saved_at = self.package.clear_score(alliance_id, code)
            else:
                saved_at = self.package.set_score(alliance_id, code, state[0], state[1])
        except EvaluatorError as error:
            show_message(self, WARNING, self.tr("Not saved"), error.render())
            return
        self.alliances.refresh_progress(alliance_id)
        if alliance_id == self.alliance.id:
            self.indicators.refresh_scores()
        self.status_label.setText(self.tr("Saved at %1").replace("%1", saved_clock(saved_at)))
        self.saved.emit(saved_at)
        self.scores_changed.emit()
        if navigate:
            self.show_cell(alliance_id, code)
        else:
            self._update_totals()

    # -- moving --------------------------------------------------------------------------
    def move_indicator(self, step: int, wrap_alliance: bool = False) -> bool:
        if not self.commit_entry():
            return False
        codes = self.rubric.codes
        i = codes.index(self.code) + step
        if 0 <= i < len(codes):
            self.show_cell(self.alliance.id, codes[i])
        elif wrap_alliance and i >= len(codes) \
                and self.alliance_row + 1 < self.alliances.rowCount():
            self.show_cell(self.alliances.row_at(self.alliance_row + 1).id, codes[0])
        else:
            self._show_current()
        return True

    def move_alliance(self, step: int) -> bool:
        if not self.commit_entry():
            return False
        row = self.alliance_row + step
        if 0 <= row < self.alliances.rowCount():
            self.show_cell(*self.first_unscored_of(row))
        else:
            self._show_current()
        return True

    def _alliance_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._moving or not current.isValid() or current.row() == self.alliance_row:
            return
        if not self.commit_entry():
            self.show_cell(self.alliance.id, self.code)
            return
        self.show_cell(self.alliances.row_at(current.row()).id, self.code)
        self.score_edit.setFocus()

    def _indicator_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._moving or not current.isValid():
            return
        item = self.indicators.row_at(current.row())
        if not isinstance(item, Indicator) or item.code == self.code:
            return
        if not self.commit_entry():
            self.show_cell(self.alliance.id, self.code)
            return
        self.show_cell(self.alliance.id, item.code)
        self.score_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.indicator_view and event.type() == QEvent.Type.Resize:
            self.fit_indicator_rows()
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) \
                    or event.matches(QKeySequence.StandardKey.Redo):
                event.accept()  # ours, not the line edit's own undo
                return True
            if QKeySequence(event.keyCombination()) == EXPORT_KEYS \
                    and self.export_action.shortcut() == EXPORT_KEYS:
                event.ignore()  # the export shortcut, not the line edit's "end of line"
                return True
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return True
        key = event.key()
        if watched is self.comment_edit:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save_score_and_comment()
                return True
            if key == Qt.Key.Key_Escape:
                score = self.indicators.score(self.code)
                self.comment_edit.setText(score.comment if score else "")
                self.score_edit.setFocus()
                return True
            return super().eventFilter(watched, event)
        if watched is not self.score_edit:
            return super().eventFilter(watched, event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_indicator(1, wrap_alliance=True)
            return True
        if self.level_check.isChecked() and key in LEVEL_KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.choose_level(LEVEL_KEYS.index(key))
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
            self.move_indicator(1)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
            self.move_indicator(-1)
            return True
        if key == Qt.Key.Key_PageDown:
            self.move_alliance(1)
            return True
        if key == Qt.Key.Key_PageUp:
            self.move_alliance(-1)
            return True
        if key == Qt.Key.Key_Escape:
            self._show_current()
            return True
        return super().eventFilter(watched, event)

    def undo(self) -> None:
        self.error_label.clear()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    # -- export and closing -------------------------------------------------------
    def export(self) -> None:
        from evaluator.scorefile_export import export_score_file, missing_problems, score_file_name

        if not self.commit_entry():
            return
        missing = missing_problems(self.package)
        partial = False
        if missing:
            count = sum(int(p.params["count"]) for p in missing)
            answer = QMessageBox.question(
                self, self.tr("Scores missing"),
                self.tr("%1 indicators are not scored yet (%2 alliances). Export a partial "
                        "score file anyway?").replace("%1", str(count)).replace(
                    "%2", str(len(missing))),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            partial = True
        sequence = int(self.package.meta.get("export_sequence", "0")) + 1
        start = self.package.path.parent / score_file_name(self.package, sequence)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export score file"), str(start),
                                              self.tr("Score files (*.xlsx)"))
        if not name:
            return
        try:
            result = export_score_file(self.package, Path(name), partial=partial)
        except EvaluatorError as error:
            show_message(self, WARNING, self.tr("Not exported"), error.render())
            return
        show_message(self, INFORMATION, self.tr("Score file written"), self.tr(
            "Score file %1 written (export number %2). Send this file to your group leader "
            "or the secretariat.").replace("%1", str(result.path)).replace(
            "%2", str(result.sequence)))

    def refresh_after_import(self) -> None:
        """Scores written to the package behind the panel (a template import)."""
        self.undo_stack.clear()
        self.alliances.refresh_all()
        if self.alliances.rowCount():
            self.indicators.set_alliance(None)
            self.show_cell(self.alliance.id, self.code)

    def unsaved_problem(self) -> str | None:
        """Why what is typed cannot be saved on closing (None when it can)."""
        if self.closed or not self.alliances.rowCount():
            return None
        return self._entry_problem(self.score_edit.text())

    def close_package(self) -> None:
        """Save what is typed (if valid) and close the package."""
        if self.closed:
            return
        self.closed = True
        self.save_layout()
        if self.alliances.rowCount() and self._entry_problem(self.score_edit.text()) is None:
            self.commit_entry()
            self.commit_comment()
        self.undo_stack.clear()
        self.package.close()


