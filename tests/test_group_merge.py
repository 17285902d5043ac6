"""The group leader's route: members' files into the group package, then one group file
that the secretariat merges while still verifying every member's own signature."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package
from evaluator.group_merge import export_group_file, group_progress, merge_into_group_package
from evaluator.merge import merge_score_files
from evaluator.package_builders import build_expert_package, build_group_package
from evaluator.scorefile import SCORES_SHEET
from evaluator.scorefile_export import export_score_file
from evaluator.workspace import Workspace


def group_members(ws: Workspace, group: str) -> list[str]:
    return [r[0] for r in ws.db.execute(
        "SELECT DISTINCT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " JOIN expert_groups g ON g.id = e.group_id"
        " WHERE s.round = 'initial' AND g.name = ? ORDER BY e.sort, e.id", (group,))]


def member_file(ws: Workspace, name: str, folder: Path, value: float) -> Path:
    """A member scores (one value changed) and exports a signed file."""
    expert_id = ws.db.execute("SELECT id FROM experts WHERE name = ?", (name,)).fetchone()[0]
    pkg_path = folder / f"{name}.evpkg"
    build_expert_package(ws, 2018, "initial", expert_id, pkg_path)
    with Package.open(pkg_path) as pkg:
        FIRST_CODE[name] = pkg.alliances()[0].code
        pkg.set_score(FIRST_CODE[name], "1.1", value)
        return export_score_file(pkg, folder / f"{name}.xlsx").path


FIRST_CODE: dict[str, str] = {}


def filled_member_file(ws: Workspace, name: str, folder: Path, dissent: bool = False) -> Path:
    """A member's signed file with his demo scores for the initial round; `dissent`: he
    gives his first alliance 0 on every indicator (in the workspace too)."""
    expert_id = ws.db.execute("SELECT id FROM experts WHERE name = ?", (name,)).fetchone()[0]
    pkg_path = folder / f"{name}.evpkg"
    build_expert_package(ws, 2018, "initial", expert_id, pkg_path)
    with Package.open(pkg_path) as pkg:
        codes = {a.code: a.id for a in pkg.alliances()}
        pkg.set_scores([(codes[code], indicator, value, None)
                        for code, indicator, value in ws.db.execute(
                            "SELECT a.code, s.indicator_code, s.value FROM scores s"
                            " JOIN alliances a ON a.id = s.alliance_id WHERE s.year = 2018"
                            " AND s.round = 'initial' AND s.expert_id = ?", (expert_id,))
                        if code in codes])
        if dissent:
            first = pkg.alliances()[0]
            pkg.set_scores([(first.id, indicator, 0.0, None) for indicator in pkg.rubric.codes])
            with ws.transaction():
                ws.db.execute("UPDATE scores SET value = 0 WHERE year = 2018 AND round ="
                              " 'initial' AND expert_id = ? AND alliance_id = ?",
                              (expert_id, first.id))
        return export_score_file(pkg, folder / f"{name}.xlsx").path


@pytest.fixture
def group_setup(demo_ws: Workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    members = group_members(demo_ws, "第一组")[:3]
    files = [member_file(demo_ws, name, tmp_path, 0.5) for name in members]
    gpkg = tmp_path / "group.evpkg"
    build_group_package(demo_ws, 2018, "initial", "第一组", gpkg)
    return demo_ws, members, files, gpkg, tmp_path


def test_group_leader_merges_checks_and_sends_one_file(group_setup) -> None:  # type: ignore[no-untyped-def]
    ws, members, files, gpkg, tmp = group_setup
    # One member's file is edited after export: the leader's merge refuses it.
    forged = tmp / "forged.xlsx"
    wb = openpyxl.load_workbook(files[2])
    wb[SCORES_SHEET].cell(row=2, column=3).value = 5
    wb.save(forged)
    report = merge_into_group_package(gpkg, [files[0], files[1], forged])
    assert [r.status for r in report.results] == ["accepted", "accepted", "rejected"]
    assert "merge.bad_signature" in {p.code for p in report.results[2].problems}
    again = merge_into_group_package(gpkg, [files[0]])
    assert again.results[0].status == "unchanged"
    progress = {row["expert"]: row for row in group_progress(gpkg)}
    assert progress[members[0]]["sequence"] is not None
    assert progress[members[0]]["legacy_signature"] is False  # signed with the package's key
    assert progress[members[2]]["sequence"] is None

    group_file = tmp / "第一组.evgroup"
    sent = export_group_file(gpkg, group_file)
    assert {e.expert for e in sent.entries} == set(members[:2])
    with zipfile.ZipFile(group_file) as zf:
        # The members' files travel byte for byte.
        inside = sorted(n for n in zf.namelist() if n.startswith("files/"))
        assert [zf.read(n) for n in inside] == [files[0].read_bytes(), files[1].read_bytes()]

    report = merge_score_files(ws, [group_file])
    assert [r.status for r in report.results] == ["accepted", "accepted"]
    assert {r.expert for r in report.results} == set(members[:2])
    # Each member's file records the group file it came in (traceability).
    assert ws.count("score_files", "via_group_file = '第一组.evgroup' AND status = 'accepted'") == 2
    value = ws.db.execute(
        "SELECT s.value FROM scores s JOIN experts e ON e.id = s.expert_id"
        " JOIN alliances a ON a.id = s.alliance_id"
        " WHERE e.name = ? AND a.code = ? AND s.indicator_code = '1.1'"
        " AND s.round = 'initial'", (members[0], FIRST_CODE[members[0]])).fetchone()[0]
    assert value == 0.5


def test_a_tampered_group_file_is_refused_whole(group_setup) -> None:  # type: ignore[no-untyped-def]
    ws, _members, files, gpkg, tmp = group_setup
    merge_into_group_package(gpkg, files[:2])
    group_file = export_group_file(gpkg, tmp / "g.evgroup")
    assert group_file.entries
    tampered = tmp / "tampered.evgroup"
    with zipfile.ZipFile(tmp / "g.evgroup") as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("files/"):
                data = data[:-10] + b"0123456789"
            dst.writestr(item, data)
    before = ws.count("scores")
    report = merge_score_files(ws, [tampered, files[2]])
    statuses = {r.path.name: r.status for r in report.results}
    assert statuses["tampered.evgroup"] == "rejected"
    assert statuses[files[2].name] == "accepted"  # valid files still merge
    assert ws.count("scores") == before
    junk = tmp / "junk.evgroup"
    junk.write_bytes(b"PK\x03\x04 not a zip")
    assert merge_score_files(ws, [junk]).results[0].status == "rejected"


def test_group_cli(group_setup, capsys) -> None:  # type: ignore[no-untyped-def]
    ws, _members, files, gpkg, tmp = group_setup
    assert main(["group", "merge", str(gpkg), *map(str, files)]) == 0
    assert main(["group", "progress", str(gpkg), "--json"]) == 0
    out = tmp / "out.evgroup"
    assert main(["group", "export", str(gpkg), "--out", str(out)]) == 0
    assert out.exists()
    empty = tmp / "empty.evpkg"
    build_group_package(ws, 2018, "initial", "第二组", empty)
    with pytest.raises(EvaluatorError):
        export_group_file(empty, tmp / "none.evgroup")
    assert main(["group", "export", str(empty), "--out", str(tmp / "none.evgroup")]) == 2
    assert "还没有" in capsys.readouterr().err


def test_group_differences_equal_the_secretariats_flags(demo_ws: Workspace,
                                                         tmp_path: Path) -> None:
    """The leader's 本组差异 on the members' own files: the same totals, consensus and
    F2/F3 the secretariat's flags raise on the same scores."""
    from evaluator.consensus import consensus_table, score_sets
    from evaluator.flags import flag_consensus
    from evaluator.group_merge import GROUP_RULES, group_differences
    from evaluator.settings import flag_thresholds

    ws = demo_ws
    group = "第一组"
    members = group_members(ws, group)
    ids = {r[1]: r[0] for r in ws.db.execute("SELECT id, name FROM experts WHERE year = 2018")}
    files = [filled_member_file(ws, name, tmp_path, dissent=name == members[0])
             for name in members[:-1]]  # the last member has not sent yet
    # Made after the members' packages: it carries their public keys.
    gpkg = tmp_path / "group.evpkg"
    build_group_package(ws, 2018, "initial", group, gpkg)
    report = merge_into_group_package(gpkg, files)
    assert {r.status for r in report.results} == {"accepted"}

    differences = group_differences(gpkg)
    assert differences.missing == [members[-1]]
    sent = {ids[name] for name in members[:-1]}
    sets = [s for s in score_sets(ws, 2018) if s.round == "initial" and s.expert_id in sent]
    expected = consensus_table(ws, 2018, sets=sets)
    settings = flag_thresholds(ws)
    assert differences.settings == settings
    names = {ids[name]: name for name in members}
    assert {item.alliance_id for item in differences.items} == set(expected)
    flagged = 0
    for item in differences.items:
        c = expected[item.alliance_id]
        assert sorted(item.consensus.totals) == sorted(c.totals)
        assert item.consensus.consensus == pytest.approx(c.consensus)
        hits = flag_consensus(c, settings, names, GROUP_RULES)
        assert [(h.rule, h.numbers) for h in item.rules] == [(h.rule, h.numbers) for h in hits]
        flagged += bool(hits)
    assert flagged, "the demo's first group has differences to show"
    # Flagged alliances first, in the plenary agenda's order.
    leads = [item.rules != [] for item in differences.items]
    assert leads == sorted(leads, reverse=True)
