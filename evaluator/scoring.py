"""Scoring helpers shared by the scoring screen, the CLI and Excel-only experts.

`parse_score_text` reads what an expert types ('4', '.5', '４．５'); the score template is
the `评分` layout of a score file, blank, with data validation per column and the
scoring standards as notes on the header cells; `import_score_template` reads a filled
template back into the package, all problems at once, nothing written on error.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from evaluator import messages
from evaluator.atomic import atomic_write
from evaluator.errors import EvaluatorError, ImportRefused, Problem
from evaluator.excel_text import put_text, write_row
from evaluator.expert_package import Package
from evaluator.file_reading import short_reason
from evaluator.packages import format_value
from evaluator.rounds import round_label
from evaluator.scorefile import (
    CODE_COLUMN,
    COMMENT_COLUMN,
    COMMENTS_SHEET,
    FORMAT_VERSION,
    INDICATOR_COLUMN,
    K_EXPERT,
    K_FINGERPRINT,
    K_ROUND,
    K_VERSION,
    K_YEAR,
    META_HEADER,
    META_SHEET,
    NAME_COLUMN,
    SCORES_SHEET,
    TOTAL_COLUMN,
    parse_comments_sheet,
    parse_meta_sheet,
    parse_scores_sheet,
)
from evaluator.xlsx_reading import check_workbook_file, read_workbook

K_PURPOSE = "用途"
TEMPLATE_PURPOSE = "评分模板（未签名）"

messages.register({
    "scoring.bad_entry": {
        "zh": "“{text}”不是有效的评分：应为 0 到 {max} 之间、{step} 的整数倍",
        "en": "'{text}' is not a valid score: expected 0 to {max} in steps of {step}",
    },
})


def parse_score_text(text: str) -> float | None:
    """A typed score as a number; None for empty. Full-width digits and a Chinese
    full stop are accepted ('４．５', '4。5'); raises ValueError on anything else."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("。", ".").replace(",", ".")
    if not cleaned:
        return None
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    if cleaned.endswith("."):
        cleaned = cleaned[:-1]
    if not cleaned or not all(c.isdigit() or c == "." for c in cleaned) \
            or cleaned.count(".") > 1:
        raise ValueError(text)
    return float(cleaned)


# -- the template -------------------------------------------------------------------------

def write_score_template(package: Package, out: Path | str) -> Path:
    """The `评分` layout for experts who score in Excel or WPS, with any scores and comments
    the package already holds."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    out = Path(out)
    rubric = package.rubric
    alliances = package.alliances()
    wb = Workbook()
    ws = wb.active
    ws.title = SCORES_SHEET
    bold = Font(bold=True)
    # Indicator columns are headed "1.1 理事会会议": reading takes the code before the name.
    header = [CODE_COLUMN, NAME_COLUMN,
              *(f"{code} {rubric.indicator(code).name}" for code in rubric.codes), TOTAL_COLUMN]
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, name in enumerate(header, start=1):
        cell = ws.cell(row=1, column=col)
        put_text(cell, name)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last_row = len(alliances) + 1
    step = format_value(rubric.step)
    for c, code in enumerate(rubric.codes, start=3):
        ind = rubric.indicator(code)
        top = format_value(ind.max_points)
        note = Comment(f"{code} {ind.name}（满分 {top}，步长 {step}）\n{ind.standard}",
                       "evaluator")
        note.width = 360
        note.height = 200
        ws.cell(row=1, column=c).comment = note
        letter = get_column_letter(c)
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2=top,
            allow_blank=True, showInputMessage=True, showErrorMessage=True,
            promptTitle=f"{code} {ind.name}"[:32],
            prompt=f"0 至 {top} 分，步长 {step}（如 {_example(rubric.step, ind.max_points)}）"[:255],
            errorTitle="评分无效"[:32], error=f"{code}：应为 0 至 {top} 之间、{step} 的整数倍",
        )
        dv.add(f"{letter}2:{letter}{max(last_row, 2)}")
        ws.add_data_validation(dv)
        ws.column_dimensions[letter].width = 12
    total_col = get_column_letter(len(header))
    first_ind, last_ind = get_column_letter(3), get_column_letter(len(header) - 1)
    # Scores already in the package are filled in, so an expert can move between the app
    # and the spreadsheet without retyping.
    saved = package.scores()
    for r, a in enumerate(alliances, start=2):
        put_text(ws.cell(row=r, column=1), a.code)
        put_text(ws.cell(row=r, column=2), a.name)
        for c, code in enumerate(rubric.codes, start=3):
            score = saved.get((a.id, code))
            if score is not None:
                ws.cell(row=r, column=c).value = score.value
        ws[f"{total_col}{r}"] = f"=SUM({first_ind}{r}:{last_ind}{r})"
    ws.freeze_panes = "C2"
    ws.row_dimensions[1].height = 48
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 36

    cs = wb.create_sheet(COMMENTS_SHEET)
    for col, name in enumerate((CODE_COLUMN, INDICATOR_COLUMN, COMMENT_COLUMN), start=1):
        put_text(cs.cell(row=1, column=col), name)
        cs.cell(row=1, column=col).font = bold
    cs.column_dimensions["C"].width = 80
    codes = {a.id: a.code for a in alliances}
    comment_row = 1
    for (alliance_id, indicator), score in sorted(saved.items()):
        if score.comment and alliance_id in codes:
            comment_row += 1
            write_row(cs, comment_row, [codes[alliance_id], indicator, score.comment])

    ms = wb.create_sheet(META_SHEET)
    meta = {K_VERSION: FORMAT_VERSION, K_PURPOSE: TEMPLATE_PURPOSE,
            K_EXPERT: package.expert, K_ROUND: round_label(package.round, "zh"),
            K_YEAR: str(package.year), K_FINGERPRINT: package.fingerprint}
    for col, name in enumerate(META_HEADER, start=1):
        put_text(ms.cell(row=1, column=col), name)
        ms.cell(row=1, column=col).font = bold
    for r, (key, value) in enumerate(meta.items(), start=2):
        put_text(ms.cell(row=r, column=1), key)
        put_text(ms.cell(row=r, column=2), value)
    ms.column_dimensions["A"].width = 14
    ms.column_dimensions["B"].width = 70
    with atomic_write(out, suffix=".xlsx") as tmp:
        wb.save(tmp)
    return out


def _example(step: float, top: float) -> str:
    return "、".join(format_value(v) for v in (top - step, top / 2, 0) if v >= 0)


# -- importing a filled template ---------------------------------------------------------

@dataclass(frozen=True)
class TemplateImport:
    scores: int
    comments: int
    alliances: int
    unchanged: int = 0  # scores (with their comments) already in the package as given


def _formula_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """(row, 0-based column) -> formula, for every formula cell of a sheet (openpyxl sees
    formulas; calamine only their cached values)."""
    from openpyxl import load_workbook

    found: dict[tuple[int, int], str] = {}
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        if sheet_name not in wb.sheetnames:
            return found
        for row in wb[sheet_name].iter_rows():
            for cell in row:
                if getattr(cell, "data_type", None) == "f":
                    value: Any = cell.value
                    text = getattr(value, "text", value)
                    found[(int(cell.row), int(cell.column) - 1)] = str(text)
    finally:
        wb.close()
    return found


def import_score_template(package: Package, path: Path | str) -> TemplateImport:
    """Read a filled template into the package; refused with every problem, nothing
    written, if any value is wrong."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportRefused(Problem("file.missing", {"path": str(path)}, file=name))
    problems = check_workbook_file(path)
    if problems:
        raise ImportRefused(problems)
    sheets = read_workbook(path)
    if SCORES_SHEET not in sheets:
        raise ImportRefused(Problem("reading.missing_sheet", {
            "name": SCORES_SHEET, "found": "、".join(sheets) or "-"}, file=name))
    try:
        formulas = _formula_cells(path, SCORES_SHEET)
    except Exception as exc:  # openpyxl raises many kinds on damaged XML
        raise ImportRefused(Problem("reading.unreadable", {"reason": messages.Text(
            "reading.reason.damaged_xml", {"detail": short_reason(exc)})},
                                    file=name)) from None
    problems = []
    if META_SHEET in sheets:
        meta = parse_meta_sheet(sheets[META_SHEET], name, problems)
        expected = {K_EXPERT: package.expert, K_ROUND: round_label(package.round, "zh"),
                    K_YEAR: str(package.year), K_FINGERPRINT: package.fingerprint}
        for key, value in expected.items():
            if meta.get(key) and meta[key] != value:
                problems.append(Problem("scorefile.template_mismatch", {
                    "key": key, "found": meta[key], "expected": value}, file=name,
                    sheet=META_SHEET))
    # A SUM in 合计 is the template's own; formulas elsewhere in score columns are refused.
    names = {"".join(i.name.split()): i.code for i in package.rubric.indicators}
    parsed = parse_scores_sheet(sheets[SCORES_SHEET], name, problems, formula_cells=formulas,
                                check_totals=False, indicator_names=names)
    rubric = package.rubric
    assigned = {a.code: a.id for a in package.alliances()}
    for code, row in parsed.rows_of.items():
        if code not in assigned:
            problems.append(Problem("scorefile.not_assigned", {"cell": f"A{row}", "code": code},
                                    file=name, sheet=SCORES_SHEET, row=row,
                                    column=CODE_COLUMN))
    entries: dict[tuple[int, str], list[Any]] = {}
    for code, indicator, number in parsed.scores:
        row = parsed.rows_of[code]
        cell = f"{parsed.columns[indicator]}{row}"
        if indicator not in rubric.codes:
            problems.append(Problem("scorefile.unknown_indicator", {
                "cell": cell, "code": indicator}, file=name, sheet=SCORES_SHEET,
                row=row, column=indicator))
            continue
        if not rubric.is_valid_value(indicator, number):
            problems.append(Problem("scorefile.bad_value", {
                "cell": cell, "value": format_value(number), "code": indicator,
                "max": format_value(rubric.indicator(indicator).max_points),
                "step": format_value(rubric.step)}, file=name, sheet=SCORES_SHEET,
                row=row, column=indicator))
            continue
        if code in assigned:
            entries[(assigned[code], indicator)] = [number, None]
    comments = 0
    if COMMENTS_SHEET in sheets:
        existing = package.scores()
        for code, indicator, text, row in parse_comments_sheet(sheets[COMMENTS_SHEET], name,
                                                               problems):
            if code not in assigned:
                problems.append(Problem("scorefile.not_assigned", {
                    "cell": f"A{row}", "code": code}, file=name, sheet=COMMENTS_SHEET,
                    row=row, column=CODE_COLUMN))
                continue
            cell_key = (assigned[code], indicator)
            if cell_key in entries:
                entries[cell_key][1] = text
            elif cell_key in existing:
                entries[cell_key] = [existing[cell_key].value, text]
            else:
                problems.append(Problem("scorefile.comment_without_score", {
                    "cell": f"C{row}", "code": code, "indicator": indicator}, file=name,
                    sheet=COMMENTS_SHEET, row=row, column=COMMENT_COLUMN))
                continue
            comments += 1
    if problems and any(p.severity == "error" for p in problems):
        raise ImportRefused(problems)
    if not entries:
        raise ImportRefused(Problem("scorefile.empty", {}, file=name, sheet=SCORES_SHEET))
    stored = package.scores()
    unchanged = sum(1 for key, (value, comment) in entries.items()
                    if key in stored and stored[key].value == float(value)
                    and (comment is None or stored[key].comment == comment))
    try:
        package.set_scores([(aid, ind, v, c) for (aid, ind), (v, c) in entries.items()],
                           source="template")
    except EvaluatorError as exc:
        raise ImportRefused(exc.problems) from None
    return TemplateImport(scores=len(entries), comments=comments,
                          alliances=len({aid for aid, _ in entries}), unchanged=unchanged)
