"""Flags for the plenary (重要差异) and the agenda they make.

Rules from ../shared/method.md, on the 100-point total, every number a setting:
F1 band boundary, F2 large spread, F3 lone dissenter, F4 group versus group. The
per-indicator detail explains a flag and never raises one. Flag first, trim second: the
rules look at every total, not the trimmed mean's inputs.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evaluator import messages
from evaluator.consensus import Consensus, consensus_table
from evaluator.rubric import Rubric
from evaluator.workspace import Workspace

# Agenda order (method.md): F1 closest to a cut first, then F3, F4, F2.
RULE_ORDER = ("F1", "F3", "F4", "F2")

messages.register({
    "flags.F1": {
        "zh": "F1 档位边界：共识分 {consensus:.2f} 距分档线 {cut:g} 仅 {distance:.2f} 分"
              "（阈值 {margin:g}），线下 {below} 人、线上 {above} 人",
        "en": "F1 band boundary: consensus {consensus:.2f} is {distance:.2f} from the cut "
              "{cut:g} (threshold {margin:g}); {below} expert(s) below, {above} at or above",
    },
    "flags.F2": {
        "zh": "F2 极差过大：最高 {max:g} − 最低 {min:g} = {spread:g}（{n} 个评分，阈值 {threshold:g}）",
        "en": "F2 large spread: max {max:g} - min {min:g} = {spread:g} ({n} scores, "
              "threshold {threshold:g})",
    },
    "flags.F3": {
        "zh": "F3 孤立意见：{expert}（{round}）给 {total:g}，其余专家均值 {others:.2f}，"
              "相差 {distance:.2f}（阈值 {threshold:g}）",
        "en": "F3 lone dissenter: {expert} ({round}) gave {total:g}, the others' mean is "
              "{others:.2f}, {distance:.2f} apart (threshold {threshold:g})",
    },
    "flags.F4": {
        "zh": "F4 组间差异：初评组均值 {initial:.2f}（{initial_band}），复评组均值 {review:.2f}"
              "（{review_band}），相差 {gap:.2f}（阈值 {gap_threshold:g}，跨档 {across_threshold:g}）",
        "en": "F4 group versus group: initial mean {initial:.2f} ({initial_band}), review mean "
              "{review:.2f} ({review_band}), {gap:.2f} apart (threshold {gap_threshold:g}, "
              "{across_threshold:g} across bands)",
    },
    "flags.indicator": {
        "zh": "分项 {code} {name}：{min:g}–{max:g}，极差 {spread:g}（满分 {max_points:g}）",
        "en": "Indicator {code} {name}: {min:g}-{max:g}, spread {spread:g} (max {max_points:g})",
    },
})


@dataclass(frozen=True)
class FlagHit:
    rule: str  # 'F1' .. 'F4'
    numbers: dict[str, Any]  # what triggered it
    thresholds: dict[str, Any]  # the settings in force

    def text(self, lang: str | None = None) -> str:
        return messages.text(f"flags.{self.rule}", lang, **self._labelled(lang),
                             **self.thresholds)

    def _labelled(self, lang: str | None) -> dict[str, Any]:
        """The numbers, with round and band codes shown as the report names them."""
        from evaluator.merge import ROUND_LABEL
        from evaluator.results import BAND_NAMES, BAND_NAMES_EN

        zh = (lang or messages.current_language()) == "zh"
        out = dict(self.numbers)
        if "round" in out:
            out["round"] = ROUND_LABEL.get(out["round"], (out["round"],) * 2)[0 if zh else 1]
        for key in ("initial_band", "review_band"):
            if key in out:
                out[key] = (BAND_NAMES if zh else BAND_NAMES_EN).get(out[key], out[key])
        return out


@dataclass(frozen=True)
class IndicatorDetail:
    code: str
    name: str
    name_en: str
    min: float
    max: float
    spread: float
    max_points: float

    def text(self, lang: str | None = None) -> str:
        return messages.text("flags.indicator", lang, code=self.code,
                             name=self.name if (lang or messages.current_language()) == "zh"
                             else self.name_en, min=self.min, max=self.max,
                             spread=self.spread, max_points=self.max_points)


@dataclass
class AgendaItem:
    alliance_id: int
    code: str
    name: str
    rules: list[FlagHit]
    consensus: Consensus
    indicators: list[IndicatorDetail] = field(default_factory=list)

    @property
    def rule_names(self) -> list[str]:
        return [h.rule for h in self.rules]

    @property
    def lead_rule(self) -> str:
        return min(self.rule_names, key=RULE_ORDER.index)

    def hit(self, rule: str) -> FlagHit | None:
        return next((h for h in self.rules if h.rule == rule), None)

    def as_dict(self) -> dict[str, Any]:
        c = self.consensus
        return {
            "alliance_id": self.alliance_id, "code": self.code, "name": self.name,
            "rules": [{"rule": h.rule, "numbers": h.numbers, "thresholds": h.thresholds,
                       "text": h.text()} for h in self.rules],
            "consensus": c.consensus, "median": c.median, "min": c.min, "max": c.max,
            "n": c.n, "trimmed": c.trimmed, "by_round": c.by_round,
            "leniency_adjusted": c.leniency_adjusted,
            "indicators": [{"code": d.code, "name": d.name, "min": d.min, "max": d.max,
                            "spread": d.spread, "max_points": d.max_points}
                           for d in self.indicators],
        }


FLAG_SETTING_KEYS = (
    "consensus.trim_from", "flags.f1_margin", "flags.f2_spread_small",
    "flags.f2_spread_large", "flags.f3_distance", "flags.f3_min_scores", "flags.f4_gap",
    "flags.f4_gap_across_bands", "flags.indicator_steps", "flags.indicator_share",
    "bands.average", "bands.fairly_high", "bands.high")


def flag_thresholds(ws: Workspace) -> dict[str, Any]:
    """Every setting the flags read, by key: what a group package carries so that the
    group leader's differences use the secretariat's thresholds."""
    return {k: ws.setting(k) for k in FLAG_SETTING_KEYS}


def default_thresholds() -> dict[str, Any]:
    """The flags' settings at their defaults (a group package from before they were kept)."""
    from evaluator.settings import SETTINGS_BY_KEY

    return {k: SETTINGS_BY_KEY[k].default for k in FLAG_SETTING_KEYS}


def _band(score: float, settings: Mapping[str, Any]) -> str:
    if score >= float(settings["bands.high"]):
        return "high"
    if score >= float(settings["bands.fairly_high"]):
        return "fairly_high"
    if score >= float(settings["bands.average"]):
        return "average"
    return "inactive"


def _cuts(settings: Mapping[str, Any]) -> list[float]:
    return sorted(float(settings[k]) for k in ("bands.average", "bands.fairly_high",
                                               "bands.high"))


def _f1(c: Consensus, cuts: list[float], margin: float) -> FlagHit | None:
    best: FlagHit | None = None
    for cut in cuts:
        distance = abs(c.consensus - cut)
        below = sum(1 for t in c.totals if t < cut)
        above = len(c.totals) - below
        if distance <= margin and below and above and (
                best is None or distance < best.numbers["distance"]):
            best = FlagHit("F1", {"consensus": c.consensus, "cut": cut, "distance": distance,
                                  "below": below, "above": above}, {"margin": margin})
    return best


def _f2(c: Consensus, small: float, large: float, trim_from: int) -> FlagHit | None:
    # "up to 4 scores" / "5 or more" is the same count at which the consensus trims.
    threshold = large if c.n >= trim_from else small
    spread = c.max - c.min
    if c.n >= 2 and spread >= threshold:
        return FlagHit("F2", {"max": c.max, "min": c.min, "spread": spread, "n": c.n},
                       {"threshold": threshold})
    return None


def _f3(c: Consensus, distance_min: float, min_scores: int,
        names: dict[int, str]) -> list[FlagHit]:
    if c.n < max(min_scores, 2):
        return []
    hits = []
    for i, s in enumerate(c.sets):
        others = [t for j, t in enumerate(c.totals) if j != i]
        mean = statistics.fmean(others)
        distance = abs(s.total - mean)
        if distance >= distance_min:
            hits.append(FlagHit("F3", {"expert_id": s.expert_id,
                                       "expert": names.get(s.expert_id, str(s.expert_id)),
                                       "round": s.round, "total": s.total, "others": mean,
                                       "distance": distance},
                                {"threshold": distance_min, "min_scores": min_scores}))
    hits.sort(key=lambda h: -h.numbers["distance"])
    return hits


def _f4(c: Consensus, settings: Mapping[str, Any], gap_min: float,
        across_min: float) -> FlagHit | None:
    if "initial" not in c.by_round or "review" not in c.by_round:
        return None
    initial, review = c.by_round["initial"], c.by_round["review"]
    gap = abs(initial - review)
    bi, br = _band(initial, settings), _band(review, settings)
    if gap >= gap_min or (bi != br and gap >= across_min):
        return FlagHit("F4", {"initial": initial, "review": review, "gap": gap,
                              "initial_band": bi, "review_band": br},
                       {"gap_threshold": gap_min, "across_threshold": across_min})
    return None


def indicator_details(ws: Workspace, year: int, c: Consensus) -> list[IndicatorDetail]:
    """Indicators whose spread is >= steps x step and >= share x maximum (method.md)."""
    return indicator_details_for(ws.rubric(year), flag_thresholds(ws), c)


def indicator_details_for(rubric: Rubric, settings: Mapping[str, Any], c: Consensus
                          ) -> list[IndicatorDetail]:
    steps = float(settings["flags.indicator_steps"])
    share = float(settings["flags.indicator_share"])
    details = []
    for ind in rubric.indicators:
        values = [s.values[ind.code] for s in c.sets]
        if len(values) < 2:
            continue
        spread = max(values) - min(values)
        if spread >= steps * rubric.step and spread >= share * ind.max_points:
            details.append(IndicatorDetail(ind.code, ind.name, ind.name_en, min(values),
                                           max(values), spread, ind.max_points))
    return details


def flag_alliance(ws: Workspace, c: Consensus, names: dict[int, str] | None = None
                  ) -> list[FlagHit]:
    return flag_consensus(c, flag_thresholds(ws), names)


def flag_consensus(c: Consensus, settings: Mapping[str, Any],
                   names: dict[int, str] | None = None,
                   rules: tuple[str, ...] = RULE_ORDER) -> list[FlagHit]:
    """The flags `rules` raise on one alliance's consensus, with `settings` (the keys of
    FLAG_SETTING_KEYS): the secretariat's agenda and the group leader's differences."""
    names = names or {}
    hits: list[FlagHit] = []
    f1 = _f1(c, _cuts(settings), float(settings["flags.f1_margin"])) \
        if "F1" in rules else None
    if f1:
        hits.append(f1)
    if "F3" in rules:
        hits += _f3(c, float(settings["flags.f3_distance"]),
                    int(settings["flags.f3_min_scores"]), names)
    f4 = _f4(c, settings, float(settings["flags.f4_gap"]),
             float(settings["flags.f4_gap_across_bands"])) if "F4" in rules else None
    if f4:
        hits.append(f4)
    f2 = _f2(c, float(settings["flags.f2_spread_small"]),
             float(settings["flags.f2_spread_large"]),
             int(settings["consensus.trim_from"])) if "F2" in rules else None
    if f2:
        hits.append(f2)
    return hits


def _sort_key(item: AgendaItem) -> tuple[int, float, str]:
    lead = item.lead_rule
    hit = item.hit(lead)
    assert hit is not None
    if lead == "F1":
        size = hit.numbers["distance"]  # closest to a cut first
    elif lead == "F3":
        size = -hit.numbers["distance"]
    elif lead == "F4":
        size = -hit.numbers["gap"]
    else:
        size = -hit.numbers["spread"]
    return (RULE_ORDER.index(lead), size, item.code)


def flag_disagreements(ws: Workspace, year: int | None = None) -> list[AgendaItem]:
    """The plenary agenda: every flagged alliance, in the method's order."""
    year = ws.require_year(year)
    table = consensus_table(ws, year)
    names = {r[0]: r[1] for r in ws.db.execute(
        "SELECT id, name FROM experts WHERE year = ?", (year,))}
    alliances = {r[0]: (r[1], r[2]) for r in ws.db.execute(
        "SELECT id, code, name FROM alliances")}
    return agenda(table, flag_thresholds(ws), ws.rubric(year), names, alliances)


def agenda(table: dict[int, Consensus], settings: Mapping[str, Any], rubric: Rubric,
           names: dict[int, str], alliances: dict[int, tuple[str, str]],
           rules: tuple[str, ...] = RULE_ORDER, unflagged: bool = False) -> list[AgendaItem]:
    """Every flagged alliance of `table` in the method's order; with `unflagged`, the
    alliances no rule raised follow by code (the group leader sees them all)."""
    items: list[AgendaItem] = []
    quiet: list[AgendaItem] = []
    for alliance_id, c in table.items():
        hits = flag_consensus(c, settings, names, rules)
        if not hits and not unflagged:
            continue
        code, name = alliances.get(alliance_id, (str(alliance_id), ""))
        item = AgendaItem(alliance_id, code, name, hits, c,
                          indicator_details_for(rubric, settings, c))
        (items if hits else quiet).append(item)
    items.sort(key=_sort_key)
    quiet.sort(key=lambda item: item.code)
    return items + quiet
