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

_LABELS: dict[str, tuple[str, str]] = {
    Round.INITIAL: ("分组初评", "initial round"),
    Round.REVIEW: ("交叉复评", "cross review"),
}

messages.register({
    "round.unknown": {
        "zh": "评审轮次“{value}”无法识别（应为 initial 分组初评 或 review 交叉复评）",
        "en": "Round '{value}' is not recognised (expected initial or review)",
    },
})


def round_label(round_: str | None, lang: str | None = None) -> str:
    """分组初评 / 交叉复评 (or the English); an unknown code as it is, '' for none."""
    if not round_:
        return ""
    pair = _LABELS.get(round_)
    if pair is None:
        return round_
    return pair[0] if (lang or messages.current_language()) == "zh" else pair[1]


def require_round(round_: str) -> Round:
    """`round_` as a Round; EvaluatorError `round.unknown` for anything else."""
    try:
        return Round(round_)
    except ValueError:
        raise EvaluatorError(Problem("round.unknown", {"value": round_})) from None


def round_from_text(text: str) -> str:
    """The code of a round written as its code or its Chinese or English label; '' if none."""
    for code, labels in _LABELS.items():
        if text in (code, *labels):
            return str(code)
    return ""
