"""Score files: export, read back, verify the signature; any edit breaks it; damaged
files are reported, never crash the reader."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_packages import build_panel

from evaluator.errors import EvaluatorError
from evaluator.packages import Package, build_expert_package
from evaluator.scorefile import (
    check_against_rubric,
    export_score_file,
    read_score_file,
    verify_signature,
)
from evaluator.workspace import Workspace


@pytest.fixture
def package(workspace: Workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    build_panel(workspace)
    out = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", out)
    pkg = Package.open(out)
    yield pkg
    pkg.close()


def score_everything(pkg: Package, comment_on: tuple[str, str] | None = None) -> None:
    codes = pkg.rubric.codes
    entries = []
    for n, a in enumerate(pkg.alliances()):
        for i, code in enumerate(codes):
            value = (i + n) % 11 * 0.5  # 0 .. 5 in half points
            entries.append((a.id, code, value, None))
    pkg.set_scores(entries)
    if comment_on:
        pkg.set_comment(comment_on[0], comment_on[1], "=SUM(A1) 不是公式；-5 也不是")


def test_export_refuses_missing_scores(package: Package, tmp_path: Path) -> None:
    package.set_score("101", "1.1", 3)
    with pytest.raises(EvaluatorError) as info:
        export_score_file(package, tmp_path / "s.xlsx")
    problems = info.value.problems
    assert {p.params["code"] for p in problems} == {"101", "102", "203"}
    first = next(p for p in problems if p.params["code"] == "101")
    assert first.params["count"] == 19
    assert "1.1" not in first.params["indicators"].split("、")
    assert not (tmp_path / "s.xlsx").exists()
    result = export_score_file(package, tmp_path / "s.xlsx", partial=True)
    assert result.partial
    sf = read_score_file(tmp_path / "s.xlsx")
    assert sf.ok, sf.problems
    assert sf.complete is False
    assert sf.rows == [("101", "1.1", 3.0)]
    assert verify_signature(sf, package.public_key)
    # Alliances not scored yet read 未评 in 合计, not 0.
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx")["评分"]
    totals = {sheet.cell(r, 1).value: sheet.cell(r, sheet.max_column).value
              for r in range(2, sheet.max_row + 1)}
    assert totals == {"101": 3, "102": "未评", "203": "未评"}


def test_round_trip_and_signature(package: Package, tmp_path: Path) -> None:
    score_everything(package, comment_on=("102", "2.1"))
    first = export_score_file(package, tmp_path / "a.xlsx")
    second = export_score_file(package, tmp_path / "b.xlsx")
    assert (first.sequence, second.sequence) == (1, 2)
    sf = read_score_file(tmp_path / "b.xlsx")
    assert sf.ok, sf.problems
    assert sf.expert == "李"
    assert sf.round == "initial"
    assert sf.year == 2018
    assert sf.sequence == 2
    assert sf.complete is True
    assert sf.fingerprint == package.rubric.fingerprint
    assert sf.workspace_id == package.workspace_id
    assert len(sf.rows) == 3 * 20
    assert sf.names["102"] == "乙产业技术创新战略联盟"
    assert sf.comments == [("102", "2.1", "=SUM(A1) 不是公式；-5 也不是")]
    stored = {(a.code, c): s.value for a in package.alliances()
              for (aid, c), s in package.scores().items() if aid == a.id}
    assert {(c, i): v for c, i, v in sf.rows} == stored
    assert sf.sha256 == second.sha256
    assert verify_signature(sf, package.public_key)
    assert not verify_signature(sf, "00" * 16)  # another expert's key
    assert check_against_rubric(sf, package.rubric) == []
    # the comment is stored as text, not as a formula
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb["意见"]["C2"].data_type == "s"
    assert [e["sequence"] for e in package.exports()] == [1, 2]


def edit_cell(path: Path, sheet: str, ref: str, value: object) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][ref] = value
    wb.save(path)


@pytest.mark.parametrize(("sheet", "ref", "value"), [
    ("评分", "C2", 4.5),          # one score changed
    ("评分", "D3", None),         # one score removed
    ("意见", "C2", "改过的意见"),   # a comment changed
    ("元数据", "B3", "王"),        # the expert's name changed
])
def test_any_edit_breaks_the_signature(package: Package, tmp_path: Path, sheet: str, ref: str,
                                       value: object) -> None:
    score_everything(package, comment_on=("101", "1.1"))
    path = tmp_path / "s.xlsx"
    export_score_file(package, path)
    assert verify_signature(read_score_file(path), package.public_key)
    before = openpyxl.load_workbook(path)[sheet][ref].value
    assert before != value
    edit_cell(path, sheet, ref, value)
    sf = read_score_file(path)
    assert not verify_signature(sf, package.public_key)


def test_resaving_unchanged_keeps_the_signature(package: Package, tmp_path: Path) -> None:
    """Opening and saving in a spreadsheet program without changes is harmless."""
    score_everything(package)
    path = tmp_path / "s.xlsx"
    export_score_file(package, path)
    wb = openpyxl.load_workbook(path)
    wb.save(path)
    assert verify_signature(read_score_file(path), package.public_key)


def _member_data_span(path: Path, member: str) -> tuple[int, int]:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    raw = path.read_bytes()
    offset = info.header_offset
    name_len, extra_len = struct.unpack("<HH", raw[offset + 26: offset + 30])
    start = offset + 30 + name_len + extra_len
    return start, start + info.compress_size


def test_raw_byte_flip_in_scores_fails(package: Package, tmp_path: Path) -> None:
    score_everything(package)
    path = tmp_path / "s.xlsx"
    export_score_file(package, path)
    original = path.read_bytes()
    start, end = _member_data_span(path, "xl/worksheets/sheet1.xml")
    rng = random.Random(4)
    for position in [start, end - 1, *rng.sample(range(start, end), 12)]:
        data = bytearray(original)
        data[position] ^= 0x01
        path.write_bytes(bytes(data))
        sf = read_score_file(path)
        assert not verify_signature(sf, package.public_key), position
    path.write_bytes(original)
    assert verify_signature(read_score_file(path), package.public_key)


def test_damaged_files_are_reported_not_raised(package: Package, tmp_path: Path) -> None:
    score_everything(package)
    good = tmp_path / "good.xlsx"
    export_score_file(package, good)
    raw = good.read_bytes()
    cases = {
        "empty.xlsx": b"",
        "text.xlsx": "联盟代码,1.1\n101,3\n".encode(),
        "truncated.xlsx": raw[: len(raw) // 2],
        "garbage.xlsx": bytes(random.Random(1).randrange(256) for _ in range(4000)),
        "zipheader.xlsx": b"PK\x03\x04" + raw[4:200],
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        sf = read_score_file(path)
        assert sf.errors, name
        assert not verify_signature(sf, package.public_key)
    assert read_score_file(tmp_path / "nope.xlsx").errors


def test_structural_problems_are_all_reported(package: Package, tmp_path: Path) -> None:
    score_everything(package)
    path = tmp_path / "s.xlsx"
    export_score_file(package, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["评分"]
    ws["E2"] = "四分"                   # text in a score cell
    ws["A4"] = "101"                    # duplicate alliance row
    ws.cell(row=1, column=ws.max_column + 1, value="备注")  # unknown column
    del wb["意见"]
    meta = wb["元数据"]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "导出序号":
            row[1].value = "第二次"
    wb.save(path)
    sf = read_score_file(path)
    codes = {(p.code, p.sheet, p.row, p.column) for p in sf.problems}
    assert ("scorefile.not_number", "评分", 2, "1.3") in codes
    assert ("scorefile.duplicate_row", "评分", 4, "联盟代码") in codes
    assert any(p.code == "scorefile.unknown_column" and p.params["name"] == "备注"
               for p in sf.problems)
    assert any(p.code == "reading.missing_sheet" and p.params["name"] == "意见"
               for p in sf.problems)
    assert any(p.code == "scorefile.bad_meta_cell" and p.params["key"] == "导出序号"
               for p in sf.problems)
    assert not verify_signature(sf, package.public_key)


def test_signed_value_text_is_format_value_remembered() -> None:
    from evaluator.packages import format_value
    from evaluator.scorefile import signed_value_text

    for value in (0.0, -0.0, 5, 5.0, 4.5, 10.0, 0.1 + 0.2, 1e-7, 99.5, 1e20):
        assert signed_value_text(value) == format_value(value), value
        assert signed_value_text(value) == format_value(value), value  # from the cache


def test_check_against_rubric_agrees_with_is_valid_value() -> None:
    from pathlib import Path

    from evaluator.rubric import load_default_rubric
    from evaluator.scorefile import ScoreFile, check_against_rubric

    rubric = load_default_rubric()
    values = [0.0, -0.0, 0.5, 2.25, 4.5, 4.4999999999, 5.0, 5.5, -0.5, 30.0, float("nan"),
              float("inf"), 1e300]
    rows = [("101", code, v) for code in rubric.codes for v in values] + [("101", "9.9", 1.0)]
    problems = check_against_rubric(ScoreFile(path=Path("x.xlsx"), rows=rows), rubric)
    bad = {(p.params["code"], p.params["alliance"]) for p in problems
           if p.code == "scorefile.alliance_bad_value"}
    expected_bad = sum(1 for _, code, v in rows[:-1] if not rubric.is_valid_value(code, v))
    assert sum(1 for p in problems if p.code == "scorefile.alliance_bad_value") == expected_bad
    assert expected_bad > 0
    assert {c for c, _ in bad} == set(rubric.codes)
    assert [p.code for p in problems].count("scorefile.alliance_unknown_indicator") == 1
