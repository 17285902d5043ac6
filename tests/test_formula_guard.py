"""No writer turns text from outside into a formula (OWASP CSV/formula injection), and
each export re-imports to the same content.

Every writer of a spreadsheet goes through `evaluator.excel_text`; this walks them all
with the OWASP payloads and reads the sheet XML back: no `<f>` element holds anything
but the template's own `SUM`.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from test_packages import build_panel
from test_submissions import BASIC, RECORDS, _registry, content

from evaluator.excel_text import csv_field, is_formula_like, put_text, write_row
from evaluator.expert_package import Package
from evaluator.package_builders import build_expert_package
from evaluator.scorefile import read_score_file
from evaluator.scorefile_export import export_score_file
from evaluator.scoring import import_score_template, write_score_template
from evaluator.submissions import BASIC_COLUMNS, RECORD_COLUMNS
from evaluator.submissions_export import export_submissions, write_submissions_template
from evaluator.submissions_store import import_submissions
from evaluator.workspace import Workspace

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/x","点击")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "=1+1",
]
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def formulas(path: Path) -> list[str]:
    """The formula elements of every worksheet, as XML text."""
    found: list[str] = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name)
                found += [xml[m.start(): m.start() + 80].decode("utf-8", "replace")
                          for m in _FORMULA.finditer(xml)]
    return found


def text_cells(path: Path, own_sums: bool = False) -> dict[str, list[str]]:
    """Every text cell of every sheet, by sheet; payload cells must carry the quote prefix."""
    book = openpyxl.load_workbook(path)
    out: dict[str, list[str]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if own_sums and cell.data_type == "f" and cell.value.startswith("=SUM("):
                    continue  # the template's 合计 column
                if isinstance(cell.value, str):
                    out.setdefault(sheet.title, []).append(cell.value)
                    if is_formula_like(cell.value):
                        assert cell.data_type == "s", (sheet.title, cell.coordinate)
                        assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
    return out


def test_one_helper_for_every_payload() -> None:
    book = Workbook()
    for i, payload in enumerate(PAYLOADS, start=1):
        put_text(book.active.cell(row=i, column=1), payload)
        assert is_formula_like(payload)
        assert csv_field(payload) == "'" + payload
    assert not is_formula_like("半导体照明联盟")
    assert csv_field(3) == 3


def test_submissions_export_and_template(workspace: Workspace, tmp_path: Path) -> None:
    _registry(workspace, tmp_path)
    book = Workbook()
    book.remove(book.active)
    basic = book.create_sheet("基本信息")
    records = book.create_sheet("活动记录")
    write_row(basic, 1, [*BASIC_COLUMNS, "备注"])
    for r, row in enumerate(BASIC, start=2):
        write_row(basic, r, [*row[:3], PAYLOADS[r], *row[4:], PAYLOADS[r + 2]])
    write_row(records, 1, list(RECORD_COLUMNS))
    for r, row in enumerate(RECORDS, start=2):
        payload = PAYLOADS[r % len(PAYLOADS)]
        write_row(records, r, [*row[:2], payload, row[3], payload, row[5], payload])
    source = tmp_path / "in.xlsx"
    book.save(source)
    import_submissions(workspace, source)
    before = content(workspace)
    assert PAYLOADS[2] in repr(before)

    out = tmp_path / "export.xlsx"
    export_submissions(workspace, out)
    assert formulas(out) == []
    assert any(p in cells for cells in text_cells(out).values() for p in PAYLOADS)

    again = Workspace.create(tmp_path / "again.evdb", year=2018)
    _registry(again, tmp_path)
    import_submissions(again, out)
    assert content(again) == before

    template = tmp_path / "template.xlsx"
    workspace.db.execute("UPDATE alliances SET name = ? WHERE code = '109'", (PAYLOADS[1],))
    write_submissions_template(template, workspace, 2018)
    assert formulas(template) == []
    assert PAYLOADS[1] in text_cells(template)["基本信息"]
    again.close()


def test_score_file_and_template(workspace: Workspace, tmp_path: Path) -> None:
    build_panel(workspace)
    pkg_path = tmp_path / "li.evpkg"
    build_expert_package(workspace, 2018, "initial", "李", pkg_path)
    with Package.open(pkg_path) as pkg:
        codes = [a.code for a in pkg.alliances()]
        for i, payload in enumerate(PAYLOADS):
            pkg.set_score(codes[i % len(codes)], pkg.rubric.codes[i], 1, payload)
        # a score file holds comments trimmed (they are part of the signed content)
        written = {(c, i): s.comment.strip() for (a, i), s in pkg.scores().items()
                   for c in [next(x.code for x in pkg.alliances() if x.id == a)]}
        exported = export_score_file(pkg, tmp_path / "scores.xlsx", partial=True).path
        write_score_template(pkg, tmp_path / "template.xlsx")
    assert formulas(exported) == []
    cells = text_cells(exported)
    assert set(written.values()) <= set(cells["意见"])
    read_back = read_score_file(exported)
    assert {(c, i): t for c, i, t in read_back.comments} == written

    template = tmp_path / "template.xlsx"
    assert all("SUM(" in f for f in formulas(template))  # the 合计 column's own formula
    assert set(written.values()) <= set(text_cells(template, own_sums=True)["意见"])
    with Package.open(pkg_path) as pkg:
        import_score_template(pkg, template)
        again = {(c, i): s.comment.strip() for (a, i), s in pkg.scores().items()
                 for c in [next(x.code for x in pkg.alliances() if x.id == a)]}
    assert again == written


def test_results_workbook_and_audit_sheet(workspace: Workspace, tmp_path: Path) -> None:
    from evaluator.exports.workbook import export_workbook
    from evaluator.history import import_history
    from evaluator.registry import add_alliance
    from tests.conftest import SHARED

    annex = SHARED / "reference" / "annex2_2018_results.csv"
    with annex.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(workspace, row["code"], row["alliance"])
    import_history(workspace, annex, 2018)
    ids = [r[0] for r in workspace.db.execute("SELECT id FROM alliances ORDER BY id LIMIT 3")]
    with workspace.transaction():
        for aid, payload in zip(ids, PAYLOADS, strict=False):
            workspace.db.execute("UPDATE alliances SET name = ? WHERE id = ?", (payload, aid))
        for payload in PAYLOADS:
            workspace.audit("rename", "alliance", payload, payload, payload)
    out = tmp_path / "results.xlsx"
    export_workbook(workspace, out, year=2018)
    assert formulas(out) == []
    cells = text_cells(out)
    assert set(PAYLOADS[:3]) <= set(cells["评价结果"])
    # the audit sheet drops control characters (CR) from text; the rest stays as written
    assert {p.replace("\r", "") for p in PAYLOADS} <= set(cells["审计"])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_problem_report(tmp_path: Path, suffix: str) -> None:
    from evaluator.errors import Problem
    from ui.dialogs.import_dialog import write_problem_report

    problems = [Problem("reading.missing_column", {"name": p, "found": p}, file="a.xlsx",
                        sheet=p, row=2, column=p) for p in PAYLOADS]
    out = tmp_path / f"report{suffix}"
    write_problem_report(problems, out, "zh")
    if suffix == ".xlsx":
        assert formulas(out) == []
        assert set(PAYLOADS) <= set(text_cells(out)["导入检查"])
    else:
        with out.open(encoding="utf-8-sig", newline="") as fh:
            fields = [f for row in csv.reader(fh) for f in row]
        assert not any(is_formula_like(f) for f in fields)
        assert "'" + PAYLOADS[0] in fields
