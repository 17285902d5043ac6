"""The alliances' submissions written out: the export of a year's submissions (the
same sheets the import reads), and the blank template with its notes sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from evaluator.atomic import atomic_write
from evaluator.excel_text import write_row
from evaluator.progress import Progress, check
from evaluator.registry import list_alliances
from evaluator.rubric import Rubric, load_default_rubric
from evaluator.submissions import (
    BASIC_COLUMNS,
    COL_CODE,
    COL_CONTACT,
    COL_DATE,
    COL_DESCRIPTION,
    COL_FILED_ON,
    COL_INDICATOR,
    COL_LINK,
    COL_NAME,
    COL_PHONE,
    COL_QUANTITY,
    COL_TITLE,
    COL_YEAR,
    EXAMPLE_MARKER,
    NO_PROGRESS,
    RECORD_COLUMNS,
    SHEET_BASIC,
    SHEET_NOTES,
    SHEET_RECORDS,
)
from evaluator.submissions_store import submission_details
from evaluator.workspace import Workspace


def _date_cell(value: str | None) -> Any:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def _write_sheet(wb: Any, title: str, columns: list[str], rows: list[list[Any]],
                 text_columns: tuple[str, ...] = ()) -> Any:
    from openpyxl.styles import Font

    sheet = wb.create_sheet(title)
    write_row(sheet, 1, columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        write_row(sheet, number, row)  # alliance-supplied text never becomes a formula
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 14 if column not in (
            COL_NAME, COL_TITLE, COL_DESCRIPTION, COL_LINK) else 36
        if column in (COL_FILED_ON, COL_DATE):
            for cell in sheet[letter][1:]:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
        if column in text_columns:
            for cell in sheet[letter][1:]:
                cell.number_format = "@"
    sheet.freeze_panes = "A2"
    return sheet


def _extra_columns(items: list[dict[str, Any]], known: tuple[str, ...]) -> list[str]:
    seen: list[str] = []
    for extra in items:
        for key in extra:
            if key not in seen and key not in known:
                seen.append(key)
    return seen


def export_submissions(ws: Workspace, out: Path | str, year: int | None = None,
                       progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Write the year's submissions in the import format (re-importing gives the same data)."""
    from openpyxl import Workbook

    year = ws.require_year(year)
    details = submission_details(ws, year)
    check(progress)
    basic_extra = _extra_columns([d.extra for d in details], BASIC_COLUMNS)
    record_extra = _extra_columns([r.extra for d in details for r in d.records],
                                  RECORD_COLUMNS)
    basic_rows = [[d.alliance.code, d.name_as_filed or d.alliance.name, year, d.contact,
                   d.phone, _date_cell(d.filed_on), *(d.extra.get(k) for k in basic_extra)]
                  for d in details]
    record_rows = [[d.alliance.code, r.indicator_code, r.title, _date_cell(r.record_date),
                    r.description, r.quantity, r.link, *(r.extra.get(k) for k in record_extra)]
                   for d in details for r in d.records]
    wb = Workbook()
    wb.remove(wb.active)
    _write_sheet(wb, SHEET_BASIC, [*BASIC_COLUMNS, *basic_extra], basic_rows,
                 (COL_CODE, COL_PHONE))
    _write_sheet(wb, SHEET_RECORDS, [*RECORD_COLUMNS, *record_extra], record_rows,
                 (COL_CODE, COL_INDICATOR))
    with atomic_write(out, suffix=".xlsx") as tmp:
        wb.save(tmp)
    progress.report(1, 1, "")
    return {"alliances": len(details), "records": len(record_rows)}


TEMPLATE_NOTES: tuple[tuple[str, str, str], ...] = (
    (SHEET_BASIC, COL_CODE, "必填。名录中的三位代码（首位为批次），网员联盟以 d 开头，如 d106。"),
    (SHEET_BASIC, COL_NAME, "必填。联盟全称，应与名录一致；曾用名可以识别，但会给出提示。"),
    (SHEET_BASIC, COL_YEAR, "必填。评价年度，如 2018；必须与导入的年度相同。"),
    (SHEET_BASIC, COL_CONTACT, "联系人姓名。为空则基本信息不完整，不满足评价要求。"),
    (SHEET_BASIC, COL_PHONE, "联系电话。请按文本填写，避免丢失开头的 0。"),
    (SHEET_BASIC, COL_FILED_ON, "填报日期：日期格式，或写成 2018-05-01、2018/5/1、2018年5月1日。"),
    (SHEET_RECORDS, COL_CODE, "必填。与基本信息中的联盟代码一致。"),
    (SHEET_RECORDS, COL_INDICATOR, "必填。二级指标代码，如 1.1、2.3、3.5（见下方指标表）。"),
    (SHEET_RECORDS, COL_TITLE, "必填。活动或成果的名称，如“第三届理事会第二次会议”。"),
    (SHEET_RECORDS, COL_DATE, "活动日期，格式同填报日期；可以留空。"),
    (SHEET_RECORDS, COL_DESCRIPTION, "简要说明。"),
    (SHEET_RECORDS, COL_QUANTITY, "数量（次数、项数、人数等），0 或正数；可以留空。"),
    (SHEET_RECORDS, COL_LINK, "佐证材料的网址或文件名。"),
)


def write_submissions_template(out: Path | str, ws: Workspace | None = None,
                               year: int | None = None) -> None:
    """An empty submissions workbook with an example row and a notes sheet (说明).

    Given a workspace, 基本信息 is pre-filled with every registry alliance's code and name.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rubric: Rubric = ws.rubric(year) if ws is not None else load_default_rubric()
    if ws is not None:
        year = ws.require_year(year)
    year = year or date.today().year
    first = rubric.indicators[0]
    basic_rows: list[list[Any]] = [[f"{EXAMPLE_MARKER}101", "示例产业技术创新战略联盟", year,
                                    "张三", "010-12345678", date(year, 12, 31)]]
    if ws is not None:
        basic_rows += [[a.code, a.name, year, None, None, None] for a in list_alliances(ws)]
    record_rows: list[list[Any]] = [[f"{EXAMPLE_MARKER}101", first.code,
                                     f"示例：{first.name}", date(year, 3, 15),
                                     "（示例行，导入时忽略，可删除）", 1, "https://example.org/"]]
    wb = Workbook()
    wb.remove(wb.active)
    _write_sheet(wb, SHEET_BASIC, list(BASIC_COLUMNS), basic_rows, (COL_CODE, COL_PHONE))
    _write_sheet(wb, SHEET_RECORDS, list(RECORD_COLUMNS), record_rows,
                 (COL_CODE, COL_INDICATOR))
    notes = wb.create_sheet(SHEET_NOTES)
    note_rows: list[list[Any]] = [
        ["工作表", "列", "填写说明"],
        [None, None, f"联盟代码以“{EXAMPLE_MARKER}”开头的行是示例，导入时忽略。"
         "可以增加其他列，导入时原样保留。也可以把两张表分别另存为"
         "“…基本信息.csv”和“…活动记录.csv”（UTF-8、GBK 或 Unicode 文本）。"],
        *([sheet_name, column, note] for sheet_name, column, note in TEMPLATE_NOTES),
        [],
        ["指标代码", "一级指标", "二级指标"],
        *([ind.code, group.name, ind.name] for group in rubric.groups
          for ind in group.indicators)]
    for number, values in enumerate(note_rows, start=1):
        write_row(notes, number, values)
    for cell in notes[1]:
        cell.font = Font(bold=True)
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 24
    notes.column_dimensions["C"].width = 80
    for row in notes.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_write(out, suffix=".xlsx") as tmp:
        wb.save(tmp)
