"""Run in a child process by test_screen_fit_ui.py, on an offscreen screen of a given size
and QT_SCALE_FACTOR: opens every window and dialog on a copy of the demo and prints, as
JSON, each one's size, its minimum size and the available screen (logical pixels), the
expert window's visible indicator rows and lines of its keys hint, and the plenary heat
map's visible rows.

    python tests/screen_fit_probe.py DEMO.evdb WORKDIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any


def visible_rows(view: Any, rows: list[int]) -> int:
    """How many of `rows` lie wholly inside the view's viewport."""
    height = view.viewport().height()
    count = 0
    for row in rows:
        if view.isRowHidden(row):
            continue
        rect = view.visualRect(view.model().index(row, 0))
        if rect.isValid() and rect.top() >= 0 and rect.bottom() <= height:
            count += 1
    return count


def main(demo: Path, work: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QWidget

    from evaluator import messages
    from ui.qt import create_application

    messages.set_language("zh")
    app = create_application(lang="zh")
    from evaluator.package_builders import build_expert_package, build_group_package
    from evaluator.rubric import Indicator
    from evaluator.workspace import Workspace
    from ui.context import AppContext
    from ui.dialogs.about_dialog import AboutDialog
    from ui.dialogs.backups_dialog import BackupsDialog
    from ui.dialogs.import_dialog import SUBMISSIONS, ImportDialog
    from ui.dialogs.packages_dialog import PackagesDialog
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.group_window import GroupWindow
    from ui.main_window import MainWindow
    from ui.scoring_window import ScoringWindow
    from ui.widgets.report_dialog import ReportDialog

    path = work / "demo.evdb"
    shutil.copy(demo, path)
    out: dict[str, Any] = {"windows": {}}

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def record(name: str, widget: QWidget) -> None:
        settle()
        area = widget.screen().availableGeometry()
        frame = widget.frameGeometry()
        hint = widget.minimumSizeHint()
        out["windows"][name] = {
            "size": [frame.width(), frame.height()],
            "minimum": [max(hint.width(), widget.minimumWidth()),
                        max(hint.height(), widget.minimumHeight())],
            "area": [area.width(), area.height()],
            "inside": area.contains(frame)}

    context = AppContext(Workspace.open(path))
    window = MainWindow(context)
    window.show()
    for stage in window.stage_names:
        window.show_stage(stage)
        record(f"main/{stage}", window)
        if stage == "plenary":
            screen = window.screens[stage]
            screen.agenda.selectRow(0)
            settle()
            model = screen.heatmap_model
            out["heatmap_rows"] = [model.rowCount(), visible_rows(
                screen.heatmap, list(range(model.rowCount())))]
    year = context.year
    assert year is not None
    ws = context.ws
    parent = window
    dialogs = {
        "import": lambda: ImportDialog(SUBMISSIONS, path, year, parent),
        "packages": lambda: PackagesDialog(path, year, parent),
        "settings": lambda: SettingsDialog(context, parent),
        "backups": lambda: BackupsDialog(context, parent),
        "about": lambda: AboutDialog(parent),
        "report": lambda: ReportDialog("导入结果", "\n".join(
            f"第 {i} 行：联盟名称与名录不一致，已按代码匹配" for i in range(200)), "warning",
            parent)}
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        record(f"dialog/{name}", dialog)
        dialog.close()
        dialog.deleteLater()

    expert_id = int(ws.db.execute(
        "SELECT expert_id FROM assignments WHERE year = ? AND round = 'initial'"
        " GROUP BY expert_id ORDER BY count(*) DESC LIMIT 1", (year,)).fetchone()[0])
    package_path = work / "expert.evpkg"
    build_expert_package(ws, year, "initial", expert_id, package_path)
    from evaluator.expert_package import Package

    expert = ScoringWindow(Package.open(package_path))
    expert.show()
    record("expert", expert)
    panel = expert.panel
    rows = [i for i, item in enumerate(panel.indicators.rows) if isinstance(item, Indicator)]
    out["indicator_rows"] = [len(rows), visible_rows(panel.indicator_view, rows)]
    keys = panel.keys_label
    out["keys_lines"] = keys.heightForWidth(keys.contentsRect().width()) \
        // keys.fontMetrics().lineSpacing()
    expert.close()

    group = str(ws.db.execute("SELECT name FROM expert_groups WHERE year = ? ORDER BY sort,"
                              " id LIMIT 1", (year,)).fetchone()[0])
    group_path = work / "group.evpkg"
    build_group_package(ws, year, "initial", group, group_path)
    leader = GroupWindow(group_path)
    leader.show()
    record("group", leader)
    leader.close()
    window.close()
    context.set_workspace(None)
    QApplication.processEvents()
    return out


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), Path(sys.argv[2]))
    sys.stdout.write("PROBE " + json.dumps(result, ensure_ascii=False) + "\n")
