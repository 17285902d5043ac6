"""Rubric-level entry: every indicator of the default rubric reads as full / partial /
zero with the points each gives."""

from __future__ import annotations

from evaluator.rubric import load_default_rubric
from evaluator.rubric_levels import indicator_levels


def test_every_default_indicator_has_three_levels() -> None:
    rubric = load_default_rubric()
    for indicator in rubric.indicators:
        for english in (False, True):
            levels = indicator_levels(indicator, rubric, english)
            assert [lv.key for lv in levels] == ["full", "partial", "zero"], indicator.code
            assert [lv.points for lv in levels] == [indicator.max_points,
                                                   indicator.max_points / 2, 0.0]
            assert all(lv.description for lv in levels)
            assert all(rubric.is_valid_value(indicator.code, lv.points) for lv in levels)
    first = indicator_levels(rubric.indicator("1.1"), rubric)
    assert first[2].description == "全年未召开理事会。"


def test_a_standard_without_the_three_levels_has_none() -> None:
    from dataclasses import replace

    rubric = load_default_rubric()
    plain = replace(rubric.indicator("1.1"), standard="按实际情况打分。")
    assert indicator_levels(plain, rubric) == []
