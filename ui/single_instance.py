"""One app per user: a second launch hands its file to the running one and exits.

The first instance listens on a QLocalServer (a named pipe on Windows, a socket file on
macOS and Linux) whose name is private to the user and to the app's settings folder (so
tests and portable installs with their own EVALUATOR_HOME never meet the user's app). A
second `evaluator x.evpkg` (a double-click in Explorer, Finder or the file manager)
connects, sends one JSON line `{"open": "/abs/x.evpkg"}` (or `{"open": null}` to bring the
window forward), waits for `ok` and exits 0; the first instance opens the file.

macOS hands files to a running app with QFileOpenEvent instead (Finder, `open x.evpkg`,
the Dock): `FileOpenEvents` turns those into the same request.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from evaluator.user_dirs import settings_file

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 5000
ACK = b"ok\n"


def server_name() -> str:
    """Short (socket paths are limited to ~100 bytes) and specific to this user and to
    this settings folder."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getpid())
    key = f"{user}|{settings_file().parent}".encode()
    return "evaluator-" + hashlib.sha256(key).hexdigest()[:16]


def request_for(path: Path | None) -> bytes:
    target = None if path is None else os.path.abspath(path)
    return json.dumps({"open": target}, ensure_ascii=False).encode("utf-8") + b"\n"


def hand_over(path: Path | None, name: str | None = None) -> bool:
    """Give `path` (None: just show yourself) to a running instance; False when none
    answers (then this process is the first and carries on)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(request_for(path))
    # (waitForBytesWritten is False when flush() already sent everything.)
    while socket.bytesToWrite() > 0:
        if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
            socket.abort()
            return False
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply == ACK


class InstanceServer(QObject):
    """Listens for later launches; `requested` carries each one's file (None: no file)."""

    requested = Signal(object)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A socket file left by a crashed instance (POSIX): nobody answers on it.
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            target = json.loads(line.decode("utf-8")).get("open")
        except (ValueError, AttributeError):
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        self.requested.emit(Path(target) if isinstance(target, str) and target else None)


class FileOpenEvents(QObject):
    """Installed on the QApplication: macOS's QFileOpenEvent becomes `requested`."""

    requested = Signal(object)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            file = event.file()
            if file:
                self.requested.emit(Path(file))
                return True
        return super().eventFilter(watched, event)
