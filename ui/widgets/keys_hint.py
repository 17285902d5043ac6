"""A line of keyboard hints under a form: the keys with their words where the line has the
width, else a shorter legend (a laptop at 150 %), with the words in its tooltip; wrapped
only when even the legend does not fit."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class KeysHint(QLabel):
    def __init__(self, words: str, legend: str, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.words, self.legend = words, legend
        self.setStyleSheet("color: #555;")
        self.setWordWrap(True)

    def fit(self) -> None:
        """The words when they fit the line, else the legend."""
        room = self.contentsRect().width()
        text = self.words if self.fontMetrics().horizontalAdvance(self.words) <= room \
            else self.legend
        if text != self.text():
            self.setText(text)
            self.setToolTip(self.words if text is self.legend else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
