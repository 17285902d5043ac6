"""Shared fixtures: Qt offscreen, user dirs redirected to tmp, small workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EVALUATOR_LANG", "zh")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's config, data or log directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("EVALUATOR_LOG_DIR", str(home / "logs"))


@pytest.fixture
def workspace(tmp_path: Path):  # type: ignore[no-untyped-def]
    from evaluator.workspace import Workspace

    ws = Workspace.create(tmp_path / "t.evdb", year=2018)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per test session; copy it before writing to it."""
    from evaluator.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.evdb"
    build_demo(path)
    return path


@pytest.fixture
def demo_ws(demo_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A private, writable copy of the demo workspace."""
    import shutil

    from evaluator.workspace import Workspace

    copy = tmp_path / "demo.evdb"
    shutil.copy(demo_path, copy)
    ws = Workspace.open(copy)
    yield ws
    ws.close()
