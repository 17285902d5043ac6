"""One file, one problem list, never a crash: every hostile file of a batch is refused
with its name and reason (exit 2) while the batch's genuine files merge."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from evaluator.cli import main
from evaluator.group_merge import GROUP_FILE_FORMAT
from evaluator.packages import Package, build_expert_package, build_group_package
from evaluator.scorefile import (
    K_SEQUENCE,
    K_SIGNATURE,
    META_SHEET,
    SCORES_SHEET,
    export_score_file,
    read_score_file,
)
from evaluator.signing import sign
from evaluator.workspace import Workspace

GROUP = "第一组"


def members(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute(
        "SELECT DISTINCT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " JOIN expert_groups g ON g.id = e.group_id"
        " WHERE s.round = 'initial' AND g.name = ? ORDER BY e.sort, e.id", (GROUP,))]


def scored_export(ws: Workspace, name: str, folder: Path, value: float = 3.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    pkg_path = folder / f"{name}.evpkg"
    if not pkg_path.exists():
        build_expert_package(ws, 2018, "initial", name, pkg_path)
    with Package.open(pkg_path) as pkg:
        pkg.set_scores([(a.id, c, value, None) for a in pkg.alliances()
                        for c in pkg.rubric.codes])
        return export_score_file(pkg, folder / "scores.xlsx").path


def resign(path: Path, pkg_path: Path) -> None:
    """Sign the file again with the expert's own key: only the edit is wrong."""
    with Package.open(pkg_path) as pkg:
        key = pkg.signing_key
    signature = sign(key, read_score_file(path).canonical_json())
    wb = openpyxl.load_workbook(path)
    for row in wb[META_SHEET].iter_rows(min_row=2):
        if row[0].value == K_SIGNATURE:
            row[1].value = signature
    wb.save(path)


def set_meta(path: Path, key: str, value: str) -> int:
    wb = openpyxl.load_workbook(path)
    for row in wb[META_SHEET].iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
            wb.save(path)
            return int(row[0].row)
    raise KeyError(key)


def cli(*argv: str) -> tuple[int, Any]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = main([*argv, "--json"])
    return code, json.loads(out.getvalue())


def statuses(report: Any) -> dict[str, str]:
    return {Path(f["file"]).name if f["file"] else "": f["status"] for f in report["files"]}


def problems_of(report: Any, name: str) -> list[dict[str, Any]]:
    [entry] = [f for f in report["files"] if Path(f["file"]).name == name]
    return list(entry["problems"])


@pytest.fixture
def batch(demo_ws: Workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    """(workspace, a genuine file of one member, the folder of another member's package,
    that member's name)."""
    first, second = members(demo_ws)[:2]
    genuine = scored_export(demo_ws, first, tmp_path / "genuine")
    return demo_ws, genuine, tmp_path / "other", second


@pytest.mark.parametrize("sequence", [str(2**63), str(2**31), "0", "-5", "１２", "1e3"])
def test_an_unbounded_export_number_is_refused_at_parse_time(batch, sequence: str) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, folder, name = batch
    bad = scored_export(ws, name, folder)
    row = set_meta(bad, K_SEQUENCE, sequence)
    resign(bad, folder / f"{name}.evpkg")
    sf = read_score_file(bad)
    [problem] = sf.errors
    assert (problem.code, problem.sheet, problem.row, problem.params["cell"]) == (
        "scorefile.bad_meta_cell", META_SHEET, row, f"B{row}")
    code, report = cli("merge", str(ws.path), str(genuine), str(bad))
    assert code == 2
    # Both files are called scores.xlsx (from two folders): tell them apart by path.
    assert [(f["file"], f["status"]) for f in report["files"]] == [
        (str(genuine), "accepted"), (str(bad), "rejected")]
    [problem] = report["files"][1]["problems"]
    assert problem["code"] == "scorefile.bad_meta_cell"
    assert f"B{row}" in problem["text"]
    assert "导出序号" in problem["text"]


def test_the_group_merge_refuses_it_too(batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, folder, name = batch
    bad = scored_export(ws, name, folder)
    set_meta(bad, K_SEQUENCE, str(2**63))
    resign(bad, folder / f"{name}.evpkg")
    gpkg = tmp_path / "group.evpkg"
    build_group_package(ws, 2018, "initial", GROUP, gpkg)
    code, report = cli("group", "merge", str(gpkg), str(genuine), str(bad))
    assert code == 2
    assert [f["status"] for f in report["files"]] == ["accepted", "rejected"]


def test_one_alliance_twice_under_a_former_code_or_full_width_digits(batch) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, folder, _ = batch
    name = str(ws.db.execute(
        "SELECT e.name FROM assignments s JOIN experts e ON e.id = s.expert_id"
        " JOIN alliances a ON a.id = s.alliance_id WHERE a.code = '109'"
        " AND s.round = 'initial' AND e.name NOT IN (?) ORDER BY e.sort LIMIT 1",
        (read_score_file(genuine).expert,)).fetchone()[0])
    files = []
    for alias in ("110", "１０９"):
        path = scored_export(ws, name, folder / alias)
        wb = openpyxl.load_workbook(path)
        sheet = wb[SCORES_SHEET]
        row = next(r for r in sheet.iter_rows(min_row=2) if str(r[0].value) == "109")
        sheet.append([alias, *[c.value for c in row[1:]]])
        wb.save(path)
        resign(path, folder / alias / f"{name}.evpkg")
        target = folder / f"dup-{len(files)}.xlsx"
        path.rename(target)
        files.append(target)
    before = ws.count("scores")
    code, report = cli("merge", str(ws.path), str(genuine), *map(str, files))
    assert code == 2
    assert statuses(report) == {"scores.xlsx": "accepted", "dup-0.xlsx": "rejected",
                                "dup-1.xlsx": "rejected"}
    former = problems_of(report, "dup-0.xlsx")
    assert [p["code"] for p in former] == ["merge.duplicate_alliance"]
    assert "110" in former[0]["text"]
    assert "109" in former[0]["text"]
    full_width = problems_of(report, "dup-1.xlsx")
    assert [p["code"] for p in full_width] == ["scorefile.duplicate_row"]
    assert ws.count("scores") >= before  # the genuine file merged; nothing crashed


def group_file(path: Path, members: list[Path]) -> Path:
    """A group file as the leader's program writes it (members' files byte for byte)."""
    entries = []
    with zipfile.ZipFile(path, "w") as zf:
        for i, member in enumerate(members, start=1):
            data = member.read_bytes()
            name = f"files/{i:03d}-{member.name}"
            zf.writestr(name, data)
            entries.append({"expert": read_score_file(member).expert, "sequence": 1,
                            "sha256": hashlib.sha256(data).hexdigest(), "file_name": name})
        zf.writestr("manifest.json", json.dumps({
            "format": GROUP_FILE_FORMAT, "format_version": 1, "files": entries}))
    return path


@pytest.mark.parametrize("manifest", ["[]", "null", "5", '{"format": "evaluator-group-file"}',
                                      '{"format": "evaluator-group-file", "files": [5]}',
                                      None])
def test_malformed_group_files_are_refused_one_by_one(batch, manifest: str | None) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, folder, _ = batch
    folder.mkdir()
    bad = folder / "bad.evgroup"
    if manifest is not None:
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", manifest)
    code, report = cli("merge", str(ws.path), str(genuine), str(bad))
    assert code == 2
    assert statuses(report) == {"scores.xlsx": "accepted", "bad.evgroup": "rejected"}
    [problem] = problems_of(report, "bad.evgroup")
    assert problem["code"] == ("file.missing" if manifest is None else "group.not_group_file")
    assert "bad.evgroup" in problem["text"]


def test_group_files_of_one_name_unpack_apart(batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two 第一组.evgroup from two folders whose members' files share a name: both
    members' files merge (each group file unpacks into a folder of its own)."""
    ws, genuine, folder, name = batch
    other = scored_export(ws, name, folder)
    assert genuine.name == other.name
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = group_file(tmp_path / "a" / f"{GROUP}.evgroup", [genuine])
    second = group_file(tmp_path / "b" / f"{GROUP}.evgroup", [other])
    code, report = cli("merge", str(ws.path), str(first), str(second))
    assert code == 0, report
    assert [f["status"] for f in report["files"]] == ["accepted", "accepted"]
    assert {f["expert"] for f in report["files"]} == {read_score_file(genuine).expert, name}


def test_a_missing_score_file_is_refused_and_the_rest_merge(batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, _, _ = batch
    code, report = cli("merge", str(ws.path), str(tmp_path / "nowhere.xlsx"), str(genuine))
    assert code == 2
    assert statuses(report) == {"nowhere.xlsx": "rejected", "scores.xlsx": "accepted"}


def test_the_group_merge_takes_one_file_twice_once(batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, genuine, _, _ = batch
    gpkg = tmp_path / "group.evpkg"
    build_group_package(ws, 2018, "initial", GROUP, gpkg)
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(genuine.read_bytes())
    code, report = cli("group", "merge", str(gpkg), str(genuine), str(copy))
    assert code == 0, report
    assert [f["status"] for f in report["files"]] == ["accepted", "unchanged"]
