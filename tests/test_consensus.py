"""Consensus, published score and band: against values computed here by hand.

`build_panel` is also used by the flag, quality and plenary tests: a synthetic panel
whose totals are chosen per expert and alliance, spread over the 20 indicators.
"""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from evaluator.consensus import (
    band_of,
    consensus_of,
    consensus_table,
    incomplete_scores,
    published_score,
    round_half_up,
)
from evaluator.registry import add_alliance
from evaluator.score_sets import insert_scores
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace


def spread_total(ws: Workspace, total: float, tilt: dict[str, float] | None = None
                 ) -> dict[str, float]:
    """Indicator values (step 0.5, max 5 each) summing to `total`, filled in order."""
    rubric = ws.rubric(2018)
    left = total
    values: dict[str, float] = {}
    codes = list(rubric.codes)
    base = {c: 0.0 for c in codes}
    for code, v in (tilt or {}).items():
        base[code] = v
        left -= v
    free = [c for c in codes if c not in (tilt or {})]
    for i, code in enumerate(free):
        remaining = len(free) - i
        share = round(left / remaining * 2) / 2
        share = max(0.0, min(rubric.indicator(code).max_points, share))
        values[code] = share
        left -= share
    values.update({c: v for c, v in base.items() if c in (tilt or {})})
    assert abs(sum(values.values()) - total) < 1e-9, (total, values)
    return values


def add_expert(ws: Workspace, name: str, group: str | None = None) -> int:
    group_id = None
    if group is not None:
        row = ws.db.execute("SELECT id FROM expert_groups WHERE year=2018 AND name=?",
                            (group,)).fetchone()
        group_id = row[0] if row else ws.db.table("expert_groups").insert(
            {"year": 2018, "name": group}).last_pk
    return int(ws.db.table("experts").insert({  # type: ignore[arg-type]
        "year": 2018, "name": name, "role": "member", "secret_key": "ab" * 32,
        "group_id": group_id, "sort": ws.count("experts")}).last_pk)


def put_scores(ws: Workspace, rnd: str, expert_id: int, alliance_id: int,
               values: dict[str, float], comment: str = "") -> None:
    insert_scores(ws.db, [
        {"year": 2018, "round": rnd, "expert_id": expert_id, "alliance_id": alliance_id,
         "indicator_code": code, "value": v, "comment": comment if code == "1.1" else "",
         "entered_at": now_iso()} for code, v in values.items()])


def build_panel(ws: Workspace, totals: dict[str, dict[str, list[float | None]]],
                assign: bool = True) -> dict[str, Any]:
    """totals: alliance code -> {round: [total of expert i or None]}.

    Experts are E1..En for the initial round (group A) and R1..Rn for the review round
    (group B); returns {'alliances': {code: id}, 'experts': {name: id}}.
    """
    alliances: dict[str, int] = {}
    experts: dict[str, int] = {}
    for code, rounds in totals.items():
        alliances[code] = add_alliance(ws, code, f"联盟{code}产业技术创新战略联盟").id
        for rnd, row in rounds.items():
            prefix = "E" if rnd == "initial" else "R"
            for i, total in enumerate(row):
                name = f"{prefix}{i + 1}"
                if name not in experts:
                    experts[name] = add_expert(ws, name, "A" if prefix == "E" else "B")
                if total is None:
                    continue
                if assign:
                    ws.db.table("assignments").insert({
                        "year": 2018, "round": rnd, "alliance_id": alliances[code],
                        "expert_id": experts[name], "created_at": now_iso()})
                put_scores(ws, rnd, experts[name], alliances[code], spread_total(ws, total))
    return {"alliances": alliances, "experts": experts}


def test_round_half_up_and_published_score() -> None:
    assert published_score(84.5) == 85
    assert published_score(69.49) == 69
    assert published_score(2.5) == 3  # Python's round() would give 2
    assert round_half_up(9.615, 2) == 9.62
    assert round_half_up(8.695, 2) == 8.70


def test_band_of_uses_settings(workspace: Workspace) -> None:
    assert [band_of(s, workspace) for s in (85, 84.9, 70, 50, 49)] == [
        "high", "fairly_high", "fairly_high", "average", "inactive"]
    workspace.set_setting("bands.high", 90)
    assert band_of(85, workspace) == "fairly_high"


def test_consensus_of_trims_from_five() -> None:
    assert consensus_of([60, 70, 80, 90], 5) == (75.0, False)
    assert consensus_of([40, 70, 80, 90, 100], 5) == (80.0, True)
    assert consensus_of([10.0], 5) == (10.0, False)


def test_consensus_table_matches_hand_values(workspace: Workspace) -> None:
    panel = build_panel(workspace, {
        "101": {"initial": [80, 82, 78], "review": [90, 60]},   # 5 totals: trimmed
        "102": {"initial": [55, 65], "review": [None, None]},    # 2 totals: plain mean
    })
    table = consensus_table(workspace, 2018)
    a = table[panel["alliances"]["101"]]
    assert a.n == 5
    assert sorted(a.totals) == [60, 78, 80, 82, 90]
    assert a.trimmed
    assert a.consensus == pytest.approx((78 + 80 + 82) / 3)
    assert (a.median, a.min, a.max) == (80, 60, 90)
    assert a.by_round == {"initial": pytest.approx(80.0), "review": pytest.approx(75.0)}
    b = table[panel["alliances"]["102"]]
    assert (b.n, b.consensus, b.trimmed) == (2, 60.0, False)
    assert set(b.by_round) == {"initial"}


def test_leniency_adjusted_figure(workspace: Workspace) -> None:
    panel = build_panel(workspace, {
        "101": {"initial": [80, 70]},
        "102": {"initial": [60, 50]},
    })
    table = consensus_table(workspace, 2018)
    # E1 is 10 above E2 everywhere: leniency +5 and -5; adjusted totals meet at the mean.
    a = table[panel["alliances"]["101"]]
    assert a.leniency_adjusted == pytest.approx(statistics.fmean([80 - 5, 70 + 5]))


def test_incomplete_sets_are_reported_not_counted(workspace: Workspace) -> None:
    panel = build_panel(workspace, {"101": {"initial": [80, 70]}})
    e3 = add_expert(workspace, "E3")
    put_scores(workspace, "initial", e3, panel["alliances"]["101"], {"1.1": 5.0})
    table = consensus_table(workspace, 2018)
    assert table[panel["alliances"]["101"]].n == 2
    missing = incomplete_scores(workspace, 2018)
    assert [(m.expert_id, len(m.missing)) for m in missing] == [(e3, 19)]
