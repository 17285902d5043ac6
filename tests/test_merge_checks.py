"""What a merge judges a file by: the context it reads once and trusts until another
program commits; the rules the secretariat and the group leader share."""

from __future__ import annotations

from pathlib import Path

from evaluator.merge_checks import MergeContext
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace


def test_the_context_holds_until_another_program_commits(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    Workspace.create(path, year=2018).close()
    with Workspace.open(path) as ws:
        context = MergeContext.load(ws, 2018)
        assert context.unchanged_since_loaded(ws)
        with ws.transaction():  # this merge's own writes do not count
            add_alliance(ws, "101", "甲产业技术创新战略联盟")
        assert context.unchanged_since_loaded(ws)
        with Workspace.open(path) as other:
            add_alliance(other, "102", "乙产业技术创新战略联盟")
        assert not context.unchanged_since_loaded(ws)
        assert MergeContext.load(ws, 2018).unchanged_since_loaded(ws)


def test_valid_pairs_are_the_rubric_values(tmp_path: Path) -> None:
    path = tmp_path / "w.evdb"
    with Workspace.create(path, year=2018) as ws:
        context = MergeContext.load(ws, 2018)
    assert ("1.1", 0.0) in context.allowed_pairs
    assert ("1.1", 0.25) not in context.allowed_pairs
    assert {(i, v) for i, values in context.allowed.items() for v in values} \
        == context.allowed_pairs


def test_one_sequence_rule_for_the_secretariat_and_the_group_leader() -> None:
    from evaluator.merge_checks import sequence_problems

    assert sequence_problems("f.xlsx", 3, None, None) == []  # nothing kept yet
    assert sequence_problems("f.xlsx", 3, 2, None) == []  # newer than what is kept
    assert sequence_problems("f.xlsx", 3, 3, True) is None  # this very export: no change
    reused = sequence_problems("f.xlsx", 3, 3, False)
    assert reused is not None
    assert [(p.code, p.params) for p in reused] == [("merge.sequence_reused", {"found": 3})]
    older = sequence_problems("f.xlsx", 2, 3, None)
    assert older is not None
    assert [(p.code, p.params, p.file) for p in older] == [
        ("merge.older_sequence", {"found": 2, "latest": 3}, "f.xlsx")]
