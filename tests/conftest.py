"""Shared fixtures: Qt offscreen, user dirs redirected to tmp, small workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The "who is working" prompt on opening a workspace; its own tests turn it back on.
os.environ.setdefault("EVALUATOR_NO_NAME_PROMPT", "1")
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


@pytest.fixture(autouse=True)
def _reset_language() -> object:
    """A test that switches the language (--lang en) must not leak it into the next."""
    from evaluator import messages

    yield
    messages.set_language(None)


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


# -- the core without Qt -------------------------------------------------------------
# `EVALUATOR_BLOCK_QT=1 pytest` makes PySide6 (and ui) unimportable and skips the test
# files that need them, proving the core runs headless (napari's Qt-free CI job).
_QT_MARKERS = ("PySide6", "qtbot", "from ui", "import ui", "qtmodeltester")

if os.environ.get("EVALUATOR_BLOCK_QT") == "1":
    import importlib.abc
    import sys

    class _BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
            if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
                raise ImportError(f"{name} is blocked for the Qt-free core tests")
            return None

    sys.meta_path.insert(0, _BlockQt())


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if os.environ.get("EVALUATOR_BLOCK_QT") != "1" or collection_path.suffix != ".py":
        return None
    if collection_path.name == "conftest.py":
        return None
    source = collection_path.read_text(encoding="utf-8", errors="replace")
    return any(marker in source for marker in _QT_MARKERS) or None
