"""One change of one score cell as an undoable command of the scoring panel."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from evaluator.packages import PackageAlliance


class CellTarget(Protocol):
    """What the command changes (the scoring panel)."""

    def apply_cell(self, alliance_id: int, code: str, state: tuple[float, str] | None,
                   navigate: bool) -> None: ...


class ScoreCommand(QUndoCommand):
    """One change of one cell (score and comment); undo restores the cell as it was."""

    def __init__(self, panel: CellTarget, alliance: PackageAlliance, code: str,
                 old: tuple[float, str] | None, new: tuple[float, str] | None) -> None:
        # "评分 109 · 1.2": the alliance's code as the expert knows it, then the indicator.
        super().__init__(QCoreApplication.translate("ScoringPanel", "Score %1 · %2").replace(
            "%1", alliance.code).replace("%2", code))
        self.panel = panel
        self.alliance_id = alliance.id
        self.code = code
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        self.panel.apply_cell(self.alliance_id, self.code, self.new, navigate=not self._first)
        self._first = False

    def undo(self) -> None:
        self.panel.apply_cell(self.alliance_id, self.code, self.old, navigate=True)
