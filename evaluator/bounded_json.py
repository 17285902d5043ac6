"""JSON from outside (a rubric, a manifest): size, nesting depth and finite numbers
checked while it is parsed.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import short_reason

# -- JSON: size, depth and finite numbers ------------------------------------------------

MAX_JSON_BYTES = 20_000_000
MAX_JSON_DEPTH = 64
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _non_finite(token: str) -> float:
    raise ValueError(f"non-finite number {token}")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(f"number out of range {token[:40]}")
    return value


def load_json(text: str | bytes, *, file: str | None = None, max_bytes: int = MAX_JSON_BYTES,
              max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON refused (EvaluatorError `reading.bad_json`) if larger than `max_bytes`, nested
    deeper than `max_depth`, or holding NaN, Infinity or a number beyond a float."""
    def refuse(reason: str) -> EvaluatorError:
        return EvaluatorError(Problem("reading.bad_json", {"reason": reason}, file=file))

    if len(text) > max_bytes:
        raise refuse(f"{len(text)} bytes (limit {max_bytes})")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refuse("not UTF-8") from None
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise refuse(f"nested deeper than {max_depth}")
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(text, parse_constant=_non_finite, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise refuse(short_reason(exc)) from None


def check_finite(data: Any, *, file: str | None = None, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Refuse data (from TOML, say) nested deeper than `max_depth` or holding a non-finite
    float (TOML has `inf` and `nan`)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            raise EvaluatorError(Problem("reading.bad_json", {
                "reason": f"nested deeper than {max_depth}"}, file=file))
        if isinstance(value, float) and not math.isfinite(value):
            raise EvaluatorError(Problem("reading.bad_json", {
                "reason": f"non-finite number {value}"}, file=file))
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
