"""What the core's codes read as on screen: bands, rounds, score sources, roles, flags.

The core stores codes ('high', 'initial', 'consensus', 'F1'); every screen shows them
through these functions so a code never reaches the user raw. Bands, rounds and roles
are named by the core (evaluator.bands, evaluator.rounds, evaluator.panel) in the UI's
language; the labels only the views use (score sources, flags' short names, score-file
states) have their Chinese in ui/labels_zh.tsv: their English sources are marked with
QT_TRANSLATE_NOOP so pyside6-lupdate sees them, and the lookup translates them at
display time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from evaluator import bands, messages, panel, rounds

if TYPE_CHECKING:
    from evaluator.rubric import Rubric
    from evaluator.workspace import Workspace

SOURCE_LABELS = {
    "plenary": QT_TRANSLATE_NOOP("Labels", "Plenary decision"),
    "consensus": QT_TRANSLATE_NOOP("Labels", "Consensus score"),
    "published": QT_TRANSLATE_NOOP("Labels", "Published results"),
    "history": QT_TRANSLATE_NOOP("Labels", "Historical results"),
    "published:plenary": QT_TRANSLATE_NOOP("Labels", "Published (plenary decision)"),
    "published:consensus": QT_TRANSLATE_NOOP("Labels", "Published (consensus score)"),
}
FLAG_LABELS = {
    "F1": QT_TRANSLATE_NOOP("Labels", "Band boundary"),
    "F2": QT_TRANSLATE_NOOP("Labels", "Large spread"),
    "F3": QT_TRANSLATE_NOOP("Labels", "Lone dissenter"),
    "F4": QT_TRANSLATE_NOOP("Labels", "Group versus group"),
}
SCORE_FILE_STATUS_LABELS = {
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "superseded": QT_TRANSLATE_NOOP("Labels", "Superseded"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "unchanged": QT_TRANSLATE_NOOP("Labels", "Already merged"),
    "partial": QT_TRANSLATE_NOOP("Labels", "Partial"),
    "missing": QT_TRANSLATE_NOOP("Labels", "Missing"),
}


def band_label(band: str | None) -> str:
    """The activity band's name (evaluator.bands, the one place bands are named) in the
    UI language; an unknown code as it is."""
    return bands.band_name(band, messages.current_language()) if band else ""


def round_label(round_: str | None, short: bool = False) -> str:
    """The round's name (evaluator.rounds, the one place rounds are named) in the UI
    language."""
    return rounds.round_label(round_, messages.current_language(), short=short)


def round_mark(round_: str | None) -> str:
    return rounds.round_mark(round_, messages.current_language())


def source_label(source: str | None, basis: str | None = None) -> str:
    """Where a result's score comes from; `basis` says what a published score was frozen
    from (a plenary decision or the consensus)."""
    if source == "published" and basis in ("plenary", "consensus"):
        source = f"published:{basis}"
    if source not in SOURCE_LABELS:
        return source or ""
    return QCoreApplication.translate("Labels", SOURCE_LABELS[source])


def role_label(role: str | None) -> str:
    """The panel role's name (evaluator.panel) in the UI language."""
    return panel.role_label(role, messages.current_language())


def flag_label(rule: str | None) -> str:
    """'F1' → 'F1 档位边界'."""
    if rule not in FLAG_LABELS:
        return rule or ""
    name = QCoreApplication.translate("Labels", FLAG_LABELS[rule])
    return f"{rule} {name}"


def status_label(status: str | None) -> str:
    if status not in SCORE_FILE_STATUS_LABELS:
        return status or ""
    return QCoreApplication.translate("Labels", SCORE_FILE_STATUS_LABELS[status])


def flag_text(hit: Any) -> str:
    """A flag's explanation (evaluator.flags.FlagHit) with its round and band codes
    shown as labels, in the UI language."""
    numbers = dict(hit.numbers)
    for key, value in numbers.items():
        if isinstance(value, str) and key.endswith("band"):
            numbers[key] = band_label(value)
        elif isinstance(value, str) and key == "round":
            numbers[key] = round_label(value, short=True)
    return messages.text(f"flags.{hit.rule}", None, **numbers, **hit.thresholds)


def batch_names(ws: Workspace) -> dict[str, str]:
    """Batch id -> the batch's name in the UI's language (the batches table holds both;
    the core's figures carry the Chinese one)."""
    english = messages.current_language() == "en"
    return {b["id"]: (b["name_en"] or b["name"]) if english else b["name"]
            for b in ws.batches()}


def indicator_names(rubric: Rubric) -> dict[str, str]:
    """Indicator code -> its name in the UI's language."""
    english = messages.current_language() == "en"
    return {ind.code: ind.name_en if english else ind.name for ind in rubric.indicators}
