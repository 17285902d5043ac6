"""The two rounds of scoring (report 二.3): 分组初评, then 集中交叉分组复评.

The one place a round is defined: its code (stored in the workspace, packages and score
files), its label in Chinese and English, and the check of a round named by a user.
"""

from __future__ import annotations

from enum import StrEnum

from evaluator import messages
from evaluator.errors import EvaluatorError, Problem


class Round(StrEnum):
    INITIAL = "initial"
    REVIEW = "review"


ROUNDS: tuple[Round, ...] = tuple(Round)

messages.register({
    "round.unknown": {
        "zh": "评审轮次“{value}”无法识别（应为 initial 分组初评 或 review 交叉复评）",
        "en": "Round '{value}' is not recognised (expected initial or review)",
    },
    # The round's name, its short form (table columns) and its one-character mark (the
    # narrow heat-map headers).
    "round.initial": {"zh": "分组初评", "en": "Initial group review"},
    "round.review": {"zh": "交叉复评", "en": "Cross review"},
    "round.initial.short": {"zh": "初评", "en": "Initial"},
    "round.review.short": {"zh": "复评", "en": "Review"},
    "round.initial.mark": {"zh": "初", "en": "I"},
    "round.review.mark": {"zh": "复", "en": "R"},
})


def round_text(round_: str | None, form: str = "") -> messages.Text | str:
    """The round's name for a message's parameters, rendered in the message's language;
    an unknown code as it is. `form`: '' (分组初评), 'short' (初评) or 'mark' (初)."""
    if round_ not in ROUNDS:
        return round_ or ""
    return messages.Text(f"round.{round_}.{form}" if form else f"round.{round_}")


def round_label(round_: str | None, lang: str | None = None, *, short: bool = False) -> str:
    """分组初评 / 交叉复评 (初评 / 复评 when `short`), or the English; an unknown code as it
    is, '' for none."""
    label = round_text(round_, "short" if short else "")
    return label.render(lang) if isinstance(label, messages.Text) else label


def round_mark(round_: str | None, lang: str | None = None) -> str:
    """初 / 复 (I / R): one character for a narrow column header."""
    label = round_text(round_, "mark")
    return label.render(lang) if isinstance(label, messages.Text) else label


def require_round(round_: str) -> Round:
    """`round_` as a Round; EvaluatorError `round.unknown` for anything else."""
    try:
        return Round(round_)
    except ValueError:
        raise EvaluatorError(Problem("round.unknown", {"value": round_})) from None


def round_from_text(text: str) -> str:
    """The code of a round written as its code or its name in Chinese or English (as a
    score file's 轮次 holds it); '' if none."""
    for round_ in ROUNDS:
        if text in (round_.value, round_label(round_, "zh"), round_label(round_, "en")):
            return round_.value
    return ""
