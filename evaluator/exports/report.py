"""The report draft (.docx): the parts of the published report whose numbers the
workspace knows, written with the report's own sentences, for the secretariat to edit.

Sections follow the 2018 report: 二.5 评价结果, 三 (overall, each batch, each band), 四.2's
activity tables, 五 (A-level), 七 (stalled and not entered), annexes 1-3, with charts.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from evaluator.atomic import atomic_write
from evaluator.exports import charts
from evaluator.exports.workbook import ROLE_HEADINGS
from evaluator.history import a_level, stalled
from evaluator.progress import NullProgress, Progress, check
from evaluator.results import BAND_NAMES, BANDS, ResultRow, results_for_year
from evaluator.statistics import compute_statistics, format_percent
from evaluator.workspace import Workspace

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BATCH_ORDINALS = {"1": "第一批", "2": "第二批", "3": "第三批", "d": "网员"}
SECTION_NUMBERS = "一二三四五六七八九十"
DRAFT_NOTE = "（草稿：本文件中的数字由评审工作区自动生成，其余文字请秘书处补充修改。）"


def p(value: Any) -> str:
    return format_percent(value)


def _set_font(style: Any, east_asia: str, size: float, bold: bool = False) -> None:
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _styles(doc: DocumentType) -> None:
    _set_font(doc.styles["Normal"], BODY_FONT, 12)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.5
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13)):
        style = doc.styles[name]
        _set_font(style, HEADING_FONT, size, bold=True)
        style.font.color.rgb = None
    _set_font(doc.styles["Table Grid"], BODY_FONT, 10.5)


class ReportWriter:
    def __init__(self, ws: Workspace, year: int) -> None:
        self.ws = ws
        self.year = year
        self.doc = Document()
        _styles(self.doc)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.orientation = WD_ORIENT.PORTRAIT
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.5))
        self.results = results_for_year(ws, year)
        self.stats = compute_statistics(ws, year, self.results)

    # -- building blocks -------------------------------------------------------------
    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(text, level=level)

    def para(self, text: str, *, indent: bool = True, bold: bool = False,
             center: bool = False) -> None:
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(24)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def image(self, png: bytes, width_cm: float = 11) -> None:
        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(self, header: list[str], rows: list[list[Any]],
              headings: dict[int, str] | None = None) -> None:
        """`headings` puts a merged row with that text before data row index i."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for i, row in enumerate(rows):
            if headings and i in headings:
                cells = table.add_row().cells
                merged = cells[0].merge(cells[-1])
                merged.text = headings[i]
                merged.paragraphs[0].runs[0].bold = True
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = "" if value is None else str(value)
        self.doc.add_paragraph()

    # -- sections ----------------------------------------------------------------------
    def write(self, progress: Progress) -> DocumentType:
        title = f"{self.year} 年度产业技术创新战略联盟活跃度评价报告"
        self.doc.add_heading(title, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(DRAFT_NOTE, indent=False, center=True)
        steps = (self.results_section, self.analysis_section, self.activity_section,
                 self.a_level_section, self.stalled_section, self.annexes)
        for i, step in enumerate(steps):
            check(progress)
            progress.report(i, len(steps), step.__name__)
            step()
        return self.doc

    def results_section(self) -> None:
        high, fairly, average = (int(self.ws.setting(k)) for k in (
            "bands.high", "bands.fairly_high", "bands.average"))
        self.heading("二、活跃度评价工作的组织")
        self.heading("5.评价结果", 2)
        self.para(f"根据信息数据库显示，录入信息达到评价要求的联盟共 {self.stats.participants} 家。")
        self.para(f"本次评价将各试点联盟活跃度划分为四个等级：活跃度高（{high}分至 100 分）、"
                  f"活跃度较高（{fairly}分至 {high - 1} 分）、活跃度一般（{average}分至 "
                  f"{fairly - 1} 分）、不活跃（{average - 1}分以下）。对连续"
                  f"{_count_word(int(self.ws.setting('history.a_level_years')))}年保持高活跃度的"
                  f"联盟将给予 A 级荣誉。")
        self.para("此次活跃度评价结果（详见附件 2）。")

    def analysis_section(self) -> None:
        s = self.stats
        self.heading("三、试点联盟活跃度情况分析")
        self.heading("1.总体情况", 2)
        top = s.high_and_fairly_high
        parts = []
        for band, label in (("high", "活跃度高联盟共"), ("fairly_high", "活跃度较高的联盟共"),
                            ("average", "活跃度一般的联盟共"), ("inactive", "不活跃的联盟共")):
            f = s.bands[band]
            parts.append(f"{label} {f.count} 家，占参评联盟的 {p(f.pct_of_participants)}、"
                         f"占联盟总数的 {p(f.pct_of_total)}")
        self.para(f"评价结果显示，活跃度高和较高的联盟有 {top.count} 家，达到参评联盟的 "
                  f"{p(top.pct_of_participants)}，占联盟总数的 {p(top.pct_of_total)}。"
                  f"整体看，{'；'.join(parts)}。")
        self.image(charts.band_pie({b: s.bands[b].count for b in BANDS},
                                   "参评联盟活跃度分布"))
        number = 2
        for b in s.batches:
            if b.batch_id == "d" and not b.participants:
                continue
            name = "网员联盟" if b.batch_id == "d" else f"{b.name}试点联盟"
            self.heading(f"{number}.{name}总体情况", 2)
            counts = "、".join(f"{BAND_NAMES[k]} {b.bands[k].count} 家" for k in BANDS)
            self.para(f"{name}共 {b.size} 家，参评 {b.participants} 家，占该批联盟的 "
                      f"{p(b.pct_participating)}；其中{counts}。")
            self.image(charts.band_pie({k: b.bands[k].count for k in BANDS},
                                       f"{name}情况分布的比例"), width_cm=9)
            number += 1
        for band in BANDS:
            self.heading(f"{number}.{_band_title(band)}的联盟情况分析", 2)
            self.para(self._band_paragraph(band))
            number += 1
        tops = "、".join(f"{BATCH_ORDINALS[b.batch_id]}试点共 {b.high_and_fairly_high} 个"
                         for b in s.batches if b.batch_id != "d")
        rest = "、".join(f"{BATCH_ORDINALS[b.batch_id]}试点共 {b.average_and_inactive} 个"
                         for b in s.batches if b.batch_id != "d")
        self.para(f"活跃度高的联盟与活跃度较高的联盟中，{tops}；活跃度一般联盟、不活跃联盟中，"
                  f"{rest}。")
        self.image(charts.grouped_bars(
            [b.name for b in s.batches],
            {k: [b.bands[k].count for b in s.batches] for k in BANDS},
            "各批次活跃度分布", ylabel="联盟数"), width_cm=13)

    def _band_paragraph(self, band: str) -> str:
        s = self.stats
        f = s.bands[band]
        label = _band_title(band)
        text = f"{label}有 {f.count} 家联盟，占参评联盟的 {p(f.pct_of_participants)}。"
        if band == "high" and s.perfect_scores:
            by_batch = []
            for b in s.batches:
                names = [r.name for r in s.perfect_scores if r.batch_id == b.batch_id]
                if names:
                    by_batch.append(f"{b.name}{'试点' if b.batch_id != 'd' else ''}联盟有 "
                                    f"{len(names)} 家（{'、'.join(names)}）")
            text += f"100 分联盟共有 {len(s.perfect_scores)} 家，其中{'，'.join(by_batch)}。"
        shares = []
        for b in s.batches:
            if b.batch_id == "d":
                continue
            share = b.bands[band]
            shares.append(f"{label}联盟中{b.name}试点 {share.count} 个，占{label}联盟 "
                          f"{p(share.pct_of_band)}，占{b.name} {b.size} 个试点联盟总数的 "
                          f"{p(share.pct_of_batch)}")
        return text + "；".join(shares) + "。"

    def activity_section(self) -> None:
        s = self.stats
        self.heading("四、从各项指标来看试点联盟活跃度情况")
        groups = {g.code: g for g in self.ws.rubric(self.year if self.year in self.ws.years()
                                                     else None).groups}
        for number, code in ((2, "2"), (3, "3")):
            acts = [a for a in s.activities if a.group == code]
            if not acts or code not in groups:
                continue
            self.heading(f"{number}.{groups[code].name}方面", 2)
            if not s.has_records:
                self.para("本年度没有联盟填报的记录（历史结果），以下统计数为 0。")
            for band in BANDS:
                n = s.bands[band].count
                if not n:
                    continue
                self.para(f"{n} 家{_band_title(band)}的联盟在{groups[code].name}中各分项工作"
                          f"开展的统计数", indent=False, bold=True, center=True)
                self.table([a.name for a in acts], [[f"{a.counts[band]} 家" for a in acts]])
            self.image(charts.grouped_bars(
                [a.name for a in acts], {b: [a.counts[b] for a in acts] for b in BANDS},
                f"各档联盟开展{groups[code].name}各分项工作的联盟数", horizontal=True,
                ylabel="联盟数"), width_cm=14)

    def a_level_section(self) -> None:
        rows = a_level(self.ws, self.year)
        n = int(self.ws.setting("history.a_level_years"))
        years = "、".join(f"{y} 年" for y in range(self.year - n + 1, self.year + 1))
        per_batch = "、".join(
            f"{b.name}试点联盟有 {sum(1 for r in rows if r.batch_id == b.batch_id)} 家"
            for b in self.stats.batches if b.batch_id != "d"
            or any(r.batch_id == "d" for r in rows))
        self.heading("五、关于增设 A 级联盟评价的情况")
        self.para(f"本次活跃度评价中，对 {years}{_count_word(n)}年活跃度评价结果进行综合分析，"
                  f"其中：有 {len(rows)} 家联盟连续{_count_word(n)}年保持高活跃度，特评为 A 级"
                  f"联盟，其中，{per_batch}（详见附件 3）。")

    def stalled_section(self) -> None:
        rows = stalled(self.ws, self.year)
        n = int(self.ws.setting("history.stalled_years"))
        self.heading("七、未参与活跃度评价的联盟情况")
        if rows:
            self.para(f"{'、'.join(a.name for a in rows)}等 {len(rows)} 家试点联盟自 "
                      f"{self.year - n + 1} 年以来连续{_count_word(n)}年未参加活跃度评价，"
                      f"表明这些联盟联络不畅、运行基本停滞。")
        not_entered = self.stats.total - self.stats.participants - len(rows)
        self.para(f"共 {max(not_entered, 0)} 家联盟没有按照 {self.year} 年度活跃度评价要求"
                  f"填报信息。")

    def annexes(self) -> None:
        self.doc.add_page_break()
        self.heading("附件 1：")
        self.para(f"{self.year} 年度联盟活跃度评价专家组", indent=False, bold=True, center=True)
        experts = list(self.ws.db.query(
            "SELECT * FROM experts WHERE year = ? ORDER BY sort, id", [self.year]))
        rows: list[list[Any]] = []
        headings: dict[int, str] = {}
        for role, label in ROLE_HEADINGS:
            mine = [e for e in experts if e["role"] == role]
            if mine:
                headings[len(rows)] = label
                rows += [[e["name"], e["organisation"], e["title"]] for e in mine]
        if rows:
            self.table(["姓名", "单位", "职务"], rows, headings)
        else:
            self.para("（本年度尚未录入专家组。）")
        self.doc.add_page_break()
        self.heading("附件 2：")
        self.para(f"{self.year} 年度产业技术创新战略联盟活跃度情况", indent=False, bold=True,
                  center=True)
        self._results_table(self.results)
        self.para("注：批次列为联盟代码，首位数字为试点批次，后两位为批复文件中的序号；d 开头为网员联盟。"
                  "不活跃联盟的评分不予公布。", indent=False)
        self.doc.add_page_break()
        self.heading("附件 3：")
        a_rows = a_level(self.ws, self.year)
        n = int(self.ws.setting("history.a_level_years"))
        self.para(f"{self.year - n + 1}-{self.year} 年度 A 级联盟", indent=False, bold=True,
                  center=True)
        self.table(["序号", "联盟名称", "批次"], [[r.seq, r.name, r.code] for r in a_rows])

    def _results_table(self, results: list[ResultRow]) -> None:
        rows: list[list[Any]] = []
        headings: dict[int, str] = {}
        for band in BANDS:
            mine = [r for r in results if r.band == band]
            if not mine:
                continue
            label = "不活跃的联盟" if band == "inactive" else f"{BAND_NAMES[band]}的联盟"
            headings[len(rows)] = f"{label}（共 {len(mine)} 家）"
            rows += [[r.rank, r.name, r.code, None if band == "inactive" else r.score]
                     for r in mine]
        self.table(["序号", "联盟名称", "批次", "评分"], rows, headings)


def _band_title(band: str) -> str:
    return {"high": "活跃度高", "fairly_high": "活跃度较高", "average": "活跃度一般",
            "inactive": "不活跃"}[band]


def _count_word(n: int) -> str:
    return SECTION_NUMBERS[n - 1] if 1 <= n <= 10 else str(n)


def write_report(ws: Workspace, out: Path | str, *, year: int | None = None,
                 progress: Progress | None = None) -> Path:
    progress = progress or NullProgress()
    year = year if year is not None else ws.current_year()
    out = Path(out)
    doc = ReportWriter(ws, year).write(progress)
    check(progress)
    with atomic_write(out, suffix=".docx") as tmp:
        doc.save(str(tmp))
    progress.report(1, 1, out.name)
    return out

