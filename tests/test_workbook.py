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
