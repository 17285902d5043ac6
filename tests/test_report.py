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
from evaluator.score_sets import insert_scores
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


@pytest.fixture
def three_years_ws(annex_ws: Workspace) -> Workspace:
    """annex_ws with 2016 and 2017 known too (the 2018 annex stands in for them)."""
    for year in (2016, 2017):
        import_history(annex_ws, REFERENCE / "annex2_2018_results.csv", year)
    return annex_ws


def report_text(ws: Workspace, out: Path, year: int) -> str:
    document = docx.Document(str(write_report(ws, out, year=year)))
    return "\n".join(p.text for p in document.paragraphs)


def test_report_sentences_match_statistics(three_years_ws: Workspace, tmp_path: Path) -> None:
    annex_ws = three_years_ws
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


@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed to print the draft")
def test_report_prints_like_the_published_report(three_years_ws: Workspace,
                                                  tmp_path: Path) -> None:
    out = write_report(three_years_ws, tmp_path / "r.docx", year=2018)
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    first = next(i for i, page in enumerate(pages) if "附件 2：" in page)
    last = next(i for i, page in enumerate(pages) if "附件 3：" in page)
    annex2 = pages[first:last]
    assert 1 <= len(annex2) <= 4
    assert all("序号" in page and "评分" in page for page in annex2)  # repeated header
    # Every code and score on one line: each data row reads "rank name code [score]".
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    lines = [line.split() for page in annex2 for line in page.splitlines()]
    for row in rows:
        assert [row["code"].lower(), row["score"]] in ([line[-2:] for line in lines]
                                                       if row["score"]
                                                       else []) or (
            not row["score"] and [row["code"].lower()] in [line[-1:] for line in lines])
    annex3 = "\n".join(pages[last:])
    assert "农业装备产业技术创新战略联盟" in annex3


def test_report_cli(annex_ws: Workspace, tmp_path: Path) -> None:
    from evaluator.cli import main

    path = annex_ws.path
    annex_ws.close()
    assert main(["report", str(path), "--out", str(tmp_path / "d.docx"), "--year",
                 "2018"]) == 0
    assert docx.Document(str(tmp_path / "d.docx")).paragraphs


def test_one_year_of_history_makes_no_three_year_claim(annex_ws: Workspace,
                                                        tmp_path: Path) -> None:
    text = report_text(annex_ws, tmp_path / "r.docx", 2018)
    assert "尚未导入 2016、2017 年度结果，无法判定连续三年未参加活跃度评价的联盟" in text
    assert "连续三年未参加活跃度评价，表明" not in text
    assert "特评为 A 级联盟" not in text


def _new_year(tmp_path: Path) -> Workspace:
    """A 2019 workspace built as a new office would: a registry of 99 alliances, 92
    submissions of which 90 meet the requirements and are scored, no earlier years."""
    from evaluator.plenary import decide  # noqa: F401  (results come from scores below)
    from evaluator.timefmt import now_iso

    ws = Workspace.create(tmp_path / "2019.evdb", year=2019)
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        annex = list(csv.DictReader(fh))
    alliances = [add_alliance(ws, row["code"], row["alliance"]) for row in annex]
    alliances += [add_alliance(ws, f"3{60 + i}", f"新试点{i}产业技术创新战略联盟")
                  for i in range(11)]
    expert = int(ws.db.table("experts").insert({
        "year": 2019, "name": "甲", "role": "member", "secret_key": "00"}).last_pk)
    rubric = ws.rubric(2019)
    for i, alliance in enumerate(alliances[:92]):
        sid = ws.db.table("submissions").insert({
            "year": 2019, "alliance_id": alliance.id, "name_as_filed": alliance.name,
            "contact": "联系人", "phone": "010-1", "filed_on": "2019-12-20",
            "imported_at": now_iso()}).last_pk
        if i >= 90:
            continue  # submitted without records: not eligible, not scored
        ws.db.table("submission_records").insert_all([
            {"submission_id": sid, "indicator_code": code, "title": "记录"}
            for code in ("1.1", "2.1", "3.1")])
        share = 0.4 + 0.6 * (i % 10) / 10
        for ind in rubric.indicators:
            insert_scores(ws.db, [{
                "year": 2019, "round": "initial", "expert_id": expert,
                "alliance_id": alliance.id, "indicator_code": ind.code,
                "value": round(ind.max_points * share), "entered_at": now_iso()}])
    return ws


def test_new_year_without_history_claims_only_what_it_holds(tmp_path: Path) -> None:
    with _new_year(tmp_path) as ws:
        text = report_text(ws, tmp_path / "r.docx", 2019)
    assert "录入信息达到评价要求的联盟共 90 家" in text
    assert "尚未导入 2017、2018 年度结果，无法判定连续三年未参加活跃度评价的联盟" in text
    assert "尚未导入 2017、2018 年度结果，无法判定连续三年保持高活跃度的 A 级联盟" in text
    assert "停滞" not in text
    assert "有 0 家联盟连续三年" not in text
    # Did not submit: counted from the registry (99 alliances, 92 submitted).
    assert "联盟名录中共 7 家联盟没有按照 2019 年度活跃度评价要求填报信息" in text
    assert "共 53 家联盟没有按照" not in text
    # The total of 152 is the 2018 report's: the draft says so and where to change it.
    assert "数字来源：2018 年度评价报告" in text
    assert "名录以外的 53 家联盟无法判断是否填报" in text


def test_new_year_with_two_imported_years_makes_the_claims(tmp_path: Path) -> None:
    with _new_year(tmp_path) as ws:
        for year in (2017, 2018):
            import_history(ws, REFERENCE / "annex2_2018_results.csv", year)
        from evaluator.programme import set_programme_sizes

        set_programme_sizes(ws, 2019, {"1": 52, "2": 39, "3": 2, "d": 6})
        text = report_text(ws, tmp_path / "r.docx", 2019)
    assert "无法判定" not in text
    # Of the 11 new alliances 2 were scored; the 9 others are in no year's results.
    assert "等 9 家试点联盟自 2017 年以来连续三年未参加活跃度评价" in text
    assert "特评为 A 级联盟" in text
    assert "除上述联盟外，联盟名录中的联盟均已填报 2019 年度信息" in text
    assert "数字来源" not in text
    assert "名录以外" not in text


def test_annex_3_says_none_when_no_alliance_was_high_three_years(
        annex_ws: Workspace, tmp_path: Path) -> None:
    average = tmp_path / "average.csv"
    with (REFERENCE / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with average.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["联盟代码", "联盟名称", "评分", "活跃度"])
        writer.writerows([r["code"], r["alliance"], "", "一般"] for r in rows)
    for year in (2016, 2017):
        import_history(annex_ws, average, year)
    out = write_report(annex_ws, tmp_path / "r.docx", year=2018)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    annex3 = texts[next(i for i, t in enumerate(texts) if t == "附件 3："):]
    assert "无" in annex3
    assert any("没有联盟连续三年保持高活跃度" in t for t in texts)
