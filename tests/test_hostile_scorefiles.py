"""Hostile score files and packages: damaged files never crash, always get a clear message
(exit code 2) and leave the workspace's content unchanged (only the audit log records the
refusal). A damaged signed file that is still accepted must carry exactly the signed
scores; an unsigned file accepted on trust still carries only valid scores.

Packages (.evpkg) damaged on a USB stick: `Package.open` and everything after it raise
`EvaluatorError` (a message), never `sqlite3.DatabaseError` or another crash, and
`evaluator scores export` exits 0 or 2.

CI runs EVALUATOR_FUZZ_EXAMPLES examples per property (default 150, over 1,000 in all);
the full run is `EVALUATOR_FUZZ_EXAMPLES=3000 pytest tests/test_hostile_scorefiles.py`
(docs/reliability.md). Examples are derandomized: a failure reproduces on every run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import sqlite3
import struct
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from evaluator.cli import main
from evaluator.errors import EvaluatorError
from evaluator.expert_package import Package
from evaluator.package_builders import build_expert_package
from evaluator.scorefile import COMMENTS_SHEET, K_SIGNATURE, META_SHEET, SCORES_SHEET
from evaluator.scorefile_export import export_score_file
from evaluator.workspace import Workspace
from tests.workspace_content import workspace_content

EXAMPLES = int(os.environ.get("EVALUATOR_FUZZ_EXAMPLES", "150"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_WORK = Path(tempfile.mkdtemp(prefix="evaluator-fuzz-scorefiles-"))


# -- valid seeds: a workspace, a package, its signed score file ---------------------------
@functools.cache
def _seed() -> tuple[Path, Path, Path]:
    """(workspace, 李's initial package fully scored with comments, its signed export)."""
    from test_packages import build_panel

    ws_path = _WORK / "base.evdb"
    with Workspace.create(ws_path, year=2018) as ws:
        build_panel(ws)
        pkg_path = _WORK / "li.evpkg"
        build_expert_package(ws, 2018, "initial", "李", pkg_path)
    with Package.open(pkg_path) as pkg:
        rubric = pkg.rubric
        for n, alliance in enumerate(pkg.alliances()):
            for m, code in enumerate(rubric.codes):
                top = rubric.indicator(code).max_points
                value = ((n + m) % int(top / rubric.step + 1)) * rubric.step
                pkg.set_score(alliance.code, code, value, "需补充材料" if m % 7 == 0 else None)
        score_file = export_score_file(pkg, _WORK / "li_scores.xlsx").path
    return ws_path, pkg_path, score_file


@functools.cache
def _unsigned_seed() -> Path:
    path = _WORK / "li_unsigned.xlsx"
    wb = openpyxl.load_workbook(_seed()[2])
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == K_SIGNATURE:
            meta.delete_rows(row[0].row)
            break
    wb.save(path)
    return path


def _merged_scores(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT s.alliance_id, s.indicator_code, s.value, s.comment FROM scores s"
            " JOIN experts e ON e.id = s.expert_id WHERE e.name = '李'"
            " ORDER BY s.alliance_id, s.indicator_code").fetchall()
    finally:
        conn.close()


@functools.cache
def _signed_scores() -> list[tuple[object, ...]]:
    """What merging the pristine signed file puts in the workspace."""
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        ws = Path(tmp) / "w.evdb"
        shutil.copy(_seed()[0], ws)
        code, out = _cli(["merge", str(ws), str(_seed()[2])])
        assert code == 0, out
        return _merged_scores(ws)


def _cli(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


# -- damage -------------------------------------------------------------------------------
def _zip_bomb(honest: bool) -> bytes:
    """An .xlsx-looking zip whose sheet inflates to 300 MB; a dishonest one claims 1 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"<c>" + b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    data = bytearray(buffer.getvalue())
    if not honest:
        # Rewrite the uncompressed sizes in the local and central headers to 1024.
        for magic, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            start = 0
            while (at := data.find(magic, start)) >= 0:
                struct.pack_into("<I", data, at + offset, 1024)
                start = at + 4
    return bytes(data)


@functools.cache
def _other_files() -> tuple[bytes, ...]:
    db = _WORK / "other.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return (b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, db.read_bytes(), _zip_bomb(True),
            _zip_bomb(False), b"PK\x03\x04" + b"\x00" * 100, docx.getvalue(),
            "联盟代码,指标代码\n101,1.1\n".encode("gb18030"), b"%PDF-1.4\n" + b"x" * 200,
            _seed()[1].read_bytes())  # a package renamed .xlsx


Damage = tuple[object, ...]


@st.composite
def damage(draw: st.DrawFn, size: int, others: int) -> Damage:
    """A recipe (small, so a failing example prints readably) for `apply_damage`."""
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "other"]))
    if kind == "truncate":
        return (kind, draw(st.integers(0, max(0, size - 1))))
    if kind == "flip":
        return (kind, tuple((draw(st.integers(0, size - 1)), draw(st.integers(1, 255)))
                            for _ in range(draw(st.integers(1, 8)))))
    if kind == "insert":
        return (kind, draw(st.integers(0, size)), draw(st.binary(min_size=1, max_size=64)))
    return (kind, draw(st.integers(0, others - 1)))


def apply_damage(original: bytes, recipe: Damage) -> bytes:
    kind = recipe[0]
    if kind == "truncate":
        return original[: int(recipe[1])]  # type: ignore[call-overload]
    if kind == "flip":
        data = bytearray(original)
        for at, mask in recipe[1]:  # type: ignore[attr-defined]
            data[at] ^= mask
        return bytes(data)
    if kind in ("insert", "overwrite"):
        at, junk = int(recipe[1]), bytes(recipe[2])  # type: ignore[call-overload, arg-type]
        tail = original[at + len(junk):] if kind == "overwrite" else original[at:]
        return original[:at] + junk + tail
    return _other_files()[int(recipe[1])]  # type: ignore[call-overload]


_CELL_VALUES = st.one_of(
    st.just("=1+1"), st.just("=HYPERLINK(\"http://evil\",\"x\")"), st.just("=C2*2"),
    st.just("+cmd|' /C calc'!A0"), st.just("@SUM(A1)"),
    st.just(float("nan")), st.just(float("inf")), st.just(float("-inf")), st.just(1e308),
    st.just(-5), st.just(4.25), st.just(0.5), st.just(10**18), st.just(True),
    st.just("x" * 40_000), st.just("四"), st.just("3 分"), st.just(" 2 "),
    st.just("2018-13-40"), st.just(None), st.just("分组初评"), st.just("交叉复评"),
    st.just("1.1"), st.just("102"), st.just("0" * 64),
    st.text(max_size=30), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _set(cell: openpyxl.cell.cell.Cell, value: object) -> None:
    try:
        cell.value = value
    except (ValueError, TypeError, IllegalCharacterError):
        cell.value = repr(value)[:100]


def _damage_workbook(path: Path, data: st.DataObject) -> None:
    """Edit the score file as a person (or a script) with a spreadsheet might."""
    wb = openpyxl.load_workbook(path)
    action = data.draw(st.sampled_from([
        "score", "scores", "meta", "comment", "header", "swap_types", "drop_sheet",
        "rename_sheet", "add_row", "drop_row", "add_sheet"]))
    if action == "drop_sheet":
        del wb[data.draw(st.sampled_from(wb.sheetnames))]
        if not wb.sheetnames:
            wb.create_sheet("Sheet1")
    elif action == "rename_sheet":
        wb[data.draw(st.sampled_from(wb.sheetnames))].title = data.draw(
            st.sampled_from(["Sheet9", SCORES_SHEET + " ", COMMENTS_SHEET, "评分(2)"]))
    elif action == "add_sheet":
        extra = wb.create_sheet(data.draw(st.sampled_from([SCORES_SHEET + "2", "说明"])))
        extra.append(["联盟代码", "1.1"])
        extra.append(["101", 5])
    elif action == "swap_types":
        sheet = wb[SCORES_SHEET]
        for row in sheet.iter_rows(min_row=2, min_col=3):
            for cell in row:
                if isinstance(cell.value, int | float) and data.draw(st.booleans()):
                    cell.value = str(cell.value)
    elif action == "drop_row":
        sheet = wb[data.draw(st.sampled_from([SCORES_SHEET, META_SHEET, COMMENTS_SHEET]))]
        sheet.delete_rows(data.draw(st.integers(1, max(1, sheet.max_row))))
    elif action == "add_row":
        sheet = wb[data.draw(st.sampled_from([SCORES_SHEET, META_SHEET, COMMENTS_SHEET]))]
        row = sheet.max_row + 1
        for col in range(1, data.draw(st.integers(1, sheet.max_column + 1)) + 1):
            _set(sheet.cell(row=row, column=col), data.draw(_CELL_VALUES))
    else:
        name = {"score": SCORES_SHEET, "scores": SCORES_SHEET, "meta": META_SHEET,
                "comment": COMMENTS_SHEET, "header": SCORES_SHEET}[action]
        sheet = wb[name]
        count = data.draw(st.integers(2, 8)) if action == "scores" else 1
        for _ in range(count):
            row = 1 if action == "header" else data.draw(st.integers(2, sheet.max_row + 1))
            col = data.draw(st.integers(1 if action != "score" else 3,
                                        sheet.max_column + (action == "header")))
            _set(sheet.cell(row=row, column=col), data.draw(_CELL_VALUES))
    wb.save(path)


# -- the checks --------------------------------------------------------------------------
def _merge_damaged(damaged: Path, accept_unsigned: bool = False) -> None:
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        ws = Path(tmp) / "w.evdb"
        shutil.copy(_seed()[0], ws)
        before = workspace_content(ws)
        argv = ["merge", str(ws), str(damaged)]
        code, message = _cli(argv + (["--accept-unsigned"] if accept_unsigned else []))
        assert code in (0, 2), f"exit {code}: {message}"
        assert "Traceback" not in message
        assert message.strip(), "the merge says what it did"
        if code == 2:
            assert workspace_content(ws) == before, "a refused file changed the workspace"
            return
        with Workspace.open(ws) as opened:
            assert opened.integrity_ok()
            rubric = opened.rubric()
        merged = _merged_scores(ws)
        if not accept_unsigned:
            assert merged == _signed_scores(), "a damaged signed file changed the scores"
        for _, indicator, value, _ in merged:
            assert rubric.is_valid_value(str(indicator), float(value))  # type: ignore[arg-type]


@fuzz
@given(data=st.data())
def test_merge_damaged_bytes(data: st.DataObject) -> None:
    original = _seed()[2].read_bytes()
    damaged = apply_damage(original, data.draw(damage(len(original), len(_other_files()))))
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        path = Path(tmp) / "damaged.xlsx"
        path.write_bytes(damaged)
        _merge_damaged(path)


@fuzz
@given(data=st.data())
def test_merge_damaged_workbook(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        path = Path(tmp) / "damaged.xlsx"
        shutil.copy(_seed()[2], path)
        _damage_workbook(path, data)
        _merge_damaged(path)


@fuzz
@given(data=st.data())
def test_merge_damaged_unsigned_workbook_on_trust(data: st.DataObject) -> None:
    """--accept-unsigned waives the signature, never the checks of what is merged."""
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        path = Path(tmp) / "damaged.xlsx"
        shutil.copy(_unsigned_seed(), path)
        _damage_workbook(path, data)
        _merge_damaged(path, accept_unsigned=True)


# -- packages ----------------------------------------------------------------------------
@st.composite
def page_damage(draw: st.DrawFn, original: bytes) -> Damage:
    """Overwrite a run of bytes near the start of a page of the SQLite file (where its
    b-tree headers and cell pointers live, so the damage matters)."""
    page_size = int.from_bytes(original[16:18], "big") or 65536
    page = draw(st.integers(0, max(1, len(original) // page_size) - 1))
    start = page * page_size + draw(st.integers(0, min(page_size, 512) - 1))
    return ("overwrite", start, draw(st.binary(min_size=1, max_size=16)))


def _damaged_package(data: st.DataObject) -> bytes:
    original = _seed()[1].read_bytes()
    if data.draw(st.booleans()):
        return apply_damage(original, data.draw(page_damage(original)))
    return apply_damage(original, data.draw(damage(len(original), len(_other_files()))))


def _use_package(path: Path, out: Path) -> None:
    """What the scoring window and the export do with a package."""
    with Package.open(path) as pkg:
        alliances = pkg.alliances()
        pkg.scores()
        pkg.progress()
        pkg.missing()
        for alliance in alliances[:1]:
            pkg.records(alliance.id)
            pkg.submission(alliance.id)
            pkg.set_score(alliance.id, pkg.rubric.codes[0], 0.5)
        export_score_file(pkg, out, partial=True)


@fuzz
@given(data=st.data())
def test_damaged_package_opens_with_a_message_or_works(data: st.DataObject) -> None:
    damaged = _damaged_package(data)
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        path = Path(tmp) / "damaged.evpkg"
        path.write_bytes(damaged)
        try:
            _use_package(path, Path(tmp) / "out.xlsx")
        except EvaluatorError as error:
            refused = error
        else:
            return
    assert refused.render("zh").strip()
    assert refused.render("en").strip()


@fuzz
@given(data=st.data())
def test_cli_export_of_a_damaged_package(data: st.DataObject) -> None:
    damaged = _damaged_package(data)
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        path = Path(tmp) / "damaged.evpkg"
        path.write_bytes(damaged)
        out = Path(tmp) / "out.xlsx"
        code, message = _cli(["scores", "export", str(path), "--out", str(out), "--partial"])
        assert code in (0, 2), f"exit {code}: {message}"
        assert "Traceback" not in message
        if code == 2:
            assert message.strip()
            assert not out.exists(), "a refused export leaves no file"


# -- the seeds are valid (else the fuzzing proves nothing) --------------------------------
def test_seeds_are_valid(tmp_path: Path) -> None:
    with Workspace.open(_seed()[0]) as opened:
        indicators = len(opened.rubric().codes)
    assert len(_signed_scores()) == 3 * indicators  # 李 scores 101, 102 and 203 in full
    ws = tmp_path / "w.evdb"
    shutil.copy(_seed()[0], ws)
    code, message = _cli(["merge", str(ws), str(_unsigned_seed())])
    assert code == 2, message  # unsigned: refused unless accepted on trust
    code, message = _cli(["merge", str(ws), str(_unsigned_seed()), "--accept-unsigned"])
    assert code == 0, message
    pkg = tmp_path / "p.evpkg"
    shutil.copy(_seed()[1], pkg)
    _use_package(pkg, tmp_path / "out.xlsx")
    code, message = _cli(["scores", "export", str(pkg), "--out", str(tmp_path / "o.xlsx")])
    assert code == 0, message


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> object:
    yield
    shutil.rmtree(_WORK, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def _one_parser() -> object:
    """Build the CLI's parser once: `main` runs unchanged, thousands of times."""
    import evaluator.cli

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluator.cli, "build_parser",
                      functools.cache(evaluator.cli.build_parser))
        yield
