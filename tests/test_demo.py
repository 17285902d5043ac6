"""The demo: a complete 2018 evaluation from the report's annexes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evaluator.workspace import Workspace


def test_demo_holds_what_the_issue_promises(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        assert ws.count("alliances") == 99
        assert {b["id"]: b["size"] for b in ws.batches()} == {"1": 52, "2": 39, "3": 55, "d": 6}
        assert ws.count("experts") == 32
        assert len(ws.rubric(2018).indicators) == 20
        rounds = [r[0] for r in ws.db.execute("SELECT DISTINCT round FROM scores ORDER BY 1")]
        assert rounds == ["initial", "review"]
        assert ws.count("results", "year = 2018 AND source = 'history'") == 88
        assert ws.count("submissions", "year = 2018") == 88
        assert ws.integrity_ok()


def test_no_expert_scores_an_alliance_of_his_own(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        clashes = ws.db.execute(
            "SELECT count(*) FROM scores s JOIN conflicts c"
            " ON c.expert_id = s.expert_id AND c.alliance_id = s.alliance_id").fetchone()[0]
        assert clashes == 0
        # Annex 1 experts whose own alliance is in annex 2 carry a conflict.
        conflicted = {r[0] for r in ws.db.execute(
            "SELECT e.name FROM conflicts c JOIN experts e ON e.id = c.expert_id")}
        assert {"仲继寿", "阮军", "秦舒", "杨洁", "李雪清", "田卫红"} <= conflicted


def test_every_alliance_is_scored_in_both_rounds_by_complete_sets(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        rows = ws.db.execute(
            "SELECT alliance_id, round, expert_id, count(*) FROM scores"
            " GROUP BY alliance_id, round, expert_id").fetchall()
        assert all(n == 20 for *_, n in rows)
        per_alliance = {(a, r) for a, r, *_ in rows}
        assert len(per_alliance) == 88 * 2


def test_consensus_reproduces_annex2_scores(demo_path: Path) -> None:
    from evaluator.consensus import consensus_table, round_half_up

    with Workspace.open(demo_path) as ws:
        table = consensus_table(ws, 2018)
        published = dict(ws.db.execute(
            "SELECT alliance_id, score FROM results WHERE year = 2018 AND source = 'history'"
            " AND score IS NOT NULL").fetchall())
        off = {a: (round_half_up(table[a].consensus), s) for a, s in published.items()
               if round_half_up(table[a].consensus) != s}
        # Group-versus-group plants cannot be exactly symmetric; everything else matches.
        assert len(off) <= 2, off


def test_demo_command_writes_a_workspace(tmp_path: Path) -> None:
    out = tmp_path / "d.evdb"
    done = subprocess.run([sys.executable, "-m", "evaluator", "demo", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.exists()
    again = subprocess.run([sys.executable, "-m", "evaluator", "demo", str(out)],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 2


def test_demo_yields_a_package_for_every_expert_without_conflicts(demo_ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from evaluator.expert_package import Package
    from evaluator.package_builders import build_all_packages

    build_all_packages(demo_ws, 2018, "initial", tmp_path / "pkgs")
    paths = sorted((tmp_path / "pkgs").glob("*.evpkg"))
    assert len(paths) == 32
    conflicts = {(name, code) for name, code in demo_ws.db.execute(
        "SELECT e.name, a.code FROM conflicts c JOIN experts e ON e.id = c.expert_id"
        " JOIN alliances a ON a.id = c.alliance_id")}
    seen_experts = set()
    for path in paths:
        package = Package.open(path)
        try:
            seen_experts.add(package.expert)
            codes = {a.code for a in package.alliances()}
            assert codes
            assert not {(package.expert, code) for code in codes} & conflicts
        finally:
            package.close()
    assert len(seen_experts) == 32
