"""EVALUATOR_HOME moves every user folder: settings, logs, recent files, demo, packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator import user_dirs
from evaluator.logs import log_path

ROOT = Path(__file__).resolve().parent.parent


def test_tests_run_with_evaluator_home_set() -> None:
    home = user_dirs.evaluator_home()
    assert home is not None
    assert Path(os.environ["EVALUATOR_HOME"]) == home


def test_every_user_folder_is_under_evaluator_home(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATOR_HOME", str(tmp_path))
    monkeypatch.delenv("EVALUATOR_LOG_DIR", raising=False)
    for path in (user_dirs.settings_file(), user_dirs.demo_workspace_path(),
                 user_dirs.packages_dir(), log_path()):
        assert tmp_path in path.parents, path


def test_log_dir_variable_still_moves_the_log_alone(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("EVALUATOR_LOG_DIR", str(tmp_path / "logs"))
    assert log_path() == tmp_path / "logs" / "evaluator.log"


def test_without_it_the_platform_folders_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_config_dir, user_data_dir

    monkeypatch.delenv("EVALUATOR_HOME")
    assert user_dirs.settings_file().parent == Path(user_config_dir("evaluator",
                                                                    appauthor=False))
    assert user_dirs.packages_dir().parent == Path(user_data_dir("evaluator", appauthor=False))


APP_WRITES = """
import sys
from pathlib import Path
from ui.qt import create_application
from ui.settings_store import app_settings
from ui.recent import remember_workspace
from ui.main_window import demo_workspace_path
from ui.screens.scoring import package_folder
from evaluator.logs import write_traceback
from evaluator.demo import build_demo

create_application()
remember_workspace(Path(sys.argv[1]))
settings = app_settings()
settings.setValue("ui/language", "zh")
settings.sync()
write_traceback("a test entry")
demo = demo_workspace_path()
demo.parent.mkdir(parents=True, exist_ok=True)
build_demo(demo)
folder = package_folder("ws-1")
folder.mkdir(parents=True)
print(demo)
print(folder)
"""


def test_the_app_writes_nothing_outside_evaluator_home(tmp_path: Path) -> None:
    """Settings, recent files, the log, the demo and the package folder all land in
    EVALUATOR_HOME even when HOME and XDG_* point elsewhere (as on Windows, where
    platformdirs ignores them)."""
    home = tmp_path / "evaluator-home"
    elsewhere = tmp_path / "elsewhere"
    env = {**os.environ, "EVALUATOR_HOME": str(home), "HOME": str(elsewhere),
           "XDG_CONFIG_HOME": str(elsewhere / "config"), "XDG_DATA_HOME": str(elsewhere / "data"),
           "XDG_STATE_HOME": str(elsewhere / "state"), "XDG_CACHE_HOME": str(elsewhere / "cache"),
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("EVALUATOR_LOG_DIR", None)
    done = subprocess.run([sys.executable, "-c", APP_WRITES, str(tmp_path / "ws.evdb")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    demo, folder = (Path(line) for line in done.stdout.split())
    assert home in demo.parents
    assert home in folder.parents
    written = {p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file()}
    assert {"config/evaluator.ini", "logs/evaluator.log", "data/demo.evdb"} <= written
    assert "ws.evdb" in (home / "config" / "evaluator.ini").read_text(encoding="utf-8")
    left_elsewhere = [p for p in elsewhere.rglob("*") if p.is_file()] if elsewhere.exists() else []
    assert left_elsewhere == []
