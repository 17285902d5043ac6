"""The report draft: opens, its sentences carry the statistics, charts are embedded."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from evaluator.exports.report import write_report
from evaluator.history import import_history
from evaluator.registry import add_alliance
from evaluator.statistics import compute_statistics
from evaluator.workspace import Workspace

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


@pytest.fixture
def annex_ws(workspace: Workspace) -> Workspace:
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(workspace, row["code"], row["alliance"])
    add_alliance(workspace, "155", "农药产业技术创新战略联盟")  # never took part: stalled
    import_history(workspace, REFERENCE / "annex2_2018_results.csv", 2018)
    return workspace


def test_report_sentences_match_statistics(annex_ws: Workspace, tmp_path: Path) -> None:
    out = write_report(annex_ws, tmp_path / "r.docx", year=2018)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "活跃度高和较高的联盟有 45 家，达到参评联盟的 51.14%，占联盟总数的 29.61%" in text
    assert "活跃度一般的联盟共 23 家，占参评联盟的 26.14%、占联盟总数的 15.13%" in text
    # The slips of the printed report come out right.
    assert "占第一批 52 个试点联盟总数的 9.62%" in text
    assert "占活跃度一般联盟 8.70%" in text
    assert "第一批试点共 21 个、第二批试点共 8 个、第三批试点共 15 个" in text
    assert "100 分联盟共有 10 家" in text
    assert "农药产业技术创新战略联盟等 1 家试点联盟自 2016 年以来连续三年未参加活跃度评价" in text
    stats = compute_statistics(annex_ws, 2018)
    for band in stats.bands.values():
        assert f"{band.pct_of_participants}%" in text
    # Annex 2 as a table with the band headings; inactive scores left empty.
    tables = document.tables
    annex2 = next(t for t in tables if t.rows[0].cells[0].text == "序号")
    cells = [[c.text for c in row.cells] for row in annex2.rows]
    assert cells[1][0] == "活跃度高的联盟（共 30 家）"
    assert cells[2] == ["1", "半导体照明产业技术创新战略联盟", "109", "100"]
    inactive = [r for r in cells if r[2] == "147"]
    assert inactive[0][3] == ""
    assert len(document.inline_shapes) >= 6  # the pies and bar charts
    east_asia = document.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
    assert east_asia == "宋体"


@pytest.mark.skipif(shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed: cannot check the draft converts")
def test_report_converts_to_pdf(annex_ws: Workspace, tmp_path: Path) -> None:
    out = write_report(annex_ws, tmp_path / "r.docx", year=2018)
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "r.pdf").stat().st_size > 10_000


def test_report_cli(annex_ws: Workspace, tmp_path: Path) -> None:
    from evaluator.cli import main

    path = annex_ws.path
    annex_ws.close()
    assert main(["report", str(path), "--out", str(tmp_path / "d.docx"), "--year",
                 "2018"]) == 0
    assert docx.Document(str(tmp_path / "d.docx")).paragraphs
