"""The group leader's window (组长汇总): one group package (.evpkg of kind 'group') open.

The leader drops the members' score files here; they are checked against the members'
keys and assignments and kept, byte for byte, in the group package
(`evaluator.group_merge.merge_into_group_package`, run in a `ui.workers.BackgroundRunner`).
The members table says who has sent what; 生成组文件 writes the one `.evgroup` file the
secretariat merges, each member's own signature still verified there.

`open_group_window(path)` opens the package and shows the window (kept alive here until it
is closed); `ui.scoring_window.open_package_window` sends group packages here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.file_names import safe_file_name
from evaluator.group_file import GROUP_FILE_SUFFIX, GroupFile
from evaluator.group_merge import (
    export_group_file,
    group_progress,
    merge_into_group_package,
)
from evaluator.group_package import GroupPackage
from evaluator.merge import MergeReport
from evaluator.progress import Cancelled, Progress
from evaluator.timefmt import local_time
from ui.labels import role_label, round_label
from ui.models.file_result_model import FileResultModel
from ui.models.rows_model import RowsTableModel
from ui.settings_store import app_settings
from ui.widgets.file_drops import AcceptsFileDrops
from ui.widgets.group_differences import GroupDifferencesView
from ui.widgets.report_dialog import INFORMATION, WARNING, show_message
from ui.window_fit import fit_to_screen, keep_on_screen
from ui.workers import BackgroundRunner, JobOutcome

GEOMETRY_KEY = "group_window/v1/geometry"
Index = QModelIndex | QPersistentModelIndex
_open_windows: list[GroupWindow] = []


@dataclass(frozen=True)
class MemberRow:
    """A member of the group and the latest score file the leader has accepted from him."""

    name: str
    role: str
    leads_group: bool
    codes: tuple[str, ...]  # the alliances assigned to the member in this round
    sequence: int | None  # the export number of the latest accepted file
    file_name: str | None
    received_at: str | None
    legacy_signature: bool = False  # the file is signed the first release's way (旧签名)

    @property
    def sent(self) -> bool:
        return self.sequence is not None


def member_rows(path: Path) -> list[MemberRow]:
    """The group package's members (the leader first) with what each has sent."""
    sent = {row["expert"]: row for row in group_progress(path)}
    with GroupPackage.open(path) as gp:
        rows = []
        for member in gp.members():
            name = member["name"]
            got = sent.get(name, {})
            rows.append(MemberRow(name, member["role"], bool(member["is_group_leader"]),
                                  tuple(gp.assigned_codes(name)), got.get("sequence"),
                                  got.get("file"), got.get("received_at"),
                                  bool(got.get("legacy_signature"))))
    return rows


def group_file_name(group: str, round_: str) -> str:
    """The save dialog's default: `<group>-<round, as the UI names it>.evgroup`."""
    safe = safe_file_name(f"{group}-{round_label(round_, short=True)}")
    return f"{safe}{GROUP_FILE_SUFFIX}"


class MembersModel(RowsTableModel[MemberRow]):
    """One row per member: role, assigned alliances, latest file received, sent or not."""

    HEADERS = (QT_TRANSLATE_NOOP("MembersModel", "Member"),
               QT_TRANSLATE_NOOP("MembersModel", "Role"),
               QT_TRANSLATE_NOOP("MembersModel", "Assigned alliances"),
               QT_TRANSLATE_NOOP("MembersModel", "Latest export"),
               QT_TRANSLATE_NOOP("MembersModel", "File received"),
               QT_TRANSLATE_NOOP("MembersModel", "Received at"),
               QT_TRANSLATE_NOOP("MembersModel", "Status"))
    ALLIANCES = 2
    FILE = 4
    STATUS = 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        m = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return m.name
            if col == 1:
                text = role_label(m.role)
                return text + self.tr(" · leads this group") if m.leads_group else text
            if col == self.ALLIANCES:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "、".join(m.codes)
                return self.tr("%1 alliances").replace("%1", str(len(m.codes)))
            if col == 3:
                return "" if m.sequence is None else m.sequence
            if col == 4:
                return m.file_name or ""
            if col == 5:
                return local_time(m.received_at)
            if col == self.STATUS:
                if not m.sent:
                    return self.tr("Not sent")
                if not m.legacy_signature:
                    return self.tr("Sent")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return self.tr("Old-style signature (the first release's HMAC key): the "
                                   "secretariat accepts it only until the member is given a "
                                   "package of this version; then ask for a new export.")
                return self.tr("Sent (old-style signature)")
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATUS:
            return QBrush(QColor(200, 235, 200) if m.sent else QColor(255, 236, 200))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QBrush(QColor(0, 0, 0))
        return None


class DropArea(QFrame):
    """The visible place to drop files; the whole window accepts the drop."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drop_area")
        self.setStyleSheet("#drop_area { border: 2px dashed #8a8a8a; border-radius: 6px;"
                           " background: #f6f8fb; }")
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(label)


class GroupWindow(AcceptsFileDrops, QMainWindow):
    merge_finished = Signal()

    def __init__(self, path: Path | str, parent: QWidget | None = None) -> None:
        with GroupPackage.open(path) as gp:  # refused (EvaluatorError) if not a group package
            year, round_, group = gp.year, gp.round, gp.group
        super().__init__(parent)
        self.path = Path(path)
        self.year, self.round, self.group = year, round_, group
        self.last_report: MergeReport | None = None
        self.last_export: GroupFile | None = None
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._on_merged)
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Group leader's merge — %1 — %2 — %3")
                            .replace("%1", self.group).replace("%2", round_label(self.round))
                            .replace("%3", str(self.year)))

        heading = QLabel(self.tr("<b>%1</b> · %2 · %3").replace("%1", self.group)
                         .replace("%2", round_label(self.round)).replace("%3", str(self.year)))
        heading.setStyleSheet("font-size: 15pt;")
        where = QLabel(self.tr("Group package: %1").replace("%1", str(self.path)))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Generate group file…"))
        self.export_button.setDefault(True)
        self.export_button.setMinimumHeight(36)
        self.export_button.clicked.connect(self.choose_export)
        titles = QVBoxLayout()
        titles.addWidget(heading)
        titles.addWidget(where)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)

        add_files = QPushButton(self.tr("Add score files…"))
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("Add a folder…"))
        add_folder.clicked.connect(self.choose_folder)
        self.drop_area = DropArea(self.tr(
            "Drop the members' score files (.xlsx) or folders here"))
        self.accept_unsigned = QCheckBox(self.tr("Accept unsigned files"))
        self.accept_unsigned.toggled.connect(self._confirm_unsigned)
        buttons = QVBoxLayout()
        buttons.addWidget(add_files)
        buttons.addWidget(add_folder)
        add_row = QHBoxLayout()
        add_row.addLayout(buttons)
        add_row.addWidget(self.drop_area, 1)
        add_row.addWidget(self.accept_unsigned)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.members_model = MembersModel(self)
        self.members_view = _table(self.members_model, MembersModel.FILE)
        self.members_box = QGroupBox()
        QVBoxLayout(self.members_box).addWidget(self.members_view)
        self.results_model = FileResultModel(self)
        self.results_view = _table(self.results_model, FileResultModel.REASONS)
        results_box = QGroupBox(self.tr("Files merged in this session"))
        QVBoxLayout(results_box).addWidget(self.results_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.members_box)
        split.addWidget(results_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        for view in (self.members_view, self.results_view):
            view.setMinimumHeight(self.fontMetrics().height() * 3)

        # 收件 (who sent what) and 本组差异 (what the group's scores say) as tabs.
        self.differences = GroupDifferencesView(self.path)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Files received"))
        self.tabs.addTab(self.differences, self.tr("Group differences"))
        self.tabs.currentChanged.connect(self._tab_changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(add_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        self._menu(add_files, add_folder)
        self.statusBar().showMessage(self.tr(
            "Members' files are kept unaltered; the secretariat verifies each member's "
            "signature again."))
        geometry = app_settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            keep_on_screen(self)
        else:
            fit_to_screen(self, 1280, 720)
        self.summary.setText(self.tr(
            "Add the score files the members sent you. Each is checked against the "
            "member's key and assigned alliances before it is kept."))
        self.refresh()

    def _menu(self, add_files: QPushButton, add_folder: QPushButton) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for text, slot, keys in (
                (self.tr("Add score &files…"), self.choose_files, QKeySequence.StandardKey.Open),
                (self.tr("Add a f&older…"), self.choose_folder, None),
                (self.tr("&Generate group file…"), self.choose_export, QKeySequence("Ctrl+E"))):
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.addSeparator()
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.differences:
            self.differences.refresh()

    def refresh(self) -> None:
        if self.tabs.currentWidget() is self.differences:
            self.differences.refresh()
        try:
            rows = member_rows(self.path)
        except EvaluatorError as error:
            self.members_model.set_rows([])
            self.summary.setText(error.render())
            self.export_button.setEnabled(False)
            return
        self.members_model.set_rows(rows)
        sent = sum(m.sent for m in rows)
        self.members_box.setTitle(self.tr("Members: %1, sent %2, not sent %3")
                                  .replace("%1", str(len(rows))).replace("%2", str(sent))
                                  .replace("%3", str(len(rows) - sent)))
        self.export_button.setEnabled(sent > 0)

    # -- adding files ---------------------------------------------------------------------
    def _confirm_unsigned(self, checked: bool) -> None:
        if not checked:
            return
        answer = QMessageBox.question(
            self, self.tr("Unsigned files"),
            self.tr("Unsigned files cannot be proved to come from the member. Accept them "
                    "only when you received them in person. The secretariat may still "
                    "refuse them. Accept unsigned files?"))
        if answer != QMessageBox.StandardButton.Yes:
            self.accept_unsigned.setChecked(False)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Members' score files"),
                                                str(self.path.parent),
                                                self.tr("Score files (*.xlsx)"))
        if files:
            self.merge_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of score files"),
                                                  str(self.path.parent))
        if folder:
            self.merge_paths([Path(folder)])

    def files_dropped(self, paths: list[Path]) -> None:
        self.merge_paths(paths)

    def merge_paths(self, paths: list[Path]) -> None:
        if self.runner.busy:
            return
        package, accept_unsigned = self.path, self.accept_unsigned.isChecked()

        def job(progress: Progress) -> MergeReport:
            from evaluator.isolation import score_files_safe_to_read

            # A file that kills a reader in a child process is refused, never read here.
            safe, crashed = score_files_safe_to_read(paths, progress)
            report = merge_into_group_package(package, safe, accept_unsigned, progress)
            report.results[:0] = crashed
            return report

        self.runner.start(job, self.tr("Checking the members' score files…"),
                          label_for=lambda m: m, workspace=package)

    def _on_merged(self, job: JobOutcome) -> None:
        # A job that returned finished its work even if Cancel came too late to stop it.
        if job.error is None:
            report: MergeReport = job.value
            self.last_report = report
            self.results_model.set_results(report.results)
            self.results_view.resizeRowsToContents()  # every reason shown, wrapped
            self.summary.setText(
                self.tr("%1 accepted, %2 rejected, %3 already in the group package.")
                .replace("%1", str(len(report.accepted)))
                .replace("%2", str(len(report.rejected)))
                .replace("%3", str(len(report.unchanged))))
        elif isinstance(job.error, Cancelled):
            self.summary.setText(self.tr("Cancelled: nothing was added."))
        elif isinstance(job.error, EvaluatorError):
            self.summary.setText(job.error.render())
        self.refresh()
        self.merge_finished.emit()
        if job.error is not None and not isinstance(job.error, EvaluatorError | Cancelled):
            raise job.error  # a bug: the error dialog shows it

    # -- the group file --------------------------------------------------------------------
    def missing_members(self) -> list[str]:
        return [m.name for m in self.members_model.rows if not m.sent]

    def confirm_missing(self) -> bool:
        """Before the group file: name the members whose files are not in yet."""
        missing = self.missing_members()
        if not missing:
            return True
        total = len(self.members_model.rows)
        answer = QMessageBox.question(
            self, self.tr("Members have not sent"),
            self.tr("%1 of %2 members have not sent their score file: %3. The group file "
                    "will not carry their scores. Generate it anyway?")
            .replace("%1", str(len(missing))).replace("%2", str(total))
            .replace("%3", "、".join(missing)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def choose_export(self) -> None:
        if not self.confirm_missing():
            return
        start = self.path.parent / group_file_name(self.group, self.round)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Group file"), str(start),
                                              self.tr("Group files (*.evgroup)"))
        if not name:
            return
        out = Path(name)
        if out.suffix.lower() != GROUP_FILE_SUFFIX:
            out = out.with_name(out.name + GROUP_FILE_SUFFIX)
        sent = self.export_to(out)
        if sent is not None:
            show_message(self, INFORMATION, self.tr("Group file written"), self.summary.text())
        else:
            show_message(self, WARNING, self.tr("No group file written"), self.summary.text())

    def export_to(self, out: Path) -> GroupFile | None:
        """Write the group file to `out`; the summary says where and whose files it holds."""
        try:
            sent = export_group_file(self.path, out)
        except EvaluatorError as error:
            self.summary.setText(error.render())
            return None
        self.last_export = sent
        self.summary.setText(
            self.tr("Group file written to %1. It carries the score files of %2 members "
                    "(%3). Send this one file to the secretariat.")
            .replace("%1", str(out)).replace("%2", str(len(sent.entries)))
            .replace("%3", "、".join(e.expert for e in sent.entries)))
        return sent

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.stop()
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        if self in _open_windows:
            _open_windows.remove(self)
        super().closeEvent(event)


def _table(model: QObject, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def open_group_window(path: Path | str, parent: QWidget | None = None) -> GroupWindow | None:
    """Open the group package at `path` and show its window; a message box (and None) if it
    cannot be opened."""
    try:
        window = GroupWindow(path, parent)
    except EvaluatorError as error:
        show_message(parent, WARNING, QMainWindow.tr("Cannot open the package"), error.render())
        return None
    _open_windows.append(window)
    window.show()
    return window
