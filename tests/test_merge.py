"""Merging score files: every rejection reason with a real file, supersession, no traces.

Score files are made with the scoring engineer's exporter (packages + scorefile), then
damaged with openpyxl the way a person or a mail client would.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from evaluator.cli import main
from evaluator.merge import merge_score_files
from evaluator.packages import Package, build_expert_package
from evaluator.panel import add_expert, declare_conflict
from evaluator.registry import add_alliance
from evaluator.rubric import load_default_rubric
from evaluator.scorefile import (
    K_SIGNATURE,
    META_SHEET,
    SCORES_SHEET,
    export_score_file,
    read_score_file,
)
from evaluator.signing import sign
from evaluator.workspace import Workspace

ROWS_TABLES = ("scores", "score_files", "plenary_decisions", "assignments", "experts")


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    from evaluator.assignments import add_assignment

    a1 = add_alliance(workspace, "101", "甲产业技术创新战略联盟").id
    a2 = add_alliance(workspace, "102", "乙产业技术创新战略联盟").id
    add_alliance(workspace, "103", "丙产业技术创新战略联盟")
    for name in ("张三", "李四"):
        e = add_expert(workspace, 2018, name, "member")
        add_assignment(workspace, 2018, "initial", e, a1)
        add_assignment(workspace, 2018, "initial", e, a2)
    return workspace


def expert_id(ws: Workspace, name: str) -> int:
    return int(ws.db.execute("SELECT id FROM experts WHERE name = ?", (name,)).fetchone()[0])


def export(ws: Workspace, tmp: Path, name: str = "张三", value: float = 4.0,
           times: int = 1, rnd: str = "initial") -> list[Path]:
    """Build the expert's package, score every indicator, export `times` times."""
    pkg_path = tmp / f"{name}-{rnd}.evpkg"
    if not pkg_path.exists():
        build_expert_package(ws, 2018, rnd, name, pkg_path)
    out = []
    with Package.open(pkg_path) as pkg:
        for n in range(times):
            entries = [(a.id, code, value - 0.5 * n, "说明" if code == "1.1" else None)
                       for a in pkg.alliances() for code in pkg.rubric.codes]
            pkg.set_scores(entries)
            result = export_score_file(pkg, tmp / f"{name}-{rnd}-{n + 1}.xlsx")
            out.append(result.path)
    return out


def rewrite(src: Path, dst: Path, edit: Callable[[Any], None],
            resign_key: str | None = None) -> Path:
    """Edit a score file with openpyxl; optionally sign the edited content again (with
    the expert's private key, as the expert himself could)."""
    wb = load_workbook(src)
    edit(wb)
    wb.save(dst)
    if resign_key is not None:
        sf = read_score_file(dst)
        signature = sign(resign_key, sf.canonical_json())
        wb = load_workbook(dst)
        set_meta(wb, K_SIGNATURE, signature)
        wb.save(dst)
    return dst


def signing_key(tmp: Path, name: str = "张三", rnd: str = "initial") -> str:
    """The private key in the expert's package (made by `export`)."""
    with Package.open(tmp / f"{name}-{rnd}.evpkg") as pkg:
        return pkg.signing_key


def set_meta(wb: Any, key: str, value: str | None) -> None:
    sheet = wb[META_SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == key:
            if value is None:
                sheet.delete_rows(row[0].row)
            else:
                row[1].value = value
            return
    raise KeyError(key)


def state(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    return {t: list(ws.db.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ROWS_TABLES}


def codes_of(report: Any) -> set[str]:
    return {p.code for r in report.rejected for p in r.problems}


def assert_rejected_without_trace(ws: Workspace, path: Path, expected: set[str],
                                  accept_unsigned: bool = False) -> None:
    before = state(ws)
    audit_before = ws.count("audit_log")
    report = merge_score_files(ws, [path], accept_unsigned=accept_unsigned)
    assert [r.status for r in report.results] == ["rejected"]
    assert expected <= codes_of(report), codes_of(report)
    assert state(ws) == before
    assert ws.count("audit_log") == audit_before + 1
    assert ws.count("audit_log", "action = 'merge_rejected'") >= 1


def test_valid_file_is_merged(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    report = merge_score_files(ws, [path])
    assert [r.status for r in report.results] == ["accepted"]
    assert ws.count("scores") == 40
    assert ws.count("score_files", "status = 'accepted' AND signed = 1") == 1
    assert report.backup is not None
    assert report.backup.exists()
    comment = ws.db.execute("SELECT comment FROM scores WHERE indicator_code = '1.1'"
                            " LIMIT 1").fetchone()[0]
    assert comment == "说明"
    entry = json.loads(ws.db.execute(
        "SELECT new_json FROM audit_log WHERE action = 'merge'").fetchone()[0])
    assert (entry["sequence"], entry["unsigned"]) == (1, False)


def test_newer_supersedes_older_refused_same_twice_unchanged(ws: Workspace,
                                                             tmp_path: Path) -> None:
    first, second = export(ws, tmp_path, times=2)
    assert [r.status for r in merge_score_files(ws, [first]).results] == ["accepted"]
    report = merge_score_files(ws, [second])
    assert report.accepted[0].superseded_sequence == 1
    assert ws.count("score_files", "status = 'superseded'") == 1
    assert ws.count("scores") == 40
    assert ws.db.execute("SELECT DISTINCT value FROM scores").fetchall() == [(3.5,)]
    before = state(ws)
    again = merge_score_files(ws, [second])
    assert [r.status for r in again.results] == ["unchanged"]
    assert again.backup is None
    resaved = tmp_path / "resaved.xlsx"
    wb = load_workbook(second)
    wb.save(resaved)  # another sha256, same signed content
    assert [r.status for r in merge_score_files(ws, [resaved]).results] == ["unchanged"]
    assert state(ws) == before


def test_older_export_arriving_late_is_refused(ws: Workspace, tmp_path: Path) -> None:
    first, second = export(ws, tmp_path, times=2)
    merge_score_files(ws, [second])
    assert_rejected_without_trace(ws, first, {"merge.older_sequence"})


def test_batch_in_any_order_keeps_the_newest(ws: Workspace, tmp_path: Path) -> None:
    first, second = export(ws, tmp_path, times=2)
    report = merge_score_files(ws, [second, first])
    assert {r.status for r in report.results} == {"accepted"}
    assert ws.db.execute("SELECT sequence FROM score_files WHERE status = 'accepted'"
                         ).fetchall() == [(2,)]


def test_valid_files_merged_when_others_rejected(ws: Workspace, tmp_path: Path) -> None:
    [good] = export(ws, tmp_path, "张三")
    [other] = export(ws, tmp_path, "李四")
    bad = rewrite(other, tmp_path / "edited.xlsx",
                  lambda wb: wb[SCORES_SHEET].cell(row=2, column=3, value=5))
    report = merge_score_files(ws, [good, bad])
    assert [r.status for r in report.results] == ["accepted", "rejected"]
    assert codes_of(report) == {"merge.bad_signature"}
    assert ws.count("scores") == 40
    assert main(["merge", str(ws.path), str(bad)]) == 2


def test_not_a_score_file(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    report = merge_score_files(ws, [path])
    assert report.rejected
    assert state(ws)["scores"] == []
    wrong = tmp_path / "wrong.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.save(wrong)
    assert_rejected_without_trace(ws, wrong, {"reading.missing_sheet"})


def test_damaged_file(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    damaged = tmp_path / "damaged.xlsx"
    data = path.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    report = merge_score_files(ws, [damaged])
    assert [r.status for r in report.results] == ["rejected"]
    assert report.rejected[0].problems
    assert state(ws)["scores"] == []


def test_unsigned_needs_the_flag(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    unsigned = rewrite(path, tmp_path / "unsigned.xlsx", lambda wb: set_meta(wb, K_SIGNATURE, None))
    assert_rejected_without_trace(ws, unsigned, {"merge.unsigned"})
    report = merge_score_files(ws, [unsigned], accept_unsigned=True)
    assert [r.status for r in report.results] == ["accepted"]
    assert ws.count("score_files", "signed = 0") == 1
    entry = json.loads(ws.db.execute(
        "SELECT new_json FROM audit_log WHERE action = 'merge'").fetchone()[0])
    assert entry["unsigned"] is True


def test_bad_signature(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    edited = rewrite(path, tmp_path / "edited.xlsx",
                     lambda wb: wb[SCORES_SHEET].cell(row=2, column=4, value=5))
    assert_rejected_without_trace(ws, edited, {"merge.bad_signature"})
    assert_rejected_without_trace(ws, edited, {"merge.bad_signature"}, accept_unsigned=True)


def test_unknown_expert(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    bad = rewrite(path, tmp_path / "who.xlsx", lambda wb: set_meta(wb, "专家", "王五"))
    assert_rejected_without_trace(ws, bad, {"merge.unknown_expert"})


def test_wrong_year(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)
    bad = rewrite(path, tmp_path / "year.xlsx", lambda wb: set_meta(wb, "年度", "2017"), key)
    assert_rejected_without_trace(ws, bad, {"merge.wrong_year"})


def test_wrong_round(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)
    bad = rewrite(path, tmp_path / "round.xlsx", lambda wb: set_meta(wb, "轮次", "交叉复评"), key)
    assert_rejected_without_trace(ws, bad, {"merge.wrong_round"})
    report = merge_score_files(ws, [path], round="review")
    assert codes_of(report) == {"merge.wrong_round"}


def test_rubric_fingerprint_differs(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)
    bad = rewrite(path, tmp_path / "rubric.xlsx",
                  lambda wb: set_meta(wb, "指标体系指纹", "0" * 64), key)
    assert_rejected_without_trace(ws, bad, {"merge.rubric_differs"})
    assert load_default_rubric().fingerprint != "0" * 64


def test_alliance_not_assigned(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)
    bad = rewrite(path, tmp_path / "assigned.xlsx",
                  lambda wb: wb[SCORES_SHEET].cell(row=3, column=1, value="103"), key)
    assert_rejected_without_trace(ws, bad, {"merge.not_assigned"})


def test_conflict_of_interest(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    declare_conflict(ws, expert_id(ws, "张三"), find_id(ws, "101"), "兼任该联盟理事")
    assert_rejected_without_trace(ws, path, {"merge.conflict"})


def find_id(ws: Workspace, code: str) -> int:
    return int(ws.db.execute("SELECT id FROM alliances WHERE code = ?", (code,)).fetchone()[0])


def test_value_out_of_range_and_off_step(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)

    def edit(wb: Any) -> None:
        sheet = wb[SCORES_SHEET]
        sheet.cell(row=2, column=3, value=7)      # 1.1 max 5
        sheet.cell(row=2, column=4, value=3.3)    # off the 0.5 step
        sheet.cell(row=2, column=23, value=None)  # drop the total check's complaint
        sheet.cell(row=3, column=23, value=None)

    bad = rewrite(path, tmp_path / "values.xlsx", edit, key)
    report = merge_score_files(ws, [bad])
    problems = [p for r in report.rejected for p in r.problems]
    assert [p.code for p in problems].count("scorefile.alliance_bad_value") == 2
    assert state(ws)["scores"] == []


def test_duplicate_rows(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)
    key = signing_key(tmp_path)

    def edit(wb: Any) -> None:
        sheet = wb[SCORES_SHEET]
        row = [c.value for c in sheet[2]]
        sheet.append(row)

    bad = rewrite(path, tmp_path / "dup.xlsx", edit, key)
    assert_rejected_without_trace(ws, bad, {"scorefile.duplicate_row"})


def test_every_reason_listed_at_once(ws: Workspace, tmp_path: Path) -> None:
    [path] = export(ws, tmp_path)

    def edit(wb: Any) -> None:
        set_meta(wb, "年度", "2017")
        set_meta(wb, "指标体系指纹", "f" * 64)
        wb[SCORES_SHEET].cell(row=3, column=1, value="103")

    bad = rewrite(path, tmp_path / "many.xlsx", edit)
    report = merge_score_files(ws, [bad])
    assert {"merge.wrong_year", "merge.rubric_differs", "merge.bad_signature",
            "merge.not_assigned"} <= codes_of(report)


def test_folder_and_json_cli(ws: Workspace, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in export(ws, tmp_path, "张三") + export(ws, tmp_path, "李四"):
        shutil.copy(p, folder / p.name)
    assert main(["merge", str(ws.path), str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["accepted"], data["rejected"]) == (2, 0)
    assert main(["progress", str(ws.path), "--round", "initial", "--json"]) == 0
    matrix = json.loads(capsys.readouterr().out)
    assert {c["status"] for e in matrix["experts"] for c in e["cells"]} == {"received"}


def test_cancel_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    from evaluator.progress import Cancelled

    [path] = export(ws, tmp_path)

    class CancelAfterReading:
        calls = 0

        def report(self, done: int, total: int, message: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            self.calls += 1
            return self.calls > 2

    before = state(ws)
    with pytest.raises(Cancelled):
        merge_score_files(ws, [path], progress=CancelAfterReading())
    assert state(ws) == before


def test_cli_round_option_refuses_a_file_of_the_other_round(
        ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [path] = export(ws, tmp_path)  # an initial-round file
    before = state(ws)
    assert main(["merge", str(ws.path), str(path), "--round", "review", "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert (data["accepted"], data["rejected"]) == (0, 1)
    assert {p["code"] for p in data["files"][0]["problems"]} == {"merge.wrong_round"}
    assert state(ws) == before
    assert main(["merge", str(ws.path), str(path), "--round", "initial", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["accepted"], data["rejected"]) == (1, 0)
    with pytest.raises(SystemExit) as exit_info:
        main(["merge", str(ws.path), str(path), "--round", "plenary"])
    assert exit_info.value.code == 2
