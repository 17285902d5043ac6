"""Rubric-level entry: an indicator's standard read as its three levels (满分 / 部分得分 /
零分, Full / Partial / Zero) with the points each gives, for experts who score by choosing
the description that fits rather than typing a number (fll-sw's "no number" mode).

Full gives the indicator's maximum, zero gives 0, partial gives half the maximum rounded
down to the rubric's step (2.5 of 5). A standard without the three markers has no levels.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from evaluator.rubric import Indicator, Rubric

LEVELS = ("full", "partial", "zero")
_MARKERS = {
    "full": ("满分", "Full"),
    "partial": ("部分得分", "Partial"),
    "zero": ("零分", "Zero"),
}
_SPLIT = re.compile(r"(满分|部分得分|零分|Full|Partial|Zero)\s*[:：]\s*")


@dataclass(frozen=True)
class Level:
    key: str  # 'full' | 'partial' | 'zero'
    description: str
    points: float


def level_points(indicator: Indicator, rubric: Rubric) -> dict[str, float]:
    half = math.floor(indicator.max_points / 2 / rubric.step) * rubric.step
    return {"full": indicator.max_points, "partial": half, "zero": 0.0}


def indicator_levels(indicator: Indicator, rubric: Rubric, english: bool = False
                     ) -> list[Level]:
    """The three levels of `indicator`'s standard (zh or en text), best first; [] when the
    standard does not name all three."""
    text = indicator.standard_en if english else indicator.standard
    parts = _SPLIT.split(text)
    found: dict[str, str] = {}
    for marker, description in zip(parts[1::2], parts[2::2], strict=False):
        key = next(k for k, names in _MARKERS.items() if marker in names)
        found[key] = description.strip()
    if set(found) != set(LEVELS):
        return []
    points = level_points(indicator, rubric)
    return [Level(key, found[key], points[key]) for key in LEVELS]
