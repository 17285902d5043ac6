"""GUI figures for the benchmark (issue 8), measured offscreen on a bench workspace.

- cold start: a fresh `python -c` that imports ui.app, creates the application as the app
  does, opens the main window on the workspace and prints the time of the first paint
  event of that window; measured from just before the process is started;
- opening the results table: switching the main window to the results stage until its
  first paint;
- the scoring screen: moving between alliances and indicators (median and p95 over 200
  moves) and committing one score (median and p95 over 200 edits), through the table
  model of the scoring window on a copy of an expert package.

    python -m ui.bench_gui WORKSPACE.evdb [--package P.evpkg] [--json]

"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evaluator.sqlite_files import copy_database

SKIPPED = "skipped"
MOVES = 200
EDITS = 200

# Runs in a fresh interpreter: nothing imported before the clock starts but Python itself.
_COLD_START = r"""
import sys, time
from pathlib import Path
import ui.app
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.qt import create_application
app = create_application()
window = ui.app.open_main_window(Path(sys.argv[1]))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and getattr(obj, "window", None) \
                and obj.window() is window:
            print(f"PAINTED {time.time():.6f}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
QTimer.singleShot(60000, app.quit)
app.exec()
"""


def isolated_environment(home: Path) -> dict[str, str]:
    """Offscreen, with config and data folders of its own (the user's recent-workspace list
    and window layout stay untouched)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVALUATOR_HOME": str(home / "evaluator"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache")}


def measure_cold_start(workspace: Path, runs: int = 3) -> dict[str, Any]:
    """Best and median of `runs` cold starts (the first warms the OS file cache)."""
    root = Path(__file__).resolve().parent.parent
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="evaluator-bench-home-") as home:
        env = isolated_environment(Path(home))
        for _ in range(runs):
            started = time.time()
            done = subprocess.run([sys.executable, "-c", _COLD_START, str(workspace)],
                                  capture_output=True, text=True, env=env, cwd=root,
                                  timeout=120, check=False)
            line = next((x for x in done.stdout.splitlines() if x.startswith("PAINTED ")), None)
            if line is None:
                return {"status": "failed", "reason": (done.stderr or done.stdout)[-1000:]}
            times.append(float(line.split()[1]) - started)
    return {"seconds": round(statistics.median(times), 3), "best": round(min(times), 3),
            "runs": [round(t, 3) for t in times]}


def _percentiles(samples_ms: list[float]) -> dict[str, Any]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2), "n": len(ordered)}


def _settle(app: Any, widget: Any) -> None:
    """Deliver pending events, the paints of what changed among them (an UpdateRequest is
    handled by processEvents, offscreen as on screen), and what they posted in turn."""
    del widget  # the dirty regions are painted, as in the app; no forced full repaint
    app.processEvents()
    app.processEvents()


def measure_results_table(app: Any, window: Any) -> dict[str, Any]:
    started = time.perf_counter()
    window.show_stage("results")
    _settle(app, window)
    seconds = time.perf_counter() - started
    if "results" in window.load_errors:
        return {"status": "failed", "reason": window.load_errors["results"][-800:]}
    return {"seconds": round(seconds, 3)}


def measure_scoring(app: Any, package: Path) -> dict[str, Any]:
    """Moves and commits through the scoring window's own panel (`ScoringPanel`): a move is
    what Tab/Enter or the arrow keys do (`move_indicator`, `move_alliance`), a commit is
    typing a value and pressing Enter (`commit_entry`, which saves it in the package)."""
    from ui.scoring_window import open_package_window

    with tempfile.TemporaryDirectory(prefix="evaluator-bench-pkg-") as folder:
        copy = Path(folder) / package.name
        copy_database(package, copy)
        window = open_package_window(copy)
        if window is None:
            return {"status": "failed", "reason": f"the package {package.name} did not open"}
        try:
            window.resize(1280, 720)
            window.show()
            _settle(app, window)
            panel = window.panel
            alliances = panel.alliances.rowCount()
            moves: list[float] = []
            for i in range(MOVES):
                started = time.perf_counter()
                if i % 4 == 3:  # every fourth move goes to another alliance
                    panel.move_alliance(1 if (i // 4) % 2 == 0 or alliances < 2 else -1)
                else:
                    panel.move_indicator(1, wrap_alliance=True)
                _settle(app, window)
                moves.append((time.perf_counter() - started) * 1000)
            edits: list[float] = []
            refused = 0
            for i in range(EDITS):
                # 0 and 1 are on every rubric's step and within every indicator's maximum;
                # alternating makes every commit a change.
                panel.score_edit.setText("1" if i % 2 else "0")
                started = time.perf_counter()
                accepted = panel.commit_entry()
                _settle(app, window)
                edits.append((time.perf_counter() - started) * 1000)
                refused += 0 if accepted else 1
            return {"scoring_move": _percentiles(moves),
                    "score_commit": {**_percentiles(edits), "refused": refused}}
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()


def first_package(workspace: Path) -> Path | None:
    packages = sorted((workspace.parent / "packages").glob("*.evpkg"))
    return packages[0] if packages else None


def measure_gui(workspace: Path, package: Path | None = None) -> dict[str, Any]:
    """Every GUI figure; the in-process ones share one offscreen application."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures: dict[str, Any] = {"cold_start": measure_cold_start(workspace)}
    from ui.app import open_main_window
    from ui.qt import create_application

    app = create_application()
    window = open_main_window(workspace)
    window.resize(1280, 720)
    window.show()
    _settle(app, window)
    try:
        figures["results_table"] = measure_results_table(app, window)
    finally:
        window.close()
    package = package or first_package(workspace)
    if package is None:
        figures["scoring_move"] = figures["score_commit"] = {
            "status": SKIPPED, "reason": "no expert package beside the workspace"}
    else:
        scoring = measure_scoring(app, package)
        if "scoring_move" in scoring:
            figures.update(scoring)
        else:
            figures["scoring_move"] = figures["score_commit"] = scoring
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.bench_gui")
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--package", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="evaluator-bench-home-") as home:
        # This process's own settings go to a throwaway folder too.
        os.environ.update(isolated_environment(Path(home)))
        figures = measure_gui(args.workspace.resolve(), args.package)
    text = json.dumps(figures, ensure_ascii=False, indent=None if args.json else 2)
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
