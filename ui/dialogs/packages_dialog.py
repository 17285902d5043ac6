"""Generate the expert packages of a round into a folder, off the UI thread, with Cancel;
and, for a group leader, the group package of one group (ui/group_window.py opens it).

The build runs in a `ui.workers.BackgroundRunner`: it opens its own Workspace by path (a
SQLite connection belongs to its thread) and reports through the core's `Progress`
protocol; the outcome comes back by signal.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evaluator import panel_lists
from evaluator.errors import EvaluatorError, Problem
from evaluator.progress import Cancelled, Progress
from ui.window_fit import fit_size
from ui.workers import BackgroundRunner, JobOutcome


@dataclass
class PackagesOutcome:
    ok: bool
    written: list[str] = field(default_factory=list)  # expert names
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False


def run_build(workspace_path: Path, year: int, round_: str, out_dir: Path,
              progress: Progress) -> PackagesOutcome:
    from evaluator.package_builders import build_all_packages
    from evaluator.workspace import Workspace

    try:
        with Workspace.open(workspace_path) as ws:
            result = build_all_packages(ws, year, round_, out_dir, progress)
        return PackagesOutcome(True, [b.expert for b in result.built], result.skipped)
    except Cancelled:
        return PackagesOutcome(False, cancelled=True)
    except EvaluatorError as error:
        return PackagesOutcome(False, problems=error.problems)
    except Exception as exc:  # a bug: log it, show it, keep the app running
        from evaluator.logs import log_path, write_traceback

        path = write_traceback(traceback.format_exc())
        return PackagesOutcome(False, problems=[Problem(
            "cli.bug", {"log": str(path or log_path()), "error": repr(exc)})])


@dataclass
class GroupPackageOutcome:
    path: Path | None = None  # the group package written
    members: int = 0
    problems: list[Problem] = field(default_factory=list)
    os_error: str = ""  # the folder could not be written


def run_group_build(workspace_path: Path, year: int, round_: str, group: str,
                    out_dir: Path) -> GroupPackageOutcome:
    from evaluator.group_package import GroupPackage
    from evaluator.package_builders import build_group_package, package_file_name
    from evaluator.workspace import Workspace

    out = out_dir / package_file_name(year, round_, f"{group}_组评审包")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with Workspace.open(workspace_path) as ws:
            build_group_package(ws, year, round_, group, out)
        with GroupPackage.open(out) as gp:
            return GroupPackageOutcome(out, len(gp.members()))
    except EvaluatorError as error:
        return GroupPackageOutcome(problems=error.problems)
    except OSError as exc:
        return GroupPackageOutcome(os_error=f"{out}: {exc.strerror or exc}")


@dataclass
class ReplacementOutcome:
    path: Path | None = None  # the new package written
    revoked: int = 0  # keys of the lost package(s) revoked
    problems: list[Problem] = field(default_factory=list)
    os_error: str = ""


def run_replacement(workspace_path: Path, year: int, round_: str, expert: str,
                    reason: str, out_dir: Path) -> ReplacementOutcome:
    """A new package for an expert whose package is lost: a new key pair; the lost
    package's keys are revoked (docs/formats.md, "Signatures and keys")."""
    from evaluator.package_builders import build_expert_package, package_file_name
    from evaluator.workspace import Workspace

    out = out_dir / package_file_name(year, round_, f"{expert}_补发")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with Workspace.open(workspace_path) as ws:
            before = ws.count("audit_log", "action = 'revoke'")
            build_expert_package(ws, year, round_, expert, out, replaces_lost=reason)
            return ReplacementOutcome(out, ws.count("audit_log", "action = 'revoke'") - before)
    except EvaluatorError as error:
        return ReplacementOutcome(problems=error.problems)
    except OSError as exc:
        return ReplacementOutcome(os_error=f"{out}: {exc.strerror or exc}")


def expert_names(workspace_path: Path, year: int) -> list[str]:
    from evaluator.workspace import Workspace

    try:
        with Workspace.open(workspace_path) as ws:
            return list(panel_lists.expert_names(ws, year).values())
    except EvaluatorError:
        return []


def group_names(workspace_path: Path, year: int) -> list[str]:
    from evaluator.panel import list_groups
    from evaluator.workspace import Workspace

    try:
        with Workspace.open(workspace_path) as ws:
            return [g.name for g in list_groups(ws, year)]
    except EvaluatorError:
        return []


class PackagesDialog(QDialog):
    """Pick the round and a folder; one package per expert with assignments."""

    finished_building = Signal(object)  # PackagesOutcome

    def __init__(self, workspace_path: Path, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expert packages"))
        self.workspace_path = Path(workspace_path)
        self.year = year
        self.round_combo = QComboBox()
        self.round_combo.addItem(self.tr("Initial round (分组初评)"), "initial")
        self.round_combo.addItem(self.tr("Cross-group review (交叉复评)"), "review")
        self.folder_edit = QLineEdit(str(self.workspace_path.parent / f"packages_{year}"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Round:"), self.round_combo)
        form.addRow(self.tr("Folder:"), folder_row)
        note = QLabel(self.tr(
            "One package per expert holds only that expert's assigned alliances, their "
            "submissions, the indicator system and a private signing key made for this "
            "package (the workspace keeps only its public key). Hand each expert his or "
            "her own file only: whoever holds it can sign as that expert."))
        note.setWordWrap(True)
        self.group_combo = QComboBox()
        for name in group_names(self.workspace_path, year):
            self.group_combo.addItem(name, name)
        self.group_button = QPushButton(self.tr("Generate the group package for the leader"))
        self.group_button.clicked.connect(self.start_group)
        self.group_button.setEnabled(self.group_combo.count() > 0)
        group_row = QHBoxLayout()
        group_row.addWidget(QLabel(self.tr("Group:")))
        group_row.addWidget(self.group_combo, 1)
        group_row.addWidget(self.group_button)
        group_note = QLabel(self.tr(
            "A group leader collects the members' score files in the group package and "
            "sends you one group file. It holds the group's assignments and the members' "
            "public keys, which check the members' signatures but cannot make one. "
            "Generate it after the members' packages."))
        group_note.setWordWrap(True)
        group_box = QGroupBox(self.tr("Group package (for a group leader)"))
        group_layout = QVBoxLayout(group_box)
        group_layout.addLayout(group_row)
        group_layout.addWidget(group_note)
        lost_box = self._lost_package_box()
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # On a short screen (1366x768 at 150 %) the explanations keep their full height and
        # the body scrolls; squeezed, a wrapped label would overprint its neighbours.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(note)
        body_layout.addWidget(group_box)
        body_layout.addWidget(lost_box)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        body_layout.addWidget(self.summary, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        fit_size(self, 680, 560)
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._on_done)
        self.outcome: PackagesOutcome | None = None
        self.group_runner = BackgroundRunner(self)
        self.group_runner.finished.connect(self._on_group_done)
        self.group_outcome: GroupPackageOutcome | None = None
        self.lost_runner = BackgroundRunner(self)
        self.lost_runner.finished.connect(self._on_lost_done)
        self.lost_outcome: ReplacementOutcome | None = None

    def _lost_package_box(self) -> QGroupBox:
        self.lost_expert = QComboBox()
        self.lost_expert.setMinimumContentsLength(6)
        for name in expert_names(self.workspace_path, self.year):
            self.lost_expert.addItem(name, name)
        self.lost_reason = QLineEdit()
        self.lost_reason.setPlaceholderText(self.tr("Reason, such as: USB stick lost"))
        self.lost_button = QPushButton(self.tr("Issue a new package"))
        self.lost_button.clicked.connect(self.start_replacement)
        self.lost_button.setEnabled(False)
        self.lost_reason.textChanged.connect(
            lambda text: self.lost_button.setEnabled(bool(text.strip())
                                                     and self.lost_expert.count() > 0))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expert:")))
        row.addWidget(self.lost_expert)
        row.addWidget(self.lost_reason, 1)
        row.addWidget(self.lost_button)
        note = QLabel(self.tr(
            "The new package gets a new key; files signed with the lost package are "
            "then refused unless you accept them explicitly at the merge."))
        note.setWordWrap(True)
        box = QGroupBox(self.tr("A lost package (this round)"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(row)
        box_layout.addWidget(note)
        return box

    @Slot()
    def start_replacement(self) -> None:
        busy = self.runner.busy or self.group_runner.busy or self.lost_runner.busy
        reason = self.lost_reason.text().strip()
        expert = self.lost_expert.currentData()
        if busy or not reason or not expert or not self.folder_edit.text().strip():
            return
        self.lost_button.setEnabled(False)
        self.summary.clear()
        path, year, round_ = self.workspace_path, self.year, self.round_combo.currentData()
        out_dir = Path(self.folder_edit.text().strip())
        self.lost_runner.start(
            lambda _progress: run_replacement(path, year, round_, expert, reason, out_dir),
            self.tr("Writing the new package…"), workspace=path)

    @Slot(object)
    def _on_lost_done(self, job: JobOutcome) -> None:
        if job.error is not None:
            raise job.error  # run_replacement returns every foreseen failure as an outcome
        outcome: ReplacementOutcome = job.value
        self.lost_button.setEnabled(bool(self.lost_reason.text().strip()))
        self.lost_outcome = outcome
        self._show_outcome(outcome, self.tr(
            "New package written to %1; %2 key(s) of the lost package revoked. Give the "
            "new package to the expert in person.").replace("%1", str(outcome.path)).replace(
            "%2", str(outcome.revoked)), self.tr("The new package could not be written: %1"))

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"),
                                                self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    @Slot()
    def start(self) -> None:
        if self.runner.busy or not self.folder_edit.text().strip():
            return
        self.generate_button.setEnabled(False)
        self.summary.clear()
        path, year, round_ = self.workspace_path, self.year, self.round_combo.currentData()
        out_dir = Path(self.folder_edit.text().strip())
        self.runner.start(lambda progress: run_build(path, year, round_, out_dir, progress),
                          self.tr("Writing packages…"),
                          label_for=lambda message: self.tr("Writing packages… %1").replace(
                              "%1", message), workspace=path)

    @Slot()
    def start_group(self) -> None:
        if self.runner.busy or self.group_runner.busy or not self.folder_edit.text().strip():
            return
        group = self.group_combo.currentData()
        if not group:
            return
        self.group_button.setEnabled(False)
        self.summary.clear()
        path, year, round_ = self.workspace_path, self.year, self.round_combo.currentData()
        out_dir = Path(self.folder_edit.text().strip())
        self.group_runner.start(
            lambda _progress: run_group_build(path, year, round_, group, out_dir),
            self.tr("Writing the group package…"), workspace=path)

    @Slot(object)
    def _on_group_done(self, job: JobOutcome) -> None:
        if job.error is not None:
            raise job.error  # run_group_build returns every foreseen failure as an outcome
        outcome: GroupPackageOutcome = job.value
        self.group_button.setEnabled(True)
        self.group_outcome = outcome
        self._show_outcome(outcome, self.tr(
            "Group package written to %1 (%2 members). Give it to the group leader; opening "
            "it shows the group leader's merge window.").replace(
            "%1", str(outcome.path)).replace("%2", str(outcome.members)),
            self.tr("The group package could not be written: %1"))

    def _show_outcome(self, outcome: ReplacementOutcome | GroupPackageOutcome, written: str,
                      not_written: str) -> None:
        """The summary of a build that wrote a file (`written`), was refused (its
        problems) or met a problem of the world (`not_written`, %1 the system's words)."""
        if outcome.path is not None:
            text = written
        elif outcome.problems:
            text = EvaluatorError(outcome.problems).render()
        else:
            text = not_written.replace("%1", outcome.os_error)
        self.summary.setPlainText(text)
        self.finished_building.emit(outcome)

    def cancel(self) -> None:
        self.runner.cancel()
        self.group_runner.cancel()
        self.lost_runner.cancel()

    @Slot(object)
    def _on_done(self, job: JobOutcome) -> None:
        if job.error is not None:
            raise job.error  # run_build returns every foreseen failure as an outcome
        outcome: PackagesOutcome = job.value
        self.generate_button.setEnabled(True)
        self.outcome = outcome
        if outcome.ok:
            lines = [self.tr("%1 packages written to %2.").replace(
                "%1", str(len(outcome.written))).replace("%2", self.folder_edit.text())]
            lines.append("、".join(outcome.written))
            if outcome.skipped:
                lines.append(self.tr("No assignment in this round: %1").replace(
                    "%1", "、".join(outcome.skipped)))
        elif outcome.cancelled:
            lines = [self.tr("Cancelled. Packages already written stay in the folder.")]
        else:
            lines = [EvaluatorError(outcome.problems).render()]
        self.summary.setPlainText("\n".join(lines))
        self.finished_building.emit(outcome)

    def reject(self) -> None:
        if self.runner.busy or self.group_runner.busy or self.lost_runner.busy:
            self.cancel()
            return
        super().reject()
