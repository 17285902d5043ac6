"""Excel-only experts (template out, filled template in), the scoring CLI, and the
durability of committed scores under SIGKILL."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest
from test_packages import build_panel

from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package
from evaluator.package_builders import build_expert_package
from evaluator.scorefile import read_score_file, verify_signature
from evaluator.scoring import import_score_template, parse_score_text, write_score_template
from evaluator.workspace import Workspace
from tests.platform_marks import needs_sigkill

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def pkg_path(workspace: Workspace, tmp_path: Path) -> Path:
    build_panel(workspace)
    out = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", out)
    return out


def test_parse_score_text() -> None:
    assert parse_score_text("4") == 4
    assert parse_score_text(".5") == 0.5
    assert parse_score_text("4.") == 4
    assert parse_score_text("４．５") == 4.5
    assert parse_score_text(" ") is None
    for bad in ("4a", "1.2.3", "-1", "四"):
        with pytest.raises(ValueError):
            parse_score_text(bad)


def fill(template: Path, values: dict[str, object]) -> None:
    """As an Excel user would: open the template, type into cells, save."""
    wb = openpyxl.load_workbook(template)
    for ref, value in values.items():
        sheet, _, cell = ref.rpartition("!")
        wb[sheet or "评分"][cell] = value
    wb.save(template)


def test_template_layout(pkg_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    with Package.open(pkg_path) as pkg:
        write_score_template(pkg, out)
        rubric = pkg.rubric
    wb = openpyxl.load_workbook(out)
    ws = wb["评分"]
    header = [c.value for c in ws[1]]
    assert header == ["联盟代码", "联盟名称",
                      *(f"{c} {rubric.indicator(c).name}" for c in rubric.codes), "合计"]
    assert header[2] == "1.1 理事会会议"
    assert [ws.cell(row=r, column=1).value for r in (2, 3, 4)] == ["101", "102", "203"]
    assert ws["C1"].comment is not None
    assert rubric.indicator("1.1").standard in ws["C1"].comment.text
    validations = ws.data_validations.dataValidation
    assert len(validations) == 20
    first = next(v for v in validations if "C2" in str(v.sqref))
    assert (first.type, first.formula1, first.formula2) == ("decimal", "0", "5")
    assert "0.5" in first.prompt


def test_filled_template_imports(pkg_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    with Package.open(pkg_path) as pkg:
        write_score_template(pkg, out)
        codes = pkg.rubric.codes
    values: dict[str, object] = {}
    for row in (2, 3, 4):
        for col in range(3, 23):
            values[f"{openpyxl.utils.get_column_letter(col)}{row}"] = (col + row) % 11 / 2
    values["意见!A2"] = "102"
    values["意见!B2"] = "2.1"
    values["意见!C2"] = "项目进展描述不足"
    fill(out, values)
    with Package.open(pkg_path) as pkg:
        result = import_score_template(pkg, out)
        assert (result.scores, result.comments, result.alliances) == (60, 1, 3)
        assert pkg.missing() == {}
        aid = pkg.alliance("102").id
        assert pkg.score(aid, "2.1").comment == "项目进展描述不足"  # type: ignore[union-attr]
        assert pkg.score(aid, codes[0]).value == (3 + 3) % 11 / 2  # type: ignore[union-attr]
    # the same template again changes nothing: no duplicate score history
    with Package.open(pkg_path) as pkg:
        history = pkg.conn.execute("SELECT count(*) FROM score_history").fetchone()[0]
        again = import_score_template(pkg, out)
        assert (again.scores, again.unchanged) == (60, 60)
        assert pkg.conn.execute("SELECT count(*) FROM score_history").fetchone()[0] == history
    # and the expert (or the secretariat on his behalf) exports a signed file
    signed = tmp_path / "signed.xlsx"
    assert main(["scores", "export", str(pkg_path), "--out", str(signed)]) == 0
    with Package.open(pkg_path) as pkg:
        assert verify_signature(read_score_file(signed), pkg.public_key)


def test_template_carries_what_the_package_already_holds(pkg_path: Path,
                                                         tmp_path: Path) -> None:
    with Package.open(pkg_path) as pkg:
        pkg.set_score("102", "2.1", 3.5, "自设项目材料完整")
        write_score_template(pkg, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    scores = wb["评分"]
    row = next(r for r in range(2, scores.max_row + 1) if scores.cell(row=r, column=1).value == "102")
    header = [str(c.value).split()[0] for c in scores[1]]
    assert scores.cell(row=row, column=header.index("2.1") + 1).value == 3.5
    assert scores.cell(row=row, column=header.index("1.1") + 1).value is None
    assert [c.value for c in wb["意见"][2]] == ["102", "2.1", "自设项目材料完整"]


def test_numbers_typed_as_text_import_as_numbers(pkg_path: Path, tmp_path: Path) -> None:
    """What WPS stores when a number is typed into a text cell, with full-width digits or
    stray spaces; and a template whose header holds codes only (older templates)."""
    out = tmp_path / "t.xlsx"
    with Package.open(pkg_path) as pkg:
        write_score_template(pkg, out)
    fill(out, {"C2": "4.5", "D2": "４", "E2": " 3 ", "F2": "１．５", "G2": "\u30002\u3000",
               "D1": "1.2", "E1": "成员大会"})  # a code alone, a name alone
    with Package.open(pkg_path) as pkg:
        import_score_template(pkg, out)
        aid = pkg.alliance("101").id
        got = [pkg.score(aid, c).value for c in pkg.rubric.codes[:5]]  # type: ignore[union-attr]
    assert got == [4.5, 4, 3, 1.5, 2]


def test_a_value_that_is_not_a_number_is_shown_as_typed(pkg_path: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    with Package.open(pkg_path) as pkg:
        write_score_template(pkg, out)
    fill(out, {"C2": " 3分 "})
    with Package.open(pkg_path) as pkg, pytest.raises(EvaluatorError) as info:
        import_score_template(pkg, out)
    problem = info.value.problems[0]
    assert (problem.code, problem.params["value"]) == ("scorefile.not_number", " 3分 ")
    assert "“ 3分 ”" in info.value.render("zh")


def test_bad_template_values_are_each_reported(pkg_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    with Package.open(pkg_path) as pkg:
        write_score_template(pkg, out)
    fill(out, {
        "C2": 4.5,           # fine
        "D2": 7,             # out of range (max 5)
        "E2": 2.3,           # off-step
        "F2": "四",          # text
        "G2": "=2+2",        # a formula
        "H3": -1,            # negative
        "A5": "305", "C5": 3,   # an alliance not assigned to this expert
        "A6": "999", "C6": 1,   # unknown code
        "X1": "9.9",         # an indicator column the rubric does not know
        "X2": 1,
    })
    with Package.open(pkg_path) as pkg:
        with pytest.raises(EvaluatorError) as info:
            import_score_template(pkg, out)
        assert pkg.scores() == {}  # nothing written, not even C2
    found = {(p.code, p.params.get("cell")) for p in info.value.problems}
    assert ("scorefile.bad_value", "D2") in found
    assert ("scorefile.bad_value", "E2") in found
    assert ("scorefile.not_number", "F2") in found
    assert ("scorefile.formula", "G2") in found
    assert ("scorefile.bad_value", "H3") in found
    assert ("scorefile.not_assigned", "A5") in found
    assert ("scorefile.not_assigned", "A6") in found
    assert ("scorefile.unknown_indicator", "X2") in found
    assert all(p.sheet == "评分" and p.file == "t.xlsx" for p in info.value.problems)
    text = info.value.render("zh")
    assert "D2" in text
    assert "G2" in text


def test_template_of_another_expert_is_refused(workspace: Workspace, pkg_path: Path,
                                               tmp_path: Path) -> None:
    other = tmp_path / "wang.evpkg"
    build_expert_package(workspace, 2018, "initial", "王", other)
    out = tmp_path / "t.xlsx"
    with Package.open(other) as pkg:
        write_score_template(pkg, out)
    fill(out, {"C2": 3})
    with Package.open(pkg_path) as pkg, pytest.raises(EvaluatorError) as info:
        import_score_template(pkg, out)
    assert "scorefile.template_mismatch" in {p.code for p in info.value.problems}


def test_cli_package_set_export_template(workspace: Workspace, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    build_panel(workspace)
    ws_path = str(workspace.path)
    workspace.close()
    out = tmp_path / "zhao.evpkg"
    assert main(["package", ws_path, "--expert", "赵", "--round", "initial",
                 "--out", str(out)]) == 0
    assert main(["package", ws_path, "--all", "--round", "review",
                 "--out-dir", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.evpkg"))) == 4
    assert main(["package", ws_path, "--group", "第二组", "--round", "initial",
                 "--out", str(tmp_path / "g.evpkg")]) == 0
    assert main(["package", ws_path, "--round", "initial", "--out", str(out)]) == 2
    capsys.readouterr()
    assert main(["scores", "set", str(out), "305", "1.1", "4.5", "--comment", "好"]) == 0
    said = capsys.readouterr().out
    assert "305" in said
    assert "指标 1.1 评 4.5 分" in said
    assert "意见：好" in said
    assert main(["scores", "set", str(out), "305", "1.2", "3", "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert (saved["alliance"], saved["indicator"], saved["value"]) == ("305", "1.2", 3.0)
    assert saved["comment"] == ""
    assert saved["saved_at"]
    assert main(["scores", "set", str(out), "305", "1.1", "5.5"]) == 2
    assert main(["scores", "set", str(out), "101", "1.1", "1"]) == 2
    assert main(["scores", "export", str(out), "--out", str(tmp_path / "s.xlsx")]) == 2
    assert "305" in capsys.readouterr().err
    assert main(["scores", "export", str(out), "--out", str(tmp_path / "s.xlsx"),
                 "--partial", "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["sequence"] == 1
    assert exported["scores"] == 2
    assert main(["scores", "show", str(tmp_path / "s.xlsx"), "--package",
                 str(tmp_path / "g.evpkg"), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["verified"] is True
    assert main(["template", "scores", str(out), "--out", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").exists()


# -- durability: SIGKILL in the middle of scoring -------------------------------------

DRIVER = textwrap.dedent("""
    import json, sys
    from evaluator.expert_package import Package
    ops = json.load(open(sys.argv[2]))
    start = int(sys.argv[3])
    pkg = Package.open(sys.argv[1])
    for i in range(start, len(ops)):
        code, indicator, value = ops[i]
        if value is None:
            pkg.clear_score(code, indicator)
        else:
            pkg.set_score(code, indicator, value, "意见 %d" % i)
        sys.stdout.write("%d\\n" % i)
        sys.stdout.flush()
""")


def _state(path: Path) -> dict[tuple[int, str], tuple[float, str]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {(a, i): (v, c) for a, i, v, c in conn.execute(
            "SELECT alliance_id, indicator_code, value, comment FROM scores")}
    finally:
        conn.close()


def _apply(state: dict[tuple[int, str], tuple[float, str]], ids: dict[str, int],
           op: list[object], index: int) -> None:
    code, indicator, value = op
    key = (ids[str(code)], str(indicator))
    if value is None:
        state.pop(key, None)
    else:
        state[key] = (float(value), f"意见 {index}")  # type: ignore[arg-type]


def run_kill_cycles(pkg_path: Path, tmp_path: Path, cycles: int, seed: int) -> int:
    rng = random.Random(seed)
    with Package.open(pkg_path) as pkg:
        ids = {a.code: a.id for a in pkg.alliances()}
        codes = pkg.rubric.codes
    ops = [[rng.choice(list(ids)), rng.choice(codes),
            None if rng.random() < 0.1 else rng.randrange(11) / 2] for _ in range(20000)]
    ops_file = tmp_path / "ops.json"
    ops_file.write_text(json.dumps(ops))
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    expected = _state(pkg_path)
    position = 0
    kills = 0
    for _ in range(cycles):
        proc = subprocess.Popen([sys.executable, str(driver), str(pkg_path), str(ops_file),
                                 str(position)], stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None
        acked: list[int] = []
        wanted = rng.randrange(1, 60)
        while len(acked) < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            acked.append(int(line))
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()  # lines printed before the kill are acknowledged too
        proc.wait()
        proc.stdout.close()
        kills += proc.returncode == -signal.SIGKILL
        acked.extend(int(x) for x in rest.split())
        assert acked == list(range(position, position + len(acked)))
        for i in acked:
            _apply(expected, ids, ops[i], i)
        position += len(acked)
        found = _state(pkg_path)  # integrity_check inside
        if found != expected:
            # only the one write in flight at the kill may have landed beyond the acks
            _apply(expected, ids, ops[position], position)
            assert found == expected, f"lost an acknowledged score (cycle at op {position})"
            position += 1
    return kills


@needs_sigkill
def test_sigkill_never_loses_a_saved_score(pkg_path: Path, tmp_path: Path) -> None:
    kills = run_kill_cycles(pkg_path, tmp_path, cycles=20, seed=20)
    assert kills >= 15  # the driver was really killed mid-run, not finished


@pytest.mark.slow
@needs_sigkill
def test_sigkill_many_times(pkg_path: Path, tmp_path: Path) -> None:
    run_kill_cycles(pkg_path, tmp_path, cycles=200, seed=200)


def test_cli_scores_set_saved_means_committed(pkg_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "evaluator", "scores", "set", str(pkg_path),
                           "102", "3.2", "2.5", "--json"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    saved = json.loads(done.stdout)
    assert (saved["alliance"], saved["indicator"], saved["value"]) == ("102", "3.2", 2.5)
    with Package.open(pkg_path) as pkg:
        assert pkg.score(pkg.alliance("102").id, "3.2").value == 2.5  # type: ignore[union-attr]
