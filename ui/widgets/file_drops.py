"""Accepting files dragged from the desktop or a mail client onto a widget."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent


def dropped_paths(event: QDropEvent) -> list[Path]:
    """The local files of a drop (links to web pages and the like are left out)."""
    return [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]


class AcceptsFileDrops:
    """Mixin for a QWidget subclass (list it first): takes dropped local files and hands
    them to `files_dropped`. The widget still has to call `setAcceptDrops(True)`."""

    def files_dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped(paths)
