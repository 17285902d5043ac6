"""Safe reading: size limit, file-type sniffing, zip bombs, calamine rows, CSV encodings."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from evaluator.bounded_json import load_json
from evaluator.bounded_zip import ZipLimits, open_zip
from evaluator.errors import EvaluatorError
from evaluator.file_reading import cell_text, read_file_bytes
from evaluator.reading import normalize_header, read_csv, read_tables, table_from_sheet
from evaluator.xlsx_reading import check_workbook_file, read_workbook


def _codes(error: EvaluatorError) -> list[str]:
    return [p.code for p in error.problems]


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.title = "数据"
    sheet["B3"] = "联盟代码"
    sheet["C3"] = "日期"
    sheet["B5"] = 109
    sheet["C5"] = dt.date(2018, 5, 1)
    wb.create_sheet("空")
    wb.save(path)
    return path


def test_workbook_rows_keep_their_row_and_column_positions(tmp_path: Path) -> None:
    sheets = read_workbook(_xlsx(tmp_path / "a.xlsx"))
    assert list(sheets) == ["数据", "空"]
    rows = sheets["数据"].rows
    assert [r for r, _ in rows] == [3, 5]  # blank row 4 skipped, numbers as in Excel
    assert rows[0][1][1] == "联盟代码"
    assert rows[1][1][1] == 109.0
    assert rows[1][1][2] == dt.date(2018, 5, 1)
    assert sheets["空"].rows == []


def test_a_time_cell_out_of_range_is_refused_not_a_crash(tmp_path: Path) -> None:
    """calamine's Rust code panics on a time-formatted cell holding -10^15 (pyo3 raises a
    PanicException, which is not an Exception): the file is refused with a message."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "联盟代码"
    ws["A2"] = -1e15
    ws["A2"].number_format = "hh:mm:ss"
    path = tmp_path / "time.xlsx"
    wb.save(path)
    with pytest.raises(EvaluatorError) as info:
        read_workbook(path)
    assert _codes(info.value) == ["reading.unreadable"]


def test_csv_named_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("联盟代码,联盟名称\n101,x\n", encoding="utf-8")
    with pytest.raises(EvaluatorError) as info:
        read_tables(path)
    assert _codes(info.value) == ["reading.not_xlsx"]


def test_zip_without_content_types_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert [p.code for p in check_workbook_file(path)] == ["reading.not_xlsx"]


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\x00" * 20_000_000)
    problems = check_workbook_file(path)
    assert [p.code for p in problems] == ["reading.zip_bomb"]
    assert problems[0].params["ratio"] > 100


def test_size_limit(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx")
    with pytest.raises(EvaluatorError) as info:
        read_workbook(path, max_bytes=100)
    assert _codes(info.value) == ["reading.too_large"]


def test_empty_and_unknown_types(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    with pytest.raises(EvaluatorError) as info:
        read_tables(empty)
    assert _codes(info.value) == ["reading.empty_file"]
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(EvaluatorError) as info:
        read_tables(old)
    assert _codes(info.value) == ["reading.unsupported_type"]


def test_damaged_workbook_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx")
    data = bytearray(path.read_bytes())
    # Damage the first sheet's compressed XML but keep the central directory intact.
    start = data.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    for i in range(start, start + 60):
        data[i] = 0x41
    path.write_bytes(bytes(data))
    with pytest.raises(EvaluatorError) as info:
        read_workbook(path)
    assert _codes(info.value)[0] in ("reading.unreadable", "reading.not_xlsx")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("联盟代码,联盟名称\n109,半导体照明产业技术创新战略联盟\n".encode(encoding))
    sheet = read_csv(path)
    assert sheet.rows == [(1, ["联盟代码", "联盟名称"]),
                          (2, ["109", "半导体照明产业技术创新战略联盟"])]


def test_csv_with_binary_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"a,b\n\x00\x01\x02")
    with pytest.raises(EvaluatorError) as info:
        read_csv(path)
    assert _codes(info.value) == ["reading.not_csv"]


def test_csv_row_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('a,b\n1,"two\nlines"\n\n3,x\n', encoding="utf-8")
    assert [r for r, _ in read_csv(path).rows] == [1, 3, 5]


def test_table_reports_every_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("联盟代码*, 其他 \n1,2\n", encoding="utf-8")
    problems: list = []
    table = table_from_sheet(read_csv(path), required=("联盟代码", "联盟名称", "批次"),
                             problems=problems)
    assert table is None
    assert [(p.code, p.params["name"]) for p in problems] == [
        ("reading.missing_column", "联盟名称"), ("reading.missing_column", "批次")]


def test_cell_text_and_headers() -> None:
    assert cell_text(109.0) == "109"
    assert cell_text(1.5) == "1.5"
    assert cell_text(dt.datetime(2018, 5, 1)) == "2018-05-01"
    assert normalize_header(" 联系 人（必填）") == "联系人"


# -- bounded reading (issue 14) ----------------------------------------------------------
def test_far_cell_is_refused_from_the_xml_before_any_reader(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from make_hostile_corpus import SHEET, workbook

    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="ZZ9"><v>1</v></c></row>'
    path = tmp_path / "far.xlsx"
    path.write_bytes(workbook(SHEET.format(dimension="", rows=rows), name="评分"))
    with pytest.raises(EvaluatorError) as exc:
        read_workbook(path)
    problem = exc.value.problems[0]
    assert (problem.code, problem.sheet, problem.params["columns"]) == (
        "reading.sheet_too_large", "评分", 702)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on Windows")
def test_folder_and_fifo_are_refused_unopened(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "x.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path, code in ((fifo, "reading.not_a_file"), (folder, "reading.is_folder")):
        with pytest.raises(EvaluatorError) as exc:
            read_tables(path)
        assert exc.value.problems[0].code == code
        assert exc.value.problems[0].file == path.name
    with pytest.raises(EvaluatorError) as exc:
        read_file_bytes(fifo)
    assert exc.value.problems[0].code == "reading.not_a_file"


def test_zip_member_and_total_limits_come_from_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big", b"\0" * 2_000_000)
        zf.writestr("small", b"x")
    with pytest.raises(EvaluatorError) as exc:
        open_zip(path, ZipLimits(max_member_bytes=1_000_000, max_ratio=10_000))
    assert exc.value.problems[0].code == "reading.zip_member_too_large"
    with open_zip(path, ZipLimits(max_ratio=10_000)) as archive:
        assert archive.read("small") == b"x"
        with pytest.raises(EvaluatorError):
            archive.read("big", max_bytes=10)


@pytest.mark.parametrize("text", ["[" * 100 + "]" * 100, '{"a": NaN}', '{"a": Infinity}',
                                  '{"a": -1e999}'])
def test_json_depth_and_non_finite_numbers_are_refused(text: str) -> None:
    with pytest.raises(EvaluatorError) as exc:
        load_json(text, file="m.json")
    assert exc.value.problems[0].code == "reading.bad_json"
    assert load_json('{"a": [1, 2.5, "[[["]}') == {"a": [1, 2.5, "[[["]}


# -- CSV as Excel and WPS write it -------------------------------------------------------
NAMES = ['正常,带逗号的"名称""联盟"', '=HYPERLINK("a","b")', "两行\n的名称", "普通联盟", 'a;b\tc']


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_written_by_the_csv_module_round_trips(tmp_path: Path, encoding: str) -> None:
    import csv

    path = tmp_path / "r.csv"
    rows = [["联盟代码", "联盟名称", "备注"]] + [[f"a{i}", n, "x"] for i, n in enumerate(NAMES)]
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    assert [cells for _, cells in read_csv(path).rows] == rows


def test_unicode_text_is_utf16_tab_separated(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "r.txt"
    rows = [["联盟代码", "联盟名称"]] + [[f"a{i}", n] for i, n in enumerate(NAMES)]
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode("utf-16"))  # BOM + UTF-16LE, as Excel saves
    assert [cells for _, cells in read_csv(path).rows] == rows


def test_unicode_text_registry_imports(tmp_path: Path) -> None:
    from evaluator.cli import main

    ws = tmp_path / "w.evdb"
    assert main(["init", str(ws), "--year", "2018"]) == 0
    path = tmp_path / "名录.txt"
    path.write_bytes("联盟代码\t联盟名称\r\n101\t第一,“联盟”\r\n102\t\"第二\"\"联盟\"\"\"\r\n"
                     .encode("utf-16"))
    assert main(["registry", "import", str(ws), str(path)]) == 0
    from evaluator.workspace import Workspace

    with Workspace.open(ws) as w:
        names = sorted(r[0] for r in w.db.execute("SELECT name FROM alliances"))
    assert names == ["第一,“联盟”", '第二"联盟"']


def test_numbers_as_users_type_them() -> None:
    from evaluator.file_reading import number_from_cell, shown_value
    from evaluator.submissions import parse_quantity

    for typed, number in (("4.5", 4.5), ("４", 4.0), (" 3 ", 3.0), ("４．５", 4.5),
                          ("\u30002", 2.0), (".5", 0.5), (7, 7.0), (2.5, 2.5)):
        assert number_from_cell(typed) == number, typed
    for bad in ("3分", "四", "inf", "nan", "1e3", "", True, None, float("inf"), "1.2.3"):
        assert number_from_cell(bad) is None, bad
    assert parse_quantity(" １,２００ ") == 1200
    assert shown_value(" 3分 ") == " 3分 "


@pytest.mark.parametrize("cells", [
    '<c t="n" r="A1"><v>1</v></c><c r="B1"><v>2</v></c>',   # another attribute first
    "<c r='A1'><v>1</v></c><c r='B1'><v>2</v></c>",         # single quotes
    "<c><v>1</v></c><c><v>2</v></c>",                       # no references at all
])
def test_cells_written_otherwise_are_parsed_and_read(tmp_path: Path, cells: str) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from make_hostile_corpus import SHEET, workbook

    path = tmp_path / "ok.xlsx"
    path.write_bytes(workbook(SHEET.format(dimension='<dimension ref="A1:B1"/>',
                                           rows=f'<row r="1">{cells}</row>')))
    assert read_workbook(path)["Sheet1"].rows == [(1, [1.0, 2.0])]
