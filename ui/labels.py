"""What the core's codes read as on screen: bands, rounds, score sources, roles, flags.

The core stores codes ('high', 'initial', 'consensus', 'F1'); every screen shows them
through these functions so a code never reaches the user raw and each has one Chinese
label (ui/labels_zh.tsv). The English sources are marked with QT_TRANSLATE_NOOP so
pyside6-lupdate sees them; the lookup translates them at display time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from evaluator import messages

if TYPE_CHECKING:
    from evaluator.rubric import Rubric
    from evaluator.workspace import Workspace

BAND_LABELS = {
    "high": QT_TRANSLATE_NOOP("Labels", "High activity"),
    "fairly_high": QT_TRANSLATE_NOOP("Labels", "Fairly high activity"),
    "average": QT_TRANSLATE_NOOP("Labels", "Average activity"),
    "inactive": QT_TRANSLATE_NOOP("Labels", "Inactive"),
}
ROUND_LABELS = {
    "initial": QT_TRANSLATE_NOOP("Labels", "Initial group review"),
    "review": QT_TRANSLATE_NOOP("Labels", "Cross review"),
}
ROUND_SHORT_LABELS = {
    "initial": QT_TRANSLATE_NOOP("Labels", "Initial"),
    "review": QT_TRANSLATE_NOOP("Labels", "Review"),
}
# One character (初/复) for the narrow heat-map headers.
ROUND_MARKS = {
    "initial": QT_TRANSLATE_NOOP("Labels", "I"),
    "review": QT_TRANSLATE_NOOP("Labels", "R"),
}
SOURCE_LABELS = {
    "plenary": QT_TRANSLATE_NOOP("Labels", "Plenary decision"),
    "consensus": QT_TRANSLATE_NOOP("Labels", "Consensus score"),
    "published": QT_TRANSLATE_NOOP("Labels", "Published results"),
    "history": QT_TRANSLATE_NOOP("Labels", "Historical results"),
    "published:plenary": QT_TRANSLATE_NOOP("Labels", "Published (plenary decision)"),
    "published:consensus": QT_TRANSLATE_NOOP("Labels", "Published (consensus score)"),
}
ROLE_LABELS = {
    "advisor": QT_TRANSLATE_NOOP("Labels", "Advisor"),
    "leader": QT_TRANSLATE_NOOP("Labels", "Group leader"),
    "deputy_leader": QT_TRANSLATE_NOOP("Labels", "Deputy group leader"),
    "member": QT_TRANSLATE_NOOP("Labels", "Member"),
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
    if band not in BAND_LABELS:
        return band or ""
    return QCoreApplication.translate("Labels", BAND_LABELS[band])


def round_label(round_: str | None, short: bool = False) -> str:
    if round_ not in ROUND_LABELS:
        return round_ or ""
    if short:
        return QCoreApplication.translate("Labels", ROUND_SHORT_LABELS[round_])
    return QCoreApplication.translate("Labels", ROUND_LABELS[round_])


def round_mark(round_: str | None) -> str:
    if round_ not in ROUND_MARKS:
        return round_ or ""
    return QCoreApplication.translate("Labels", ROUND_MARKS[round_])


def source_label(source: str | None, basis: str | None = None) -> str:
    """Where a result's score comes from; `basis` says what a published score was frozen
    from (a plenary decision or the consensus)."""
    if source == "published" and basis in ("plenary", "consensus"):
        source = f"published:{basis}"
    if source not in SOURCE_LABELS:
        return source or ""
    return QCoreApplication.translate("Labels", SOURCE_LABELS[source])


def role_label(role: str | None) -> str:
    if role not in ROLE_LABELS:
        return role or ""
    return QCoreApplication.translate("Labels", ROLE_LABELS[role])


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
