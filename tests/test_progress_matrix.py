"""Who has sent what: received, partial, superseded and missing cells, and the chase list."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.assignments import add_assignment
from evaluator.merge import merge_score_files
from evaluator.packages import Package, build_expert_package
from evaluator.panel import add_expert
from evaluator.progress_matrix import progress_matrix
from evaluator.registry import add_alliance
from evaluator.scorefile import export_score_file
from evaluator.workspace import Workspace


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    ids = [add_alliance(workspace, code, f"{name}产业技术创新战略联盟").id
           for code, name in (("101", "甲"), ("102", "乙"), ("103", "丙"))]
    for name, alliances in (("张三", ids[:2]), ("李四", ids[1:]), ("王五", ids[:1])):
        e = add_expert(workspace, 2018, name, "member")
        for aid in alliances:
            add_assignment(workspace, 2018, "initial", e, aid)
    return workspace


def send(ws: Workspace, tmp: Path, name: str, codes: set[str], indicators: int | None = None,
         n: int = 1) -> Path:
    """The expert scores `indicators` indicators (all by default) of `codes` and exports."""
    pkg_path = tmp / f"{name}.evpkg"
    if not pkg_path.exists():
        build_expert_package(ws, 2018, "initial", name, pkg_path)
    with Package.open(pkg_path) as pkg:
        wanted = pkg.rubric.codes[:indicators] if indicators else pkg.rubric.codes
        pkg.set_scores([(a.id, code, 2.0, None) for a in pkg.alliances() if a.code in codes
                        for code in wanted])
        return export_score_file(pkg, tmp / f"{name}-{n}.xlsx", partial=True).path


def statuses(ws: Workspace) -> dict[str, dict[str, str]]:
    matrix = progress_matrix(ws, 2018, "initial")
    return {e.name: {c.code: c.status for c in e.cells} for e in matrix.experts}


def test_nothing_sent_is_all_missing_and_everyone_is_chased(ws: Workspace) -> None:
    assert statuses(ws) == {"张三": {"101": "missing", "102": "missing"},
                            "李四": {"102": "missing", "103": "missing"},
                            "王五": {"101": "missing"}}
    matrix = progress_matrix(ws, 2018, "initial")
    assert matrix.chase_list() == {"张三": ["101", "102"], "李四": ["102", "103"],
                                   "王五": ["101"]}
    assert [code for _, code in matrix.alliances] == ["101", "102", "103"]
    assert all(e.latest_sequence is None for e in matrix.experts)


def test_received_partial_and_missing_cells(ws: Workspace, tmp_path: Path) -> None:
    files = [send(ws, tmp_path, "张三", {"101", "102"}),
             send(ws, tmp_path, "李四", {"102"}, indicators=5)]
    merge_score_files(ws, files, year=2018)
    assert statuses(ws) == {"张三": {"101": "received", "102": "received"},
                            "李四": {"102": "partial", "103": "missing"},
                            "王五": {"101": "missing"}}
    matrix = progress_matrix(ws, 2018, "initial")
    assert matrix.chase_list() == {"李四": ["102", "103"], "王五": ["101"]}
    zhang = next(e for e in matrix.experts if e.name == "张三")
    assert zhang.latest_sequence == 1
    lines = matrix.lines()
    assert lines[0].startswith("分组初评：2/5 份评分已收到，3 位专家中 1 位已交齐")
    assert any(line.startswith("李四：已收 0/2") and "102(partial)" in line for line in lines)


def test_a_newer_file_supersedes_and_completes(ws: Workspace, tmp_path: Path) -> None:
    merge_score_files(ws, [send(ws, tmp_path, "李四", {"102"}, indicators=5)], year=2018)
    merge_score_files(ws, [send(ws, tmp_path, "李四", {"102", "103"}, n=2)], year=2018)
    assert statuses(ws)["李四"] == {"102": "received", "103": "received"}
    li = next(e for e in progress_matrix(ws, 2018, "initial").experts if e.name == "李四")
    assert [f["status"] for f in li.files] == ["superseded", "accepted"]
    assert li.latest_sequence == 2


def test_as_dict_carries_the_chase_list(ws: Workspace) -> None:
    data = progress_matrix(ws, 2018, "initial").as_dict()
    assert data["round"] == "initial"
    assert data["chase_list"]["王五"] == ["101"]
    assert {e["name"] for e in data["experts"]} == {"张三", "李四", "王五"}


def test_an_unassigned_round_is_empty(ws: Workspace) -> None:
    assert progress_matrix(ws, 2018, "review").experts == []
