"""The command line's human output in the user's language: `key: value` lines whose keys
and coded values are translated (the --json output keeps the codes)."""

from __future__ import annotations

import sys
from typing import Any

from evaluator import messages

FIELDS: dict[str, tuple[str, str]] = {
    "path": ("工作区", "Workspace"),
    "years": ("评价年度", "Evaluation years"),
    "batches": ("各批次试点联盟数", "Alliances per batch in the programme"),
    "alliances": ("名录中的联盟", "Alliances in the registry"),
    "experts": ("专家", "Experts"),
    "indicators": ("二级指标", "Indicators"),
    "rounds_scored": ("已有评分的轮次", "Rounds with scores"),
    "scores": ("评分", "Scores"),
    "history_years": ("已导入的历年结果", "Past years imported"),
    "working": ("操作人", "Who is working"),
    "expert": ("专家", "Expert"),
    "round": ("轮次", "Round"),
    "year": ("年度", "Year"),
    "sequence": ("导出序号", "Export number"),
    "exported_at": ("导出时间", "Exported at"),
    "score_sets": ("评分联盟数", "Alliances scored"),
    "sha256": ("SHA-256", "SHA-256"),
}
ROUNDS: dict[str, tuple[str, str]] = {
    "initial": ("分组初评", "initial round"), "review": ("交叉复评", "cross review"),
}
DECISIONS: dict[str, tuple[str, str]] = {
    "accept": ("维持共识分", "consensus kept"), "override": ("改定分数", "score set"),
}


def _zh() -> bool:
    return messages.current_language() == "zh"


def word(table: dict[str, tuple[str, str]], code: str) -> str:
    pair = table.get(code)
    return code if pair is None else pair[0 if _zh() else 1]


def shown(value: Any) -> str:
    """A value as a person reads it: lists joined, nothing for None."""
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ("、" if _zh() else ", ").join(shown(v) for v in value) or "—"
    if isinstance(value, dict):
        return ("；" if _zh() else "; ").join(f"{k} {shown(v)}" for k, v in value.items())
    return str(value)


def print_fields(pairs: list[tuple[str, Any]]) -> None:
    colon = "：" if _zh() else ": "
    for key, value in pairs:
        sys.stdout.write(f"{word(FIELDS, key)}{colon}{shown(value)}\n")
