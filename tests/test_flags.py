"""Flags F1-F4 and the plenary agenda on a panel with planted cases."""

from __future__ import annotations

import json

import pytest
from test_consensus import add_expert, build_panel, put_scores, spread_total

from evaluator.cli import main
from evaluator.flags import flag_disagreements
from evaluator.workspace import Workspace

PLANTED = {
    "101": {"initial": [69, 71, 70]},            # F1: consensus 70, on the cut
    "102": {"initial": [48, 53, 53.5]},          # F1: consensus 51.5, 1.5 from 50
    "103": {"initial": [80, 80, 80, 60]},        # F3 (60 vs 80) and F2 (spread 20)
    "104": {"initial": [60, 62], "review": [70, 72]},  # F4: group gap 10
    "105": {"initial": [63, 63], "review": [70, 70]},  # F4: gap 7 across 70
    "106": {"initial": [57, 57, 73, 73]},        # F2 only: spread 16, no lone dissenter
    "107": {"initial": [75, 76, 77]},            # nothing
    "108": {"initial": [70.5, 71, 71.5]},        # near 70 but nobody below: no F1
}


@pytest.fixture
def planted(workspace: Workspace) -> Workspace:
    build_panel(workspace, PLANTED)
    return workspace


def agenda(ws: Workspace) -> list[tuple[str, list[str]]]:
    return [(item.code, item.rule_names) for item in flag_disagreements(ws, 2018)]


def test_planted_cases_in_method_order(planted: Workspace) -> None:
    assert agenda(planted) == [
        ("101", ["F1"]),
        ("102", ["F1"]),
        ("103", ["F3", "F2"]),
        ("104", ["F4"]),
        ("105", ["F4"]),
        ("106", ["F2"]),
    ]


def test_numbers_and_thresholds_recorded(planted: Workspace) -> None:
    items = {i.code: i for i in flag_disagreements(planted, 2018)}
    f1 = items["102"].hit("F1")
    assert f1 is not None
    assert f1.numbers["cut"] == 50
    assert f1.numbers["distance"] == pytest.approx(1.5)
    assert (f1.numbers["below"], f1.numbers["above"]) == (1, 2)
    assert f1.thresholds == {"margin": 2.0}
    f3 = items["103"].hit("F3")
    assert f3 is not None
    assert f3.numbers["total"] == 60
    assert f3.numbers["others"] == pytest.approx(80)
    assert f3.numbers["distance"] == pytest.approx(20)
    f2 = items["103"].hit("F2")
    assert f2 is not None
    assert (f2.numbers["spread"], f2.thresholds["threshold"]) == (20, 15.0)
    f4 = items["105"].hit("F4")
    assert f4 is not None
    assert (f4.numbers["initial_band"], f4.numbers["review_band"]) == ("average", "fairly_high")
    assert f4.numbers["gap"] == pytest.approx(7)
    assert "1.5" in f1.text("en")


def test_changing_a_threshold_changes_the_agenda(planted: Workspace) -> None:
    planted.set_setting("flags.f2_spread_small", 17.0)
    planted.set_setting("flags.f1_margin", 1.0)
    planted.set_setting("flags.f4_gap_across_bands", 8.0)
    assert agenda(planted) == [("101", ["F1"]), ("103", ["F3", "F2"]), ("104", ["F4"])]
    items = {i.code: i for i in flag_disagreements(planted, 2018)}
    hit = items["103"].hit("F2")
    assert hit is not None
    assert hit.thresholds["threshold"] == 17.0


def test_large_spread_threshold_from_five_scores(workspace: Workspace) -> None:
    # Five scores, spread 18: below the 20 for 5+ scores; 4 of them would exceed 15.
    build_panel(workspace, {"201": {"initial": [64, 68, 73, 78, 82]}})
    assert agenda(workspace) == []
    workspace.set_setting("flags.f2_spread_large", 18.0)
    assert agenda(workspace) == [("201", ["F2"])]


def test_indicator_detail_explains_but_never_raises(workspace: Workspace) -> None:
    panel = build_panel(workspace, {"301": {"initial": [75, 75]}})
    a = panel["alliances"]["301"]
    # Two more experts with the same total 75 but opposite views on 1.1 (spread 4 of 5).
    for name, v in (("X1", 5.0), ("X2", 1.0)):
        e = add_expert(workspace, name)
        put_scores(workspace, "initial", e, a, spread_total(workspace, 75, {"1.1": v}))
    assert agenda(workspace) == []  # the totals agree: no flag
    e = add_expert(workspace, "X3")
    put_scores(workspace, "initial", e, a, spread_total(workspace, 55, {"1.1": 0.0}))
    items = flag_disagreements(workspace, 2018)
    assert [i.rule_names for i in items] == [["F3", "F2"]]
    assert [d.code for d in items[0].indicators][:1] == ["1.1"]
    assert items[0].indicators[0].spread == 5.0


def test_flags_cli_json(planted: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    path = planted.path
    assert main(["flags", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data["agenda"]] == ["101", "102", "103", "104", "105", "106"]
    assert data["thresholds"]["flags.f1_margin"] == 2.0
    assert data["agenda"][2]["rules"][0]["rule"] == "F3"
    assert main(["flags", str(path)]) == 0
    assert "F3" in capsys.readouterr().out


def test_demo_planted_disagreements_on_the_agenda(demo_ws: Workspace) -> None:
    from evaluator.demo import PLANTED_GROUPS, PLANTED_LONE, PLANTED_SPLIT

    items = flag_disagreements(demo_ws)
    rules = {i.code: i.rule_names for i in items}
    assert "F2" in rules[PLANTED_SPLIT]
    assert "F3" in rules[PLANTED_LONE]
    assert "F4" in rules[PLANTED_GROUPS]
    order = [i.lead_rule for i in items]
    assert order == sorted(order, key=["F1", "F3", "F4", "F2"].index)
    f1 = [i.hit("F1").numbers["distance"] for i in items if i.lead_rule == "F1"]  # type: ignore[union-attr]
    assert f1 == sorted(f1)
    demo_ws.set_setting("flags.f3_distance", 30.0)
    assert "F3" not in {r for i in flag_disagreements(demo_ws) for r in i.rule_names}
