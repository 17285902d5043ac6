"""Plenary decisions: reason required, pre-plenary scores kept, history by superseded_by."""

from __future__ import annotations

import json

import pytest
from test_consensus import build_panel

from evaluator.backups import list_backups
from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.plenary import current_decision, decide, decisions
from evaluator.workspace import Workspace


@pytest.fixture
def panel(workspace: Workspace) -> dict[str, int]:
    return build_panel(workspace, {"101": {"initial": [69, 71, 70]},
                                   "102": {"initial": [80, 60]}})["alliances"]


def scores_snapshot(ws: Workspace) -> list[tuple[object, ...]]:
    return list(ws.db.execute("SELECT * FROM scores"
                          " ORDER BY year, round, expert_id, alliance_id, indicator_code"))


def test_accept_then_override_keeps_history(workspace: Workspace,
                                            panel: dict[str, int]) -> None:
    before = scores_snapshot(workspace)
    a = panel["101"]
    first = decide(workspace, 2018, a, None, "组内意见一致", "组长")
    assert (first.decision, first.score, first.consensus_before) == ("accept", 70.0, 70.0)
    second = decide(workspace, 2018, a, 68.0, "理事会会议记录不全", "组长")
    assert second.decision == "override"
    assert current_decision(workspace, 2018, a) == second
    history = decisions(workspace, 2018)
    assert [d.superseded_by for d in history] == [second.id, None]
    assert decisions(workspace, 2018, include_superseded=False) == [second]
    assert scores_snapshot(workspace) == before  # pre-plenary scores untouched
    assert workspace.count("audit_log", "action = 'decide'") == 2
    assert len(list_backups(workspace.path)) == 2


def test_refusals_list_every_problem(workspace: Workspace, panel: dict[str, int]) -> None:
    with pytest.raises(EvaluatorError) as info:
        decide(workspace, 2018, panel["101"], 120.0, "  ", "组长")
    assert {p.code for p in info.value.problems} == {"plenary.no_reason", "plenary.bad_score"}
    assert workspace.count("plenary_decisions") == 0


def test_accept_needs_a_consensus(workspace: Workspace) -> None:
    from evaluator.registry import add_alliance

    a = add_alliance(workspace, "150", "无评分联盟")
    with pytest.raises(EvaluatorError) as info:
        decide(workspace, 2018, a.id, None, "理由")
    assert [p.code for p in info.value.problems] == ["plenary.no_scores"]


def test_decide_cli(workspace: Workspace, panel: dict[str, int],
                    capsys: pytest.CaptureFixture[str]) -> None:
    path = str(workspace.path)
    assert main(["decide", path, "102", "--score", "72", "--reason", "复评组意见", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["score"], data["decision"], data["consensus_before"]) == (72.0, "override", 70.0)
    assert main(["decide", path, "102", "--accept", "--reason", "改为采纳"]) == 0
    assert main(["decide", path, "102", "--reason", "x"]) == 2
    assert main(["decide", path, "999", "--accept", "--reason", "x"]) == 2
    assert current_decision(workspace, 2018, panel["102"]).decision == "accept"  # type: ignore[union-attr]


def test_a_decision_is_the_score_the_results_use(workspace: Workspace,
                                                 panel: dict[str, int]) -> None:
    from evaluator.results import compute_results

    before = {r.code: (r.score, r.source) for r in compute_results(workspace, 2018)}
    assert before["102"] == (70, "consensus")
    decide(workspace, 2018, panel["102"], 84.5, "复核会评：成果材料齐全", "主持人")
    after = {r.code: r for r in compute_results(workspace, 2018)}
    # Half-up: 84.5 publishes as 85, in the 活跃度高 band (85-100).
    assert (after["102"].score, after["102"].source, after["102"].band) == (85, "plenary", "high")
    assert (after["101"].score, after["101"].source) == (70, "consensus")


def test_the_bounds_of_a_score_are_allowed(workspace: Workspace, panel: dict[str, int]) -> None:
    top = workspace.rubric(2018).max_total
    assert decide(workspace, 2018, panel["101"], 0.0, "无活动", "组长").score == 0.0
    assert decide(workspace, 2018, panel["101"], top, "全部满分", "组长").score == top
    with pytest.raises(EvaluatorError) as info:
        decide(workspace, 2018, panel["101"], -0.5, "负分", "组长")
    assert [p.code for p in info.value.problems] == ["plenary.bad_score"]


def test_the_audit_entry_holds_old_and_new(workspace: Workspace, panel: dict[str, int]) -> None:
    first = decide(workspace, 2018, panel["101"], None, "采纳", "组长")
    decide(workspace, 2018, panel["101"], 66.0, "改判", "组长")
    entries = list(workspace.db.query(
        "SELECT entity_key, old_json, new_json FROM audit_log WHERE action = 'decide'"
        " ORDER BY id"))
    assert [e["entity_key"] for e in entries] == ["101", "101"]
    assert entries[0]["old_json"] is None
    assert json.loads(entries[1]["old_json"])["id"] == first.id
    after = json.loads(entries[1]["new_json"])
    assert (after["score"], after["reason"], after["decided_by"]) == (66.0, "改判", "组长")


def test_decisions_belong_to_their_year(workspace: Workspace, panel: dict[str, int]) -> None:
    decide(workspace, 2018, panel["101"], 70.0, "采纳", "组长")
    workspace.add_year(2019, workspace.rubric(2018))
    assert decisions(workspace, 2019) == []
    assert current_decision(workspace, 2019, panel["101"]) is None
    assert len(decisions(workspace, 2018)) == 1


def test_an_unknown_alliance_is_refused(workspace: Workspace) -> None:
    with pytest.raises(EvaluatorError) as info:
        decide(workspace, 2018, 99_999, 50.0, "理由", "组长")
    assert [p.code for p in info.value.problems] == ["plenary.unknown_alliance"]
    assert workspace.count("plenary_decisions") == 0
