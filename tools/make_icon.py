"""Draw the app icon (resources/icons/evaluator.svg, .png, .ico, .icns) with QPainter.

A blue rounded square with three rising bars (activity) and a gold tick (the verdict).
Run `python tools/make_icon.py` after changing the drawing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256


def paint_icon(painter: QPainter, size: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    gradient.setColorAt(0.0, QColor("#2f80b7"))
    gradient.setColorAt(1.0, QColor("#1b4f75"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)

    painter.setBrush(QColor("#ffffff"))
    for i, height in enumerate((70, 110, 150)):
        x = (52 + i * 52) * s
        painter.drawRoundedRect(QRectF(x, (206 - height) * s, 36 * s, height * s),
                                8 * s, 8 * s)

    tick = QPainterPath()
    tick.moveTo(132 * s, 86 * s)
    tick.lineTo(162 * s, 114 * s)
    tick.lineTo(218 * s, 46 * s)
    pen = QPen(QColor("#f5b301"), 22 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)


def write_png(path: Path, size: int = SIZE) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_icon(painter, size)
    painter.end()
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")


def write_ico_and_icns(folder: Path) -> None:
    """The Windows (.ico) and macOS (.icns) icons for the frozen app, from a 512 px
    drawing (Pillow writes both formats; it comes with matplotlib)."""
    from PIL import Image

    big = folder / ".evaluator-512.png"
    write_png(big, 512)
    try:
        with Image.open(big) as image:
            image.save(folder / "evaluator.ico",
                       sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
            image.save(folder / "evaluator.icns")
    finally:
        big.unlink(missing_ok=True)


def write_svg(path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(SIZE, SIZE))
    generator.setViewBox(QRectF(0, 0, SIZE, SIZE))
    generator.setTitle("evaluator")
    generator.setDescription("联盟活跃度评审")
    painter = QPainter(generator)
    paint_icon(painter, SIZE)
    painter.end()


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    write_png(ICONS / "evaluator.png")
    write_svg(ICONS / "evaluator.svg")
    write_ico_and_icns(ICONS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
