"""Save the user guide's pictures: one PNG per guide step, taken from the demo workspace.

    python -m ui.screenshots OUTDIR [--lang zh|en] [--size 1366x768] [--scale 1.5]
                             [--stage-dir DIR]

`--size` is the screen in device pixels and `--scale` the display scaling (Windows'
125 %/150 %, set as QT_SCALE_FACTOR before the application starts): the windows are
opened at size/scale logical pixels and the pictures come out at `--size` pixels, as an
expert sees them on a 1366x768 laptop at 150 %.
Builds the demo in a staging folder, opens the main window at the given size and brings
each screen into the state a user sees at that step of the guide (an alliance selected, a
file with mistakes imported, an expert's package open, score files merged …), then saves
`NN-<step>.png` (the names the guide links to, `SHOTS` below). Dialogs are drawn over the
dimmed main window, as the user sees them. Runs offscreen when no display is set, or under
Xvfb (`xvfb-run python -m ui.screenshots OUTDIR`). The user's own settings, packages and
the workspace given with --workspace are never written: everything happens in copies
inside the staging folder, and the user directories point there while it runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluator.expert_scores import expert_scores
from evaluator.panel_lists import experts_assigned, first_group, group_members_assigned
from evaluator.sqlite_files import copy_database
from ui.qt import use_offscreen_platform
from ui.screenshot_files import (
    WORKSPACE_NAME,
    build_sample_workspace,
    busiest_indicator,
    fill_package,
    stage_merge,
    write_submissions_with_mistakes,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext
    from ui.main_window import MainWindow

DEFAULT_SIZE = (1366, 768)
# Long background jobs (import check, package writing, merge) normally take well under a
# second on the demo; this bound only stops a broken build from hanging the command.
JOB_LIMIT_SECONDS = 120.0
USER_DIR_VARIABLES = ("EVALUATOR_HOME", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                      "XDG_CACHE_HOME", "EVALUATOR_LOG_DIR", "APPDATA", "LOCALAPPDATA")


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if min(size) < 200:
        raise argparse.ArgumentTypeError(f"size too small: {text!r}")
    return size


def parse_scale(text: str) -> float:
    try:
        scale = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a scale such as 1.5 or 150%, got {text!r}"
                                         ) from None
    if not 1.0 <= scale <= 3.0:
        raise argparse.ArgumentTypeError(f"scale out of range (1 to 3): {text!r}")
    return scale


def logical_size(size: tuple[int, int], scale: float) -> tuple[int, int]:
    """The window size in logical pixels that fills `size` device pixels at `scale`."""
    return int(size[0] / scale), int(size[1] / scale)


def apply_scale(scale: float) -> None:
    """Set the display scaling before the QApplication exists (Qt reads it once)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if scale != 1.0:
            os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
        return
    ratio = app.primaryScreen().devicePixelRatio() if hasattr(app, "primaryScreen") else 1.0
    if abs(ratio - scale) > 0.01:
        raise RuntimeError(f"screenshots: --scale {scale:g} needs a fresh process (the "
                           f"application already runs at {ratio:g})")


def settle(seconds: float = 0.3) -> None:
    """Let queued events, lazy loads and short background jobs finish before a grab."""
    from PySide6.QtWidgets import QApplication

    from ui.workers import wait_for_all_jobs

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    wait_for_all_jobs()
    QApplication.processEvents()


def wait_until(done: Callable[[], bool], what: str) -> None:
    """Process events until `done()`; a job that never ends is a bug, reported as such."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + JOB_LIMIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"screenshots: {what} did not finish")
        QApplication.processEvents()
        time.sleep(0.02)
    settle(0.1)


@contextmanager
def isolated_user_dirs(root: Path) -> Iterator[None]:
    """Point config, data, log and cache folders into `root` (QSettings, packages, logs)."""
    saved = {name: os.environ.get(name) for name in USER_DIR_VARIABLES}
    home = root / "home"
    values = {"EVALUATOR_HOME": home / "evaluator", "HOME": home, "XDG_CONFIG_HOME": home / ".config",
              "XDG_DATA_HOME": home / ".local" / "share",
              "XDG_STATE_HOME": home / ".local" / "state", "XDG_CACHE_HOME": home / ".cache",
              "EVALUATOR_LOG_DIR": home / "logs", "APPDATA": home / "AppData" / "Roaming",
              "LOCALAPPDATA": home / "AppData" / "Local"}
    for name, value in values.items():
        value.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(value)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old


# -- drawing ----------------------------------------------------------------------------------

def over_window(window: QWidget, dialog: QWidget) -> QImage:
    """The main window dimmed, with `dialog` centred over it, as a modal dialog looks."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter, QPen

    image = window.grab().toImage()
    pane = dialog.grab()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 90))
    ratio = pane.devicePixelRatio() or 1.0
    width, height = int(pane.width() / ratio), int(pane.height() / ratio)
    x = max((window.width() - width) // 2, 0)
    y = max((window.height() - height) // 2, 0)
    painter.drawPixmap(QPoint(x, y), pane)
    painter.setPen(QPen(QColor(60, 60, 60), 1))
    painter.drawRect(x - 1, y - 1, width + 1, height + 1)
    painter.end()
    return image


def children(widget: QWidget, kind: type) -> list[Any]:
    return list(widget.findChildren(kind))


# -- the steps ---------------------------------------------------------------------------------

@dataclass
class Studio:
    """What the steps share: the window on the demo and the staging folder."""

    window: MainWindow
    context: AppContext
    stage: Path
    demo: Path
    size: tuple[int, int]
    lang: str
    extra_windows: list[QWidget] = field(default_factory=list)
    merge_workspace: Path | None = None

    @property
    def year(self) -> int:
        assert self.context.year is not None
        return self.context.year

    def screen(self, name: str) -> Any:
        self.window.show_stage(name)
        settle()
        screen = self.window.screens.get(name)
        if screen is None:
            raise RuntimeError(f"screenshots: the {name} screen is not in this build")
        return screen

    def use_workspace(self, path: Path) -> None:
        from evaluator.workspace import Workspace

        if self.context.path != path:
            self.context.set_workspace(Workspace.open(path))
            settle()


def shot_overview(s: Studio) -> QWidget:
    s.screen("overview")
    return s.window


def shot_submissions(s: Studio) -> QWidget:
    screen = s.screen("submissions")
    screen.select_alliance(_fullest_eligible(s))
    settle()
    return s.window


def _fullest_eligible(s: Studio) -> int:
    """The eligible alliance with the most records: the detail pane has most to show."""
    from evaluator.eligibility import ELIGIBLE
    from evaluator.submissions import list_submissions

    rows = [r for r in list_submissions(s.context.ws, s.year) if r.status == ELIGIBLE]
    best = max(rows, key=lambda r: sum(r.counts.values()))
    return best.alliance.id


def shot_import_report(s: Studio) -> QImage:
    from ui.dialogs.import_dialog import SUBMISSIONS

    screen = s.screen("submissions")
    bad = write_submissions_with_mistakes(s.context.ws, s.year,
                                          s.stage / f"{s.year}_填报信息_有误.xlsx")
    dialog = screen.open_import(SUBMISSIONS)
    dialog.set_paths([bad])
    dialog.start_import()
    wait_until(lambda: dialog.outcome is not None, "the import check")
    image = over_window(s.window, dialog)
    dialog.close()
    return image


def shot_panel_experts(s: Studio) -> QWidget:
    screen = s.screen("panel")
    screen.tabs.setCurrentIndex(0)
    screen.expert_view.selectRow(3)
    settle()
    return s.window


def shot_assignment_matrix(s: Studio) -> QWidget:
    screen = s.screen("panel")
    screen.tabs.setCurrentIndex(1)
    index = screen.round_combo.findData("initial")
    screen.round_combo.setCurrentIndex(max(index, 0))
    settle()
    return s.window


def shot_packages_dialog(s: Studio) -> QImage:
    from ui.dialogs.packages_dialog import PackagesDialog

    s.screen("scoring")
    dialog = PackagesDialog(s.context.ws.path, s.year, s.window)
    dialog.folder_edit.setText(str(s.stage / f"packages_{s.year}"))
    dialog.show()
    dialog.start()
    wait_until(lambda: dialog.outcome is not None, "writing the packages")
    image = over_window(s.window, dialog)
    dialog.close()
    dialog.deleteLater()
    return image


def _expert(s: Studio, row: int, round_: str) -> tuple[int, str]:
    """The `row`-th expert (panel order) with assignments in `round_`."""
    experts = experts_assigned(s.context.ws, s.year, round_)
    return experts[row % len(experts)]


def _comment_text(s: Studio) -> str:
    return ("Board met twice; the minutes are attached for one meeting only."
            if s.lang == "en" else "理事会召开两次，但只附了一次会议纪要。")


def shot_scoring(s: Studio) -> QWidget:
    from evaluator.packages import build_expert_package, package_file_name, workspace_id
    from ui.screens.scoring import package_folder

    screen = s.screen("scoring")
    ws = s.context.ws
    expert_id, name = _expert(s, 4, "initial")
    path = package_folder(workspace_id(ws)) / package_file_name(s.year, "initial", name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    build_expert_package(ws, s.year, "initial", expert_id, path)
    alliance_id, code = busiest_indicator(path, 3)
    scores = expert_scores(ws, s.year, "initial", expert_id)
    fill_package(path, scores, alliances=3)
    screen.expert_combo.setCurrentIndex(screen.expert_combo.findData(expert_id))
    screen.round_combo.setCurrentIndex(screen.round_combo.findData("initial"))
    screen.open_button.click()
    settle()
    panel = screen.panel
    if panel is None:
        raise RuntimeError("screenshots: the scoring panel did not open")
    panel.show_cell(alliance_id, code)
    panel.setFocus()
    settle()
    return s.window


def shot_expert_window(s: Studio) -> QWidget:
    from evaluator.packages import Package, build_expert_package, package_file_name
    from ui.scoring_window import ScoringWindow

    ws = s.context.ws
    expert_id, name = _expert(s, 9, "review")
    folder = s.stage / "expert"
    folder.mkdir(exist_ok=True)
    path = folder / package_file_name(s.year, "review", name)
    if path.exists():
        path.unlink()
    build_expert_package(ws, s.year, "review", expert_id, path)
    with Package.open(path) as package:
        count = len(package.alliances())
    alliance_id, code = busiest_indicator(path, 0)
    fill_package(path, expert_scores(ws, s.year, "review", expert_id),
                 alliances=min(5, count - 1), comment=(alliance_id, code, _comment_text(s)))
    window = ScoringWindow(Package.open(path))
    s.extra_windows.append(window)
    window.resize(*s.size)
    window.show()
    settle()
    window.panel.show_cell(alliance_id, code)
    window.panel.setFocus()
    settle()
    return window


def shot_group_window(s: Studio) -> QWidget:
    """The group leader's window after three members' files came in (one changed after it
    was signed, so refused with its reason) and the others are still awaited."""
    from openpyxl import load_workbook

    from evaluator.packages import (
        Package,
        build_expert_package,
        build_group_package,
        package_file_name,
    )
    from evaluator.scorefile import SCORES_SHEET, export_score_file, score_file_name
    from ui.group_window import GroupWindow

    ws = s.context.ws
    folder = s.stage / "group"
    inbox = folder / "组员交来的评分文件"
    inbox.mkdir(parents=True, exist_ok=True)
    # A group with a leader: the members table then shows who leads it.
    group = first_group(ws, s.year)
    assert group is not None, "the demo has groups"
    gpkg = folder / package_file_name(s.year, "initial", f"{group}_组评审包")
    members = group_members_assigned(ws, s.year, "initial", group)
    files: list[Path] = []
    for expert_id, name in members[:3]:
        package_path = folder / package_file_name(s.year, "initial", name)
        if package_path.exists():
            package_path.unlink()
        build_expert_package(ws, s.year, "initial", expert_id, package_path)
        # The members scored (the demo's scores): the group's differences have data; the
        # first member was much stricter on one alliance, so 本组差异 has a flag to show.
        fill_package(package_path, expert_scores(ws, s.year, "initial", expert_id))
        if expert_id == members[0][0]:
            with Package.open(package_path) as package:
                strict = package.alliances()[1]
                package.set_scores([(strict.id, code, max(score.value - 1.5, 0.0), None)
                                    for (_a, code), score in package.scores(strict.id).items()])
        with Package.open(package_path) as package:
            files.append(export_score_file(package, inbox / score_file_name(
                package, int(package.meta["export_sequence"]) + 1)).path)
    # Made after the members' packages, as the secretariat does: it carries their public
    # keys, with which the leader's window checks their files.
    if gpkg.exists():
        gpkg.unlink()
    build_group_package(ws, s.year, "initial", group, gpkg)
    book = load_workbook(files[-1])
    cell = book[SCORES_SHEET].cell(2, 3)
    cell.value = (cell.value or 0) + 1
    book.save(files[-1])
    window = GroupWindow(gpkg)
    s.extra_windows.append(window)
    window.resize(*s.size)
    window.show()
    settle()
    window.merge_paths(files)
    wait_until(lambda: not window.runner.busy and window.last_report is not None,
               "the group merge")
    return window


def shot_group_differences(s: Studio) -> QWidget:
    """本组差异 after the members' files came in: flagged alliances first."""
    from ui.group_window import GroupWindow

    window = next((w for w in s.extra_windows if isinstance(w, GroupWindow)), None)
    if window is None:
        window = shot_group_window(s)
    window.tabs.setCurrentWidget(window.differences)
    settle()
    return window


# -- merge: a copy of the demo with part of the cross-group review still outstanding ----------

def merged_scene(s: Studio) -> Any:
    """The merge screen on the staged copy, after the arriving files were merged (once)."""
    if s.merge_workspace is None:
        scene = stage_merge(s.stage, s.demo)
        s.merge_workspace = scene.workspace
        s.use_workspace(scene.workspace)
        screen = s.screen("merge")
        screen.merge_paths(scene.files)
        wait_until(lambda: not screen.runner.busy and screen.last_report is not None,
                   "the merge")
    s.use_workspace(s.merge_workspace)
    return s.screen("merge")


def shot_merge(s: Studio) -> QWidget:
    merged_scene(s).tabs.setCurrentIndex(0)
    settle()
    return s.window


def shot_merge_progress(s: Studio) -> QWidget:
    screen = merged_scene(s)
    screen.tabs.setCurrentIndex(1)
    screen.round_box.setCurrentIndex(max(screen.round_box.findData("review"), 0))
    settle()
    return s.window


def shot_agenda(s: Studio) -> QWidget:
    screen = s.screen("merge")
    screen.tabs.setCurrentIndex(2)
    settle()
    return s.window


def shot_plenary(s: Studio) -> QWidget:
    screen = s.screen("plenary")
    items = screen.agenda_model.rows
    # The item raised by the most rules whose dispute shows in the indicators: the
    # heat map then says why it is on the agenda.
    row = max(range(len(items)), key=lambda i: (len(items[i].rules),
                                                 bool(items[i].indicators), -i), default=0)
    screen.agenda.selectRow(row)
    settle()
    return s.window


def _tab(screen: QWidget, index: int) -> None:
    from PySide6.QtWidgets import QTabWidget

    tabs = getattr(screen, "tabs", None) or children(screen, QTabWidget)[0]
    tabs.setCurrentIndex(index)
    settle()


def shot_quality_alpha(s: Studio) -> QWidget:
    _tab(s.screen("quality"), 0)
    return s.window


def shot_quality_leniency(s: Studio) -> QWidget:
    _tab(s.screen("quality"), 1)
    return s.window


def shot_results(s: Studio) -> QWidget:
    _tab(s.screen("results"), 0)
    return s.window


def shot_results_trace(s: Studio) -> QImage:
    """评分来源 for the demo's planted split (two camps): the trim and the rounding show."""
    from evaluator.demo import PLANTED_SPLIT

    screen = s.screen("results")
    _tab(screen, 0)
    proxy = screen.proxy
    row = next((r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == PLANTED_SPLIT),
               0)
    screen.results_view.setCurrentIndex(proxy.index(row, 0))
    screen.results_view.scrollTo(proxy.index(row, 0))
    dialog = screen.open_trace()
    if dialog is None:
        raise RuntimeError("screenshots: the trace dialog did not open")
    # As large as it opens on a 1280x800 screen, and never larger than the window.
    dialog.resize(min(1160, s.size[0] - 40), min(720, s.size[1] - 40))
    settle(0.1)
    image = over_window(s.window, dialog)
    dialog.close()
    return image


def shot_statistics(s: Studio) -> QWidget:
    _tab(s.screen("results"), 3)
    return s.window


def shot_a_level(s: Studio) -> QWidget:
    _tab(s.screen("results"), 1)
    return s.window


def shot_past_years(s: Studio) -> QWidget:
    """评价结果 → 历年结果: the years held and where each came from."""
    screen = s.screen("results")
    _tab(screen, screen.tabs.indexOf(screen.history))
    return s.window


def shot_settings(s: Studio) -> QImage:
    from ui.dialogs.settings_dialog import SettingsDialog

    s.screen("overview")
    dialog = SettingsDialog(s.context, s.window)
    dialog.show()
    settle(0.1)
    image = over_window(s.window, dialog)
    dialog.close()
    dialog.deleteLater()
    return image


def shot_about(s: Studio) -> QImage:
    from ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(s.window)
    dialog.show()
    settle(0.1)
    image = over_window(s.window, dialog)
    dialog.close()
    dialog.deleteLater()
    return image


# The guide's steps, in the order the guide tells them; the names are its image links.
SHOTS: tuple[tuple[str, Callable[[Studio], Any]], ...] = (
    ("01-overview", shot_overview),
    ("02-submissions", shot_submissions),
    ("03-import-report", shot_import_report),
    ("04-panel-experts", shot_panel_experts),
    ("05-assignment-matrix", shot_assignment_matrix),
    ("06-packages-dialog", shot_packages_dialog),
    ("07-scoring", shot_scoring),
    ("08-expert-window", shot_expert_window),
    ("09-group-window", shot_group_window),
    ("09-group-differences", shot_group_differences),
    ("10-merge", shot_merge),
    ("11-merge-progress", shot_merge_progress),
    ("12-agenda", shot_agenda),
    ("13-plenary", shot_plenary),
    ("14-quality-alpha", shot_quality_alpha),
    ("15-quality-leniency", shot_quality_leniency),
    ("16-results", shot_results),
    ("16-results-trace", shot_results_trace),
    ("17-statistics", shot_statistics),
    ("18-a-level", shot_a_level),
    ("18-past-years", shot_past_years),
    ("19-settings", shot_settings),
    ("20-about", shot_about),
)


def shot_names() -> list[str]:
    return [name for name, _ in SHOTS]


def take_screenshots(out_dir: Path, lang: str = "zh",
                     size: tuple[int, int] = DEFAULT_SIZE,
                     workspace: Path | None = None, stage_dir: Path | None = None,
                     only: list[str] | None = None, scale: float = 1.0) -> list[Path]:
    """Write one PNG per guide step into `out_dir`; return their paths. `size` is in
    device pixels; at `scale` the windows are opened at size/scale logical pixels."""
    use_offscreen_platform()
    apply_scale(scale)
    size = logical_size(size, scale)
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    if stage_dir is None:
        with tempfile.TemporaryDirectory(prefix="evaluator-screenshots-") as tmp:
            return _take(out_dir, lang, size, workspace, Path(tmp), only)
    if stage_dir.exists():
        shutil.rmtree(stage_dir)
    stage_dir.mkdir(parents=True)
    try:
        return _take(out_dir, lang, size, workspace, stage_dir.resolve(), only)
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)


def _take(out_dir: Path, lang: str, size: tuple[int, int], workspace: Path | None,
          stage: Path, only: list[str] | None) -> list[Path]:
    from evaluator import messages

    with isolated_user_dirs(stage):
        messages.set_language(lang)
        from ui.qt import create_application

        create_application(lang=lang)
        from evaluator.workspace import Workspace
        from ui.context import AppContext
        from ui.main_window import MainWindow

        if workspace is not None:
            demo = stage / WORKSPACE_NAME
            copy_database(Path(workspace), demo)
        else:
            demo = build_sample_workspace(stage)
        context = AppContext(Workspace.open(demo))
        window = MainWindow(context)
        window.resize(*size)
        window.show()
        settle()
        studio = Studio(window, context, stage, demo, size, lang)
        written: list[Path] = []
        try:
            for name, take in SHOTS:
                if only and name not in only:
                    continue
                if take not in (shot_merge, shot_merge_progress):
                    studio.use_workspace(demo)
                picture = take(studio)
                target = out_dir / f"{name}.png"
                image = picture.grab().toImage() if hasattr(picture, "grab") else picture
                if not image.save(str(target)):
                    raise RuntimeError(f"screenshots: could not write {target}")
                written.append(target)
        finally:
            for extra in studio.extra_windows:
                extra.close()
                extra.deleteLater()
            window.hide()
            window.deleteLater()
            context.set_workspace(None)
            settle(0.05)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots",
                                     description="Save the user guide's pictures from the demo.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--size", type=parse_size, default=DEFAULT_SIZE,
                        help="screen size in device pixels, e.g. 1366x768")
    parser.add_argument("--scale", type=parse_scale, default=1.0,
                        help="display scaling, e.g. 1.5 or 150%% (QT_SCALE_FACTOR)")
    parser.add_argument("--workspace", type=Path,
                        help="start from a copy of this workspace instead of a fresh demo")
    parser.add_argument("--stage-dir", type=Path,
                        help="work in this folder (emptied first, removed after) so the paths "
                             "shown in the pictures stay the same from run to run")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help=f"take only this step (repeatable): {', '.join(shot_names())}")
    args = parser.parse_args(argv)
    for path in take_screenshots(args.out, args.lang, args.size, args.workspace,
                                 args.stage_dir, args.only, args.scale):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
