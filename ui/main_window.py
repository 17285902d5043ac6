"""The main window: the stages of the year's work on the left, the current screen on the right.

Screens come from `ui.screens.<name>` in the order of the work and are imported when first
shown (start-up stays fast); a stage whose module does not exist in this build is not
listed. Opening another workspace or switching the language recreates the screens.
"""

from __future__ import annotations

import importlib
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.logs import write_traceback
from evaluator.workspace import SUFFIX, Workspace
from ui.context import AppContext
from ui.demo_builder import build_demo_with_progress, demo_workspace_path
from ui.recent import forget_workspace, recent_workspaces, remember_workspace
from ui.settings_store import app_settings
from ui.widgets.report_dialog import INFORMATION, WARNING, show_message
from ui.window_fit import fit_to_screen, keep_on_screen

# The stages of the year's work, in order (module names under ui.screens).
STAGES = ("overview", "submissions", "panel", "scoring", "merge", "plenary", "quality",
          "results")
PACKAGE_SUFFIX = ".evpkg"
# Bump when the saved layout stops fitting the window (restoring a stale state is worse
# than the default).
LAYOUT_KEY = "main_window/v1"

STAGE_ICONS = {
    "overview": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "submissions": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "panel": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "scoring": QStyle.StandardPixmap.SP_DialogApplyButton,
    "merge": QStyle.StandardPixmap.SP_FileDialogListView,
    "plenary": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    "quality": QStyle.StandardPixmap.SP_ComputerIcon,
    "results": QStyle.StandardPixmap.SP_DialogSaveButton,
}


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context or AppContext()
        self.stage_names: list[str] = []
        self.screens: dict[str, QWidget] = {}
        self.containers: dict[str, QWidget] = {}
        self.stage_actions: list[QAction] = []
        self.setAcceptDrops(True)
        self.setWindowIcon(QApplication.windowIcon())
        # Small enough for a 1366x768 laptop at 150 % (911x512 logical, less the taskbar).
        self.setMinimumSize(QSize(640, 400))

        # Left: year selector above the list of stages.
        self.year_label = QLabel()
        self.year_combo = QComboBox()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        year_row = QHBoxLayout()
        year_row.setContentsMargins(8, 8, 8, 0)
        year_row.addWidget(self.year_label)
        year_row.addWidget(self.year_combo, 1)
        self.year_box = QWidget()
        self.year_box.setLayout(year_row)
        self.nav = QListWidget()
        self.nav.setObjectName("stageNavigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "#stageNavigation { border: none; outline: 0; background: palette(window); }"
            " #stageNavigation::item { padding: 8px 6px; border-radius: 4px; }"
            " #stageNavigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }")
        self.nav.currentRowChanged.connect(self._show_row)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.year_box)
        left_layout.addWidget(self.nav, 1)
        left.setMinimumWidth(120)

        self.stack = QStackedWidget()
        self.welcome = QLabel()
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.stack.addWidget(self.welcome)
        self.load_errors: dict[str, str] = {}
        self._last_path: Path | None = self.context.path
        self._stage_before_close: str | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.navigation_pane = left
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1000])
        self.splitter.setChildrenCollapsible(False)
        # A workspace in a read-only file or folder opens read-only: the banner says so
        # and why (writes are refused by the core with the same reason).
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; color: #5c4400;"
            " border-bottom: 1px solid #e0c36c; padding: 6px 10px; }")
        self.read_only_banner.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.read_only_banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.path_label = QLabel()
        self.statusBar().addPermanentWidget(self.path_label)
        self.context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.context.workspace_changed.connect(self._workspace_changed)

        self._build_menus()
        self.retranslate()
        self._rebuild_stages()
        self.restore_layout()

    # -- menus ---------------------------------------------------------------------
    def _action(self, menu: QMenu, shortcut: QKeySequence | str | None,
                slot: Callable[[], Any], icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        sp = QStyle.StandardPixmap
        self.new_action = self._action(self.file_menu, QKeySequence.StandardKey.New,
                                       self.new_workspace, sp.SP_FileIcon)
        self.open_action = self._action(self.file_menu, QKeySequence.StandardKey.Open,
                                        self.choose_workspace, sp.SP_DialogOpenButton)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.demo_action = self._action(self.file_menu, None, self.open_demo)
        self.file_menu.addSeparator()
        # The frequent steps of the year's work, each opening its screen first.
        self.import_action = self._action(self.file_menu, "Ctrl+I", self.import_submissions)
        self.merge_action = self._action(self.file_menu, "Ctrl+M", self.merge_score_files)
        self.export_action = self._action(self.file_menu, "Ctrl+E", self.export_workbook)
        self.report_action = self._action(self.file_menu, "Ctrl+R", self.generate_report)
        self.file_menu.addSeparator()
        self.backups_action = self._action(self.file_menu, "Ctrl+B", self.show_backups)
        self.settings_action = self._action(self.file_menu, "Ctrl+,", self.show_settings)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, QKeySequence.StandardKey.Quit,
                                        self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit: one undo stack per screen that changes data by a click; the group follows
        # the screen shown, so Ctrl+Z undoes what was done on the screen in front.
        self.edit_menu = bar.addMenu("")
        self.undo_group = QUndoGroup(self)
        self.undo_action = self._action(self.edit_menu, "Ctrl+Z", self.undo_group.undo)
        self.redo_action = self._action(self.edit_menu, "Ctrl+Shift+Z", self.undo_group.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_group.canUndoChanged.connect(lambda _can: self._update_undo_actions())
        self.undo_group.canRedoChanged.connect(lambda _can: self._update_undo_actions())
        self.undo_group.undoTextChanged.connect(lambda _text: self._update_undo_actions())
        self.undo_group.redoTextChanged.connect(lambda _text: self._update_undo_actions())
        self.undo_group.activeStackChanged.connect(lambda _stack: self._update_undo_actions())

        self.go_menu = bar.addMenu("")
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        if self.refresh_action.shortcut().isEmpty():
            self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(lambda _c=False: self.refresh_screens())
        self.help_menu = bar.addMenu("")
        self.guide_action = self._action(self.help_menu, QKeySequence.StandardKey.HelpContents,
                                         self.show_guide)
        self.about_action = self._action(self.help_menu, None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        group = self.undo_group
        self.undo_action.setEnabled(group.canUndo())
        self.redo_action.setEnabled(group.canRedo())
        undo_text, redo_text = group.undoText(), group.redoText()
        self.undo_action.setText(self.tr("&Undo “%1”").replace("%1", undo_text)
                                 if group.canUndo() and undo_text else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo “%1”").replace("%1", redo_text)
                                 if group.canRedo() and redo_text else self.tr("&Redo"))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_workspaces()
        for i, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{i} {path.name}  —  {path.parent}")
            action.setData(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_workspace(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("No recent workspaces"))
            empty.setEnabled(False)

    def _fill_go_menu(self) -> None:
        for action in self.stage_actions:
            self.removeAction(action)
        self.go_menu.clear()
        self.stage_actions = []
        for row, name in enumerate(self.stage_names):
            action = self.go_menu.addAction(self.stage_label(name))
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _c=False, r=row: self.nav.setCurrentRow(r))
            self.addAction(action)
            self.stage_actions.append(action)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.refresh_action)
        self.refresh_action.setEnabled(bool(self.stage_names))

    # -- language -----------------------------------------------------------------
    def stage_label(self, name: str) -> str:
        labels = {
            "overview": self.tr("Overview"),
            "submissions": self.tr("Submissions"),
            "panel": self.tr("Panel and assignments"),
            "scoring": self.tr("Expert scoring"),
            "merge": self.tr("Merge and differences"),
            "plenary": self.tr("Plenary review"),
            "quality": self.tr("Scoring quality"),
            "results": self.tr("Results"),
        }
        return labels.get(name, name)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New workspace…"))
        self.open_action.setText(self.tr("&Open…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.demo_action.setText(self.tr("Open &demo workspace"))
        self.import_action.setText(self.tr("&Import submissions…"))
        self.merge_action.setText(self.tr("&Merge score files…"))
        self.export_action.setText(self.tr("&Export results workbook…"))
        self.report_action.setText(self.tr("Generate &report draft…"))
        self.backups_action.setText(self.tr("&Backup and restore…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.refresh_action.setText(self.tr("Re&fresh"))
        self._update_undo_actions()
        self.quit_action.setText(self.tr("&Quit"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("User &guide"))
        self.about_action.setText(self.tr("&About"))
        self.year_label.setText(self.tr("Year"))
        self.welcome.setText(self.tr(
            "No workspace is open. Use File → Open… to open one, File → New workspace… to "
            "start a new evaluation, or File → Open demo workspace to look around."))
        for row, name in enumerate(self.stage_names):
            item = self.nav.item(row)
            if item is not None:
                item.setText(self.stage_label(name))
        for action, name in zip(self.stage_actions, self.stage_names, strict=False):
            action.setText(self.stage_label(name))
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def apply_language(self, lang: str) -> None:
        """Switch the UI language now: new translators, then fresh screens."""
        from ui.i18n import install_translators

        app = QApplication.instance()
        if app is not None:
            install_translators(app, lang)
        self.retranslate()
        self._rebuild_stages(keep_current=True)

    # -- stages ---------------------------------------------------------------------
    def _rebuild_stages(self, keep_current: bool = False) -> None:
        current = self.current_stage() if keep_current else None
        self.nav.blockSignals(True)
        self.nav.clear()
        for widget in list(self.containers.values()):
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.screens.clear()
        self.containers.clear()
        self.load_errors.clear()
        # What was done in another workspace (or before a restore) cannot be undone here.
        for stack in self.undo_group.stacks():
            self.undo_group.removeStack(stack)
            stack.clear()
        self.stage_names = list(STAGES) if self.context.workspace is not None else []
        for name in self.stage_names:
            item = QListWidgetItem(self.style().standardIcon(STAGE_ICONS[name]),
                                   self.stage_label(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
            container = QWidget()
            layout = QVBoxLayout(container)
            layout.setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(container)
            self.containers[name] = container
        self.nav.blockSignals(False)
        self._fill_go_menu()
        self._fill_years()
        if self.stage_names:
            row = self.stage_names.index(current) if current in self.stage_names else 0
            self.nav.setCurrentRow(row)
            self._show_row(row)
        else:
            self.stack.setCurrentWidget(self.welcome)
        self._update_title()

    def current_stage(self) -> str | None:
        row = self.nav.currentRow()
        return self.stage_names[row] if 0 <= row < len(self.stage_names) else None

    def show_stage(self, name: str) -> QWidget | None:
        if name not in self.stage_names:
            return None
        self.nav.setCurrentRow(self.stage_names.index(name))
        return self.screens.get(name)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.stage_names):
            return
        name = self.stage_names[row]
        container = self.containers[name]
        if name not in self.screens:
            screen = self._load_screen(name)
            self.screens[name] = screen
            container.layout().addWidget(screen)
            changed = getattr(screen, "undo_stack_changed", None)
            if changed is not None:
                changed.connect(lambda s=screen: self._follow_undo_stack(s))
        self.stack.setCurrentWidget(container)
        self._follow_undo_stack(self.screens[name])

    def _follow_undo_stack(self, screen: QWidget) -> None:
        """Make the shown screen's undo stack (if it has one) the one Edit → Undo uses."""
        if self.screens.get(self.current_stage() or "") is not screen:
            return
        stack = getattr(screen, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            if stack not in self.undo_group.stacks():
                self.undo_group.addStack(stack)
            self.undo_group.setActiveStack(stack)
        else:
            self.undo_group.setActiveStack(None)
        self._update_undo_actions()

    def refresh_screens(self) -> None:
        """Re-read the workspace in every screen opened so far (F5)."""
        for screen in self.screens.values():
            refresh = getattr(screen, "refresh", None)
            if callable(refresh):
                refresh()
        self.context.status_message.emit(self.tr("Refreshed from the workspace."))

    def _load_screen(self, name: str) -> QWidget:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            module = importlib.import_module(f"ui.screens.{name}")
            screen: QWidget = module.Screen(self.context)
            return screen
        except Exception as exc:
            # A broken screen must not take the window with it: say so in its pane.
            details = traceback.format_exc()
            self.load_errors[name] = details
            log = write_traceback(details)
            label = QLabel(self.tr("This screen could not be opened: %1").replace(
                "%1", f"{type(exc).__name__}: {exc}") + "\n" + self.tr(
                "The details were written to the log file:") + f"\n{log}")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return label
        finally:
            QApplication.restoreOverrideCursor()

    # -- years ------------------------------------------------------------------------
    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = self.context.workspace.years() if self.context.workspace is not None else []
        for year in years:
            self.year_combo.addItem(str(year), year)
        if self.context.year in years:
            self.year_combo.setCurrentIndex(years.index(self.context.year))
        self.year_combo.blockSignals(False)
        self.year_box.setVisible(len(years) > 1)

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is None or year == self.context.year:
            return
        self.context.year = int(year)
        for screen in self.screens.values():
            refresh = getattr(screen, "refresh", None)
            if callable(refresh):
                refresh()
        self.context.data_changed.emit("year")
        self._update_title()

    # -- workspace ------------------------------------------------------------------
    def _workspace_changed(self) -> None:
        # The same file reopened (a restore) keeps the screen the user was on.
        path = self.context.path
        if path is None:
            if self.current_stage() is not None:
                self._stage_before_close = self.current_stage()
            self._rebuild_stages()
            return
        same = path == self._last_path
        self._last_path = path
        if same and self._stage_before_close is not None:
            self._rebuild_stages()
            self.show_stage(self._stage_before_close)
        else:
            self._rebuild_stages(keep_current=same)
        self._stage_before_close = None

    def _update_read_only_banner(self) -> None:
        ws = self.context.workspace
        if ws is None or not ws.read_only:
            self.read_only_banner.hide()
            return
        why = (self.tr("its folder cannot be written") if ws.read_only_reason == "folder"
               else self.tr("the file is read-only"))
        self.read_only_banner.setText(self.tr(
            "Read-only: %1 (%2). You can view and export; to change it, copy it to a "
            "writable folder or clear the file's read-only attribute.").replace(
            "%1", ws.path.name).replace("%2", why))
        self.read_only_banner.show()

    def _update_title(self) -> None:
        self._update_read_only_banner()
        app_title = self.tr("Alliance Activity Evaluation")
        ws = self.context.workspace
        if ws is None:
            self.setWindowTitle(app_title)
            self.path_label.setText(self.tr("No workspace is open."))
            return
        self.setWindowTitle(f"{app_title} — {ws.path.name} — {self.context.year}")
        self.path_label.setText(self.tr("Workspace: %1 · Year %2 · Working: %3").replace(
            "%1", str(ws.path)).replace("%2", str(self.context.year)).replace("%3", ws.actor))

    def open_workspace(self, path: Path | str) -> bool:
        path = Path(path)
        if path.suffix.lower() == PACKAGE_SUFFIX:
            return self.open_package(path)
        try:
            ws = Workspace.open(path)
        except EvaluatorError as error:
            if not path.exists():
                forget_workspace(path)
            show_message(self, WARNING, self.tr("Cannot open the workspace"), error.render())
            return False
        self.context.set_workspace(ws)
        remember_workspace(path)
        self.ask_working_name()
        return True

    def ask_working_name(self) -> None:
        """Ask who is working (window-modal, not blocking: the window stays usable behind
        it in tests and screenshots, which set EVALUATOR_NO_NAME_PROMPT)."""
        ws = self.context.workspace
        if ws is None or ws.read_only or os.environ.get("EVALUATOR_NO_NAME_PROMPT"):
            return  # a read-only workspace records nothing
        from ui.dialogs.working_name_dialog import WorkingNameDialog

        dialog = WorkingNameDialog(self.context.workspace, self)
        dialog.accepted.connect(self._update_title)
        dialog.open()
        self.name_dialog = dialog

    def open_package(self, path: Path) -> bool:
        from ui.scoring_window import open_package_window  # loaded when a package is opened

        open_package_window(path)
        return True

    def choose_workspace(self) -> None:
        start = str(self.context.path.parent) if self.context.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open workspace"), start,
            self.tr("Evaluator workspaces (*.evdb);;Scoring packages (*.evpkg)"))
        if name:
            self.open_workspace(Path(name))

    def new_workspace(self) -> None:
        from datetime import date

        start = str(self.context.path.parent) if self.context.path else ""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New workspace"), start, self.tr("Evaluator workspaces (*.evdb)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        year, ok = QInputDialog.getInt(self, self.tr("New workspace"),
                                       self.tr("Evaluation year:"), date.today().year - 1,
                                       2000, 2100)
        if not ok:
            return
        try:
            ws = Workspace.create(path, year=year)
        except EvaluatorError as error:
            show_message(self, WARNING, self.tr("Cannot create the workspace"), error.render())
            return
        self.context.set_workspace(ws)
        remember_workspace(path)
        self.ask_working_name()

    def open_demo(self) -> None:
        path = demo_workspace_path()
        if not path.exists() and not build_demo_with_progress(path, self):
            return
        self.open_workspace(path)

    # -- dialogs --------------------------------------------------------------------
    def show_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec() and dialog.language_changed:
            self.apply_language(dialog.chosen_language())
        self._update_title()  # who is working may have changed

    def show_backups(self) -> None:
        if self.context.workspace is None:
            show_message(self, INFORMATION, self.tr("Backup and restore"),
                                    self.tr("Open a workspace first."))
            return
        from ui.dialogs.backups_dialog import BackupsDialog

        BackupsDialog(self.context, self).exec()

    def _screen_call(self, stage: str, method: str, *args: Any) -> None:
        """Show a stage's screen and start one of its actions (the File menu's steps)."""
        if self.context.workspace is None:
            show_message(self, INFORMATION, self.tr("No workspace"),
                                    self.tr("Open a workspace first."))
            return
        screen = self.show_stage(stage)
        action = getattr(screen, method, None)
        if callable(action):
            action(*args)

    def import_submissions(self) -> None:
        from ui.dialogs.import_dialog import SUBMISSIONS

        self._screen_call("submissions", "open_import", SUBMISSIONS)

    def merge_score_files(self) -> None:
        self._screen_call("merge", "choose_files")

    def export_workbook(self) -> None:
        self._screen_call("results", "export_workbook")

    def generate_report(self) -> None:
        self._screen_call("results", "write_report")

    def show_guide(self) -> None:
        from ui.guide_window import open_guide

        open_guide(self)

    def set_projector_mode(self, on: bool) -> None:
        """The plenary on a projector: full screen without navigation, menus and status
        line; off again brings them back (and the window's former state)."""
        self.navigation_pane.setVisible(not on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self._state_before_projector = self.windowState()
            self.showFullScreen()
        else:
            self.setWindowState(getattr(self, "_state_before_projector",
                                        Qt.WindowState.WindowNoState))

    def show_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    # -- drag and drop --------------------------------------------------------------
    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in (SUFFIX, PACKAGE_SUFFIX):
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_workspace(path)

    # -- layout -----------------------------------------------------------------------
    def restore_layout(self) -> bool:
        settings = app_settings()
        geometry = settings.value(f"{LAYOUT_KEY}/geometry")
        if geometry is None:
            fit_to_screen(self, 1280, 800)
            # The navigation takes less of a small screen (1366x768 at 150 %: 911 wide).
            nav = max(self.navigation_pane.minimumSizeHint().width(), min(200, self.width() // 6))
            self.splitter.setSizes([nav, self.width() - nav])
            return False
        self.restoreGeometry(geometry)
        keep_on_screen(self)
        state = settings.value(f"{LAYOUT_KEY}/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value(f"{LAYOUT_KEY}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        return True

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue(f"{LAYOUT_KEY}/geometry", self.saveGeometry())
        settings.setValue(f"{LAYOUT_KEY}/state", self.saveState())
        settings.setValue(f"{LAYOUT_KEY}/splitter", self.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
