"""The indicator system (指标体系): first-level groups, second-level indicators, points.

A rubric is read from a TOML or JSON file, checked, and given a fingerprint: the SHA-256
of its canonical JSON form. Every score file carries the fingerprint of the rubric it was
scored against, so a file scored against another rubric is refused at merge time.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.bounded_json import check_finite, load_json
from evaluator.errors import EvaluatorError, Problem, RubricError
from evaluator.file_reading import file_problems, read_file_bytes
from evaluator.resources import resource_path

DEFAULT_RUBRIC = "rubric_2018.toml"
MAX_RUBRIC_BYTES = 1_000_000
MAX_RUBRIC_DEPTH = 16
MIN_STEP = 0.01  # the method scores in halves; a hundredth leaves room, 1e-300 does not
MAX_POINTS = 1_000
MAX_STEPS_PER_INDICATOR = 10_000

messages.register(
    {
        "rubric.text": {"zh": "文本", "en": "text"},
        "rubric.number": {"zh": "数字", "en": "a number"},
        "rubric.not_a_table": {
            "zh": "内容不是一个表（键值对）", "en": "its content is not a table",
        },
        "rubric.where.rubric": {"zh": "指标体系", "en": "rubric"},
        "rubric.where.group": {"zh": "第 {n} 个一级指标", "en": "group #{n}"},
        "rubric.where.group_code": {"zh": "第 {n} 个一级指标（{code}）", "en": "group #{n} ({code})"},
        "rubric.where.indicator": {
            "zh": "第 {group} 个一级指标的第 {n} 个二级指标", "en": "group #{group} indicator #{n}",
        },
        "rubric.range": {"zh": "介于 {low} 与 {high} 之间的数", "en": "between {low} and {high}"},
        "rubric.at_most_steps": {
            "zh": "不超过评分步长的 {n} 倍", "en": "at most {n} times the step",
        },
        "rubric.reason.syntax": {"zh": "格式有误：{detail}", "en": "malformed: {detail}"},
        "rubric.unreadable": {
            "zh": "指标体系文件无法解析：{reason}",
            "en": "The rubric file cannot be parsed: {reason}",
        },
        "rubric.too_large": {
            "zh": "指标体系文件过大（{size} 字节，上限 {limit}）",
            "en": "The rubric file is too large ({size} bytes, limit {limit})",
        },
        "rubric.missing_field": {
            "zh": "{where}缺少字段“{field}”",
            "en": "{where} lacks the field '{field}'",
        },
        "rubric.bad_value": {
            "zh": "{where}的“{field}”值为 {value}，应为{expected}",
            "en": "{where}: '{field}' is {value}, expected {expected}",
        },
        "rubric.duplicate_code": {
            "zh": "指标代码 {code} 重复",
            "en": "Indicator code {code} appears twice",
        },
        "rubric.bad_code": {
            "zh": "指标代码 {code} 不属于一级指标 {group}（应为 {group}.n）",
            "en": "Indicator code {code} does not belong to group {group} (expected {group}.n)",
        },
        "rubric.no_indicators": {
            "zh": "{where}没有二级指标",
            "en": "{where} has no second-level indicators",
        },
        "rubric.off_step": {
            "zh": "指标 {code} 的满分 {max} 不是评分步长 {step} 的整数倍",
            "en": "Indicator {code}: maximum {max} is not a multiple of the step {step}",
        },
    }
)


@dataclass(frozen=True)
class Indicator:
    code: str
    group: str
    name: str
    name_en: str
    standard: str
    standard_en: str
    max_points: float
    sort: int


@dataclass(frozen=True)
class IndicatorGroup:
    code: str
    name: str
    name_en: str
    indicators: tuple[Indicator, ...]

    @property
    def max_points(self) -> float:
        return sum(i.max_points for i in self.indicators)


@dataclass(frozen=True)
class Rubric:
    name: str
    name_en: str
    version: str
    step: float
    groups: tuple[IndicatorGroup, ...]
    _indicators: tuple[Indicator, ...] = field(init=False, repr=False, compare=False)
    _codes: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _by_code: dict[str, Indicator] = field(init=False, repr=False, compare=False)
    _group_by_code: dict[str, IndicatorGroup] = field(init=False, repr=False, compare=False)
    _step_is_exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Look-ups the merge makes per score (1.2 million at XL, docs/performance.md),
        # built once: the dataclass is frozen, so its fields cannot change afterwards.
        indicators = tuple(i for g in self.groups for i in g.indicators)
        object.__setattr__(self, "_indicators", indicators)
        object.__setattr__(self, "_codes", tuple(i.code for i in indicators))
        object.__setattr__(self, "_by_code", {i.code: i for i in indicators})
        object.__setattr__(self, "_group_by_code",
                           {i.code: g for g in self.groups for i in g.indicators})
        # A step a binary float holds exactly (0.5, 1, 0.25) lets float arithmetic decide
        # "on the step" exactly as decimal arithmetic would.
        object.__setattr__(self, "_step_is_exact", _exact_in_binary(self.step))

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return self._indicators

    @property
    def codes(self) -> tuple[str, ...]:
        return self._codes

    @property
    def max_total(self) -> float:
        return sum(g.max_points for g in self.groups)

    def indicator(self, code: str) -> Indicator:
        return self._by_code[code]

    def group_of(self, code: str) -> IndicatorGroup:
        return self._group_by_code[code]

    def is_valid_value(self, code: str, value: float) -> bool:
        """Within 0..max and on the rubric's step.

        With a step a binary float holds exactly (the rubric's 0.5), a value is on the
        step only if it is exactly a multiple of it, as in exact decimal arithmetic
        (4.4999999999 is not); with another step (0.1) within 1e-9, since 3 x 0.1 is not
        0.3 in binary.
        """
        ind = self.indicator(code)
        if not 0 <= value <= ind.max_points:
            return False
        step = self.step
        multiple = round(value / step) * step
        if self._step_is_exact:
            return bool(multiple == value)
        return abs(multiple - value) <= 1e-9

    def canonical(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "name_en": self.name_en,
            "version": self.version,
            "step": self.step,
            "groups": [
                {
                    "code": g.code,
                    "name": g.name,
                    "name_en": g.name_en,
                    "indicators": [
                        {
                            "code": i.code,
                            "name": i.name,
                            "name_en": i.name_en,
                            "standard": i.standard,
                            "standard_en": i.standard_en,
                            "max": i.max_points,
                        }
                        for i in g.indicators
                    ],
                }
                for g in self.groups
            ],
        }

    def canonical_json(self) -> str:
        return json.dumps(
            self.canonical(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def _exact_in_binary(step: float) -> bool:
    """True if the decimal written form of `step` (0.5) is exactly its binary value."""
    try:
        return Decimal(step) == Decimal(repr(float(step)))
    except (InvalidOperation, ValueError, OverflowError):
        return False


def default_rubric_path() -> Path:
    return resource_path(DEFAULT_RUBRIC)


def load_default_rubric() -> Rubric:
    return load_rubric(default_rubric_path())


def load_rubric(path: Path | str) -> Rubric:
    path = Path(path)
    size, problems = file_problems(path, 1 << 40)
    problems = [p for p in problems if p.code != "reading.empty_file"]  # named by its fields
    if problems:
        raise RubricError(problems)
    if size > MAX_RUBRIC_BYTES:
        raise RubricError(
            Problem("rubric.too_large", {"size": size, "limit": MAX_RUBRIC_BYTES}, file=path.name)
        )
    try:
        raw = read_file_bytes(path, MAX_RUBRIC_BYTES) if size else b""
        textual = raw.decode("utf-8-sig")
        if path.suffix.lower() == ".json":
            data = load_json(textual, file=path.name, max_bytes=MAX_RUBRIC_BYTES,
                             max_depth=MAX_RUBRIC_DEPTH)
        else:
            data = tomllib.loads(textual)
            check_finite(data, file=path.name, max_depth=MAX_RUBRIC_DEPTH)
    except UnicodeDecodeError:
        raise RubricError(Problem("rubric.unreadable", {
            "reason": messages.Text("reading.reason.not_utf8")}, file=path.name)) from None
    except RecursionError:
        raise RubricError(Problem("rubric.unreadable", {"reason": messages.Text(
            "reading.reason.too_deep", {"limit": MAX_RUBRIC_DEPTH})}, file=path.name)) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError: its words name the line and column
        raise RubricError(Problem("rubric.unreadable", {"reason": messages.Text(
            "rubric.reason.syntax", {"detail": str(exc)[:200]})}, file=path.name)) from None
    except EvaluatorError as exc:
        raise RubricError(exc.problems) from None
    return rubric_from_data(data, file=path.name)


def rubric_from_json(text: str, file: str | None = None) -> Rubric:
    """Read back the canonical form stored in a workspace or package (depth, size and
    finite numbers checked: a package comes from outside)."""
    try:
        data = load_json(text, file=file, max_bytes=MAX_RUBRIC_BYTES,
                         max_depth=MAX_RUBRIC_DEPTH)
    except EvaluatorError as exc:
        raise RubricError(exc.problems) from None
    if not isinstance(data, dict):
        raise RubricError(Problem("rubric.unreadable", {"reason": messages.Text("rubric.not_a_table")}, file=file))
    groups = [
        {**g, "indicator": g.get("indicators", [])} for g in data.get("groups", [])
    ]
    return rubric_from_data({**data, "group": groups})


def rubric_from_data(data: Any, file: str | None = None) -> Rubric:
    problems: list[Problem] = []

    def need(obj: Any, field: str, where: messages.Text,
             kind: type | tuple[type, ...] = str) -> Any:
        if not isinstance(obj, dict) or field not in obj:
            problems.append(Problem("rubric.missing_field", {"where": where, "field": field},
                                    file=file))
            return None
        value = obj[field]
        if not isinstance(value, kind) or isinstance(value, bool):
            expected = messages.Text("rubric.text" if kind is str else "rubric.number")
            problems.append(Problem("rubric.bad_value", {"where": where, "field": field,
                                    "value": repr(value)[:60], "expected": expected}, file=file))
            return None
        return value

    if not isinstance(data, dict):
        raise RubricError(Problem("rubric.unreadable", {"reason": messages.Text("rubric.not_a_table")}, file=file))
    top = messages.Text("rubric.where.rubric")
    name = need(data, "name", top) or ""
    step_raw = need(data, "step", top, (int, float))
    step = float(step_raw) if step_raw is not None else 0.5
    if step_raw is not None and not (MIN_STEP <= step <= MAX_POINTS):
        problems.append(Problem("rubric.bad_value", {"where": top, "field": "step",
                                "value": step_raw, "expected": messages.Text(
                                    "rubric.range", {"low": MIN_STEP, "high": MAX_POINTS})},
                                file=file))
        step = 0.5
    raw_groups = data.get("group")
    if not isinstance(raw_groups, list) or not raw_groups:
        problems.append(Problem("rubric.missing_field", {"where": top, "field": "group"},
                                file=file))
        raw_groups = []
    seen: set[str] = set()
    groups: list[IndicatorGroup] = []
    sort = 0
    for gi, g in enumerate(raw_groups, start=1):
        where = messages.Text("rubric.where.group", {"n": gi})
        gcode = need(g, "code", where)
        gname = need(g, "name", where)
        inds: list[Indicator] = []
        raw_inds = g.get("indicator") if isinstance(g, dict) else None
        if not isinstance(raw_inds, list) or not raw_inds:
            problems.append(Problem("rubric.no_indicators", {"where": messages.Text(
                "rubric.where.group_code", {"n": gi, "code": gcode or "-"})},
                                    file=file))
            raw_inds = []
        for ii, ind in enumerate(raw_inds, start=1):
            iwhere = messages.Text("rubric.where.indicator", {"group": gi, "n": ii})
            code = need(ind, "code", iwhere)
            iname = need(ind, "name", iwhere)
            standard = need(ind, "standard", iwhere)
            max_raw = need(ind, "max", iwhere, (int, float))
            if code is None or iname is None or standard is None or max_raw is None:
                continue
            if code in seen:
                problems.append(Problem("rubric.duplicate_code", {"code": code}, file=file))
                continue
            seen.add(code)
            if gcode is not None and not code.startswith(f"{gcode}."):
                problems.append(Problem("rubric.bad_code", {"code": code, "group": gcode},
                                        file=file))
            max_points = float(max_raw)
            if not 0 < max_points <= MAX_POINTS:
                problems.append(Problem("rubric.bad_value", {"where": iwhere, "field": "max",
                                        "value": max_raw, "expected": messages.Text(
                                            "rubric.range", {"low": 0, "high": MAX_POINTS})},
                                        file=file))
                continue
            if max_points / step > MAX_STEPS_PER_INDICATOR:
                problems.append(Problem("rubric.bad_value", {"where": iwhere, "field": "max",
                                        "value": max_raw,
                                        "expected": messages.Text(
                                            "rubric.at_most_steps",
                                            {"n": MAX_STEPS_PER_INDICATOR})},
                                        file=file))
                continue
            if (Decimal(repr(max_points)) / Decimal(repr(step))) % 1 != 0:
                problems.append(Problem("rubric.off_step", {"code": code, "max": max_points,
                                        "step": step}, file=file))
            sort += 1
            inds.append(Indicator(code=code, group=gcode or "", name=iname,
                                  name_en=str(ind.get("name_en", iname)), standard=standard,
                                  standard_en=str(ind.get("standard_en", standard)),
                                  max_points=max_points, sort=sort))
        if gcode is not None and gname is not None:
            groups.append(IndicatorGroup(code=gcode, name=gname,
                                         name_en=str(g.get("name_en", gname)),
                                         indicators=tuple(inds)))
    if problems:
        raise RubricError(problems)
    return Rubric(name=name, name_en=str(data.get("name_en", name)),
                  version=str(data.get("version", "")), step=step, groups=tuple(groups))
