"""The results workbook: annex layout, text never a formula, native charts, LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from evaluator.exports.workbook import SHEETS, export_workbook, text_width
from evaluator.history import import_history
from evaluator.registry import add_alliance
from evaluator.workspace import Workspace

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
EVIL = '=HYPERLINK("http://x","点我")'


@pytest.fixture
def annex_ws(workspace: Workspace) -> Workspace:
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(workspace, row["code"], row["alliance"])
    add_alliance(workspace, "399", EVIL)
    import_history(workspace, REFERENCE / "annex2_2018_results.csv", 2018)
    workspace.db.table("results").insert({
        "year": 2018, "alliance_id": workspace.db.execute(
            "SELECT id FROM alliances WHERE code = '399'").fetchone()[0],
        "score": 10, "band": "inactive", "source": "history", "recorded_at": "x"})
    workspace.db.table("experts").insert({
        "year": 2018, "name": "@仲继寿", "role": "leader", "organisation": "+住宅科技联盟",
        "title": "-秘书长", "secret_key": "00"})
    return workspace


def test_text_width_counts_cjk_double() -> None:
    assert text_width("ab") == 2
    assert text_width("联盟") == 4


def test_workbook_sheets_layout_and_text_cells(annex_ws: Workspace, tmp_path: Path) -> None:
    out = export_workbook(annex_ws, tmp_path / "r.xlsx", year=2018)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(SHEETS)
    sheet = book["评价结果"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1] == ["序号", "联盟名称", "批次", "评分"]
    assert values[2][0] == "活跃度高的联盟（共 30 家）"
    assert values[3] == [1, "半导体照明产业技术创新战略联盟", "109", 100]
    assert ["活跃度较高的联盟（共 15 家）", None, None, None] in values
    assert ["不活跃的联盟（共 21 家）", None, None, None] in values
    evil = next(row for row in sheet.iter_rows() if row[2].value == "399")
    assert evil[1].value == EVIL
    assert evil[1].data_type == "s"
    assert evil[3].value is None  # inactive scores are not published
    assert sheet.freeze_panes == "A3"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.column_dimensions["B"].width >= text_width(EVIL)
    panel = [[c.value for c in row] for row in book["专家组"].iter_rows()]
    assert ["组长", None, None] in panel
    assert ["@仲继寿", "+住宅科技联盟", "-秘书长"] in panel
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet_xml
        assert not any("externalLink" in n for n in names)
        assert "xl/charts/chart1.xml" in names
        assert sum(n.startswith("xl/charts/chart") for n in names) >= 8
    stats = book["统计"]
    assert len(stats._charts) >= 7  # read back as chart objects
    average = next(r for r in stats.iter_rows(max_col=4) if r[0].value == "活跃度一般")
    assert average[1].value == 23
    assert average[2].value == pytest.approx(0.2584)  # 23 of 89 (88 + the extra 399)
    assert average[2].number_format == "0.00%"


def test_show_inactive_scores(annex_ws: Workspace, tmp_path: Path) -> None:
    out = export_workbook(annex_ws, tmp_path / "r.xlsx", year=2018, show_inactive_scores=True)
    sheet = openpyxl.load_workbook(out)["评价结果"]
    evil = next(row for row in sheet.iter_rows() if row[2].value == "399")
    assert evil[3].value == 10


def test_cli_export(annex_ws: Workspace, tmp_path: Path) -> None:
    from evaluator.cli import main

    path = annex_ws.path
    annex_ws.close()
    assert main(["export", str(path), "--out", str(tmp_path / "x.xlsx"), "--year",
                 "2018"]) == 0
    assert (tmp_path / "x.xlsx").exists()
    assert not list(tmp_path.glob(".x.xlsx.*"))  # no temporary left behind


@pytest.mark.skipif(shutil.which("libreoffice") is None and shutil.which("soffice") is None,
                    reason="LibreOffice is not installed: cannot check the file opens there")
def test_libreoffice_reads_the_cells(annex_ws: Workspace, tmp_path: Path) -> None:
    out = export_workbook(annex_ws, tmp_path / "r.xlsx", year=2018)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [str(office), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
         str(tmp_path / "csv"), str(out)],
        check=True, capture_output=True, timeout=180)
    text = (tmp_path / "csv" / "r.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert rows[1] == ["序号", "联盟名称", "批次", "评分"]
    assert ["1", "半导体照明产业技术创新战略联盟", "109", "100"] in rows
    # The formula-looking name stays the text itself, not a computed hyperlink.
    assert any(r[1] == EVIL for r in rows if len(r) > 1)


def test_big_sheets_are_streamed_with_header_styles_and_every_score(
        demo_ws: Workspace, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    year = demo_ws.current_year()
    rubric = demo_ws.rubric(year)
    # A comment that Excel would read as a formula, and one with a control character.
    key = demo_ws.db.execute(
        "SELECT round, expert_id, alliance_id, indicator_code FROM scores WHERE year = ?"
        " ORDER BY round, expert_id, alliance_id LIMIT 1", (year,)).fetchone()
    indicator = key[3]
    demo_ws.db.execute("UPDATE scores SET comment = ? WHERE year = ? AND round = ?"
                       " AND expert_id = ? AND alliance_id = ? AND indicator_code = ?",
                       ('=1+2 <b>&amp;\x07', year, *key))
    with demo_ws.transaction():
        demo_ws.audit("test", "alliance", EVIL, None, None)
    out = export_workbook(demo_ws, tmp_path / "r.xlsx", year=year)
    book = openpyxl.load_workbook(out)
    sheet = book["评分明细"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["轮次", "专家", "联盟代码", "联盟名称", *rubric.codes, "合计", "备注"]
    sets = demo_ws.db.execute(
        "SELECT COUNT(DISTINCT round || '/' || expert_id || '/' || alliance_id),"
        " SUM(value) FROM scores WHERE year = ?", (year,)).fetchone()
    body = rows[1:]
    assert len(body) == sets[0]
    n = len(rubric.codes)
    assert sum(r[4 + n] for r in body) == pytest.approx(sets[1])
    for r in body:
        assert r[4 + n] == pytest.approx(sum(v for v in r[4:4 + n] if v is not None))
    assert {r[0] for r in body} <= {"分组初评", "交叉复评"}
    hostile = [r[-1] for r in body if r[-1] and "<b>" in r[-1]]
    assert len(hostile) == 1
    assert f"{indicator}：=1+2 <b>&amp;" in hostile[0].split("；")
    # The header row is frozen and printed on every page; widths fit the names.
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.column_dimensions["D"].width >= max(text_width(r[3]) for r in body[:50])
    cell = sheet.cell(row=2, column=5)
    assert cell.border.left.style == "thin"
    assert cell.font.name == "宋体"
    assert sheet.max_row == len(rows)
    audit = book["审计"]
    entries = demo_ws.count("audit_log")
    assert audit.max_row == entries + 1
    ids = [r[0].value for r in audit.iter_rows(min_row=2)]
    assert ids == sorted(ids)
    assert len(ids) == entries
    assert audit.freeze_panes == "A2"
    evil = audit.cell(row=audit.max_row, column=6)
    assert evil.value == EVIL
    assert evil.data_type == "s"
    assert evil.quotePrefix
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in zf.read(name).decode()
    # A second reader sees the same cells.
    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("评分明细").to_python()
    assert len(calamine) == len(rows)
    assert [str(v) for v in calamine[1][:4]] == [str(v) for v in body[0][:4]]
    assert float(calamine[1][4 + n]) == pytest.approx(body[0][4 + n])
