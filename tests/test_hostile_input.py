"""Hostile input for every importer: damaged files never crash, always get a clear message
(exit code 2) and leave the workspace content unchanged.

The CI profile runs a few hundred examples per importer (over 1,000 in all); the full run
is `EVALUATOR_FUZZ_EXAMPLES=2000 pytest tests/test_hostile_input.py` (see
docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from evaluator.cli import main
from tests.conftest import SHARED
from tests.workspace_content import workspace_content

EXAMPLES = int(os.environ.get("EVALUATOR_FUZZ_EXAMPLES", "170"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_WORK = Path(tempfile.mkdtemp(prefix="evaluator-fuzz-"))


# -- valid seed files -----------------------------------------------------------------
def _annex2() -> list[dict[str, str]]:
    with (SHARED / "reference" / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _base_workspace() -> Path:
    path = _WORK / "base.evdb"
    if not path.exists():
        registry = _write_csv(_WORK / "registry_seed.csv", ["联盟代码", "联盟名称"],
                              [[r["code"], r["alliance"]] for r in _annex2()])
        assert main(["init", str(path), "--year", "2018"]) == 0
        assert main(["registry", "import", str(path), str(registry)]) == 0
    return path


@functools.cache
def _seed_registry_xlsx() -> Path:
    path = _WORK / "registry.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名录"
    ws.append(["联盟代码", "联盟名称", "批次", "曾用名"])
    for r in _annex2()[:12]:
        ws.append([r["code"], r["alliance"], r["code"][0] if r["code"][0] != "d" else "d", ""])
    wb.save(path)
    return path


@functools.cache
def _seed_submissions_xlsx() -> Path:
    path = _WORK / "submissions.xlsx"
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = "基本信息"
    info.append(["联盟代码", "联盟名称", "年度", "联系人", "联系电话", "填报日期"])
    records = wb.create_sheet("活动记录")
    records.append(["联盟代码", "指标代码", "名称", "日期", "说明", "数量", "链接"])
    for r in _annex2()[:4]:
        info.append([r["code"], r["alliance"], 2018, "王老师", "010-12345678",
                     date(2018, 12, 20)])
        for code in ("1.1", "2.5", "3.3"):
            records.append([r["code"], code, f"记录 {code}", date(2018, 5, 1), "说明", 2,
                            "http://example.org"])
    wb.save(path)
    return path


@functools.cache
def _seed_panel_csv() -> Path:
    with (SHARED / "reference" / "annex1_2018_panel.csv").open(encoding="utf-8") as fh:
        rows = [[r["role"], r["name"], r["alliance"], r["title"]] for r in csv.DictReader(fh)]
    return _write_csv(_WORK / "panel.csv", ["角色", "姓名", "单位", "职务"], rows[:10])


@functools.cache
def _seed_history_csv() -> Path:
    names = {"high": "高", "fairly_high": "较高", "average": "一般", "inactive": "不活跃"}
    rows = [[r["code"], r["alliance"], r["score"], names[r["band"]]] for r in _annex2()]
    return _write_csv(_WORK / "history.csv", ["联盟代码", "联盟名称", "评分", "活跃度"], rows)


@functools.cache
def _seed_rubric() -> Path:
    from evaluator.rubric import default_rubric_path

    return Path(shutil.copy(default_rubric_path(), _WORK / "rubric.toml"))


# -- damage ---------------------------------------------------------------------------
def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


_BOMB: list[bytes] = []


def _other_files() -> list[bytes]:
    if not _BOMB:
        _BOMB.append(_zip_bomb())
    db = _WORK / "other.sqlite"
    if not db.exists():
        sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    return [b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, db.read_bytes(), _BOMB[0],
            b"PK\x03\x04" + b"\x00" * 100, "联盟代码,联盟名称\n".encode("utf-16"),
            b"%PDF-1.4\n" + b"x" * 200]


_CELL_VALUES = st.one_of(
    st.just("=HYPERLINK(\"http://evil\",\"x\")"), st.just("=1+1"), st.just("+cmd|' /C calc'!A0"),
    st.just(float("nan")), st.just(float("inf")), st.just(-5), st.just(1e308),
    st.just("2018年13月40日"), st.just("not a date"), st.just(None), st.just(True),
    st.just("x" * 40_000), st.text(max_size=30), st.integers(-10**9, 10**9),
    st.floats(allow_nan=True, allow_infinity=True), st.just(date(1900, 1, 1)),
)


@st.composite
def damaged_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "other", "encoding"]))
    if kind == "truncate":
        return original[: draw(st.integers(0, max(0, len(original) - 1)))]
    if kind == "flip":
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= draw(st.integers(1, 255))
        return bytes(data)
    if kind == "insert":
        i = draw(st.integers(0, len(original)))
        return original[:i] + draw(st.binary(min_size=1, max_size=64)) + original[i:]
    if kind == "other":
        return draw(st.sampled_from(_other_files()))
    try:
        text = original.decode("utf-8")
    except UnicodeDecodeError:
        return original[::-1]
    encoding = draw(st.sampled_from(["utf-16", "gb18030", "big5", "latin-1", "utf-32"]))
    return text.encode(encoding, errors="replace")


def _damage_workbook(path: Path, data: st.DataObject) -> None:
    wb = openpyxl.load_workbook(path)
    action = data.draw(st.sampled_from(["cell", "cells", "drop_sheet", "rename_sheet",
                                        "header"]))
    if action == "drop_sheet" and len(wb.sheetnames) > 1:
        del wb[data.draw(st.sampled_from(wb.sheetnames))]
    elif action == "rename_sheet":
        wb[data.draw(st.sampled_from(wb.sheetnames))].title = "Sheet9"
    else:
        sheet = wb[data.draw(st.sampled_from(wb.sheetnames))]
        count = 1 if action in ("cell", "header") else data.draw(st.integers(2, 6))
        for _ in range(count):
            row = 1 if action == "header" else data.draw(st.integers(1, sheet.max_row + 1))
            col = data.draw(st.integers(1, sheet.max_column + 1))
            value = data.draw(_CELL_VALUES)
            cell = sheet.cell(row=row, column=col)
            try:
                cell.value = value
            except (ValueError, TypeError, IllegalCharacterError):
                cell.value = repr(value)[:100]
    wb.save(path)


# -- the check ------------------------------------------------------------------------
def _run_import(argv_for: Callable[[Path, Path], list[str]], damaged: Path,
                base: Path | None = None) -> None:
    with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
        ws = Path(tmp) / "w.evdb"
        if base is not None:
            shutil.copy(base, ws)
            before = workspace_content(ws)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(argv_for(ws, damaged))
        message = err.getvalue()
        assert code in (0, 2), f"exit {code}: {message}"
        assert "Traceback" not in message
        if code == 2:
            assert message.strip(), "a refusal must say why"
            if base is not None:
                assert workspace_content(ws) == before, "a refused import changed the workspace"
            else:
                assert not ws.exists()


def _bytes_case(seed: Callable[[], Path], suffix: str,
                argv_for: Callable[[Path, Path], list[str]], use_base: bool = True) -> Callable:
    @fuzz
    @given(data=st.data())
    def case(data: st.DataObject) -> None:
        original = seed().read_bytes()
        damaged = data.draw(damaged_bytes(original))
        with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
            path = Path(tmp) / f"damaged{suffix}"
            path.write_bytes(damaged)
            _run_import(argv_for, path, _base_workspace() if use_base else None)

    return case


def _workbook_case(seed: Callable[[], Path],
                   argv_for: Callable[[Path, Path], list[str]]) -> Callable:
    @fuzz
    @given(data=st.data())
    def case(data: st.DataObject) -> None:
        with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
            path = Path(tmp) / "damaged.xlsx"
            shutil.copy(seed(), path)
            _damage_workbook(path, data)
            _run_import(argv_for, path, _base_workspace())

    return case


@functools.cache
def _seed_registry_csv() -> Path:
    _base_workspace()
    return _WORK / "registry_seed.csv"


test_registry_csv_bytes = _bytes_case(_seed_registry_csv, ".csv",
                                      lambda ws, f: ["registry", "import", str(ws), str(f)])
test_registry_xlsx_bytes = _bytes_case(_seed_registry_xlsx, ".xlsx",
                                       lambda ws, f: ["registry", "import", str(ws), str(f)])
test_registry_xlsx_cells = _workbook_case(_seed_registry_xlsx,
                                          lambda ws, f: ["registry", "import", str(ws), str(f)])
test_submissions_bytes = _bytes_case(_seed_submissions_xlsx, ".xlsx",
                                     lambda ws, f: ["submissions", "import", str(ws), str(f)])
test_submissions_cells = _workbook_case(_seed_submissions_xlsx,
                                        lambda ws, f: ["submissions", "import", str(ws), str(f)])
test_panel_bytes = _bytes_case(_seed_panel_csv, ".csv",
                               lambda ws, f: ["panel", "import", str(ws), str(f)])
test_history_bytes = _bytes_case(
    _seed_history_csv, ".csv",
    lambda ws, f: ["history", "import", str(ws), str(f), "--year", "2017"])
test_rubric_bytes = _bytes_case(
    _seed_rubric, ".toml",
    lambda ws, f: ["init", str(ws), "--year", "2018", "--rubric", str(f)], use_base=False)


def test_seed_files_are_valid() -> None:
    """The fuzzing starts from files that import cleanly (else it proves nothing)."""
    for argv in (
        lambda ws, f: ["registry", "import", str(ws), str(f)],
    ):
        for seed in (_seed_registry_xlsx(), _seed_registry_csv()):
            with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
                ws = Path(tmp) / "w.evdb"
                shutil.copy(_base_workspace(), ws)
                assert main(argv(ws, seed)) == 0
    for seed, argv in (
        (_seed_submissions_xlsx(), ["submissions", "import"]),
        (_seed_panel_csv(), ["panel", "import"]),
        (_seed_history_csv(), ["history", "import"]),
    ):
        with tempfile.TemporaryDirectory(dir=_WORK) as tmp:
            ws = Path(tmp) / "w.evdb"
            shutil.copy(_base_workspace(), ws)
            extra = ["--year", "2017"] if argv[0] == "history" else []
            assert main([*argv, str(ws), str(seed), *extra]) == 0, seed


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> object:
    yield
    shutil.rmtree(_WORK, ignore_errors=True)
