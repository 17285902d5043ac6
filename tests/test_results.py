"""Published score, band and rank; the published snapshot; results_for_year's sources."""

from __future__ import annotations

import json

import pytest

from evaluator.errors import EvaluatorError
from evaluator.registry import add_alliance
from evaluator.results import compute_results, publish_results, results_for_year
from evaluator.score_sets import insert_scores
from evaluator.timefmt import now_iso
from evaluator.workspace import Workspace


def add_expert(ws: Workspace, name: str) -> int:
    return int(ws.db.table("experts").insert({
        "year": 2018, "name": name, "role": "member", "secret_key": "00"}).last_pk)


def score_total(ws: Workspace, expert: int, alliance: int, total: float) -> None:
    """A complete score set whose indicator values add up to `total`."""
    rubric = ws.rubric(2018)
    left = total
    for ind in rubric.indicators:
        value = min(ind.max_points, left)
        left -= value
        insert_scores(ws.db, [{
            "year": 2018, "round": "initial", "expert_id": expert, "alliance_id": alliance,
            "indicator_code": ind.code, "value": value, "entered_at": now_iso()}])


@pytest.fixture
def scored(workspace: Workspace) -> Workspace:
    ws = workspace
    ids = {code: add_alliance(ws, code, f"联盟{code}").id
           for code in ("101", "102", "201", "301", "d101")}
    e1, e2 = add_expert(ws, "甲"), add_expert(ws, "乙")
    # consensus 84.5 -> 85 (half-up, not half-even): high
    score_total(ws, e1, ids["101"], 84)
    score_total(ws, e2, ids["101"], 85)
    score_total(ws, e1, ids["201"], 90)   # tie at 90 with 102: order by code
    score_total(ws, e1, ids["102"], 90)
    score_total(ws, e1, ids["301"], 40)
    score_total(ws, e1, ids["d101"], 69.5)  # -> 70: fairly high
    return ws


def test_half_up_bands_and_ties_by_code(scored: Workspace) -> None:
    rows = compute_results(scored, 2018)
    assert [(r.rank, r.code, r.score, r.band) for r in rows] == [
        (1, "102", 90, "high"), (2, "201", 90, "high"), (3, "101", 85, "high"),
        (4, "d101", 70, "fairly_high"), (5, "301", 40, "inactive")]
    assert {r.source for r in rows} == {"consensus"}


def test_plenary_decision_overrides_and_superseded_ones_do_not(scored: Workspace) -> None:
    ws = scored
    aid = next(r.alliance_id for r in compute_results(ws, 2018) if r.code == "301")
    first = ws.db.table("plenary_decisions").insert({
        "year": 2018, "alliance_id": aid, "decision": "override", "score": 55,
        "consensus_before": 40, "reason": "复核", "decided_by": "组长",
        "decided_at": now_iso()}).last_pk
    second = ws.db.table("plenary_decisions").insert({
        "year": 2018, "alliance_id": aid, "decision": "override", "score": 49.5,
        "consensus_before": 40, "reason": "再议", "decided_by": "组长",
        "decided_at": now_iso()}).last_pk
    ws.db.execute("UPDATE plenary_decisions SET superseded_by = ? WHERE id = ?",
                  (second, first))
    row = next(r for r in compute_results(ws, 2018) if r.code == "301")
    assert (row.score, row.band, row.source) == (50, "average", "plenary")


def test_publish_snapshot_then_results_for_year_uses_it(scored: Workspace) -> None:
    ws = scored
    published = publish_results(ws, 2018, accepted_undecided=1)  # 101 sits on a band cut
    assert [r.source for r in published] == ["published"] * 5
    assert ws.count("results", "source = 'computed'") == 5
    assert ws.count("audit_log", "action = 'publish'") == 1
    # Later score changes do not move the published results until published again.
    ws.db.execute("UPDATE scores SET value = 0 WHERE alliance_id = ?",
                  (published[0].alliance_id,))
    assert results_for_year(ws, 2018)[0].score == 90
    again = publish_results(ws, 2018, accepted_undecided=1)
    assert ws.count("results", "source = 'computed'") == 5
    assert again[-1].score == 0


def test_publish_refuses_an_empty_year(workspace: Workspace) -> None:
    with pytest.raises(EvaluatorError) as info:
        publish_results(workspace, 2018)
    assert info.value.problems[0].code == "results.nothing"
    assert workspace.count("results") == 0


def test_history_rows_when_nothing_scored(workspace: Workspace) -> None:
    aid = add_alliance(workspace, "101", "联盟101").id
    workspace.db.table("results").insert({
        "year": 2017, "alliance_id": aid, "score": None, "band": "inactive",
        "source": "history", "recorded_at": now_iso()})
    rows = results_for_year(workspace, 2017)
    assert [(r.code, r.score, r.source) for r in rows] == [("101", None, "history")]


def test_results_cli_json(scored: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from evaluator.cli import main

    path = scored.path
    scored.close()
    assert main(["results", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == ["102", "201", "101", "d101", "301"]
    assert main(["publish", str(path)]) == 2  # 101 sits on a band cut, undecided
    assert main(["publish", str(path), "--accept-undecided"]) == 0


def test_the_queries_behind_a_score_trace(demo_ws: Workspace) -> None:
    from evaluator.consensus import consensus_table
    from evaluator.plenary import decide
    from evaluator.results import (
        alliance_consensus,
        alliance_score_sets,
        audit_for_alliance,
        score_files_for_alliance,
        stored_result,
    )

    ws = demo_ws
    aid = int(ws.db.execute("SELECT id FROM alliances WHERE code = '127'").fetchone()[0])
    table = consensus_table(ws, 2018)
    one = alliance_consensus(ws, 2018, aid)
    assert one is not None
    assert (one.n, one.totals, one.consensus, one.trimmed, one.leniency_adjusted) == (
        table[aid].n, table[aid].totals, table[aid].consensus, table[aid].trimmed,
        table[aid].leniency_adjusted)
    assert alliance_score_sets(ws, 2018, aid) == table[aid].sets
    files = score_files_for_alliance(ws, 2018, aid)
    assert len(files) == table[aid].n
    assert {(f.expert_id, f.round) for f in files} == {(s.expert_id, s.round)
                                                        for s in table[aid].sets}
    assert all(f.signed and f.file_name.endswith(".xlsx") for f in files)
    # The demo's scores came in one import; a decision on another alliance is not listed.
    other = int(ws.db.execute("SELECT id FROM alliances WHERE code = '353'").fetchone()[0])
    decide(ws, 2018, other, 60, "复核")
    decide(ws, 2018, aid, 80, "材料齐全")
    with ws.transaction():  # a later merge of one of its files, and of an unrelated one
        ws.audit("merge", "score_file", files[0].file_name, None,
                 {"sha256": files[0].sha256, "sequence": 2})
        ws.audit("merge", "score_file", "其他.xlsx", None, {"sha256": "0" * 64})
    entries = audit_for_alliance(ws, 2018, aid)
    assert [(e.action, e.entity) for e in entries if e.entity != "history"] == [
        ("import", "scores"), ("decide", "plenary_decision"), ("merge", "score_file")]
    assert entries[-2].new["reason"] == "材料齐全"
    assert any(e.entity == "history" and e.entity_key == "2016-2018" for e in entries)
    assert [e.entity for e in audit_for_alliance(ws, 2017, aid)] == ["history"]
    # What each entry recorded, as people read it: words, not the stored JSON's keys.
    decided = entries[-2].details
    assert "材料齐全" in decided
    assert "80" in decided
    assert '"' not in decided
    assert "reason" not in decided
    assert all(e.details for e in entries if e.new is not None)
    history = stored_result(ws, 2017, aid, "history")
    assert history is not None
    assert history["recorded_at"].startswith("2018-03-01")
    assert stored_result(ws, 2017, aid, "computed") is None
