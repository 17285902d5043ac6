"""评分来源: how one alliance's published score of one year came about.

Every number the results screen prints can be traced here: the published score and band
and where it came from (the plenary decision, with any it superseded, or the consensus of
the experts' totals: which totals the trim dropped, the mean of the rest, the half-up
rounding), every expert's total per round and the 20 indicator scores side by side (the
plenary's heat map), the score files those scores came from with the comments, and the
audit entries behind it. A year scored outside the product shows the imported figure and
the import it came from.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.audit_labels import action_text, entity_text
from evaluator.consensus import Consensus, band_classifier, published_score
from evaluator.panel_lists import expert_names
from evaluator.plenary import Decision, decisions
from evaluator.registry import get_alliance
from evaluator.results import (
    AuditRow,
    ScoreFileRow,
    alliance_consensus,
    audit_for_alliance,
    score_files_for_alliance,
    stored_result,
)
from evaluator.rounds import ROUNDS
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace
from ui.labels import band_label, round_label, source_label
from ui.models.rows_model import Index, RowsTableModel
from ui.widgets.heat_map import HeatMapView
from ui.window_fit import fit_size

DROPPED_BACKGROUND = "#ECECEC"


def number(value: float) -> str:
    """A score as written in the report: 85, 79.5, 79.53."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def moment(iso: str | None) -> str:
    """A stored time in local time, as the UI language writes it."""
    return local_time(iso)


@dataclass(frozen=True)
class TotalRow:
    """One expert's total for the alliance in one round, and what the trim did with it."""

    expert: str
    round: str
    total: float
    dropped: str  # '' kept, 'high' dropped as the highest, 'low' dropped as the lowest


def dropped_by_trim(c: Consensus) -> dict[int, str]:
    """Index in `c.totals` -> 'high' | 'low' for the two totals the trim left out: one
    highest and one lowest (consensus.consensus_of drops the ends of the sorted list)."""
    if not c.trimmed or len(c.totals) < 3:
        return {}
    order = sorted(range(len(c.totals)), key=lambda i: (c.totals[i], i))
    return {order[0]: "low", order[-1]: "high"}


class TotalsModel(RowsTableModel[TotalRow]):
    """Each expert's total per round; the two the trim dropped are marked and greyed."""

    HEADERS = (QT_TRANSLATE_NOOP("TotalsModel", "Expert"),
               QT_TRANSLATE_NOOP("TotalsModel", "Round"),
               QT_TRANSLATE_NOOP("TotalsModel", "Total"),
               QT_TRANSLATE_NOOP("TotalsModel", "In the mean"))
    ROW_NUMBERS = True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return r.expert
            if column == 1:
                return round_label(r.round, short=True)
            if column == 2:
                return number(r.total)
            if r.dropped == "high":
                return self.tr("Dropped (highest)")
            if r.dropped == "low":
                return self.tr("Dropped (lowest)")
            return self.tr("Yes")
        if role == Qt.ItemDataRole.UserRole:
            return r.total if column == 2 else r.dropped
        if role == Qt.ItemDataRole.BackgroundRole and r.dropped:
            return QBrush(QColor(DROPPED_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ScoreFilesModel(RowsTableModel[ScoreFileRow]):
    """The score files the alliance's scores came from."""

    HEADERS = (QT_TRANSLATE_NOOP("ScoreFilesModel", "Expert"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "Round"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "Export"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "Signed"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "Received"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "File"),
               QT_TRANSLATE_NOOP("ScoreFilesModel", "Via group file"))
    ROW_NUMBERS = True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        f = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return f.expert
            if column == 1:
                return round_label(f.round, short=True)
            if column == 2:
                return str(f.sequence)
            if column == 3:
                return self.tr("Signed") if f.signed else self.tr("Unsigned")
            if column == 4:
                return moment(f.received_at)
            if column == 5:
                return f.file_name if role == Qt.ItemDataRole.DisplayRole \
                    else f"{f.file_name}\nSHA-256 {f.sha256}"
            return f.via_group_file or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not f.signed:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


ACTION_LABELS = {
    "decide": QT_TRANSLATE_NOOP("AuditModel", "Plenary decision"),
    "merge": QT_TRANSLATE_NOOP("AuditModel", "Score file merged"),
    "import": QT_TRANSLATE_NOOP("AuditModel", "Imported"),
    "publish": QT_TRANSLATE_NOOP("AuditModel", "Results published"),
}
ENTITY_LABELS = {
    "plenary_decision": QT_TRANSLATE_NOOP("AuditModel", "Alliance"),
    "score_file": QT_TRANSLATE_NOOP("AuditModel", "Score file"),
    "scores": QT_TRANSLATE_NOOP("AuditModel", "Scores"),
    "results": QT_TRANSLATE_NOOP("AuditModel", "Results"),
    "history": QT_TRANSLATE_NOOP("AuditModel", "Past results"),
}


class AuditModel(RowsTableModel[AuditRow]):
    """The audit entries behind the score: when, who, what, on what, the details."""

    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "Time"),
               QT_TRANSLATE_NOOP("AuditModel", "By"),
               QT_TRANSLATE_NOOP("AuditModel", "Action"),
               QT_TRANSLATE_NOOP("AuditModel", "Item"),
               QT_TRANSLATE_NOOP("AuditModel", "Details"))

    def details(self, e: AuditRow) -> str:
        new = e.new if isinstance(e.new, dict) else {}
        if e.action == "decide":
            return self.tr("{score}: {reason}").format(score=number(float(new.get("score", 0))),
                                                       reason=new.get("reason", ""))
        if e.action == "merge":
            text = self.tr("{expert}, {round}, export {sequence}").format(
                expert=new.get("expert", ""), round=round_label(new.get("round"), short=True),
                sequence=new.get("sequence", ""))
            if new.get("via_group_file"):
                text += self.tr(", in {file}").format(file=new["via_group_file"])
            if not new.get("signed", True):
                text += self.tr(", unsigned")
            return text
        if e.action == "publish":
            return self.tr("{n} alliances").format(n=len(new) if isinstance(e.new, list) else "")
        if e.action == "import":
            source = new.get("file") or new.get("source") or ""
            return self.tr("{rows} rows from {source}").format(rows=new.get("rows", ""),
                                                               source=source)
        return e.details

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        e = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return moment(e.at)
            if column == 1:
                return e.actor
            if column == 2:
                label = ACTION_LABELS.get(e.action)
                return self.tr(ACTION_LABELS[e.action]) if label else action_text(e.action)
            if column == 3:
                entity = ENTITY_LABELS.get(e.entity)
                name = self.tr(ENTITY_LABELS[e.entity]) if entity else entity_text(e.entity)
                return f"{name} {e.entity_key}"
            if role == Qt.ItemDataRole.ToolTipRole and e.details:
                return e.details  # everything it recorded, also where the column is short
            return self.details(e)
        return None


def _table(model: RowsTableModel[Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class TraceDialog(QDialog):
    """Where the published score of `alliance_id` in `year` comes from.

    `leniency` (expert id -> points): the year's leniency table if the caller has it
    (the results screen computes it with the results), else computed here."""

    def __init__(self, ws: Workspace, year: int, alliance_id: int,
                 leniency: dict[int, float] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.year, self.alliance_id = ws, year, alliance_id
        alliance = get_alliance(ws, alliance_id)
        self.code, self.name = alliance.code, alliance.name
        self.setWindowTitle(self.tr("Where the score comes from — {code}").format(
            code=self.code))

        scored = year in ws.years()
        self.snapshot = stored_result(ws, year, alliance_id, "computed")
        self.history = stored_result(ws, year, alliance_id, "history")
        self.decisions: list[Decision] = ([d for d in decisions(ws, year)
                                           if d.alliance_id == alliance_id]
                                          if scored else [])
        self.decision = next((d for d in reversed(self.decisions)
                              if d.superseded_by is None), None)
        self.consensus: Consensus | None = (alliance_consensus(ws, year, alliance_id, leniency)
                                            if scored else None)
        self.names = expert_names(ws, year)
        self.files = score_files_for_alliance(ws, year, alliance_id) if scored else []
        self.audit = audit_for_alliance(ws, year, alliance_id)
        self.band_of = band_classifier(ws)
        self.source, self.score, self.band = self._published()

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setContentsMargins(6, 6, 6, 6)
        font = self.explanation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # the steps are what is read most
        self.explanation.setFont(font)
        explanation_scroll = QScrollArea()
        explanation_scroll.setWidgetResizable(True)
        explanation_scroll.setWidget(self.explanation)

        self.totals_model = TotalsModel(self)
        self.totals_view = _table(self.totals_model)
        self.heatmap = HeatMapView(names_width=260, row_padding=None)
        self.heatmap_model = self.heatmap.heat_model
        self.files_model = ScoreFilesModel(self)
        self.files_view = _table(self.files_model)
        self.comments = QPlainTextEdit()
        self.comments.setReadOnly(True)
        self.audit_model = AuditModel(self)
        self.audit_view = _table(self.audit_model)

        how = QSplitter()
        how.addWidget(explanation_scroll)
        how.addWidget(self.totals_view)
        how.setChildrenCollapsible(False)
        how.setSizes([620, 500])
        self.totals_view.horizontalHeader().setStretchLastSection(False)
        files = QSplitter(Qt.Orientation.Vertical)
        files.addWidget(self.files_view)
        comments = QWidget()
        comments_layout = QVBoxLayout(comments)
        comments_layout.setContentsMargins(0, 0, 0, 0)
        comments_layout.addWidget(QLabel(self.tr("Comments")))
        comments_layout.addWidget(self.comments)
        files.addWidget(comments)
        files.setChildrenCollapsible(False)
        files.setSizes([420, 180])
        self.tabs = QTabWidget()
        self.tabs.addTab(how, self.tr("How the score came about"))
        self.tabs.addTab(self.heatmap, self.tr("Indicator scores"))
        self.tabs.addTab(files, self.tr("Score files and comments"))
        self.tabs.addTab(self.audit_view, self.tr("Audit log"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self._fill()
        fit_size(self, 1160, 720)

    # -- what was published ----------------------------------------------------------------
    def _published(self) -> tuple[str, int | None, str | None]:
        """(source, score, band) as the results screen shows them."""
        if self.snapshot is not None:
            return "published", self.snapshot["score"], self.snapshot["band"]
        value = self._live_value()
        if value is not None:
            score = published_score(value)
            return ("plenary" if self.decision else "consensus"), score, self.band_of(score)
        if self.history is not None:
            return "history", self.history["score"], self.history["band"]
        return "", None, None

    def _live_value(self) -> float | None:
        if self.decision is not None:
            return float(self.decision.score)
        return None if self.consensus is None else float(self.consensus.consensus)

    # -- the text ------------------------------------------------------------------------------
    def steps(self) -> list[str]:
        """The explanation, one plain-text paragraph per step, in the UI language."""
        steps: list[str] = []
        if self.source == "":
            return [self.tr("There is no result for this alliance in {year}.").format(
                year=self.year)]
        if self.source == "history":
            return self._history_steps()
        if self.snapshot is not None:
            steps += self._snapshot_steps()
        if self.decision is not None:
            steps += self._decision_steps(self.decision)
        if self.consensus is not None:
            steps += self._consensus_steps(self.consensus)
        elif self.decision is not None:
            steps.append(self.tr("There are no complete expert scores for this alliance."))
        value = self._live_value()
        if value is not None:
            rounded = published_score(value)
            steps.append(self.tr("Rounded half up: {value} → {score} ({band}).").format(
                value=f"{value:.2f}", score=rounded, band=band_label(self.band_of(rounded))))
        return steps

    def _history_steps(self) -> list[str]:
        assert self.history is not None
        h = self.history
        steps = [self.tr("The score is the published figure of the {year} results imported "
                         "into this workspace; nobody scored this year here.").format(
                             year=self.year)]
        if h["score"] is None:
            steps.append(self.tr("Published band: {band}; the score of an inactive alliance "
                                 "was not published.").format(band=band_label(h["band"])))
        if h.get("code_as_published") or h.get("name_as_published"):
            steps.append(self.tr("Published as: {code} {name}.").format(
                code=h.get("code_as_published") or "", name=h.get("name_as_published") or ""))
        imports = [e for e in self.audit if e.entity == "history" and e.action == "import"]
        if imports:
            e = imports[-1]
            new = e.new if isinstance(e.new, dict) else {}
            steps.append(self.tr("Imported from {source} on {at} by {actor}.").format(
                source=new.get("file") or new.get("source") or "-", at=moment(e.at),
                actor=e.actor))
        steps.append(self.tr("Recorded on {at}.").format(at=moment(h["recorded_at"])))
        return steps

    def _snapshot_steps(self) -> list[str]:
        assert self.snapshot is not None
        publishes = [e for e in self.audit if e.action == "publish"]
        who = publishes[-1].actor if publishes else "-"
        steps = [self.tr("The results of {year} were published on {at} by {actor}; the "
                         "published score is frozen. How it was computed:").format(
                             year=self.year, at=moment(self.snapshot["recorded_at"]),
                             actor=who)]
        value = self._live_value()
        live = None if value is None else published_score(value)
        if live != self.snapshot["score"]:
            steps.append(self.tr("The scores have changed since: computed now, the score "
                                 "would be {live}. Publish again to update it.").format(
                                     live="-" if live is None else live))
        return steps

    def _decision_steps(self, d: Decision) -> list[str]:
        if d.decision == "accept":
            what = self.tr("the plenary accepted the consensus, {score}").format(
                score=number(d.score))
        else:
            what = self.tr("the plenary set the final score to {score}").format(
                score=number(d.score))
        steps = [self.tr("Plenary decision: {what}. Reason: {reason}. Decided by {actor} on "
                         "{at}.").format(what=what, reason=d.reason, actor=d.decided_by,
                                         at=moment(d.decided_at))]
        if d.consensus_before is not None:
            steps.append(self.tr("The consensus before the decision was {value}.").format(
                value=f"{d.consensus_before:.2f}"))
        for old in self.decisions:
            if old.superseded_by is not None:
                steps.append(self.tr("Superseded earlier decision: {score} by {actor} on {at} "
                                     "({reason}).").format(
                                         score=number(old.score), actor=old.decided_by,
                                         at=moment(old.decided_at), reason=old.reason))
        if self.consensus is not None:
            steps.append(self.tr("For reference, the experts' consensus:"))
        return steps

    def _who(self, c: Consensus, i: int) -> str:
        s = c.sets[i]
        return self.tr("{expert}, {round}").format(
            expert=self.names.get(s.expert_id, str(s.expert_id)),
            round=round_label(s.round, short=True))

    def _consensus_steps(self, c: Consensus) -> list[str]:
        counts = {r: sum(1 for s in c.sets if s.round == r) for r in ROUNDS}
        steps = [self.tr("Consensus of {n} expert totals ({initial} initial, {review} "
                         "review).").format(n=c.n, initial=counts["initial"],
                                            review=counts["review"])]
        dropped = dropped_by_trim(c)
        if dropped:
            high = next(i for i, k in dropped.items() if k == "high")
            low = next(i for i, k in dropped.items() if k == "low")
            steps.append(self.tr("The highest total, {high} ({high_who}), and the lowest, "
                                 "{low} ({low_who}), were dropped; the mean of the other "
                                 "{kept} is {mean}.").format(
                                     high=number(c.totals[high]), high_who=self._who(c, high),
                                     low=number(c.totals[low]), low_who=self._who(c, low),
                                     kept=c.n - 2, mean=f"{c.consensus:.2f}"))
        else:
            trim_from = int(self.ws.setting("consensus.trim_from"))
            steps.append(self.tr("With fewer than {trim_from} totals none is dropped: the "
                                 "mean of all {n} is {mean}.").format(
                                     trim_from=trim_from, n=c.n, mean=f"{c.consensus:.2f}"))
        rounds = self.tr("; ").join(
            self.tr("{round} mean {mean}").format(round=round_label(r, short=True),
                                                  mean=f"{m:.2f}")
            for r, m in c.by_round.items())
        steps.append(self.tr("Median {median}; lowest to highest {min}–{max}; {rounds}.")
                     .format(median=number(c.median), min=number(c.min), max=number(c.max),
                             rounds=rounds))
        if c.leniency_adjusted is not None:
            steps.append(self.tr("Adjusted for the experts' leniency: {value} (for "
                                 "information only; not used).").format(
                                     value=f"{c.leniency_adjusted:.2f}"))
        return steps

    def _fill(self) -> None:
        score = "-" if self.score is None else str(self.score)
        band = band_label(self.band) if self.band else "-"
        title = html.escape(f"{self.code} {self.name}")
        self.heading.setText(
            f"<span style='font-size:15pt'><b>{title}</b></span><br>"
            + "<span style='font-size:13pt'>" + html.escape(
                self.tr("{year}: published score {score}, {band} — {source}").format(
                    year=self.year, score=score, band=band, source=source_label(self.source)))
            + "</span>")
        self.explanation.setText("".join(f"<p style='margin-bottom:6px'>{html.escape(s)}</p>"
                                         for s in self.steps()))
        c = self.consensus
        dropped = dropped_by_trim(c) if c else {}
        self.totals_model.set_rows([] if c is None else [
            TotalRow(self.names.get(s.expert_id, str(s.expert_id)), s.round, s.total,
                     dropped.get(i, "")) for i, s in enumerate(c.sets)])
        self.totals_view.setVisible(c is not None)  # nothing to list for a past year
        if c is not None and self.year in self.ws.years():
            self.heatmap.set_data(self.ws.rubric(self.year), c.sets, self.names, set())
        self.files_model.set_rows(self.files)
        lines = []
        for s in c.sets if c else []:
            for code, text in s.comments.items():
                lines.append(self.tr("{expert} ({round}) · {indicator}: {comment}").format(
                    expert=self.names.get(s.expert_id, str(s.expert_id)),
                    round=round_label(s.round, short=True), indicator=code, comment=text))
        self.comments.setPlainText("\n".join(lines) or self.tr("No comments."))
        self.audit_model.set_rows(self.audit)


def open_trace(ws: Workspace, year: int, alliance_id: int,
               leniency: dict[int, float] | None = None,
               parent: QObject | None = None) -> TraceDialog:
    """Show the trace window-modal (not blocking the caller) and return it."""
    dialog = TraceDialog(ws, year, alliance_id, leniency,
                         parent if isinstance(parent, QWidget) else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
