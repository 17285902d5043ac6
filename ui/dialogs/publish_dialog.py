"""评价结果 → 发布结果: what publishing freezes, who publishes, and every plenary agenda
item still without a decision (the F1 band-cut cases first). With undecided items the
Publish button stays disabled until the publisher ticks a confirmation naming their
count; the core refuses if the count changed meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.results import Undecided
from ui.labels import flag_label


class PublishDialog(QDialog):
    def __init__(self, year: int, alliances: int, who: str, undecided: list[Undecided],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undecided = undecided
        self.setWindowTitle(self.tr("Publish results"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Publishing freezes the %1 results of %2 alliances; later score changes do not "
            "change them until you publish again. Published by: %3.")
            .replace("%1", str(year)).replace("%2", str(alliances)).replace("%3", who))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.confirm: QCheckBox | None = None
        if undecided:
            warning = QLabel(self.tr(
                "%1 plenary agenda items have no decision. Their published score will be the "
                "experts' consensus as it stands; items marked F1 sit on a band cut.")
                .replace("%1", str(len(undecided))))
            warning.setWordWrap(True)
            warning.setStyleSheet("font-weight: bold;")
            layout.addWidget(warning)
            self.items = QListWidget()
            self.items.addItems([self.item_text(u) for u in undecided])
            layout.addWidget(self.items, 1)
            self.confirm = QCheckBox(self.tr(
                "Publish with these %1 items undecided").replace("%1", str(len(undecided))))
            layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.publish_button.setText(self.tr("Publish"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.confirm is not None:
            self.publish_button.setEnabled(False)
            self.confirm.toggled.connect(self.publish_button.setEnabled)

    def item_text(self, u: Undecided) -> str:
        return self.tr("%1 %2: %3, consensus %4").replace("%1", u.code).replace(
            "%2", u.name).replace("%3", "; ".join(flag_label(r) for r in u.rules)).replace(
            "%4", f"{u.consensus:.2f}")

    def accepted_undecided(self) -> int:
        """The count the publisher confirmed (0 when nothing was undecided)."""
        return len(self.undecided) if self.confirm is not None and self.confirm.isChecked() \
            else 0
