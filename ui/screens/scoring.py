"""评分: the expert's scoring screen, designed for a long day at the keyboard.

Left, the assigned alliances with progress (x/20); middle, what the alliance submitted
for the current indicator; right, the 20 indicators grouped by first-level indicator with
running totals, the current indicator's scoring standard, the score entry and a comment.
Typing a digit and Enter (or just moving on) saves; Up/Down/Tab move between indicators,
PageUp/PageDown between alliances, Ctrl+Z undoes. Every change is committed to the
package at once; the status line says when it was last saved.

`ScoringPanel` works on an open `Package` (also used by ui.scoring_window); `Screen`
lets the secretariat pick an expert and round of the open workspace and scores that
expert's package kept in the application's data folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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

from evaluator import messages
from evaluator.errors import EvaluatorError
from evaluator.packages import Package, PackageAlliance, Score, format_value
from evaluator.panel_lists import ExpertProgress, expert_names, expert_progress
from evaluator.rubric import Indicator, IndicatorGroup
from evaluator.rubric_levels import Level, indicator_levels
from evaluator.scoring import parse_score_text
from ui.context import AppContext
from ui.dialogs.report_dialog import INFORMATION, WARNING, show_message
from ui.labels import round_label
from ui.models.rows_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
ROUNDS = ("initial", "review")
LAYOUT_KEY = "scoring_panel/v2"
EXPORT_KEYS = QKeySequence("Ctrl+E")
SMALL_SCREEN_WIDTH = 1200  # logical pixels
LEVEL_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)


def _english() -> bool:
    return messages.current_language() == "en"


def saved_clock(iso: str) -> str:
    """'2018-11-05T14:03:27+08:00' -> '14:03:27' (local time)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return iso[11:19]


# -- models ----------------------------------------------------------------------------

class AllianceListModel(RowsTableModel[PackageAlliance]):
    """The expert's alliances: code, name, progress x/20."""

    HEADERS = (QT_TRANSLATE_NOOP("AllianceListModel", "Code"),
               QT_TRANSLATE_NOOP("AllianceListModel", "Alliance"),
               QT_TRANSLATE_NOOP("AllianceListModel", "Scored"))

    def __init__(self, package: Package, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.rows = package.alliances()
        self._progress = package.progress()
        self.collapsed = False  # only the codes show: a complete alliance's code is green

    def row_of(self, alliance_id: int) -> int:
        for i, a in enumerate(self.rows):
            if a.id == alliance_id:
                return i
        return -1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        a = self.rows[index.row()]
        done, total = self._progress.get(a.id, (0, 0))
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.code, a.name, f"{done}/{total}")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.code} {a.name}\n{a.batch_name}\n" + self.tr("Scored %1").replace(
                "%1", f"{done}/{total}")
        if role == Qt.ItemDataRole.ForegroundRole and (column == 2 or self.collapsed):
            if done == total:
                return QBrush(QColor("#1b7f3b"))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def refresh_all(self) -> None:
        self._progress = self.package.progress()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))

    def refresh_progress(self, alliance_id: int) -> None:
        self._progress = self.package.progress()
        row = self.row_of(alliance_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))


class IndicatorModel(RowsTableModel[IndicatorGroup | Indicator]):
    """The rubric for one alliance: a heading row per first-level indicator (with its
    running total), then its second-level indicators with their scores."""

    HEADERS = (QT_TRANSLATE_NOOP("IndicatorModel", "Code"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Indicator"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Score"),
               QT_TRANSLATE_NOOP("IndicatorModel", "Max"))

    def __init__(self, package: Package, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.rubric = package.rubric
        for group in self.rubric.groups:
            self.rows.append(group)
            self.rows.extend(group.indicators)
        self._alliance_id: int | None = None
        self._scores: dict[str, Score] = {}

    def set_alliance(self, alliance_id: int | None) -> None:
        self.beginResetModel()
        self._alliance_id = alliance_id
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        if self._alliance_id is None:
            self._scores = {}
        else:
            self._scores = {code: s for (_, code), s in
                            self.package.scores(self._alliance_id).items()}

    def refresh_scores(self) -> None:
        self._load()
        if self.rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.rows) - 1, 3))

    def score(self, code: str) -> Score | None:
        return self._scores.get(code)

    def group_total(self, group: IndicatorGroup) -> float:
        return sum(self._scores[i.code].value for i in group.indicators
                   if i.code in self._scores)

    def group_scored(self, group: IndicatorGroup) -> bool:
        return any(i.code in self._scores for i in group.indicators)

    def total(self) -> float:
        return sum(s.value for s in self._scores.values())

    def row_of(self, code: str) -> int:
        for i, item in enumerate(self.rows):
            if isinstance(item, Indicator) and item.code == code:
                return i
        return -1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.rows[index.row()], IndicatorGroup):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self.rows[index.row()]
        column = index.column()
        english = _english()
        if isinstance(item, IndicatorGroup):
            if role == Qt.ItemDataRole.DisplayRole:
                name = item.name_en if english else item.name
                total = (format_value(self.group_total(item)) if self.group_scored(item)
                         else "—")
                return (item.code, name, total, format_value(item.max_points))[column]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8eef6"))
            return None
        score = self._scores.get(item.code)
        if role == Qt.ItemDataRole.DisplayRole:
            name = item.name_en if english else item.name
            value = format_value(score.value) if score else "—"
            if score and score.comment and column == 2:
                value += " ✎"
            return (item.code, name, value, format_value(item.max_points))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = item.standard_en if english else item.standard
            if score and score.comment:
                text += "\n\n" + score.comment
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and score is None:
            return QBrush(QColor("#9a9a9a"))
        return None


class PackageRecordsModel(RowsTableModel[dict[str, Any]]):
    """The records an alliance submitted for one indicator."""

    HEADERS = (QT_TRANSLATE_NOOP("PackageRecordsModel", "Title"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Date"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Quantity"),
               QT_TRANSLATE_NOOP("PackageRecordsModel", "Description"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            quantity = "" if r.get("quantity") is None else format_value(r["quantity"])
            values = (r.get("title") or "", r.get("record_date") or "", quantity,
                      (r.get("description") or "") + (f"\n{r['link']}" if r.get("link") else ""))
            return values[index.column()]
        return None


# -- undo -------------------------------------------------------------------------------

class ScoreCommand(QUndoCommand):
    """One change of one cell (score and comment); undo restores the cell as it was."""

    def __init__(self, panel: ScoringPanel, alliance: PackageAlliance, code: str,
                 old: tuple[float, str] | None, new: tuple[float, str] | None) -> None:
        # "评分 109 · 1.2": the alliance's code as the expert knows it, then the indicator.
        super().__init__(QCoreApplication.translate("ScoringPanel", "Score %1 · %2").replace(
            "%1", alliance.code).replace("%2", code))
        self.panel = panel
        self.alliance_id = alliance.id
        self.code = code
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        self.panel.apply_cell(self.alliance_id, self.code, self.new, navigate=not self._first)
        self._first = False

    def undo(self) -> None:
        self.panel.apply_cell(self.alliance_id, self.code, self.old, navigate=True)


# -- the panel ---------------------------------------------------------------------------

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
        self._setup_table(self.alliance_view)
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
        self._setup_table(self.indicator_view)
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

        self.score_edit = QLineEdit()
        entry_font = QFont(self.font())
        entry_font.setPointSizeF(max(entry_font.pointSizeF(), 10) + 6)
        self.score_edit.setFont(entry_font)
        self.score_edit.setMaximumWidth(self.score_edit.fontMetrics().horizontalAdvance("0")
                                        * 7)
        self.score_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9０-９.．。]{0,5}"), self.score_edit))
        self.score_edit.installEventFilter(self)
        self.score_edit.textEdited.connect(self._check_entry)
        self.range_label = QLabel()
        self.range_label.setWordWrap(True)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Optional comment on this score"))
        self.comment_edit.installEventFilter(self)
        self.comment_edit.editingFinished.connect(self.commit_comment)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)

        # Rubric-level entry (an option; typing numbers stays the default): the standard's
        # full / partial / zero as buttons, keys 1-3 in the score box.
        self.level_check = QCheckBox(self.tr("Score by &level (keys 1-3)"))
        self.level_check.setToolTip(self.tr(
            "Choose the description that fits instead of typing a number: full marks, "
            "partial (half the maximum) or zero"))
        self.level_check.toggled.connect(self.set_level_entry)
        self.level_buttons: list[QPushButton] = []
        self.levels_box = QWidget()
        levels_layout = QHBoxLayout(self.levels_box)
        levels_layout.setContentsMargins(0, 0, 0, 0)
        for index in range(3):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, i=index: self.choose_level(i))
            levels_layout.addWidget(button)
            self.level_buttons.append(button)
        self.levels_box.setVisible(False)

        entry = QFormLayout()
        entry.setContentsMargins(0, 0, 0, 0)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_edit)
        score_row.addWidget(self.range_label, 1)
        score_row.addWidget(self.level_check)
        score_label = QLabel(self.tr("&Score:"))
        score_label.setBuddy(self.score_edit)
        comment_label = QLabel(self.tr("&Comment:"))
        comment_label.setBuddy(self.comment_edit)
        entry.addRow(score_label, score_row)
        entry.addRow(self.levels_box)
        entry.addRow(comment_label, self.comment_edit)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(3)
        detail_layout.addWidget(self.records_title)
        detail_layout.addWidget(self.total_label)
        detail_layout.addWidget(self.indicator_label)
        detail_layout.addWidget(self.standard, 1)
        detail_layout.addLayout(entry)
        detail_layout.addWidget(self.error_label)

        # right, bottom: what the alliance submitted for the indicator
        evidence = QWidget()
        evidence_layout = QVBoxLayout(evidence)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.setSpacing(2)
        self.records_count = QLabel()
        self.records_view = QTableView()
        self.records_view.setModel(self.records)
        self._setup_table(self.records_view)
        self.records_view.setWordWrap(True)
        # The description is what the expert reads: it takes the width, the other
        # columns only what they need, and each row is as tall as its text.
        records_header = self.records_view.horizontalHeader()
        records_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        records_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        records_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        records_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.records_view.setColumnWidth(0, 120)
        self.records_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.records_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.records_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.no_records = QLabel(self.tr("Nothing was submitted for this indicator."))
        self.no_records.setStyleSheet("color: #777;")
        evidence_layout.addWidget(self.records_count)
        evidence_layout.addWidget(self.records_view, 1)
        evidence_layout.addWidget(self.no_records)

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
        self.keys_label = QLabel(self.tr(
            "Type a score and press Enter · Alt+C: comment · ↑/↓: indicators · "
            "PgUp/PgDn: alliances · Ctrl+Z: undo · Ctrl+E: export"))
        self.keys_label.setStyleSheet("color: #555;")
        self.keys_label.setWordWrap(True)
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
        from ui.qt import app_settings

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
        from ui.qt import app_settings

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
        return indicator_levels(self.current_indicator(), self.rubric, _english())

    def set_level_entry(self, on: bool) -> None:
        self.levels_box.setVisible(on)
        if on:
            self._show_levels()

    def _show_levels(self) -> None:
        levels = self.current_levels()
        names = {"full": self.tr("Full marks"), "partial": self.tr("Partial"),
                 "zero": self.tr("Zero")}
        for index, button in enumerate(self.level_buttons):
            if index < len(levels):
                level = levels[index]
                button.setText(self.tr("%1 %2 (%3)").replace("%1", str(index + 1)).replace(
                    "%2", names[level.key]).replace("%3", format_value(level.points)))
                button.setToolTip(level.description)
            button.setVisible(index < len(levels))

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

    @staticmethod
    def _setup_table(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        view.setAlternatingRowColors(True)

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
        english = _english()
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
        self.records_title.setText(f"<b>{_esc(a.code)} {_esc(a.name)}</b>")
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
        from evaluator.scorefile import export_score_file, missing_problems, score_file_name

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


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the workspace screen --------------------------------------------------------------

def package_folder(workspace_id: str) -> Path:
    from evaluator.user_dirs import packages_dir

    return packages_dir() / workspace_id


class ExpertPickModel(RowsTableModel[ExpertProgress]):
    """The experts of the year with what each has sent per round, to pick one to score."""

    HEADERS = (QT_TRANSLATE_NOOP("ExpertPickModel", "Expert"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Group"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Initial group review"),
               QT_TRANSLATE_NOOP("ExpertPickModel", "Cross review"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        expert_id, name, group, progress = row.expert_id, row.name, row.group, row.sheets
        col = index.column()
        round_ = {2: "initial", 3: "review"}.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            if col == 1:
                return group
            received, assigned = progress.get(round_ or "", (0, 0))
            if not assigned:
                return "—"
            return self.tr("%1 of %2 received").replace("%1", str(received)).replace(
                "%2", str(assigned))
        if role == Qt.ItemDataRole.UserRole:
            return expert_id
        if role == Qt.ItemDataRole.BackgroundRole and round_:
            received, assigned = progress.get(round_, (0, 0))
            if assigned:
                return QBrush(QColor(200, 235, 200) if received >= assigned
                              else QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and round_:
            return QBrush(QColor(0, 0, 0))
        return None


class Screen(QWidget):
    """The secretariat's entry point: score an expert's package from the workspace."""

    undo_stack_changed = Signal()  # a package was opened or closed (the main window follows)

    @property
    def undo_stack(self) -> QUndoStack | None:
        """The open package's undo stack: Edit → Undo goes there while this screen shows."""
        return self.panel.undo_stack if self.panel is not None else None

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.panel: ScoringPanel | None = None
        self.expert_combo = QComboBox()
        self.expert_combo.setMinimumContentsLength(8)
        self.round_combo = QComboBox()
        for round_ in ("initial", "review"):
            self.round_combo.addItem(round_label(round_), round_)
        self.open_button = QPushButton(self.tr("Open for scoring"))
        self.open_button.clicked.connect(self.open_selected)
        self.packages_button = QPushButton(self.tr("Generate packages for all experts…"))
        self.packages_button.clicked.connect(self.generate_packages)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Expert:")))
        bar.addWidget(self.expert_combo, 1)
        bar.addWidget(QLabel(self.tr("Round:")))
        bar.addWidget(self.round_combo)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.packages_button)
        self.hint = QLabel(self.tr(
            "Experts score in their own package (.evpkg) on their laptops and send back a "
            "signed score file. Here the secretariat can score on an expert's behalf; the "
            "package is kept in the application's data folder."))
        self.hint.setWordWrap(True)
        self.list_button = QPushButton(self.tr("Back to the expert list"))
        self.list_button.clicked.connect(self._close_panel)
        self.list_button.setVisible(False)
        bar.insertWidget(bar.indexOf(self.open_button) + 1, self.list_button)
        # Until a package is open the body lists the experts and what each has sent;
        # double-click (or Enter) opens that expert's package.
        self.experts_model = ExpertPickModel(self)
        self.experts_view = QTableView()
        self.experts_view.setModel(self.experts_model)
        self.experts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.experts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.experts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.experts_view.verticalHeader().setVisible(False)
        header = self.experts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.experts_view.clicked.connect(self._pick_expert)
        self.experts_view.activated.connect(self._open_expert)
        self.body = QVBoxLayout()
        self.body.addWidget(self.experts_view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addLayout(self.body, 1)
        context.workspace_changed.connect(self.refresh)
        context.data_changed.connect(self._on_data_changed)
        self.refresh()

    def title(self) -> str:
        return self.tr("Scoring")

    def _on_data_changed(self, what: str) -> None:
        if what in ("panel", "assignments"):
            self.refresh()

    def refresh(self) -> None:
        current = self.expert_combo.currentData()
        self.expert_combo.clear()
        ws = self.context.workspace
        if ws is None or self.context.year is None:
            self.open_button.setEnabled(False)
            self.packages_button.setEnabled(False)
            self._close_panel()
            return
        for expert_id, name in expert_names(ws, self.context.year).items():
            self.expert_combo.addItem(name, expert_id)
        if current is not None:
            index = self.expert_combo.findData(current)
            if index >= 0:
                self.expert_combo.setCurrentIndex(index)
        has_experts = self.expert_combo.count() > 0
        self.open_button.setEnabled(has_experts)
        self.packages_button.setEnabled(has_experts)
        self.experts_model.set_rows(expert_progress(ws, self.context.year))

    def _pick_expert(self, index: QModelIndex) -> None:
        expert_id = self.experts_model.data(index, Qt.ItemDataRole.UserRole)
        found = self.expert_combo.findData(expert_id)
        if found >= 0:
            self.expert_combo.setCurrentIndex(found)
        progress = self.experts_model.rows[index.row()].sheets
        if index.column() == 3 or ("initial" not in progress and "review" in progress):
            self.round_combo.setCurrentIndex(self.round_combo.findData("review"))
        elif index.column() == 2:
            self.round_combo.setCurrentIndex(self.round_combo.findData("initial"))

    def _open_expert(self, index: QModelIndex) -> None:
        self._pick_expert(index)
        self.open_selected()

    def _close_panel(self) -> None:
        if self.panel is not None:
            self.panel.close_package()
            self.body.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
            self.undo_stack_changed.emit()
        self.experts_view.setVisible(True)
        self.list_button.setVisible(False)

    def open_selected(self) -> bool:
        from evaluator.packages import build_expert_package, package_file_name, workspace_id

        ws = self.context.workspace
        expert_id = self.expert_combo.currentData()
        round_ = self.round_combo.currentData()
        if ws is None or expert_id is None or self.context.year is None:
            return False
        self._close_panel()
        folder = package_folder(workspace_id(ws))
        path = folder / package_file_name(self.context.year, round_,
                                          self.expert_combo.currentText())
        try:
            if not path.exists():
                build_expert_package(ws, self.context.year, round_, int(expert_id), path)
            package = Package.open(path)
        except EvaluatorError as error:
            show_message(self, WARNING, self.tr("Cannot open the package"), error.render())
            return False
        self.panel = ScoringPanel(package, self)
        # In the main window Ctrl+E is File → Export the results workbook; the panel's
        # export is its button here (the expert's own window keeps Ctrl+E).
        self.panel.export_action.setShortcut(QKeySequence())
        self.experts_view.setVisible(False)
        self.list_button.setVisible(True)
        self.body.addWidget(self.panel, 1)
        self.panel.setFocus()
        self.undo_stack_changed.emit()
        return True

    def generate_packages(self) -> None:
        from ui.dialogs.packages_dialog import PackagesDialog

        ws = self.context.workspace
        if ws is None or self.context.year is None:
            return
        dialog = PackagesDialog(ws.path, self.context.year, self)
        dialog.exec()

    def closeEvent(self, event: Any) -> None:
        self._close_panel()
        super().closeEvent(event)
