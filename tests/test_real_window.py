"""The app starts in a real window on an X server (Xvfb) and paints its main window on the
demo. How fast is the benchmark's business (`evaluator bench --gui`), not this test's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui.bench_gui import _COLD_START

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None or sys.platform != "linux",
                                reason="needs xvfb-run (Debian package xvfb)")


def test_main_window_paints_on_a_real_x_server(demo_path: Path, tmp_path: Path) -> None:
    workspace = Path(shutil.copy(demo_path, tmp_path / "demo.evdb"))
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CACHE_HOME": str(tmp_path / "k")}
    started = time.time()
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-c", _COLD_START,
         str(workspace)], capture_output=True, text=True, env=env, timeout=180,
        cwd=Path(__file__).resolve().parent.parent, check=False)
    painted = [line for line in done.stdout.splitlines() if line.startswith("PAINTED ")]
    assert painted, done.stderr[-2000:]
    assert "Could not load the Qt platform plugin" not in done.stderr
    print(f"first paint under Xvfb after {float(painted[0].split()[1]) - started:.2f} s "
          "(including Xvfb's own start)")
