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
    """Never touch the real user's config, data or log directories (EVALUATOR_HOME moves
    them all, on every OS; HOME and XDG_* for anything else that looks there)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("EVALUATOR_HOME", str(home / "evaluator"))
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


# -- no Qt thread or timer outlives its test (napari's dangling_qthreads/qtimers) --------
@pytest.fixture(autouse=True)
def _no_dangling_qt_work(request: pytest.FixtureRequest,
                         monkeypatch: pytest.MonkeyPatch) -> object:
    """Fail a test that leaves a QThread running or a repeating QTimer active: work that
    outlives its window writes to a closed workspace or a deleted widget later."""
    if os.environ.get("EVALUATOR_BLOCK_QT") == "1" or "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication

    qtbot = request.getfixturevalue("qtbot")  # set up first, so torn down after this check
    threads: list[QThread] = []
    timers: list[QTimer] = []
    thread_start = QThread.start
    timer_start = QTimer.start

    def start_thread(self: QThread, *args: object) -> None:
        threads.append(self)
        thread_start(self, *args)

    def start_timer(self: QTimer, *args: object) -> None:
        timers.append(self)
        timer_start(self, *args)

    monkeypatch.setattr(QThread, "start", start_thread)
    monkeypatch.setattr(QTimer, "start", start_timer)
    yield
    app = QApplication.instance()

    def finished() -> bool:
        return not any(_alive(t) and t.isRunning() for t in threads)

    # A worker that is finishing gets a moment, as a user's window would give it.
    if not finished():
        qtbot.waitUntil(finished, timeout=5000)
    if app is not None:
        app.processEvents()
    leftovers = dangling_qt_work(threads, timers)
    assert not leftovers, "; ".join(leftovers)


def dangling_qt_work(threads: list, timers: list) -> list[str]:  # type: ignore[type-arg]
    """What of the started threads still runs and of the repeating timers still ticks."""
    running = [t for t in threads if _alive(t) and t.isRunning()]
    active = [t for t in timers if _alive(t) and t.isActive() and not t.isSingleShot()
              and _alive_parent(t)]
    found = []
    if running:
        found.append(f"{len(running)} QThread(s) still running after the test")
    if active:
        found.append(f"{len(active)} repeating QTimer(s) still active after the test")
    return found


def _alive(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def _alive_parent(timer: object) -> bool:
    """A timer whose owner widget was closed and deleted stops with it."""
    parent = timer.parent()  # type: ignore[attr-defined]
    return parent is None or _alive(parent)
