"""Windows and dialogs that fit the screen they open on.

Experts' laptops are 1366x768 at 125-150 % scaling: 911x512 logical pixels, less the
taskbar. A window's first size is the size it would like, cut to the available screen;
a size restored from a larger screen is cut the same way and moved back onto the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and frame the window manager adds around the client area.
FRAME_ALLOWANCE = 32
SIDE_ALLOWANCE = 16


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available (taskbar-free) geometry of the screen the widget is on."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to (width, height), cut to the available screen, and centre it there."""
    area = available_geometry(window)
    w = min(width, area.width() - SIDE_ALLOWANCE)
    h = min(height, area.height() - FRAME_ALLOWANCE)
    window.resize(w, h)
    window.move(area.x() + (area.width() - w) // 2,
                area.y() + max((area.height() - h - FRAME_ALLOWANCE) // 2, 0))


def fit_size(widget: QWidget, width: int, height: int) -> None:
    """For a dialog (Qt centres it over its parent): the size it would like, cut to the
    available screen, and a minimum size that never exceeds the screen."""
    area = available_geometry(widget.parentWidget() or widget)
    room_w, room_h = area.width() - SIDE_ALLOWANCE, area.height() - FRAME_ALLOWANCE
    widget.setMinimumSize(min(widget.minimumWidth(), room_w),
                          min(widget.minimumHeight(), room_h))
    widget.resize(min(width, room_w), min(height, room_h))


def keep_on_screen(window: QWidget) -> None:
    """After restoreGeometry: a size saved on a larger screen is cut to this one and the
    window moved back so that its title bar can be reached."""
    area = available_geometry(window)
    frame = window.frameGeometry()
    if area.contains(frame):
        return
    w = min(window.width(), area.width() - SIDE_ALLOWANCE)
    h = min(window.height(), area.height() - FRAME_ALLOWANCE)
    window.resize(w, h)
    x = min(max(frame.x(), area.x()), area.right() - w)
    y = min(max(frame.y(), area.y()), area.bottom() - h - FRAME_ALLOWANCE)
    window.move(max(x, area.x()), max(y, area.y()))


def fits_screen(window: QWidget) -> bool:
    """Whether the window's frame lies within the available screen (tests use this)."""
    area = available_geometry(window)
    frame = window.frameGeometry()
    return frame.width() <= area.width() and frame.height() <= area.height()
