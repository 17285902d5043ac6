"""Write the hostile-file corpus in tests/data/hostile/ (small files, each one attack).

Every importer is run against every file by tests/test_hostile_corpus.py: each must be
refused with exit code 2 and a message naming the file, leaving the workspace unchanged,
within a memory limit. Run `python tools/make_hostile_corpus.py` after changing this script;
the files are committed so that CI does not depend on it.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '{dimension}<sheetData>{rows}</sheetData></worksheet>')


def workbook(sheet_xml: str, name: str = "Sheet1") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK.format(name=name))
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


def two_far_cells() -> bytes:
    """A1 and XFD1048576: 1.7 KB that a reader would make 17 billion cells of."""
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    return workbook(SHEET.format(dimension='<dimension ref="A1:XFD1048576"/>', rows=rows))


def within_row_limits_but_wide() -> bytes:
    """Inside 200,000 rows x 500 columns, but an area of 100 million cells."""
    rows = ('<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="200000"><c r="SF200000"><v>1</v></c></row>')
    return workbook(SHEET.format(dimension="", rows=rows))


def declared_only() -> bytes:
    """A truthful two cells under a dimension claiming the whole grid."""
    rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'
    return workbook(SHEET.format(dimension='<dimension ref="A1:XFD1048576"/>', rows=rows))


def no_refs_many_cells() -> bytes:
    """Cells without `r` attributes: the extent is only known by counting them."""
    row = "<c><v>1</v></c>" * 600
    return workbook(SHEET.format(dimension="", rows=f"<row>{row}</row>"))


def far_cell_written_otherwise() -> dict[str, bytes]:
    """The far cell in forms a byte-level count could miss: another attribute first,
    single quotes, a namespace prefix on the cell."""
    far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">{cell}</row>'
    prefixed = SHEET.replace("<worksheet ", "<x:worksheet xmlns:x=\"http://schemas."
                             "openxmlformats.org/spreadsheetml/2006/main\" ")
    return {
        "far_cell_attribute_order.xlsx": workbook(SHEET.format(dimension="", rows=far.format(
            cell='<c t="n" r="XFD1048576"><v>1</v></c>'))),
        "far_cell_single_quotes.xlsx": workbook(SHEET.format(dimension="", rows=far.format(
            cell="<c r='XFD1048576'><v>1</v></c>"))),
        "far_cell_prefixed.xlsx": workbook(prefixed.format(dimension="", rows=far.format(
            cell='<x:c r="XFD1048576"><x:v>1</x:v></x:c>'))),
    }


def entity_expansion() -> bytes:
    """Billion laughs in the sheet XML."""
    doctype = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')
    xml = SHEET.format(dimension="", rows='<row r="1"><c r="A1" t="inlineStr"><is><t>'
                       '&lol3;</t></is></c></row>')
    return workbook(xml.replace("?>", "?>" + doctype, 1))


def inflating_member() -> bytes:
    """A workbook whose shared strings inflate to 300 MB (ratio far above any office file)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("xl/workbook.xml", WORKBOOK.format(name="Sheet1"))
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=False) as fh:
            block = b" " * (1 << 20)
            for _ in range(120):
                fh.write(block)
    return buffer.getvalue()


def duplicate_members() -> bytes:
    """One member name listed many times (each copy inflating in full)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        for _ in range(40):
            zf.writestr("xl/worksheets/sheet1.xml", b"<x/>" + b" " * 1_000_000)
    return buffer.getvalue()


def evgroup_inflating_manifest() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf, \
            zf.open("manifest.json", "w", force_zip64=True) as fh:
        fh.write(b'{"format": "evaluator-group-file", "files": []')
        block = b" " * (1 << 20)
        for _ in range(120):
            fh.write(block)
        fh.write(b"}")
    return buffer.getvalue()


def evgroup_repeated_member() -> bytes:
    """A manifest naming one (large, highly compressible) member many times."""
    payload = b"\0" * 5_000_000
    import hashlib

    digest = hashlib.sha256(payload).hexdigest()
    files = [{"file_name": "a.xlsx", "sha256": digest} for _ in range(60)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", json.dumps({"format": "evaluator-group-file",
                                                 "files": files}))
        zf.writestr("a.xlsx", payload)
    return buffer.getvalue()


def evgroup_with_far_cells() -> bytes:
    import hashlib

    member = two_far_cells()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps({
            "format": "evaluator-group-file",
            "files": [{"file_name": "scores.xlsx",
                       "sha256": hashlib.sha256(member).hexdigest()}]}))
        zf.writestr("scores.xlsx", member)
    return buffer.getvalue()


def deep_json() -> bytes:
    return b"[" * 20_000 + b"]" * 20_000


def rubric_toml(step: str, maximum: str = "2") -> bytes:
    return (f'name = "hostile"\nstep = {step}\n[[group]]\ncode = "1"\nname = "g"\n'
            f'[[group.indicator]]\ncode = "1.1"\nname = "i"\nstandard = "s"\n'
            f"max = {maximum}\n").encode()


def rubric_json(step: str, maximum: str) -> bytes:
    return (f'{{"name": "hostile", "step": {step}, "group": [{{"code": "1", "name": "g", '
            f'"indicator": [{{"code": "1.1", "name": "i", "standard": "s", "max": {maximum}}}]'
            f'}}]}}').encode()


def files() -> dict[str, bytes]:
    far = two_far_cells()
    out = {
        "far_cells.xlsx": far,
        "far_cells_undeclared.xlsx": workbook(SHEET.format(dimension="", rows=(
            '<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))),
        "wide_area.xlsx": within_row_limits_but_wide(),
        "declared_grid.xlsx": declared_only(),
        "no_refs_wide.xlsx": no_refs_many_cells(),
        "entities.xlsx": entity_expansion(),
        "inflating_strings.xlsx": inflating_member(),
        "duplicate_members.xlsx": duplicate_members(),
        "csv_named.xlsx": b"\xe8\x81\x94\xe7\x9b\x9f\xe4\xbb\xa3\xe7\xa0\x81,x\n1,2\n",
        "xlsx_named.csv": far,
        "binary.csv": bytes(range(256)) * 4,
        "far_cells.evgroup": evgroup_with_far_cells(),
        "inflating_manifest.evgroup": evgroup_inflating_manifest(),
        "repeated_member.evgroup": evgroup_repeated_member(),
        "deep.json": deep_json(),
        "rubric_step_inf.toml": rubric_toml("inf"),
        "rubric_step_tiny.toml": rubric_toml("1e-300"),
        "rubric_max_nan.toml": rubric_toml("0.5", "nan"),
        "rubric_max_infinity.json": rubric_json("0.5", "Infinity"),
        "rubric_max_huge.json": rubric_json("0.5", "1e999"),
        "rubric_deep.json": deep_json(),
        **far_cell_written_otherwise(),
    }
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (OUT / name).write_bytes(data)
        sys.stdout.write(f"{name}: {len(data):,} bytes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
