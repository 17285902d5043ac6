from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.errors import RubricError
from evaluator.rubric import load_default_rubric, load_rubric, rubric_from_json


def test_default_rubric_matches_the_report() -> None:
    rubric = load_default_rubric()
    assert [g.code for g in rubric.groups] == ["1", "2", "3"]
    assert [len(g.indicators) for g in rubric.groups] == [6, 9, 5]
    assert rubric.codes[0] == "1.1"
    assert rubric.codes[-1] == "3.5"
    assert [g.max_points for g in rubric.groups] == [30, 45, 25]
    assert rubric.max_total == 100
    assert rubric.step == 0.5
    # The nine collaborative-innovation activities of report 四.2, in the report's order.
    assert [i.name for i in rubric.groups[1].indicators][:2] == ["自设协同创新项目", "政府项目"]
    assert all(i.standard and i.standard_en and i.name_en for i in rubric.indicators)


def test_fingerprint_is_stable_and_survives_a_round_trip() -> None:
    rubric = load_default_rubric()
    again = rubric_from_json(rubric.canonical_json())
    assert again.fingerprint == rubric.fingerprint
    assert len(rubric.fingerprint) == 64


def test_values_are_bounded_and_on_step() -> None:
    rubric = load_default_rubric()
    assert rubric.is_valid_value("2.1", 0)
    assert rubric.is_valid_value("2.1", 4.5)
    assert rubric.is_valid_value("2.1", 5)
    assert not rubric.is_valid_value("2.1", 5.5)
    assert not rubric.is_valid_value("2.1", -0.5)
    assert not rubric.is_valid_value("2.1", 2.25)


def test_a_changed_rubric_has_another_fingerprint(tmp_path: Path) -> None:
    text = load_default_rubric_text().replace("max = 5", "max = 4", 1)
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    assert load_rubric(path).fingerprint != load_default_rubric().fingerprint


def load_default_rubric_text() -> str:
    from evaluator.rubric import default_rubric_path

    return default_rubric_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda t: t.replace('step = 0.5', 'step = "half"'), "rubric.bad_value"),
        (lambda t: t.replace('code = "1.2"', 'code = "1.1"'), "rubric.duplicate_code"),
        (lambda t: t.replace('code = "2.1"', 'code = "3.9"'), "rubric.bad_code"),
        (lambda t: t.replace("max = 5", "max = 4.3", 1), "rubric.off_step"),
        (lambda t: t.replace("max = 5", "max = -1", 1), "rubric.bad_value"),
        (lambda t: t.replace('name = "理事会会议"\n', ""), "rubric.missing_field"),
        (lambda t: t + "\n[[[broken", "rubric.unreadable"),
        (lambda t: "", "rubric.missing_field"),
    ],
)
def test_malformed_rubric_is_refused_with_the_problem_named(tmp_path: Path, mutate, code) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.toml"
    path.write_text(mutate(load_default_rubric_text()), encoding="utf-8")
    with pytest.raises(RubricError) as exc:
        load_rubric(path)
    assert code in {p.code for p in exc.value.problems}
    assert exc.value.render("zh")


def test_json_rubric_and_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"name": "x", "step": 1, "group": [{"code": "1", "name": "A", '
                    '"indicator": [{"code": "1.1", "name": "a", "standard": "s", "max": 10}]}]}',
                    encoding="utf-8")
    rubric = load_rubric(path)
    assert rubric.max_total == 10
    garbage = tmp_path / "g.toml"
    garbage.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(RubricError):
        load_rubric(garbage)


def test_workspace_can_load_another_rubric(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = load_default_rubric_text().replace("max = 5", "max = 10", 1)
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    workspace.set_year_rubric(2018, load_rubric(path))
    assert workspace.rubric(2018).max_total == 105


def _decimal_on_step(value: float, step: float) -> bool:
    """The former exact-decimal rule, kept here as the reference."""
    from decimal import Decimal

    quotient = Decimal(repr(float(value))) / Decimal(repr(step))
    return quotient == quotient.to_integral_value()


def test_half_point_steps_keep_exact_decimal_semantics() -> None:
    rubric = load_default_rubric()
    assert not rubric.is_valid_value("2.1", 4.4999999999)
    assert not rubric.is_valid_value("2.1", 4.5000000001)
    assert not rubric.is_valid_value("2.1", float("nan"))
    assert not rubric.is_valid_value("2.1", float("inf"))
    for hundredths in range(0, 501):
        value = hundredths / 100
        assert rubric.is_valid_value("2.1", value) == _decimal_on_step(value, 0.5), value


def test_indicator_look_ups_are_cached_and_match_the_groups() -> None:
    rubric = load_default_rubric()
    assert rubric.indicators is rubric.indicators
    assert rubric.codes == tuple(i.code for g in rubric.groups for i in g.indicators)
    assert rubric.indicator("2.3").code == "2.3"
    assert rubric.group_of("2.3").code == "2"
    with pytest.raises(KeyError):
        rubric.indicator("9.9")
    with pytest.raises(KeyError):
        rubric.group_of("9.9")
    again = rubric_from_json(rubric.canonical_json())
    assert again == rubric
    assert hash(again) == hash(rubric)


def test_a_decimal_step_that_binary_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"name": "x", "step": 0.1, "group": [{"code": "1", "name": "A", '
                    '"indicator": [{"code": "1.1", "name": "a", "standard": "s", "max": 10}]}]}',
                    encoding="utf-8")
    rubric = load_rubric(path)
    for value in (0.3, 0.7, 2.9, 9.9, 10.0, 0.0):
        assert rubric.is_valid_value("1.1", value), value
    for value in (0.35, 0.05, 9.95, 10.1):
        assert not rubric.is_valid_value("1.1", value), value


def test_a_year_with_scores_keeps_its_rubric(demo_ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from evaluator.errors import WorkspaceError

    year = demo_ws.current_year()
    before = demo_ws.rubric(year).fingerprint
    scores = demo_ws.db.execute("SELECT COUNT(*) FROM scores WHERE year = ?",
                                (year,)).fetchone()[0]
    assert scores > 0
    text = load_default_rubric_text().replace("max = 5", "max = 10", 1)
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as info:
        demo_ws.set_year_rubric(year, load_rubric(path))
    assert info.value.problems[0].code == "year.rubric_in_use"
    assert info.value.problems[0].params == {"year": year, "count": scores}
    assert demo_ws.rubric(year).fingerprint == before
    assert f"{scores} 条评分" in info.value.render("zh")
