"""Text that Excel or WPS would run, written so that it stays text.

Alliance names, activity titles, comments and links come from outside. A text starting
with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage return is a
formula to Excel when typed or loaded from CSV, and `=cmd|' /C calc'!A0` (DDE) or
`=HYPERLINK(...)` then runs or phones home (OWASP "CSV injection"). Every writer of a
spreadsheet cell or a CSV field goes through this module: in a workbook such text is a
string cell with Excel's quote prefix (shown as typed, its content unchanged, and editing it
does not turn it into a formula); in a CSV file, where no cell type exists, it gets a
leading apostrophe, as OWASP recommends.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def put_text(cell: Any, text: str) -> Any:
    """Write `text` into an openpyxl cell as a string, never as a formula."""
    cell.value = text
    if is_formula_like(text):
        cell.data_type = "s"  # openpyxl makes "=..." a formula on assignment
        cell.quotePrefix = True
    return cell


def put_value(cell: Any, value: Any) -> Any:
    """Write any value into an openpyxl cell; text goes through `put_text`."""
    if isinstance(value, str):
        return put_text(cell, value)
    cell.value = value
    return cell


def write_row(sheet: Any, row: int, values: list[Any]) -> None:
    """Write `values` into `row` of an openpyxl sheet, every text through `put_text` (in
    place of `sheet.append`, which makes "=..." a formula)."""
    for column, value in enumerate(values, start=1):
        if value is not None:
            put_value(sheet.cell(row=row, column=column), value)


def csv_field(value: Any) -> Any:
    """A value for a CSV file that Excel will open: formula-like text gets a leading
    apostrophe (a CSV field has no type to say "text")."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value
