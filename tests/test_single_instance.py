"""Files handed to the app by the system: macOS's QFileOpenEvent, and a second launch
that gives its file to the running app (QLocalServer/QLocalSocket) instead of opening a
second window on the same workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent

from evaluator.workspace import Workspace
from ui.app import Documents
from ui.single_instance import FileOpenEvents, InstanceServer, hand_over, server_name

ROOT = Path(__file__).resolve().parent.parent


def make_workspace(path: Path, year: int = 2018) -> Path:
    Workspace.create(path, year=year).close()
    return path


@pytest.fixture
def documents(qapp):  # type: ignore[no-untyped-def]
    docs = Documents()
    yield docs
    if docs.main is not None:
        docs.main.close()
        docs.close()


def test_a_file_open_event_opens_the_workspace(qtbot, qapp, documents: Documents,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    first = make_workspace(tmp_path / "first.evdb")
    second = make_workspace(tmp_path / "SECOND.EVDB", year=2019)
    events = FileOpenEvents()
    events.requested.connect(documents.open)
    qapp.installEventFilter(events)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(first)))
        qtbot.waitUntil(lambda: documents.main is not None
                        and documents.main.context.path == first)
        window = documents.main
        # Finder hands a second file to the running app: the same window opens it.
        QCoreApplication.postEvent(qapp, QFileOpenEvent(str(second)))
        qtbot.waitUntil(lambda: window.context.path == second)
        assert documents.main is window
    finally:
        qapp.removeEventFilter(events)


def test_a_package_opens_once_in_its_own_window(qapp, documents: Documents,  # type: ignore[no-untyped-def]
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from PySide6.QtWidgets import QMainWindow

    opened: list[Path] = []

    def open_package_window(path: Path) -> QMainWindow:
        opened.append(path)
        window = QMainWindow()
        window.show()
        return window

    fake = types.ModuleType("ui.scoring_window")
    fake.open_package_window = open_package_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.scoring_window", fake)
    package = tmp_path / "专家.EVPKG"
    documents.open(package)
    documents.open(package)
    assert opened == [package]
    for window in documents.package_windows.values():
        window.close()


def test_no_running_instance_means_no_hand_over(qapp) -> None:  # type: ignore[no-untyped-def]
    assert hand_over(Path("x.evdb"), name=f"evaluator-test-nobody-{os.getpid()}") is False


def test_a_second_launch_hands_its_file_to_the_running_app(qtbot, qapp,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    """The running app is this test's InstanceServer; the second launch is the real
    `python -m evaluator x.evdb` (as a double-click runs it), with the same EVALUATOR_HOME."""
    workspace = make_workspace(tmp_path / "评审 2018.evdb")
    server = InstanceServer()
    assert server.listen()
    received: list[Path | None] = []
    server.requested.connect(received.append)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen([sys.executable, "-m", "evaluator", str(workspace)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        # Without the hand-over it would open its own window and run until closed.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert received == [workspace]
        assert out == ""
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()
        server.close()


@pytest.mark.skipif(sys.platform == "win32",
                    reason="named pipes vanish with their process; only POSIX leaves a socket file")
def test_a_stale_socket_from_a_crashed_app_is_taken_over(qapp) -> None:  # type: ignore[no-untyped-def]
    import socket

    name = f"evaluator-test-stale-{os.getpid()}"
    probe = InstanceServer(name)
    assert probe.listen()
    path = probe.server.fullServerName()
    probe.close()
    # What a killed instance leaves: the socket file, and nobody listening on it.
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(path)
    stale.close()
    assert Path(path).exists()
    assert hand_over(None, name=name) is False
    server = InstanceServer(name)
    assert server.listen()
    server.close()


def test_server_name_follows_evaluator_home(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = server_name()
    monkeypatch.setenv("EVALUATOR_HOME", str(tmp_path / "other"))
    assert server_name() != before
    assert len(server_name()) < 40


def test_a_document_argument_means_open() -> None:
    from evaluator.cli import with_document_as_open

    assert with_document_as_open([r"C:\评审\专家.EVPKG"]) == ["open", r"C:\评审\专家.EVPKG"]
    assert with_document_as_open(["office.evdb"]) == ["open", "office.evdb"]
    assert with_document_as_open(["info", "office.evdb"]) == ["info", "office.evdb"]
    assert with_document_as_open(["--version"]) == ["--version"]
