"""Submissions import, validation, export round trip, re-import, template and damage."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from evaluator.cli import main
from evaluator.errors import EvaluatorError, ImportRefused
from evaluator.registry import find_by_code
from evaluator.registry_import import import_registry
from evaluator.submissions import (
    BASIC_COLUMNS,
    RECORD_COLUMNS,
    export_submissions,
    import_submissions,
    list_submissions,
    parse_date,
    submission_detail,
    submission_details,
)
from evaluator.workspace import Workspace

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


def _registry(ws: Workspace, folder: Path) -> None:
    """Annex 2's alliances; 109 also carries annex 3's code 110 and a former name."""
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    path = folder / "registry.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["联盟代码", "联盟名称", "曾用名", "曾用代码"])
        for r in rows:
            former = ("半导体照明联盟", "110") if r["code"] == "109" else ("", "")
            writer.writerow([r["code"], r["alliance"], *former])
    import_registry(ws, path)


@pytest.fixture
def ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    _registry(workspace, tmp_path)
    return workspace


def dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in ws.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(map(tuple, ws.db.execute(f"SELECT * FROM [{t}]")), key=repr)
            for t in tables}


BASIC = [
    ["109", "半导体照明产业技术创新战略联盟", 2018, "王老师", "010-88886666",
     dt.date(2018, 12, 20)],
    ["115", "闪联产业技术创新战略联盟", 2018, "李主任", "13800138000", "2018/12/3"],
]
RECORDS = [
    ["109", "1.1", "第三届理事会第二次会议", dt.date(2018, 3, 15), "成员 40 家参会", 1,
     "http://a.org/1"],
    ["109", "2.1", "自设协同创新项目", "2018-06-01", "", 3, ""],
    ["109", "3.5", "媒体报道", "2018年7月8日", "人民日报", None, ""],
    ["115", "1.1", "理事会", None, "", 0, ""],
    ["115", "2.3", "外部委托项目", "2018-02-02", "", 2.5, ""],
]


def write_book(path: Path, basic: list[list[Any]] | None = None,
               records: list[list[Any]] | None = None,
               basic_columns: list[str] | None = None,
               record_columns: list[str] | None = None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    sheet = wb.create_sheet("基本信息")
    sheet.append(basic_columns or list(BASIC_COLUMNS))
    for row in BASIC if basic is None else basic:
        sheet.append(row)
    sheet = wb.create_sheet("活动记录")
    sheet.append(record_columns or list(RECORD_COLUMNS))
    for row in RECORDS if records is None else records:
        sheet.append(row)
    wb.save(path)
    return path


def content(ws: Workspace) -> list[tuple[Any, ...]]:
    """What an import writes, without ids and timestamps."""
    out: list[tuple[Any, ...]] = []
    for d in submission_details(ws, 2018):
        out.append((d.alliance.code, d.name_as_filed, d.contact, d.phone, d.filed_on,
                    json.dumps(d.extra, sort_keys=True),
                    tuple((r.indicator_code, r.title, r.record_date, r.description,
                           r.quantity, r.link, json.dumps(r.extra, sort_keys=True))
                          for r in d.records)))
    return out


# -- a clean file --------------------------------------------------------------------------
def test_clean_file_imports(ws: Workspace, tmp_path: Path) -> None:
    report = import_submissions(ws, write_book(tmp_path / "s.xlsx"))
    assert (report.created, report.updated, report.records) == (2, 0, 5)
    assert report.warnings == []
    detail = submission_detail(ws, 2018, find_by_code(ws, "109").id)
    assert detail is not None
    assert detail.filed_on == "2018-12-20"
    assert [(r.indicator_code, r.record_date, r.quantity) for r in detail.records] == [
        ("1.1", "2018-03-15", 1.0), ("2.1", "2018-06-01", 3.0), ("3.5", "2018-07-08", None)]
    other = submission_detail(ws, 2018, find_by_code(ws, "115").id)
    assert other is not None
    assert other.phone == "13800138000"
    assert other.filed_on == "2018-12-03"


def test_template_filled_by_a_script_imports_cleanly(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "tpl.xlsx"
    assert main(["template", "submissions", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["基本信息", "活动记录", "说明"]
    assert [c.value for c in wb["基本信息"][1]] == list(BASIC_COLUMNS)
    assert [c.value for c in wb["活动记录"][1]] == list(RECORD_COLUMNS)
    assert wb["基本信息"].max_row == 2  # header and the example row
    notes = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "指标代码" in notes
    assert "2.9" in notes
    # Fill it the way a secretary would: keep the example rows, add real ones.
    for row in BASIC:
        wb["基本信息"].append(row)
    for row in RECORDS:
        wb["活动记录"].append(row)
    wb.save(out)
    ws.close()
    assert main(["submissions", "import", str(ws.path), str(out)]) == 0
    with Workspace.open(ws.path) as again:
        assert again.count("submissions") == 2
        assert again.count("submission_records") == 5


def test_prefilled_template_rows_left_blank_are_not_submissions(ws: Workspace,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "tpl.xlsx"
    ws.close()
    assert main(["template", "submissions", str(out), "--workspace", str(ws.path)]) == 0
    wb = load_workbook(out)
    sheet = wb["基本信息"]
    assert sheet.max_row == 2 + 88
    # Fill in one alliance only.
    for row in sheet.iter_rows(min_row=3):
        if row[0].value == "109":
            row[3].value, row[4].value, row[5].value = "王老师", "010-1", "2018-12-01"
    wb["活动记录"].append(["109", "1.1", "理事会", "2018-01-01", "", 1, ""])
    wb.save(out)
    with Workspace.open(ws.path) as again:
        report = import_submissions(again, out)
        assert (report.created, report.skipped) == (1, 87)
        statuses = {s.alliance.code: s.status for s in list_submissions(again)}
        assert statuses["109"] == "ineligible"  # no records under groups 2 and 3
        assert statuses["115"] == "not_submitted"


# -- round trip and re-import ----------------------------------------------------------------
def test_export_reimports_to_the_same_data(ws: Workspace, tmp_path: Path) -> None:
    write_book(tmp_path / "s.xlsx",
               basic=[[*r, "备注甲"] for r in BASIC],
               records=[[*r, f"附件{i}"] for i, r in enumerate(RECORDS)],
               basic_columns=[*BASIC_COLUMNS, "备注"],
               record_columns=[*RECORD_COLUMNS, "附件"])
    import_submissions(ws, tmp_path / "s.xlsx")
    before = content(ws)
    assert json.loads(before[0][5]) == {"备注": "备注甲"}
    export_submissions(ws, tmp_path / "out.xlsx")
    # Into a fresh workspace ...
    fresh = Workspace.create(tmp_path / "fresh.evdb", year=2018)
    _registry(fresh, tmp_path)
    import_submissions(fresh, tmp_path / "out.xlsx")
    assert content(fresh) == before
    fresh.close()
    # ... and over itself: unchanged, nothing written, nothing duplicated.
    ids = [r[0] for r in ws.db.execute("SELECT id FROM submissions ORDER BY id")]
    audit_before = ws.count("audit_log")
    report = import_submissions(ws, tmp_path / "out.xlsx")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert ws.count("audit_log") == audit_before + 1  # the import's own entry
    assert content(ws) == before
    assert [r[0] for r in ws.db.execute("SELECT id FROM submissions ORDER BY id")] == ids
    assert ws.count("submission_records") == 5


def test_demo_style_rows_round_trip(ws: Workspace, tmp_path: Path) -> None:
    """Rows inserted directly (as evaluator.demo does) export and re-import unchanged."""
    alliance = find_by_code(ws, "125")
    sid = ws.db.table("submissions").insert({
        "year": 2018, "alliance_id": alliance.id, "name_as_filed": alliance.name,
        "contact": "张老师", "phone": "010-66668888", "filed_on": "2018-12-11",
        "extra_json": "{}", "source_file": "demo.xlsx",
        "imported_at": "2019-01-03T09:00:00+08:00"}).last_pk
    ws.db.table("submission_records").insert_all(
        {"submission_id": sid, "indicator_code": code, "title": f"活动{code}",
         "record_date": "2018-04-0" + str(i + 1), "description": "说明",
         "quantity": 7 if code[0] in "23" else None, "link": "http://x.cn/1",
         "extra_json": "{}", "sort": i} for i, code in enumerate(["1.1", "2.2", "3.3"]))
    before = content(ws)
    export_submissions(ws, tmp_path / "out.xlsx")
    report = import_submissions(ws, tmp_path / "out.xlsx")
    assert report.warnings == []
    assert content(ws) == before


def test_reimport_replaces_records_and_logs_counts(ws: Workspace, tmp_path: Path) -> None:
    import_submissions(ws, write_book(tmp_path / "a.xlsx"))
    import_submissions(ws, write_book(tmp_path / "b.xlsx", basic=BASIC[:1],
                                      records=RECORDS[:1]))
    code_109 = find_by_code(ws, "109").id
    detail = submission_detail(ws, 2018, code_109)
    assert detail is not None
    assert [r.title for r in detail.records] == ["第三届理事会第二次会议"]
    # 115 was not in the second file and keeps its records.
    assert ws.count("submissions") == 2
    assert ws.count("submission_records") == 3
    old, new = ws.db.execute(
        "SELECT old_json, new_json FROM audit_log WHERE action = 'update'"
        " AND entity = 'submission' AND entity_key = '2018:109'").fetchone()
    assert json.loads(old)["records"] == 3
    assert json.loads(new)["records"] == 1


def test_csv_pair_and_gb18030(ws: Workspace, tmp_path: Path) -> None:
    def write(name: str, header: tuple[str, ...], rows: list[list[Any]],
              encoding: str) -> Path:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for r in rows:
            writer.writerow(["" if v is None else v for v in r])
        path = tmp_path / name
        path.write_bytes(buf.getvalue().encode(encoding))
        return path

    write("2018_基本信息.csv", BASIC_COLUMNS,
          [[*r[:5], "2018-12-20"] for r in BASIC], "gb18030")
    records = write("2018_活动记录.csv", RECORD_COLUMNS,
                    [[*r[:3], "2018-03-15", *r[4:]] for r in RECORDS], "utf-8-sig")
    report = import_submissions(ws, records)  # the partner file is found by name
    assert (report.created, report.records) == (2, 5)
    shutil.move(tmp_path / "2018_基本信息.csv", tmp_path / "gone.csv")
    with pytest.raises(EvaluatorError) as info:
        import_submissions(ws, records)
    assert [p.code for p in info.value.problems] == ["submissions.missing_pair"]


# -- validation ------------------------------------------------------------------------------
def test_name_variants_and_former_codes_are_warnings(ws: Workspace, tmp_path: Path) -> None:
    basic = [
        ["138", "集成电路封测产业技术创新战略联盟", 2018, "a", "1", "2018-12-01"],  # annex 1
        ["107", "汽车轻量化产业技术创新战略联盟", 2018, "a", "1", "2018-12-01"],
        ["110", "半导体照明联盟", "2018年", "a", "1", "2018-12-01"],  # former code and name
    ]
    report = import_submissions(ws, write_book(tmp_path / "s.xlsx", basic=basic, records=[]))
    assert report.created == 3
    found = sorted((w.row, w.code) for w in report.warnings)
    assert found == [(2, "submissions.name_similar"), (3, "submissions.name_similar"),
                     (4, "submissions.code_alias"), (4, "submissions.name_alias")]
    similar = next(w for w in report.warnings if w.row == 2)
    assert similar.params["registry_name"] == "集成电路封测产业链技术创新战略联盟"
    assert all(w.severity == "warning" for w in report.warnings)


MISTAKES_BASIC = [
    ["109", "半导体照明产业技术创新战略联盟", 2018, "王", "1", "2018-12-01"],  # fine
    ["999", "不存在的联盟", 2018, "王", "1", "2018-12-01"],                  # 3 unknown code
    ["115", "化纤产业技术创新战略联盟", 2018, "王", "1", "2018-12-01"],       # 4 code/name
    ["118", "化纤产业技术创新战略联盟", 2017, "王", "1", "2018-12-01"],       # 5 wrong year
    ["125", "太阳能光热产业技术创新战略联盟", 2018, "王", "1", "昨天"],        # 6 bad date
    ["109", "半导体照明产业技术创新战略联盟", 2018, "王", "1", "2018-12-01"],  # 7 duplicate
    [None, "闪联产业技术创新战略联盟", 2018, "王", "1", "2018-12-01"],         # 8 empty code
    ["104", "随便写的名字", 2018, "王", "1", "2018-12-01"],                   # 9 name unknown
]
MISTAKES_RECORDS = [
    ["109", "1.1", "理事会", "2018-03-01", "", 1, ""],        # 2 fine
    ["109", "1.1", "理事会", "2018/3/1", "", 1, ""],          # 3 duplicate of row 2
    ["109", "4.1", "不存在的指标", "2018-03-01", "", 1, ""],  # 4 unknown indicator
    ["109", "2.1", "项目", "2018-13-01", "", 1, ""],          # 5 impossible date
    ["109", "2.2", "项目", "2018-03-01", "", -2, ""],         # 6 negative count
    ["109", "2.3", "项目", "2018-03-01", "", "三项", ""],     # 7 non-numeric count
    ["109", "2.4", None, "2018-03-01", "", 1, ""],            # 8 empty title
    ["105", "1.1", "理事会", "2018-03-01", "", 1, ""],        # 9 no basic info
    ["888", "1.1", "理事会", "2018-03-01", "", 1, ""],        # 10 unknown code
]


def test_a_dozen_mistakes_one_report_exit_2_nothing_changed(ws: Workspace, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    import_submissions(ws, write_book(tmp_path / "ok.xlsx"))
    path = write_book(tmp_path / "bad.xlsx", MISTAKES_BASIC, MISTAKES_RECORDS)
    before = dump(ws)
    with pytest.raises(ImportRefused) as info:
        import_submissions(ws, path)
    errors = [(p.sheet, p.row, p.column, p.code) for p in info.value.errors]
    assert errors == [
        ("基本信息", 3, "联盟代码", "submissions.unknown_code"),
        ("基本信息", 4, "联盟名称", "submissions.code_name_disagree"),
        ("基本信息", 5, "年度", "submissions.wrong_year"),
        ("基本信息", 6, "填报日期", "submissions.bad_date"),
        ("基本信息", 7, "联盟代码", "submissions.duplicate_alliance"),
        ("基本信息", 8, "联盟代码", "submissions.empty_cell"),
        ("基本信息", 9, "联盟名称", "submissions.name_unknown"),
        ("活动记录", 3, None, "submissions.duplicate_record"),
        ("活动记录", 4, "指标代码", "submissions.unknown_indicator"),
        ("活动记录", 5, "日期", "submissions.bad_date"),
        ("活动记录", 6, "数量", "submissions.bad_quantity"),
        ("活动记录", 7, "数量", "submissions.bad_quantity"),
        ("活动记录", 8, "名称", "submissions.empty_cell"),
        ("活动记录", 9, "联盟代码", "submissions.no_basic_info"),
        ("活动记录", 10, "联盟代码", "submissions.unknown_code"),
    ]
    by_row = {(p.sheet, p.row): p for p in info.value.errors}
    disagree = by_row[("基本信息", 4)]
    assert disagree.params["other_code"] == "118"  # the alias suggestion
    assert by_row[("基本信息", 6)].params["value"] == "昨天"
    assert by_row[("活动记录", 7)].params["value"] == "三项"
    assert by_row[("基本信息", 5)].params["expected"] == 2018
    text = info.value.render("zh")
    assert "第 4 行" in text
    assert "118" in text
    assert dump(ws) == before
    # The CLI: one report on stderr, exit 2, workspace unchanged.
    ws.close()
    assert main(["submissions", "import", str(ws.path), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") >= 15
    with Workspace.open(ws.path) as again:
        assert dump(again) == before


def test_missing_sheets_and_columns_are_all_reported(ws: Workspace, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "基本信息"
    wb.active.append(["联盟代码", "联盟名称"])
    wb.save(tmp_path / "s.xlsx")
    with pytest.raises(ImportRefused) as info:
        import_submissions(ws, tmp_path / "s.xlsx")
    found = [(p.code, p.params.get("name")) for p in info.value.problems]
    assert ("reading.missing_sheet", "活动记录") in found
    assert ("reading.missing_column", "年度") in found
    assert ("reading.missing_column", "填报日期") in found


def test_year_option_and_unknown_year(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(EvaluatorError) as info:
        import_submissions(ws, write_book(tmp_path / "s.xlsx"), year=2017)
    assert [p.code for p in info.value.problems] == ["year.unknown"]


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2018, 5, 1), "2018-05-01"), (dt.datetime(2018, 5, 1, 9, 30), "2018-05-01"),
    ("2018-05-01", "2018-05-01"), ("2018/5/1", "2018-05-01"), ("2018年5月1日", "2018-05-01"),
    (None, None), ("  ", None)])
def test_dates_accepted(value: Any, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2018.5.1", "5/1/2018", "2018-02-30", 43221.0, "明天"])
def test_dates_refused(value: Any) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_cancel_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    from evaluator.progress import Cancelled

    class CancelAtOnce:
        def report(self, done: int, total: int, message: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            return True

    before = dump(ws)
    with pytest.raises(Cancelled):
        import_submissions(ws, write_book(tmp_path / "s.xlsx"), progress=CancelAtOnce())
    assert dump(ws) == before


def test_list_cli_json(ws: Workspace, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    import_submissions(ws, write_book(tmp_path / "s.xlsx"))
    ws.close()
    assert main(["submissions", "list", str(ws.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {r["code"]: r for r in data["alliances"]}
    assert len(rows) == 88
    assert rows["109"]["records"] == {"1": 1, "2": 1, "3": 1}
    assert rows["109"]["eligible"] is True
    assert rows["115"]["status"] == "ineligible"
    assert rows["118"]["status"] == "not_submitted"


# -- random damage ------------------------------------------------------------------------
def _valid_bytes(tmp_path: Path) -> bytes:
    return write_book(tmp_path / "valid.xlsx").read_bytes()


def _drop_sheet(data: bytes, sheet: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != f"xl/worksheets/{sheet}.xml":
                dst.writestr(info, src.read(info))
    return out.getvalue()


def _swap_cell_type(path: Path, sheet: str, row: int, column: int, value: Any) -> None:
    wb = load_workbook(path)
    wb.worksheets[0 if sheet == "基本信息" else 1].cell(row=row, column=column).value = value
    wb.save(path)


damage = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 0.99)),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(1, 255)),
                                        min_size=1, max_size=8)),
    st.tuples(st.just("drop"), st.sampled_from(["sheet1", "sheet2"])),
    st.tuples(st.just("swap"), st.tuples(
        st.sampled_from(["基本信息", "活动记录"]), st.integers(1, 6), st.integers(1, 8),
        st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                  st.booleans(),
                  st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
                  st.datetimes(min_value=dt.datetime(1900, 3, 1),
                               max_value=dt.datetime(2100, 1, 1))))),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=damage)
def test_random_damage_never_crashes_and_never_writes(ws: Workspace, tmp_path: Path,
                                                      kind: tuple[str, Any]) -> None:
    path = tmp_path / "damaged.xlsx"
    data = _valid_bytes(tmp_path)
    how, arg = kind
    if how == "truncate":
        path.write_bytes(data[: int(len(data) * arg)])
    elif how == "flip":
        buf = bytearray(data)
        for where, mask in arg:
            buf[int(len(buf) * where)] ^= mask
        path.write_bytes(bytes(buf))
    elif how == "drop":
        path.write_bytes(_drop_sheet(data, arg))
    else:
        path.write_bytes(data)
        sheet, row, column, value = arg
        if isinstance(value, float) and value != value:
            value = "nan"
        _swap_cell_type(path, sheet, row, column, value)
    before = dump(ws)
    refusal: EvaluatorError | None = None
    try:
        import_submissions(ws, path)
    except EvaluatorError as error:
        refusal = error
    if refusal is not None:
        assert refusal.problems
        assert refusal.render("zh")
        assert dump(ws) == before
    else:
        # Damage that leaves a valid file (e.g. a changed 说明) may import; it never
        # writes more than the file holds.
        assert ws.count("submissions") <= len(BASIC)
        ws.db.execute("DELETE FROM submission_records")
        ws.db.execute("DELETE FROM submissions")
