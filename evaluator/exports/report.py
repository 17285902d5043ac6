"""The report draft (.docx): the parts of the published report whose numbers the
workspace knows, written with the report's own sentences, for the secretariat to edit.

Sections and their numbers follow the 2018 report: 一 前言, 二 (the indicators, the panel,
the scope, 5 评价结果), 三 (overall, each batch, each band), 四's activity tables, 五
(A-level), 六 总结, 七 (stalled and not entered), 八 建议, annexes 1-3, with charts.
A sentence is written only when the workspace holds what it needs; otherwise the draft
says what is missing and where to add it (a three-year rule needs all three years'
results; "did not submit" needs this year's submissions). Tables take their column widths
from their content and repeat their header row on every page.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from evaluator.atomic import atomic_write
from evaluator.eligibility import eligible_alliance_ids
from evaluator.exports import charts
from evaluator.exports.docx_tables import add_table
from evaluator.exports.workbook import ROLE_HEADINGS
from evaluator.history import a_level, missing_text, missing_years, stalled
from evaluator.programme import programme_sizes
from evaluator.progress import NullProgress, Progress, check
from evaluator.registry import list_alliances
from evaluator.results import BAND_NAMES, BANDS, ResultRow, results_for_year
from evaluator.statistics import (
    compute_statistics,
    format_percent,
    not_submitted,
    submitted_alliance_ids,
)
from evaluator.workspace import Workspace

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BATCH_ORDINALS = {"1": "第一批", "2": "第二批", "3": "第三批", "d": "网员"}
SECTION_NUMBERS = "一二三四五六七八九十"
DRAFT_NOTE = "（草稿：本文件中的数字由评审工作区自动生成，其余文字请秘书处补充修改。）"
TO_WRITE = "（本节由秘书处撰写。）"
PAGE_WIDTH_CM = 21.0
MARGIN_CM = 2.5


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
        section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(29.7)
        section.orientation = WD_ORIENT.PORTRAIT
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(MARGIN_CM))
        self.results = results_for_year(ws, year)
        self.stats = compute_statistics(ws, year, self.results)
        self.a_missing = missing_years(ws, year, "history.a_level_years", self.results)
        self.stalled_missing = missing_years(ws, year, "history.stalled_years", self.results)
        self.a_rows = a_level(ws, year, self.results) if not self.a_missing else []
        self.stalled_rows = stalled(ws, year, self.results) if not self.stalled_missing else []

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

    def missing(self, text: str) -> None:
        """A sentence the workspace cannot support yet: what is missing, how to add it."""
        self.para(f"【待补充】{text}", bold=True)

    def image(self, png: bytes, width_cm: float = 11) -> None:
        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(self, header: list[str], rows: list[list[Any]],
              headings: dict[int, str] | None = None) -> None:
        """`headings` puts a merged row with that text before data row index i."""
        add_table(self.doc, header, rows, headings,
                  width_cm=PAGE_WIDTH_CM - 2 * MARGIN_CM, font_pt=10.5)
        self.doc.add_paragraph()

    # -- sections ----------------------------------------------------------------------
    def write(self, progress: Progress) -> DocumentType:
        title = f"{self.year} 年度产业技术创新战略联盟活跃度评价报告"
        self.doc.add_heading(title, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(DRAFT_NOTE, indent=False, center=True)
        steps = (self.preface_section, self.organisation_section, self.analysis_section,
                 self.activity_section, self.a_level_section, self.summary_section,
                 self.stalled_section, self.proposals_section, self.annexes)
        for i, step in enumerate(steps):
            check(progress)
            progress.report(i, len(steps), step.__name__)
            step()
        return self.doc

    def preface_section(self) -> None:
        self.heading("一、前言")
        self.para(TO_WRITE)

    def organisation_section(self) -> None:
        self.heading("二、活跃度评价工作的组织")
        self.heading("1.活跃度评价的原则", 2)
        self.para(TO_WRITE)
        self.heading("2.完善评价指标", 2)
        rubric = self.ws.rubric(self.year) if self.year in self.ws.years() else None
        if rubric is None:
            self.missing(f"本工作区没有 {self.year} 年度的评价指标（该年度只有导入的历年结果）。")
        else:
            groups = "、".join(f"{g.name}（{len(g.indicators)} 项）" for g in rubric.groups)
            self.para(f"评价指标体系包括 {len(rubric.groups)} 个一级指标、"
                      f"{len(rubric.indicators)} 个二级指标：{groups}，每项二级指标均有明确的评分标准，"
                      f"满分 {rubric.max_total:g} 分。")
        self.heading("3.组建活跃度评价专家组", 2)
        experts = self.ws.count("experts", "year = ?", (self.year,))
        if experts:
            self.para(f"活跃度评价专家组共 {experts} 位（详见附件 1）。")
        else:
            self.missing(f"尚未录入 {self.year} 年度专家组：请在「专家组」导入专家名单。")
        self.heading("4.本次评价范围和程序", 2)
        scope = (f"评价内容时限为 {self.year} 年 1 月 1 日至 {self.year} 年 12 月 31 日。")
        eligible = self._eligible_count()
        if eligible is not None:
            also = ""
            if self.results and eligible != self.stats.participants:
                also = f"（评价结果中有 {self.stats.participants} 家联盟）"
            self.para(f"{scope}根据信息数据库显示，录入信息达到评价要求的联盟共 "
                      f"{eligible} 家{also}。")
        elif self.results:
            self.para(f"{scope}本次参评联盟共 {self.stats.participants} 家。")
            self.missing(f"本工作区没有 {self.year} 年度的联盟填报信息，无法核对录入信息达到"
                         f"评价要求的联盟数：请在「参评材料」导入联盟填报信息。")
        else:
            self.para(scope)
        if not self.results:
            self.missing(self._no_results_text())
        self.para("评价工作设计了分组初评、集中交叉分组复评、重要差异集体讨论复核会评三个程序。")
        self.results_section()

    def _eligible_count(self) -> int | None:
        """Alliances whose submission meets the requirements; None without submissions."""
        if self.year not in self.ws.years() or not submitted_alliance_ids(self.ws, self.year):
            return None
        return len(eligible_alliance_ids(self.ws, self.year))

    def _no_results_text(self) -> str:
        return (f"{self.year} 年度尚无评价结果：请在「汇总评分」合并专家评分文件，"
                f"或在「评价结果 → 历年结果」导入该年度结果。")

    def results_section(self) -> None:
        high, fairly, average = (int(self.ws.setting(k)) for k in (
            "bands.high", "bands.fairly_high", "bands.average"))
        self.heading("5.评价结果", 2)
        self.para(f"本次评价将各试点联盟活跃度划分为四个等级：活跃度高（{high}分至 100 分）、"
                  f"活跃度较高（{fairly}分至 {high - 1} 分）、活跃度一般（{average}分至 "
                  f"{fairly - 1} 分）、不活跃（{average - 1}分以下）。对连续"
                  f"{_count_word(int(self.ws.setting('history.a_level_years')))}年保持高活跃度的"
                  f"联盟将给予 A 级荣誉。")
        if self.results:
            self.para("此次活跃度评价结果（详见附件 2）。")
        else:
            self.missing(self._no_results_text())

    def analysis_section(self) -> None:
        s = self.stats
        self.heading("三、试点联盟活跃度情况分析")
        self.heading("1.总体情况", 2)
        if not self.results:
            self.missing(self._no_results_text())
            return
        self._programme_note()
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

    def _programme_note(self) -> None:
        """Where "联盟总数" and the batch sizes come from, unless set for this year."""
        sizes = programme_sizes(self.ws, self.year)
        if all(b.source == "settings" or (b.source == "report_2018" and self.year == 2018)
               for b in sizes):
            return
        listed = "、".join(f"{b.name} {b.size} 家" for b in sizes)
        sources = "、".join(dict.fromkeys(b.source_text("zh") for b in sizes))
        self.para(f"（联盟总数按 {self.stats.total} 家计算（{listed}），数字来源：{sources}。"
                  f"如 {self.year} 年度不同，请在「设置 → 试点联盟数」修改后重新生成本草稿。）",
                  indent=False)

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
        rubric = self.ws.rubric(self.year if self.year in self.ws.years() else None)
        groups = {g.code: g for g in rubric.groups}
        if "1" in groups:
            self.heading(f"1.{groups['1'].name}方面", 2)
            self.para(TO_WRITE)
        for number, code in ((2, "2"), (3, "3")):
            acts = [a for a in s.activities if a.group == code]
            if not acts or code not in groups:
                continue
            self.heading(f"{number}.{groups[code].name}方面", 2)
            if not self.results:
                self.missing(self._no_results_text())
                continue
            if not s.has_records:
                self.missing(f"本工作区没有 {self.year} 年度联盟填报的活动记录，无法统计各分项"
                             f"工作的开展情况：请在「参评材料」导入联盟填报信息。")
                continue
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
        rows = self.a_rows
        n = int(self.ws.setting("history.a_level_years"))
        self.heading("五、关于增设 A 级联盟评价的情况")
        if self.a_missing:
            self.missing(missing_text(self.ws, self.year, self.a_missing,
                                      f"连续{_count_word(n)}年保持高活跃度的 A 级联盟", "zh") + "。")
            return
        years = "、".join(f"{y} 年" for y in range(self.year - n + 1, self.year + 1))
        if not rows:
            self.para(f"本次活跃度评价中，对 {years}{_count_word(n)}年活跃度评价结果进行综合分析，"
                      f"没有联盟连续{_count_word(n)}年保持高活跃度。")
            return
        batches = {b.batch_id: b.name for b in programme_sizes(self.ws, self.year)}
        per_batch = "、".join(
            f"{batches[bid]}{'试点' if bid != 'd' else ''}联盟有 "
            f"{sum(1 for r in rows if r.batch_id == bid)} 家"
            for bid in batches if any(r.batch_id == bid for r in rows))
        self.para(f"本次活跃度评价中，对 {years}{_count_word(n)}年活跃度评价结果进行综合分析，"
                  f"其中：有 {len(rows)} 家联盟连续{_count_word(n)}年保持高活跃度，特评为 A 级"
                  f"联盟，其中，{per_batch}（详见附件 3）。")

    def summary_section(self) -> None:
        self.heading("六、总结")
        self.para(TO_WRITE)

    def stalled_section(self) -> None:
        n = int(self.ws.setting("history.stalled_years"))
        self.heading("七、未参与活跃度评价的联盟情况")
        rows = self.stalled_rows
        if self.stalled_missing:
            self.missing(missing_text(self.ws, self.year, self.stalled_missing,
                                      f"连续{_count_word(n)}年未参加活跃度评价的联盟", "zh")
                         + "。")
        elif rows:
            self.para(f"{'、'.join(a.name for a in rows)}等 {len(rows)} 家试点联盟自 "
                      f"{self.year - n + 1} 年以来连续{_count_word(n)}年未参加活跃度评价，"
                      f"表明这些联盟联络不畅、运行基本停滞。")
        else:
            self.para(f"联盟名录中没有自 {self.year - n + 1} 年以来连续{_count_word(n)}年"
                      f"未参加活跃度评价的联盟。")
        self._not_submitted_paragraph({a.id for a in rows})

    def _not_submitted_paragraph(self, stalled_ids: set[int]) -> None:
        absent = not_submitted(self.ws, self.year)
        if absent is None:
            self.missing(f"本工作区没有 {self.year} 年度的联盟填报信息，无法统计未填报的联盟："
                         f"请在「参评材料」导入联盟填报信息。")
            return
        others = [a for a in absent if a.id not in stalled_ids]
        besides = "除上述联盟外，" if stalled_ids else ""
        if others:
            self.para(f"{besides}联盟名录中共 {len(others)} 家联盟没有按照 {self.year} 年度"
                      f"活跃度评价要求填报信息。")
        else:
            self.para(f"{besides}联盟名录中的联盟均已填报 {self.year} 年度信息。")
        registry = len(list_alliances(self.ws))
        if self.stats.total > registry:
            self.para(f"（联盟名录现有 {registry} 家联盟，少于试点联盟总数 {self.stats.total} 家："
                      f"名录以外的 {self.stats.total - registry} 家联盟无法判断是否填报，未计入上述"
                      f"数字。请在「参评材料」导入完整的联盟名录，或在「设置 → 试点联盟数」核对"
                      f"本年度的联盟总数。）", indent=False)

    def proposals_section(self) -> None:
        self.heading("八、有关建议")
        self.para(TO_WRITE)

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
            self.missing(f"尚未录入 {self.year} 年度专家组：请在「专家组」导入专家名单。")
        self.doc.add_page_break()
        self.heading("附件 2：")
        self.para(f"{self.year} 年度产业技术创新战略联盟活跃度情况", indent=False, bold=True,
                  center=True)
        if self.results:
            self._results_table(self.results)
            self.para("注：批次列为联盟代码，首位数字为试点批次，后两位为批复文件中的序号；"
                      "d 开头为网员联盟。不活跃联盟的评分不予公布。", indent=False)
        else:
            self.missing(self._no_results_text())
        self.doc.add_page_break()
        self.heading("附件 3：")
        n = int(self.ws.setting("history.a_level_years"))
        self.para(f"{self.year - n + 1}-{self.year} 年度 A 级联盟", indent=False, bold=True,
                  center=True)
        if self.a_missing:
            self.missing(missing_text(self.ws, self.year, self.a_missing, "A 级联盟", "zh")
                         + "。")
        elif self.a_rows:
            self.table(["序号", "联盟名称", "批次"],
                       [[r.seq, r.name, r.code] for r in self.a_rows])
        else:
            self.para("无", indent=False, center=True)

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

