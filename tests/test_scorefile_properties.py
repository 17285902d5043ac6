"""Property tests over a score file's metadata and alliance codes: whatever a cell holds,
reading never raises, a number comes out in bounds or not at all (with the cell named),
and one alliance cannot hide twice behind full-width digits or spaces."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from evaluator.file_reading import Sheet
from evaluator.scorefile import (
    K_ROUND,
    K_SEQUENCE,
    K_YEAR,
    MAX_SEQUENCE,
    META_SHEET,
    SCORES_SHEET,
    YEAR_RANGE,
    ScoreFile,
    parse_meta_into,
    parse_scores_sheet,
)

CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=99).map(
        lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n))),  # full-width digits
)


def meta_sheet(key: str, value: Any) -> tuple[Sheet, int]:
    row = 5
    return Sheet(META_SHEET, [(1, ["项目", "值"]), (2, ["专家", "张三"]),
                              (row, [key, value])]), row


def read(key: str, value: Any) -> tuple[ScoreFile, int]:
    sheet, row = meta_sheet(key, value)
    sf = ScoreFile(path=Path("f.xlsx"))
    parse_meta_into(sf, sheet, "f.xlsx")
    return sf, row


def bad_cells(sf: ScoreFile, key: str) -> list[str]:
    return [p.params["cell"] for p in sf.problems
            if p.code == "scorefile.bad_meta_cell" and p.params["key"] == key]


@given(CELL_VALUES)
def test_the_export_number_is_in_bounds_or_refused_with_its_cell(value: Any) -> None:
    sf, row = read(K_SEQUENCE, value)
    if sf.sequence is None:
        blank = not str(value if value is not None else "").strip()
        assert bad_cells(sf, K_SEQUENCE) == ([] if blank else [f"B{row}"])
    else:
        assert 1 <= sf.sequence <= MAX_SEQUENCE < 2**31
        assert bad_cells(sf, K_SEQUENCE) == []


@given(st.integers(min_value=1, max_value=MAX_SEQUENCE), st.booleans())
def test_every_valid_export_number_reads_back(number: int, as_text: bool) -> None:
    sf, _ = read(K_SEQUENCE, str(number) if as_text else number)
    assert sf.sequence == number


@given(st.one_of(CELL_VALUES, st.integers(min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1])))
def test_the_year_is_in_bounds_or_refused_with_its_cell(value: Any) -> None:
    sf, row = read(K_YEAR, value)
    if sf.year is None:
        assert bad_cells(sf, K_YEAR) in ([], [f"B{row}"])
    else:
        assert YEAR_RANGE[0] <= sf.year <= YEAR_RANGE[1]
        assert str(sf.year) == str(value).strip()


@given(st.one_of(CELL_VALUES, st.sampled_from(["分组初评", "交叉复评", "initial", "review"])))
def test_the_round_is_known_or_refused(value: Any) -> None:
    sf, row = read(K_ROUND, value)
    assert sf.round in ("", "initial", "review")
    if not sf.round and str(value if value is not None else "").strip():
        assert bad_cells(sf, K_ROUND) == [f"B{row}"]


CODES = st.sampled_from(["109", "１０９", " 109 ", "110", "d106", "Ｄ１０６", "D106", "351"])


@given(st.lists(CODES, min_size=1, max_size=6))
def test_one_alliance_is_one_row_whatever_its_digits(codes: list[str]) -> None:
    header = ["联盟代码", "联盟名称", "1.1"]
    sheet = Sheet(SCORES_SHEET, [(1, header)] + [
        (n, [code, "某联盟", 1.0]) for n, code in enumerate(codes, start=2)])
    problems: list[Any] = []
    parsed = parse_scores_sheet(sheet, "f.xlsx", problems)
    normal = [unicodedata.normalize("NFKC", c).strip().lower() for c in codes]
    assert list(parsed.rows_of) == list(dict.fromkeys(normal))
    duplicates = [p for p in problems if p.code == "scorefile.duplicate_row"]
    assert len(duplicates) == len(normal) - len(set(normal))
    for p in duplicates:
        assert p.params["first"] < p.params["row"]
        assert normal[p.params["first"] - 2] == normal[p.params["row"] - 2]
