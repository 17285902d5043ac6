"""Score files as the merge screen and the group leader's window list them: this session's
merge results (accepted or rejected, with reasons) on top, then the files already received."""


from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from evaluator import messages
from evaluator.merge_checks import FileResult
from evaluator.received_files import ReceivedFile
from evaluator.timefmt import local_time
from ui.labels import round_label, status_label
from ui.models.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class FileResultModel(RowsTableModel[FileResult | ReceivedFile]):
    """This session's merge results (accepted or rejected, with reasons) on top, then the
    files already received for the year."""

    HEADERS = (QT_TRANSLATE_NOOP("FileResultModel", "File"),
               QT_TRANSLATE_NOOP("FileResultModel", "Result"),
               QT_TRANSLATE_NOOP("FileResultModel", "Expert"),
               QT_TRANSLATE_NOOP("FileResultModel", "Round"),
               QT_TRANSLATE_NOOP("FileResultModel", "Export"),
               QT_TRANSLATE_NOOP("FileResultModel", "Signed"),
               QT_TRANSLATE_NOOP("FileResultModel", "Received at"),
               QT_TRANSLATE_NOOP("FileResultModel", "Reasons"))
    REASONS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[FileResult] = []
        self._received: list[ReceivedFile] = []

    def set_results(self, results: list[FileResult]) -> None:
        self.results = results
        self._show()

    def set_received(self, received: list[ReceivedFile]) -> None:
        self._received = received
        self._show()

    def _show(self) -> None:
        """This session's results, then the received files not already among them."""
        shown = {r.sha256 for r in self.results if r.sha256}
        self.set_rows([*self.results, *(f for f in self._received if f.sha256 not in shown)])

    def _status(self, r: FileResult) -> str:
        text = status_label(r.status)
        if r.status == "accepted" and not r.signed:
            text += self.tr(" (unsigned)")
        if r.status == "accepted" and r.legacy_signature:
            text += self.tr(" (old-style signature)")
        if r.status == "accepted" and r.revoked_key:
            text += self.tr(" (revoked key, accepted)")
        return text

    def _yes_no(self, signed: bool) -> str:
        return self.tr("Yes") if signed else self.tr("No")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        if isinstance(r, ReceivedFile):
            return self._received_data(r, index.column(), role)
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return r.path.name
            if col == 1:
                return self._status(r)
            if col == 2:
                return r.expert
            if col == 3:
                return round_label(r.round)
            if col == 4:
                return "" if r.sequence is None else r.sequence
            if col == 5:
                if r.status == "rejected":
                    # What the file carried; whether it verified is in the reasons.
                    carried = r.signed or bool(r.score_file and r.score_file.signature)
                    return self._yes_no(carried) if r.score_file is not None else "—"
                # A file already merged is not read again: its signature is not known here
                # (the row of the first merge below says whether it was signed).
                if r.status == "unchanged" and not r.signed:
                    return "—"
                return self._yes_no(r.signed)
            if col == 6:
                return self.tr("This session")
            if col == self.REASONS:
                sep = "\n" if role == Qt.ItemDataRole.ToolTipRole else "；"
                # The row names the file already: render each problem without it.
                reasons = sep.join(messages.render_problem(replace(p, file=None))
                                   for p in r.problems + r.warnings)
                if r.status == "rejected" and not reasons:
                    return self.tr("Refused: the file could not be read as a score file.")
                return reasons
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            colour = {"accepted": QColor(200, 235, 200), "rejected": QColor(245, 200, 200),
                      "unchanged": QColor(230, 230, 230)}[r.status]
            return QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QBrush(QColor(0, 0, 0))
        return None

    def _received_data(self, f: ReceivedFile, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values: list[Any] = [f.file_name, status_label(f.status), f.expert,
                                 round_label(f.round), f.sequence, self._yes_no(f.signed),
                                 local_time(f.received_at), ""]
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and f.status == "superseded":
            return QBrush(QColor(110, 110, 110))
        return None


