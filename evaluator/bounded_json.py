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
from evaluator.messages import Text

# -- JSON: size, depth and finite numbers ------------------------------------------------

MAX_JSON_BYTES = 20_000_000
MAX_JSON_DEPTH = 64
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class _NotFinite(ValueError):
    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def _non_finite(token: str) -> float:
    raise _NotFinite(token)


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _NotFinite(token[:40])
    return value


def load_json(text: str | bytes, *, file: str | None = None, max_bytes: int = MAX_JSON_BYTES,
              max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON refused (EvaluatorError `reading.bad_json`) if larger than `max_bytes`, nested
    deeper than `max_depth`, or holding NaN, Infinity or a number beyond a float."""
    def refuse(reason: str, **params: Any) -> EvaluatorError:
        return EvaluatorError(Problem("reading.bad_json", {
            "reason": Text(f"reading.reason.{reason}", params)}, file=file))

    if len(text) > max_bytes:
        raise refuse("json_too_large", size=len(text), limit=max_bytes)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refuse("not_utf8") from None
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise refuse("too_deep", limit=max_depth)
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(text, parse_constant=_non_finite, parse_float=_finite_float)
    except _NotFinite as exc:
        raise refuse("non_finite", value=exc.token) from None
    except json.JSONDecodeError as exc:
        raise refuse("json_syntax", line=exc.lineno, column=exc.colno,
                     detail=exc.msg) from None
    except RecursionError:
        raise refuse("too_deep", limit=max_depth) from None
    except ValueError as exc:  # e.g. an integer with too many digits
        raise refuse("json_value", detail=short_reason(exc)) from None


def check_finite(data: Any, *, file: str | None = None, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Refuse data (from TOML, say) nested deeper than `max_depth` or holding a non-finite
    float (TOML has `inf` and `nan`): `reading.bad_values`."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            raise EvaluatorError(Problem("reading.bad_values", {
                "reason": Text("reading.reason.too_deep", {"limit": max_depth})}, file=file))
        if isinstance(value, float) and not math.isfinite(value):
            raise EvaluatorError(Problem("reading.bad_values", {
                "reason": Text("reading.reason.non_finite", {"value": str(value)})},
                file=file))
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
