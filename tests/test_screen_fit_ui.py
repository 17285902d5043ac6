"""Every window fits an expert's laptop: 1366x768 at 100 %, 125 % and 150 % scaling.

Each scale runs in a child process (Qt reads QT_SCALE_FACTOR once, at start) on an
offscreen screen of 1366x768 device pixels; tests/screen_fit_probe.py opens the main
window on every screen, the dialogs, the expert's window and the group leader's window
and reports their sizes. At 150 % the screen is 911x512 logical pixels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.gui


def probe(demo_path: Path, tmp_path: Path, scale: str) -> dict[str, Any]:
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "QT_SCALE_FACTOR": scale, "PYTHONPATH": str(ROOT),
           "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "EVALUATOR_LOG_DIR": str(home / "logs")}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "screen_fit_probe.py"),
                           str(demo_path), str(tmp_path)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("PROBE ")]
    assert done.returncode == 0, done.stderr[-3000:]
    assert lines, done.stderr[-3000:]
    return json.loads(lines[-1][len("PROBE "):])  # type: ignore[no-any-return]


@pytest.mark.parametrize(("scale", "logical"), [("1", (1366, 768)), ("1.25", (1092, 614)),
                                                ("1.5", (910, 512))])
def test_every_window_fits_the_laptop(demo_path: Path, tmp_path: Path, scale: str,
                                      logical: tuple[int, int]) -> None:
    result = probe(demo_path, tmp_path, scale)
    windows = result["windows"]
    assert {"main/overview", "main/plenary", "expert", "group", "dialog/import",
            "dialog/settings", "dialog/report"} <= set(windows)
    for name, window in windows.items():
        width, height = window["area"]
        assert abs(width - logical[0]) <= 1
        assert abs(height - logical[1]) <= 1
        assert window["inside"], (name, window)
        assert window["minimum"][0] <= width, (name, window)
        assert window["minimum"][1] <= height, (name, window)
    # The expert sees every indicator with its score, at every scale.
    total, visible = result["indicator_rows"]
    assert total == 20
    assert visible >= 20
    # The expert's keys hint stays one line (a legend where the words do not fit).
    assert result["keys_lines"] == 1
    # The plenary's heat map shows every indicator and the total, at every scale.
    rows, shown = result["heatmap_rows"]
    assert rows == 21
    assert shown == rows
