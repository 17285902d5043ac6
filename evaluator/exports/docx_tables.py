"""Tables for the Word report draft that print like the published report: column widths
from the content (序号 and 评分 narrow, the names wide; a code or a score never wraps),
a header row repeated on every page, rows that do not split across pages, single-spaced
cells."""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

CM_PER_PT = 2.54 / 72
CELL_PADDING_CM = 0.45  # Word's default left and right cell margins, and a little slack
NO_WRAP_EM = 8.0  # cells up to this wide (codes, scores, counts, short names) keep one line
WRAPPING_FLOOR_CM = 3.0


def text_em(value: Any) -> float:
    """Width in ems: East Asian wide characters 1, others 0.65 (wide enough for the
    serif fonts a reader may fall back to, DejaVu Serif among them)."""
    text = "" if value is None else str(value)
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.65 for ch in text)


def column_widths(header: list[str], rows: list[list[Any]], width_cm: float,
                  font_pt: float) -> list[float]:
    """Widths in cm that add up to `width_cm`: every column gets its longest data cell
    when that is short (never wrapped), long columns share what is left in proportion to
    their content, headers wrap if they must."""
    em_cm = font_pt * CM_PER_PT
    cols = range(len(header))
    data_em = [max((text_em(r[i]) for r in rows), default=0.0) for i in cols]
    natural = [max(data_em[i], text_em(header[i])) * em_cm + CELL_PADDING_CM for i in cols]
    minimum = [data_em[i] * em_cm + CELL_PADDING_CM if data_em[i] <= NO_WRAP_EM
               else min(WRAPPING_FLOOR_CM, natural[i]) for i in cols]
    minimum = [max(m, 1.0 * em_cm + CELL_PADDING_CM) for m in minimum]
    if sum(minimum) >= width_cm:
        scale = width_cm / sum(minimum)
        return [m * scale for m in minimum]
    spare = width_cm - sum(minimum)
    wants = [natural[i] - minimum[i] for i in cols]
    if sum(wants) >= spare:
        return [minimum[i] + spare * wants[i] / sum(wants) for i in cols]
    widths = natural[:]
    widest = max(cols, key=lambda i: data_em[i])
    widths[widest] += width_cm - sum(widths)
    return widths


def _row_property(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _fixed_layout(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _tight(cell: Any, font_pt: float, bold: bool = False, center: bool = False) -> None:
    for paragraph in cell.paragraphs:
        fmt = paragraph.paragraph_format
        fmt.line_spacing = 1.0
        fmt.space_before = Pt(1)
        fmt.space_after = Pt(1)
        fmt.first_line_indent = None
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.font.size = Pt(font_pt)
            if bold:
                run.bold = True


def add_table(doc: DocumentType, header: list[str], rows: list[list[Any]],
              headings: dict[int, str] | None = None, *, width_cm: float,
              font_pt: float) -> Table:
    """`headings` puts a merged, bold row with that text before data row index i."""
    texts = [["" if v is None else str(v) for v in row] for row in rows]
    widths = column_widths(header, texts, width_cm, font_pt)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    head = table.rows[0]
    _row_property(head, "w:tblHeader")
    _row_property(head, "w:cantSplit")
    for cell, text in zip(head.cells, header, strict=True):
        cell.text = text
        _tight(cell, font_pt, bold=True, center=True)
    short = [max((len(r[i]) for r in texts), default=0) <= NO_WRAP_EM
             for i in range(len(header))]
    for i, row in enumerate(texts):
        if headings and i in headings:
            added = table.add_row()
            _row_property(added, "w:cantSplit")
            merged = added.cells[0].merge(added.cells[-1])
            merged.text = headings[i]
            _tight(merged, font_pt, bold=True)
        added = table.add_row()
        _row_property(added, "w:cantSplit")
        for j, (cell, value) in enumerate(zip(added.cells, row, strict=True)):
            cell.text = value
            _tight(cell, font_pt, center=short[j])
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return table
