"""Assignments: balanced groups, conflicts never assigned, the re-review in another group,
determinism with a seed, refusals, and the `assign` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from evaluator.assignments import (
    add_assignment,
    assign_round,
    assignment_matrix,
    assignments_for_expert,
    group_of_alliance,
    initial_groups,
    remove_assignment,
    round_problems,
)
from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.panel import (
    add_expert,
    declare_conflict,
    get_expert_by_name,
    has_conflict,
    list_experts,
)
from evaluator.panel_import import import_panel
from evaluator.registry import add_alias, add_alliance, find_by_code
from evaluator.score_sets import insert_scores
from evaluator.workspace import Workspace

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
BATCH_SIZES = {"1": 12, "2": 9, "3": 10, "d": 3}


def make_eligible(ws: Workspace, alliance_id: int, year: int = 2018) -> None:
    """A submission meeting the default rule: basic information and a record per group."""
    sid = ws.db.table("submissions").insert({
        "year": year, "alliance_id": alliance_id, "name_as_filed": "x", "contact": "联系人",
        "phone": "010-1", "filed_on": "2018-12-01", "imported_at": "2018-12-01"}).last_pk
    ws.db.table("submission_records").insert_all(
        [{"submission_id": sid, "indicator_code": code, "title": "记录"}
         for code in ("1.1", "2.1", "3.1")])


def codes_for(batch: str, n: int) -> list[str]:
    return [f"d{101 + i}" if batch == "d" else f"{batch}{i + 1:02d}" for i in range(n)]


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    """34 eligible alliances in four batches, an advisor and 12 scoring experts."""
    for batch, size in BATCH_SIZES.items():
        for code in codes_for(batch, size):
            alliance = add_alliance(workspace, code, f"测试{code}产业技术创新战略联盟")
            make_eligible(workspace, alliance.id)
    add_expert(workspace, 2018, "顾问甲", "advisor")
    add_expert(workspace, 2018, "组长乙", "leader", "测试101产业技术创新战略联盟")
    add_expert(workspace, 2018, "副组长丙", "deputy_leader", "测试201产业技术创新战略联盟")
    for i in range(10):
        add_expert(workspace, 2018, f"成员{i}", "member",
                   f"测试{codes_for('3', 10)[i]}产业技术创新战略联盟")
    return workspace


def placement(ws: Workspace, round_: str) -> dict[str, int]:
    return {r[0]: r[1] for r in ws.db.execute(
        "SELECT a.code, min(s.group_id) FROM assignments s JOIN alliances a"
        " ON a.id = s.alliance_id WHERE s.round = ? GROUP BY a.code", (round_,))}


def test_initial_round_is_balanced_by_count_and_batch(ws: Workspace) -> None:
    summary = assign_round(ws, 2018, "initial", groups=3)
    assert summary.formed_groups
    sizes = [len(g.members) for g in summary.groups]
    assert sorted(sizes) == [4, 4, 4]
    counts = [len(g.alliances) for g in summary.groups]
    assert max(counts) - min(counts) <= 1
    assert sum(counts) == sum(BATCH_SIZES.values())
    for batch in BATCH_SIZES:
        per_group = [g.batch_mix.get(batch, 0) for g in summary.groups]
        assert max(per_group) - min(per_group) <= 1, (batch, per_group)
    # The leader and the deputy lead different groups; the advisor scores nothing.
    assert {g.leader for g in summary.groups} >= {"组长乙", "副组长丙"}
    advisor = get_expert_by_name(ws, 2018, "顾问甲")
    assert advisor.group_id is None
    assert assignments_for_expert(ws, 2018, "initial", advisor.id) == []


def test_every_alliance_in_one_group_scored_by_its_clean_members(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    members: dict[int, list[int]] = {}
    for expert in list_experts(ws, 2018):
        if expert.group_id is not None:
            members.setdefault(expert.group_id, []).append(expert.id)
    rows = ws.db.execute("SELECT alliance_id, group_id, expert_id FROM assignments"
                         " WHERE round = 'initial'").fetchall()
    by_alliance: dict[int, set[int]] = {}
    groups_of: dict[int, set[int]] = {}
    for alliance_id, group_id, expert_id in rows:
        by_alliance.setdefault(alliance_id, set()).add(expert_id)
        groups_of.setdefault(alliance_id, set()).add(group_id)
        assert not has_conflict(ws, expert_id, alliance_id)
    assert all(len(g) == 1 for g in groups_of.values())
    for alliance_id, experts in by_alliance.items():
        group_id = next(iter(groups_of[alliance_id]))
        expected = {e for e in members[group_id] if not has_conflict(ws, e, alliance_id)}
        assert experts == expected
    assert round_problems(ws, 2018, "initial") == []


def test_alliance_moves_when_a_whole_group_is_conflicted(workspace: Workspace) -> None:
    ws = workspace
    alliances = []
    for code in ("101", "102", "103", "104"):
        alliance = add_alliance(ws, code, f"测试{code}联盟")
        make_eligible(ws, alliance.id)
        alliances.append(alliance)
    for name in ("甲", "乙", "丙", "丁"):
        add_expert(ws, 2018, name, "member")
    assign_round(ws, 2018, "initial", groups=2)
    target = alliances[0]
    group = group_of_alliance(ws, 2018, "initial", target.id)
    for expert in list_experts(ws, 2018):
        if expert.group_id == group:
            declare_conflict(ws, expert.id, target.id, "本人曾任理事")
    summary = assign_round(ws, 2018, "initial")
    assert group_of_alliance(ws, 2018, "initial", target.id) != group
    assert [len(g.alliances) for g in summary.groups] == [2, 2]
    assert round_problems(ws, 2018, "initial") == []


def test_alliance_no_group_can_take_is_refused(workspace: Workspace) -> None:
    ws = workspace
    alliance = add_alliance(ws, "101", "测试101联盟")
    make_eligible(ws, alliance.id)
    only = add_expert(ws, 2018, "甲", "member")
    declare_conflict(ws, only, alliance.id, "本人所在单位")
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "initial", groups=1)
    assert info.value.problems[0].code == "assign.no_group_for"
    assert "101" in info.value.render("zh")
    assert ws.count("assignments") == 0


def test_review_round_goes_to_another_group_balanced(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    summary = assign_round(ws, 2018, "review")
    initial = initial_groups(ws, 2018)
    review = placement(ws, "review")
    assert len(review) == sum(BATCH_SIZES.values())
    for code, group_id in review.items():
        alliance = find_by_code(ws, code)
        assert alliance is not None
        assert initial[alliance.id] != group_id
    counts = [len(g.alliances) for g in summary.groups]
    assert max(counts) - min(counts) <= 1
    assert round_problems(ws, 2018, "review") == []


def test_review_needs_initial_round_and_two_groups(workspace: Workspace) -> None:
    ws = workspace
    alliance = add_alliance(ws, "101", "测试101联盟")
    make_eligible(ws, alliance.id)
    add_expert(ws, 2018, "甲", "member")
    add_expert(ws, 2018, "乙", "member")
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "review", groups=2)
    assert info.value.problems[0].code == "assign.no_initial"
    # Refused whole: the groups it formed on the way were not kept.
    assert all(e.group_id is None for e in list_experts(ws, 2018))
    assign_round(ws, 2018, "initial", groups=1)
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "review")
    assert info.value.problems[0].code == "assign.review_needs_two_groups"
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "initial", groups=3)
    assert info.value.problems[0].code == "assign.groups_exist"


def test_same_seed_same_assignment_other_seed_differs(tmp_path: Path) -> None:
    def build(name: str, seed: int) -> tuple[dict[str, int], dict[str, int], list[str]]:
        ws = Workspace.create(tmp_path / f"{name}.evdb", year=2018)
        try:
            for batch, size in BATCH_SIZES.items():
                for code in codes_for(batch, size):
                    make_eligible(ws, add_alliance(ws, code, f"测试{code}联盟").id)
            for i in range(9):
                add_expert(ws, 2018, f"专家{i}", "member")
            assign_round(ws, 2018, "initial", groups=3, seed=seed)
            assign_round(ws, 2018, "review", seed=seed)
            groups = [e.name for e in list_experts(ws, 2018) if e.group_name == "第一组"]
            return placement(ws, "initial"), placement(ws, "review"), groups
        finally:
            ws.close()

    assert build("a", 7) == build("b", 7)
    assert build("c", 7)[0] != build("d", 8)[0]


def test_manual_assignment_refuses_conflict(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    leader = get_expert_by_name(ws, 2018, "组长乙")
    own = find_by_code(ws, "101")
    other = find_by_code(ws, "102")
    assert own is not None
    assert other is not None
    with pytest.raises(EvaluatorError) as info:
        add_assignment(ws, 2018, "initial", leader.id, own.id)
    text = info.value.render("zh")
    assert "组长乙" in text
    assert "101" in text
    assert "测试101产业技术创新战略联盟" in text
    assert info.value.problems[0].code == "assign.conflict"
    assert own.id not in assignments_for_expert(ws, 2018, "initial", leader.id)
    add_assignment(ws, 2018, "initial", leader.id, other.id)
    assert other.id in assignments_for_expert(ws, 2018, "initial", leader.id)
    assert remove_assignment(ws, 2018, "initial", leader.id, other.id)
    assert other.id not in assignments_for_expert(ws, 2018, "initial", leader.id)
    advisor = get_expert_by_name(ws, 2018, "顾问甲")
    with pytest.raises(EvaluatorError) as info:
        add_assignment(ws, 2018, "initial", advisor.id, other.id)
    assert info.value.problems[0].code == "assign.advisor"


def test_declaring_a_conflict_withdraws_the_assignment(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    expert = get_expert_by_name(ws, 2018, "成员0")
    alliance_id = assignments_for_expert(ws, 2018, "initial", expert.id)[0]
    declare_conflict(ws, expert.id, alliance_id, "亲属在该联盟秘书处工作")
    assert alliance_id not in assignments_for_expert(ws, 2018, "initial", expert.id)


def test_replacing_a_round_refused_once_scored(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    assign_round(ws, 2018, "initial")  # no scores yet: replacing is fine
    assign_round(ws, 2018, "review")
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "initial")
    assert info.value.problems[0].code == "assign.review_exists"
    expert_id, alliance_id = ws.db.execute(
        "SELECT expert_id, alliance_id FROM assignments WHERE round = 'review'").fetchone()
    insert_scores(ws.db, [{
        "year": 2018, "round": "review", "expert_id": expert_id, "alliance_id": alliance_id,
        "indicator_code": "1.1", "value": 3, "entered_at": "2018-12-01"}])
    before = ws.count("assignments", "round = 'review'")
    with pytest.raises(EvaluatorError) as info:
        assign_round(ws, 2018, "review")
    assert info.value.problems[0].code == "assign.scores_exist"
    with pytest.raises(EvaluatorError) as info:
        remove_assignment(ws, 2018, "review", expert_id, alliance_id)
    assert info.value.problems[0].code == "assign.has_scores"
    assert ws.count("assignments", "round = 'review'") == before
    audit = [r[0] for r in ws.db.execute(
        "SELECT entity_key FROM audit_log WHERE entity = 'assignments' ORDER BY id")]
    assert audit == ["2018:initial", "2018:initial", "2018:review"]


def test_matrix_marks_assigned_and_conflicts(ws: Workspace) -> None:
    assign_round(ws, 2018, "initial", groups=3)
    matrix = assignment_matrix(ws, 2018, "initial")
    assert len(matrix.alliances) == sum(BATCH_SIZES.values())
    assert all(e.role != "advisor" for e in matrix.experts)
    leader = get_expert_by_name(ws, 2018, "组长乙")
    own = find_by_code(ws, "101")
    assert own is not None
    assert matrix.conflict_reason(own.id, leader.id) is not None
    assert not matrix.is_assigned(own.id, leader.id)
    assert sum(matrix.per_expert.values()) == len(matrix.assigned)
    assert sum(matrix.per_alliance.values()) == len(matrix.assigned)


# -- the report's own panel and alliances ---------------------------------------------------------

# Annex 1 names two alliances differently from annex 2 beyond what the core-name match
# bridges; the registry carries them as former names.
ANNEX1_ALIASES = {"124": "新一代纺织机械产业技术创新战略联盟",
                  "d103": "水环境治理产业技术创新战略联盟"}


def test_annex1_panel_never_scores_its_own_annex2_alliance(workspace: Workspace) -> None:
    ws = workspace
    with (SHARED / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            make_eligible(ws, add_alliance(ws, row["code"], row["alliance"]).id)
    for code, alias in ANNEX1_ALIASES.items():
        alliance = find_by_code(ws, code)
        assert alliance is not None
        add_alias(ws, alliance.id, "name", alias)
    report = import_panel(ws, SHARED / "annex1_2018_panel.csv", 2018)
    # Every expert whose organisation is an annex-2 alliance is matched; the four from the
    # liaison group and the network office are not alliances being evaluated.
    assert len(report.matched) == 28
    assert {name for name, _ in report.unmatched} == {"李新男", "程学忠", "邸晓燕", "陈杰飞"}
    assign_round(ws, 2018, "initial", groups=4, seed=2018)
    assign_round(ws, 2018, "review", seed=2018)
    for expert in list_experts(ws, 2018):
        for round_ in ("initial", "review"):
            assigned = assignments_for_expert(ws, 2018, round_, expert.id)
            if expert.alliance_id is not None:
                assert expert.alliance_id not in assigned, (expert.name, round_)
            assert not any(has_conflict(ws, expert.id, a) for a in assigned)
    ruan = get_expert_by_name(ws, 2018, "阮军")
    semiconductor = find_by_code(ws, "109")
    assert semiconductor is not None
    assert ruan.alliance_id == semiconductor.id
    assert round_problems(ws, 2018, "initial") == []
    assert round_problems(ws, 2018, "review") == []
    review = placement(ws, "review")
    initial = placement(ws, "initial")
    assert len(initial) == len(review) == 88
    assert all(initial[code] != review[code] for code in initial)


# -- the command line -------------------------------------------------------------------------------

def test_cli_panel_conflict_assign(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.evdb"
    ws = Workspace.create(path, year=2018)
    with (SHARED / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            make_eligible(ws, add_alliance(ws, row["code"], row["alliance"]).id)
    ws.close()
    assert main(["panel", "import", str(path), str(SHARED / "annex1_2018_panel.csv")]) == 0
    assert main(["conflict", "add", str(path), "--expert", "王 鹏", "--alliance", "118",
                 "--reason", " "]) == 2
    assert "理由" in capsys.readouterr().err
    assert main(["conflict", "add", str(path), "--expert", "王鹏", "--alliance", "118",
                 "--reason", "曾任该联盟理事"]) == 0
    assert main(["assign", str(path), "--round", "initial", "--groups", "4"]) == 0
    out = capsys.readouterr().out
    assert "第一组" in out
    assert "批次构成" in out
    assert main(["assign", str(path), "--round", "review", "--json"]) == 0


    data = json.loads(capsys.readouterr().out)
    assert data["round"] == "review"
    assert data["problems"] == []
    assert main(["panel", "list", str(path), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing["experts"]) == 32
    assert len(listing["groups"]) == 4
    with Workspace.open(path) as ws:
        wang = get_expert_by_name(ws, 2018, "王鹏")
        chem = find_by_code(ws, "118")
        assert chem is not None
        for round_ in ("initial", "review"):
            assert chem.id not in assignments_for_expert(ws, 2018, round_, wang.id)
