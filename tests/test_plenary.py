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
    return list(ws.db.execute("SELECT * FROM scores ORDER BY id"))


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
