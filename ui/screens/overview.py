"""概览: what the workspace holds for the year, as cards, and the year's stage checklist.

The counts are the core's (`evaluator.overview.year_overview`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evaluator import messages
from evaluator.overview import ROUNDS, YearOverview, year_overview
from ui.context import AppContext


class Card(QFrame):
    """A big number with a label under it and an optional detail line."""

    def __init__(self, value: str, label: str, detail: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#overviewCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 8px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(190)
        self.value_label = QLabel(value)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setStyleSheet("color: #1f5f8b;")
        self.caption = QLabel(label)
        self.caption.setWordWrap(True)
        caption_font = self.caption.font()
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        self.detail = QLabel(detail)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: palette(placeholder-text);")
        self.detail.setVisible(bool(detail))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)


class StageRow(QWidget):
    def __init__(self, number: int, name: str, done: bool, detail: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done = done
        mark = QLabel("✓" if done else str(number))
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setFixedSize(34, 34)
        colour = "#2e7d32" if done else "#9e9e9e"
        mark.setStyleSheet(f"border-radius: 17px; background: {colour}; color: white;"
                           " font-weight: bold;")
        self.name_label = QLabel(name)
        name_font = self.name_label.font()
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.state_label = QLabel(detail)
        self.state_label.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name_label)
        text.addWidget(self.state_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)


class Screen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: YearOverview | None = None
        self.cards: dict[str, Card] = {}
        self.stages: list[StageRow] = []

        self.heading: QLabel | None = None
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(24, 16, 24, 24)
        self.body_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        context.data_changed.connect(self._data_changed)
        self.refresh()

    def title(self) -> str:
        return self.tr("Overview")

    def _data_changed(self, _what: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.cards = {}
        self.stages = []
        if self.context.workspace is None or self.context.year is None:
            self.overview = None
            self.body_layout.addWidget(QLabel(self.tr("No workspace is open.")))
            self.body_layout.addStretch(1)
            return
        data = year_overview(self.context.ws, self.context.year)
        self.overview = data
        self.heading = QLabel(data.title)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.body_layout.addWidget(self.heading)
        self._add_stages(data)
        self._add_section(self.tr("Alliances"), self._alliance_cards(data))
        self._add_section(self.tr("Expert panel and scoring"), self._panel_cards(data))
        self.body_layout.addStretch(1)

    # -- cards -------------------------------------------------------------------------
    def _alliance_cards(self, data: YearOverview) -> list[tuple[str, Card]]:
        zh = messages.current_language() == "zh"
        cards: list[tuple[str, Card]] = []
        official = sum(b["size"] for b in data.batches)
        sources = "; ".join(dict.fromkeys(b["source"] for b in data.batches))
        cards.append(("alliances", Card(
            str(data.alliances), self.tr("Alliances in the registry"),
            self.tr("%1 in the programme (%2; change in Settings)").replace(
                "%1", str(official)).replace("%2", sources))))
        for batch in data.batches:
            name = batch["name"] if zh else batch["name_en"]
            cards.append((f"batch_{batch['id']}", Card(
                str(batch["size"]), name,
                self.tr("official size · %1 in the registry").replace(
                    "%1", str(batch["registered"])))))
        cards.append(("submissions", Card(
            str(data.submissions), self.tr("Submissions received"),
            self.tr("for %1").replace("%1", str(data.year)))))
        if data.eligible is not None:
            cards.append(("eligible", Card(
                str(data.eligible), self.tr("Eligible for evaluation"),
                self.tr("entered enough information"))))
        history = (", ".join(str(y) for y in data.history_years)
                   if data.history_years else self.tr("none yet"))
        cards.append(("history", Card(
            str(len(data.history_years)), self.tr("Years of published results"), history)))
        return cards

    def _panel_cards(self, data: YearOverview) -> list[tuple[str, Card]]:
        labels = {"initial": self.tr("Initial round: score sheets received / assigned"),
                  "review": self.tr("Review round: score sheets received / assigned")}
        cards: list[tuple[str, Card]] = [
            ("experts", Card(str(data.experts), self.tr("Experts"),
                             self.tr("in %1 groups").replace("%1", str(data.groups)))),
        ]
        for rnd in ROUNDS:
            counts = data.rounds[rnd]
            cards.append((f"round_{rnd}", Card(
                f"{counts.assigned_sheets_scored} / {counts.assignments}", labels[rnd],
                self.tr("%1 sheets from %2 experts").replace("%1", str(counts.sheets))
                    .replace("%2", str(counts.experts)))))
        cards.append(("plenary", Card(
            str(data.plenary_decisions), self.tr("Plenary decisions"),
            self.tr("alliances settled in the plenary"))))
        return cards

    def _add_section(self, heading: str, cards: list[tuple[str, Card]]) -> None:
        label = QLabel(heading)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        self.body_layout.addWidget(label)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        columns = 4
        for i, (key, card) in enumerate(cards):
            self.cards[key] = card
            grid.addWidget(card, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        self.body_layout.addWidget(holder)

    # -- stages ------------------------------------------------------------------------
    def _add_stages(self, data: YearOverview) -> None:
        label = QLabel(self.tr("Stages of the year's work"))
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        self.body_layout.addWidget(label)
        initial, review = data.rounds["initial"], data.rounds["review"]
        sheets = self.tr("%1 of %2 assigned score sheets received")
        stages = [
            (self.tr("Initial group scoring"), initial.done,
             sheets.replace("%1", str(initial.assigned_sheets_scored))
                   .replace("%2", str(initial.assignments))),
            (self.tr("Cross-group review"), review.done,
             sheets.replace("%1", str(review.assigned_sheets_scored))
                   .replace("%2", str(review.assignments))),
            (self.tr("Plenary review"), data.plenary_decisions > 0,
             self.tr("%1 decisions recorded").replace("%1", str(data.plenary_decisions))),
            (self.tr("Publish results"), data.results_published > 0,
             self.tr("%1 results published").replace("%1", str(data.results_published))),
        ]
        frame = QFrame()
        frame.setObjectName("stageFrame")
        frame.setStyleSheet("#stageFrame { background: palette(base); border: 1px solid"
                            " palette(mid); border-radius: 8px; }")
        column = QHBoxLayout(frame)
        column.setContentsMargins(16, 8, 16, 8)
        column.setSpacing(16)
        for i, (name, done, detail) in enumerate(stages, start=1):
            state = self.tr("Done") if done else self.tr("Not done yet")
            row = StageRow(i, name, done, f"{state} · {detail}")
            self.stages.append(row)
            column.addWidget(row, 1)
        self.body_layout.addWidget(frame)
