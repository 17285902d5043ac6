"""The read models the views show (evaluator.overview, panel_lists, received_files,
expert_scores, year_results, plenary.last_chair), checked against the core's own
functions on the demo workspace."""

from __future__ import annotations

from evaluator.expert_scores import expert_scores, withdraw_round
from evaluator.overview import history_years, score_count, workspace_summary, year_overview
from evaluator.panel import list_experts, list_groups
from evaluator.panel_lists import (
    expert_names,
    expert_progress,
    experts_assigned,
    first_group,
    group_members_assigned,
)
from evaluator.plenary import decide, last_chair
from evaluator.progress_matrix import progress_matrix
from evaluator.received_files import received_files
from evaluator.registry import list_alliances
from evaluator.results import results_for_year
from evaluator.workspace import Workspace
from evaluator.year_results import year_results


def test_year_overview_counts_what_the_workspace_holds(demo_ws: Workspace) -> None:
    year = demo_ws.require_year(None)
    seen = year_overview(demo_ws, year)
    assert seen.alliances == len(list_alliances(demo_ws))
    assert seen.experts == len(list_experts(demo_ws, year))
    assert seen.groups == len(list_groups(demo_ws, year))
    for round_ in ("initial", "review"):
        counts = seen.rounds[round_]
        matrix = progress_matrix(demo_ws, year, round_)
        assert counts.assignments == sum(len(e.cells) for e in matrix.experts) > 0
        assert counts.done == (counts.assigned_sheets_scored == counts.assignments > 0)
    assert seen.history_years == history_years(demo_ws)
    assert seen.history_years
    assert score_count(demo_ws, year) == demo_ws.count("scores", "year = ?", (year,))


def test_a_withdrawn_file_leaves_its_round_unfinished(demo_ws: Workspace) -> None:
    year = demo_ws.require_year(None)
    expert_id, _name = experts_assigned(demo_ws, year, "review")[0]
    before = year_overview(demo_ws, year).rounds["review"]
    assert before.done
    scored = sum(len(v) for v in expert_scores(demo_ws, year, "review", expert_id).values())
    files = len(received_files(demo_ws, year))
    assert withdraw_round(demo_ws, year, "review", expert_id) == scored > 0
    after = year_overview(demo_ws, year).rounds["review"]
    assert not after.done
    assert after.experts == before.experts - 1
    assert expert_scores(demo_ws, year, "review", expert_id) == {}
    assert len(received_files(demo_ws, year)) < files
    last = demo_ws.db.execute("SELECT action, entity FROM audit_log ORDER BY id DESC"
                              " LIMIT 1").fetchone()
    assert tuple(last) == ("delete", "scores")


def test_workspace_summary(demo_ws: Workspace) -> None:
    summary = workspace_summary(demo_ws)
    assert summary["rounds_scored"] == ["initial", "review"]
    assert summary["scores"] == demo_ws.count("scores")
    assert summary["alliances"] == len(list_alliances(demo_ws))


def test_panel_lists_follow_the_panel(demo_ws: Workspace) -> None:
    year = demo_ws.require_year(None)
    names = expert_names(demo_ws, year)
    assert set(names) == {e.id for e in list_experts(demo_ws, year)}
    assigned = experts_assigned(demo_ws, year, "initial")
    assert assigned
    assert all(names[i] == n for i, n in assigned)
    assert {i for i, _ in assigned} == {
        e.expert_id for e in progress_matrix(demo_ws, year, "initial").experts if e.cells}
    group = first_group(demo_ws, year)
    leaders = {e.group_name for e in list_experts(demo_ws, year) if e.is_group_leader}
    assert group in leaders
    members = group_members_assigned(demo_ws, year, "initial", group)
    in_group = {e.id for e in list_experts(demo_ws, year) if e.group_name == group}
    assert members
    assert {i for i, _ in members} <= in_group
    assert first_group(demo_ws, year + 1) is None


def test_expert_progress_matches_the_progress_matrix(demo_ws: Workspace) -> None:
    year = demo_ws.require_year(None)
    rows = {r.expert_id: r for r in expert_progress(demo_ws, year)}
    assert list(rows) == list(expert_names(demo_ws, year))
    for round_ in ("initial", "review"):
        for e in progress_matrix(demo_ws, year, round_).experts:
            if e.cells:
                assert rows[e.expert_id].sheets[round_] == (len(e.cells) - len(e.missing),
                                                            len(e.cells))


def test_year_results_and_the_last_chair(demo_ws: Workspace) -> None:
    year = demo_ws.require_year(None)
    data = year_results(demo_ws, year)
    assert [r.alliance_id for r in data.rows] == [
        r.alliance_id for r in results_for_year(demo_ws, year)]
    assert data.leniency
    assert last_chair(demo_ws, year) is None
    decide(demo_ws, year, data.rows[0].alliance_id, None, "会评采纳共识分", decided_by="张主任")
    assert last_chair(demo_ws, year) == "张主任"
