from __future__ import annotations

import csv

import pytest

from evaluator.errors import EvaluatorError
from evaluator.registry import (
    NameIndex,
    add_alias,
    add_alliance,
    batch_of_code,
    core_name,
    find_by_code,
    normalize_code,
)
from tests.conftest import SHARED


def test_batch_is_derived_from_the_code() -> None:
    assert batch_of_code("109") == "1"
    assert batch_of_code("233") == "2"
    assert batch_of_code("354") == "3"
    assert batch_of_code("d106") == "d"
    assert batch_of_code("D106") == "d"
    assert batch_of_code("409") is None
    assert batch_of_code("12") is None
    assert normalize_code(109.0) == "109"


def test_add_alliance_refuses_bad_and_duplicate_codes(workspace) -> None:  # type: ignore[no-untyped-def]
    add_alliance(workspace, "109", "半导体照明产业技术创新战略联盟")
    with pytest.raises(EvaluatorError):
        add_alliance(workspace, "109", "别的联盟")
    with pytest.raises(EvaluatorError):
        add_alliance(workspace, "999", "别的联盟")
    with pytest.raises(EvaluatorError):
        add_alliance(workspace, "110", "别的联盟", batch_id="2")


def test_former_code_finds_the_alliance(workspace) -> None:  # type: ignore[no-untyped-def]
    alliance = add_alliance(workspace, "109", "半导体照明产业技术创新战略联盟",
                            former_codes=["110"])
    assert find_by_code(workspace, "110") == alliance
    assert find_by_code(workspace, "111") is None


def test_annex1_names_match_annex2_registry(workspace) -> None:  # type: ignore[no-untyped-def]
    with (SHARED / "reference" / "annex2_2018_results.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add_alliance(workspace, row["code"], row["alliance"])
    index = NameIndex(workspace)
    # Variants that differ only in a standard ending resolve as 'similar' suggestions.
    match = index.match("集成电路封测产业技术创新战略联盟")
    assert match.alliance is not None
    assert match.alliance.code == "138"
    assert match.how == "similar"
    assert index.match("汽车轻量化产业技术创新战略联盟").alliance.code == "107"  # type: ignore[union-attr]
    assert index.match("有色金属钨及硬质合金产业技术创新战略联盟").alliance.code == "117"  # type: ignore[union-attr]
    # Full-width vs half-width brackets and spaces.
    assert index.match("建筑信息模型(BIM)产业技术创新战略联盟").how == "exact"
    assert index.match("TD产业技术创新战略联盟").how == "exact"
    # A different word needs a registered former name.
    assert index.match("新一代纺织机械产业技术创新战略联盟").alliance is None
    add_alias(workspace, find_by_code(workspace, "124").id, "name",  # type: ignore[union-attr]
              "新一代纺织机械产业技术创新战略联盟")
    match = NameIndex(workspace).match("新一代纺织机械产业技术创新战略联盟")
    assert match.how == "alias"
    assert match.alliance.code == "124"
    assert index.match("产业技术创新战略联盟协发网").alliance is None


def test_core_name_strips_standard_endings() -> None:
    assert core_name("集成电路封测产业链技术创新战略联盟") == "集成电路封测"
    assert core_name("新一代煤（能源）化工产业技术创新战略盟") == "新一代煤(能源)化工"
