"""The results workbook the office publishes: annexes 1-3, the statistics with native
charts, every score, the plenary decisions, the panel's quality and the audit log.

Cells holding text that starts with = + - @ are written as text (never a formula: a name
like `=HYPERLINK(...)` must not run). Written through `atomic_write`, so a crash leaves
the old file or the new one.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.atomic import atomic_write
from evaluator.audit_log import audit_entries
from evaluator.bands import BAND_NAMES, BANDS
from evaluator.consensus import ScoreSet, score_sets
from evaluator.excel_text import is_formula_like, put_text
from evaluator.exports.streamed_sheet import StreamedRows, save_with_streamed_rows
from evaluator.history import a_level, missing_text, missing_years
from evaluator.progress import NullProgress, Progress, check
from evaluator.results import ResultRow, last_publication, results_for_year
from evaluator.rounds import round_label
from evaluator.statistics import Statistics, compute_statistics
from evaluator.timefmt import local_time
from evaluator.workspace import Workspace

FONT_NAME = "宋体"
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADING_FONT = Font(name=FONT_NAME, size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
HEADING_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
ROLE_HEADINGS = (("advisor", "顾问"), ("leader", "组长"), ("deputy_leader", "副组长"),
                 ("member", "专家组成员"))
PERCENT_FORMAT = "0.00%"
STEP_NAMES = ("评价结果", "A级联盟", "专家组", "统计", "评分明细", "复核会评", "专家组评分质量",
              "审计")
SHEETS = ("评价结果", "A级联盟", "专家组", "统计", "协同创新活动统计", "评分明细", "复核会评",
          "专家组评分质量", "审计")


def text_width(value: Any) -> int:
    """Display width: East Asian wide characters count double."""
    text = "" if value is None else str(value)
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def put(sheet: Worksheet, row: int, column: int, value: Any, *,
        font: Font = BODY_FONT, number_format: str | None = None) -> Cell:
    """Write one cell; text that Excel would read as a formula stays text."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        put_text(cell, "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 32))
    else:
        cell.value = value
    cell.font = font
    if number_format:
        cell.number_format = number_format
    return cell


class SheetWriter:
    """Rows written top to bottom, with the header row frozen and repeated when printed."""

    def __init__(self, book: Workbook, title: str, first: bool = False) -> None:
        self.sheet: Worksheet = book.active if first else book.create_sheet(title)  # type: ignore[assignment]
        self.sheet.title = title
        self.row = 1
        self.widths: dict[int, int] = {}
        self.header_row: int | None = None
        # Body styles by (number format, quote prefix), copied onto each cell: assigning a
        # font and a border goes through openpyxl's style hashing for every cell.
        self._body_styles: dict[tuple[str | None, bool], Any] = {}

    def title(self, text: str, span: int) -> None:
        put(self.sheet, self.row, 1, text, font=TITLE_FONT)
        if span > 1:
            self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                                   end_column=span)
        self.sheet.row_dimensions[self.row].height = 24
        self.row += 1

    def header(self, names: Sequence[str], *, freeze: bool = True) -> None:
        for i, name in enumerate(names, start=1):
            cell = put(self.sheet, self.row, i, name, font=HEADER_FONT)
            cell.fill = HEADER_FILL
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            self._fit(i, name)
        if freeze and self.header_row is None:
            self.header_row = self.row
            self.sheet.freeze_panes = self.sheet.cell(row=self.row + 1, column=1)
            self.sheet.print_title_rows = f"1:{self.row}"
        self.row += 1

    def heading(self, text: str, span: int) -> None:
        cell = put(self.sheet, self.row, 1, text, font=HEADING_FONT)
        cell.fill = HEADING_FILL
        if span > 1:
            self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                                   end_column=span)
        self.row += 1

    def _body_style(self, fmt: str | None, quoted: bool) -> Any:
        style = self._body_styles.get((fmt, quoted))
        if style is None:
            prototype = Cell(self.sheet)
            prototype.font = BODY_FONT
            prototype.border = BORDER
            if fmt:
                prototype.number_format = fmt
            prototype.quotePrefix = quoted
            style = self._body_styles[(fmt, quoted)] = prototype._style
        return style

    def values(self, values: Iterable[Any], formats: dict[int, str] | None = None) -> None:
        for i, value in enumerate(values, start=1):
            fmt = (formats or {}).get(i)
            cell = self.sheet.cell(row=self.row, column=i)
            if isinstance(value, str):
                value = "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 32)
                cell.value = value
                quoted = is_formula_like(value)
                if quoted:
                    cell.data_type = "s"  # the quote prefix comes with the body style
            else:
                cell.value = value
                quoted = False
            cell._style = copy(self._body_style(fmt, quoted))
            shown = f"{value * 100:.2f}%" if fmt == PERCENT_FORMAT and value is not None \
                else value
            self._fit(i, shown)
        self.row += 1

    def stream(self) -> StreamedRows:
        """The rows below the header, written straight to sheet XML (the big sheets);
        nothing else may be written to the sheet afterwards."""
        body = Cell(self.sheet)
        body.font = BODY_FONT
        body.border = BORDER
        text_body = Cell(self.sheet)
        text_body.font = BODY_FONT
        text_body.border = BORDER
        text_body.quotePrefix = True
        return StreamedRows(self.sheet, self.row, body, text_body, self._fit)

    def note(self, text: str) -> None:
        put(self.sheet, self.row, 1, text)
        self.row += 1

    def skip(self, n: int = 1) -> None:
        self.row += n

    def _fit(self, column: int, value: Any) -> None:
        width = max((text_width(line) for line in str(value or "").split("\n")), default=0)
        self.widths[column] = max(self.widths.get(column, 0), min(width + 2, 60))

    def finish(self, landscape: bool = False) -> None:
        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = max(width, 6)
        setup = self.sheet.page_setup
        setup.paperSize = self.sheet.PAPERSIZE_A4
        setup.orientation = "landscape" if landscape else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_options.horizontalCentered = True
        self.sheet.page_margins.left = self.sheet.page_margins.right = 0.5


def fraction(value: Any) -> float:
    """A percent Decimal (9.62) as the fraction Excel shows with 0.00% (0.0962)."""
    return float(value) / 100


def export_workbook(ws: Workspace, out: Path | str, *, year: int | None = None,
                    show_inactive_scores: bool = False,
                    progress: Progress | None = None) -> Path:
    progress = progress or NullProgress()
    year = year if year is not None else ws.current_year()
    out = Path(out)
    book = Workbook()
    streamed: list[StreamedRows] = []
    results: list[ResultRow] = []
    # Every complete score set of the year, read once for the results and the quality
    # sheet, then let go (120,000 sets at XL).
    sets: list[list[ScoreSet]] = []

    def results_sheet() -> None:
        if year in ws.years():
            sets.append(score_sets(ws, year))
        # Computed once, used by three sheets.
        results.extend(results_for_year(ws, year, sets[0] if sets else None))
        _results_sheet(book, ws, year, show_inactive_scores, results)

    def quality_sheet() -> None:
        _quality_sheet(book, ws, year, sets.pop() if sets else None)

    steps = (
        results_sheet,
        lambda: _a_level_sheet(book, ws, year, results),
        lambda: _panel_sheet(book, ws, year),
        lambda: _statistics_sheets(book, compute_statistics(ws, year, results)),
        lambda: streamed.extend(_scores_sheet(book, ws, year, progress)),
        lambda: _plenary_sheet(book, ws, year),
        quality_sheet,
        lambda: streamed.extend(_audit_sheet(book, ws)),
    )
    try:
        for i, step in enumerate(steps):
            check(progress)
            progress.report(i, len(steps) + 1, STEP_NAMES[i])
            step()
        check(progress)
        book.properties.title = f"{year} 年度产业技术创新战略联盟活跃度评价结果"
        book.properties.creator = "evaluator"
        with atomic_write(out, suffix=".xlsx") as tmp:
            save_with_streamed_rows(book, tmp, streamed)
    finally:
        for rows in streamed:
            rows.close()
    progress.report(len(steps) + 1, len(steps) + 1, out.name)
    return out


def _results_sheet(book: Workbook, ws: Workspace, year: int, show_inactive: bool,
                   rows: list[ResultRow]) -> None:
    w = SheetWriter(book, "评价结果", first=True)
    w.title(f"{year} 年度产业技术创新战略联盟活跃度情况", 4)
    w.header(["序号", "联盟名称", "批次", "评分"])
    for band in BANDS:
        mine = [r for r in rows if r.band == band]
        if not mine:
            continue
        label = "不活跃的联盟" if band == "inactive" else f"{BAND_NAMES[band]}的联盟"
        w.heading(f"{label}（共 {len(mine)} 家）", 4)
        for r in mine:
            score = r.score if (band != "inactive" or show_inactive) else None
            w.values([r.rank, r.name, r.code, score])
    w.skip()
    publication = last_publication(ws, year) if rows and rows[0].source == "published" else None
    if publication is not None:
        w.note(f"{publication['published_by']} 于 {local_time(publication['published_at'], 'zh')}"
               f" 发布。")
    elif rows and rows[0].source in ("plenary", "consensus"):
        w.note("尚未发布：以上为导出时按当前评分计算的结果。")
    w.note("注：批次列为联盟代码，首位数字为试点批次，后两位为批复文件中的序号；d 开头为网员联盟。")
    if not show_inactive:
        w.note("不活跃联盟的评分不予公布。")
    w.finish()


def _a_level_sheet(book: Workbook, ws: Workspace, year: int,
                   results: list[ResultRow]) -> None:
    w = SheetWriter(book, "A级联盟")
    rows = a_level(ws, year, results=results)
    n = int(ws.setting("history.a_level_years"))
    years = list(range(year - n + 1, year + 1))
    span = 3 + len(years)
    w.title(f"{years[0]}-{years[-1]} 年度连续 {n} 年活跃度高的联盟（A 级联盟，共 {len(rows)} 家）",
            span)
    w.header(["序号", "联盟名称", "批次", *[f"{y} 年评分" for y in years]])
    for r in rows:
        w.values([r.seq, r.name, r.code, *[r.scores.get(y) for y in years]])
    missing = missing_years(ws, year, "history.a_level_years", results)
    if missing:
        w.note(missing_text(ws, year, missing, "A 级联盟", "zh") + "。")
    elif not rows:
        w.note("无")
    w.finish()


def _panel_sheet(book: Workbook, ws: Workspace, year: int) -> None:
    w = SheetWriter(book, "专家组")
    w.title(f"{year} 年度联盟活跃度评价专家组", 3)
    w.header(["姓名", "单位", "职务"])
    experts = list(ws.db.query(
        "SELECT * FROM experts WHERE year = ? ORDER BY sort, id", [year]))
    for role, heading in ROLE_HEADINGS:
        mine = [e for e in experts if e["role"] == role]
        if not mine:
            continue
        w.heading(heading, 3)
        for e in mine:
            w.values([e["name"], e["organisation"], e["title"]])
    if not experts:
        w.note("本年度尚未录入专家组。")
    w.finish()


def _statistics_sheets(book: Workbook, stats: Statistics) -> None:
    w = SheetWriter(book, "统计")
    w.title(f"{stats.year} 年度试点联盟活跃度情况统计（参评 {stats.participants} 家，"
            f"联盟总数 {stats.total} 家）", 5)
    # Table 1: overall, report 三.1.
    w.header(["活跃度", "联盟数", "占参评联盟", "占联盟总数"])
    pct = {3: PERCENT_FORMAT, 4: PERCENT_FORMAT}
    overall_first = w.row
    for band in BANDS:
        f = stats.bands[band]
        w.values([BAND_NAMES[band], f.count, fraction(f.pct_of_participants),
                  fraction(f.pct_of_total)], pct)
    overall_last = w.row - 1
    top = stats.high_and_fairly_high
    w.values(["活跃度高和较高", top.count, fraction(top.pct_of_participants),
              fraction(top.pct_of_total)], pct)
    w.values(["参评联盟合计", stats.participants, 1.0 if stats.participants else 0.0,
              fraction(stats.participants * 100 / stats.total) if stats.total else 0.0], pct)
    w.skip()
    # Table 2: count per batch and band (the per-batch pies read from it).
    w.heading("各批次活跃度分布（家）", 7)
    w.values(["批次", "联盟数", "参评", *[BAND_NAMES[b] for b in BANDS]])
    batch_first = w.row
    for b in stats.batches:
        w.values([b.name, b.size, b.participants, *[b.bands[k].count for k in BANDS]])
    batch_last = w.row - 1
    w.skip()
    # Table 3: shares, report 三.5-8.
    w.heading("各档联盟的批次构成（占该档联盟、占该批次联盟总数）", 4)
    w.values(["活跃度", "批次", "联盟数", "占该档联盟", "占该批次总数"])
    for band in BANDS:
        for b in stats.batches:
            share = b.bands[band]
            w.values([BAND_NAMES[band], b.name, share.count, fraction(share.pct_of_band),
                      fraction(share.pct_of_batch)], {4: PERCENT_FORMAT, 5: PERCENT_FORMAT})
    w.skip()
    w.heading("活跃度高和较高、一般和不活跃的联盟（按批次）", 3)
    w.values(["批次", "高和较高", "一般和不活跃"])
    for b in stats.batches:
        w.values([b.name, b.high_and_fairly_high, b.average_and_inactive])
    w.skip()
    w.heading("评分分布（已公布评分）", 2)
    w.values(["分数段", "联盟数"])
    dist_first = w.row
    for label, count in stats.score_bins:
        w.values([label, count])
    dist_last = w.row - 1
    w.skip()
    w.heading("各批次平均分", 2)
    w.values(["批次", "平均分"])
    mean_first = w.row
    for b in stats.batches:
        scores = stats.scores_by_batch.get(b.batch_id, [])
        w.values([b.name, round(sum(scores) / len(scores), 2) if scores else None])
    mean_last = w.row - 1
    w.finish()
    sheet = w.sheet
    # Charts go below the tables, two abreast, so the sheet prints fitted to A4 width.
    top_row = w.row + 1
    right = _column_at(w.widths, 56)
    rows_per_chart = 17

    pie = PieChart()
    pie.title = "参评联盟活跃度分布"
    pie.add_data(Reference(sheet, min_col=2, min_row=overall_first, max_row=overall_last))
    pie.set_categories(Reference(sheet, min_col=1, min_row=overall_first, max_row=overall_last))
    _pie_labels(pie)
    sheet.add_chart(pie, f"A{top_row}")
    for i, b in enumerate(stats.batches):
        row = batch_first + i
        bp = PieChart()
        bp.title = f"{b.name}活跃度分布"
        bp.add_data(Reference(sheet, min_col=4, max_col=7, min_row=row, max_row=row),
                    from_rows=True, titles_from_data=False)
        bp.set_categories(Reference(sheet, min_col=4, max_col=7, min_row=batch_first - 1,
                                    max_row=batch_first - 1))
        _pie_labels(bp)
        col = right if i % 2 == 0 else "A"
        sheet.add_chart(bp, f"{col}{top_row + rows_per_chart * ((i + 1) // 2)}")
    bar = BarChart()
    bar.type = "col"
    bar.grouping = "clustered"
    bar.title = "各批次活跃度分布"
    bar.y_axis.title = "联盟数"
    bar.add_data(Reference(sheet, min_col=4, max_col=7, min_row=batch_first - 1,
                           max_row=batch_last), titles_from_data=True)
    bar.set_categories(Reference(sheet, min_col=1, min_row=batch_first, max_row=batch_last))
    below_pies = top_row + rows_per_chart * (1 + (len(stats.batches) + 1) // 2)
    sheet.add_chart(bar, f"A{below_pies}")
    bar.width, bar.height = 20, 7.5
    dist = BarChart()
    dist.type = "col"
    dist.title = "评分分布"
    dist.legend = None
    dist.add_data(Reference(sheet, min_col=2, min_row=dist_first, max_row=dist_last))
    dist.set_categories(Reference(sheet, min_col=1, min_row=dist_first, max_row=dist_last))
    sheet.add_chart(dist, f"A{below_pies + rows_per_chart}")
    mean = BarChart()
    mean.type = "col"
    mean.title = "各批次平均分"
    mean.legend = None
    mean.add_data(Reference(sheet, min_col=2, min_row=mean_first, max_row=mean_last))
    mean.set_categories(Reference(sheet, min_col=1, min_row=mean_first, max_row=mean_last))
    sheet.add_chart(mean, f"{right}{below_pies + rows_per_chart}")
    for chart in (dist, mean):
        chart.width, chart.height = 12, 7.5
    # Page breaks keep each group of charts whole on paper.
    sheet.row_breaks.append(Break(id=top_row - 1))
    sheet.row_breaks.append(Break(id=below_pies - 1))

    a = SheetWriter(book, "协同创新活动统计")
    a.title(f"{stats.year} 年度各档联盟开展协同创新活动与带动产业发展工作的联盟数（家）", 6)
    a.header(["指标代码", "二级指标",
              *[f"{BAND_NAMES[b]}（{stats.bands[b].count} 家）" for b in BANDS]])
    first = a.row
    for act in stats.activities:
        a.values([act.code, act.name, *[act.counts[b] for b in BANDS]])
    last = a.row - 1
    if not stats.has_records:
        a.skip()
        a.note("本年度没有联盟填报记录（历史结果），活动统计为 0。")
    a.finish(landscape=True)
    if stats.activities:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "clustered"
        chart.title = "各档联盟开展各项活动的联盟数"
        chart.add_data(Reference(a.sheet, min_col=3, max_col=6, min_row=first - 1,
                                 max_row=last), titles_from_data=True)
        chart.set_categories(Reference(a.sheet, min_col=2, min_row=first, max_row=last))
        chart.width, chart.height = 18, 16
        a.sheet.row_breaks.append(Break(id=last + 2))
        a.sheet.add_chart(chart, f"A{last + 4}")


def _column_at(widths: dict[int, int], chars: int) -> str:
    """The first column starting at least `chars` character widths from the left edge."""
    total = 0
    column = 1
    while total < chars:
        total += max(widths.get(column, 9), 6)
        column += 1
    return get_column_letter(column)


def _pie_labels(pie: PieChart) -> None:
    pie.dataLabels = DataLabelList()
    pie.dataLabels.showPercent = True
    pie.dataLabels.showVal = False
    pie.dataLabels.showSerName = False
    pie.dataLabels.showCatName = False
    pie.dataLabels.showLegendKey = False
    pie.width, pie.height = 10, 7.5


def _scores_sheet(book: Workbook, ws: Workspace, year: int,
                  progress: Progress) -> list[StreamedRows]:
    """One row per round, expert and alliance (60,000 rows x 26 columns at XL), read in
    order and written as it is read."""
    w = SheetWriter(book, "评分明细")
    codes = list(ws.rubric(year).codes) if year in ws.years() else []
    w.header(["轮次", "专家", "联盟代码", "联盟名称", *codes, "合计", "备注"])
    # One row per score set as stored (60,000 sets, 1.2 million scores at XL): the values
    # as a JSON object, the comments in the order of the scores.
    cursor = ws.db.execute(
        "SELECT s.round, e.name, a.code, a.name, s.scores_json, s.comments_json"
        " FROM score_sets s JOIN experts e ON e.id = s.expert_id"
        " JOIN alliances a ON a.id = s.alliance_id WHERE s.year = ?"
        " ORDER BY s.round, e.sort, e.id, a.code", (year,))
    rows = w.stream()
    for round_, expert, code, alliance_name, values_json, comments_json in cursor:
        found = json.loads(values_json)
        values = [found.get(c) for c in codes]
        comments = ""
        if comments_json != "{}":
            noted = json.loads(comments_json)
            comments = "；".join(f"{c}：{noted[c]}" for c in found if noted.get(c))
        total = round(sum(v for v in values if v is not None), 4)
        rows.append([round_label(round_, "zh"), expert, code, alliance_name, *values,
                     total, comments or ""])
        if rows.row % 5000 == 0:
            check(progress)
    if rows.last_row < rows.first_row:
        rows.close()
        w.note("本年度没有评分记录。")
        w.finish(landscape=True)
        return []
    w.finish(landscape=True)
    return [rows]


def _plenary_sheet(book: Workbook, ws: Workspace, year: int) -> None:
    w = SheetWriter(book, "复核会评")
    w.header(["联盟代码", "联盟名称", "决定", "会评前共识分", "会评分", "理由", "决定人",
              "时间", "状态"])
    rows = list(ws.db.query(
        "SELECT p.*, a.code, a.name FROM plenary_decisions p"
        " JOIN alliances a ON a.id = p.alliance_id WHERE p.year = ? ORDER BY a.code, p.id",
        [year]))
    for p in rows:
        w.values([p["code"], p["name"], "维持" if p["decision"] == "accept" else "改定",
                  _rounded(p["consensus_before"]), _rounded(p["score"]), p["reason"],
                  p["decided_by"], local_time(p["decided_at"], "zh"),
                  "有效" if p["superseded_by"] is None else "已被取代"])
    if not rows:
        w.note("本年度没有复核会评决定。")
    w.finish(landscape=True)


def _quality_sheet(book: Workbook, ws: Workspace, year: int,
                   sets: list[ScoreSet] | None = None) -> None:
    w = SheetWriter(book, "专家组评分质量")
    if year not in ws.years() or not ws.count("scores", "year = ?", (year,)):
        w.note("本年度没有评分，无法计算评分一致性。")
        w.finish()
        return
    try:
        from evaluator.quality import alpha_table, leniency_table
    except ImportError:
        w.note("评分质量模块不可用。")
        w.finish()
        return
    bands = {"reliable": "可靠", "tentative": "可参考", "unreliable": "不可靠",
             "undefined": "无法计算"}
    w.header(["层级", "代码", "名称", "Krippendorff α", "判断", "评分联盟数"])
    levels = {"total": "总分", "group": "一级指标", "indicator": "二级指标"}
    sets = score_sets(ws, year) if sets is None else sets  # read once for both tables
    for row in alpha_table(ws, year, sets):
        w.values([levels.get(row.level, row.level), "" if row.level == "total" else row.code,
                  row.name,
                  None if row.alpha is None else round(row.alpha, 3),
                  bands.get(row.band, row.band), row.units])
    w.skip()
    w.heading("专家宽严度（与同一联盟其他专家均值之差）", 6)
    w.values(["专家", "可比评分数", "宽严度（分）", "标准误", "一致性（标准差）", "相关系数",
              "标记"])
    for e in leniency_table(ws, year, sets):
        w.values([e.name, e.n, _rounded(e.leniency), _rounded(e.se),
                  _rounded(e.consistency), _rounded(e.correlation, 3),
                  "是" if e.flagged else ""])
    w.finish(landscape=True)


def _rounded(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def _audit_sheet(book: Workbook, ws: Workspace) -> list[StreamedRows]:
    w = SheetWriter(book, "审计")
    w.header(["序号", "时间", "操作人", "操作", "对象", "键", "原值", "新值"])
    rows = w.stream()
    for e in audit_entries(ws, "zh"):
        rows.append([e.id, e.at, e.actor, e.action, e.entity, e.key, e.old, e.new])
    w.finish(landscape=True)
    return [rows]
