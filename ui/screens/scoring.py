"""评分 (secretariat): pick an expert and round of the open workspace and score that
expert's package, kept in the application's data folder, in the `ScoringPanel`."""


from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import EvaluatorError
from evaluator.packages import Package
from evaluator.panel_lists import expert_names, expert_progress
from ui.context import AppContext
from ui.labels import round_label
from ui.models.expert_pick_model import ExpertPickModel
from ui.widgets.report_dialog import WARNING, show_message
from ui.widgets.scoring_panel import ScoringPanel


def package_folder(workspace_id: str) -> Path:
    from evaluator.user_dirs import packages_dir

    return packages_dir() / workspace_id


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
